// Domain (synth/notes): decides, before any text is written, which symptoms a note asserts and which it
// may deny, so that no symptom is both present and negated and denials never contradict the presentation.
import type { Rng } from '../rng';
import type { SymptomPlan } from './composer';
import type { NoteTruth } from './context';
import { adverseEffectsOf, genericName } from './lexicon/drugs';
import {
  pertinentNegatives,
  reasonSymptoms,
  reviewOfSystems,
  childReviewOfSystems,
  withRelated,
  type SymptomKey,
} from './lexicon/symptoms';

/**
 * Rates: an ambulatory follow-up of a chronic condition is symptomatic 55% of the time (acute visits
 * always are); each secondary symptom of the presentation is present with probability 0.5; 8% of notes
 * whose patient takes a drug with a known adverse effect attribute that effect to it.
 */
const followUpSymptomaticShare = 0.55;
const secondarySymptomShare = 0.5;
export const adverseEffectNoteShare = 0.08;

/**
 * The symptoms the note's presentation brings (the first is the usual chief complaint): its reason's
 * or suspected reason's, else, with no catalog reason, an ED visit's or a stay's complaint
 * (lexicon/presentations.ts), else none.
 */
export function presentationSymptoms(truth: NoteTruth): readonly SymptomKey[] {
  const key = truth.reason ?? truth.suspected;
  return key ? (reasonSymptoms[key] ?? []) : (truth.presentation?.symptoms ?? []);
}

/** The complaint of an encounter without a catalog reason: the plan's first present symptom. */
export function complaintOf(truth: NoteTruth, plan: SymptomPlan): SymptomKey | undefined {
  return truth.presentation ? plan.present[0] : undefined;
}

export function planSymptoms(truth: NoteTruth, rng: Rng): SymptomPlan {
  const key = truth.reason ?? truth.suspected;
  const profile = presentationSymptoms(truth);
  const present: SymptomKey[] = [];
  if (profile.length > 0 && (truth.acute || rng.chance(followUpSymptomaticShare))) {
    present.push(profile[0]!);
    for (const s of profile.slice(1)) if (rng.chance(secondarySymptomShare)) present.push(s);
  }
  const adverseEffect = pickAdverseEffect(truth, present, rng);
  if (adverseEffect && !present.includes(adverseEffect.symptom))
    present.push(adverseEffect.symptom);

  const excluded = new Set<SymptomKey>();
  for (const s of present) for (const r of withRelated(s)) excluded.add(r);
  // A measured fever (>= 38.0 C) is never denied in the same note.
  if (truth.measurements.some((m) => m.key === 'bodyTemperature' && m.value >= 38)) {
    for (const r of withRelated('fever')) excluded.add(r);
  }
  // An acute presentation is never documented without its cardinal symptoms being possible.
  if (truth.acute) for (const s of profile) for (const r of withRelated(s)) excluded.add(r);
  const pertinent = key ? (pertinentNegatives[key] ?? []) : [];
  const negatives: SymptomKey[] = [];
  const review = truth.ageYears < 12 ? childReviewOfSystems : reviewOfSystems;
  for (const s of [...pertinent, ...review]) {
    if (!excluded.has(s) && !negatives.includes(s)) negatives.push(s);
  }
  return { present, negatives, adverseEffect, onset: rng.pick(onsets) };
}

/**
 * How long symptoms have lasted. One per note: until generator 1.3.0 each mention drew its own, so a
 * note could say "until 2 weeks ago" and "for the past several days" of the same fever.
 */
const onsets: readonly { days: number; text: string }[] = [
  { days: 2, text: '2 days' },
  { days: 3, text: '3 days' },
  { days: 4, text: 'several days' },
  { days: 7, text: '1 week' },
  { days: 14, text: '2 weeks' },
  { days: 2, text: '48 hours' },
  { days: 4, text: '4 days' },
  { days: 28, text: '4 weeks' },
  { days: 5, text: '5 days' },
  { days: 10, text: '10 days' },
];

function pickAdverseEffect(
  truth: NoteTruth,
  present: SymptomKey[],
  rng: Rng,
): SymptomPlan['adverseEffect'] {
  const draw = rng.next();
  const candidates = truth.medications.filter((m) => adverseEffectsOf(genericName(m)).length > 0);
  if (candidates.length === 0 || draw >= adverseEffectNoteShare) return undefined;
  const medication = rng.pick(candidates);
  const options = adverseEffectsOf(genericName(medication)).filter(
    (s) => !present.some((p) => withRelated(p).includes(s) && p !== s),
  );
  if (options.length === 0) return undefined;
  return { medication, symptom: rng.pick(options) };
}
