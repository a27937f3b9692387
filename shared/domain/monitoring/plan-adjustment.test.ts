import { describe, expect, it } from 'vitest';
import type { Medication } from '../adherence/medications';
import type { ProportionOfDaysCovered } from '../adherence/pdc';
import { bloodPressurePanel, glucose, score, vital } from './observations.fixture';
import { planAdjustments, type PlanInput } from './plan-adjustment';
import { readingsFromObservations } from './readings';
import { bloodPressureGoal } from './rules';

const now = Date.parse('2026-03-31T12:00:00Z');
const med = (key: string, drugClass: Medication['drugClass'], startedAt: string): Medication => ({
  key,
  display: key,
  drugClass,
  startedAt,
  active: true,
  resourceIds: [],
});
const pdc = (medication: string, value: number): ProportionOfDaysCovered => ({
  medication,
  pdc: value,
  coveredDays: Math.round(value * 100),
  periodDays: 100,
  from: '2025-12-01',
  to: '2026-03-31',
  fills: 4,
  eligible: true,
  adherent: value >= 0.8,
});
// Home BP in both halves of the last 4 weeks (Mar 3 - Mar 17 and Mar 17 - Mar 31).
const homeBp = (systolic: number, diastolic: number) =>
  ['2026-03-05', '2026-03-12', '2026-03-20', '2026-03-28'].map((d, i) =>
    bloodPressurePanel(`bp${i}`, `${d}T08:00:00Z`, systolic, diastolic),
  );

function input(
  overrides: Partial<PlanInput> & { observations?: Parameters<typeof readingsFromObservations>[0] },
): PlanInput {
  return {
    readings: readingsFromObservations(overrides.observations ?? []),
    medications: overrides.medications ?? [],
    pdc: overrides.pdc ?? [],
    doses: overrides.doses,
    now,
    ...(overrides.bpGoal ? { bpGoal: overrides.bpGoal } : {}),
  };
}

describe('Function: planAdjustments', () => {
  const lisinopril = med('lisinopril', 'ace-inhibitor', '2026-01-15');

  it('proposes intensifying when BP stayed above 130/80 for 4 weeks on therapy taken >= 80 % of days', () => {
    // Act
    const suggestions = planAdjustments(
      input({
        observations: homeBp(138, 84),
        medications: [lisinopril],
        pdc: [pdc('lisinopril', 0.92)],
      }),
    );
    // Assess
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({
      kind: 'intensify-antihypertensive',
      status: 'proposed',
      medications: ['lisinopril'],
    });
    expect(suggestions[0]!.reason).toContain('adherence 92 %');
    expect(suggestions[0]!.source.version).toBe('2017');
  });

  it('proposes addressing adherence first when it is below 80 %, whichever measure is lower', () => {
    // Act: PDC 85 % but reminder acknowledgements only 70 %.
    const suggestions = planAdjustments(
      input({
        observations: homeBp(138, 84),
        medications: [lisinopril],
        pdc: [pdc('lisinopril', 0.85)],
        doses: [{ medication: 'lisinopril', scheduled: 30, taken: 21, rate: 0.7 }],
      }),
    );
    // Assess
    expect(suggestions.map((s) => s.kind)).toEqual(['address-adherence']);
  });

  it('asks for an adherence measure when none exists', () => {
    const suggestions = planAdjustments(
      input({ observations: homeBp(138, 84), medications: [lisinopril] }),
    );
    expect(suggestions.map((s) => s.kind)).toEqual(['assess-adherence']);
  });

  it('proposes nothing when BP is at target, the regimen changed within 4 weeks, or one half has no reading', () => {
    const recent = med('amlodipine', 'calcium-channel-blocker', '2026-03-10');
    expect(
      planAdjustments(
        input({
          observations: homeBp(128, 78),
          medications: [lisinopril],
          pdc: [pdc('lisinopril', 0.9)],
        }),
      ),
    ).toEqual([]);
    expect(
      planAdjustments(
        input({
          observations: homeBp(140, 90),
          medications: [lisinopril, recent],
          pdc: [pdc('lisinopril', 0.9)],
        }),
      ),
    ).toEqual([]);
    expect(
      planAdjustments(
        input({
          observations: homeBp(140, 90).slice(2),
          medications: [lisinopril],
          pdc: [pdc('lisinopril', 0.9)],
        }),
      ),
    ).toEqual([]);
  });

  it('proposes a regimen review for hypoglycaemia on a sulfonylurea, not on metformin alone', () => {
    // Prepare
    const lows = [
      glucose('g1', '2026-02-10T07:00:00Z', 62),
      glucose('g2', '2026-03-20T07:00:00Z', 51),
    ];
    // Act
    const onSulfonylurea = planAdjustments(
      input({ observations: lows, medications: [med('glipizide', 'sulfonylurea', '2025-01-01')] }),
    );
    const onMetformin = planAdjustments(
      input({ observations: lows, medications: [med('metformin', 'other', '2025-01-01')] }),
    );
    // Assess
    expect(onSulfonylurea).toMatchObject([
      {
        kind: 'review-hypoglycaemia-risk',
        observationIds: ['g1', 'g2'],
        medications: ['glipizide'],
      },
    ]);
    expect(onSulfonylurea[0]!.reason).toContain('lowest 51 mg/dL');
    expect(onMetformin).toEqual([]);
  });

  it('proposes a depression treatment review when PHQ-9 fell by less than 5 points after 8 weeks', () => {
    // Prepare: sertraline from Jan 2; PHQ-9 16 at baseline, 12 at week 10 (improved by 4).
    const sertraline = med('sertraline', 'antidepressant', '2026-01-02');
    const scores = [
      score('q0', '2025-12-28T10:00:00Z', '44261-6', 16),
      score('q1', '2026-03-13T10:00:00Z', '44261-6', 12),
    ];
    const responded = [scores[0]!, score('q1', '2026-03-13T10:00:00Z', '44261-6', 11)];
    // Act
    const review = planAdjustments(input({ observations: scores, medications: [sertraline] }));
    const fine = planAdjustments(input({ observations: responded, medications: [sertraline] }));
    // Assess
    expect(review).toMatchObject([
      { kind: 'review-depression-treatment', observationIds: ['q0', 'q1'] },
    ]);
    expect(review[0]!.reason).toContain('improved by 4 points, less than 5');
    expect(fine).toEqual([]);
  });

  it('proposes no review in remission (a total below 5), however small the change', () => {
    // Prepare: sertraline from Jan 2; follow-ups at week 10.
    const sertraline = med('sertraline', 'antidepressant', '2026-01-02');
    const review = (loinc: '44261-6' | '70274-6', before: number, after: number) =>
      planAdjustments(
        input({
          observations: [
            score('q0', '2025-12-28T10:00:00Z', loinc, before),
            score('q1', '2026-03-13T10:00:00Z', loinc, after),
          ],
          medications: [sertraline],
        }),
      ).map((s) => s.kind);
    // Act / Assess: PHQ-9 (44261-6) 7 -> 4 and GAD-7 (70274-6) 5 -> 3 are remission (0-4 minimal).
    expect(review('44261-6', 7, 4)).toEqual([]);
    expect(review('70274-6', 5, 3)).toEqual([]);
    // 5 is mild, not remission: the small change is still reviewed.
    expect(review('44261-6', 8, 5)).toEqual(['review-depression-treatment']);
    expect(review('70274-6', 8, 5)).toEqual(['review-anxiety-treatment']);
  });

  it('waits for 8 weeks of treatment before judging the PHQ-9 response', () => {
    // Prepare: the follow-up score is at week 6.
    const sertraline = med('sertraline', 'antidepressant', '2026-01-02');
    const scores = [
      score('q0', '2025-12-28T10:00:00Z', '44261-6', 16),
      score('q1', '2026-02-13T10:00:00Z', '44261-6', 15),
    ];
    // Act / Assess
    expect(planAdjustments(input({ observations: scores, medications: [sertraline] }))).toEqual([]);
  });
});

