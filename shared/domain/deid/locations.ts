// Domain (deid): places smaller than a state (HIPAA Safe Harbor (B)): hospitals and care homes
// ("Calvert Hospital", "Holy Cross", "St. Agnes", "to GH"), wards named after people or places
// ("transferred to Quartermain 2"), cities (a curated table, or after "lives in", "from"), universities.
import type { Candidate } from './model';
import { tokenAt, type NoteCase, type Token } from './tokens';
import { commonWords, eponyms, relationWords, titles } from './lexicon/common-words';
import { givenNames } from './lexicon/given-names';
import { acronymStop, doseVerb, findCuedPlaces } from './place-cues';
import {
  ambiguousCities,
  cityNames,
  facilityWords,
  hospitalNameHeads,
  stateCodes,
  stateNames,
} from './lexicon/places';

/** Facility words that stay outside the span: the replacement keeps "X Hospital" readable. */
const genericFacility = new Set(
  'hospital hospitals hosp hosp. hospiatal clinic clinics rehab rehabilitation nursing hospice house campus center centre healthcare health school church assisted'.split(
    ' ',
  ),
);
/** Words that qualify a facility without naming it ("cardiac rehab", "outside hospital"). */
// prettier-ignore
const facilityQualifiers = new Set(`cardiac pulmonary physical occupational speech acute subacute inpatient outpatient
state county community city children childrens veterans va teaching outside other previous local nearest this that
same own his her their another rehab nursing general medical memorial regional private public psychiatric psych mental
day long-term longterm term skilled care home a an the of to at from in by for with our my your its surgical trauma
cancer heart eye dental kidney dialysis urgent emergency primary specialty family women womens`.split(/\s+/));
const movement =
  /\b(?:to|from|at|@|into|in|the|via|by|of)\s+(?:the\s+)?([A-Za-z]{0,4}(?:h|H|MC|mc|HC|hc|VAMC))\b/gi;
const wardWithNumber =
  /\b(?:to|from|on|per|at)\s+(?:the\s+)?([A-Za-z][a-z]{3,}|[A-Z]{4,})(?:\s+-?\s*|-)?\d{1,2}(?![\d/:%]|\.\d)(?!\s*(?:mg|mcg|l\b|lpm|lit|units?|u\b|cc|ml|hrs?|am|pm|min|days?|x\b|times|breaths|bpm|%|mm|cm|kg|lbs?|degrees|\/))/gi;
const placeCue =
  /\b(?:employed by|works (?:full-time |part-time )?(?:at|for)|job at|employer:?|lives?|living|resides?|residing|lived|moved|relocated|born|raised|native|visiting|flying|fly|flew|drove|driving|coming|came|home|returns?|returned|returning|works?|working|worked|employed|retired|called|calling|daughter|son|sister|brother|family)\s+(?:in|at|from|to|for|of|near|with)\s+(?:the\s+)?/gi;
/** "University of Maryland", "U of MD", "U Penn"; "F/U IN" and "7 U" (units) are not (no slash, one line). */
const university =
  /\b(?:university|univ\.?)\s+of\s+[A-Za-z]+|(?<![/\w])(?:U|UOf)(?:[ \t]+of|[ \t]+OF)?[ \t]+[A-Z][A-Za-z]+/gi;
