// Evaluation: relation extraction (treats, causes, interacts, associated_with) of the pipeline's
// extractor (shared/domain/nlp/extract.ts, relations/relations.ts, exactly as `caregraph extract`
// and kg-update run it: the curated vocabulary, the note's year) against the relation triples the
// synthetic generator annotates (truth/notes: `RelationTriple` head/tail index the note's entity
// spans). The cohort is rendered in memory (synthetic-notes.ts, the machinery of the `ner` suite's
// assertion accuracy), `--size N` patients (default 300, as the assertion accuracy), seed 20260101; needs no ../shared data.
//
// A predicted relation matches a truth relation of the same type when
// - strict: its head and tail entities have exactly the truth entities' spans (start and end);
// - lenient: its head overlaps the truth head and its tail the truth tail (one-to-one: a maximum
//   matching, so one truth relation is never credited twice).
// `interacts` is symmetric: its two ends are compared in text order. Relations are compared as sets
// per note: a prediction repeated over the same spans (or a repeated truth triple) counts once.
// Reported per type and micro-averaged over all types: tp/fp/fn, precision, recall, F1. Errors are
// sorted by cause (below) and a few are shown with the two entities' texts only.
//
// The truth is what the generator writes, not every relation a reader would see: it annotates
// treats (a medication and its indication), causes (an allergy's substance and reaction, a stated
// adverse effect) and associated_with (a tumour variant and the nearest cancer; a presenting symptom
// and the encounter's reason), and no `interacts`, so every `interacts` prediction, and a true
// relation the generator did not annotate, counts as a false positive (cause `unannotatedPair` when
// both ends are truth entities).
import { extractClinical, createNlpEngine } from '../../shared/domain/nlp/extract';
import type { RelationType } from '../../shared/domain/nlp/model';
import { generatorVersion } from '../../shared/domain/synth/model';
import { prefixed, prf } from './scores';
import { syntheticNoteSeed, syntheticNotes } from './synthetic-notes';
import type { EvalContext, EvalResult } from './suites';

export const relationTypes: readonly RelationType[] = [
  'treats',
  'causes',
  'interacts',
  'associated_with',
];

