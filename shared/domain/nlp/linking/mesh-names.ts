// Domain (nlp/linking): MeSH ids for spans a sequence tagger finds, by lookup in a name -> id table
// learned from annotated mentions (e.g. the BC5CDR training split, whose mentions carry MeSH ids: Li
// et al. 2016, Database baw068) and the curated vocabulary's MeSH codes. Lookup runs from strict to
// loose, the normalisation ladder of the CDR-era linkers (DNorm: Leaman, Islamaj Dogan & Lu 2013,
// Bioinformatics 29:2909; TaggerOne: Leaman & Lu 2016, Bioinformatics 32:2839):
// 1. the normalised name (termKey: lower case, US spelling, singular, punctuation as spaces);
// 2. diseases: the name without leading words ("severe acute hepatitis" -> "acute hepatitis" ->
//    "hepatitis"), i.e. the head noun phrase, whose concept is the mention's nearest broader one;
//    chemicals: the name without a trailing salt or counter-ion word ("fenoprofen calcium" ->
//    "fenoprofen"), as CDR links salts to the parent compound's MeSH id;
// 3. a short form defined in the document ("long form (SF)") takes its long form's id.
// Before the back-off of step 2, name variants are tried (all forms of the name): the name with its
// spaces removed ("methyl dopa" -> "methyldopa", "beta blocker" -> "betablocker"); for diseases also
// the "of" phrase turned round ("cirrhosis of the liver" -> "liver cirrhosis"), organ adjectives and
// nouns swapped ("renal injury" <-> "kidney injury"; -ological as -ologic) and a lone adjective as
// its noun ("manic" -> "mania", "psychotic" -> "psychosis", "hypotensive" -> "hypotension"). At each
// step of the back-off, a disease named by an organ and a word that names no disease of its own
// takes the organ's disease ("hematologic toxicity" -> "hematologic disorder"; linking/organ-system)
// before the leading word is dropped. 5-fold CV on the BC5CDR training split (sequence-tagger
// spans, names of the other folds): the share of gold CID pairs whose two ids are both found
// 0.4586 -> 0.4653 (spaceless forms +6 pairs, disease variants +1).
import { abbreviationDefinitions, wordOccurrences } from '../matcher/abbreviations';
import { organSystemNames, organVariants } from './organ-system';
import { termKey } from '../text/tokens';

/** A name with its MeSH id and entity type family (Chemical or Disease). */
export interface NamedId {
  name: string;
  type: string;
  id: string;
}

/** Normalised "type|name" -> the id it carries most often. */
export type MeshNameTable = ReadonlyMap<string, string>;

const family = (t: string) => (t === 'Symptom' ? 'Disease' : t);
const keyOf = (type: string, name: string) => `${family(type)}|${termKey(name)}`;

/** The table of `names` (ties between ids: the first seen wins). */
export function learnMeshNames(names: Iterable<NamedId>): MeshNameTable {
  const counts = new Map<string, Map<string, number>>();
  for (const n of names) {
    if (!n.id || termKey(n.name) === '') continue;
    const key = keyOf(n.type, n.name);
    const ids = counts.get(key) ?? new Map<string, number>();
    counts.set(key, ids);
    ids.set(n.id, (ids.get(n.id) ?? 0) + 1);
  }
  const table = new Map<string, string>();
  const compact = new Map<string, Map<string, number>>();
  for (const [key, ids] of counts) {
    let best = '';
    let most = 0;
    for (const [id, n] of ids) if (n > most) [best, most] = [id, n];
    table.set(key, best);
    const squeezed = compactKey(key);
    const byId = compact.get(squeezed) ?? new Map<string, number>();
    compact.set(squeezed, byId);
    byId.set(best, (byId.get(best) ?? 0) + most);
  }
  for (const [key, ids] of compact) {
    if (table.has(key)) continue;
    table.set(key, [...ids].sort((a, b) => b[1] - a[1])[0]![0]);
  }
  return table;
}

/** "type|name" -> "type|=name without spaces", the key of the spaceless form. */
const compactKey = (key: string) => key.replace('|', '|=').replace(/ /g, '');

