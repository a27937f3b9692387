// Domain (nlp/vocabulary): the curated starter vocabulary, one list of concepts across all types.
import type { Concept } from '../model';
import { cardiometabolicDiseases } from './diseases-cardiometabolic';
import {
  generalDiseases,
  mentalHealthDiseases,
  oncologyDiseases,
  paediatricDiseases,
} from './diseases-general';
import { cardiometabolicDrugs } from './drugs-cardiometabolic';
import { oncologyAndOtherDrugs, respiratoryAndMentalHealthDrugs } from './drugs-general';
import { anatomy, procedures, symptoms } from './findings';
import { genes, variants } from './genes';
import { labTests } from './labs';

export { ambiguousAbbreviations, type AmbiguousAbbreviation } from './ambiguous';
export { ambiguousGeneSymbols } from './genes';

/** Every curated concept (diseases, drugs, genes, variants, symptoms, procedures, labs, anatomy). */
export const starterVocabulary: readonly Concept[] = [
  ...cardiometabolicDiseases,
  ...oncologyDiseases,
  ...mentalHealthDiseases,
  ...paediatricDiseases,
  ...generalDiseases,
  ...cardiometabolicDrugs,
  ...respiratoryAndMentalHealthDrugs,
  ...oncologyAndOtherDrugs,
  ...symptoms,
  ...procedures,
  ...labTests,
  ...anatomy,
  ...genes,
  ...variants,
];
