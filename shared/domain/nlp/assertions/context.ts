// Domain (nlp/assertions): a ConText-style assertion classifier (Harkema et al. 2009; NegEx, Chapman
// et al. 2001). A trigger's scope runs from it to the end of its sentence (pre-triggers) or back to the
// sentence start (post-triggers), cut short by termination terms; "denied" and "ruled out" read
// backward from a mention just before them ("Chest pain denied at this time"), forward otherwise
// (cues.ts, Cue.afterMention); pseudo-triggers block the triggers
// inside them. Semicolons end the scope of every trigger except negation, whose lists run across them
// ("denies fevers; chills"). The closest applicable trigger wins; a negation beats a relative
// ("no family history of..."); with no trigger, the section decides (family history -> family;
// allergies and past surgical history -> historical).
import type { Assertion, EntityType, Section, SectionKind } from '../model';
import { sectionAt } from '../sections/sections';
import { newTrieNode, trieInsert, trieWalk } from '../matcher/trie';
import { isEnglishWord } from '../../deid/english';
import { afterDose, closedMedicineList } from '../text/medicine-list';
import { isLineBreak, isSentenceEnd } from '../text/sentences';
import { cues, pastYearSlot, type Cue, type CueCategory } from './cues';

interface CueMatch {
  start: number;
  end: number;
  cues: readonly Cue[];
  /** Only punctuation follows to the end of the sentence ("Fever: no."). */
  final: boolean;
}

/** What the classifier knows of a mention besides its span. */
export interface MentionFacts {
  type?: EntityType;
  /** A chronic condition stays present after "history of" (CMS Chronic Conditions Warehouse sense). */
  chronic?: boolean;
  /**
   * The mention names the substance of an allergy or intolerance (allergen.ts): a doubt about it is
   * a doubt about the allergy ("Possible allergy to amoxicillin"), and reads as possible.
   */
  allergen?: boolean;
}

const cueByPhrase = new Map<string, Cue[]>();
for (const cue of cues) {
  const key = cue.phrase.toLowerCase();
  const known = cueByPhrase.get(key);
  if (known) known.push(cue);
  else cueByPhrase.set(key, [cue]);
}
/** The readings of phrases that have an opening-only one, without it (when a word precedes them). */
const readingsNotOpening = new Map<string, Cue[]>();
for (const [phrase, readings] of cueByPhrase)
  if (readings.some((c) => c.opening))
    readingsNotOpening.set(
      phrase,
      readings.filter((c) => !c.opening),
    );

/** Cue tokens: words, and each punctuation mark on its own ("(-)" is three tokens, "r/o" three). */
const cueToken = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/** The trie key of a past year: no text token has it (tokens are letters and digits, or one mark). */
const pastYearKey = '\u0000year';
const year = /^(?:19|20)\d\d$/;

const cueTrie = newTrieNode<string>();
for (const phrase of cueByPhrase.keys())
  trieInsert(
    cueTrie,
    (phrase.match(cueToken) ?? []).map((t) => (t === pastYearSlot ? pastYearKey : t)),
    phrase,
  );

/**
 * Cue words of 6+ letters, by each form with one letter deleted (and as themselves): a misspelt
 * word of the text ("susoicion", "deniwd", "withoout") that is not an English word reads as the one
 * cue word it is a letter away from (a substitution, insertion, deletion or swap of neighbours).
 * Notes carry typos, and a typo in a trigger used to lose its assertion (generator notes at 1.5%
 * typos per word: "Cannot ruel out", "Suspiious for"). Shorter words are left alone: "never" and
 * "fever", "no" and "so" are a letter apart.
 */
const misspeltCueMinLength = 6;
const cueWordByDeletion = new Map<string, string | null>();
for (const phrase of cueByPhrase.keys()) {
  for (const word of phrase.match(cueToken) ?? []) {
    if (word.length < misspeltCueMinLength || !/^\p{L}+$/u.test(word)) continue;
    for (const form of [word, ...deletions(word)]) {
      const known = cueWordByDeletion.get(form);
      // Two cue words a letter from the same form ("denies", "denied"): the form is ambiguous.
      cueWordByDeletion.set(form, known === undefined || known === word ? word : null);
    }
  }
}
const cueWords = new Set([...cueWordByDeletion.values()].filter((w): w is string => w !== null));

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Tokens already read by asCueWord (a note repeats its words; cleared when it grows large). */
const readTokens = new Map<string, string>();

