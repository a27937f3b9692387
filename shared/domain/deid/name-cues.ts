// Domain (deid): names that only their context gives away, in the conventions of nursing and progress
// notes: whom the nurse spoke with or paged ("spoke with Suzette", "ask to page Marisol"), contact lists
// ("Lopie Certusi cell# 410-..."), names joined in a list ("both Suzette and Hank"), family members in
// parentheses ("family (Ana and Tomas) in to visit"), the patient introduced in a lower-case note
// ("lorrie morales is a 70 yr old") and a signature whose surname is a common word ("Bernard Foley CRT").
// A candidate must be a census name or a word in no dictionary (name-words.ts), capitalised when the
// note's casing means anything.
import { tokenAt, type NoteCase, type Token } from './tokens';
import { credentials } from './lexicon/common-words';
import {
  censusName,
  confidentName,
  functionWords,
  givenName,
  properCandidate,
  stopWord,
  unknownWord,
  weakCredentials,
} from './name-words';

export type NameSource = 'context' | 'dictionary';
/** One entry per token: why it was taken for a name, or undefined. */
export type NameFlags = (NameSource | undefined)[];

export interface NameScan {
  text: string;
  tokens: Token[];
  mode: NoteCase;
  flags: NameFlags;
}

/** Verbs of talking, calling and paging whose object is a person ("spoke w/ X", "paged X", "reached X"). */
const contactVerb =
  /\b(?:(?:spoke|speak|speaking|spoken|talked|talking|talk|met|meeting)\s+(?:at length\s+)?(?:with|w\/|to)|(?:call(?:ed|ing)?|pag(?:e|ed|ing)|reach(?:ed)?|notif(?:y|ied)|inform(?:ed)?|phon(?:e|ed)|contacted|ask(?:ed)? for))\s*/gi;
/** A phone number introduced by its kind: "cell# 410-...", "home (617) ...", "work: 555-...". */
const phoneLabel =
  /\b(?:cell|cellphone|home|work|pager|beeper|mobile|phone|tel)\s*(?:#|no\.?|number|phone)?\s*:?\s*\(?\d{3}/gi;
/** Family members named in parentheses: "family (Ana and Tomas)", "children (Bo, Di)". */
const familyParenthesis =
  /\b(?:family|families|children|kids|visitors|parents|sons|daughters|siblings|friends)\s*\(([^()\n]{2,60})\)/gi;
/** A patient introduced at the start of a sentence: "lorrie morales is a 70 yr old". */
const introduction =
  /(?:^|\n|\. )[ \t]*([A-Za-z][A-Za-z'-]+)(?: ([A-Za-z][A-Za-z'-]+))?(?= is an? \d+[- ]?(?:y|yr|year))/gi;

/** Sets the flags of the context-only names of a note (in place). */
export function findCuedNames(scan: NameScan): void {
  afterContactVerbs(scan);
  beforePhoneLabels(scan);
  inFamilyParentheses(scan);
  introducedInPlainCase(scan);
  beforeCredentialAfterGivenName(scan);
  for (let pass = 0; pass < 2; pass++) joinedInLists(scan);
}

const gapOf = (scan: NameScan, i: number, j: number) =>
  scan.text.slice(scan.tokens[i]!.end, scan.tokens[j]!.start);

/**
 * A contact verb's object: in a note without case cues it must also be 4+ letters, as upper-case
 * notes are full of short unit and service abbreviations ("spoke with NSG").
 */
function afterContactVerbs(scan: NameScan): void {
  for (const m of scan.text.matchAll(contactVerb)) {
    const from = m.index + m[0].length;
    const k = tokenAt(scan.tokens, from);
    const t = k < 0 ? undefined : scan.tokens[k];
    if (!t || t.start !== from || scan.flags[k] || !properCandidate(t, scan.mode)) continue;
    if (scan.mode !== 'mixed' && t.lower.length < 4) continue;
    scan.flags[k] = 'context';
  }
}

