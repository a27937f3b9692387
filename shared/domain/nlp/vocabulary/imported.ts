// Domain (nlp/vocabulary): imported vocabularies, i.e. concepts a release importer (importers/: MeSH,
// ICD-10-CM, RxNorm, HGNC, UMLS MRCONSO) produced and `caregraph vocab import` wrote as one Concept per
// JSON line (VOCAB.jsonl). Pure: parsing and validating lines, and merging imported concepts into the
// curated vocabulary; reading files is local/vocabulary-file.ts.
import { ValidationError } from '../../errors';
import { readLines } from '../importers/lines';
import { codeSystems, type CodeSystemKey, type Concept, type EntityType } from '../model';
import { termKey } from '../text/tokens';

const entityTypes: Readonly<Record<EntityType, true>> = {
  Disease: true,
  Chemical: true,
  Gene: true,
  Variant: true,
  Symptom: true,
  Procedure: true,
  LabTest: true,
  Anatomy: true,
};

const fields = new Set([
  'id',
  'type',
  'preferred',
  'synonyms',
  'abbreviations',
  'codes',
  'source',
  'indications',
]);

/** One VOCAB.jsonl line of `concept` (no newline). */
export function vocabularyLine(concept: Concept): string {
  return JSON.stringify({
    id: concept.id,
    type: concept.type,
    preferred: concept.preferred,
    synonyms: concept.synonyms,
    abbreviations: concept.abbreviations,
    codes: concept.codes,
    source: concept.source,
    ...(concept.indications ? { indications: concept.indications } : {}),
  });
}

/**
 * The concept of VOCAB.jsonl line `number` (1-based) of `file`. Errors name the file, the line and the
 * field, never a value. Required: id, type (an EntityType), preferred (a non-blank name), synonyms
 * (strings); optional: abbreviations (strings), codes (system -> code, systems of model.codeSystems),
 * source, indications. Unknown fields are errors (a typo fails loudly instead of dropping data).
 */
