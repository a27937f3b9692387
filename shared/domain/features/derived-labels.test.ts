// Unit: the derived outcomes' rules on one patient's record (derived-labels.ts). The use case against
// the embedded stack is in test/training-table.int.test.ts.
import { describe, expect, it } from 'vitest';
import type { FhirJson } from '../ingest/source-record';
import { InMemoryObjects } from '../ingest/ingest-file.fixture';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import { genericServingItem } from '../serving/records';
import { featureFiles, featureSetKey } from './build';
import {
  baselineExclusion,
  deriveLabels,
  derivedOutcomeOf,
  derivedOutcomePopulations,
  derivedOutcomes,
  diabetesEvidence,
  isDerivedOutcome,
  labelPatient,
  outcomeFinding,
} from './derived-labels';
import { extractRawFeatures, rawFeatureColumns } from './extract';

const condition = (
  icd: string | undefined,
  onset: string,
  extra: Record<string, unknown> = {},
): FhirJson => ({
  resourceType: 'Condition',
  code: {
    coding: icd?.match(/^\d+$/)
      ? [{ system: 'http://snomed.info/sct', code: icd }]
      : [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: icd }],
  },
  onsetDateTime: onset,
  ...extra,
});
const a1c = (
  value: number,
  unit: '%' | 'mmol/mol',
  day: string,
  extra: Record<string, unknown> = {},
): FhirJson => ({
  resourceType: 'Observation',
  status: 'final',
  code: {
    coding: [{ system: 'http://loinc.org', code: unit === '%' ? '4548-4' : '59261-8' }],
  },
  valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  effectiveDateTime: `${day}T09:00:00Z`,
  ...extra,
});
// The window: index 2023-01-01, end 2024-12-31.
const t2d = (record: FhirJson[]) =>
  outcomeFinding(
    'incident-t2d',
    record,
    new Date('2024-12-31T00:00:00Z'),
    '2023-01-01',
    '2024-12-31',
  );

describe('isDerivedOutcome', () => {
  it('knows the outcomes by name, not what every object inherits', () => {
    expect(['hard-ascvd', 'incident-t2d'].every(isDerivedOutcome)).toBe(true);
    expect(['constructor', 'toString', '__proto__', 'readmission', ''].some(isDerivedOutcome)).toBe(
      false,
    );
  });
});

describe('incident-t2d (ADA Standards of Care 2024, Table 2.1)', () => {
  it('is an event when type 2 diabetes is first coded in the window (ICD-10-CM E11 or SNOMED CT 44054006)', () => {
    expect(t2d([condition('E11.9', '2024-02-01')])).toBe('event');
    expect(t2d([condition('44054006', '2023-06-01')])).toBe('event');
  });

  it('needs a second HbA1c of 6.5% or more, and dates the diagnosis by it', () => {
    expect(t2d([a1c(6.8, '%', '2023-05-01')])).toBe('none'); // one result is not a diagnosis
    expect(t2d([a1c(6.8, '%', '2023-05-01'), a1c(6.5, '%', '2023-05-20')])).toBe('event');
    expect(t2d([a1c(6.8, '%', '2022-05-01'), a1c(7.1, '%', '2023-05-20')])).toBe('event');
    expect(t2d([a1c(6.8, '%', '2022-05-01'), a1c(7.1, '%', '2022-12-31')])).toBe('prevalent');
    expect(t2d([a1c(6.4, '%', '2023-05-01'), a1c(6.4, '%', '2023-05-20')])).toBe('none');
    expect(t2d([a1c(6.8, '%', '2024-05-01'), a1c(7.1, '%', '2025-01-20')])).toBe('none'); // after the end
  });

  it('judges IFCC results in mmol/mol: 48 is in the diabetes range; 47 (6.45%) and 47.8 (6.52% once converted) are not', () => {
    expect(
      diabetesEvidence(
        [a1c(48, 'mmol/mol', '2023-03-01'), a1c(48, 'mmol/mol', '2023-04-01')],
        '2024-12-31',
      ),
    ).toEqual({ confirmedA1c: '2023-04-01' });
    expect(
      diabetesEvidence(
        [a1c(47, 'mmol/mol', '2023-03-01'), a1c(47, 'mmol/mol', '2023-04-01')],
        '2024-12-31',
      ),
    ).toEqual({});
    const justBelow = [a1c(47.8, 'mmol/mol', '2023-03-01'), a1c(47.8, 'mmol/mol', '2023-04-01')];
    expect(diabetesEvidence(justBelow, '2024-12-31')).toEqual({});
  });

  it('excludes diabetes already there at the index date, of any type', () => {
    expect(t2d([condition('E11.65', '2020-01-01'), condition('E11.9', '2024-01-01')])).toBe(
      'prevalent',
    );
    expect(t2d([condition('E10.9', '2022-12-31'), condition('E11.9', '2024-01-01')])).toBe(
      'prevalent',
    );
    expect(t2d([condition('73211009', '2023-01-01')])).toBe('prevalent'); // on the index date
  });

  it('calls another type first coded in the window other-diabetes, not negative and not an event', () => {
    expect(t2d([condition('E10.9', '2023-08-01')])).toBe('other-diabetes');
    expect(
      t2d([condition('E13.9', '2023-08-01'), a1c(7, '%', '2023-09-01'), a1c(7, '%', '2023-10-01')]),
    ).toBe('other-diabetes');
    // Type 2 coded the same day as an unspecified diabetes: type 2.
    expect(t2d([condition('73211009', '2023-08-01'), condition('E11.9', '2023-08-01')])).toBe(
      'event',
    );
  });

  it('ignores prediabetes, gestational diabetes, refuted conditions and cancelled results', () => {
    expect(t2d([condition('R73.03', '2023-08-01'), condition('O24.410', '2023-08-01')])).toBe(
      'none',
    );
    expect(
      t2d([
        condition('E11.9', '2023-08-01', {
          verificationStatus: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
                code: 'refuted',
              },
            ],
          },
        }),
      ]),
    ).toBe('none');
    expect(
      t2d([a1c(7, '%', '2023-05-01'), a1c(7, '%', '2023-06-01', { status: 'cancelled' })]),
    ).toBe('none');
  });
});