export interface EntityLike {
  start: number;
  end: number;
  text: string;
}
export interface RelationLike {
  type: RelationType;
  /** Indices into the note's entities. */
  head: number;
  tail: number;
}
/** One note's entities and the relations between them (truth or prediction). */
export interface NoteRelations {
  entities: readonly EntityLike[];
  relations: readonly RelationLike[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Why a strict error is one:
 * - fp `wrongType`: the truth relates the same two spans by another type (in either order);
 * - fp `wrongDirection`: the truth relates the two spans by the same type the other way round
 *   (`causes` rash -> penicillin for penicillin -> rash; never `interacts`, read in text order);
 * - fp `unannotatedPair`: both spans are truth entities, the truth relates them by nothing;
 * - fp `entityNotInTruth`: the head or tail span is not a truth entity's span;
 * - fn `wrongType`: the extractor relates the same two spans by another type (in either order);
 * - fn `wrongDirection`: the extractor relates the two spans by the same type the other way round;
 * - fn `relationMissed`: the extractor found both spans as entities but relates them by nothing;
 * - fn `entityMissed`: the extractor has no entity with the truth head's or tail's span.
 */
export type ErrorCause =
  | 'wrongType'
  | 'wrongDirection'
  | 'unannotatedPair'
  | 'entityNotInTruth'
  | 'relationMissed'
  | 'entityMissed';

export interface RelationError {
  kind: 'fp' | 'fn';
  type: RelationType;
  cause: ErrorCause;
  /** A prediction with no strict match that matches leniently (or the truth it matches so). */
  lenientMatch: boolean;
  head: string;
  tail: string;
}

export interface NoteScore {
  strict: Record<RelationType, Counts>;
  lenient: Record<RelationType, Counts>;
  errors: RelationError[];
}

interface Resolved {
  type: RelationType;
  head: EntityLike;
  tail: EntityLike;
  key: string;
  pair: string;
}

const spanKey = (e: EntityLike) => `${e.start}:${e.end}`;
const overlaps = (a: EntityLike, b: EntityLike) => a.start < b.end && b.start < a.end;

/** The note's relations with their entities, `interacts` in text order, repeats dropped. */
function resolve(note: NoteRelations, side: string): Resolved[] {
  const out = new Map<string, Resolved>();
  note.relations.forEach((r, i) => {
    let head = note.entities[r.head];
    let tail = note.entities[r.tail];
    if (!head || !tail)
      throw new Error(
        `${side} relation ${i} (${r.type}) names entity ${head ? r.tail : r.head}, which the note does not have`,
      );
    if (
      r.type === 'interacts' &&
      (head.start > tail.start || (head.start === tail.start && head.end > tail.end))
    )
      [head, tail] = [tail, head];
    const pair = `${spanKey(head)}|${spanKey(tail)}`;
    const key = `${r.type}|${pair}`;
    if (!out.has(key)) out.set(key, { type: r.type, head, tail, key, pair });
  });
  return [...out.values()];
}

const zero = (): Record<RelationType, Counts> =>
  Object.fromEntries(relationTypes.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    RelationType,
    Counts
  >;

/**
 * A maximum one-to-one matching of predictions to truth relations (Kuhn's augmenting paths; the
 * sets of one note are small): `edges[p]` lists the truth indices prediction p may match. Returns
 * the truth index matched to each prediction, or -1.
 */
function maximumMatching(edges: readonly (readonly number[])[], truthCount: number): number[] {
  const truthTo = new Array<number>(truthCount).fill(-1);
  const augment = (p: number, seen: boolean[]): boolean => {
    for (const t of edges[p]!) {
      if (seen[t]) continue;
      seen[t] = true;
      if (truthTo[t] === -1 || augment(truthTo[t]!, seen)) {
        truthTo[t] = p;
        return true;
      }
    }
    return false;
  };
  edges.forEach((_, p) => augment(p, new Array<boolean>(truthCount).fill(false)));
  const predTo = new Array<number>(edges.length).fill(-1);
  truthTo.forEach((p, t) => {
    if (p >= 0) predTo[p] = t;
  });
  return predTo;
}

/** Strict and lenient counts per relation type for one note, and its strict errors with causes. */
export function scoreNoteRelations(truth: NoteRelations, predicted: NoteRelations): NoteScore {
  const gold = resolve(truth, 'truth');
  const pred = resolve(predicted, 'predicted');
  const strict = zero();
  const lenient = zero();
  const errors: RelationError[] = [];

  const goldKeys = new Set(gold.map((r) => r.key));
  const predKeys = new Set(pred.map((r) => r.key));
  for (const r of gold) strict[r.type][predKeys.has(r.key) ? 'tp' : 'fn']++;
  for (const r of pred) if (!goldKeys.has(r.key)) strict[r.type].fp++;

  // Lenient: exact matches first count as edges too; the maximum matching finds them all.
  const edges = pred.map((p) =>
    gold.flatMap((g, t) =>
      g.type === p.type && overlaps(g.head, p.head) && overlaps(g.tail, p.tail) ? [t] : [],
    ),
  );
  const predTo = maximumMatching(edges, gold.length);
  const goldMatched = new Set(predTo.filter((t) => t >= 0));
  pred.forEach((p, i) => lenient[p.type][predTo[i]! >= 0 ? 'tp' : 'fp']++);
  gold.forEach((g, t) => {
    if (!goldMatched.has(t)) lenient[g.type].fn++;
  });

  const goldSpans = new Set(truth.entities.map(spanKey));
  const predSpans = new Set(predicted.entities.map(spanKey));
  // The same type the other way round is a direction error; another type over the pair, looked up
  // in both orders (`interacts` is stored in text order), a type error.
  const reversed = (r: Resolved) => `${spanKey(r.tail)}|${spanKey(r.head)}`;
  const pairError = (r: Resolved, keys: Set<string>, others: readonly Resolved[]) =>
    keys.has(`${r.type}|${reversed(r)}`)
      ? 'wrongDirection'
      : others.some((o) => o.type !== r.type && (o.pair === r.pair || o.pair === reversed(r)))
        ? 'wrongType'
        : undefined;
  pred.forEach((p, i) => {
    if (goldKeys.has(p.key)) return;
    const cause: ErrorCause =
      pairError(p, goldKeys, gold) ??
      (goldSpans.has(spanKey(p.head)) && goldSpans.has(spanKey(p.tail))
        ? 'unannotatedPair'
        : 'entityNotInTruth');
    errors.push(errorOf('fp', p, cause, predTo[i]! >= 0));
  });
  gold.forEach((g, t) => {
    if (predKeys.has(g.key)) return;
    const cause: ErrorCause =
      pairError(g, predKeys, pred) ??
      (predSpans.has(spanKey(g.head)) && predSpans.has(spanKey(g.tail))
        ? 'relationMissed'
        : 'entityMissed');
    errors.push(errorOf('fn', g, cause, goldMatched.has(t)));
  });
  return { strict, lenient, errors };
}

const errorOf = (
  kind: 'fp' | 'fn',
  r: Resolved,
  cause: ErrorCause,
  lenientMatch: boolean,
): RelationError => ({
  kind,
  type: r.type,
  cause,
  lenientMatch,
  head: r.head.text,
  tail: r.tail.text,
});

/** Adds `b` into `a`. */
export function addCounts(a: Record<RelationType, Counts>, b: Record<RelationType, Counts>): void {
  for (const t of relationTypes) {
    a[t].tp += b[t].tp;
    a[t].fp += b[t].fp;
    a[t].fn += b[t].fn;
  }
}

/**
 * Metrics of one matching mode: per type and micro-averaged (over every type) tp, fp, fn,
 * precision, recall and F1, named `MODE.TYPE.measure` and `MODE.micro.measure`.
 */
export function relationMetrics(
  mode: string,
  counts: Record<RelationType, Counts>,
): Record<string, number> {
  const out: Record<string, number> = {};
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const t of relationTypes) {
    const c = counts[t];
    Object.assign(out, prefixed(`${mode}.${t}`, { ...c, ...prf(c.tp, c.fp, c.fn) }));
    micro.tp += c.tp;
    micro.fp += c.fp;
    micro.fn += c.fn;
  }
  Object.assign(out, prefixed(`${mode}.micro`, { ...micro, ...prf(micro.tp, micro.fp, micro.fn) }));
  return out;
}

/** Examples kept per relation type, kind (fp/fn) and cause. */
const examplesPer = 3;

export async function relationsEval(ctx: EvalContext): Promise<EvalResult> {
  const patients = ctx.size ?? 300;
  const seed = syntheticNoteSeed;
  const t0 = Date.now();
  const engine = createNlpEngine();
  const strict = zero();
  const lenient = zero();
  const causes: Record<string, number> = {};
  const examples: Record<string, { head: string; tail: string; lenientMatch: boolean }[]> = {};
  let notes = 0;
  let truthRelations = 0;
  let predictedRelations = 0;
  const every = Math.max(1, Math.ceil(patients / 10));
  ctx.progress(`  relations: ${patients} synthetic patients (seed ${seed}, ${generatorVersion})`);
  for (const note of syntheticNotes(patients, seed, (done) => {
    if (done % every === 0 || done === patients)
      ctx.progress(
        `  relations: ${done}/${patients} patients, ${notes} notes, ${Math.round((Date.now() - t0) / 1000)} s`,
      );
  })) {
    notes++;
    const found = extractClinical(note.text, { engine, noteYear: Number(note.date.slice(0, 4)) });
    truthRelations += note.relations.length;
    predictedRelations += found.relations.length;
    const score = scoreNoteRelations(note, found);
    addCounts(strict, score.strict);
    addCounts(lenient, score.lenient);
    for (const e of score.errors) {
      const name = `${e.kind}.${e.type}.${e.cause}`;
      causes[name] = (causes[name] ?? 0) + 1;
      const list = (examples[name] ??= []);
      if (list.length < examplesPer)
        list.push({ head: e.head, tail: e.tail, lenientMatch: e.lenientMatch });
    }
  }
  const seconds = Math.round((Date.now() - t0) / 1000);
  return {
    metrics: {
      patients,
      notes,
      truthRelations,
      predictedRelations,
      ...relationMetrics('strict', strict),
      ...relationMetrics('lenient', lenient),
      seconds,
    },
    details: {
      seed,
      generator: generatorVersion,
      matching:
        'a prediction matches a truth relation of the same type whose head and tail spans are equal (strict) or overlap (lenient, one-to-one); interacts is symmetric; repeats count once',
      truthCovers:
        'treats, causes and associated_with as the generator annotates them; no interacts, so interacts predictions and unannotated true relations are false positives',
      errorCauses: Object.fromEntries(Object.entries(causes).sort(([a], [b]) => (a < b ? -1 : 1))),
      errorExamples: examples,
    },
  };
}
