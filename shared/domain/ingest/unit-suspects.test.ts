import { describe, expect, it } from 'vitest';
import { UnitSuspects } from './unit-suspects';
import { ValidationError } from '../errors';

const observation = (
  loinc: string,
  value: number,
  ucum: string,
  day: number,
  patient = 'Patient/p1',
) => ({
  resourceType: 'Observation',
  subject: { reference: patient },
  code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
  effectiveDateTime: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
  valueQuantity: { value, unit: ucum, code: ucum },
});

describe('Class: UnitSuspects', () => {
  it("quarantines a weight 1/2.2 of the patient's recent weights (kg sent as lb), naming the element", () => {
    // Prepare
    const units = new UnitSuspects();
    units.check(observation('29463-7', 72, 'kg', 0));
    units.check(observation('29463-7', 72.6, 'kg', 10));
    // Act
    const act = () => units.check(observation('29463-7', 72.4 / 2.20462, 'kg', 20));
    // Assess
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(
      /unit suspected wrong: body weight 32.84 kg is 0.45x .* check whether the value was in kg or \[lb_av\]/,
    );
    try {
      act();
    } catch (e) {
      expect((e as ValidationError).path).toBe('valueQuantity.code');
    }
  });

  it('accepts real change: a weight loss of 10 %, another patient, and readings beyond a year, and growth', () => {
    const units = new UnitSuspects();
    units.check(observation('29463-7', 72, 'kg', 0));
    units.check(observation('29463-7', 72, 'kg', 5));
    expect(() => units.check(observation('29463-7', 65, 'kg', 30))).not.toThrow();
    expect(() =>
      units.check(observation('29463-7', 32.7, 'kg', 31, 'Patient/child')),
    ).not.toThrow();
    expect(() => units.check(observation('29463-7', 32.7, 'kg', 400))).not.toThrow();
    // An infant's series is not stable, so doubling is growth, not a unit slip.
    units.check(observation('29463-7', 3.5, 'kg', 0, 'Patient/infant'));
    units.check(observation('29463-7', 5.2, 'kg', 60, 'Patient/infant'));
    expect(() =>
      units.check(observation('29463-7', 7.7, 'kg', 150, 'Patient/infant')),
    ).not.toThrow();
  });

  it('cannot tell which of two readings is mislabelled, so one earlier reading never condemns the next', () => {
    const units = new UnitSuspects();
    units.check(observation('29463-7', 32.7, 'kg', 0)); // the mislabelled one, first
    expect(() => units.check(observation('29463-7', 72, 'kg', 3))).not.toThrow();
  });

  it('flags a glucose beyond charted values that is typical as mg/dL (100 "mmol/L")', () => {
    const units = new UnitSuspects();
    expect(() => units.check(observation('14749-6', 100, 'mmol/L', 0))).toThrow(
      /typical as mg\/dL/,
    );
    expect(() => units.check(observation('14749-6', 33.3, 'mmol/L', 0))).not.toThrow(); // severe HHS is real
  });

  it('flags height in inches labelled cm against the patient history', () => {
    const units = new UnitSuspects();
    units.check(observation('8302-2', 178, 'cm', 0));
    units.check(observation('8302-2', 178.2, 'cm', 1));
    expect(() => units.check(observation('8302-2', 70, 'cm', 2))).toThrow(/body height/);
  });
});
