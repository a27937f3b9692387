// Domain (synth/notes/render): writes concept mentions (conditions, symptoms, procedures, anatomy,
// differential diagnoses) as coded entity spans, choosing the surface term and the abbreviation.
import { systems, type ConditionKey } from '../../catalog';
import type { Assertion } from '../../model';
import type { Rng } from '../../rng';
import type { NoteBuilder } from '../builder';
import type { Composer, ListStyle } from '../composer';
import {
  anatomy,
  differentials,
  procedures,
  type AnatomyKey,
  type DifferentialKey,
  type ProcedureKey,
  type Term,
} from '../lexicon/clinical';
import { acuteQualifiers, conditionTerms } from '../lexicon/conditions';
import { symptoms, type SymptomKey } from '../lexicon/symptoms';

/** The surface for a term: preferred term half the time, then abbreviated at the abbreviation rate. */
export function surfaceOf(b: NoteBuilder, term: Term, rng: Rng): string {
  const full = rng.chance(0.5) ? term.terms[0]! : rng.pick(term.terms);
  return b.abbreviate(full, term.short.includes(full) ? [] : term.short);
}

function writeTerm(
  c: Composer,
  term: Term,
  type: 'Disease' | 'Symptom' | 'Procedure' | 'Anatomy',
  assertion: Assertion,
): number {
  return c.b.entity(surfaceOf(c.b, term, c.rng), type, assertion, {
    code: term.code,
    system: systems.snomed,
  });
}

export function writeCondition(c: Composer, key: ConditionKey, assertion: Assertion): number {
  return writeTerm(c, conditionTerms[key], 'Disease', assertion);
}

/**
 * Whether an acute qualifier fits what the note shows (until 1.4.0 "AFib with rapid ventricular
 * response" at a heart rate of 72, "new-onset" AF diagnosed years before): a rapid ventricular
 * response needs a measured rate over 100/min, "new-onset" a condition first diagnosed at this
 * encounter, an otitis media's side is the encounter's.
 */
function qualifierFits(c: Composer, key: ConditionKey, words: string): boolean {
  // Otitis media's side is the encounter's (until 1.5.0 drawn per mention: "right otitis media" in
  // the summary and "bilateral otitis media" in the problem list of one note).
  if (key === 'otitis-media') return words.trim() === c.findings.otitisSide;
  if (words.includes('rapid ventricular response')) {
    const rate = c.truth.measurements.find((m) => m.key === 'heartRate');
    return rate !== undefined && rate.value > 100;
  }
  if (words.includes('new-onset')) {
    const condition = c.truth.conditions.find((x) => x.condition.key === key)?.condition;
    return condition !== undefined && condition.onset >= c.truth.encounter.start.slice(0, 10);
  }
  return true;
}

/** The encounter's reason, sometimes with an acute qualifier ("acute on chronic CHF exacerbation"). */
export function writeReasonCondition(c: Composer, key: ConditionKey, assertion: Assertion): number {
  const all = acuteQualifiers[key];
  const qualifiers = all?.filter(([before, after]) => qualifierFits(c, key, before + after));
  if (!qualifiers || qualifiers.length === 0 || !c.truth.acute || c.rng.chance(0.35))
    return writeCondition(c, key, assertion);
  const [before, after] = c.rng.pick(qualifiers);
  const surface = surfaceOf(c.b, conditionTerms[key], c.rng);
  const lastWord = before.trim().split(' ').pop() ?? '';
  if (lastWord && !surface.toLowerCase().includes(lastWord)) c.b.text(before);
  const index = c.b.entity(surface, 'Disease', assertion, {
    code: conditionTerms[key].code,
    system: systems.snomed,
  });
  c.b.text(after);
  return index;
}

export function writeSymptom(c: Composer, key: SymptomKey, assertion: Assertion): number {
  return writeTerm(c, symptoms[key], 'Symptom', assertion);
}

export function writeProcedure(c: Composer, key: ProcedureKey, assertion: Assertion): number {
  return writeTerm(c, procedures[key], 'Procedure', assertion);
}

export function writeAnatomy(c: Composer, key: AnatomyKey): number {
  return writeTerm(c, anatomy[key], 'Anatomy', 'present');
}

