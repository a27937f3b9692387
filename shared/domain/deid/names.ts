// Domain (deid): names of patients, relatives and clinicians. Dictionary look-ups (census name tables)
// are weighed against context: titles ("Dr.", "Mrs."), relatives ("pt's wife Joan"), signatures with a
// credential ("Q. Lander RRT"), initials ("E. Welsh aware"), and the note's casing. Names that are also
// common words or eponyms (Will, Hope, Foley, Parkinson) need a title, relative or full name.
import type { Candidate } from './model';
import { tokenAt, type NoteCase, type Token } from './tokens';
import { givenNames } from './lexicon/given-names';
import { familyNames } from './lexicon/family-names';
import {
  ambiguousNames,
  credentials,
  eponyms,
  relationWords,
  titles,
} from './lexicon/common-words';
import {
  clinicalServices,
  confidentName,
  functionWords,
  speciesWords,
  stopWord,
  unknownWord,
  censusName,
  weakCredentials,
} from './name-words';
import { findCuedNames, type NameFlags } from './name-cues';

/** Relation words naming a clinician's role: only a census name or a capitalised word follows as a name. */
const clinicianRoles = new Set(
  'nurse rn np pa resident fellow intern attending pcp physician surgeon cardiologist coordinator manager therapist chaplain ho'.split(
    ' ',
  ),
);

/** Labels after which a person's name follows on the same line. */
const headerLabel =
  /\b(?:patient(?: name)?|pt name|name|provider|author|attending|referring(?: physician)?|pcp|primary care(?: physician| provider)?|cc|copy to|consultant|dictated by|signed by|cosigned by|reviewed by|seen by|discussed with|scheduled with|appointment with|follow(?:s|ed)? (?:up )?with|see|emergency contact|contact|next of kin|nok|guardian)\s*[:-]?[ \t]+/gi;
