// Domain (synth/notes): realistic surface noise (typos, abbreviations) applied to note text before
// offsets are recorded, at documented rates, so the annotations always describe the perturbed text.
import type { Rng } from '../rng';

/** Per-note perturbation rates. */
export interface NoiseRates {
  /** Probability that one eligible word (see `TypoStream`) gets one typo. */
  typoRate: number;
  /** Probability that one abbreviation site (a term with a full and an abbreviated form) is abbreviated. */
  abbreviationRate: number;
}

/**
 * The documented rates. Typos: 1.5% of eligible words (alphabetic runs of >= 4 letters with at least
 * one lowercase letter, outside PHI), in line with the 1-3% misspelling rates reported for clinical
 * free text (Lai et al., JAMIA 2015, "Automated misspelling detection and correction in clinical
 * free-text records"). Abbreviations: 15% of abbreviation sites, where a site is a concept mention or
 * a literal word that the phrase bank marks with both a full and a short form ("hypertension"/"HTN",
 * "patient"/"pt"). Phrasings whose style is abbreviated by construction ("BP 132/84", "PO BID") are
 * not sites: they are separate templates, chosen for variety, not noise.
 */
export const documentedRates: NoiseRates = { typoRate: 0.015, abbreviationRate: 0.15 };

/** Typo kinds and their shares among typos (substitutions by an adjacent key are the most common). */
const typoKinds: readonly (readonly [TypoKind, number])[] = [
  ['neighbour', 0.35],
  ['transposition', 0.25],
  ['dropped', 0.25],
  ['doubled', 0.15],
];

export type TypoKind = 'neighbour' | 'transposition' | 'dropped' | 'doubled';

/** Counters a note reports in `SynthNote.noise`. */
export interface NoiseCounts {
  typos: number;
  typoEligibleWords: number;
  abbreviations: number;
  abbreviationSites: number;
}

export function emptyNoiseCounts(): NoiseCounts {
  return { typos: 0, typoEligibleWords: 0, abbreviations: 0, abbreviationSites: 0 };
}

/** US QWERTY neighbours of each lowercase letter ("letter:neighbours"). */
const qwertyNeighbours = new Map(
  (
    'q:wa w:qeas e:wrsd r:etdf t:ryfg y:tugh u:yihj i:uojk o:ipkl p:ol a:qwsz s:awedxz d:serfcx ' +
    'f:drtgvc g:ftyhbv h:gyujnb j:huikmn k:jiolm l:kop z:asx x:zsdc c:xdfv v:cfgb b:vghn n:bhjm m:njk'
  )
    .split(' ')
    .map((pair) => [pair[0]!, pair.slice(2)] as const),
);

/**
 * One realistic typo in `word` (>= 4 letters): an adjacent-key substitution, a transposition of two
 * different adjacent letters, a dropped letter or a doubled letter. The first letter is kept (people
 * rarely mistype it), and the result always differs from `word` and stays alphabetic.
 */
export function misspell(word: string, rng: Rng): string {
  const kind = rng.weighted(typoKinds);
  const i = rng.int(1, word.length - 2);
  const doubled = () => word.slice(0, i + 1) + word[i] + word.slice(i + 1);
  let typo: string;
  if (kind === 'dropped') typo = word.slice(0, i) + word.slice(i + 1);
  else if (kind === 'doubled') return doubled();
  else if (kind === 'transposition' && word[i] !== word[i + 1])
    typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  else typo = substituteNeighbour(word, i, rng);
  // Never a word that tells who the patient is (until 1.5.0 "Her main concern" of a 16-year-old could
  // become "Her man concern"): a doubled letter instead, which makes no such word. Generator choice.
  return personWords.has(typo.toLowerCase()) ? doubled() : typo;
}

/** Words naming a person's sex or age group, which a typo must not produce from another word. */
const personWords: ReadonlySet<string> = new Set(
  'man men woman women lady ladies gentleman gentlemen male female boy boys girl girls he she him her his hers infant baby toddler child teen adult'.split(
    ' ',
  ),
);

function substituteNeighbour(word: string, i: number, rng: Rng): string {
  const original = word[i]!;
  const lower = original.toLowerCase();
  const options = qwertyNeighbours.get(lower) ?? 'e';
  const replacement = rng.pick(options.split(''));
  const cased = original === lower ? replacement : replacement.toUpperCase();
  return word.slice(0, i) + cased + word.slice(i + 1);
}

/**
 * Applies typos to the eligible words of appended text: runs of >= 4 ASCII letters with at least one
 * lowercase letter (all-capital tokens such as abbreviations and shouted headers are left alone).
 * Each eligible word is misspelled with probability `rate`, independently; the gaps between typos are
 * drawn from the equivalent geometric distribution, so the stream is consulted once per typo rather
 * than once per word, and the scan allocates nothing when no typo falls in the text.
 */
export class TypoStream {
  private untilNext: number;

  constructor(
    private readonly rng: Rng,
    private readonly rate: number,
  ) {
    this.untilNext = this.gap();
  }

  /** Eligible words to pass before the next typo (Infinity at rate 0). */
  private gap(): number {
    if (this.rate <= 0) return Infinity;
    if (this.rate >= 1) return 0;
    return Math.floor(Math.log(1 - this.rng.next()) / Math.log(1 - this.rate));
  }

  perturb(text: string, counts: NoiseCounts): string {
    let out: string | undefined;
    let copied = 0;
    let eligible = 0;
    let untilNext = this.untilNext;
    const length = text.length;
    // ASCII letters are tested inline, not through a helper: this loop reads every character of every
    // note, and a call per character made it about twice as slow.
    let i = 0;
    while (i < length) {
      let c = text.charCodeAt(i);
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
        i++;
        continue;
      }
      const start = i;
      let lower = false;
      do {
        if (c >= 97) lower = true;
        c = ++i < length ? text.charCodeAt(i) : 0;
      } while ((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
      if (i - start < 4 || !lower) continue;
      eligible++;
      if (untilNext > 0) {
        untilNext--;
        continue;
      }
      counts.typos++;
      out = (out ?? '') + text.slice(copied, start) + misspell(text.slice(start, i), this.rng);
      copied = i;
      untilNext = this.gap();
    }
    this.untilNext = untilNext;
    counts.typoEligibleWords += eligible;
    return out === undefined ? text : out + text.slice(copied);
  }
}
