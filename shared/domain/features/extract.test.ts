import { describe, expect, it } from 'vitest';
import type { FhirJson } from '../ingest/source-record';
import { aggregateOf, categoricalValues, extractRawFeatures, rawFeatureColumns } from './extract';
import { featureSpecVersion } from './spec';

const at = new Date('2026-06-01T00:00:00Z');
const patient = {
  resourceType: 'Patient',
  id: 'p1',
  gender: 'female',
  birthDate: '1961-06-02',
  extension: [
    {
      url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
      extension: [{ url: 'ombCategory', valueCoding: { code: '2054-5' } }],
    },
  ],
};
const bp = (id: string, when: string, sys: number, dia: number) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
  effectiveDateTime: when,
  component: [
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
      valueQuantity: { value: sys, code: 'mm[Hg]' },
    },
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
      valueQuantity: { value: dia, code: 'mm[Hg]' },
    },
  ],
});
const lab = (id: string, code: string, when: string, value: number, unit: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  effectiveDateTime: when,
  valueQuantity: { value, unit, code: unit },
});

describe('Function: rawFeatureColumns', () => {
  it("is every column a patient's vector has, whatever the record holds", () => {
    const withData = extractRawFeatures(
      [
        patient,
        bp('o1', '2026-05-01T09:00:00Z', 130, 85),
        lab('g1', '2345-7', '2026-05-01T00:00:00Z', 180, 'mg/dL'),
      ],
      at,
    );
    expect(rawFeatureColumns()).toEqual(Object.keys(withData.features));
    expect(rawFeatureColumns()).toEqual(
      expect.arrayContaining(['age_years', 'sex', 'race', 'smoking']),
    );
  });
});

