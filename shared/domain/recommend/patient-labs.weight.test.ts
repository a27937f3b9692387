// Tests (recommend): a child's weight-based dose rests on a current weight only (patient-labs.ts
// weightMaxAgeDays: 30 days under 2 years, 90 days at 2-17, 365 for adults; a project choice).
import { describe, expect, it } from 'vitest';
import { patientRecord } from '../risk/fhir/patient-record';
import { labFacts, weightMaxAgeDays } from './patient-labs';
import {
  condition,
  icd,
  loinc,
  observation,
  patient,
  recommendationOn,
  testAt,
} from './patient.testkit';
import { recommendFor } from './recommend-for';

const weightOf = (age: number, months: number, daysAgo: number) => {
  const resources = [
    patient({ age, months, sex: 'male' }),
    observation(loinc.weight, 10, 'kg', daysAgo),
  ];
  return labFacts(patientRecord(resources, testAt), resources, testAt);
};

describe('Function: weightMaxAgeDays', () => {
  it.each([
    [0, 30],
    [1, 30],
    [2, 90],
    [17, 90],
    [18, 365],
    [undefined, 365],
  ])('at %s years allows a weight of %s days', (age, days) => {
    expect(weightMaxAgeDays(age)).toBe(days);
  });
});

describe('Function: labFacts (weight)', () => {
  it('uses an infant weight of 30 days, not one of 31, and says why the older one is not used', () => {
    expect(weightOf(0, 8, 30).weightKg?.value).toBe(10);
    const stale = weightOf(0, 8, 31);
    expect(stale.weightKg).toBeUndefined();
    expect(stale.unusable).toEqual([
      expect.stringMatching(/^weight: .* is older than the 30 days .*record a current weight$/),
    ]);
  });

  it('uses a 5-year-old weight of 90 days, not one of 91', () => {
    expect(weightOf(5, 0, 90).weightKg?.value).toBe(10);
    expect(weightOf(5, 0, 91).weightKg).toBeUndefined();
  });

  it('still uses an adult weight of 300 days', () => {
    expect(weightOf(40, 0, 300).weightKg?.value).toBe(10);
    expect(weightOf(40, 0, 300).unusable).toBeUndefined();
  });
});

describe('Function: recommendFor (otitis media, stale infant weight)', () => {
  it('gives an 8-month-old with only a 210-day-old 4.2 kg weight amoxicillin in mg/kg, asking for a current weight', async () => {
    // Prepare
    const report = await recommendFor(
      {},
      {
        resources: [
          patient({ age: 0, months: 8, sex: 'male' }),
          condition(icd.otitisMedia, undefined, '2025-05-30'),
          observation(loinc.weight, 4.2, 'kg', 210),
        ],
        at: testAt,
      },
    );
    // Act
    const aom = recommendationOn(report, 'otitis-media')!;
    const amox = aom.options.find((o) => o.label === 'High-dose amoxicillin')!;
    // Assess: no absolute dose from the stale weight (it would be 185 mg, about half of what an
    // 8-month-old of ~8.5 kg needs).
    expect(amox.drugs[0]!.dose).toBe(
      '45 mg/kg orally every 12 hours (max 2000 mg per dose); weight needed for an absolute dose',
    );
    expect(aom.notes).toContainEqual(
      expect.stringMatching(/^weight: .*older than the 30 days.*record a current weight/),
    );
  });
});
