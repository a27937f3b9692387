// Domain (monitoring): plan-adjustment suggestions for the care team from monitored values (home and
// clinic BP, glucose, PHQ-9 and GAD-7 totals), medications and adherence. Suggestions are proposals for
// a clinician to accept or reject; nothing here changes a plan.
import type { DoseAdherence } from '../adherence/dose-acks';
import { antihypertensiveClasses, type Medication } from '../adherence/medications';
import { pqaThreshold, type ProportionOfDaysCovered } from '../adherence/pdc';
import { bloodPressures, type Reading } from './readings';
import {
  aboveBloodPressureTarget,
  ada2024,
  adultBloodPressureGoal,
  type BloodPressureGoal,
  type GuidelineSource,
} from './thresholds';
import { msPerDay } from './trend';

export type SuggestionKind =
  | 'intensify-antihypertensive'
  | 'address-adherence'
  | 'assess-adherence'
  | 'review-hypoglycaemia-risk'
  | 'review-depression-treatment'
  | 'review-anxiety-treatment';

export interface Suggestion {
  kind: SuggestionKind;
  /** What the care team might do. */
  action: string;
  reason: string;
  source: GuidelineSource;
  observationIds: string[];
  /** Medication keys concerned. */
  medications: string[];
  /** Always a proposal: a clinician decides. */
  status: 'proposed';
}

export interface PlanInput {
  readings: readonly Reading[];
  medications: readonly Medication[];
  /** PDC per medication key (adherence/pdc.ts). */
  pdc: readonly ProportionOfDaysCovered[];
  /** Reminder-acknowledged dose rates per medication key, when the patient uses reminders. */
  doses?: readonly DoseAdherence[];
  /** Epoch ms. */
  now: number;
  /**
   * The patient's BP goal (rules.ts `bloodPressureGoal`): the adult <130/80 when absent;
   * 'not-judged' for a child whose BP cannot be classified, who then gets no BP suggestion.
   */
  bpGoal?: BloodPressureGoal | 'not-judged';
}

const pqa: GuidelineSource = {
  guideline: 'PQA Proportion of Days Covered adherence measure (threshold 80 %)',
  version: 'PQA technical specifications 2019',
};
const phq9Response: GuidelineSource = {
  guideline:
    'PHQ-9 minimal clinically important change of 5 points (Löwe et al., Med Care 2004;42:1194); APA Practice Guideline for MDD 3rd ed.: reassess after 4-8 weeks without moderate improvement',
  version: 'APA 2010',
};
const gad7Response: GuidelineSource = {
  guideline:
    'GAD-7 minimal clinically important difference of 4 points (Toussaint et al., J Affect Disord 2020;265:395)',
  version: '2020',
};

/** ACC/AHA 2017 §8.3: monthly follow-up and titration until BP control; 4 weeks = one titration step. */
const bpSustainedDays = 28;
const hypoglycaemiaLookbackDays = 90;
/** Weeks of treatment before the PHQ-9 / GAD-7 response is judged (APA 2010: 4-8 weeks). */
const responseWeeks = 8;
/**
 * A follow-up total below 5 is remission, the aim of treatment, however small the change: PHQ-9 0-4
 * is minimal depression and < 5 the usual definition of remission (Kroenke K et al. J Gen Intern Med
 * 2001;16:606); GAD-7 0-4 is minimal anxiety (Spitzer RL et al. Arch Intern Med 2006;166:1092).
 */
const remissionBelow = 5;

/** All suggestions for one patient at `now`. */
export function planAdjustments(input: PlanInput): Suggestion[] {
  return [
    ...bloodPressureSuggestions(input),
    ...hypoglycaemiaSuggestions(input),
    ...scoreResponse(input, 'phq9', 5, 'review-depression-treatment', phq9Response),
    ...scoreResponse(input, 'gad7', 4, 'review-anxiety-treatment', gad7Response),
  ];
}

/** The lowest adherence measure (PDC or dose acknowledgements) of some medications, if any was measured. */
function lowestAdherence(input: PlanInput, keys: readonly string[]): number | undefined {
  const rates = [
    ...input.pdc.filter((p) => keys.includes(p.medication) && p.eligible).map((p) => p.pdc),
    ...(input.doses ?? []).filter((d) => keys.includes(d.medication)).map((d) => d.rate),
  ];
  return rates.length ? Math.min(...rates) : undefined;
}

/**
 * BP at or above the goal (adults the ACC/AHA 2017 <130/80, rec. 8.1.5; children AAP 2017's, see
 * `bloodPressureGoal`) in both halves of the last 4 weeks, on an antihypertensive regimen unchanged
 * for those 4 weeks: adherence >= 80 % (PQA) -> intensify (§8.3); adherence < 80 % -> address
 * adherence first (§12.1); unmeasured -> assess adherence.
 */