describe('Function: planAdjustments — a child on an antihypertensive (AAP 2017 treatment goal)', () => {
  const lisinopril = med('lisinopril', 'ace-inhibitor', '2026-01-15');
  // A boy of 10 at 141.3 cm: Table 4's 90th percentile is 112/74 (50th height percentile).
  const height = vital('h', '2026-03-01T08:00:00Z', '8302-2', 141.3, 'cm');
  const goalFor = (ageYears: number, withHeight = true) =>
    bloodPressureGoal(readingsFromObservations(withHeight ? [height] : []), {
      now,
      ageYears,
      sex: 'male',
    });

  it('holds a child of 1-12 to below the 90th percentile, far under the adult 130/80', () => {
    const goal = goalFor(10)!;
    expect(goal).toMatchObject({ systolic: 112, diastolic: 74 });
    const suggestions = planAdjustments(
      input({
        observations: homeBp(114, 70),
        medications: [lisinopril],
        pdc: [pdc('lisinopril', 0.95)],
        bpGoal: goal,
      }),
    );
    expect(suggestions.map((x) => x.kind)).toEqual(['intensify-antihypertensive']);
    expect(suggestions[0]!.reason).toMatch(
      /^blood pressure at or above the goal below the 90th percentile 112\/74 mm\[Hg\] for a boy of 10 years at the 50th height percentile throughout the last 28 days/,
    );
    expect(suggestions[0]!.source.guideline).toMatch(/treatment goal: <90th percentile/);
    // The same readings judged by the adult target raise nothing.
    const adult = planAdjustments(
      input({
        observations: homeBp(114, 70),
        medications: [lisinopril],
        pdc: [pdc('lisinopril', 0.95)],
      }),
    );
    expect(adult).toEqual([]);
    // Below the 90th percentile in one half of the 4 weeks: at goal then.
    const under = planAdjustments(
      input({
        observations: [...homeBp(114, 70).slice(0, 2), ...homeBp(111, 70).slice(2)],
        medications: [lisinopril],
        pdc: [pdc('lisinopril', 0.95)],
        bpGoal: goal,
      }),
    );
    expect(under).toEqual([]);
  });

  it('holds an adolescent to <130/80 under AAP 2017, and suggests nothing for a child it cannot judge', () => {
    const adolescent = goalFor(15)!;
    expect(adolescent).toMatchObject({ systolic: 130, diastolic: 80 });
    expect(adolescent.source.guideline).toMatch(/^AAP .*treatment goal/);
    expect(goalFor(40)!.source.guideline).toMatch(/^ACC\/AHA/);
    expect(goalFor(10, false)).toBeUndefined();
    // The goal is the 90th percentile itself, even where Table 3's "elevated" uses the lower 120:
    // a boy of 12 at 165.5 cm (95th height percentile; Table 4: 90th percentile 122/76).
    const tall = bloodPressureGoal(
      readingsFromObservations([vital('h', '2026-03-01T08:00:00Z', '8302-2', 165.5, 'cm')]),
      { now, ageYears: 12, sex: 'male' },
    )!;
    expect(tall).toMatchObject({ systolic: 122, diastolic: 76 });
    const unjudged = planAdjustments(
      input({
        observations: homeBp(150, 95),
        medications: [lisinopril],
        pdc: [pdc('lisinopril', 0.95)],
        bpGoal: 'not-judged',
      }),
    );
    expect(unjudged).toEqual([]);
  });
});
