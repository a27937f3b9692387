// Domain (nlp/matcher): the dictionary matcher. Builds two token tries from the vocabulary (and an
// optional learned lexicon): one on normalised keys for terms, one on exact token text for
// abbreviations; then finds, left to right, the longest term at each token (leftmost-longest).
import { isEnglishWord } from '../../deid/english';
import type { Concept, MatchKind } from '../model';
import type { LearnedLexicon } from '../lexicon/learn';
import { joinsTerm, tokenize, type Token } from '../text/tokens';
import type { AmbiguousAbbreviation } from '../vocabulary/ambiguous';
import { resolveAbbreviation } from './ambiguity';
import { newTrieNode, trieInsert, trieWalk, type TrieMatch, type TrieNode } from './trie';

export interface DictionaryHit {
  concept: Concept;
  kind: MatchKind;
  /** Only a match when a value follows ("K 4.1"). */
  needsValue?: boolean;
  /** Learned entries: the share of training occurrences annotated as an entity (0-1). */
  share?: number;
}

export interface DictionaryIndex {
  concepts: ReadonlyMap<string, Concept>;
  normal: TrieNode<DictionaryHit>;
  exact: TrieNode<DictionaryHit>;
  /** Abbreviations in lower case, used only for texts written all in lower case. */
  lower: TrieNode<DictionaryHit>;
  ambiguous: ReadonlyMap<string, AmbiguousAbbreviation>;
  /** Normalised keys that training data says are rarely entities: never matched. */
  stoplist: ReadonlySet<string>;
  /** Learned entries outrank curated ones on the same span (corpus evaluation). */
  preferLearned: boolean;
}

export interface DictionaryMention {
  start: number;
  end: number;
  text: string;
  concept: Concept;
  kind: MatchKind;
  /** 0-1. */
  confidence: number;
}

export interface DictionaryOptions {
  lexicon?: LearnedLexicon;
  ambiguous?: readonly AmbiguousAbbreviation[];
  preferLearned?: boolean;
}

/** Build the matcher's index from `concepts` (and a learned lexicon, when given). */
export function buildDictionary(
  concepts: readonly Concept[],
  options: DictionaryOptions = {},
): DictionaryIndex {
  const normal = newTrieNode<DictionaryHit>();
  const exact = newTrieNode<DictionaryHit>();
  const lower = newTrieNode<DictionaryHit>();
  const byId = new Map<string, Concept>();
  for (const concept of concepts) {
    byId.set(concept.id, concept);
    for (const term of concept.synonyms) insertTerm(normal, term, { concept, kind: 'normalised' });
    for (const marked of concept.abbreviations) {
      insertAbbreviation(normal, exact, concept, marked, false);
      insertAbbreviation(normal, lower, concept, marked.toLowerCase(), true);
    }
  }
  for (const entry of options.lexicon?.entries ?? []) {
    const concept = learnedConcept(entry);
    const hit: DictionaryHit = { concept, kind: 'learned', share: entry.share };
    if (isAcronym(entry.surface)) insertExact(exact, entry.surface, hit);
    else insertTerm(normal, entry.surface, hit);
  }
  return {
    concepts: byId,
    normal,
    exact,
    lower,
    ambiguous: new Map((options.ambiguous ?? []).map((a) => [a.form, a])),
    stoplist: new Set(options.lexicon?.stoplist ?? []),
    preferLearned: options.preferLearned ?? false,
  };
}

function insertTerm(root: TrieNode<DictionaryHit>, term: string, hit: DictionaryHit): void {
  trieInsert(
    root,
    tokenize(term).map((t) => t.key),
    hit,
  );
}

function insertExact(root: TrieNode<DictionaryHit>, form: string, hit: DictionaryHit): void {
  trieInsert(
    root,
    tokenize(form).map((t) => t.text),
    hit,
  );
}

/**
 * "HTN": exact case; "~COPD": also any case; "=K": exact case, only before a value. An abbreviation
 * whose normalised key is an English word is never matched out of its case: "~NOWS" (neonatal opioid
 * withdrawal syndrome) keys as "now", so "He is now afebrile" was coded P96.1. Such a form keeps its
 * exact-case reading only, in the any-case trie (`normal`) as in the all-lower-case one (`lower`:
 * "cap refill" is no community-acquired pneumonia, "dress the wound" no DRESS syndrome), except the
 * few of `lowerCaseKept`. A form that needs a value after it ("=K") is safe either way.
 */
function insertAbbreviation(
  normal: TrieNode<DictionaryHit>,
  exact: TrieNode<DictionaryHit>,
  concept: Concept,
  marked: string,
  lowerTrie: boolean,
): void {
  const needsValue = marked.startsWith('=');
  const anyCase = marked.startsWith('~');
  const form = marked.replace(/^[=~]/, '');
  const hit: DictionaryHit = {
    concept,
    kind: 'abbreviation',
    ...(needsValue ? { needsValue } : {}),
  };
  const safe = needsValue || !readsAsEnglish(form);
  if (lowerTrie) {
    if (safe || lowerCaseKept.has(form)) insertExact(exact, form, hit);
    return;
  }
  insertExact(exact, form, hit);
  if (anyCase && safe) insertTerm(normal, form, hit);
}

/**
 * True when every word of `form` is, by its normalised key or as written in lower case, an English
 * word (deid/english.ts: the `wamerican` list as a Bloom filter, so about 1% of non-words read as
 * words too, which only costs their lower-case reading).
 */
export function readsAsEnglish(form: string): boolean {
  const tokens = tokenize(form);
  return (
    tokens.length > 0 &&
    tokens.every(
      (t) =>
        /^[a-z]+$/.test(t.key) && (isEnglishWord(t.key) || isEnglishWord(t.text.toLowerCase())),
    )
  );
}