export function writeDifferential(
  c: Composer,
  key: DifferentialKey | ConditionKey,
  assertion: Assertion,
): number {
  const term =
    key in differentials
      ? differentials[key as DifferentialKey]
      : conditionTerms[key as ConditionKey];
  return writeTerm(c, term, 'Disease', assertion);
}

/**
 * Separators [between items, before the last item] for inline lists, by kind of list. Lists inside a
 * sentence ("and", "or") take no semicolons (until 1.5.0 "Denies fever; chills.", "here with
 * headaches; dizziness", "if fever; chills develop", read as two clauses); only lists that stand
 * alone ("items": "PMH: HTN; DM; HLD") do.
 */
const inlineJoins: Record<'and' | 'or' | 'items', readonly (readonly [string, string])[]> = {
  and: [
    [', ', ', and '],
    [', ', ' and '],
    [', ', ', '],
    ['/', '/'],
  ],
  or: [
    [', ', ', or '],
    [', ', ' or '],
    [', ', ', and '],
    [', ', ', '],
    ['/', '/'],
  ],
  items: [
    [', ', ', '],
    ['; ', '; '],
    [', ', ', and '],
  ],
};

/**
 * Writes `items` as an inline list ("fever, chills, and cough", "fever/chills"), each through `write`.
 * `kind` "or" allows "fever, chills, or cough" (denials); "items" keeps to commas and semicolons.
 */
export function writeInlineList<T>(
  c: Composer,
  items: readonly T[],
  write: (item: T) => void,
  kind: boolean | keyof typeof inlineJoins = 'and',
): string {
  const options = inlineJoins[kind === true ? 'or' : kind === false ? 'and' : kind];
  const [join, lastJoin] = c.rng.pick(options);
  let last = lastJoin;
  // Two items never take a serial comma ("fever and chills", not "fever, and chills").
  if (items.length === 2 && last.startsWith(', ') && last.length > 2) last = last.slice(1);
  items.forEach((item, i) => {
    if (i > 0) c.b.text(i === items.length - 1 ? last : join);
    write(item);
  });
  return items.length > 1 ? last : '';
}

/**
 * Whether a mention's surface is grammatically plural ("chills", "myalgias", "febrile episodes"),
 * for the verb that follows it: the head noun (before any "of") ends in -s but not -ss, -is or -us
 * ("dizziness", "emesis", "pruritus", "loss of appetite" are singular), and gerund phrases ("feeling
 * tired", "no longer enjoying hobbies") are singular.
 */
export function isPluralSurface(surface: string): boolean {
  const head = surface.split(' of ')[0]!.trim();
  if (/^(no longer|feeling|trouble|difficulty)\b/i.test(head)) return false;
  return /[^siu]s$/i.test(head);
}

/**
 * Whether the inline list just written (its last joiner `join`, from `writeInlineList`) takes a
 * plural verb: a list joined by "and" or by commas alone does; one joined by "or" or "/" agrees with
 * its last item, as does a single item ("if fever or chills develop", "if chills or fever develops").
 */
export function listIsPlural(c: Composer, join: string): boolean {
  if (join !== '' && !/ or |\//.test(join)) return true;
  // The surface as chosen, not as typed: a typo must not change the words around it.
  return isPluralSurface(c.b.lastEntitySurface);
}

/**
 * Writes `items` as a block list in `style`: bullets, numbers, one per line, or inline (comma/prose).
 * Each item is written by `write`; block lists end with a newline.
 */
export function writeBlockList<T>(
  c: Composer,
  items: readonly T[],
  style: ListStyle,
  write: (item: T) => void,
): void {
  if (style === 'comma' || style === 'prose') {
    writeInlineList(c, items, write, 'items');
    c.b.text(style === 'prose' ? '.\n' : '\n');
    return;
  }
  // One mark per list, "1." 80% or "1)" (until 1.5.0 drawn per item: "1." then "2)").
  const mark = style === 'numbered' && c.rng.chance(0.8) ? '.' : ')';
  items.forEach((item, i) => {
    if (style === 'bullets') c.b.verbatim(`${c.style.bullet} `);
    else if (style === 'numbered') c.b.verbatim(`${i + 1}${mark} `);
    write(item);
    c.b.verbatim('\n');
  });
}