/** The cue word a misspelt token stands for, or the token itself. */
function asCueWord(lower: string): string {
  if (lower.length < misspeltCueMinLength - 1 || cueWords.has(lower)) return lower;
  const known = readTokens.get(lower);
  if (known !== undefined) return known;
  if (readTokens.size > 50_000) readTokens.clear();
  const read = readToken(lower);
  readTokens.set(lower, read);
  return read;
}

function readToken(lower: string): string {
  let found: string | undefined;
  for (const form of [lower, ...deletions(lower)]) {
    const word = cueWordByDeletion.get(form);
    if (word === undefined) continue;
    if (word === null || (found !== undefined && found !== word)) return lower;
    found = word;
  }
  // One deletion on either side: the cue word is at most one letter longer or shorter.
  return found === undefined || isEnglishWord(lower) ? lower : found;
}

/** Longest post-trigger reach back over a list ("Fever, chills, night sweats: denied"), in characters. */
const postReach = 40;

/**
 * What may stand between a mention and a trigger read backward from it: a colon or dash and a copula
 * ("Fever: denied", "PE was ruled out", "Pneumonia has been ruled out", "COVID-19 is positive").
 */
const adjacentGap =
  /^\s*(?:[:-]\s*)?(?:(?:is|was|were|are|been|has been|have been|had been)\s+)?$/i;

/**
 * A stop cue directly followed by its medicine: only whitespace and at most a determiner and "home"
 * between ("AKI held metformin", "AKI: stopped the metformin", "AKI: held home metformin", "held her
 * home lisinopril"; not "Pain stopped with morphine").
 */
const directlyFollowed = /^\s+(?:(?:the|his|her|their)\s+)?(?:home\s+)?$/i;

/** adjacentGap after one dosage-form word, for a medicine's stop or hold ("Heparin drip stopped"). */
const adjacentFormGap =
  /^\s+(?:drip|gtts?|infusion|tablets?|tabs?|patch)\s*(?:[:-]\s*)?(?:(?:is|was|were|are|been|has been|have been|had been)\s+)?$/i;

/**
 * A medicine continued: "continued" or "continue" right after it, past its dose, route and
 * frequency (text/medicine-list.ts afterDose), ends a stop's or hold's reading ("metoprolol 25 mg
 * daily was continued", "clopidogrel 75 mg daily will continue").
 */
const continuedAfter =
  /^(?:(?:is|was|were|are|to be|will be|will)\s+)?(?:continued|continue|continues|continuing)\b/i;

/** What may stand between an adjoining trigger and its mention ("off warfarin", "off of his warfarin"). */
const adjoiningGap = /^\s+(?:of\s+)?(?:(?:his|her|their|the)\s+)?$/i;

/**
 * `gap` (a trigger's end to a mention, mentions left out) ends in a comma or semicolon after a list
 * that has closed with "and", "or" or "nor" ("no nausea or vomiting, "); not a list still open ("no
 * murmurs, rubs, ", "no rash, lesions or "), nor a single item ("no edema, ": "Extremities: no
 * edema, cyanosis noted" lists two denied findings; asserting a denied finding is the worse error).
 */
function opensNewItem(gap: string): boolean {
  const head = /^(.*)[,;]\s*$/s.exec(gap)?.[1];
  if (head === undefined) return false;
  return /\b(?:and|or|nor)\b/i.test(head);
}

/** What separates the mentions of a list: commas, semicolons, colons, slashes, "and", "or". */
const listSeparators = /^(?:[\s,;:/&]|\b(?:and|or|any|no)\b)*$/i;

/** Assertion of each span, reusing sentence and trigger scans across the spans of one text. */
export class AssertionClassifier {
  private readonly cueCache = new Map<number, CueMatch[]>();

