// Unit: the derived outcomes' rules on one patient's record (derived-labels.ts). The use case against
// the embedded stack is in test/training-table.int.test.ts.
import { describe, expect, it } from 'vitest';
import type { FhirJson } from '../ingest/source-record';
import { diabetesEvidence, isDerivedOutcome, outcomeFinding } from './derived-labels';

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
