import { describe, expect, it } from 'vitest';
import { normaliseObservationQuantities } from '../preprocess/observation-quantities';
import { bloodPressurePanel, glucose, vital } from './observations.fixture';
import {
  bloodPressures,
  distinctReadings,
  latestReading,
  readingsFromObservations,
  readObservations,
} from './readings';

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
    // Assess: 3.0 mmol/L × 18.016 = 54.048 mg/dL, read in whole mg/dL as the ADA thresholds are
    // stated: 54; 70 mg/dL stays exactly 70 (on the ADA threshold).
    expect(served!.value).toBe(54);
    expect(served!.unit).toBe('mg/dL');
    expect(raw!.value).toBe(70);
  });

  it('reads glucose that ingest converted to mmol/L from the mg/dL value measured (original-quantity)', () => {
    // Prepare: 180.6 mg/dL is served as 10.02 mmol/L, which reads back as 180.52 mg/dL.
    const served = normaliseObservationQuantities(glucose('g1', '2026-03-01T08:00:00Z', 180.6), []);
    // Act
    const [r] = readingsFromObservations([served]);
    // Assess
    expect((served.valueQuantity as { value: number }).value).toBe(10.02);
    expect(r).toMatchObject({ concept: 'glucose', value: 180.6, unit: 'mg/dL' });
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

  it('skips observations entered in error, without a time, or in an unknown unit, reporting each but the one in error', () => {
    // Prepare
    const inError = { ...glucose('g1', '2026-03-01T08:00:00Z', 40), status: 'entered-in-error' };
    const timeless = { ...glucose('g2', '2026-03-01T08:00:00Z', 40), effectiveDateTime: undefined };
    const oddUnit = vital('h1', '2026-03-01T08:00:00Z', '8867-4', 70, 'furlongs');
    // Act
    const { readings, dropped } = readObservations([inError, timeless, oddUnit]);
    // Assess
    expect(readingsFromObservations([inError, timeless, oddUnit])).toEqual([]);
    expect(readings).toEqual([]);
    expect(dropped).toEqual([
      {
        observationId: 'g2',
        path: 'effective[x]',
        reason: 'no valid effective time or issued instant',
      },
      {
        observationId: 'h1',
        path: 'valueQuantity.code',
        reason: 'unit not valid for LOINC 8867-4',
      },
    ]);
  });

  it('resolves raw unit spellings as ingest does (a code such as mg/dl or degF)', () => {
    // Prepare: raw Bundle content as hospitals export it (`caregraph monitor --bundle`).
    const at = '2026-03-01T08:00:00Z';
    const raw = (id: string, code: string, valueQuantity: object) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      effectiveDateTime: at,
      code: { coding: [{ system: 'http://loinc.org', code }] },
      valueQuantity,
    });
    // Act
    const { readings, dropped } = readObservations([
      raw('g', '2345-7', {
        value: 48,
        unit: 'mg/dl',
        system: 'http://unitsofmeasure.org',
        code: 'mg/dl',
      }),
      raw('t', '8310-5', { value: 104, unit: '°F', code: 'degF' }),
      raw('h', '8867-4', { value: 88, unit: 'bpm' }),
    ]);
    // Assess
    expect(dropped).toEqual([]);
    expect(readings.map((r) => [r.observationId, r.concept, r.unit])).toEqual([
      ['g', 'glucose', 'mg/dL'],
      ['t', 'temperature', 'Cel'],
      ['h', 'heartRate', '/min'],
    ]);
    expect(readings[0]!.value).toBe(48);
    expect(readings[1]!.value).toBeCloseTo(40, 6);
  });

  it('rejects a unit-less value of a measured concept, but reads a unit-less questionnaire total', () => {
    // Prepare
    const at = '2026-03-01T08:00:00Z';
    const unitless = (id: string, code: string, value: number) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      effectiveDateTime: at,
      code: { coding: [{ system: 'http://loinc.org', code }] },
      valueQuantity: { value },
    });
    // Act
    const { readings, dropped } = readObservations([
      unitless('g', '2345-7', 5.5), // mmol/L or mg/dL? Not taken as canonical.
      unitless('p', '44261-6', 12),
      { ...unitless('s', '8480-6', 0), valueQuantity: undefined, dataAbsentReason: { text: 'x' } },
    ]);
    // Assess
    expect(readings.map((r) => [r.observationId, r.concept, r.value])).toEqual([['p', 'phq9', 12]]);
    expect(dropped).toEqual([
      {
        observationId: 'g',
        path: 'valueQuantity.unit',
        reason: 'unit is required for LOINC 2345-7',
      },
      {
        observationId: 's',
        path: 'value[x]',
        reason: 'no value for LOINC 8480-6 (dataAbsentReason)',
      },
    ]);
  });

  it('names the component of a panel whose value cannot be read', () => {
    // Prepare: a panel whose diastolic unit is unknown.
    const panel = bloodPressurePanel('bp1', '2026-03-01T08:00:00Z', 142, 91);
    const components = panel.component as { valueQuantity: object }[];
    components[1] = { ...components[1]!, valueQuantity: { value: 91, code: 'furlongs' } };
    // Act
    const { readings, dropped } = readObservations([panel]);
    // Assess
    expect(readings.map((r) => r.concept)).toEqual(['systolic']);
    expect(dropped).toEqual([
      {
        observationId: 'bp1',
        path: 'component[1].valueQuantity.code',
        reason: 'unit not valid for LOINC 8462-4',
      },
    ]);
  });

  it('counts a measurement once when it arrives as a panel and as separate Observations', () => {
    // Prepare: the same BP as a panel and as separate systolic/diastolic Observations, and a glucose
    // delivered twice; a second BP at the same instant with another value is a measurement of its own.
    const at = '2026-03-01T08:00:00Z';
    const observations = [
      bloodPressurePanel('bp1', at, 142, 91),
      vital('s1', at, '8480-6', 142, 'mm[Hg]'),
      vital('d1', at, '8462-4', 91, 'mm[Hg]'),
      glucose('g1', at, 60),
      glucose('g1', at, 60),
      vital('s2', '2026-03-01T09:00:00Z', '8480-6', 142, 'mm[Hg]'),
    ];
    // Act
    const { readings, dropped } = readObservations(observations);
    // Assess: the first id is kept; every repeat is reported.
    expect(readings.map((r) => [r.observationId, r.concept])).toEqual([
      ['bp1', 'systolic'],
      ['bp1', 'diastolic'],
      ['g1', 'glucose'],
      ['s2', 'systolic'],
    ]);
    expect(dropped.map((d) => [d.observationId, d.duplicateOf])).toEqual([
      ['s1', 'bp1'],
      ['d1', 'bp1'],
      ['g1', 'g1'],
    ]);
    expect(bloodPressures(readings)[0]!.observationIds).toEqual(['bp1']);
    expect(distinctReadings([...readings, ...readings])).toEqual(readings);
  });

  it('keeps two readings of one value on a day given without a time of day, unless they are one Observation', () => {
    // Prepare: a morning and an evening systolic of 150 dated only by the day (FHIR allows it), and
    // the evening one delivered twice.
    const day = '2024-03-01';
    const observations = [
      vital('am', day, '8480-6', 150, 'mm[Hg]'),
      vital('pm', day, '8480-6', 150, 'mm[Hg]'),
      vital('pm', day, '8480-6', 150, 'mm[Hg]'),
    ];
    // Act
    const { readings, dropped } = readObservations(observations);
    // Assess: two measurements; only the re-delivered one is a repeat.
    expect(readings.map((r) => r.observationId)).toEqual(['am', 'pm']);
    expect(dropped.map((d) => [d.observationId, d.duplicateOf])).toEqual([['pm', 'pm']]);
    expect(distinctReadings(readings)).toEqual(readings);
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