  /**
   * `mentions`: every mention span of the text, sorted by start; a scope runs on across a semicolon
   * only through a list of mentions ("Call if chest pain; fever"), not into a new clause. A mention's
   * `type`, when given, tells whether a medicine's stop cue after it reads backward ("Metformin:
   * held") or forward ("AKI: held metformin").
   * `noteYear`: the year the note was written; a year before it dates a past event ("NSTEMI in
   * 2019"). When unknown, the current year, which no note's year can exceed.
   */
  constructor(
    private readonly text: string,
    private readonly sections: readonly Section[] = [],
    private readonly mentions: readonly { start: number; end: number; type?: EntityType }[] = [],
    private readonly noteYear: number = new Date().getUTCFullYear(),
  ) {}

  /** The assertion of the mention at [start, end). */
  classify(start: number, end: number, facts: MentionFacts = {}): Assertion {
    return this.explain(start, end, facts).assertion;
  }

  /** The assertion and the trigger (or section) that decided it, for review and debugging. */
  explain(
    start: number,
    end: number,
    facts: MentionFacts = {},
  ): { assertion: Assertion; by: string } {
    // Body structures are located, not asserted ("no edema of the legs" negates the oedema).
    if (facts.type === 'Anatomy') return { assertion: 'present', by: 'anatomy' };
    const section = sectionAt(this.sections, start);
    const sentence = this.sentenceAround(start, end, section?.bodyStart ?? 0);
    const matches = this.cuesIn(sentence[0], sentence[1]);
    if (this.dashNegated(start)) return { assertion: 'negated', by: '-' };
    const found = applicable(matches, start, end, {
      adjacent: (a, b) => adjacentGap.test(this.text.slice(a, b)),
      adjacentForm: (a, b) => adjacentFormGap.test(this.text.slice(a, b)),
      sameItem: (a, b) => !/[,;]/.test(this.text.slice(a, b)),
      inMedicineList: (from, target) =>
        this.medicineListAfter(from).some((m) => m.start === target),
      adjoins: (a, b) => adjoiningGap.test(this.text.slice(a, b)),
      opensNewItem: (a, b) => opensNewItem(this.withoutMentions(a, b)),
      resultBetween: (a, b) => resultVerb.test(this.text.slice(a, b)),
      resumedAfter: (at) => resumedAfter.test(this.text.slice(at, sentence[1])),
      mentionJustBefore: (at, types, triggerEnd, target) =>
        this.mentionJustBefore(at, types, triggerEnd, target),
      crossesClause: (a, b) => this.crossesClause(a, b),
      mentionBetween: (a, b) => this.mentionBetween(a, b),
      onlyMentionsBetween: (a, b) => this.onlyMentionsBetween(a, b),
      listBreak: (a, b) => listBreak.test(this.text.slice(a, b)),
      afterListBreak: (at) => afterListBreak.test(this.text.slice(Math.max(0, at - 12), at)),
      type: facts.type,
    });
    const by = (c: string) => found.get(c as CueCategory)?.phrase ?? c;
    // A drug named in an uncertain attribution ("X-induced cough suspected") was still taken; an
    // allergen's doubt is its allergy's ("Possible allergy to amoxicillin").
    if (facts.type === 'Chemical' && !facts.allergen) found.delete('possible');
    // A drug dated by the day it was started is still taken ("started metformin in 2015").
    if (
      facts.type === 'Chemical' &&
      found.get('historical')?.phrase.includes(pastYearSlot) &&
      startVerb.test(this.text.slice(sentence[0], start))
    )
      found.delete('historical');
    // "Heparin drip stopped, warfarin continued": the continued medicine is taken.
    if (facts.type === 'Chemical' && this.continued(end, sentence[1])) found.delete('historical');
    const near = closest(found);
    if (near === 'negated') return { assertion: 'negated', by: by('negated') };
    const familySection =
      section?.kind === 'family-history' && !this.patientSubjectBefore(section.bodyStart, start);
    if (found.has('family') || familySection)
      return found.has('negated')
        ? { assertion: 'negated', by: by('negated') }
        : { assertion: 'family', by: found.has('family') ? by('family') : 'section' };
    if (near === 'historical' && facts.chronic) return { assertion: 'present', by: 'chronic' };
    if (near) return { assertion: near, by: by(near) };
    return { assertion: sectionDefault(section?.kind), by: `section ${section?.kind ?? 'none'}` };
  }

