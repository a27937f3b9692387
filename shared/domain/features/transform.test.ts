import { describe, expect, it } from 'vitest';
import { extractRawFeatures, type RawFeatureVector } from './extract';
import type { FhirJson } from '../ingest/source-record';
import { applyTransform, fitTransform, labelEncode } from './transform';

const at = new Date('2026-06-01T00:00:00Z');
function vector(age: number | null, sex: string | null, sbp?: number): RawFeatureVector {
  const record: FhirJson[] = [
    {
      resourceType: 'Patient',
      id: `p${age}`,
      ...(sex ? { gender: sex } : {}),
      ...(age !== null ? { birthDate: `${2026 - age - 1}-01-01` } : {}),
    },
  ];
  if (sbp !== undefined)
    record.push({
      resourceType: 'Observation',
      id: 'o',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
      effectiveDateTime: '2026-05-01T00:00:00Z',
      valueQuantity: { value: sbp, code: 'mm[Hg]' },
    });
  return extractRawFeatures(record, at);
}

describe('Function: fitTransform / applyTransform', () => {
  const training = [vector(40, 'female', 120), vector(50, 'female', 130), vector(60, 'male', 160)];
  const t = fitTransform(training);

  it('imputes a missing numeric value with the training median and scales with training mean and sd', () => {
    // Prepare: sbp_latest training values 120, 130, 160 -> median 130, mean 136.67, sd 17.0
    const out = applyTransform(t, vector(45, 'male'));
    const i = out.names.indexOf('sbp_latest');
    // Assess
    expect(t.numeric.sbp_latest).toMatchObject({ median: 130 });
    expect(t.numeric.sbp_latest!.mean).toBeCloseTo(136.6667, 3);
    expect(t.numeric.sbp_latest!.sd).toBeCloseTo(16.9967, 3);
    expect(out.values[i]).toBeCloseTo((130 - 136.6667) / 16.9967, 3);
    expect(out.imputed).toContain('sbp_latest');
    expect(out.values[out.names.indexOf('sbp_missing')]).toBe(1);
  });

  it('one-hot encodes categoricals, missing -> training mode, unseen -> unknown bucket', () => {
    const missing = applyTransform(t, vector(45, null, 120));
    const unseen = applyTransform(t, vector(45, 'unknown', 120));
    const at = (v: typeof missing, name: string) => v.values[v.names.indexOf(name)] ?? NaN;
    expect(at(missing, 'sex=female')).toBe(1); // mode of female, female, male
    expect(missing.imputed).toContain('sex');
    expect(at(unseen, 'sex=unknown')).toBe(1);
    expect(at(unseen, 'sex=female') + at(unseen, 'sex=male')).toBe(0);
  });

  it('label-encodes with the unknown bucket after the known levels', () => {
    expect(labelEncode(t, 'sex', 'male')).toBe(1);
    expect(labelEncode(t, 'sex', 'martian')).toBe(3);
    expect(labelEncode(t, 'sex', null)).toBe(0);
  });

  it('gives every vector the same names in the same order, and refuses another spec version', () => {
    const a = applyTransform(t, training[0]!);
    expect(a.names).toEqual(t.names);
    expect(a.values).toHaveLength(t.names.length);
    expect(() => applyTransform(t, { ...training[0]!, specVersion: 'features-1999' })).toThrow(
      /features-1999/,
    );
    expect(() => fitTransform([])).toThrow(/zero patients/);
  });
});