describe('Function: extractRawFeatures', () => {
  it('summarises BP panel components over the window with provenance, ignoring readings after `at`', () => {
    // Prepare
    const record = [
      patient,
      bp('o1', '2025-07-01T09:00:00Z', 150, 95),
      bp('o2', '2026-01-01T09:00:00Z', 140, 90),
      bp('o3', '2026-05-01T09:00:00Z', 130, 85),
      bp('o4', '2026-07-01T09:00:00Z', 200, 120), // after `at`: the future is not a feature
      bp('o0', '2024-01-01T09:00:00Z', 180, 100), // outside the 365-day window
    ];
    // Act
    const v = extractRawFeatures(record, at);
    // Assess
    expect(v.specVersion).toBe(featureSpecVersion);
    expect(v.features.sbp_latest).toMatchObject({
      value: 130,
      unit: 'mm[Hg]',
      provenance: { sources: ['Observation/o3'], count: 1 },
    });
    expect(v.features.sbp_mean!.value).toBe(140);
    expect(v.features.sbp_min!.value).toBe(130);
    expect(v.features.sbp_max!.value).toBe(150);
    expect(v.features.sbp_count!.value).toBe(3);
    expect(v.features.sbp_mean!.provenance).toMatchObject({
      count: 3,
      windowDays: 365,
      newest: '2026-05-01T09:00:00Z',
    });
    expect(v.features.sbp_slope!.value as number).toBeLessThan(0);
    expect(v.features.dbp_latest!.value).toBe(85);
  });

  it('converts labs to the canonical unit, whatever unit the hospital sent', () => {
    const record = [patient, lab('g1', '2345-7', '2026-05-01T00:00:00Z', 180.16, 'mg/dL')];
    const v = extractRawFeatures(record, at);
    expect(v.features.glucose_latest!.value as number).toBeCloseTo(10.0, 2);
    expect(v.features.glucose_latest!.unit).toBe('mmol/L');
  });

  it('winsorises an extreme but possible value at the clinical limit and says so', () => {
    const v = extractRawFeatures([patient, bp('o1', '2026-05-01T00:00:00Z', 280, 100)], at);
    expect(v.features.sbp_latest!.value).toBe(250);
    expect(v.features.sbp_latest!.provenance.note).toMatch(/winsorised to \[70, 250\]/);
  });

  it('marks missing measurements with an indicator and a null value, never a guess', () => {
    const v = extractRawFeatures([patient], at);
    expect(v.features.hba1c_latest!.value).toBeNull();
    expect(v.features.hba1c_missing!.value).toBe(1);
    expect(v.features.hba1c_latest!.provenance.note).toBe('no reading in window');
  });

  it('computes age in whole years at `at`, and reads sex and OMB race', () => {
    const v = extractRawFeatures([patient], at);
    expect(v.features.age_years!.value).toBe(64); // 65th birthday is the day after `at`
    expect(v.features.sex!.value).toBe('female');
    expect(v.features.race!.value).toBe('2054-5');
  });

  it('flags active conditions by ICD-10-CM prefix or SNOMED CT, not resolved or refuted ones', () => {
    const condition = (
      id: string,
      system: string,
      code: string,
      status = 'active',
      verification = 'confirmed',
    ) => ({
      resourceType: 'Condition',
      id,
      clinicalStatus: { coding: [{ code: status }] },
      verificationStatus: { coding: [{ code: verification }] },
      code: { coding: [{ system, code }] },
      subject: { reference: 'Patient/p1' },
    });
    const v = extractRawFeatures(
      [
        patient,
        condition('c1', 'http://hl7.org/fhir/sid/icd-10-cm', 'E11.65'),
        condition('c2', 'http://snomed.info/sct', '49436004'),
        condition('c3', 'http://hl7.org/fhir/sid/icd-10-cm', 'I10', 'resolved'),
        condition('c4', 'http://hl7.org/fhir/sid/icd-10-cm', 'J45.909', 'active', 'refuted'),
      ],
      at,
    );
    expect(v.features.condition_type2_diabetes).toMatchObject({
      value: 1,
      provenance: { sources: ['Condition/c1'] },
    });
    expect(v.features.condition_atrial_fibrillation!.value).toBe(1);
    expect(v.features.condition_hypertension!.value).toBe(0);
    expect(v.features.condition_asthma!.value).toBe(0);
  });

  it('flags heart failure recorded by SNOMED CT alone as Synthea records it (88805009) or by phenotype (703272007)', () => {
    const hf = (id: string, code: string) => ({
      resourceType: 'Condition',
      id,
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code }] },
      subject: { reference: 'Patient/p1' },
    });
    for (const code of ['88805009', '703272007', '446221000'])
      expect(
        extractRawFeatures([patient, hf('h1', code)], at).features.condition_heart_failure!.value,
      ).toBe(1);
  });

  it('recognises active medication classes from the ingredient in the name', () => {
    const request = (id: string, display: string, status = 'active') => ({
      resourceType: 'MedicationRequest',
      id,
      status,
      authoredOn: '2026-01-01',
      medicationCodeableConcept: {
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1', display }],
      },
    });
    const v = extractRawFeatures(
      [
        patient,
        request('m1', 'atorvastatin 20 MG Oral Tablet'),
        request('m2', 'metformin hydrochloride 500 MG Oral Tablet', 'stopped'),
      ],
      at,
    );
    expect(v.features.medication_statin).toMatchObject({
      value: 1,
      provenance: { sources: ['MedicationRequest/m1'] },
    });
    expect(v.features.medication_biguanide!.value).toBe(0);
  });
});

describe('Function: aggregateOf', () => {
  const day = 86_400_000;
  it('gives the least-squares slope per year and refuses a trend over less than a week', () => {
    const year = 365.2425 * day;
    expect(
      aggregateOf('slope', [
        { time: 0, value: 100 },
        { time: year, value: 110 },
        { time: 2 * year, value: 120 },
      ]),
    ).toBeCloseTo(10, 9);
    expect(
      aggregateOf('slope', [
        { time: 0, value: 100 },
        { time: 3 * day, value: 130 },
      ]),
    ).toBeNull();
    expect(aggregateOf('mean', [])).toBeNull();
  });
});