/** Words that introduce a patient right after their name: "Amber is a 41 year old", "Amber Lopez (MRN". */
const beforeIntroduction =
  /(?<=^|\n|\. )[A-Z][A-Za-z'-]+(?:,? [A-Z][A-Za-z'-]+){0,2}(?= is an? \d+[- ]?(?:y|yr|year)| \((?:MRN|MR#|Med|Medical|DOB)| {2,}(?:MRN|MR#|Med Rec))/g;

export class NameFinder {
  private readonly flags: NameFlags;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly mode: NoteCase,
  ) {
    this.flags = tokens.map(() => undefined);
  }

  /** The NAME findings of the note, one per token. */
  find(): Candidate[] {
    this.byTitle();
    this.byRelation();
    this.byCredential();
    this.byInitial();
    this.byDictionary();
    this.byParenthesisedRole();
    this.byHeader();
    findCuedNames({ text: this.text, tokens: this.tokens, mode: this.mode, flags: this.flags });
    for (let pass = 0; pass < 2; pass++) this.extend();
    return this.tokens
      .filter((_, i) => this.flags[i] !== undefined)
      .map((t) => ({ start: t.start, end: t.end, category: 'NAME', text: t.text }));
  }

  private gap(i: number, j: number): string {
    return this.text.slice(this.tokens[i]!.end, this.tokens[j]!.start);
  }

  /** Could be a name given strong context: any word but a common one, an eponym or a verb form. */
  private nameLike(t: Token): boolean {
    const census = givenNames.has(t.lower) || familyNames.has(t.lower);
    if (stopWord(t) || speciesWords.has(t.lower) || t.glued) return false;
    if (eponyms.has(t.lower) && !census) return false;
    if (t.letter) return /[A-Z]/.test(t.text) || this.mode === 'lower';
    if (givenNames.has(t.lower) || familyNames.has(t.lower)) return true;
    if (/(?:ed|ing|ly|tion|ment|ness)$/.test(t.lower)) return false;
    return true;
  }

  private looksProper(t: Token): boolean {
    if (this.mode !== 'mixed') return givenNames.has(t.lower) || familyNames.has(t.lower);
    return (t.capitalised || t.upper) && !stopWord(t);
  }

  /** After a title or an initial even eponyms and common-word names are names ("Dr. Foley", "Dr. Art White"). */
  private titledName(t: Token): boolean {
    if (stopWord(t) || t.glued || speciesWords.has(t.lower)) return false;
    return t.letter || !/(?:ed|ing)$/.test(t.lower) || familyNames.has(t.lower);
  }

  /** "Dr. L. Ruuska", "Mr. Nicholson", "dr vasquez": up to three name words after a title. */
  private byTitle(): void {
    this.tokens.forEach((t, i) => {
      if (!titles.has(t.lower)) return;
      if (t.lower === 'ms' && !t.capitalised && this.text[t.end] !== '.') return; // MS = mental status
      if (t.lower === 'miss' && !t.capitalised) return;
      for (let j = i + 1; j <= i + 3 && j < this.tokens.length; j++) {
        const w = this.tokens[j]!;
        const named = this.titledName(w) || (j === i + 1 && this.commonWordAfterTitle(i, w));
        if (!/^[ .']{0,3}$/.test(this.gap(j - 1, j)) || !named) break;
        if (j > i + 1 && !this.continuesName(this.tokens[j]!)) break;
        this.flags[j] = 'context';
      }
    });
  }

  /**
   * A common word as a surname: "Dr. Foley", "Dr. Art White" (a capitalised title and word in a
   * mixed-case note), or "dr vasquez, dr rizzo, dr small" (a list of titled names).
   */
  private commonWordAfterTitle(i: number, w: Token): boolean {
    if (w.glued || w.letter || functionWords.has(w.lower) || speciesWords.has(w.lower))
      return false;
    if (/(?:ed|ing)$/.test(w.lower)) return false;
    if (this.mode === 'mixed' && this.tokens[i]!.capitalised && w.capitalised) return true;
    const listed = /\b(?:dr|drs|doctor)\.?\s+[A-Za-z'-]+(?:,\s*|\s+and\s+|\s*&\s*)$/i;
    const before = this.text.slice(Math.max(0, this.tokens[i]!.start - 40), this.tokens[i]!.start);
    return i > 0 && this.flags[i - 1] !== undefined && listed.test(before);
  }

  private continuesName(t: Token): boolean {
    return (
      t.letter ||
      familyNames.has(t.lower) ||
      givenNames.has(t.lower) ||
      (this.mode === 'mixed' ? t.capitalised || t.upper : !stopWord(t))
    );
  }

  /** "daughter Suzette", "pt's wife, Joan Smith", "son (Rob)". */
  private byRelation(): void {
    this.tokens.forEach((t, i) => {
      const role = t.lower.split('-').pop()!;
      if (!relationWords.has(role) || role === 'named') return;
      const j = i + 1;
      const next = this.tokens[j];
      if (!next || !/^[\s,:(-]{1,3}$/.test(this.gap(i, j)) || !this.nameLike(next)) return;
      if (next.letter) return;
      const known = givenNames.has(next.lower) || familyNames.has(next.lower);
      // Without case cues, a word after a relative is a name only if no dictionary knows it
      // ("dtr spent the night" but "dtr laverne").
      const unlisted =
        !clinicianRoles.has(role) && !ambiguousNames.has(next.lower) && unknownWord(next);
      const proper = this.mode === 'mixed' ? next.capitalised || known : known || unlisted;
      if (!proper) return;
      this.flags[j] = 'context';
    });
  }

  /** "Dan A. Forman-Lyons, RRT", "q. lander rrt", "Priya Okonkwo, NP": words before a credential. */
  private byCredential(): void {
    this.tokens.forEach((t, i) => {
      if (!credentials.has(t.lower) || i === 0) return;
      if (this.mode === 'mixed' && !t.upper && !/^[A-Z]/.test(t.text)) return;
      const weak = weakCredentials.has(t.lower);
      const run: number[] = [];
      for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
        const w = this.tokens[k]!;
        if (!/^[\s.,]{1,3}$/.test(this.gap(k, k + 1)) || stopWord(w) || speciesWords.has(w.lower))
          break;
        if (w.glued || (w.letter && /\d\s*$/.test(this.text.slice(w.start - 2, w.start)))) break; // 4 L NP
        if (/\n/.test(this.gap(k, k + 1)) && run.length > 0) break;
        run.unshift(k);
      }
      if (run.length === 0) return;
      const words = run.map((k) => this.tokens[k]!);
      const hasInitial = words.some((w) => w.letter);
      const known = words.some((w) => confidentName(w));
      const listed = known && (hasInitial || words.length >= 2) && this.gap(i - 1, i).includes(',');
      // "Andrwe O'connell MD": two or more capitalised words, each a census name or no dictionary word.
      const spelledOut =
        this.mode === 'mixed' &&
        t.upper &&
        words.length >= 2 &&
        words.every((w) => w.capitalised && (censusName(w) || unknownWord(w)));
      if (weak && !listed && !spelledOut) return;
      if (!weak && words.length === 1 && !known && !words[0]!.capitalised && this.mode === 'mixed')
        return;
      for (const k of run) this.flags[k] = 'context';
    });
  }

  /** "E. WELSH aware", "Z. Miller": a capital initial and a name word. */
  private byInitial(): void {
    this.tokens.forEach((t, i) => {
      const next = this.tokens[i + 1];
      if (!t.letter || t.glued || !next || next.letter || this.gap(i, i + 1) !== '. ') return;
      if (!/[A-Z]/.test(t.text) && this.mode !== 'lower') return;
      if (!this.titledName(next) || !this.continuesName(next)) return;
      const known = givenNames.has(next.lower) || familyNames.has(next.lower);
      const cue =
        /^[\s,]+(?:aware|notified|paged|called|in\b|at\b|to\b|spoke|said|wants|placing|placed|rrt|rn|md)/i;
      const unknown = next.lower.length >= 4 && unknownWord(next); // "S. Dominico": no dictionary word
      if (!known && !unknown && !cue.test(this.text.slice(next.end, next.end + 12))) return;
      if (i > 0 && this.tokens[i - 1]!.letter && this.gap(i - 1, i) === '.') return; // "p.o. Lasix"
      this.flags[i] = 'context';
      this.flags[i + 1] = 'context';
    });
  }

  /** Census names that are not common words: given names anywhere; family names when written as names. */
  private byDictionary(): void {
    this.tokens.forEach((t, i) => {
      if (this.flags[i] || !confidentName(t) || t.lower.length < 3) return;
      if (givenNames.has(t.lower) && (this.mode !== 'mixed' || t.capitalised || t.upper)) {
        this.flags[i] = 'dictionary';
        return;
      }
      // In a lower-case note a capital is rarer still, so a capitalised family name is a name too.
      const written =
        this.mode === 'mixed' ? t.capitalised || t.upper : this.mode === 'lower' && t.capitalised;
      if (written && !t.sentenceStart) this.flags[i] = 'dictionary';
    });
  }

  /**
   * Header and signature lines: "Patient: Amber Lopez", "Provider: LOPEZ, AMBER", "Electronically signed
   * by Jo Lee", "Amber is a 41 year old", "Amber Lopez (MRN ...)": up to three proper words on the line.
   */
  private byHeader(): void {
    for (const m of this.text.matchAll(headerLabel)) this.flagRun(m.index + m[0].length, 3);
    for (const m of this.text.matchAll(beforeIntroduction)) this.flagRun(m.index, 3);
  }

  /** Flags up to `max` proper words (capitalised, or census names) from `from` on the same line. */
  private flagRun(from: number, max: number): void {
    let k = tokenAt(this.tokens, from);
    if (k < 0 || /\n/.test(this.text.slice(from, this.tokens[k]!.start))) return;
    for (let n = 0; n < max && k < this.tokens.length; n++, k++) {
      const t = this.tokens[k]!;
      if (n > 0 && !/^(?: |, ?|\. )$/.test(this.gap(k - 1, k))) break;
      const known = givenNames.has(t.lower) || familyNames.has(t.lower);
      const proper = this.mode === 'mixed' ? t.capitalised || t.upper || known : known || n > 0;
      if (!proper || stopWord(t) || clinicalServices.has(t.lower) || t.glued) break;
      if (t.letter && this.text[t.end] !== '.') break;
      this.flags[k] = 'context';
    }
  }

  /** "Hank Przybylo (son)", "Dick Cucchiara (resident)", "Romero family": names before a role. */
  private byParenthesisedRole(): void {
    this.tokens.forEach((t, i) => {
      const paren =
        relationWords.has(t.lower) && /\(\s*$/.test(this.text.slice(t.start - 2, t.start));
      const family = t.lower === 'family' && i > 0 && confidentName(this.tokens[i - 1]!);
      if (!paren && !family) return;
      for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
        const w = this.tokens[k]!;
        if (!this.nameLike(w) || w.letter || !/^\s{1,2}\(?$|^ \($/.test(this.gap(k, k + 1))) break;
        if (this.mode === 'mixed' && !(w.capitalised || w.upper)) break;
        if (
          this.mode !== 'mixed' &&
          !(givenNames.has(w.lower) || familyNames.has(w.lower) || paren)
        )
          break;
        this.flags[k] = 'context';
      }
    });
  }

  /** A name's neighbours: "Carol Buckley" (a surname after a name), "Rakusin and Toolis" (lists). */
  private extend(): void {
    this.tokens.forEach((t, i) => {
      if (!this.flags[i]) return;
      const next = this.tokens[i + 1];
      const joined =
        next && (this.gap(i, i + 1) === ' ' || (t.letter && this.gap(i, i + 1) === '. '));
      if (next && !this.flags[i + 1] && joined) {
        const surname =
          familyNames.has(next.lower) ||
          (this.mode === 'mixed' && next.capitalised && this.nameLike(next)) ||
          (this.mode !== 'mixed' &&
            givenNames.has(t.lower) &&
            this.nameLike(next) &&
            !ambiguousNames.has(next.lower) &&
            next.lower.length >= 4);
        const eponym = eponyms.has(next.lower) && !familyNames.has(next.lower);
        if (surname && !stopWord(next) && !eponym) this.flags[i + 1] = 'context';
      }
      const prev = this.tokens[i - 1];
      if (prev && !this.flags[i - 1] && this.gap(i - 1, i) === ' ' && givenNames.has(prev.lower)) {
        if (!stopWord(prev) && (this.mode !== 'mixed' || prev.capitalised || prev.upper))
          this.flags[i - 1] = 'context';
      }
      const after = this.tokens[i + 2];
      if (this.flags[i] !== 'context' || !after || this.flags[i + 2] || next?.lower !== 'and')
        return;
      if (this.gap(i, i + 1) !== ' ' || this.gap(i + 1, i + 2) !== ' ') return;
      if (this.looksProper(after) && this.nameLike(after)) this.flags[i + 2] = 'context';
    });
  }
}

/** NAME findings of `tokens` (one per word) in a note of casing `mode`. */
export function findNames(text: string, tokens: Token[], mode: NoteCase): Candidate[] {
  return new NameFinder(text, tokens, mode).find();
}
