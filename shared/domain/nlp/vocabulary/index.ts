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
import { cardioRenalEndocrineDiseases } from './diseases-cardio-renal-endocrine';
import { oncologyHaematologyDiseases } from './diseases-oncology-haematology';
import { neuroPsychDiseases } from './diseases-neuro-psych';
import { paediatricInfectiousDiseases } from './diseases-paediatric-infectious';
import { organSystemDiseases } from './diseases-organ-systems';
import { extendedDrugsA } from './drugs-extended-a';
import { extendedDrugsB } from './drugs-extended-b';
import {
  extendedAnatomy,
  extendedLabTests,
  extendedProcedures,
  extendedSymptoms,
} from './findings-extended';
import { genes, variants } from './genes';
import { pgxAlleleVariants } from './pgx-alleles';
import { labTests } from './labs';
import { adverseEventsA } from './adverse-events-a';
import { adverseEventsB } from './adverse-events-b';
import { essentialMedicines } from './drugs-essential';
import { researchChemicals } from './chemicals-research';
import { antiInfectiveDrugs } from './drugs-atc-anti-infectives';
import { antimicrobialDrugs } from './drugs-atc-antimicrobials';
import { oncologyEndocrineDrugs } from './drugs-atc-oncology-endocrine';
import { nervousSystemDrugs } from './drugs-atc-nervous';
import { organSystemDrugs } from './drugs-atc-organ-systems';
import { toxicologyChemicals } from './drugs-atc-toxicology';
import { meshSymptoms } from './symptoms-mesh';
import { meshDiseases } from './diseases-mesh';

export { ambiguousAbbreviations, type AmbiguousAbbreviation } from './ambiguous';
export { ambiguousGeneSymbols } from './genes';

/** Every curated concept (diseases, drugs, genes, variants, symptoms, procedures, labs, anatomy). */
export const starterVocabulary: readonly Concept[] = [
  ...cardiometabolicDiseases,
  ...oncologyDiseases,
  ...mentalHealthDiseases,
  ...paediatricDiseases,
  ...generalDiseases,
  ...cardioRenalEndocrineDiseases,
  ...oncologyHaematologyDiseases,
  ...neuroPsychDiseases,
  ...paediatricInfectiousDiseases,
  ...organSystemDiseases,
  ...adverseEventsA,
  ...adverseEventsB,
  ...cardiometabolicDrugs,
  ...respiratoryAndMentalHealthDrugs,
  ...oncologyAndOtherDrugs,
  ...extendedDrugsA,
  ...extendedDrugsB,
  ...essentialMedicines,
  ...researchChemicals,
  ...antiInfectiveDrugs,
  ...antimicrobialDrugs,
  ...oncologyEndocrineDrugs,
  ...nervousSystemDrugs,
  ...organSystemDrugs,
  ...toxicologyChemicals,
  ...symptoms,
  ...extendedSymptoms,
  ...meshSymptoms,
  ...meshDiseases,
  ...procedures,
  ...extendedProcedures,
  ...labTests,
  ...extendedLabTests,
  ...anatomy,
  ...extendedAnatomy,
  ...genes,
  ...variants,
  ...pgxAlleleVariants(variants),
];