export function parseVocabularyLine(line: string, number: number, file = 'vocabulary'): Concept {
  const where = `${file} line ${number}`;
  const fail = (message: string, field?: string): never => {
    throw new ValidationError(
      `${where}: ${message}`,
      field ? `line ${number}.${field}` : `line ${number}`,
    );
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return fail('not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('not a JSON object');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!fields.has(key)) fail(`unknown field "${key}"`, key);
  const text = (field: string, required: boolean): string | undefined => {
    const v = record[field];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.trim() === '')
      fail(`field "${field}" must be a non-empty string`, field);
    return v as string;
  };
  const strings = (field: string, required: boolean): string[] | undefined => {
    const v = record[field];
    if (v === undefined && !required) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string'))
      fail(`field "${field}" must be an array of strings`, field);
    return v as string[];
  };
  const id = text('id', true)!;
  const type = text('type', true)!;
  if (!Object.hasOwn(entityTypes, type))
    fail(`field "type" must be one of ${Object.keys(entityTypes).join(', ')}`, 'type');
  const preferred = text('preferred', true)!.trim();
  const codes = record.codes ?? {};
  if (typeof codes !== 'object' || codes === null || Array.isArray(codes))
    fail('field "codes" must be an object of code system -> code', 'codes');
  for (const [system, code] of Object.entries(codes as object)) {
    if (!Object.hasOwn(codeSystems, system))
      fail(
        `field "codes" has unknown code system "${system}" (known: ${Object.keys(codeSystems).join(', ')})`,
        `codes.${system}`,
      );
    if (typeof code !== 'string' || code.trim() === '')
      fail(`field "codes.${system}" must be a non-empty string`, `codes.${system}`);
  }
  const indications = strings('indications', false);
  return {
    id,
    type: type as EntityType,
    preferred,
    synonyms: strings('synonyms', true)!,
    abbreviations: strings('abbreviations', false) ?? [],
    codes: codes as Concept['codes'],
    source: text('source', false) ?? `imported vocabulary (${file})`,
    ...(indications ? { indications } : {}),
  };
}

/** The concepts of a VOCAB.jsonl stream (UTF-8 chunks), validated line by line; blank lines skipped. */
export async function* parseVocabulary(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  file = 'vocabulary',
): AsyncGenerator<Concept> {
  for await (const { line, number } of readLines(chunks)) {
    if (line.trim() === '') continue;
    yield parseVocabularyLine(line, number, file);
  }
}

export interface MergedVocabulary {
  /** The curated concepts (those that took imported names replaced by enlarged copies), then the new ones. */
  concepts: Concept[];
  /** Imported concepts whose names went to a concept sharing one of their codes. */
  merged: number;
  /** Imported concepts appended as concepts of their own. */
  added: number;
  /** Imported concepts with no usable name or abbreviation (nothing to match). */
  skipped: number;
}

/**
 * Curated concepts plus imported ones. An imported concept that shares a code (same system and code,
 * e.g. mesh D006973) with an earlier concept (curated, or imported before it) gives that concept its
 * names as synonyms and its abbreviations, instead of becoming a duplicate; the earlier concept keeps
 * its id, type, preferred term and codes. Other imported concepts are appended (an id already taken
 * gets its first code appended: "Disease:cold|umls:C0009443"). Names are compared as the matcher
 * compares them (termKey: case, punctuation, plurals); blank names are dropped. Curated concepts come
 * first, so on a name both carry the matcher keeps the curated concept. Inputs are not modified.
 */
export function mergeVocabularies(
  curated: readonly Concept[],
  imported: Iterable<Concept>,
): MergedVocabulary {
  const concepts = [...curated];
  const byCode = new Map<string, number>();
  const ids = new Set(concepts.map((c) => c.id));
  const indexCodes = (concept: Concept, at: number) => {
    for (const [system, code] of codesOf(concept))
      if (!byCode.has(`${system}:${code}`)) byCode.set(`${system}:${code}`, at);
  };
  concepts.forEach(indexCodes);
  let [merged, added, skipped] = [0, 0, 0];
  for (const concept of imported) {
    const names = distinctNames([concept.preferred, ...concept.synonyms]);
    const abbreviations = [...new Set(concept.abbreviations.filter((a) => a.trim() !== ''))];
    const at = codesOf(concept)
      .map(([system, code]) => byCode.get(`${system}:${code}`))
      .find((i) => i !== undefined);
    if (at !== undefined) {
      const target = concepts[at]!;
      concepts[at] = {
        ...target,
        synonyms: [...target.synonyms, ...newNames(target.synonyms, names)],
        abbreviations: [...new Set([...target.abbreviations, ...abbreviations])],
      };
      indexCodes(concept, at);
      merged++;
      continue;
    }
    if (names.length === 0 && abbreviations.length === 0) {
      skipped++;
      continue;
    }
    const id = uniqueId(concept, ids);
    ids.add(id);
    const preferred = concept.preferred.trim() || names[0] || abbreviations[0]!;
    concepts.push({ ...concept, id, preferred, synonyms: names, abbreviations });
    indexCodes(concept, concepts.length - 1);
    added++;
  }
  return { concepts, merged, added, skipped };
}

function codesOf(concept: Concept): [CodeSystemKey, string][] {
  return (Object.entries(concept.codes) as [CodeSystemKey, string | undefined][]).filter(
    (e): e is [CodeSystemKey, string] => typeof e[1] === 'string' && e[1] !== '',
  );
}

/** `names` trimmed, without blank ones and without repeats the matcher could not tell apart. */
function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const key = termKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Those of `names` the matcher could not already find through `existing`. */
function newNames(existing: readonly string[], names: readonly string[]): string[] {
  const known = new Set(existing.map(termKey));
  return names.filter((n) => !known.has(termKey(n)));
}

function uniqueId(concept: Concept, taken: ReadonlySet<string>): string {
  if (!taken.has(concept.id)) return concept.id;
  const [first] = codesOf(concept);
  const base = first ? `${concept.id}|${first[0]}:${first[1]}` : concept.id;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}#${n}`;
  return id;
}