describe('hard-ascvd', () => {
  it('is an event for a first MI in the window and prevalent for one before it', () => {
    const at = new Date('2024-12-31T00:00:00Z');
    expect(
      outcomeFinding(
        'hard-ascvd',
        [condition('I21.4', '2024-03-10')],
        at,
        '2023-01-01',
        '2024-12-31',
      ),
    ).toBe('event');
    expect(
      outcomeFinding(
        'hard-ascvd',
        [condition('I63.9', '2021-07-01'), condition('I21.4', '2024-03-10')],
        at,
        '2023-01-01',
        '2024-12-31',
      ),
    ).toBe('prevalent');
    expect(
      outcomeFinding(
        'hard-ascvd',
        [condition('E11.9', '2024-03-10')],
        at,
        '2023-01-01',
        '2024-12-31',
      ),
    ).toBe('none');
  });
});

// Records of one patient: a Patient and resources in their compartment.
const person = (id: string, birthDate = '1960-05-05'): FhirJson => ({
  resourceType: 'Patient',
  id,
  gender: 'male',
  birthDate,
});
const encounter = (id: string, patient: string, day: string): FhirJson => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  subject: { reference: `Patient/${patient}` },
  period: { start: day, end: day },
});
const mi = (id: string, patient: string, onset: string): FhirJson => ({
  ...condition('I21.4', onset),
  id,
  subject: { reference: `Patient/${patient}` },
});
const window = {
  endAt: new Date('2025-01-01T00:00:00Z'),
  index: '2023-01-01',
  end: '2025-01-01',
  evidenceFrom: '2024-01-02',
};

