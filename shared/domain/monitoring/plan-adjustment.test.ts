import { describe, expect, it } from 'vitest';
import type { Medication } from '../adherence/medications';
import type { ProportionOfDaysCovered } from '../adherence/pdc';
import { bloodPressurePanel, glucose, score } from './observations.fixture';
import { planAdjustments, type PlanInput } from './plan-adjustment';
import { readingsFromObservations } from './readings';

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
