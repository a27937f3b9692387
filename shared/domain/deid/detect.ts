// Domain (deid): every detector run over a note, their findings merged into non-overlapping spans.
// A name or place found once with context (Mr. Lomish) is found again wherever the same word recurs.
import type { Candidate, DetectOptions } from './model';
import { noteCase, tokenize, type Token } from './tokens';
import {
  findAddresses,
  findAges,
  findContacts,
  findDates,
  findIdentifiers,
  findPhones,
} from './patterns';
import { findYears } from './years';
import { findNames } from './names';
import { findLocations } from './locations';
import { ambiguousNames, commonWords, eponyms } from './lexicon/common-words';

/** When spans overlap, the longer wins; at equal length the category listed first. */
const precedence: Candidate['category'][] = [
  'EMAIL',
  'URL',
  'IP',
  'ID',
  'PHONE',
  'DATE',
  'AGE',
  'LOCATION',
  'NAME',
  'OTHER',
];

/**
 * The PHI spans of `text` (HIPAA Safe Harbor identifiers), sorted and non-overlapping, with offsets
 * into `text` (UTF-16 code units, end exclusive). Years alone are left out unless `includeYears`.
 */
export function detectPhi(text: string, options: DetectOptions = {}): Candidate[] {
  const tokens = tokenize(text);
  const mode = noteCase(text);
  const names = findNames(text, tokens, mode);
  const places = findLocations(text, tokens, mode);
  const candidates: Candidate[] = [
    ...findContacts(text),
    ...findIdentifiers(text),
    ...findPhones(text),
    ...findDates(text),
    ...findAges(text),
    ...findAddresses(text),
    ...places,
    ...names,
    ...(options.includeYears ? findYears(text) : []),
  ];
  candidates.push(...recurrences(tokens, [...names, ...places]));
  return mergeAdjacent(text, resolveOverlaps(candidates));
}

/** Other occurrences of words already found as names or places (not common words or eponyms). */
function recurrences(tokens: Token[], found: Candidate[]): Candidate[] {
  const known = new Map<string, Candidate['category']>();
  for (const f of found) {
    for (const word of f.text.toLowerCase().split(/[^a-z'-]+/)) {
      if (word.length < 3 || commonWords.has(word) || ambiguousNames.has(word) || eponyms.has(word))
        continue;
      if (!known.has(word)) known.set(word, f.category);
    }
  }
  return tokens
    .filter((t) => known.has(t.lower))
    .map((t) => ({ start: t.start, end: t.end, category: known.get(t.lower)!, text: t.text }));
}

function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const rank = (c: Candidate) => precedence.indexOf(c.category);
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Joins neighbouring spans of one category ("Mary" "Souza" -> "Mary Souza"; "Sacred" "Heart"). */
function mergeAdjacent(text: string, spans: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    const between = last ? text.slice(last.end, s.start) : '';
    const joinable =
      last &&
      last.category === s.category &&
      (s.category === 'NAME' || s.category === 'LOCATION') &&
      /^(?: |\. ?|-|, ?| of )$/i.test(between) &&
      !(between.startsWith(',') && s.category === 'LOCATION');
    if (joinable) {
      last.end = s.end;
      last.text = text.slice(last.start, last.end);
    } else merged.push({ ...s });
  }
  return merged;
}