  /**
   * True when the patient is the subject ("the patient has", "pt has") after the last relative named
   * in [from, to): a family-history section's default no longer holds ("Family History:
   * noncontributory. The patient has diabetes."). "he has" and "she has" may be the relative's.
   */
  private patientSubjectBefore(from: number, to: number): boolean {
    let patient = false;
    for (const m of scanCues(this.text.slice(from, to), from, this.noteYear)) {
      if (m.cues.some((c) => c.category === 'family')) patient = false;
      else if (m.cues.some((c) => c.category === 'stop' && patientSubject.test(c.phrase)))
        patient = true;
    }
    return patient;
  }

  /**
   * True when a mention ends just before `at`, after nothing but a colon or a copula. With `types`, a
   * mention of another known type counts only when the trigger ending at `triggerEnd` is not
   * directly followed by the mention starting at `target` (directlyFollowed): "AKI held metformin"
   * and "AKI: held metformin" (the problem is why) do not stop the forward reading, but
   * "Palpitations stopped on metoprolol" (the symptom is what stopped) does. A medicine of the
   * closed list that directly follows the trigger counts as directly following it ("AKI held
   * lisinopril and metformin").
   */
  private mentionJustBefore(
    at: number,
    types?: readonly EntityType[],
    triggerEnd?: number,
    target?: number,
  ): boolean {
    const direct =
      triggerEnd !== undefined &&
      target !== undefined &&
      target >= triggerEnd &&
      (directlyFollowed.test(this.text.slice(triggerEnd, target)) ||
        this.directMedicineList(triggerEnd, target));
    for (const m of this.mentions) {
      if (m.start >= at) break;
      if (m.end > at || at - m.end > 20) continue;
      if (!adjacentGap.test(this.text.slice(m.end, at))) continue;
      if (types && m.type !== undefined && !types.includes(m.type) && direct) continue;
      return true;
    }
    return false;
  }

  /**
   * True when the medicine ending at `end` is said to be continued (continuedAfter), past its dose,
   * route and frequency ("Heparin drip stopped, warfarin 5 mg daily continued"), and "continued" is
   * not the verb of a medicine right after it ("Stopped lisinopril 10 mg daily continued
   * metoprolol" continues the metoprolol only).
   */
  private continued(end: number, sentenceEnd: number): boolean {
    const rest = afterDose(this.text.slice(end, sentenceEnd));
    const verb = continuedAfter.exec(rest);
    if (!verb) return false;
    const after = sentenceEnd - rest.length + verb[0].length;
    const next = this.mentions.find((m) => m.start >= after);
    return !(
      next?.type === 'Chemical' && directlyFollowed.test(this.text.slice(after, next.start))
    );
  }

  /**
   * The medicines a stop cue ending at `from` reads forward (Cue.medicineList): the first mention
   * after it, when it is a medicine with no comma or semicolon before it, and with it every medicine
   * of a closed list it opens (text/medicine-list.ts); the first alone when no list closes. Empty
   * when the first mention is no medicine.
   */
  private medicineListAfter(from: number): { start: number; end: number }[] {
    let i = 0;
    while (i < this.mentions.length && this.mentions[i]!.start < from) i++;
    const first = this.mentions[i];
    if (!first || /[,;]/.test(this.text.slice(from, first.start))) return [];
    return closedMedicineList(this.text, this.mentions, i, (m) => m.type === 'Chemical');
  }

  /** True when `target` is in the closed medicine list right after a trigger ending at `from`. */
  private directMedicineList(from: number, target: number): boolean {
    const list = this.medicineListAfter(from);
    return (
      list.length > 1 &&
      list.some((m) => m.start === target) &&
      directlyFollowed.test(this.text.slice(from, list[0]!.start))
    );
  }

  private mentionBetween(from: number, to: number): boolean {
    return this.mentions.some((m) => m.start >= from && m.end <= to);
  }

  /** True when [from, to) holds a semicolon that is not just a separator between mentions. */
  private crossesClause(from: number, to: number): boolean {
    const gap = this.text.slice(from, to);
    if (!gap.includes(';')) return false;
    return !listSeparators.test(this.withoutMentions(from, to));
  }

  private onlyMentionsBetween(from: number, to: number): boolean {
    return listSeparators.test(this.withoutMentions(from, to));
  }

