// Domain (nlp/text): word tokens with their offsets, and the normal form the dictionary matches on
// (lower case, US spelling, singular), so "Tumours", "tumor" and "TUMOR" meet at one trie key.

export interface Token {
  /** UTF-16 offsets into the text, `end` exclusive. */
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** The matching key: see `normaliseWord`. */
  key: string;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Split `text` into runs of letters and digits; punctuation and spaces separate tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(text); m !== null; m = wordPattern.exec(text)) {
    tokens.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      key: normaliseWord(m[0]),
    });
  }
  return tokens;
}

const keyCache = new Map<string, string>();

/**
 * The matching key of one word: lower case, British spellings folded to US ones (tumour -> tumor,
 * oedema -> edema, anaemia -> anemia, hyperlipidaemia -> hyperlipidemia, diarrhoea -> diarrhea,
 * leucocyte -> leukocyte, leucaemia -> leukemia; leucine keeps its c) and
 * plurals folded to the singular (arteries -> artery, lesions -> lesion, carcinomas -> carcinoma,
 * arrhythmias -> arrhythmia; the Greek and Latin plurals of `irregularPlurals`; -ss, -us, -is words
 * and the singular -as words of `singularAs` kept).
 */
export function normaliseWord(word: string): string {
  const cached = keyCache.get(word);
  if (cached !== undefined) return cached;
  let w = word.toLowerCase();
  if (/[a-z]/.test(w) && w.length > 3) w = singular(usSpelling(irregularPlurals.get(w) ?? w));
  if (keyCache.size < 200_000) keyCache.set(word, w);
  return w;
}

function usSpelling(w: string): string {
  return w
    .replace(/^oe/, 'e')
    .replace(/^leuc(?=[aeo])/, 'leuk')
    .replace(/sulph/g, 'sulf')
    .replace(/oea/g, 'ea')
    .replace(/^ae/, 'e')
    .replace(/([hmkclnprfdtxs])ae/g, '$1e')
    .replace(/our$/, 'or')
    .replace(/ours$/, 'ors')
    .replace(/yse$/, 'yze')
    .replace(/ise$/, 'ize')
    .replace(/isation/, 'ization');
}

// Words ending in -as that are singular; every other -as word is the plural of an -a noun
// (carcinomas, hernias, arrhythmias, areas).
const singularAs = new Set([
  'pancreas',
  'atlas',
  'alias',
  'bias',
  'canvas',
  'whereas',
  'christmas',
  'pampas',
]);

// Greek and Latin plurals of medical nouns (foci, thrombi, metastases, diagnoses, vertebrae).
const irregularPlurals = new Map([
  ['metastases', 'metastasis'],
  ['thromboses', 'thrombosis'],
  ['stenoses', 'stenosis'],
  ['psychoses', 'psychosis'],
  ['neuroses', 'neurosis'],
  ['fibroses', 'fibrosis'],
  ['necroses', 'necrosis'],
  ['anastomoses', 'anastomosis'],
  ['diagnoses', 'diagnosis'],
  ['prognoses', 'prognosis'],
  ['dermatoses', 'dermatosis'],
  ['mycoses', 'mycosis'],
  ['viruses', 'virus'],
  ['thrombi', 'thrombus'],
  ['emboli', 'embolus'],
  ['calculi', 'calculus'],
  ['foci', 'focus'],
  ['bronchi', 'bronchus'],
  ['fungi', 'fungus'],
  ['bacilli', 'bacillus'],
  ['vertebrae', 'vertebra'],
  ['diverticula', 'diverticulum'],
  ['carcinomata', 'carcinoma'],
  ['sarcomata', 'sarcoma'],
]);

function singular(w: string): string {
  if (!w.endsWith('s') || /\d/.test(w)) return w;
  if (w.endsWith('as')) return singularAs.has(w) ? w : w.slice(0, -1);
  if (/(ss|us|is|ys|os)$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(sses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** The key of a multi-word term: its tokens' keys joined by single spaces. */
export function termKey(term: string): string {
  return tokenize(term)
    .map((t) => t.key)
    .join(' ');
}

/**
 * True when the characters between two tokens let a term run on across them: spaces, hyphens,
 * slashes, apostrophes and the star of star alleles are joiners; sentence and
 * clause punctuation (. , ; : ( ) and the like) end a term.
 */
export function joinsTerm(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // space, tab, hyphen, slash, apostrophes (' and U+2019), star (CYP2C19*2)
    if (c !== 32 && c !== 9 && c !== 45 && c !== 47 && c !== 39 && c !== 0x2019 && c !== 42)
      return false;
  }
  return true;
}