describe('Function: extractRawFeatures, at a retrospective index date', () => {
  const index = new Date('2023-01-01T00:00:00Z');
  const icd = (code: string) => ({
    coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }],
  });
  const later = lab('a1', '4548-4', '2023-06-01T00:00:00Z', 7.4, '%'); // dated after the index

  it('dates a Condition by onsetPeriod.start, as the labels do: a later MI is no feature at the index date', () => {
    const mi = (start: string) => ({
      resourceType: 'Condition',
      id: 'c1',
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: icd('I21.4'),
      onsetPeriod: { start, end: '2024-01-20' },
    });
    const after = extractRawFeatures([patient, mi('2024-01-10')], index).features;
    expect(after.condition_coronary_disease).toMatchObject({ value: 0, provenance: { count: 0 } });
    const before = extractRawFeatures([patient, mi('2022-12-31')], index).features;
    expect(before.condition_coronary_disease).toMatchObject({
      value: 1,
      provenance: { sources: ['Condition/c1'] },
    });
    // A Condition dated only by recordedDate is dated by it.
    const recorded = { ...mi('x'), onsetPeriod: undefined, recordedDate: '2023-01-02' };
    expect(
      extractRawFeatures([patient, recorded], index).features.condition_coronary_disease!.value,
    ).toBe(0);
  });

  it('leaves out an undated Condition at a retrospective index date, and says so', () => {
    const e11 = { resourceType: 'Condition', id: 'd1', code: icd('E11.9') };
    const retrospective = { retrospective: true };
    for (const record of [
      [patient, e11, later],
      [patient, e11], // even with nothing dated after the index date
    ])
      expect(
        extractRawFeatures(record, index, retrospective).features.condition_type2_diabetes,
      ).toEqual({
        value: 0,
        provenance: {
          sources: [],
          count: 0,
          note: '1 undated Condition(s) left out at a retrospective index date',
        },
      });
    // The same moment read as the present: an undated active Condition is on the record now.
    expect(
      extractRawFeatures([patient, e11, later], index).features.condition_type2_diabetes,
    ).toEqual({ value: 1, provenance: { sources: ['Condition/d1'], count: 1 } });
  });

  it('leaves out an undated active medication request at a retrospective index date', () => {
    const statin = {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'active',
      medicationCodeableConcept: { text: 'atorvastatin 20 MG Oral Tablet' },
    };
    const retrospective = { retrospective: true };
    for (const record of [
      [patient, statin, later],
      [patient, statin],
    ]) {
      expect(
        extractRawFeatures(record, index, retrospective).features.medication_statin!.value,
      ).toBe(0);
      expect(extractRawFeatures(record, index).features.medication_statin!.value).toBe(1);
    }
  });

  it('judges a Condition as it stood at the index date: resolved since counts, abated before does not', () => {
    // Hypertension from 2015, resolved in 2024 (reviewer's D1): under way on 2023-01-01.
    const htn = (extra: Record<string, unknown>, status = 'resolved') => ({
      resourceType: 'Condition',
      id: 'c1',
      clinicalStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status },
        ],
      },
      code: icd('I10'),
      onsetDateTime: '2015-03-01',
      ...extra,
    });
    const read = (condition: FhirJson, who: FhirJson = patient) =>
      extractRawFeatures([who, condition], index, { retrospective: true }).features
        .condition_hypertension!;
    expect(read(htn({ abatementDateTime: '2024-02-01' }))).toEqual({
      value: 1,
      provenance: { sources: ['Condition/c1'], count: 1 },
    });
    // Abated on the index day itself: still under way that day; the day before: not.
    expect(read(htn({ abatementDateTime: '2023-01-01T18:00:00Z' })).value).toBe(1);
    expect(read(htn({ abatementDateTime: '2022-12-31' })).value).toBe(0);
    // An abatement period's end, else its start; a partial date reads as its first day.
    expect(read(htn({ abatementPeriod: { start: '2022-06-01', end: '2023-03-01' } })).value).toBe(
      1,
    );
    expect(read(htn({ abatementPeriod: { start: '2022-06-01' } })).value).toBe(0);
    expect(read(htn({ abatementDateTime: '2024' })).value).toBe(1);
    // Read as its first day, padded before comparing (review r2: the string compare put '2023'
    // before 2023-01-01 and dropped it): abated "in 2023" counts on 2023-01-01, the day of `at`,
    // and not at 2022-12-31; likewise to the month.
    expect(read(htn({ abatementDateTime: '2023' })).value).toBe(1);
    expect(read(htn({ abatementPeriod: { end: '2023-01' } })).value).toBe(1);
    const dayBefore = new Date('2022-12-31T00:00:00Z');
    for (const partial of ['2023', '2023-01'])
      expect(
        extractRawFeatures([patient, htn({ abatementDateTime: partial })], dayBefore, {
          retrospective: true,
        }).features.condition_hypertension!.value,
      ).toBe(1);
    expect(
      extractRawFeatures(
        [patient, htn({ abatementDateTime: '2023-06' })],
        new Date('2023-06-01T00:00:00Z'),
        { retrospective: true },
      ).features.condition_hypertension!.value,
    ).toBe(1);
    expect(
      extractRawFeatures(
        [patient, htn({ abatementDateTime: '2023-06' })],
        new Date('2023-06-02T00:00:00Z'),
        { retrospective: true },
      ).features.condition_hypertension!.value,
    ).toBe(0);
    // Active (or unspecified) today: counts from its onset whatever its abatement says, as the
    // present reads it (review r2, features-2026.12.4: until then an abatement before `at` won over
    // an active status, so a record read 0 in training and 1 served; an active Condition with an
    // abatement breaks FHIR R4 con-4). The rule changed for consistency; ended ones still go by
    // their abatement, above.
    for (const status of ['active', 'recurrence', 'relapse', undefined]) {
      const condition = htn({ abatementDateTime: '2020-01-01' }, status);
      if (status === undefined) delete (condition as Record<string, unknown>).clinicalStatus;
      expect(read(condition).value).toBe(1);
    }
    // A status outside condition-clinical is not counted, as in the present.
    expect(read(htn({ abatementDateTime: '2024-02-01' }, 'unknown')).value).toBe(0);
    // Abated at an age: under way while the patient (born 1961-06-02) was younger at `at` (61).
    const years = (value: number) => ({
      value,
      unit: 'years',
      system: 'http://unitsofmeasure.org',
      code: 'a',
    });
    expect(read(htn({ abatementAge: years(62) })).value).toBe(1);
    expect(read(htn({ abatementAge: years(61) })).value).toBe(0);
    expect(read(htn({ abatementRange: { low: years(63), high: years(64) } })).value).toBe(1);
    const unborn = { ...patient, birthDate: undefined };
    expect(read(htn({ abatementAge: years(62) }), unborn).value).toBe(0);
    // Resolved with no abatement date (or an undatable one): ended at an unknown date, left out
    // and said; still active with no abatement: counts.
    for (const undatable of [{}, { abatementString: 'in her fifties' }, { abatementBoolean: true }])
      expect(read(htn(undatable))).toEqual({
        value: 0,
        provenance: {
          sources: [],
          count: 0,
          note: '1 Condition(s) ended at an unknown date left out at a retrospective index date',
        },
      });
    expect(read(htn({}, 'active')).value).toBe(1);
    expect(read(htn({}, 'recurrence')).value).toBe(1);
    // Refuted or entered in error never counts, whatever its dates.
    for (const verification of ['refuted', 'entered-in-error'])
      expect(
        read({
          ...htn({ abatementDateTime: '2024-02-01' }),
          verificationStatus: { coding: [{ code: verification }] },
        }).value,
      ).toBe(0);
    // Diagnosed after the index date: not yet a feature, whatever its abatement.
    expect(read(htn({ onsetDateTime: '2023-06-01', abatementDateTime: '2024-02-01' })).value).toBe(
      0,
    );
  });

  it('reads the features of the present by status today, as before', () => {
    const resolved = {
      resourceType: 'Condition',
      id: 'c1',
      clinicalStatus: { coding: [{ code: 'resolved' }] },
      code: icd('I10'),
      onsetDateTime: '2015-03-01',
      abatementDateTime: '2024-02-01',
    };
    const completed = {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'completed',
      authoredOn: '2022-01-01',
      medicationCodeableConcept: { text: 'atorvastatin 20 mg tablet' },
      dispenseRequest: { validityPeriod: { start: '2022-01-01', end: '2024-06-01' } },
    };
    const ended = {
      ...completed,
      id: 'm2',
      status: 'active',
      dispenseRequest: { validityPeriod: { end: '2022-06-01' } },
    };
    const f = extractRawFeatures([patient, resolved, completed], index).features;
    expect([f.condition_hypertension!.value, f.medication_statin!.value]).toEqual([0, 0]);
    // An active order counts in the present whatever its validity period says.
    expect(extractRawFeatures([patient, ended], index).features.medication_statin).toMatchObject({
      value: 1,
      provenance: { sources: ['MedicationRequest/m2'], note: 'ATC C10AA' },
    });
  });

  it('judges orders and statements as they stood at the index date', () => {
    // A statin ordered in 2022 and completed in 2024 (reviewer's D1): under way on 2023-01-01.
    const request = (status: string, extra: Record<string, unknown> = {}) => ({
      resourceType: 'MedicationRequest',
      id: 'm1',
      status,
      intent: 'order',
      authoredOn: '2022-01-01',
      medicationCodeableConcept: { text: 'atorvastatin 20 mg tablet' },
      ...extra,
    });
    const statement = (status: string, effectivePeriod: Record<string, string>) => ({
      resourceType: 'MedicationStatement',
      id: 's1',
      status,
      effectivePeriod,
      medicationCodeableConcept: { coding: [{ display: 'metformin 500 MG Oral Tablet' }] },
    });
    const validTo = (end: string) => ({ dispenseRequest: { validityPeriod: { end } } });
    const read = (...r: FhirJson[]) => {
      const f = extractRawFeatures([patient, ...r], index, { retrospective: true }).features;
      return { statin: f.medication_statin!, biguanide: f.medication_biguanide! };
    };
    expect(read(request('completed', validTo('2024-06-01'))).statin).toEqual({
      value: 1,
      provenance: {
        sources: ['MedicationRequest/m1'],
        count: 1,
        windowDays: 365,
        note: 'ATC C10AA',
      },
    });
    for (const status of ['stopped', 'active'])
      expect(read(request(status, validTo('2023-01-01'))).statin.value).toBe(1);
    // Completed or stopped today and ended before the index day: not under way at it.
    for (const status of ['completed', 'stopped'])
      expect(read(request(status, validTo('2022-12-31'))).statin.value).toBe(0);
    // Active today: counts from its start whatever its validity period says, as the present reads
    // it (review r2, features-2026.12.4: until then a stale active order past its dispensing window
    // read 0 in training and 1 served; validityPeriod is the window for dispensing, not the
    // treatment). The rule changed for consistency; ended orders still go by their end, above.
    expect(read(request('active', validTo('2022-12-31'))).statin.value).toBe(1);
    expect(
      read(request('active', { authoredOn: '2023-01-02', ...validTo('2024-06-01') })).statin.value,
    ).toBe(0);
    // A partial end reads as its first day (padded before comparing): ended "in 2023" or "in
    // January 2023" counts on 2023-01-01; a partial start reads as its first day too.
    for (const end of ['2023', '2023-01'])
      expect(read(request('completed', validTo(end))).statin.value).toBe(1);
    expect(read(statement('stopped', { start: '2021-05', end: '2023' })).biguanide.value).toBe(1);
    expect(read(statement('stopped', { start: '2021-05', end: '2022-12' })).biguanide.value).toBe(
      0,
    );
    expect(
      read(request('completed', { authoredOn: '2023', ...validTo('2024') })).statin.value,
    ).toBe(1);
    // Statuses that never were a medicine taken, even with dates around the index date.
    for (const status of ['entered-in-error', 'cancelled', 'draft', 'on-hold', 'unknown'])
      expect(read(request(status, validTo('2024-06-01'))).statin.value).toBe(0);
    // Started after the index date.
    expect(
      read(request('completed', { authoredOn: '2023-02-01', ...validTo('2024-06-01') })).statin
        .value,
    ).toBe(0);
    // Completed or stopped with no end: ended at an unknown date, left out and said; active: counts.
    for (const status of ['completed', 'stopped'])
      expect(read(request(status)).statin).toMatchObject({
        value: 0,
        provenance: {
          note: 'ATC C10AA; 1 order(s) or statement(s) ended at an unknown date left out at a retrospective index date',
        },
      });
    expect(read(request('active')).statin.value).toBe(1);
    // A statement's effectivePeriod.end.
    expect(
      read(statement('completed', { start: '2021-05-01', end: '2023-04-01' })).biguanide.value,
    ).toBe(1);
    expect(
      read(statement('completed', { start: '2021-05-01', end: '2022-04-01' })).biguanide.value,
    ).toBe(0);
    expect(
      read(statement('not-taken', { start: '2021-05-01', end: '2023-04-01' })).biguanide.value,
    ).toBe(0);
  });

  it('agrees with the features of the present at `at` = now on every dated record (no train/serve skew)', () => {
    // Review r2: for the same record at the same instant, a stale "active" order past its
    // validity period and an active Condition with a past abatement read 1 served and 0 in
    // training. A record as it stands now: every date on or before today, except what a status
    // still under way may carry after it (a dispensing window running on, a stale abatement).
    const now = new Date('2026-06-01T12:00:00Z');
    // (A Condition is dated to the day, as the labels date it; a partial onset is undated, and an
    // undated entry is left out at a retrospective index date by design, 2026.12.2.)
    const days = ['2025-03-01', '2026-05-31', '2026-06-01T11:00:00Z', '2026-06-01'];
    const underWay = ['active', 'recurrence', 'relapse', undefined];
    const conditions: FhirJson[] = [];
    for (const status of [...underWay, 'inactive', 'remission', 'resolved', 'unknown'])
      for (const abatement of [
        {},
        { abatementDateTime: '2020-01-01' }, // reviewer's case, with 'active'
        { abatementDateTime: '2025' },
        { abatementPeriod: { start: '2024-01-01', end: '2026-05-31' } },
        {
          abatementAge: {
            value: 60,
            unit: 'years',
            system: 'http://unitsofmeasure.org',
            code: 'a',
          },
        },
        { abatementString: 'in her fifties' },
        ...(underWay.includes(status) ? [{ abatementDateTime: '2027-01-01' }] : []),
      ])
        for (const onset of days)
          for (const verification of ['confirmed', 'refuted'])
            conditions.push({
              resourceType: 'Condition',
              id: `c${conditions.length}`,
              ...(status ? { clinicalStatus: { coding: [{ code: status }] } } : {}),
              verificationStatus: { coding: [{ code: verification }] },
              code: icd('I10'),
              onsetDateTime: onset,
              ...abatement,
            });
    const medicines: FhirJson[] = [];
    const medicineStatuses = ['active', 'completed', 'stopped', 'on-hold', 'cancelled', 'draft'];
    for (const status of [...medicineStatuses, 'entered-in-error', 'not-taken', 'unknown'])
      for (const end of [undefined, '2022-12-31', '2026-05-31', '2025', '2026-05', '2027-01-01'])
        for (const start of [...days, '2025', '2026-05']) {
          if (end === '2027-01-01' && status !== 'active') continue; // ended, so not after now
          medicines.push(
            {
              resourceType: 'MedicationRequest',
              id: `m${medicines.length}`,
              status,
              authoredOn: start,
              medicationCodeableConcept: { text: 'atorvastatin 20 mg tablet' },
              ...(end ? { dispenseRequest: { validityPeriod: { start, end } } } : {}),
            },
            {
              resourceType: 'MedicationStatement',
              id: `s${medicines.length}`,
              status,
              effectivePeriod: { start, ...(end ? { end } : {}) },
              medicationCodeableConcept: { text: 'atorvastatin 20 mg tablet' },
            },
          );
        }
    const flags = (record: FhirJson[], retrospective: boolean) =>
      Object.fromEntries(
        Object.entries(extractRawFeatures(record, now, { retrospective }).features)
          .filter(([k]) => k.startsWith('condition_') || k.startsWith('medication_'))
          .map(([k, f]) => [k, f.value]),
      );
    const counted = { condition_hypertension: 0, medication_statin: 0 };
    for (const entry of [...conditions, ...medicines]) {
      const record = [patient, entry];
      const present = flags(record, false);
      expect({ entry, retrospective: flags(record, true) }).toEqual({
        entry,
        retrospective: present,
      });
      counted.condition_hypertension += present.condition_hypertension === 1 ? 1 : 0;
      counted.medication_statin += present.medication_statin === 1 ? 1 : 0;
    }
    // Not vacuous: in each group some records count and some do not.
    expect(counted.condition_hypertension).toBeGreaterThan(0);
    expect(counted.condition_hypertension).toBeLessThan(conditions.length);
    expect(counted.medication_statin).toBeGreaterThan(0);
    expect(counted.medication_statin).toBeLessThan(medicines.length);
  });

  it('gives no age, not a negative one, before the birth date', () => {
    const baby = { resourceType: 'Patient', id: 'b', birthDate: '2024-03-01', gender: 'female' };
    expect(extractRawFeatures([baby], index).features.age_years).toEqual({
      value: null,
      unit: 'a',
      provenance: { sources: [], count: 0, note: 'born after this moment' },
    });
    expect(extractRawFeatures([baby], new Date('2025-06-01')).features.age_years!.value).toBe(1);
  });

  it('counts age in calendar years: a birthday is a whole year, 29 February has its birthday on 1 March', () => {
    const ageOn = (birthDate: string, when: string) =>
      extractRawFeatures([{ ...patient, birthDate }], new Date(when)).features.age_years!.value;
    // Reviewer's D5: days / 365.2425 read 38 on the 39th birthday and 0 on the first.
    expect(ageOn('1988-06-15', '2027-06-15T02:00:00Z')).toBe(39);
    expect(ageOn('1988-06-15', '2027-06-14T23:59:59Z')).toBe(38);
    expect(ageOn('2025-03-01', '2026-03-01T04:00:00Z')).toBe(1);
    expect(ageOn('2025-03-01', '2026-02-28T23:00:00Z')).toBe(0);
    expect(ageOn('2025-03-01', '2025-03-01T00:00:00Z')).toBe(0);
    // Born 29 February 2000: 26 on 1 March 2027 (a common year), not on 28 February; 28 on
    // 29 February 2028.
    expect(ageOn('2000-02-29', '2027-02-28T12:00:00Z')).toBe(26);
    expect(ageOn('2000-02-29', '2027-03-01T00:00:00Z')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-28T12:00:00Z')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-29T00:00:00Z')).toBe(28);
  });
});

