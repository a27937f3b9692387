import { describe, expect, it } from 'vitest';
import { bloodPressurePanel, glucose, vital } from './observations.fixture';
import { bloodPressures, latestReading, readingsFromObservations } from './readings';

describe('Function: readingsFromObservations', () => {
  it('reads both components of a blood pressure panel under the panel id', () => {
    // Act
    const readings = readingsFromObservations([
      bloodPressurePanel('bp1', '2026-03-01T08:00:00Z', 142, 91),
    ]);
    // Assess
    expect(readings.map((r) => [r.concept, r.value, r.unit, r.observationId])).toEqual([
      ['systolic', 142, 'mm[Hg]', 'bp1'],
      ['diastolic', 91, 'mm[Hg]', 'bp1'],
    ]);
  });

  it('expresses glucose in mg/dL whether it arrives in mmol/L (as served) or mg/dL', () => {
    // Act
    const [served, raw] = readingsFromObservations([
      glucose('g1', '2026-03-01T08:00:00Z', 3.0, 'mmol/L'),
      glucose('g2', '2026-03-01T09:00:00Z', 70),
    ]);
    // Assess: 3.0 mmol/L × 18.016 = 54.05 mg/dL; 70 mg/dL stays exactly 70 (on the ADA threshold).
    expect(served!.value).toBeCloseTo(54.048, 3);
    expect(served!.unit).toBe('mg/dL');
    expect(raw!.value).toBe(70);
  });

  it('converts a vital sign in a non-canonical unit through the canonical-unit table', () => {
    // Act: 98.6 °F -> 37 °C.
    const [t] = readingsFromObservations([
      vital('t1', '2026-03-01T08:00:00Z', '8310-5', 98.6, '[degF]'),
    ]);
    // Assess
    expect(t!.concept).toBe('temperature');
    expect(t!.value).toBeCloseTo(37, 6);
  });

  it('reads body height and length in cm, whatever length unit they came in', () => {
    const readings = readingsFromObservations([
      vital('h1', '2026-03-01T08:00:00Z', '8302-2', 55.6, '[in_i]'),
      vital('h2', '2026-03-02T08:00:00Z', '8306-3', 0.742, 'm'),
    ]);
    expect(readings.map((r) => [r.concept, r.unit])).toEqual([
      ['height', 'cm'],
      ['height', 'cm'],
    ]);
    expect(readings[0]!.value).toBeCloseTo(141.224, 6);
    expect(readings[1]!.value).toBeCloseTo(74.2, 6);
  });

  it('skips observations entered in error, without a time, or in an unknown unit', () => {
    // Prepare
    const inError = { ...glucose('g1', '2026-03-01T08:00:00Z', 40), status: 'entered-in-error' };
    const timeless = { ...glucose('g2', '2026-03-01T08:00:00Z', 40), effectiveDateTime: undefined };
    const oddUnit = vital('h1', '2026-03-01T08:00:00Z', '8867-4', 70, 'furlongs');
    // Act / Assess
    expect(readingsFromObservations([inError, timeless, oddUnit])).toEqual([]);
  });

  it('reads an AVPU answer coded in SNOMED CT as a consciousness level', () => {
    // Prepare
    const avpu = {
      resourceType: 'Observation',
      id: 'c1',
      status: 'final',
      effectiveDateTime: '2026-03-01T08:00:00Z',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '1104441000000107' }] },
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '450847001' }] },
    };
    // Act
    const [r] = readingsFromObservations([avpu]);
    // Assess
    expect(r).toMatchObject({ concept: 'consciousness', level: 'P', value: 3 });
  });

  it('reads "Acute confusion" (SNOMED CT 130987000) under LOINC 67775-7 as new confusion, C', () => {
    // Prepare: the level-of-responsiveness reading the synthetic cohorts write
    const confused = {
      resourceType: 'Observation',
      id: 'c2',
      status: 'final',
      effectiveDateTime: '2026-03-01T08:00:00Z',
      code: { coding: [{ system: 'http://loinc.org', code: '67775-7' }] },
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '130987000' }] },
    };
    // Act
    const [r] = readingsFromObservations([confused]);
    // Assess: C sits between A and V in the ACVPU order
    expect(r).toMatchObject({ concept: 'consciousness', level: 'C', value: 1 });
  });
});

describe('Function: bloodPressures', () => {
  it('pairs separate systolic and diastolic Observations taken at the same instant', () => {
    // Prepare
    const readings = readingsFromObservations([
      vital('s1', '2026-03-01T08:00:00Z', '8480-6', 150, 'mm[Hg]'),
      vital('d1', '2026-03-01T08:00:00Z', '8462-4', 95, 'mm[Hg]'),
      vital('s2', '2026-03-02T08:00:00Z', '8480-6', 128, 'mm[Hg]'),
    ]);
    // Act
    const bps = bloodPressures(readings);
    // Assess
    expect(bps.map((b) => [b.systolic, b.diastolic, b.observationIds])).toEqual([
      [150, 95, ['s1', 'd1']],
      [128, undefined, ['s2']],
    ]);
    expect(latestReading(readings, 'systolic')!.observationId).toBe('s2');
  });
});
