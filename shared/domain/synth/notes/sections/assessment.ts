// Domain (synth/notes/sections): assessment and plan: the problem list with per-problem plans, uncertain
// and ruled-out diagnoses ("possible pneumonia", "r/o ACS", "PE ruled out"), and planned tests.
import type { ConditionKey, MeasurementKey } from '../../catalog';
import { sample, type Composer } from '../composer';
import { everHad, type ConditionAtDate } from '../context';
import { conditionTerms } from '../lexicon/conditions';
import { differentialsFor, type DifferentialKey } from '../lexicon/clinical';
import { writeMedicationName } from '../render/medications';
import { writePlannedTest } from '../render/measurements';
import {
  writeCondition,
  writeDifferential,
  writeInlineList,
  writeReasonCondition,
  writeSymptom,
} from '../render/mentions';
import type { SymptomKey } from '../lexicon/symptoms';
import { bank, say, type Slots } from '../template';
import { complaintOf } from '../symptom-plan';
import { writeHeader } from './headers';

/** Problem headings (>= 6 layouts). */
const problemLayouts = bank(
  '# ^{dx}: {plan}',
  '{n}. ^{dx} - {status}. ^{plan}',
  '^{dx}: {status}; {plan}',
  '{n}) ^{dx}. ^{plan}',
  'For {dx}, {plan}',
  '^{dx} ({status}) - {plan}',
  '- ^{dx}: {plan}',
);

/** Plan phrasings for a problem (>= 8); `med` only when a drug treats it. */
const problemPlans = bank(
  'continue {med}{ at current dose|}',
  'continue current dose of {med}',
  'stable on {med}{, no changes|; no side effects reported|}',
  'tolerating {med} well; continue',
  '{med} refilled{ x{3|6|12} months|}',
  'continue {med}; recheck {lab} in {3|6} months',
  'recheck {lab} {in 3 months|at next visit|prior to follow-up|in {4|6|8} weeks}',
  '{lifestyle modifications|diet and exercise|weight loss strategies|adherence} discussed',
  '{monitor|observe}; no changes {today|at this time}',
  'will follow, repeat {lab} in {4-6 weeks|3 months}',
  'counseled on {diet and exercise|medication adherence|home monitoring}',
  'continue to {monitor|follow}{ clinically|}',
  'no changes; {reassess|revisit} at next visit',
);

/** Labs a plan rechecks for each condition. */
const recheck: Partial<Record<ConditionKey, MeasurementKey>> = {
  'type2-diabetes': 'hba1c',
  'type1-diabetes': 'hba1c',
  prediabetes: 'hba1c',
  hyperlipidaemia: 'ldl',
  ckd: 'creatinine',
  'coronary-disease': 'ldl',
  depression: 'phq9',
  anxiety: 'gad7',
  hypertension: 'potassium',
  'heart-failure': 'potassium',
  obesity: 'hba1c',
};

function statusOf(c: Composer, key: ConditionKey): string {
  if (key === c.truth.reason && c.truth.acute) return c.rng.pick(['acute', 'active', 'improving']);
  const a1c = c.truth.measurements.find((m) => m.key === 'hba1c');
  if (a1c && (key === 'type2-diabetes' || key === 'type1-diabetes'))
    return a1c.value >= 8 ? 'uncontrolled' : 'controlled';
  return c.rng.pick(['stable', 'chronic, stable', 'controlled', 'at baseline']);
}

function problemSlots(c: Composer, item: ConditionAtDate, n: number): Slots {
  const key = item.condition.key;
  const medication = c.truth.medications.find((m) => m.indication === key);
  const lab = recheck[key];
  let dx = -1;
  const slots: Slots = {
    dx: () =>
      (dx =
        key === c.truth.reason
          ? writeReasonCondition(c, key, item.assertion)
          : writeCondition(c, key, item.assertion)),
    n: (b) => b.verbatim(String(n)),
    status: (b) => b.text(statusOf(c, key)),
    med: medication
      ? () => c.b.relate('treats', writeMedicationName(c, medication), dx)
      : undefined,
    lab: lab ? () => writePlannedTest(c, lab) : undefined,
    // The plan sentence fills its own slots from this object (no problem plan uses {plan}).
    plan: () => say(c.b, problemPlans, c.rng, slots),
  };
  return slots;
}

/**
 * The complaint of an ED visit or a stay without a catalog reason, as the first problem: what the
 * workup showed and what happens next, by where the patient is (>= 4 phrasings each).
 */
const complaintPlans = {
  emergency: bank(
    '{workup unremarkable|no acute findings|labs reassuring}; discharge home with return precautions',
    'treated symptomatically in the ED{ with improvement|}; {discharge home|safe for discharge}',
    '{no acute findings|workup unremarkable}; safe for discharge{ with outpatient follow-up|}',
    'improved after treatment; discharge home{ with outpatient follow-up|}',
  ),
  admission: bank(
    'admit for observation{; serial exams|}',
    'admit to medicine{; monitor on telemetry|}',
    'initial workup unremarkable; observe overnight',
    'supportive care; {reassess|trend labs} in the morning',
  ),
  stay: bank(
    'improving; continue supportive care',
    'resolved; plan discharge{ tomorrow|}',
    'workup unremarkable so far; continue to monitor',
    'better today; {continue current management|anticipate discharge}',
  ),
};