/**
 * Lower-case forms of abbreviations kept in all-lower-case notes although they read as English
 * words: the clinical reading dominates in notes and the word is rare there ("cad", "sob", "bun"), or the
 * filter takes a non-word for a word ("vte", "ldl", "dcis", "sdh", "dbp", "bka").
 */
const lowerCaseKept = new Set(['cad', 'sob', 'bun', 'vte', 'ldl', 'dcis', 'sdh', 'dbp', 'bka']);

/** Short all-capital strings ("ACE", "PAN") match only with their case. */
function isAcronym(surface: string): boolean {
  return surface.length <= 5 && /^[A-Z0-9][A-Z0-9-]*$/.test(surface) && /[A-Z]/.test(surface);
}

function learnedConcept(entry: LearnedLexicon['entries'][number]): Concept {
  return {
    id: `learned:${entry.type}:${entry.key}`,
    type: entry.type,
    preferred: entry.surface,
    synonyms: [entry.surface],
    abbreviations: [],
    codes: entry.code && entry.system ? { [entry.system]: entry.code } : {},
    source: 'learned lexicon',
  };
}

const valueAfter = /^\s*\+?\s*(?:[:=#-]|is|was|of)?\s*[<>~]?\s*\d/;

/** The mention covering all of `phrase`, when the dictionary reads it as one term. */
export function wholeMatch(index: DictionaryIndex, phrase: string): DictionaryMention | undefined {
  return matchDictionary(index, phrase).find((m) => m.start === 0 && m.end === phrase.length);
}

/** Every dictionary mention in `text`, leftmost-longest, without overlaps. */
export function matchDictionary(index: DictionaryIndex, text: string): DictionaryMention[] {
  const tokens = tokenize(text);
  const mentions: DictionaryMention[] = [];
  const joins = (i: number) => joinsTerm(text, tokens[i - 1]!.end, tokens[i]!.start);
  const exact = isLowerCase(text) ? index.lower : index.exact;
  let i = 0;
  while (i < tokens.length) {
    const found = longestAt(index, exact, text, tokens, i, joins);
    if (found) {
      mentions.push(withPlus(text, found.mention));
      i = found.lastToken + 1;
      continue;
    }
    const sense = index.ambiguous.get(tokens[i]!.text);
    const concept = sense && resolveAbbreviation(sense, tokens, i, index.concepts);
    if (concept) mentions.push(mentionOf(text, tokens, i, i, concept, 'abbreviation', 0.7));
    i++;
  }
  return mentions;
}

function longestAt(
  index: DictionaryIndex,
  exact: TrieNode<DictionaryHit>,
  text: string,
  tokens: readonly Token[],
  i: number,
  joins: (i: number) => boolean,
): { mention: DictionaryMention; lastToken: number } | undefined {
  const candidates = [
    ...trieWalk(index.normal, i, tokens.length, (k) => tokens[k]!.key, joins),
    ...trieWalk(exact, i, tokens.length, (k) => tokens[k]!.text, joins),
  ].sort((a, b) => b.lastToken - a.lastToken);
  for (const match of candidates) {
    const hit = pickHit(index, match, text, tokens[match.lastToken]!.end);
    if (!hit) continue;
    const key = keyOf(tokens, i, match.lastToken);
    if (index.stoplist.has(key)) continue;
    const m = mentionOf(text, tokens, i, match.lastToken, hit.concept, hit.kind, confidenceOf(hit));
    if (m.kind === 'normalised' && hit.concept.synonyms.includes(m.text)) m.kind = 'exact';
    return { mention: m, lastToken: match.lastToken };
  }
  return undefined;
}

function pickHit(
  index: DictionaryIndex,
  match: TrieMatch<DictionaryHit>,
  text: string,
  end: number,
): DictionaryHit | undefined {
  const usable = match.hits.filter(
    (h) => !h.needsValue || valueAfter.test(text.slice(end, end + 16)),
  );
  if (usable.length === 0) return undefined;
  const learned = usable.find((h) => h.kind === 'learned');
  if (index.preferLearned && learned) return learned;
  return usable.find((h) => h.kind !== 'learned') ?? learned;
}

/** Texts with (almost) no capitals, as some exports write them: abbreviations match in lower case. */
function isLowerCase(text: string): boolean {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length && letters < 2000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  return letters > 40 && upper / letters < 0.002;
}

/** "K+ 4.1": an abbreviation written with its charge sign keeps the sign in the span. */
function withPlus(text: string, m: DictionaryMention): DictionaryMention {
  if (
    text[m.end] !== '+' ||
    !m.concept.abbreviations.some((a) => a.replace(/^[=~]/, '') === `${m.text}+`)
  )
    return m;
  return { ...m, end: m.end + 1, text: `${m.text}+` };
}

function confidenceOf(hit: DictionaryHit): number {
  if (hit.kind === 'learned') return 0.5 + 0.45 * (hit.share ?? 0.5);
  return hit.kind === 'abbreviation' ? 0.85 : 0.9;
}

function keyOf(tokens: readonly Token[], from: number, to: number): string {
  let key = tokens[from]!.key;
  for (let k = from + 1; k <= to; k++) key += ' ' + tokens[k]!.key;
  return key;
}

function mentionOf(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  concept: Concept,
  kind: MatchKind,
  confidence: number,
): DictionaryMention {
  const start = tokens[from]!.start;
  const end = tokens[to]!.end;
  return { start, end, text: text.slice(start, end), concept, kind, confidence };
}