describe('Function: extractRawFeatures, at the present', () => {
  const now = new Date('2026-03-01T20:00:00Z');
  // An undated active problem-list entry and an undated current medicine (a reconciled list).
  const hypertension = {
    resourceType: 'Condition',
    id: 'c',
    clinicalStatus: { coding: [{ code: 'active' }] },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }] },
  };
  const statin = {
    resourceType: 'MedicationStatement',
    id: 'm',
    status: 'active',
    medicationCodeableConcept: { coding: [{ display: 'atorvastatin 20 MG Oral Tablet' }] },
  };
  const flags = (...extra: FhirJson[]) => {
    const f = extractRawFeatures([patient, hypertension, statin, ...extra], now).features;
    return { hypertension: f.condition_hypertension!.value, statin: f.medication_statin!.value };
  };

  it('counts undated active Conditions and medicines whatever else the record dates after `at`', () => {
    expect(flags()).toEqual({ hypertension: 1, statin: 1 });
    // A course that ends next month, and a care plan and coverage running on.
    const course = {
      resourceType: 'MedicationStatement',
      id: 'a',
      status: 'active',
      effectivePeriod: { start: '2026-02-20', end: '2026-04-01' },
      medicationCodeableConcept: { coding: [{ display: 'amoxicillin 500 MG' }] },
    };
    const plan = {
      resourceType: 'CarePlan',
      id: 'cp',
      period: { start: '2026-01-01', end: '2027-01-01' },
    };
    const coverage = { resourceType: 'Coverage', id: 'cv', period: { end: '2026-12-31' } };
    expect(flags(course, plan, coverage)).toEqual({ hypertension: 1, statin: 1 });
    // A reading taken a moment ago in a hospital at UTC+10, whose local day is already the 2nd.
    const pulse = {
      resourceType: 'Observation',
      id: 'o',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      effectiveDateTime: '2026-03-02T05:30:00+10:00',
      valueQuantity: { value: 70, unit: '/min' },
    };
    expect(flags(pulse)).toEqual({ hypertension: 1, statin: 1 });
  });
});

