// Domain (nlp/matcher): abbreviations a text defines for itself, "long form (SF)" (Schwartz & Hearst
// 2003, "A simple algorithm for identifying abbreviation definitions in biomedical text", PSB 8:451):
// the short form is 2-10 characters in parentheses with a letter and an alphanumeric first character;
// the long form is the shortest run of the at most min(|SF| + 5, 2 |SF|) preceding words in which the
// short form's characters appear in order, its first character starting a word. Schwartz and Hearst
// read one sentence at a time: the long form never reaches back over a sentence end, and in a
// clinical note every line break ends one (text/sentences.ts). A lower-case English word in
// parentheses ("Atopic eczema (chronic, stable)", "(resolved)") qualifies what precedes it and
// defines nothing. Used by the matcher
// (a recognised long form lends its entity to every use of the short form) and by the sequence
// tagger (features and document-level post-processing).
import { isEnglishWord } from '../../deid/english';
import type { ClinicalEntity } from '../model';
import { isLineBreak } from '../text/sentences';

const wordChar = /[\p{L}\p{N}]/u;
const alphanumeric = /[\p{L}\p{N}]/u;

/** A definition "long form (SF)": UTF-16 offsets [start, end) of both forms in the text. */
export interface AbbreviationDefinition {
  short: string;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
}

/** Every "long form (SF)" definition of `text` by the Schwartz-Hearst rules (file comment). */
export function abbreviationDefinitions(text: string): AbbreviationDefinition[] {
  const found: AbbreviationDefinition[] = [];
  for (const m of text.matchAll(/\(([^()]{1,20})\)/g)) {
    const inner = m[1]!.split(/[;,]\s/)[0]!;
    const short = inner.trim();
    const shortStart = m.index + 1 + inner.indexOf(short);
    if (!isShortForm(short)) continue;
    const longEnd = precedingEnd(text, m.index);
    const window = longFormWindow(text, longEnd, short);
    const longStart = bestLongFormStart(short, text, window, longEnd);
    if (longStart === undefined) continue;
    const long = text.slice(longStart, longEnd);
    if (
      long.length <= short.length ||
      long.toLowerCase().split(/\s+/).includes(short.toLowerCase())
    )
      continue;
    found.push({ short, shortStart, shortEnd: shortStart + short.length, longStart, longEnd });
  }
  return found;
}

function isShortForm(s: string): boolean {
  return (
    s.length >= 2 &&
    s.length <= 10 &&
    /\p{L}/u.test(s) &&
    alphanumeric.test(s[0]!) &&
    s.split(/\s+/).length <= 2 &&
    !(/^[a-z]+$/.test(s) && isEnglishWord(s))
  );
}

