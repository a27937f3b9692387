// Domain (nlp/importers): the ICD-10-CM order file (icd10cm_order_20xx.txt, CDC/NCHS), fixed width:
// columns 1-5 order number, 7-13 code (no dot), 15 header flag (0 = header, 1 = valid for HIPAA
// submission), 17-76 short description, 78- long description (icd10OrderFiles.pdf, FY2024).
import { ValidationError } from '../../errors';
import type { Concept } from '../model';
import { conceptId } from '../vocabulary/define';
import { readLines } from './lines';

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export interface Icd10cmOptions {
  /** Keep only codes valid for submission (flag 1); default false keeps headers too. */
  billableOnly?: boolean;
}

/** Concepts of an ICD-10-CM order file: chapter R (symptoms and signs) as Symptom, the rest Disease. */
export async function* importIcd10cmOrder(
  chunks: Chunks,
  options: Icd10cmOptions = {},
): AsyncGenerator<Concept> {
  for await (const { line, number } of readLines(chunks)) {
    if (line.trim() === '') continue;
    if (line.length < 17 || !/^\d{5} $/.test(line.slice(0, 6)) || !/^[01]$/.test(line[14]!))
      throw new ValidationError(
        `ICD-10-CM order file line ${number}: not in the fixed-width layout`,
        `line ${number}`,
      );
    const raw = line.slice(6, 13).trim();
    const billable = line[14] === '1';
    if (options.billableOnly && !billable) continue;
    const short = line.slice(16, 76).trim();
    const long = line.slice(77).trim() || short;
    const code = raw.length > 3 ? `${raw.slice(0, 3)}.${raw.slice(3)}` : raw;
    const type = code.startsWith('R') ? 'Symptom' : 'Disease';
    yield {
      id: conceptId(type, long),
      type,
      preferred: long,
      synonyms: short && short !== long ? [long, short] : [long],
      abbreviations: [],
      codes: { icd10cm: code },
      source: 'ICD-10-CM order file',
    };
  }
}
