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

  it('past its capacity lets the oldest series go, storing its held readings in order (nothing lost)', () => {
    // Capacity 2 series: a third patient's weight evicts the first patient's series.
    const units = new UnitSuspects<string>(2);
    const verdicts = offerAll(units, [
      ['p1-a', observation('29463-7', 70, 'kg', 0, 'Patient/p1')],
      ['p1-b', observation('29463-7', 70.4, 'kg', 7, 'Patient/p1')],
      ['p2-a', observation('29463-7', 80, 'kg', 0, 'Patient/p2')],
      ['p3-a', observation('29463-7', 90, 'kg', 0, 'Patient/p3')],
    ]);
    // p1's two readings (one neighbour each: held) come out when p3's series takes their place.
    expect(verdicts[3]!.ready).toEqual(['p1-a', 'p1-b']);
    expect(units.drain()).toEqual(['p2-a', 'p3-a']);
    // p1 again: a fresh series with no history, so a slip is held, not condemned on forgotten data.
    const again = units.offer(observation('29463-7', 70 / 2.20462, 'kg', 14, 'Patient/p1'), 'p1-c');
    expect(again.suspects).toEqual([]);
    expect(units.drain()).toEqual(['p1-c']);
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

  it('flags a glucose below 1 mmol/L that is typical as mmol/L (9.7 "mg/dL" = 0.54 mmol/L)', () => {
    // Four such slips of a 5,000-patient dirty cohort passed as possible values (limit 0.5 mmol/L),
    // in diabetic patients whose glucose history is too variable for rule 1.
    const units = new UnitSuspects<string>();
    const low = units.offer(observation('14749-6', 9.7 / 18.016, 'mmol/L', 0), 'low');
    expect(low.suspects.map((s) => s.item)).toEqual(['low']);
    expect(low.suspects[0]!.error.message).toMatch(
      /glucose is below 1 mmol\/L, rare in life, but typical if the number was in mmol\/L/,
    );
    // Level 2 hypoglycaemia is real: 2.2 mmol/L (40 mg/dL) is not flagged.
    const hypo = units.offer(observation('14749-6', 2.2, 'mmol/L', 1), 'hypo');
    expect(hypo.suspects).toEqual([]);
    expect(units.drain()).toEqual(['hypo']);
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

  describe('Rule 2: the same visit (weight, height and the body mass index recorded with them)', () => {
    const visit = (
      day: number,
      kg: number,
      cm: number | undefined,
      bmi: number,
      who = 'Patient/c1',
    ) =>
      [
        [`w${day}`, observation('29463-7', kg, 'kg', day, who)],
        ...(cm === undefined ? [] : [[`h${day}`, observation('8302-2', cm, 'cm', day, who)]]),
        [`bmi${day}`, observation('39156-5', bmi, 'kg/m2', day, who)],
      ] as [string, ReturnType<typeof observation>][];

    it("quarantines a growing child's weight sent in kg as lb: weight / height^2 is 1/2.2 of the visit's BMI", () => {
      // Prepare: the child of the dirty cohort whose slip the series rule had called consistent
      // (0.48x its older, stable weights: growth and the slip together). 16.3 kg sent as "lb".
      const units = new UnitSuspects<string>();
      const verdicts = offerAll(units, [
        ...visit(0, 14.5, 95.3, 16),
        ...visit(302, 16, undefined, 15.7),
        ...visit(358, 16.3 * 0.45359237, 102.1, 15.6),
      ]);
      // Assess
      expect(suspectsOf(verdicts)).toEqual(['w358']);
      const error = verdicts.flatMap((v) => v.suspects)[0]!.error;
      expect(error.message).toMatch(
        /body weight with the height of its visit gives a body mass index 0\.45x the one recorded with them, the conversion factor; check whether the value was in kg or \[lb_av\]/,
      );
      expect(error.message).not.toMatch(/7\.39|16\.3|102\.1|15\.6/);
      // The first visit's weight and height are vouched for by their BMI as soon as it comes.
      expect(readyOf(verdicts.slice(0, 3))).toEqual(['w0', 'h0', 'bmi0']);
    });

    it('quarantines a height in inches labelled cm: its visit BMI is off by 2.54^2', () => {
      const units = new UnitSuspects<string>();
      const verdicts = offerAll(units, visit(0, 70, 175 / 2.54, 22.9, 'Patient/a1'));
      expect(suspectsOf(verdicts)).toEqual(['h0']);
      expect(verdicts.flatMap((v) => v.suspects)[0]!.error.message).toMatch(
        /body height with the weight of its visit gives a body mass index 6\.4\dx the one recorded with them, the square of the conversion factor/,
      );
      expect([...readyOf(verdicts), ...units.drain()]).toEqual(['bmi0', 'w0']);
    });

    it('with no height that day, a weight whose BMI implies a third less height than measured before is a slip', () => {
      // An adult measured at 170 cm two years ago; 70 kg sent as "lb" (31.75 kg) with a BMI of 24.2.
      const units = new UnitSuspects<string>();
      const verdicts = offerAll(units, [
        ['h', observation('8302-2', 170, 'cm', 0, 'Patient/a2')],
        ...visit(730, 70 * 0.45359237, undefined, 24.2, 'Patient/a2'),
      ]);
      expect(suspectsOf(verdicts)).toEqual(['w730']);
      expect(verdicts.flatMap((v) => v.suspects)[0]!.error.message).toMatch(
        /implies a height 0\.67x this patient's nearest measured one .*a loss of a third no one has/,
      );
    });

    it('leaves growth untold where it could be real, and tells it where it could not', () => {
      const units = new UnitSuspects<string>();
      // A weight and BMI implying sqrt(2.2) (1.485) times a height measured `day` days before.
      const grows = (who: string, cm: number, day: number) =>
        offerAll(units, [
          ['h', observation('8302-2', cm, 'cm', 0, who)],
          ...visit(day, ((1.485 * cm) ** 2 * 17.5) / 1e4, undefined, 17.5, who),
        ]);
      // A toddler of 80 cm two years on, and a child of 100 cm three years on (a 65 cm allowance):
      // growth cannot be ruled out, so nothing is flagged.
      expect(suspectsOf(grows('Patient/g1', 80, 730))).toEqual([]);
      expect(suspectsOf(grows('Patient/g2', 100, 1095))).toEqual([]);
      // The same 1.485-fold within 30 days is more than any newborn grows in 90 days.
      const fast = grows('Patient/g3', 100, 30);
      expect(suspectsOf(fast)).toEqual(['w30']);
      expect(fast.flatMap((v) => v.suspects)[0]!.error.message).toMatch(
        /more growth than any child has in 90 days/,
      );
      // An adult of 161 cm: 239 cm implied 192 days later would be 78 cm of growth (dirty cohort).
      const adult = grows('Patient/g4', 161, 192);
      expect(suspectsOf(adult)).toEqual(['w192']);
      expect(adult.flatMap((v) => v.suspects)[0]!.error.message).toMatch(
        /more growth than anyone 100 cm or taller has in that time/,
      );
      // The lone heights are held (nothing to judge them by) and stored at the end, as are w730 and w1095.
      expect(units.drain().sort()).toEqual(['h', 'h', 'h', 'h', 'w1095', 'w730']);
    });

    it('stores a consistent visit at once and never blames a reading the visit does not explain', () => {
      const units = new UnitSuspects<string>();
      // Right units: weight / height^2 = BMI (rounded), so nothing is held to the end of the file.
      const right = offerAll(units, visit(0, 81.3, 176.2, 26.2, 'Patient/r1'));
      expect(readyOf(right)).toEqual(['w0', 'h0', 'bmi0']);
      // A BMI that fits neither unit (a typo elsewhere): no verdict, held, stored at the end.
      const odd = offerAll(units, visit(0, 81.3, 176.2, 31, 'Patient/r2'));
      expect(suspectsOf(odd)).toEqual([]);
      expect([...readyOf(odd), ...units.drain()].sort()).toEqual(['bmi0', 'h0', 'w0']);
    });

    it('takes a weight whose BMI implies the measured height as right, even between two mislabelled ones', () => {
      // A 192.2 cm adult (dirty cohort, seed 23): 254 and 253.1 lb both sent as kg around a right
      // 112 kg. The two mislabels form a stable series to which 112 kg is 0.44x: not a slip.
      const units = new UnitSuspects<string>();
      const who = 'Patient/a3';
      const verdicts = offerAll(units, [
        ['h0', observation('8302-2', 192.2, 'cm', 0, who)],
        ...visit(480, 254, undefined, 31.2, who),
        ...visit(775, 112, undefined, 30.3, who),
        ...visit(829, 253.1, 192.2, 31.1, who),
      ]);
      // w480 as soon as h829 comes: its implied 285 cm is taller than the 192.2 cm measured after
      // it (a loss no one has); then w829 by its full visit; w775 is stored.
      expect(suspectsOf(verdicts)).toEqual(['w480', 'w829']);
      expect([...readyOf(verdicts), ...units.drain()]).toContain('w775');
    });
  });
});