/** A lone adjective's noun forms ("manic" -> "mania", "psychotic" -> "psychosis"). */
function adjectiveNouns(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith('otic')) out.push(word.slice(0, -4) + 'osis');
  if (word.endsWith('tic')) out.push(word.slice(0, -3) + 'sis', word.slice(0, -3) + 'sia');
  if (word.endsWith('ic')) out.push(word.slice(0, -2) + 'ia', word.slice(0, -2) + 'y');
  if (word.endsWith('ive')) out.push(word.slice(0, -3) + 'ion');
  return out;
}

/** Variant word lists of a disease name (see the file comment), the name itself excluded. */
function diseaseVariants(words: readonly string[]): string[][] {
  const out: string[][] = [];
  const of = words.indexOf('of');
  if (of > 0 && of < words.length - 1) {
    const after = words.slice(of + 1).filter((w, i) => i > 0 || !['the', 'a', 'an'].includes(w));
    if (after.length > 0) out.push([...after, ...words.slice(0, of)]);
  }
  out.push(...organVariants(words));
  if (words.length === 1) for (const n of adjectiveNouns(words[0]!)) out.push([n]);
  return out;
}

const salts = new Set([
  'sodium',
  'potassium',
  'calcium',
  'magnesium',
  'hydrochloride',
  'hcl',
  'sulfate',
  'sulphate',
  'maleate',
  'citrate',
  'mesylate',
  'tartrate',
  'acetate',
  'fumarate',
  'succinate',
  'bromide',
  'chloride',
]);

/**
 * The MeSH id of a mention `surface` of `type` (steps 1-2 of the file comment); undefined when no
 * form of the name is in the table.
 */
export function meshIdOf(table: MeshNameTable, surface: string, type: string): string | undefined {
  const words = termKey(surface).split(' ');
  if (words.join('') === '') return undefined;
  const lookup = (name: string) => table.get(`${family(type)}|${name}`);
  const anyForm = (forms: readonly (readonly string[])[]) => {
    for (const f of forms) {
      const id = lookup(f.join(' '));
      if (id) return id;
    }
    for (const f of forms) {
      const id = f.join('').length >= 4 ? lookup(`=${f.join('')}`) : undefined;
      if (id) return id;
    }
    return undefined;
  };
  if (family(type) === 'Chemical') {
    const salt = words.length > 1 && salts.has(words[words.length - 1]!);
    return anyForm(salt ? [words, words.slice(0, -1)] : [words]);
  }
  const forms = [words, ...diseaseVariants(words)];
  for (let from = 0; from < words.length; from++) {
    const rest = forms.map((f) => f.slice(from)).filter((f) => f.length > 0);
    if (from > 0 && rest[0]!.join(' ').length < 3) break;
    const id =
      anyForm(from === 0 ? rest : [rest[0]!]) ??
      firstOf(organSystemNames(rest[0]!), (name) => anyForm([name, ...diseaseVariants(name)]));
    if (id) return id;
  }
  return undefined;
}

function firstOf<T, R>(items: readonly T[], f: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const r = f(item);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** A span of a document, with its MeSH id when known. */
export interface IdSpan {
  start: number;
  end: number;
  type: string;
  id?: string;
}

/**
 * `spans` of `text` with ids filled where missing: by the table (meshIdOf), then a defined short
 * form takes the id of the span ending where its long form ends (step 3 of the file comment).
 */
export function fillMeshIds<S extends IdSpan>(
  table: MeshNameTable,
  text: string,
  spans: readonly S[],
): S[] {
  const out = spans.map((s) => {
    if (s.id) return s;
    const id = meshIdOf(table, text.slice(s.start, s.end), s.type);
    return id ? { ...s, id } : s;
  });
  for (const d of abbreviationDefinitions(text)) {
    const long = out.find((s) => s.end === d.longEnd && s.start < d.longEnd && s.id);
    if (!long) continue;
    const uses = new Set(wordOccurrences(text, d.short));
    out.forEach((s, i) => {
      if (!s.id && uses.has(s.start) && s.end === s.start + d.short.length)
        out[i] = { ...s, id: long.id };
    });
  }
  return out;
}