/** "Lopie Certusi cell# 410-...": up to three name words right before a labelled phone number. */
function beforePhoneLabel(scan: NameScan, at: number): void {
  const label = tokenAt(scan.tokens, at);
  if (label <= 0) return;
  const run: number[] = [];
  for (let k = label - 1; k >= 0 && k >= label - 3; k--) {
    const w = scan.tokens[k]!;
    const gap = gapOf(scan, k, k + 1);
    if (!/^(?: |\. )$/.test(gap) && !(k === label - 1 && /^[ \t]{1,3}$/.test(gap))) break;
    if (!(w.letter && /[A-Z]/.test(w.text)) && !properCandidate(w, scan.mode)) break;
    run.push(k);
  }
  const named = run.some((k) => unknownWord(scan.tokens[k]!) || censusName(scan.tokens[k]!));
  if (named) for (const k of run) scan.flags[k] ??= 'context';
}

function beforePhoneLabels(scan: NameScan): void {
  for (const m of scan.text.matchAll(phoneLabel)) beforePhoneLabel(scan, m.index);
}

/** "family (Ana and Tomas) in to visit": every candidate word inside the parentheses. */
function inFamilyParentheses(scan: NameScan): void {
  for (const m of scan.text.matchAll(familyParenthesis)) {
    const open = m.index + m[0].indexOf('(');
    for (let k = tokenAt(scan.tokens, open); k >= 0 && k < scan.tokens.length; k++) {
      const t = scan.tokens[k]!;
      if (t.start >= m.index + m[0].length) break;
      if (properCandidate(t, scan.mode)) scan.flags[k] ??= 'context';
    }
  }
}

/** In all-capitals or all-lower-case notes: "lorrie morales is a 70 yr old female". */
function introducedInPlainCase(scan: NameScan): void {
  if (scan.mode === 'mixed') return;
  for (const m of scan.text.matchAll(introduction)) {
    const words = [m[1]!, m[2]].filter((w): w is string => w !== undefined);
    const first = tokenAt(scan.tokens, m.index + m[0].indexOf(m[1]!));
    const run = words.map((_, n) => first + n);
    const tokens = run.map((k) => scan.tokens[k]!);
    if (tokens.some((t) => !t || stopWord(t) || !(censusName(t) || unknownWord(t)))) continue;
    for (const k of run) scan.flags[k] ??= 'context';
  }
}

/** "Bernard Foley CRT": a given name, then a capitalised common word, then a full credential. */
function beforeCredentialAfterGivenName(scan: NameScan): void {
  if (scan.mode !== 'mixed') return;
  scan.tokens.forEach((t, i) => {
    if (i < 2 || !credentials.has(t.lower) || weakCredentials.has(t.lower) || !t.upper) return;
    const surname = scan.tokens[i - 1]!;
    const given = scan.tokens[i - 2]!;
    if (gapOf(scan, i - 2, i - 1) !== ' ' || !/^,? $/.test(gapOf(scan, i - 1, i))) return;
    if (!surname.capitalised || functionWords.has(surname.lower) || surname.glued) return;
    if (!given.capitalised || !givenName(given) || !confidentName(given)) return;
    scan.flags[i - 2] ??= 'context';
    scan.flags[i - 1] ??= 'context';
  });
}

/** "both Suzette and Hank", "Rakusin & Toolis": a candidate joined by "and" or "&" to a found name. */
function joinedInLists(scan: NameScan): void {
  const { tokens, flags } = scan;
  const join = (a: number, b: number) => {
    if (a < 0 || b >= tokens.length) return;
    const candidate = flags[a] ? b : a;
    if (flags[candidate] || !properCandidate(tokens[candidate]!, scan.mode)) return;
    flags[candidate] = 'context';
  };
  tokens.forEach((t, i) => {
    if (!flags[i]) return;
    for (const [a, b] of [
      [i - 2, i],
      [i, i + 2],
    ] as const) {
      const and = tokens[Math.min(a, b) + 1];
      if (a < 0 || b >= tokens.length || and?.lower !== 'and') continue;
      if (gapOf(scan, a, a + 1) === ' ' && gapOf(scan, a + 1, b) === ' ') join(a, b);
    }
    if (i > 0 && gapOf(scan, i - 1, i) === ' & ') join(i - 1, i);
    if (i + 1 < tokens.length && gapOf(scan, i, i + 1) === ' & ') join(i, i + 1);
  });
}
