// Domain (nlp/lexicon): learn a mention lexicon from annotated documents (BC5CDR, NCBI-disease training
// splits; synthetic gold notes). A string is kept only when it is annotated in at least `minShare` of
// its occurrences, so frequent words that are sometimes entities ("lead", "cold") do not flood the
// matcher; strings seen often but rarely annotated become a stoplist the matcher honours.
import type { CodeSystemKey, EntityType } from '../model';
import { tokenize } from '../text/tokens';
import { newTrieNode, trieInsert, trieWalk } from '../matcher/trie';
import { ValidationError } from '../../errors';

export interface AnnotatedMention {
  start: number;
  end: number;
  type: EntityType;
  code?: string;
  system?: CodeSystemKey;
}

export interface AnnotatedDocument {
  text: string;
  entities: readonly AnnotatedMention[];
}

export interface LearnedEntry {
  /** Normalised matching key (see text/tokens.ts). */
  key: string;
  /** The commonest surface form. */
  surface: string;
  type: EntityType;
  code?: string;
  system?: CodeSystemKey;
  /** Times annotated / times the string occurs (0-1). */
  share: number;
  annotated: number;
}

export interface LearnedLexicon {
  version: 1;
  source: string;
  minShare: number;
  entries: LearnedEntry[];
  /** Keys that occur at least `stopMinOccurrences` times but are annotated below `minShare`. */
  stoplist: string[];
}

export interface LexiconOptions {
  /** Keep a string when annotated in at least this share of its occurrences (0-1, default 0.5). */
  minShare?: number;
  /** Occurrences before a rarely annotated string is stoplisted (default 3). */
  stopMinOccurrences?: number;
  /** Extra terms (e.g. the curated vocabulary's) to score for the stoplist. */
  alsoScore?: readonly string[];
  source?: string;
}

interface Tally {
  annotated: number;
  occurrences: number;
  types: Map<EntityType, number>;
  codes: Map<string, number>;
  surfaces: Map<string, number>;
  system?: CodeSystemKey;
}

/** Learn mention strings -> type and code from `docs` (frequency-filtered; see the file comment). */
export function trainLexicon(
  docs: Iterable<AnnotatedDocument>,
  options: LexiconOptions = {},
): LearnedLexicon {
  const minShare = options.minShare ?? 0.5;
  if (!(minShare > 0 && minShare <= 1))
    throw new ValidationError('minShare must be in (0, 1]', 'minShare');
  const list = [...docs];
  const tallies = new Map<string, Tally>();
  list.forEach((doc, d) => tallyAnnotations(doc, d, tallies));
  for (const term of options.alsoScore ?? []) {
    const key = keyOfText(term);
    if (key && !tallies.has(key)) tallies.set(key, emptyTally());
  }
  countOccurrences(list, tallies);
  const entries: LearnedEntry[] = [];
  const stoplist: string[] = [];
  for (const [key, t] of tallies) {
    const share = t.annotated / Math.max(t.annotated, t.occurrences, 1);
    if (t.annotated > 0 && share >= minShare) entries.push(entryOf(key, t, share));
    else if (t.occurrences >= (options.stopMinOccurrences ?? 3) && share < minShare)
      stoplist.push(key);
  }
  entries.sort((a, b) => a.key.localeCompare(b.key));
  return {
    version: 1,
    source: options.source ?? 'annotated documents',
    minShare,
    entries,
    stoplist: stoplist.sort(),
  };
}

function emptyTally(): Tally {
  return { annotated: 0, occurrences: 0, types: new Map(), codes: new Map(), surfaces: new Map() };
}

function keyOfText(text: string): string | undefined {
  const key = tokenize(text)
    .map((t) => t.key)
    .join(' ');
  return /[a-z]/i.test(key) && key.length >= 2 ? key : undefined;
}

function tallyAnnotations(doc: AnnotatedDocument, d: number, tallies: Map<string, Tally>): void {
  for (const e of doc.entities) {
    if (e.start < 0 || e.end > doc.text.length || e.end <= e.start)
      throw new ValidationError(
        `document ${d}: entity offsets ${e.start}-${e.end} outside the text`,
        `docs[${d}].entities`,
      );
    const surface = doc.text.slice(e.start, e.end);
    const key = keyOfText(surface);
    if (!key) continue;
    const t = tallies.get(key) ?? emptyTally();
    tallies.set(key, t);
    t.annotated++;
    bump(t.types, e.type);
    bump(t.surfaces, surface);
    if (e.code && e.code !== '-1') bump(t.codes, e.code);
    if (e.system) t.system = e.system;
  }
}

/**
 * How often each tallied key occurs as a token sequence in the documents, annotated or not, except
 * inside a longer annotated mention: "methyldopa" within an annotated "alpha-methyldopa", or "anemia"
 * within "hemolytic anemia", is part of an entity the annotators chose to span whole, not a sign that
 * the shorter string is not an entity (counting it stoplisted "methyldopa" in BC5CDR's training split).
 */
function countOccurrences(docs: readonly AnnotatedDocument[], tallies: Map<string, Tally>): void {
  const root = newTrieNode<Tally>();
  for (const [key, t] of tallies) trieInsert(root, key.split(' '), t);
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    const inLonger = (start: number, end: number) =>
      doc.entities.some((e) => e.start <= start && end <= e.end && e.end - e.start > end - start);
    for (let i = 0; i < tokens.length; i++) {
      for (const m of trieWalk(
        root,
        i,
        tokens.length,
        (k) => tokens[k]!.key,
        () => true,
      )) {
        if (inLonger(tokens[i]!.start, tokens[m.lastToken]!.end)) continue;
        for (const t of m.hits) t.occurrences++;
      }
    }
  }
}

function entryOf(key: string, t: Tally, share: number): LearnedEntry {
  const code = top(t.codes);
  return {
    key,
    surface: top(t.surfaces)!,
    type: top(t.types)!,
    ...(code ? { code, ...(t.system ? { system: t.system } : {}) } : {}),
    share: Number(share.toFixed(3)),
    annotated: t.annotated,
  };
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function top<K>(map: Map<K, number>): K | undefined {
  let best: K | undefined;
  let n = 0;
  for (const [k, c] of map) if (c > n) [best, n] = [k, c];
  return best;
}

/** Parse a learned lexicon JSON artifact, checking its shape. */
export function parseLexicon(json: string): LearnedLexicon {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ValidationError('lexicon is not valid JSON', 'lexicon', { cause: error });
  }
  const v = value as Partial<LearnedLexicon>;
  if (v.version !== 1 || !Array.isArray(v.entries) || !Array.isArray(v.stoplist))
    throw new ValidationError('lexicon must have version 1, entries[] and stoplist[]', 'lexicon');
  v.entries.forEach((e, i) => {
    if (typeof e.key !== 'string' || typeof e.surface !== 'string' || typeof e.type !== 'string')
      throw new ValidationError(`lexicon entry ${i} needs key, surface and type`, `entries[${i}]`);
  });
  return v as LearnedLexicon;
}