describe('Function: extractRawFeatures, statuses', () => {
  const smoking = (id: string, day: string, code: string, status: string) => ({
    resourceType: 'Observation',
    id,
    status,
    effectiveDateTime: day,
    code: { coding: [{ system: 'http://loinc.org', code: '72166-2' }] },
    valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code }] },
  });

  it('reads the latest smoking status that is not entered in error or cancelled', () => {
    const record = [
      patient,
      smoking('a', '2024-01-01', '266919005', 'final'), // never smoker
      smoking('b', '2024-06-01', '449868002', 'entered-in-error'),
      smoking('c', '2024-07-01', '449868002', 'cancelled'),
    ];
    expect(extractRawFeatures(record, at).features.smoking).toEqual({
      value: 'never',
      provenance: { sources: ['Observation/a'], count: 1, newest: '2024-01-01' },
    });
  });

  it('counts a dispense unless entered in error, cancelled or declined', () => {
    const dispense = (id: string, status: string) => ({
      resourceType: 'MedicationDispense',
      id,
      status,
      whenHandedOver: '2026-03-01',
      medicationCodeableConcept: { text: 'metformin 500 MG Oral Tablet' },
    });
    for (const status of ['entered-in-error', 'cancelled', 'declined'])
      expect(
        extractRawFeatures([patient, dispense('x', status)], at).features.medication_biguanide!
          .value,
      ).toBe(0);
    expect(
      extractRawFeatures([patient, dispense('d', 'completed')], at).features.medication_biguanide,
    ).toMatchObject({ value: 1, provenance: { sources: ['MedicationDispense/d'] } });
  });
});