/** "St. Agnes", "Saint Mary's", "ST. MARY", "Mt. Sinai": a saint's or mount's name after the abbreviation. */
const saint =
  /\b(?:St\.|ST\.|st\.|Saint|SAINT|saint|Mt\.|MT\.|Mount|MOUNT)\s+([A-Za-z]+(?:'s)?)\b/g;

/** Cities by their first word, each as its words, longest first. */
const citiesByFirstWord = new Map<string, string[][]>();
for (const city of new Set(cityNames)) {
  const parts = city.split(/\s+/);
  const list = citiesByFirstWord.get(parts[0]!) ?? [];
  list.push(parts);
  list.sort((a, b) => b.length - a.length);
  citiesByFirstWord.set(parts[0]!, list);
}

export class LocationFinder {
  private readonly found: Candidate[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly mode: NoteCase,
  ) {}

  find(): Candidate[] {
    this.facilities();
    this.patterns();
    this.cities();
    this.cued();
    this.towns();
    this.found.push(...findCuedPlaces(this.text, this.tokens, this.mode));
    return this.found;
  }

  private add(start: number, end: number): void {
    if (end > start)
      this.found.push({ start, end, category: 'LOCATION', text: this.text.slice(start, end) });
  }

  /** A word that can be part of a place's name here. */
  private placeWord(t: Token): boolean {
    if (commonWords.has(t.lower) || titles.has(t.lower) || relationWords.has(t.lower)) return false;
    if (facilityQualifiers.has(t.lower) || eponyms.has(t.lower) || t.letter || t.glued)
      return false;
    if (/(?:ed|ing)$/.test(t.lower)) return false;
    return this.mode !== 'mixed' || t.capitalised || t.upper;
  }

  /** "Calvert Hospital", "Laurel Regional", "Keeley House", "Harford Memorial Hospital". */
  private facilities(): void {
    this.tokens.forEach((t, i) => {
      if (!facilityWords.has(t.lower)) return;
      if (this.mode === 'mixed' && !(t.capitalised || t.upper) && !genericFacility.has(t.lower))
        return;
      let k = i;
      while (k - 1 >= 0 && k - 1 >= i - 3) {
        const w = this.tokens[k - 1]!;
        if (!/^[ -]$|^\s?-\s?$/.test(this.text.slice(w.end, this.tokens[k]!.start))) break;
        if (!this.placeWord(w) && !(stateNames.has(w.lower) && k - 1 < i)) break;
        k--;
      }
      if (k === i) {
        this.namedByFacilityWord(i);
        return;
      }
      const lead = this.text.slice(Math.max(0, this.tokens[k]!.start - 12), this.tokens[k]!.start);
      const heading = this.mode === 'mixed' && t.capitalised && /(?:^|\n)[ \t]*$/.test(lead);
      if (!heading && !/\b(?:to|from|at|in|on|by|of|the|into|via|and|or)\s+$|[@(]\s*$/i.test(lead))
        return;
      const end = genericFacility.has(t.lower) ? this.tokens[i - 1]!.end : t.end;
      this.add(this.tokens[k]!.start, end);
    });
  }

  /** "from Memorial Hospital", "in General Hospital": a naming facility word before a generic one. */
  private namedByFacilityWord(i: number): void {
    const w = this.tokens[i - 1];
    if (
      !w ||
      !/^(?:memorial|regional|general|university|adventist|methodist|baptist)$/.test(w.lower)
    )
      return;
    if (this.text.slice(w.end, this.tokens[i]!.start) !== ' ') return;
    const lead = this.text.slice(Math.max(0, w.start - 10), w.start);
    if (/\b(?:to|from|at|in|on|by|the)\s+$/i.test(lead)) this.add(w.start, w.end);
  }

  private patterns(): void {
    const lower = this.text.toLowerCase();
    for (const head of hospitalNameHeads) {
      for (let at = lower.indexOf(head); at >= 0; at = lower.indexOf(head, at + 1)) {
        const before = lower[at - 1];
        const after = lower[at + head.length];
        if ((before && /\w/.test(before)) || (after && /\w/.test(after))) continue;
        if (head.split(' ').length === 1 && this.mode === 'mixed' && !/[A-Z]/.test(this.text[at]!))
          continue;
        if (head.split(' ').length === 1 && !this.nearFacility(at + head.length)) continue;
        const named = /^\s+(?:memorial|regional|general|medical center)\b/i.exec(
          this.text.slice(at + head.length, at + head.length + 20),
        );
        this.add(at, at + head.length + (named ? named[0].length : 0));
      }
    }
    for (const m of this.text.matchAll(university)) {
      const last = m[0].split(/\s+/).pop()!.toLowerCase();
      const state = stateNames.has(last) || stateCodes.has(last.toUpperCase());
      const bare = /^u/i.test(m[0]) && !/^univ/i.test(m[0]) && !/\bof\b/i.test(m[0]);
      if (/^u/i.test(m[0]) && !/^univ/i.test(m[0]) && !state) continue;
      if (bare && commonWords.has(last)) continue; // "U IN", "U OR": a unit and a word, not a state
      this.add(m.index, m.index + m[0].length);
    }
    for (const m of this.text.matchAll(saint)) {
      const word = m[1]!.replace(/'s$/i, '').toLowerCase();
      if (commonWords.has(word) || !(givenNames.has(word) || /^[A-Z][a-z]/.test(m[1]!))) continue;
      this.add(m.index, m.index + m[0].length);
    }
    for (const m of this.text.matchAll(movement)) {
      const word = m[1]!;
      if (acronymStop.has(word.toLowerCase()) || word.length < 2) continue;
      if (commonWords.has(word.toLowerCase()) || !/^[^aeiou]+$|mc$|hc$/i.test(word)) continue;
      if (word !== word.toUpperCase() && this.mode !== 'lower') continue;
      const start = m.index + m[0].length - word.length;
      this.add(start, start + word.length);
    }
    for (const m of this.text.matchAll(wardWithNumber)) {
      const word = m[1]!;
      const lowerWord = word.toLowerCase();
      if (commonWords.has(lowerWord) || facilityQualifiers.has(lowerWord) || eponyms.has(lowerWord))
        continue;
      if (this.mode === 'mixed' && !/^[A-Z]/.test(word)) continue;
      const lead = this.text.slice(Math.max(0, m.index - 25), m.index);
      if (doseVerb.test(lead)) continue; // "started on Nimbex 10": a drug and its rate
      if (
        this.mode !== 'mixed' &&
        !/transf|admit|adm\b|sent|go\b|going|back|return|called|came|arriv|moved/i.test(lead + m[0])
      )
        continue;
      const start = m.index + m[0].indexOf(word, m[0].length - word.length - 6);
      this.add(start, start + word.length);
    }
  }

  private nearFacility(from: number): boolean {
    return /^\s+(?:hospital|hosp|medical|health|clinic|center|campus|rehab)/i.test(
      this.text.slice(from, from + 20),
    );
  }

  /** Cities of the curated table; ambiguous ones only after a place cue. */
  private cities(): void {
    this.tokens.forEach((t, i) => {
      const bare = t.lower.replace(/\.$/, '');
      for (const parts of citiesByFirstWord.get(t.lower) ??
        citiesByFirstWord.get(`${bare}.`) ??
        []) {
        const words = this.tokens.slice(i, i + parts.length);
        if (words.length < parts.length) continue;
        if (!parts.every((p, k) => p.replace(/\.$/, '') === words[k]!.lower)) continue;
        const city = parts.join(' ');
        const ambiguous = ambiguousCities.has(city);
        if (ambiguous && this.mode === 'mixed' && !t.capitalised && !t.upper) continue;
        if (ambiguous && !this.afterPlaceCue(t.start)) continue;
        this.add(t.start, words[words.length - 1]!.end);
        return;
      }
    });
  }

  /** "in Germantown", "from Pikesville": a town-shaped proper word after a place preposition. */
  private towns(): void {
    this.tokens.forEach((t, i) => {
      if (i === 0 || !this.placeWord(t) || !this.cityish(t) || t.lower.length < 6) return;
      if (!/^(?:in|from|near|to)$/.test(this.tokens[i - 1]!.lower)) return;
      if (this.text.slice(this.tokens[i - 1]!.end, t.start) !== ' ') return;
      this.add(t.start, t.end);
    });
  }

  private afterPlaceCue(at: number): boolean {
    return /\b(?:in|from|near|lives|visiting)\s+(?:the\s+)?$/i.test(
      this.text.slice(Math.max(0, at - 20), at),
    );
  }

  /** "lives in Catonsville", "son from Pikesville", "works at Harford Memorial": proper words after a cue. */
  private cued(): void {
    for (const m of this.text.matchAll(placeCue)) {
      const from = m.index + m[0].length;
      const first = tokenAt(this.tokens, from);
      if (first < 0 || this.tokens[first]!.start !== from) continue;
      let k = first;
      while (k < this.tokens.length && k < first + 3) {
        const t = this.tokens[k]!;
        if (k > first && this.text.slice(this.tokens[k - 1]!.end, t.start) !== ' ') break;
        if (!this.placeWord(t) || (this.mode !== 'mixed' && !this.cityish(t))) break;
        k++;
      }
      if (k > first) this.add(this.tokens[first]!.start, this.tokens[k - 1]!.end);
    }
  }

  /** In a note without case cues, only a word that reads like a town ("-ville", "-town", "-burg"). */
  private cityish(t: Token): boolean {
    return /(?:ville|town|burg|burgh|boro|borough|ford|field|ton|wood|land|dale|port|mouth|haven|view)$/.test(
      t.lower,
    );
  }
}

/** LOCATION findings of a note of casing `mode`. */
export function findLocations(text: string, tokens: Token[], mode: NoteCase): Candidate[] {
  return new LocationFinder(text, tokens, mode).find();
}