describe('baselineExclusion and labelPatient (the cohort at the index date)', () => {
  it('leaves out a patient born after the index date, and one with no record on or before it', () => {
    const baby = [person('b', '2024-03-01'), encounter('e', 'b', '2024-10-01')];
    expect(baselineExclusion(baby, '2023-01-01')).toBe('not-yet-born');
    expect(labelPatient('hard-ascvd', baby, window)).toBe('not-yet-born');
    const firstSeenLater = [person('l'), encounter('e', 'l', '2024-10-01')];
    expect(baselineExclusion(firstSeenLater, '2023-01-01')).toBe('no-record-by-index');
    expect(labelPatient('hard-ascvd', firstSeenLater, window)).toBe('no-record-by-index');
    // A first contact that is the event itself is no case either: the index date knew nothing of them.
    expect(labelPatient('hard-ascvd', [person('m'), mi('c', 'm', '2024-03-10')], window)).toBe(
      'no-record-by-index',
    );
    // Seen on the index date itself: in the cohort.
    expect(baselineExclusion([person('s'), encounter('e', 's', '2023-01-01')], '2023-01-01')).toBe(
      undefined,
    );
  });

  it('reads every clinical date as care by the index date, and as follow-up', () => {
    // Hypertension since 2015 (an onset alone, as problem lists carry it), a procedure and a vaccine
    // before the index date, and a document at the end of the window: the index date's features
    // describe the patient, so the labels keep them.
    const history: FhirJson[] = [
      person('h'),
      { ...condition('I10', '2015-05-01'), clinicalStatus: { coding: [{ code: 'active' }] } },
      { resourceType: 'Procedure', id: 'pr', status: 'completed', performedDateTime: '2019-06-01' },
      {
        resourceType: 'Immunization',
        id: 'im',
        status: 'completed',
        occurrenceDateTime: '2019-10-01',
      },
      {
        resourceType: 'DocumentReference',
        id: 'd',
        status: 'current',
        date: '2024-06-01T10:00:00Z',
      },
    ];
    const features = extractRawFeatures(history, new Date('2023-01-01T00:00:00Z'), {
      retrospective: true,
    }).features;
    expect(features.condition_hypertension!.value).toBe(1);
    expect(baselineExclusion(history, '2023-01-01')).toBeUndefined();
    expect(labelPatient('hard-ascvd', history, window)).toBe(0);
    // Each date alone places the patient in care by the index date.
    const before: FhirJson[] = [
      condition('I10', '2022-05-01'),
      { resourceType: 'Condition', id: 'o', onsetPeriod: { start: '2022-05-01' } },
      { resourceType: 'Procedure', id: 'p', performedPeriod: { start: '2022-05-01' } },
      { resourceType: 'Immunization', id: 'i', occurrenceDateTime: '2022-05-01' },
      { resourceType: 'Immunization', id: 'r', recorded: '2022-05-01' },
      { resourceType: 'DocumentReference', id: 'd', date: '2022-05-01T08:00:00Z' },
      { resourceType: 'DocumentReference', id: 'c', context: { period: { start: '2022-05-01' } } },
      { resourceType: 'MedicationStatement', id: 's', effectiveDateTime: '2022-05-01' },
      { resourceType: 'MedicationStatement', id: 'a', dateAsserted: '2022-05-01' },
      {
        resourceType: 'MedicationAdministration',
        id: 'm',
        effectivePeriod: { start: '2022-05-01' },
      },
      { resourceType: 'MedicationDispense', id: 'w', whenPrepared: '2022-05-01' },
      { resourceType: 'Observation', id: 'n', effectiveInstant: '2022-05-01T08:00:00Z' },
    ];
    for (const r of before)
      expect(baselineExclusion([person('x'), r], '2023-01-01'), JSON.stringify(r)).toBeUndefined();
    // History told at a later contact does not: a 1965 vaccine or a 2010 onset recorded in 2024,
    // or a vaccine reported from elsewhere (primarySource false), beside a first visit in 2024.
    const firstVisit = encounter('v', 'x', '2024-03-01');
    for (const r of [
      {
        resourceType: 'Immunization',
        id: 'h',
        occurrenceDateTime: '1965-05-01',
        recorded: '2024-03-01',
      },
      { ...condition('I10', '2010-05-01'), recordedDate: '2024-03-01' },
      {
        resourceType: 'Procedure',
        id: 'q',
        performedDateTime: '2001-01-01',
        recordedDate: '2024-03-01',
      },
      {
        resourceType: 'Immunization',
        id: 'e',
        occurrenceDateTime: '1965-05-01',
        primarySource: false,
      },
    ])
      expect(baselineExclusion([person('x'), firstVisit, r], '2023-01-01'), JSON.stringify(r)).toBe(
        'no-record-by-index',
      );
    // A resource entered in error places nobody in care.
    for (const r of [
      {
        resourceType: 'Procedure',
        id: 'e',
        status: 'entered-in-error',
        performedDateTime: '2022-05-01',
      },
      {
        ...condition('I10', '2022-05-01'),
        verificationStatus: { coding: [{ code: 'entered-in-error' }] },
        recordedDate: '2022-05-01',
      },
    ])
      expect(baselineExclusion([person('x'), r], '2023-01-01')).toBe('no-record-by-index');
  });

  it('labels a patient in care at the index date: event 1, followed-up none 0, prevalent, short follow-up', () => {
    const seen = (id: string, ...more: FhirJson[]) => [
      person(id),
      encounter('e0', id, '2022-06-01'),
      ...more,
    ];
    expect(labelPatient('hard-ascvd', seen('a', mi('c', 'a', '2024-03-10')), window)).toBe(1);
    expect(labelPatient('hard-ascvd', seen('b', encounter('e1', 'b', '2024-11-20')), window)).toBe(
      0,
    );
    expect(labelPatient('hard-ascvd', seen('c', mi('c', 'c', '2021-07-01')), window)).toBe(
      'prevalent',
    );
    expect(labelPatient('hard-ascvd', seen('d', encounter('e1', 'd', '2023-03-01')), window)).toBe(
      'short-follow-up',
    );
    // Prevalent disease is the reason given, even with no other record by the index date.
    expect(labelPatient('hard-ascvd', [person('p'), mi('c', 'p', '2021-07-01')], window)).toBe(
      'prevalent',
    );
  });
});