describe('Constant: categoricalValues', () => {
  const person = (gender: unknown, race?: string) => ({
    resourceType: 'Patient',
    id: 'p',
    gender,
    ...(race
      ? {
          extension: [
            {
              url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
              extension: [{ url: 'ombCategory', valueCoding: { code: race } }],
            },
          ],
        }
      : {}),
  });

  it("holds every level of the spec's categorical features, and the extraction's unknowns", () => {
    expect(categoricalValues).toEqual({
      sex: ['female', 'male', 'other', 'unknown'],
      race: ['2106-3', '2054-5', '2028-9', '1002-5', '2076-8', '2131-1', 'UNK', 'ASKU'],
      ethnicity: ['2135-2', '2186-5', 'UNK', 'ASKU'],
      smoking: ['never', 'former', 'current', 'unknown'],
    });
  });

  it('is all the extraction gives: a value outside it reads as unknown', () => {
    const read = (gender: unknown, race?: string) => {
      const f = extractRawFeatures([person(gender, race)], at).features;
      return [f.sex!.value, f.race!.value];
    };
    expect(read('unknown', 'ASKU')).toEqual(['unknown', 'ASKU']);
    expect(read('F', '9999-9')).toEqual(['unknown', 'UNK']);
    expect(read(undefined)).toEqual([null, null]);
    const smokingUnknown = extractRawFeatures(
      [
        patient,
        {
          resourceType: 'Observation',
          id: 's',
          status: 'final',
          effectiveDateTime: '2026-01-01',
          code: { coding: [{ system: 'http://loinc.org', code: '72166-2' }] },
          valueCodeableConcept: {
            coding: [{ system: 'http://snomed.info/sct', code: '266927001' }],
          },
        },
      ],
      at,
    ).features.smoking!.value;
    expect(categoricalValues.smoking).toContain(smokingUnknown);
  });
});
