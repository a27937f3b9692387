import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { measurements } from '../synth/catalog';
import { isLoincCode } from '../synth/fhir/codes';
import {
  canonicalUnits,
  originalCodingUrl,
  originalQuantityUrl,
  plausibleRanges,
  validateAndNormalise,
} from './normalise';

const ucum = 'http://unitsofmeasure.org';

function observation(loinc: string, valueQuantity: Record<string, unknown>): FhirJson {
  return {
    resourceType: 'Observation',
    id: 'obs-1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: loinc, display: 'source display' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2024-03-01T08:00:00Z',
    valueQuantity,
  };
}

function rejectionOf(resource: unknown): ValidationError {
  try {
    validateAndNormalise(resource);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, the resource was accepted');
}

type Quantity = {
  value: number;
  unit: string;
  code: string;
  system: string;
  extension?: { url: string; valueQuantity: unknown }[];
};

describe('Function: validateAndNormalise (units and plausibility)', () => {
  it.each([
    ['glucose mg/dL', '2345-7', 180.16, 'mg/dL', 10, 'mmol/L', '14749-6'],
    ['body temperature °F', '8310-5', 68, '[degF]', 20, 'Cel', '8310-5'],
    ['body weight lb', '29463-7', 154, '[lb_av]', 69.85, 'kg', '29463-7'],
    ['body height in', '8302-2', 70, '[in_i]', 177.8, 'cm', '8302-2'],
    ['creatinine mg/dL', '2160-0', 1, 'mg/dL', 88, 'umol/L', '14682-9'],
    ['total cholesterol mg/dL', '2093-3', 193.35, 'mg/dL', 5, 'mmol/L', '14647-2'],
    ['triglycerides mg/dL', '2571-8', 177.14, 'mg/dL', 2, 'mmol/L', '14927-8'],
    ['HbA1c IFCC mmol/mol', '59261-8', 53, 'mmol/mol', 7, '%', '4548-4'],
  ])(
    'converts %s exactly to the canonical unit',
    (_name, loinc, value, unit, expected, canonical, canonicalLoinc) => {
      // Prepare
      const input = observation(loinc, { value, unit, system: ucum, code: unit });
      // Act
      const { resource, repairs } = validateAndNormalise(input);
      // Assess
      const q = resource.valueQuantity as Quantity;
      expect(q).toMatchObject({ value: expected, unit: canonical, system: ucum, code: canonical });
      expect(q.extension).toEqual([
        { url: originalQuantityUrl, valueQuantity: { value, unit, system: ucum, code: unit } },
      ]);
      expect(repairs).toContainEqual(
        expect.objectContaining({ path: 'valueQuantity', kind: 'unit-converted' }),
      );
      expect((resource.code as { coding: { code: string }[] }).coding[0]!.code).toBe(
        canonicalLoinc,
      );
    },
  );

  it('maps a mass-concentration LOINC code to the moles term and keeps the source coding', () => {
    // Prepare
    const input = observation('2339-0', {
      value: 90.08,
      unit: 'mg/dL',
      system: ucum,
      code: 'mg/dL',
    });
    // Act
    const { resource, repairs } = validateAndNormalise(input);
    // Assess
    expect((resource.code as { coding: unknown[] }).coding[0]).toEqual({
      system: 'http://loinc.org',
      code: '15074-8',
      extension: [
        {
          url: originalCodingUrl,
          valueCoding: { system: 'http://loinc.org', code: '2339-0', display: 'source display' },
        },
      ],
    });
    expect((resource.valueQuantity as Quantity).value).toBe(5);
    expect(repairs.map((r) => r.kind)).toEqual(['unit-converted', 'loinc-mapped-to-canonical']);
  });

  it('reads a unit given only as text ("lbs") and records the conversion', () => {
    // Prepare
    const input = observation('29463-7', { value: 200, unit: 'lbs' });
    // Act
    const { resource } = validateAndNormalise(input);
    // Assess
    expect(resource.valueQuantity).toMatchObject({ value: 90.72, code: 'kg', system: ucum });
  });

  it('leaves a value already in the canonical UCUM unit as it is', () => {
    // Prepare
    const input = observation('14749-6', {
      value: 5.4,
      unit: 'mmol/l',
      system: ucum,
      code: 'mmol/L',
    });
    // Act
    const { resource, repairs } = validateAndNormalise(input);
    // Assess
    expect(resource.valueQuantity).toEqual({
      value: 5.4,
      unit: 'mmol/l',
      system: ucum,
      code: 'mmol/L',
    });
    expect(repairs).toEqual([]);
  });

  it.each([
    [
      'glucose in kg',
      '2345-7',
      { value: 5, unit: 'kg', system: ucum, code: 'kg' },
      'valueQuantity.code',
    ],
    ['weight in an unknown unit', '29463-7', { value: 5, unit: 'stone' }, 'valueQuantity.unit'],
    // Names of Object.prototype members are units like any other: unknown, never a lookup hit.
    ['weight in "toString"', '29463-7', { value: 70, unit: 'toString' }, 'valueQuantity.unit'],
    [
      'weight in "constructor"',
      '29463-7',
      { value: 70, unit: 'constructor' },
      'valueQuantity.unit',
    ],
    [
      'glucose coded "valueOf"',
      '2345-7',
      { value: 5, unit: 'x', system: ucum, code: 'valueOf' },
      'valueQuantity.code',
    ],
  ])('rejects %s as a unit not valid for the LOINC concept', (_name, loinc, quantity, path) => {
    // Prepare
    const input = observation(loinc, quantity);
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.message).toBe(`unit not valid for LOINC ${loinc}`);
    expect(error.path).toBe(path);
  });

  it('rejects a value without any unit for a concept with a canonical unit', () => {
    // Prepare
    const input = observation('2345-7', { value: 100 });
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe('valueQuantity.unit');
  });

  it.each([
    ['glucose 9999 mg/dL (555 mmol/L)', '2345-7', 9999, 'mg/dL'],
    ['temperature 200 °F (93 °C)', '8310-5', 200, '[degF]'],
    ['weight 2000 lb (907 kg)', '29463-7', 2000, '[lb_av]'],
    ['heart rate 0 /min', '8867-4', 0, '/min'],
    ['SpO2 101 %', '59408-5', 101, '%'],
    ['potassium 45 mmol/L', '6298-4', 45, 'mmol/L'],
    ['eGFR -80 mL/min/1.73 m2', '98979-8', -80, 'mL/min/{1.73_m2}'],
    ['ALT -28 U/L', '1742-6', -28, 'U/L'],
    ['BMI percentile 101 %', '59576-9', 101, '%'],
    ['BMI percentile -96 %', '59576-9', -96, '%'],
    ['PHQ-9 total 28 (items 0-3 x 9)', '44261-6', 28, '{score}'],
    ['PHQ-9 total -5', '44261-6', -5, '{score}'],
    ['GAD-7 total 22 (items 0-3 x 7)', '70274-6', 22, '{score}'],
  ])(
    'rejects an impossible %s after conversion, without quoting the value',
    (_name, loinc, value, unit) => {
      // Prepare
      const input = observation(loinc, { value, unit, system: ucum, code: unit });
      // Act
      const error = rejectionOf(input);
      // Assess
      expect(error.message).toBe('impossible value');
      expect(error.path).toBe('valueQuantity.value');
      expect(error.message).not.toContain(String(value));
    },
  );

  it('accepts a questionnaire score without a unit and writes the unit out ({score})', () => {
    // Prepare
    const input = observation('44261-6', { value: 27 });
    // Act
    const { resource, repairs } = validateAndNormalise(input);
    // Assess
    expect(resource.valueQuantity).toMatchObject({ value: 27, unit: '{score}', code: '{score}' });
    expect(repairs.map((r) => r.kind)).toEqual(['unit-canonicalised']);
  });

  it('converts an eGFR given as "mL/min/1.73m2" text and in mL/s/1.73 m2', () => {
    // Prepare
    const text = observation('98979-8', { value: 74, unit: 'mL/min/1.73m2' });
    const perSecond = observation('62238-1', { value: 1.5, unit: 'mL/s/1.73m2' });
    // Act
    const fromText = validateAndNormalise(text).resource.valueQuantity as Quantity;
    const fromSeconds = validateAndNormalise(perSecond).resource.valueQuantity as Quantity;
    // Assess
    expect(fromText).toMatchObject({ value: 74, code: 'mL/min/{1.73_m2}' });
    expect(fromSeconds).toMatchObject({ value: 90, code: 'mL/min/{1.73_m2}' });
  });

  it('accepts 100 °F, a value that would be impossible if read as °C', () => {
    // Prepare
    const input = observation('8310-5', { value: 100, unit: '°F' });
    // Act
    const { resource } = validateAndNormalise(input);
    // Assess
    expect((resource.valueQuantity as Quantity).value).toBe(37.78);
  });

  describe('blood pressure panel components', () => {
    function panel(
      systolic: Record<string, unknown>,
      diastolic: Record<string, unknown>,
    ): FhirJson {
      const { valueQuantity: _drop, ...rest } = observation('85354-9', {});
      return {
        ...rest,
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: systolic,
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: diastolic,
          },
        ],
      };
    }

    it('normalises each component and records the repair on its path', () => {
      // Prepare
      const input = panel({ value: 16, system: ucum, code: 'kPa' }, { value: 80, unit: 'mmHg' });
      // Act
      const { resource, repairs } = validateAndNormalise(input);
      // Assess
      const components = resource.component as { valueQuantity: Quantity }[];
      expect(components[0]!.valueQuantity).toMatchObject({ value: 120, code: 'mm[Hg]' });
      expect(components[1]!.valueQuantity).toMatchObject({ value: 80, code: 'mm[Hg]' });
      expect(repairs.map((r) => `${r.kind} ${r.path}`)).toEqual([
        'unit-converted component[0].valueQuantity',
        'unit-canonicalised component[1].valueQuantity',
      ]);
    });

    it('rejects an impossible component value with the component path', () => {
      // Prepare
      const input = panel(
        { value: 420, system: ucum, code: 'mm[Hg]' },
        { value: 80, system: ucum, code: 'mm[Hg]' },
      );
      // Act
      const error = rejectionOf(input);
      // Assess
      expect(error.path).toBe('component[0].valueQuantity.value');
    });

    it('rejects a diastolic at or above the systolic', () => {
      // Prepare
      const input = panel(
        { value: 80, system: ucum, code: 'mm[Hg]' },
        { value: 120, system: ucum, code: 'mm[Hg]' },
      );
      // Act
      const error = rejectionOf(input);
      // Assess
      expect(error.path).toBe('component[1].valueQuantity.value');
    });

    it('rejects a component without a code', () => {
      // Prepare
      const input = panel(
        { value: 120, system: ucum, code: 'mm[Hg]' },
        { value: 80, system: ucum, code: 'mm[Hg]' },
      );
      delete (input.component as Record<string, unknown>[])[1]!.code;
      // Act
      const error = rejectionOf(input);
      // Assess
      expect(error.path).toBe('component[1].code');
    });
  });

  describe('tables', () => {
    it('uses only well-formed LOINC codes, with a plausible range for every concept', () => {
      // Prepare
      const codes = canonicalUnits.flatMap((e) => [...e.loinc, ...Object.values(e.loincMap ?? {})]);
      // Act
      const malformed = codes.filter((code) => !isLoincCode(code));
      const withoutRange = canonicalUnits.filter(
        (e) => plausibleRanges[e.concept]?.ucum !== e.ucum,
      );
      // Assess
      expect(malformed).toEqual([]);
      expect(withoutRange).toEqual([]);
    });

    it('has a canonical unit, and so a plausibility limit, for every quantity the generator writes', () => {
      // Prepare: the catalog's quantities (coded answers have no unit; the BP panel's components are
      // systolic and diastolic, which are in the catalog themselves).
      const quantities = Object.entries(measurements).filter(
        ([key, m]) => m.unit !== '' && key !== 'bloodPressurePanel',
      );
      // Act
      const uncovered = quantities
        .filter(([, m]) => !canonicalUnits.some((e) => e.loinc.includes(m.loinc)))
        .map(([key]) => key);
      // Assess: an impossible value of any of them is quarantined, not stored.
      expect(quantities.length).toBeGreaterThan(20);
      expect(uncovered).toEqual([]);
    });

    it('maps every unit-specific code to a code of the same concept', () => {
      // Prepare
      const pairs = canonicalUnits.flatMap((e) =>
        Object.entries(e.loincMap ?? {}).map(([from, to]) => ({ e, from, to })),
      );
      // Act
      const broken = pairs.filter(
        ({ e, from, to }) => !e.loinc.includes(from) || !e.loinc.includes(to),
      );
      // Assess
      expect(pairs.length).toBeGreaterThan(0);
      expect(broken).toEqual([]);
    });
  });
});