  /** The text of [from, to) with the mentions in it left out. */
  private withoutMentions(from: number, to: number): string {
    let rest = '';
    let at = from;
    for (const m of this.mentions) {
      if (m.end <= from || m.start >= to) continue;
      rest += this.text.slice(at, Math.max(at, m.start));
      at = Math.max(at, m.end);
    }
    rest += this.text.slice(at, to);
    return rest;
  }

  /** ROS shorthand "-dizziness, -chest pain": a hyphen glued to the mention after a list start. */
  private dashNegated(start: number): boolean {
    if (start < 1 || this.text[start - 1] !== '-') return false;
    const before = start >= 2 ? this.text[start - 2]! : '\n';
    return /[\s,;:(]/.test(before);
  }

  private sentenceAround(start: number, end: number, floor: number): [number, number] {
    let s = start;
    while (s > floor && !isSentenceEnd(this.text, s - 1)) s--;
    let e = end;
    while (e < this.text.length && !isSentenceEnd(this.text, e)) e++;
    if (e < this.text.length && !isLineBreak(this.text[e])) e++; // keep the closing . ! ? (post-trigger "?")
    return [s, e];
  }

  private cuesIn(from: number, to: number): CueMatch[] {
    const cached = this.cueCache.get(from);
    if (cached) return cached;
    const found = scanCues(this.text.slice(from, to), from, this.noteYear);
    if (this.cueCache.size > 5000) this.cueCache.clear();
    this.cueCache.set(from, found);
    return found;
  }
}

/**
 * Leftmost-longest trigger phrases in the sentence `slice` (offsets shifted by `offset`), by a token
 * trie walk; a year before `noteYear` matches the past-year slot of a phrase.
 */
function scanCues(slice: string, offset: number, noteYear: number): CueMatch[] {
  const tokens: { start: number; end: number; key: string }[] = [];
  cueToken.lastIndex = 0;
  for (let m = cueToken.exec(slice); m !== null; m = cueToken.exec(slice)) {
    const past = m[0].length === 4 && year.test(m[0]) && Number(m[0]) < noteYear;
    tokens.push({
      start: m.index,
      end: m.index + m[0].length,
      key: past ? pastYearKey : asCueWord(m[0].toLowerCase()),
    });
  }
  const found: CueMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const walk = trieWalk(
      cueTrie,
      i,
      tokens.length,
      (k) => tokens[k]!.key,
      () => true,
    );
    const longest = walk[walk.length - 1];
    if (!longest) {
      i++;
      continue;
    }
    const start = tokens[i]!.start;
    const end = tokens[longest.lastToken]!.end;
    // Opening-only pre readings count where no word precedes the trigger in its sentence.
    const phrase = longest.hits[0]!;
    const closed = readingsNotOpening.get(phrase);
    const readings =
      closed && /\p{L}/u.test(slice.slice(0, start)) ? closed : cueByPhrase.get(phrase)!;
    found.push({
      start: offset + start,
      end: offset + end,
      cues: readings,
      final: /^[\s.,;:!-]*$/.test(slice.slice(end)),
    });
    i = longest.lastToken + 1;
  }
  return found;
}

/** The patient as the subject of a sentence of having (cues.ts: the stops ending a relative's scope). */
const patientSubject = /^(?:the )?(?:patient|pt) has$/;

/** A result reported: the test a "repeat" or "order" names was done ("Repeat echo showed ..."). */
const resultVerb =
  /\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|noted|confirmed|found|was|were)\b/i;

/**
 * "... and resumed", "... then restarted", "held on admission, restarted at discharge", "was held;
 * restarted today": later in the sentence, a held medicine taken again.
 */
const resumedAfter =
  /^[^.]*?(?:[,;]\s*|\b(?:and|then|but)\s+)(?:was\s+|were\s+|later\s+|since\s+|has been\s+)?(?:resumed|restarted|reinstated|re-started)\b/i;

/** A verb that dates the start of a treatment, before the drug in its sentence. */
const startVerb =
  /\b(?:started|starting|began|begun|initiated|commenced|restarted|resumed|switched to|changed to)\b/i;

type Found = Map<CueCategory, { distance: number; phrase: string }>;