/** End of the text before the parenthesis, trailing spaces dropped. */
function precedingEnd(text: string, paren: number): number {
  let end = paren;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/**
 * Start of the at most min(|SF| + 5, 2|SF|) words before `end`, not crossing a sentence end: ". ",
 * "; ", ": " or a line break.
 */
function longFormWindow(text: string, end: number, short: string): number {
  const maxWords = Math.min(short.length + 5, short.length * 2);
  let start = end;
  let words = 0;
  while (start > 0 && words < maxWords) {
    let s = start;
    while (s > 0 && /\s/.test(text[s - 1]!)) {
      if (isLineBreak(text[s - 1])) return start;
      s--;
    }
    if (s > 0 && /[.;:]/.test(text[s - 1]!) && /\s/.test(text[s] ?? '')) break;
    while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
    if (s === start) break;
    start = s;
    words++;
  }
  return start;
}

/** Schwartz-Hearst's findBestLongForm: match SF characters right to left in text[from, end). */
function bestLongFormStart(
  short: string,
  text: string,
  from: number,
  end: number,
): number | undefined {
  let l = end - 1;
  for (let s = short.length - 1; s >= 0; s--) {
    const c = short[s]!.toLowerCase();
    if (!alphanumeric.test(c)) continue;
    while (
      l >= from &&
      (text[l]!.toLowerCase() !== c || (s === 0 && l > from && wordChar.test(text[l - 1]!)))
    )
      l--;
    if (l < from) return undefined;
    l--;
  }
  while (l >= from && !/\s/.test(text[l]!)) l--;
  return l + 1;
}

/**
 * Drop the dictionary's reading of a short form the text defines as something else: after
 * "chloroacetaldehyde (CAA)", no CAA of that text is the vocabulary's cerebral amyloid angiopathy. A
 * reading stays when an entity of the same concept covers the long form ("myocardial infarction
 * (MI)"); `documentAbbreviations` then gives the short form its long form's entity, if one was found.
 */
export function withoutRedefinedShortForms(
  text: string,
  entities: readonly ClinicalEntity[],
): ClinicalEntity[] {
  const redefined = new Set<string>();
  for (const d of abbreviationDefinitions(text)) {
    const atDefinition = entities.find((e) => e.start === d.shortStart && e.end === d.shortEnd);
    if (!atDefinition?.conceptId) continue;
    const sameConcept = entities.some(
      (e) => e.start < d.longEnd && d.longStart < e.end && e.conceptId === atDefinition.conceptId,
    );
    if (!sameConcept) redefined.add(`${d.short}\u0000${atDefinition.conceptId}`);
  }
  if (redefined.size === 0) return [...entities];
  return entities.filter((e) => !redefined.has(`${e.text}\u0000${e.conceptId ?? ''}`));
}

/** Entities for every use of a short form defined right after a recognised entity. */
export function documentAbbreviations(
  text: string,
  entities: readonly ClinicalEntity[],
): ClinicalEntity[] {
  const defined = new Map<string, ClinicalEntity>();
  for (const e of entities) {
    const m = /^\s*\(\s*([A-Za-z0-9][A-Za-z0-9\-+/]{0,9})\s*[),;]/.exec(
      text.slice(e.end, e.end + 16),
    );
    if (!m) continue;
    const short = m[1]!;
    const initial = short[0]!.toLowerCase();
    const words = e.text.toLowerCase().split(/[\s-]+/);
    if (
      !/[A-Z]/.test(short) ||
      short.length >= e.text.length ||
      !words.some((w) => w.startsWith(initial))
    )
      continue;
    if (!defined.has(short)) defined.set(short, e);
  }
  for (const [short, head] of definedByHead(text, entities))
    if (!defined.has(short)) defined.set(short, head);
  const added: ClinicalEntity[] = [];
  for (const [short, long] of defined)
    for (const at of wordOccurrences(text, short))
      added.push({
        ...long,
        start: at,
        end: at + short.length,
        text: short,
        confidence: Math.min(long.confidence, 0.8),
        match: 'abbreviation',
      });
  return added;
}

/**
 * Short forms whose Schwartz-Hearst long form ends in a recognised disorder that is its head:
 * "levodopa-induced dyskinesia (LID)", "heparin-induced thrombocytopenia (HIT)", "middle cerebral
 * artery occlusion (MCAO)". The short form names the disorder the long form qualifies, and takes
 * the head's entity (type and concept), as the CDR and NCBI-disease guidelines annotate such short
 * forms (the long form's modifier, e.g. the inducing chemical, is a mention of its own). Only
 * disorders: a chemical or gene at the end of a long form is rarely its head ("serum albumin"). BC5CDR
 * development split, dictionary alone: Disease F1 0.8377 -> 0.8443 (LID, HIT, CIN, MCAO...).
 */
const complementBefore = /\b(?:of|for|in|on|with|to|from|by|and|or|de|des|du|la|le)\s*$/i;

function definedByHead(
  text: string,
  entities: readonly ClinicalEntity[],
): Map<string, ClinicalEntity> {
  const out = new Map<string, ClinicalEntity>();
  for (const d of abbreviationDefinitions(text)) {
    const head = entities.find(
      (e) =>
        e.end === d.longEnd &&
        e.start > d.longStart &&
        (e.type === 'Disease' || e.type === 'Symptom'),
    );
    if (!head || out.has(d.short)) continue;
    // "duration of catatonia (DOC)", "Studies of Left Ventricular Dysfunction (SOLVD)": after a
    // preposition the disorder is a complement, and the long form's head is the word before it.
    if (complementBefore.test(text.slice(d.longStart, head.start))) continue;
    out.set(d.short, head);
  }
  return out;
}

/** Offsets of every occurrence of `word` in `text` not inside a longer run of letters and digits. */
export function wordOccurrences(text: string, word: string): number[] {
  const at: number[] = [];
  if (word === '') return at;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = i > 0 ? text[i - 1]! : ' ';
    const after = text[i + word.length] ?? ' ';
    if (!wordChar.test(before) && !wordChar.test(after)) at.push(i);
  }
  return at;
}
