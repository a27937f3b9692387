// Domain (synth/notes/sections): denials of symptoms the patient does not have ("denies chest pain", "no
// shortness of breath", "negative for fever, chills", "without edema"), and adverse-effect attributions.
import type { Composer } from '../composer';
import type { SymptomKey } from '../lexicon/symptoms';
import { writeMedicationName } from '../render/medications';
import { writeInlineList, writeSymptom } from '../render/mentions';
import { bank, say, type Slots } from '../template';

/** Sentence-level denials of a list of symptoms (>= 8 phrasings, per the variety requirement). */
const denialSources = [
  '{He} denies {negs}. ',
  'Denies {negs}. ',
  'No {negs}. ',
  'Negative for {negs}. ',
  '{He} reports no {negs}. ',
  'No complaints of {negs}. ',
  '<Patient|Pt> denies any {negs}. ',
  'Has not had any {negs}. ',
  '{He} specifically denies {negs}. ',
  'No recent {negs}. ',
  '{He} has had no {negs}. ',
  '^{negs}: denied. ',
  'Without {negs}. ',
  '{He} is without {negs}. ',
  'There has been no {negs}. ',
  'Free of {negs}{ at present| currently|}. ',
];
const denials = bank(...denialSources);

/** Clause-level denials appended to a positive statement ("..., but denies fever"). */
const clauseDenialSources = [
  ', but denies {negs}',
  ' without {negs}',
  '; no {negs}',
  ', no associated {negs}',
  ' and denies {negs}',
  ' (no {negs})',
];
const clauseDenials = bank(...clauseDenialSources);

/**
 * A child under 4 neither reports nor denies: a parent does (until 1.4.0 "She reports no fever" of
 * a 10-month-old). The same phrasings without self-report, and some in the parent's voice.
 */
const selfReport = /denie|reports|complaints/i;
const youngDenials = bank(
  ...denialSources.filter((s) => !selfReport.test(s)),
  'Per {parent}, no {negs}. ',
  '{Parent} reports no {negs}. ',
  '{Parent} has not noticed any {negs}. ',
);
const youngClauseDenials = bank(
  ...clauseDenialSources.filter((s) => !selfReport.test(s)),
  ', no {negs} per {parent}',
);

/** Below this age (years) a parent reports the child's symptoms (generator choice). */
export const parentReportsUnder = 4;

/** The parent who speaks for a young child ("her mother"): the note's relative when a parent. */
export function parentOf(c: Composer): string {
  const role = c.truth.facts.relativeRole;
  const parent = role === 'mother' || role === 'father' || role === 'grandmother' ? role : 'parent';
  return `${c.pronouns.possessive} ${parent}`;
}

/** Takes up to `count` symptoms off the plan's negatives, so the note does not repeat a denial. */
export function takeNegatives(c: Composer, count: number): SymptomKey[] {
  return c.plan.negatives.splice(0, Math.max(0, count));
}

function negationSlots(c: Composer, items: readonly SymptomKey[]): Slots {
  const parent = parentOf(c);
  return {
    negs: () => writeInlineList(c, items, (s) => void writeSymptom(c, s, 'negated'), true),
    He: (b) => b.text(c.pronouns.subject === 'she' ? 'She' : 'He'),
    parent: (b) => b.text(parent),
    Parent: (b) => b.text(parent[0]!.toUpperCase() + parent.slice(1)),
  };
}

/** A sentence denying 1-`max` symptoms; nothing when the plan has none left. */
export function writeDenial(c: Composer, max: number): void {
  const items = takeNegatives(c, c.rng.int(1, max));
  const young = c.truth.ageYears < parentReportsUnder;
  if (items.length > 0) say(c.b, young ? youngDenials : denials, c.rng, negationSlots(c, items));
}

/** A trailing clause denying 1-2 symptoms ("..., but denies fever"); no-op when none left. */
export function writeDenialClause(c: Composer): void {
  const items = takeNegatives(c, c.rng.int(1, 2));
  const young = c.truth.ageYears < parentReportsUnder;
  if (items.length > 0)
    say(c.b, young ? youngClauseDenials : clauseDenials, c.rng, negationSlots(c, items));
}

/** ROS-style denials: "-fever, -chills", "Fever: no", "(-) nausea". */
export function writeTerseDenials(c: Composer, count: number): void {
  const items = takeNegatives(c, count);
  const style = c.rng.int(0, 3);
  items.forEach((s, i) => {
    if (style === 0) {
      c.b.verbatim(i === 0 ? '-' : ', -');
      writeSymptom(c, s, 'negated');
    } else if (style === 1) {
      c.b.capitalise();
      writeSymptom(c, s, 'negated');
      c.b.text(c.rng.pick([': no', ': denies', ': negative', ' - no'])).verbatim('\n');
    } else if (style === 2) {
      c.b.verbatim(i === 0 ? '(-) ' : ', ');
      writeSymptom(c, s, 'negated');
    } else {
      c.b.text(i === 0 ? 'neg ' : ', neg ');
      writeSymptom(c, s, 'negated');
    }
  });
  if (items.length > 0 && style !== 1) c.b.verbatim('\n');
}

/** Sentences attributing a symptom to one of the patient's drugs (a `causes` relation). */
const adverseEffectSources = [
  '{He} reports {sx} since starting {drug}. ',
  '^{sx} attributed to {drug}. ',
  '^{sx}, likely secondary to {drug}. ',
  'Has developed {sx} on {drug}{, which {he} finds bothersome|}. ',
  '^{drug}-induced {sx} {suspected|likely}. ',
  'Notes {sx} after {drug} was started. ',
  '^{sx} is a known side effect of {drug}; discussed with {him}. ',
  '^{sx} possibly related to {drug}. ',
];
const adverseEffects = bank(...adverseEffectSources);
/** For a child under 4: no self-report, and the side effect is discussed with the parent. */
const youngAdverseEffects = bank(
  ...adverseEffectSources.filter((s) => !/reports|Notes|bothersome|\{him\}/.test(s)),
  '^{parent} has noticed {sx} since {drug} was started. ',
);

/** Writes the plan's adverse-effect sentence, if any. */
export function writeAdverseEffect(c: Composer): void {
  const effect = c.plan.adverseEffect;
  if (!effect) return;
  let drug = -1;
  let symptom = -1;
  const young = c.truth.ageYears < parentReportsUnder;
  say(c.b, young ? youngAdverseEffects : adverseEffects, c.rng, {
    parent: (b) => b.text(parentOf(c)),
    He: (b) => b.text(c.pronouns.subject === 'she' ? 'She' : 'He'),
    he: (b) => b.text(c.pronouns.subject),
    him: (b) => b.text(c.pronouns.object),
    sx: () => (symptom = writeSymptom(c, effect.symptom, 'present')),
    drug: () => (drug = writeMedicationName(c, effect.medication)),
  });
  c.b.relate('causes', drug, symptom);
}
