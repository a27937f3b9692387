import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { extractRawFeatures } from '../features/extract';
import { fitTransform, applyTransform } from '../features/transform';
import type { FhirJson } from '../ingest/source-record';
import { noGraphEvidence as noGraph } from './graph-evidence';
import { distance, vectorSimilarPatients, type DeidentifiedCase } from './similar-patients';
import { bp, patient, testAt as at } from './patient.testkit';

describe('Function: distance', () => {
  it('is 0 for identical vectors and cosine ignores scale', () => {
    expect(distance([1, 2], [1, 2], 'euclidean')).toBe(0);
    expect(distance([1, 2], [2, 4], 'cosine')).toBeCloseTo(0, 12);
    expect(distance([0, 3], [4, 0], 'euclidean')).toBe(5);
  });
});

describe('Function: vectorSimilarPatients', () => {
  const record = (age: number, sbp: number) => [
    patient({ id: `c${age}${sbp}`, age, sex: 'male' }),
    ...bp(sbp, 80),
  ];
  const raws = [40, 45, 50, 55, 60, 65, 70, 75].map((age, i) =>
    extractRawFeatures(record(age, 120 + i * 5) as unknown as FhirJson[], at),
  );
  const transform = fitTransform(raws);
  const cases: DeidentifiedCase[] = raws.map((r, i) => ({
    vector: applyTransform(transform, r).values,
    treatments: i % 2 ? ['lisinopril'] : ['amlodipine'],
    outcome: i >= 6,
  }));

  it('refuses k below the privacy floor of 5', async () => {
    const port = vectorSimilarPatients({ transform, cases, outcome: 'stroke' });
    await expect(
      port.similar({ resources: record(50, 130), at, treatments: ['lisinopril'], k: 4 }),
    ).rejects.toThrow(ValidationError);
  });

  it('reports counts per treatment and withholds rates for groups under 5', async () => {
    const port = vectorSimilarPatients({ transform, cases, outcome: 'stroke' });
    const evidence = await port.similar({
      resources: record(72, 150),
      at,
      treatments: ['lisinopril', 'amlodipine'],
      k: 8,
    });
    expect(evidence!.byTreatment).toEqual([
      { treatment: 'lisinopril', patients: 4 },
      { treatment: 'amlodipine', patients: 4 },
    ]);
    expect(await noGraph.treats('lisinopril', 'hypertension')).toEqual([]);
  });

  it('returns nothing when the cohort is smaller than k', async () => {
    const port = vectorSimilarPatients({ transform, cases: cases.slice(0, 5), outcome: 'stroke' });
    expect(
      await port.similar({ resources: record(50, 130), at, treatments: [], k: 6 }),
    ).toBeUndefined();
  });
});
