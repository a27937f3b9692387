// Domain (nlp/linking): a disease named by an organ or body system and a word that names no disease
// of its own ("hematologic toxicity", "heart damage", "neurological dysfunction", "cerebral lesions",
// "hepatic impairment") is that organ's disease. The BC5CDR guideline codes such mentions with the
// organ-system descriptor of MeSH (Li et al. 2016, Database baw068; its training split: "cardiac
// damage", "cardiac dysfunction", "cardiac disorders", "heart disease" -> D006331 Heart Diseases;
// "hepatic impairment", "hepatic dysfunction", "liver disease" -> D008107 Liver Diseases;
// "neurological disorders", "CNS damage" -> D009422 Nervous System Diseases), and a clinician reads
// "renal damage" as kidney disease. The name is looked up again with each other such word in turn,
// "disorder" and "disease" first. 5-fold CV on the BC5CDR training split (its 355 Disease mentions
// ending in one of these words, ids from the other folds' names and the curated vocabulary): linked
// right 217 -> 262, unlinked 101 -> 48.

/** Words that say something is wrong with the organ named before them, in the order tried. */
export const unspecificHeads = [
  'disorder',
  'disease',
  'injury',
  'damage',
  'toxicity',
  'dysfunction',
  'abnormality',
  'lesion',
  'impairment',
  'deficit',
  'complication',
  'disturbance',
] as const;
const unspecific = new Set<string>(unspecificHeads);
const umbrella = new Set(['disorder', 'disease']);

/** True for a normalised (termKey) word of `unspecificHeads`. */
export function isUnspecificHead(word: string): boolean {
  return unspecific.has(word);
}

/**
 * The names to try for normalised `words` "<organ words> <unspecific head>": the same organ words
 * with each other unspecific head, in order (after "disease" or "disorder", only the other of the
 * two); none for any other name or a bare head.
 */
export function organSystemNames(words: readonly string[]): string[][] {
  const last = words[words.length - 1];
  if (words.length < 2 || last === undefined || !unspecific.has(last)) return [];
  const organ = words.slice(0, -1);
  // "brain disease" is never "brain injury": a disease or disorder is read only as the other.
  const heads = umbrella.has(last) ? [...umbrella] : unspecificHeads;
  return heads.filter((h) => h !== last).map((h) => [...organ, h]);
}

/**
 * Organ adjectives and the nouns they stand for, as names use both ("renal" / "kidney"), and the
 * abbreviation GI for gastrointestinal ("GI toxicity").
 */
const organs: [string, string][] = [
  ['renal', 'kidney'],
  ['hepatic', 'liver'],
  ['cardiac', 'heart'],
  ['pulmonary', 'lung'],
  ['cerebral', 'brain'],
  ['gastric', 'stomach'],
  ['ocular', 'eye'],
  ['cutaneous', 'skin'],
  ['intestinal', 'intestine'],
  ['vesical', 'bladder'],
  ['myocardial', 'heart'],
  ['gi', 'gastrointestinal'],
];
const organOf = new Map<string, string[]>();
for (const [a, n] of organs) {
  organOf.set(a, [...(organOf.get(a) ?? []), n]);
  organOf.set(n, [...(organOf.get(n) ?? []), a]);
}

/**
 * Other spellings of the organ words of `words`: an organ adjective or noun swapped for each of its
 * others ("renal injury" -> "kidney injury"; "heart" -> "cardiac", "myocardial"), and -ological
 * adjectives as -ologic and back ("haematological toxicity" -> "hematologic toxicity").
 */
export function organVariants(words: readonly string[]): string[][] {
  const out: string[][] = [];
  const at = words.findIndex((w) => organOf.has(w));
  for (const other of at < 0 ? [] : organOf.get(words[at]!)!)
    out.push(words.map((w, i) => (i === at ? other : w)));
  const ological = (w: string) =>
    w.endsWith('ological') ? w.slice(0, -2) : w.endsWith('ologic') ? `${w}al` : w;
  if (words.some((w) => ological(w) !== w)) out.push(words.map(ological));
  return out;
}