interface ScopeChecks {
  /** Nothing but a colon, a dash or a copula in [from, to) (see adjacentGap). */
  adjacent: (from: number, to: number) => boolean;
  /** As adjacent, after one dosage-form word ("drip", "infusion"; see adjacentFormGap). */
  adjacentForm: (from: number, to: number) => boolean;
  /** No comma or semicolon in [from, to). */
  sameItem: (from: number, to: number) => boolean;
  /** The mention at `target` is in the medicine list a stop cue ending at `from` reads. */
  inMedicineList: (from: number, target: number) => boolean;
  /** A past-tense result verb in [from, to) ("showed", "revealed", "was"). */
  resultBetween: (from: number, to: number) => boolean;
  /** The clause from `at` says the medicine was taken again ("held ... and resumed"). */
  resumedAfter: (at: number) => boolean;
  /** [from, to), a trigger's end to a mention, closes a list and starts a new item (opensNewItem). */
  opensNewItem: (from: number, to: number) => boolean;
  /** Nothing but a space, "of" or a possessive in [from, to) (see adjoiningGap). */
  adjoins: (from: number, to: number) => boolean;
  /**
   * A mention (of `types`, when given) ends just before `at` (see adjacentGap); with `types`, a
   * mention of another type not when the trigger ending at `triggerEnd` directly precedes `target`.
   */
  mentionJustBefore: (
    at: number,
    types?: readonly EntityType[],
    triggerEnd?: number,
    target?: number,
  ) => boolean;
  crossesClause: (from: number, to: number) => boolean;
  mentionBetween: (from: number, to: number) => boolean;
  /** Nothing but mentions and list separators in [from, to). */
  onlyMentionsBetween: (from: number, to: number) => boolean;
  /** A comma, a semicolon or "but" in [from, to): a new item or clause. */
  listBreak: (from: number, to: number) => boolean;
  /** `at` starts a new item or clause (a comma, semicolon, "but" or "and" just before it). */
  afterListBreak: (at: number) => boolean;
  type: EntityType | undefined;
}

/**
 * A positive result ends a negation only as an item of its own ("Negative for influenza, COVID-19
 * positive"; "..., positive for COVID-19"), never inside the negated phrase ("not HIV positive",
 * "never tested positive for COVID-19", "no sick contacts or positive COVID-19 exposures").
 */
const listBreak = /[,;]|\bbut\b/i;
const afterListBreak = /(?:[,;]|\bbut|\band)\s*$/i;