function bloodPressureSuggestions(input: PlanInput): Suggestion[] {
  const goal = input.bpGoal ?? adultBloodPressureGoal;
  if (goal === 'not-judged') return [];
  const regimen = input.medications.filter(
    (m) => m.active && antihypertensiveClasses.has(m.drugClass),
  );
  if (regimen.length === 0) return [];
  const changed = Math.max(
    ...regimen.map((m) => (m.startedAt ? Date.parse(m.startedAt) : Infinity)),
  );
  const from = input.now - bpSustainedDays * msPerDay;
  if (!(changed <= from)) return [];
  const mid = input.now - (bpSustainedDays / 2) * msPerDay;
  const bps = bloodPressures(input.readings).filter(
    (b) => b.t > from && b.t <= input.now && b.systolic !== undefined,
  );
  const halves = [bps.filter((b) => b.t <= mid), bps.filter((b) => b.t > mid)];
  const aboveTarget = halves.every((half) => {
    if (half.length === 0) return false;
    const mean = (k: 'systolic' | 'diastolic') =>
      half.reduce((a, b) => a + (b[k] ?? 0), 0) / half.length;
    const hasDiastolic = half.every((b) => b.diastolic !== undefined);
    return aboveBloodPressureTarget(
      mean('systolic'),
      hasDiastolic ? mean('diastolic') : undefined,
      goal,
    );
  });
  if (!aboveTarget) return [];
  const keys = regimen.map((m) => m.key);
  const adherence = lowestAdherence(input, keys);
  const evidence = {
    observationIds: bps.flatMap((b) => b.observationIds),
    medications: keys,
    status: 'proposed' as const,
  };
  const reason = `blood pressure at or above ${goal.describe} throughout the last ${bpSustainedDays} days on an unchanged regimen (${regimen.map((m) => m.drugClass).join(', ')})`;
  if (adherence === undefined)
    return [
      {
        kind: 'assess-adherence',
        action: 'measure adherence (pharmacy fills or reminders) before intensifying',
        reason: `${reason}; adherence not measured`,
        source: goal.source,
        ...evidence,
      },
    ];
  const pct = `${Math.round(adherence * 100)} %`;
  if (adherence < pqaThreshold)
    return [
      {
        kind: 'address-adherence',
        action:
          'address adherence before changing therapy (barriers, once-daily or combination pills, reminders)',
        reason: `${reason}; adherence ${pct} is below 80 %`,
        source: { ...goal.source, guideline: `${goal.source.guideline}; ${pqa.guideline}` },
        ...evidence,
      },
    ];
  return [
    {
      kind: 'intensify-antihypertensive',
      action:
        'consider intensifying: raise the dose or add an agent of another first-line class, then review in 4 weeks',
      reason: `${reason}; adherence ${pct}`,
      source: goal.source,
      ...evidence,
    },
  ];
}

/** ADA 2024 Section 6: hypoglycaemia on a sulfonylurea or insulin -> re-evaluate and reduce/switch. */
function hypoglycaemiaSuggestions(input: PlanInput): Suggestion[] {
  const culprits = input.medications.filter(
    (m) => m.active && (m.drugClass === 'sulfonylurea' || m.drugClass === 'insulin'),
  );
  const from = input.now - hypoglycaemiaLookbackDays * msPerDay;
  const events = input.readings.filter(
    (r) => r.concept === 'glucose' && r.value < 70 && r.t > from && r.t <= input.now,
  );
  if (culprits.length === 0 || events.length === 0) return [];
  const lowest = Math.min(...events.map((r) => r.value));
  return [
    {
      kind: 'review-hypoglycaemia-risk',
      action:
        'review the regimen: reduce the sulfonylurea/insulin dose or switch to an agent with low hypoglycaemia risk',
      reason: `${events.length} glucose value(s) below 70 mg/dL in ${hypoglycaemiaLookbackDays} days (lowest ${Math.round(lowest)} mg/dL) on ${culprits.map((m) => m.drugClass).join(', ')}`,
      source: ada2024,
      observationIds: events.map((r) => r.observationId),
      medications: culprits.map((m) => m.key),
      status: 'proposed',
    },
  ];
}

/**
 * A questionnaire total not improved by at least `minimalChange` points after `responseWeeks` of
 * antidepressant treatment: baseline = the latest score on or before the start (else the first within
 * two weeks after it), follow-up = the latest score at least 8 weeks after the start.
 */
function scoreResponse(
  input: PlanInput,
  concept: 'phq9' | 'gad7',
  minimalChange: number,
  kind: SuggestionKind,
  source: GuidelineSource,
): Suggestion[] {
  const treatment = input.medications.filter(
    (m) => m.active && m.drugClass === 'antidepressant' && m.startedAt,
  );
  if (treatment.length === 0) return [];
  const start = Math.min(...treatment.map((m) => Date.parse(m.startedAt!)));
  const scores = input.readings.filter((r) => r.concept === concept && r.t <= input.now);
  const before = scores.filter((r) => r.t <= start).at(-1);
  const baseline = before ?? scores.find((r) => r.t > start && r.t <= start + 14 * msPerDay);
  const followUp = scores.filter((r) => r.t >= start + responseWeeks * 7 * msPerDay).at(-1);
  if (!baseline || !followUp) return [];
  const improvement = baseline.value - followUp.value;
  if (improvement >= minimalChange || followUp.value < remissionBelow) return [];
  const label = concept === 'phq9' ? 'PHQ-9' : 'GAD-7';
  return [
    {
      kind,
      action:
        'review therapy: check adherence and dose, consider switching, augmenting or adding psychotherapy',
      reason: `${label} ${baseline.value} -> ${followUp.value} after ${responseWeeks}+ weeks of treatment: improved by ${improvement} points, less than ${minimalChange}`,
      source,
      observationIds: [baseline.observationId, followUp.observationId],
      medications: treatment.map((m) => m.key),
      status: 'proposed',
    },
  ];
}