describe('deriveLabels', () => {
  it('counts every patient left out, with the reason, and labels only those in care at the index date', async () => {
    // Arrange: the serving table of hospital h, and a feature set described at 2023-01-01
    const serving = new InMemoryTable();
    const objects = new InMemoryObjects();
    const records = [
      [person('case'), encounter('e1', 'case', '2022-06-01'), mi('c1', 'case', '2024-03-10')],
      [
        person('well'),
        encounter('e2', 'well', '2022-06-01'),
        encounter('e3', 'well', '2024-11-20'),
      ],
      [person('baby', '2024-03-01'), encounter('e4', 'baby', '2024-10-01')],
      [person('late'), encounter('e5', 'late', '2024-10-01')],
      [person('prior'), encounter('e6', 'prior', '2022-06-01'), mi('c2', 'prior', '2021-07-01')],
      [person('lost'), encounter('e7', 'lost', '2022-06-01')],
    ];
    for (const resource of records.flat())
      await serving.put(genericServingItem('h', resource, { batch: 'b1', updatedAt: 'x' }));
    await objects.put(
      'curated',
      featureSetKey('h', featureFiles.raw, 'retrospective'),
      JSON.stringify({ at: '2023-01-01T00:00:00.000Z' }) + '\n',
    );
    // Act
    const labels = await deriveLabels({ serving, objects }, 'h', {
      outcome: 'hard-ascvd',
      horizonDays: 731,
      now: new Date('2026-01-01T00:00:00Z'),
      set: 'retrospective',
    });
    // Assess
    expect(labels.csv).toBe('patient,outcome\ncase,1\nwell,0\n');
    expect(labels).toMatchObject({
      patients: 6,
      positives: 1,
      negatives: 1,
      excluded: { notYetBorn: 1, noRecordByIndex: 1, prevalent: 1, shortFollowUp: 1 },
    });
    expect(Object.keys(labels.excluded)).toEqual([
      'notYetBorn',
      'noRecordByIndex',
      'prevalent',
      'shortFollowUp',
    ]);
  });
});

describe('derivedOutcomePopulations (who a model of the outcome is for)', () => {
  it('names raw features of the spec, and knows each outcome by its definition alone', () => {
    for (const [outcome, population] of Object.entries(derivedOutcomePopulations)) {
      expect(rawFeatureColumns()).toEqual(expect.arrayContaining(Object.keys(population)));
      expect(derivedOutcomeOf(derivedOutcomes[outcome as keyof typeof derivedOutcomes])).toBe(
        outcome,
      );
    }
    expect(derivedOutcomeOf('hard ASCVD event')).toBeUndefined();
  });

  it('puts a patient with a recorded MI, stroke or type 2 diabetes outside, and one without inside', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    const flags = (...conditions: FhirJson[]) =>
      extractRawFeatures([person('p'), ...conditions], at).features;
    const inside = (outcome: keyof typeof derivedOutcomePopulations, f: ReturnType<typeof flags>) =>
      Object.entries(derivedOutcomePopulations[outcome]).every(
        ([column, { max }]) => (f[column]!.value as number) <= max!,
      );
    expect(inside('hard-ascvd', flags())).toBe(true);
    expect(inside('hard-ascvd', flags(condition('I21.4', '2020-01-01')))).toBe(false);
    expect(inside('hard-ascvd', flags(condition('I63.9', '2020-01-01')))).toBe(false);
    expect(inside('incident-t2d', flags(condition('I21.4', '2020-01-01')))).toBe(true);
    expect(inside('incident-t2d', flags(condition('E11.9', '2020-01-01')))).toBe(false);
  });
});
