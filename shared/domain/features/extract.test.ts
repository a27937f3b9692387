import { describe, expect, it } from 'vitest';
import { aggregateOf, extractRawFeatures, rawFeatureColumns } from './extract';
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
