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
import { abbreviationDefinitions, wordOccurrences } from '../matcher/abbreviations';
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
  for (const [key, ids] of counts) {
    let best = '';
    let most = 0;
    for (const [id, n] of ids) if (n > most) [best, most] = [id, n];
    table.set(key, best);
  }
  return table;
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
  const lookup = (name: string) => table.get(`${family(type)}|${name}`);
  if (family(type) === 'Chemical') {
    const salt = words.length > 1 && salts.has(words[words.length - 1]!);
    return lookup(words.join(' ')) ?? (salt ? lookup(words.slice(0, -1).join(' ')) : undefined);
  }
  for (let from = 0; from < words.length; from++) {
    const rest = words.slice(from).join(' ');
    if (from > 0 && rest.length < 3) break;
    const id = lookup(rest);
    if (id) return id;
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
