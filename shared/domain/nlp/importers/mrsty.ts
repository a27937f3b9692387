// Domain (nlp/importers): the entity type of each UMLS CUI from MRSTY.RRF (UMLS Reference Manual,
// MRSTY.RRF: CUI TUI STN STY ATUI CVF, pipe-delimited), for importMrconso's `typeOf`. Semantic types
// (TUI, name as in the UMLS Semantic Network's SRDEF) map to entity types as below; other semantic
// types (Finding T033, Amino Acid, Peptide, or Protein T116, Organism, ...) are left out, so their
// CUIs are skipped. A CUI with several mapped types takes the first in `typePrecedence`.
import { ValidationError } from '../../errors';
import type { EntityType } from '../model';
import { readLines, rrfFields } from './lines';

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** UMLS semantic types (TUI) and the entity type their concepts get. */
export const semanticTypeEntities: Readonly<Record<string, EntityType>> = {
  // Disorders
  T047: 'Disease', // Disease or Syndrome
  T191: 'Disease', // Neoplastic Process
  T046: 'Disease', // Pathologic Function
  T048: 'Disease', // Mental or Behavioral Dysfunction
  T019: 'Disease', // Congenital Abnormality
  T020: 'Disease', // Acquired Abnormality
  T190: 'Disease', // Anatomical Abnormality
  T037: 'Disease', // Injury or Poisoning
  T049: 'Disease', // Cell or Molecular Dysfunction
  T184: 'Symptom', // Sign or Symptom
  // Chemicals and drugs
  T121: 'Chemical', // Pharmacologic Substance
  T109: 'Chemical', // Organic Chemical
  T200: 'Chemical', // Clinical Drug
  T195: 'Chemical', // Antibiotic
  T197: 'Chemical', // Inorganic Chemical
  T196: 'Chemical', // Element, Ion, or Isotope
  T131: 'Chemical', // Hazardous or Poisonous Substance
  T125: 'Chemical', // Hormone
  T127: 'Chemical', // Vitamin
  T130: 'Chemical', // Indicator, Reagent, or Diagnostic Aid
  T114: 'Chemical', // Nucleic Acid, Nucleoside, or Nucleotide
  // Genes
  T028: 'Gene', // Gene or Genome
  // Procedures
  T059: 'LabTest', // Laboratory Procedure
  T060: 'Procedure', // Diagnostic Procedure
  T061: 'Procedure', // Therapeutic or Preventive Procedure
  // Anatomy
  T023: 'Anatomy', // Body Part, Organ, or Organ Component
  T029: 'Anatomy', // Body Location or Region
  T030: 'Anatomy', // Body Space or Junction
  T022: 'Anatomy', // Body System
  T024: 'Anatomy', // Tissue
};

/** Which entity type a CUI with several mapped semantic types gets: the first here. */
export const typePrecedence: readonly EntityType[] = [
  'Disease',
  'Symptom',
  'Chemical',
  'Gene',
  'LabTest',
  'Procedure',
  'Anatomy',
];

/** CUI -> entity type from an MRSTY.RRF stream (CUIs of no mapped semantic type are absent). */
export async function importMrsty(chunks: Chunks): Promise<Map<string, EntityType>> {
  const types = new Map<string, EntityType>();
  for await (const { line, number } of readLines(chunks)) {
    if (line === '') continue;
    const f = rrfFields(line);
    if (f.length < 4 || !/^C\d+$/.test(f[0]!) || !/^T\d{3}$/.test(f[1]!))
      throw new ValidationError(
        `MRSTY.RRF line ${number}: expected CUI|TUI|STN|STY|..., a CUI (C...) and a TUI (T...)`,
        `line ${number}`,
      );
    const type = semanticTypeEntities[f[1]!];
    if (!type) continue;
    const before = types.get(f[0]!);
    if (!before || typePrecedence.indexOf(type) < typePrecedence.indexOf(before))
      types.set(f[0]!, type);
  }
  return types;
}