function complaintSlots(c: Composer, complaint: SymptomKey, n: number): Slots {
  const stage =
    c.truth.encounter.kind === 'emergency'
      ? 'emergency'
      : c.truth.kind === 'progress'
        ? 'stay'
        : 'admission';
  return {
    dx: () => writeSymptom(c, complaint, 'present'),
    n: (b) => b.verbatim(String(n)),
    status: (b) =>
      b.text(c.rng.pick(stage === 'stay' ? ['improving', 'resolving'] : ['acute', 'new'])),
    plan: () => say(c.b, complaintPlans[stage], c.rng),
  };
}

/** Uncertain diagnoses (assertion "possible"; >= 6 phrasings) and ruled-out ones ("negated"). */
const possible = bank(
  'possible {ddx}',
  'concern for {ddx}',
  'cannot rule out {ddx}',
  '<rule out|r/o> {ddx}',
  'questionable {ddx}',
  'suspicious for {ddx}',
  'differential includes {ddx}',
  'low suspicion for {ddx}, will monitor',
);
const ruledOut = bank(
  '{ddx} ruled out',
  'no evidence of {ddx}',
  '{ddx} was ruled out',
  'negative workup for {ddx}',
  'doubt {ddx}',
  'not consistent with {ddx}',
);

/** Differential diagnoses the note may raise: never a condition the patient has had. */
function differentialsOf(c: Composer): (DifferentialKey | ConditionKey)[] {
  const key = c.truth.reason ?? c.truth.suspected;
  const had = everHad(c.truth);
  const weighed = key ? (differentialsFor[key] ?? []) : (c.truth.presentation?.differentials ?? []);
  return weighed.filter((d) => !(d in conditionTerms) || !had.has(d as ConditionKey));
}

function writeDifferentialLine(c: Composer): void {
  const options = differentialsOf(c);
  if (c.truth.suspected) {
    c.b.capitalise();
    say(c.b, possible, c.rng, { ddx: () => writeCondition(c, c.truth.suspected!, 'possible') });
    c.b.text('.').verbatim('\n');
  }
  if (options.length === 0 || c.rng.chance(0.15)) return;
  // One differential, sometimes two: one still possible and one ruled out.
  const chosen = sample(c.rng, options, options.length > 1 && c.rng.chance(0.4) ? 2 : 1);
  let negated = c.rng.chance(0.5);
  for (const ddx of chosen) {
    const assertion = negated ? 'negated' : 'possible';
    c.b.capitalise();
    say(c.b, negated ? ruledOut : possible, c.rng, {
      ddx: () => writeDifferential(c, ddx, assertion),
    });
    c.b.text('.').verbatim(c.rng.chance(0.5) ? ' ' : '\n');
    negated = !negated;
  }
  c.b.verbatim('\n');
}

const summaries = bank(
  '{age} {sex} with {pmh} {admitted with|presenting with|here for} {reason}.',
  'In summary, {he} is {aAge} {sex} with {reason}{ and {pmh}|}.',
  '^{reason}, {improving|stable|being treated|clinically improving}.',
  '{Overall|In general|Today} {doing well|stable|unchanged from prior|improved}{ on current regimen|}.',
  '{Assessment|Impression}: {age} {sex} with {pmh}.',
);

/** The A/P section: a summary, the problems (reason first), differentials, planned studies. */
export function writeAssessmentPlan(c: Composer, summarySlots: Slots): void {
  writeHeader(c, 'assessmentPlan');
  if (c.truth.conditions.length > 0 && c.rng.chance(0.6)) {
    say(c.b, summaries, c.rng, summarySlots);
    c.b.verbatim('\n');
  }
  const present = c.truth.conditions.filter((x) => x.assertion === 'present');
  const ordered = [
    ...present.filter((x) => x.condition.key === c.truth.reason),
    ...present.filter((x) => x.condition.key !== c.truth.reason),
  ];
  const shown = ordered.slice(0, 2 + c.style.verbosity * 2);
  const layout = c.rng.pick(problemLayouts);
  // The complaint that brought the patient in comes first (its symptom is in the plan's present list).
  const complaint = complaintOf(c.truth, c.plan);
  if (complaint) {
    say(c.b, [layout], c.rng, complaintSlots(c, complaint, 1));
    c.b.verbatim('\n');
  }
  const first = complaint ? 2 : 1;
  shown.forEach((item, i) => {
    const slots = problemSlots(c, item, i + first);
    say(c.b, c.rng.chance(0.7) ? [layout] : problemLayouts, c.rng, slots);
    c.b.verbatim('\n');
  });
  writeDifferentialLine(c);
  if (shown.length === 0 && !c.truth.suspected && !complaint) {
    c.b.text(c.rng.pick(['Healthy ', 'Well ', 'Routine ']));
    c.b
      .text(
        c.rng.pick([
          // Until 1.4.0 a child could have a "Healthy adult exam."
          c.truth.ageYears >= 18 ? 'adult exam.' : 'child check; growth and development reviewed.',
          'visit; age-appropriate screening reviewed.',
          'check; no active issues.',
        ]),
      )
      .verbatim('\n');
  }
}

/** Lists conditions inline (used by discharge diagnoses and summaries). */
export function writeConditionRun(c: Composer, items: readonly ConditionAtDate[]): void {
  writeInlineList(c, items, (x) => void writeCondition(c, x.condition.key, x.assertion));
}