/** Categories of the triggers whose scope covers [start, end), with their distance to the mention. */
function applicable(
  matches: readonly CueMatch[],
  start: number,
  end: number,
  checks: ScopeChecks,
): Found {
  const found: Found = new Map();
  const note = (m: CueMatch, category: CueCategory, distance: number) => {
    if (distance < (found.get(category)?.distance ?? Infinity))
      found.set(category, { distance, phrase: m.cues[0]!.phrase });
  };
  const { crossesClause } = checks;
  // "COVID-19 positive": a mention a positive result affirms is in no negation's or doubt's scope.
  const affirming = matches
    .filter((m) => m.start >= end && checks.adjacent(end, m.start))
    .flatMap((m) => m.cues.filter((c) => c.affirms));
  // "No nausea or vomiting, diarrhea present": affirmed when the trigger's list closed before the
  // mention (Cue.newItemOnly).
  const affirms = (category: CueCategory, trigger: CueMatch) =>
    affirming.some(
      (c) =>
        (c.ends ?? []).includes(category) &&
        (!c.newItemOnly || checks.opensNewItem(trigger.end, start)),
    );
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (m.start < start && (m.end <= start || m.end < end)) {
      const pre = m.cues.find((c) => c.direction === 'pre');
      if (!pre || pre.category === 'pseudo' || pre.category === 'stop') continue;
      if (affirms(pre.category, m) && checks.listBreak(m.end, start)) continue;
      if (m.final && m.cues.some((c) => c.direction === 'post')) continue;
      // "PE ruled out by CT": the trigger reads backward from the mention before it, not forward.
      // Only from a mention its backward reading applies to: "Metformin: held" reads backward, but
      // "AKI held metformin" and "AKI: held metformin" forward (a stop cue dates a medicine, never
      // the problem before it) when the medicine directly follows the cue; "Palpitations stopped
      // on metoprolol" stays backward (the symptom stopped, the metoprolol is taken).
      const back = m.cues.find((c) => c.direction === 'post' && c.afterMention);
      if (back && checks.mentionJustBefore(m.start, back.types, m.end, start)) continue;
      if (
        stoppedBetween(matches, k + 1, start, 'after', pre.category, checks) ||
        crossesClause(m.end, start)
      )
        continue;
      if (
        pre.nextOnly &&
        (!pre.nextOnly.includes(checks.type!) || checks.mentionBetween(m.end, start))
      )
        continue;
      // "Held lisinopril and metoprolol": every medicine of a closed list after the cue.
      const listed = pre.medicineList === true && checks.inMedicineList(m.end, start);
      if (pre.nearestOnly && !listed && checks.mentionBetween(m.end, start)) continue;
      if (pre.sameItem && !listed && !checks.sameItem(m.end, start)) continue;
      if (pre.types && !pre.types.includes(checks.type!)) continue;
      if (pre.adjoining && !checks.adjoins(m.end, start)) continue;
      if (pre.unlessResult && checks.resultBetween(m.end, start)) continue;
      if (pre.types && checks.resumedAfter(end)) continue;
      note(m, pre.category, Math.max(0, start - m.end));
    } else if (m.start >= end) {
      const post = m.cues.find((c) => c.direction === 'post');
      if (!post || post.category === 'pseudo' || post.category === 'stop') continue;
      // A trigger with a pre reading too reads backward at the end of its sentence, or, for
      // "denied" and "ruled out", from a mention (or a list of them) just before it.
      const backward =
        m.final ||
        !m.cues.some((c) => c.direction === 'pre') ||
        (post.afterMention === true &&
          (checks.adjacent(end, m.start) ||
            (post.types !== undefined && checks.adjacentForm(end, m.start)) ||
            (checks.onlyMentionsBetween(end, m.start) && checks.mentionJustBefore(m.start))));
      if (!backward) continue;
      // Past the reach only through a list of mentions up to a sentence-final trigger ("Coughing,
      // wheezing, blood in stool, leg swelling, and rash: denied.").
      const reaches =
        m.start - end <= postReach || (m.final && checks.onlyMentionsBetween(end, m.start));
      if (!reaches || stoppedBetween(matches, k - 1, end, 'before', post.category, checks))
        continue;
      if (crossesClause(end, m.start)) continue;
      if (post.nearestOnly && checks.mentionBetween(end, m.start)) continue;
      if (post.types && !post.types.includes(checks.type!)) continue;
      // "Home ASA was held on admission and resumed": taken again.
      if (post.types && checks.resumedAfter(m.end)) continue;
      note(m, post.category, m.start - end);
    }
  }
  return found;
}

/** True when a termination term of `category`'s scope sits between trigger k and the mention. */
function stoppedBetween(
  matches: readonly CueMatch[],
  from: number,
  limit: number,
  side: 'after' | 'before',
  category: CueCategory,
  checks: Pick<ScopeChecks, 'afterListBreak'>,
): boolean {
  const stops = (m: CueMatch) =>
    m.cues.some(
      (c) =>
        c.category === 'stop' &&
        (!c.ends || c.ends.includes(category)) &&
        (!c.affirms || checks.afterListBreak(m.start)),
    );
  if (side === 'after') {
    for (let k = from; k < matches.length && matches[k]!.end <= limit; k++)
      if (stops(matches[k]!)) return true;
    return false;
  }
  for (let k = from; k >= 0 && matches[k]!.start >= limit; k--) if (stops(matches[k]!)) return true;
  return false;
}

function closest(found: Found): Assertion | undefined {
  let best: Assertion | undefined;
  let distance = Infinity;
  for (const category of ['negated', 'possible', 'hypothetical', 'historical'] as const) {
    const d = found.get(category)?.distance;
    if (d !== undefined && d < distance) [best, distance] = [category, d];
  }
  return best;
}

function sectionDefault(section: SectionKind | undefined): Assertion {
  if (section === 'allergies' || section === 'past-surgical-history') return 'historical';
  return 'present';
}
