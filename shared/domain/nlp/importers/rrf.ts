// Domain (nlp/importers): RxNorm RXNCONSO.RRF and UMLS MRCONSO.RRF (Rich Release Format, pipe-delimited,
// 18 fields). Columns: RxNorm Technical Documentation 2024 section 12.5 (RXNCONSO); UMLS Reference
// Manual, MRCONSO.RRF (CUI LAT TS LUI STT SUI ISPREF AUI SAUI SCUI SDUI SAB TTY CODE STR SRL SUPPRESS CVF).
import { ValidationError } from '../../errors';
import type { CodeSystemKey, Concept, ConceptCodes, EntityType } from '../model';
import { conceptId } from '../vocabulary/define';
import { readLines, rrfFields } from './lines';

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

const col = {
  cui: 0,
  lat: 1,
  ispref: 6,
  sab: 11,
  tty: 12,
  code: 13,
  str: 14,
  suppress: 16,
} as const;

/** RxNorm term types kept: ingredients, precise ingredients, brand names (RxNorm TTY table). */
const rxnormTypes = new Set(['IN', 'PIN', 'MIN', 'BN']);

/**
 * Drug concepts from RXNCONSO.RRF: one Chemical per RXCUI of SAB=RXNORM with TTY IN/PIN/MIN/BN, not
 * suppressed (SUPPRESS=N); every string of that RXCUI becomes a synonym.
 */
export async function importRxnorm(chunks: Chunks): Promise<Concept[]> {
  const byCui = new Map<string, { names: string[]; preferred?: string }>();
  for await (const { line, number } of readLines(chunks)) {
    if (line === '') continue;
    const f = fields18(line, number, 'RXNCONSO.RRF');
    if (f[col.sab] !== 'RXNORM' || !rxnormTypes.has(f[col.tty]!) || f[col.suppress] !== 'N')
      continue;
    const entry = byCui.get(f[col.cui]!) ?? { names: [] };
    byCui.set(f[col.cui]!, entry);
    if (!entry.names.includes(f[col.str]!)) entry.names.push(f[col.str]!);
    if (f[col.tty] === 'IN' || f[col.tty] === 'BN') entry.preferred ??= f[col.str]!;
  }
  return [...byCui].map(([rxcui, e]) =>
    drugConcept(e.preferred ?? e.names[0]!, e.names, { rxnorm: rxcui }, 'RxNorm RXNCONSO.RRF'),
  );
}

function drugConcept(
  preferred: string,
  names: string[],
  codes: ConceptCodes,
  source: string,
): Concept {
  return {
    id: conceptId('Chemical', preferred),
    type: 'Chemical',
    preferred,
    synonyms: [preferred, ...names.filter((n) => n !== preferred)],
    abbreviations: [],
    codes,
    source,
  };
}

/** UMLS source vocabularies (SAB) and the code system each fills. */
const sabSystems: Readonly<Record<string, CodeSystemKey>> = {
  RXNORM: 'rxnorm',
  SNOMEDCT_US: 'snomed',
  ICD10CM: 'icd10cm',
  MSH: 'mesh',
  LNC: 'loinc',
  HGNC: 'hgnc',
};

/**
 * Concepts from an MRCONSO.RRF subset: English (LAT=ENG), unsuppressed strings of the sources in
 * `sabSystems`, grouped by CUI. `typeOf(cui)` gives each CUI's entity type (from MRSTY semantic types);
 * CUIs it leaves undefined are skipped.
 */
export async function importMrconso(
  chunks: Chunks,
  typeOf: (cui: string) => EntityType | undefined,
): Promise<Concept[]> {
  const byCui = new Map<string, { names: string[]; codes: ConceptCodes; preferred?: string }>();
  for await (const { line, number } of readLines(chunks)) {
    if (line === '') continue;
    const f = fields18(line, number, 'MRCONSO.RRF');
    const system = sabSystems[f[col.sab]!];
    if (f[col.lat] !== 'ENG' || f[col.suppress] !== 'N' || !system || !typeOf(f[col.cui]!))
      continue;
    const entry = byCui.get(f[col.cui]!) ?? { names: [], codes: { umls: f[col.cui]! } };
    byCui.set(f[col.cui]!, entry);
    if (!entry.names.includes(f[col.str]!)) entry.names.push(f[col.str]!);
    entry.codes[system] ??= f[col.code]!;
    if (f[col.ispref] === 'Y') entry.preferred ??= f[col.str]!;
  }
  return [...byCui].map(([cui, e]) => {
    const type = typeOf(cui)!;
    const preferred = e.preferred ?? e.names[0]!;
    return {
      id: conceptId(type, preferred),
      type,
      preferred,
      synonyms: [preferred, ...e.names.filter((n) => n !== preferred)],
      abbreviations: [],
      codes: e.codes,
      source: 'UMLS MRCONSO.RRF',
    };
  });
}

function fields18(line: string, number: number, file: string): string[] {
  const f = rrfFields(line);
  if (f.length < 18)
    throw new ValidationError(
      `${file} line ${number}: expected 18 fields, found ${f.length}`,
      `line ${number}`,
    );
  return f;
}
