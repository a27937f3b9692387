import { describe, expect, it } from 'vitest';
import { UnitSuspects, type UnitVerdicts } from './unit-suspects';
import { ValidationError } from '../errors';

const observation = (
  loinc: string,
  value: number,
  ucum: string,
  day: number,
  patient = 'Patient/p1',
  id?: string,
) => ({
  resourceType: 'Observation',
  ...(id ? { id } : {}),
  subject: { reference: patient },
  code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
  effectiveDateTime: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
  valueQuantity: { value, unit: ucum, code: ucum },
});

/** Offers readings in order, each item named by its label; returns the verdicts per offer. */
function offerAll(
  units: UnitSuspects<string>,
  readings: [label: string, resource: ReturnType<typeof observation>][],
): UnitVerdicts<string>[] {
  return readings.map(([label, resource]) => units.offer(resource, label));
}

const suspectsOf = (verdicts: UnitVerdicts<string>[]) =>
  verdicts.flatMap((v) => v.suspects.map((s) => s.item));
const readyOf = (verdicts: UnitVerdicts<string>[]) => verdicts.flatMap((v) => v.ready);

describe('Class: UnitSuspects', () => {
  it("quarantines a weight 1/2.2 of the patient's recent weights (kg sent as lb), naming the element", () => {
    // Prepare
    const units = new UnitSuspects<string>();
    offerAll(units, [
      ['a', observation('29463-7', 72, 'kg', 0)],
      ['b', observation('29463-7', 72.6, 'kg', 10)],
    ]);
    // Act
    const verdicts = units.offer(observation('29463-7', 72.4 / 2.20462, 'kg', 20), 'c');
    // Assess
    expect(verdicts.suspects.map((s) => s.item)).toEqual(['c']);
    // `a` and `b` have one neighbour each (the suspect is not one): held, stored at the end.
    expect(verdicts.ready).toEqual([]);
    expect(units.drain()).toEqual(['a', 'b']);
    const error = verdicts.suspects[0]!.error;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(
      /unit suspected wrong: body weight is 0.45x this patient's stable median .* check whether the value was in kg or \[lb_av\]/,
    );
    expect(error.path).toBe('valueQuantity.code');
    // The reason names the rule, never a value of the record (neither this one nor the median).
    expect(error.message).not.toMatch(/32\.8|72\.[0-9]/);
  });

  it('quarantines a mislabelled FIRST reading once two later stable readings show it (retroactively)', () => {
    // Prepare: 58 kg sent as lb (26.3 kg), then the patient's real weights.
    const units = new UnitSuspects<string>();
    // Act
    const verdicts = offerAll(units, [
      ['first', observation('29463-7', 58 / 2.20462, 'kg', 0)],
      ['second', observation('29463-7', 57.8, 'kg', 60)],
      ['third', observation('29463-7', 58.3, 'kg', 120)],
      ['fourth', observation('29463-7', 58.1, 'kg', 180)],
    ]);
    // Assess: nothing stored until the third reading shows the first mislabelled; the others are
    // stored as soon as two stable neighbours vouch for them.
    expect(readyOf(verdicts.slice(0, 2))).toEqual([]);
    expect(suspectsOf(verdicts)).toEqual(['first']);
    expect(verdicts[2]!.suspects[0]!.error.message).toMatch(/body weight is 0.45x/);
    expect(readyOf(verdicts)).toEqual(['second', 'third', 'fourth']);
    expect(units.drain()).toEqual([]);
  });

  it('judges a reading against readings on both sides within a year (one before, one after)', () => {
    const units = new UnitSuspects<string>();
    const verdicts = offerAll(units, [
      ['before', observation('29463-7', 60, 'kg', 0)],
      ['slip', observation('29463-7', 62.4 / 2.20462, 'kg', 320)],
      ['after', observation('29463-7', 64.2, 'kg', 600)],
    ]);
    expect(suspectsOf(verdicts)).toEqual(['slip']);
    // `before` and `after` are 600 days apart: neither has two neighbours within a year, so they
    // stay held until the end of the file, and are then stored.
    expect(readyOf(verdicts)).toEqual([]);
    expect(units.drain()).toEqual(['before', 'after']);
  });

  it('accepts real change: a weight loss of 10 %, another patient, and readings beyond a year, and growth', () => {
    const units = new UnitSuspects<string>();
    const verdicts = offerAll(units, [
      ['a', observation('29463-7', 72, 'kg', 0)],
      ['b', observation('29463-7', 72, 'kg', 5)],
      ['loss', observation('29463-7', 65, 'kg', 30)],
      ['child', observation('29463-7', 32.7, 'kg', 31, 'Patient/child')],
      ['later', observation('29463-7', 32.7, 'kg', 800)],
      // An infant's series is not stable, so doubling is growth, not a unit slip.
      ['i1', observation('29463-7', 3.5, 'kg', 0, 'Patient/infant')],
      ['i2', observation('29463-7', 5.2, 'kg', 60, 'Patient/infant')],
      ['i3', observation('29463-7', 7.7, 'kg', 150, 'Patient/infant')],
    ]);
    const stored = [...readyOf(verdicts), ...units.drain()];
    expect(suspectsOf(verdicts)).toEqual([]);
    expect(stored.sort()).toEqual(['a', 'b', 'child', 'i1', 'i2', 'i3', 'later', 'loss']);
  });

  it('cannot tell which of two readings is mislabelled, so one reading never condemns another', () => {
    const units = new UnitSuspects<string>();
    const verdicts = offerAll(units, [
      ['slip', observation('29463-7', 32.7, 'kg', 0)],
      ['real', observation('29463-7', 72, 'kg', 3)],
    ]);
    expect(suspectsOf(verdicts)).toEqual([]);
    expect(units.drain()).toEqual(['slip', 'real']);
  });

  it('stores a held reading before a later record with its id or its time (file order for duplicates)', () => {
    const units = new UnitSuspects<string>();
    expect(
      units.offer(observation('29463-7', 70, 'kg', 0, 'Patient/p1', 'w1'), 'w1').ready,
    ).toEqual([]);
    // The same id again (an update): the held one first, then the update (itself held).
    const update = units.offer(observation('29463-7', 71, 'kg', 1, 'Patient/p1', 'w1'), 'w1-v2');
    expect(update.ready).toEqual(['w1']);
    // The same time in the series (a duplicate without an id): the held update first; the duplicate
    // then has two stable neighbours and is stored after it.
    const duplicate = units.offer(observation('29463-7', 71, 'kg', 1), 'dup');
    expect(duplicate.ready).toEqual(['w1-v2', 'dup']);
    expect(units.drain()).toEqual([]);
  });

  it('passes other resources and concepts straight through', () => {
    const units = new UnitSuspects<string>();
    expect(units.offer({ resourceType: 'Patient', id: 'p1' }, 'patient').ready).toEqual([
      'patient',
    ]);
    expect(units.offer(observation('8867-4', 72, '/min', 0), 'pulse').ready).toEqual(['pulse']);
  });

  it('flags a glucose beyond charted values that is typical as mg/dL (100 "mmol/L")', () => {
    const units = new UnitSuspects<string>();
    const high = units.offer(observation('14749-6', 100, 'mmol/L', 0), 'high');
    expect(high.suspects.map((s) => s.item)).toEqual(['high']);
    expect(high.suspects[0]!.error.message).toMatch(/typical as mg\/dL/);
    // Severe HHS is real: 33.3 mmol/L is not flagged (held for its history, then stored).
    const severe = units.offer(observation('14749-6', 33.3, 'mmol/L', 1), 'severe');
    expect(severe.suspects).toEqual([]);
    expect(units.drain()).toEqual(['severe']);
  });

  it('flags height in inches labelled cm against the patient history', () => {
    const units = new UnitSuspects<string>();
    const verdicts = offerAll(units, [
      ['h1', observation('8302-2', 178, 'cm', 0)],
      ['h2', observation('8302-2', 178.2, 'cm', 1)],
      ['inches', observation('8302-2', 70, 'cm', 2)],
    ]);
    expect(suspectsOf(verdicts)).toEqual(['inches']);
    expect(verdicts[2]!.suspects[0]!.error.message).toMatch(/body height/);
  });

  it('bounds what it holds: a series beyond its history releases its oldest held reading', () => {
    const units = new UnitSuspects<string>();
    // Readings growing 50 % each are never stable, so none can be judged.
    const verdicts = offerAll(
      units,
      Array.from({ length: 10 }, (_, i) => [
        `r${i}`,
        observation('29463-7', 3 * 1.5 ** i, 'kg', i),
      ]),
    );
    expect(suspectsOf(verdicts)).toEqual([]);
    expect(readyOf(verdicts)).toEqual(['r0', 'r1']);
    expect(units.drain()).toEqual(['r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
  });
});
