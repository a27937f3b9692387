// Domain (kg/seed): pharmacogenomic gene-drug pairs with the allele or phenotype that matters and the
// CPIC level of the pair. Sources: CPIC guidelines (cpicpgx.org, with publication year) and their
// gene-drug pair levels (CPIC levels A/B, cpicpgx.org/genes-drugs, 2024); one FDA label pair where
// CPIC has no guideline (irinotecan-UGT1A1).
import type { DrugKey, GeneKey } from './concepts';

export type PgxRow = readonly [
  gene: GeneKey,
  drug: DrugKey,
  allele: string,
  level: string,
  source: string,
];

const CLOPIDOGREL = 'CPIC guideline for CYP2C19 and clopidogrel, 2022 update';
const WARFARIN = 'CPIC guideline for pharmacogenetics-guided warfarin dosing, 2017 update';
const STATINS = 'CPIC guideline for SLCO1B1, ABCG2 and CYP2C9 and statins, 2022';
const THIOPURINES = 'CPIC guideline for TPMT and NUDT15 and thiopurines, 2018 update';
const FLUOROPYRIMIDINES = 'CPIC guideline for DPYD and fluoropyrimidines, 2017 (2024 update)';
const ABACAVIR = 'CPIC guideline for HLA-B and abacavir, 2014 update';
const ALLOPURINOL = 'CPIC guideline for HLA-B and allopurinol, 2015 update';
const CARBAMAZEPINE =
  'CPIC guideline for HLA-B and HLA-A and carbamazepine/oxcarbazepine, 2017 update';
const PHENYTOIN = 'CPIC guideline for CYP2C9 and HLA-B and phenytoin, 2020 update';
const OPIOIDS = 'CPIC guideline for CYP2D6, OPRM1 and COMT and opioids, 2021';
const SSRI = 'CPIC guideline for CYP2D6, CYP2C19 and CYP2B6 and SSRIs/SNRIs, 2023';
const TCA = 'CPIC guideline for CYP2D6 and CYP2C19 and tricyclic antidepressants, 2016 update';
const PPI = 'CPIC guideline for CYP2C19 and proton pump inhibitors, 2020';
const NSAID = 'CPIC guideline for CYP2C9 and NSAIDs, 2020';
const G6PD = 'CPIC guideline for G6PD, 2022';
const ANESTHETICS =
  'CPIC guideline for RYR1 and CACNA1S and volatile anesthetics/succinylcholine, 2018';

// prettier-ignore
export const pgxPairs: readonly PgxRow[] = [
  ['CYP2C19', 'clopidogrel', 'CYP2C19 poor/intermediate metabolizer (*2, *3)', 'A', CLOPIDOGREL],
  ['CYP2C9', 'warfarin', 'CYP2C9 *2, *3 (decreased function)', 'A', WARFARIN],
  ['VKORC1', 'warfarin', 'VKORC1 -1639G>A (rs9923231)', 'A', WARFARIN],
  ['CYP4F2', 'warfarin', 'CYP4F2 *3 (rs2108622)', 'A', WARFARIN],
  ['SLCO1B1', 'simvastatin', 'SLCO1B1 decreased/poor function (c.521T>C, *5, *15)', 'A', STATINS],
  ['SLCO1B1', 'atorvastatin', 'SLCO1B1 decreased/poor function', 'A', STATINS],
  ['SLCO1B1', 'rosuvastatin', 'SLCO1B1 decreased/poor function', 'A', STATINS],
  ['SLCO1B1', 'pravastatin', 'SLCO1B1 decreased/poor function', 'A', STATINS],
  ['ABCG2', 'rosuvastatin', 'ABCG2 rs2231142 (poor function)', 'A', STATINS],
  ['TPMT', 'azathioprine', 'TPMT intermediate/poor metabolizer (*2, *3A, *3C)', 'A', THIOPURINES],
  ['TPMT', 'mercaptopurine', 'TPMT intermediate/poor metabolizer (*2, *3A, *3C)', 'A', THIOPURINES],
  ['TPMT', 'thioguanine', 'TPMT intermediate/poor metabolizer (*2, *3A, *3C)', 'A', THIOPURINES],
  ['NUDT15', 'azathioprine', 'NUDT15 intermediate/poor metabolizer (*3)', 'A', THIOPURINES],
  ['NUDT15', 'mercaptopurine', 'NUDT15 intermediate/poor metabolizer (*3)', 'A', THIOPURINES],
  ['NUDT15', 'thioguanine', 'NUDT15 intermediate/poor metabolizer (*3)', 'A', THIOPURINES],
  ['DPYD', 'fluorouracil', 'DPYD activity score 0-1.5 (*2A, c.2846A>T, HapB3)', 'A', FLUOROPYRIMIDINES],
  ['DPYD', 'capecitabine', 'DPYD activity score 0-1.5 (*2A, c.2846A>T, HapB3)', 'A', FLUOROPYRIMIDINES],
  ['HLA-B', 'abacavir', 'HLA-B*57:01', 'A', ABACAVIR],
  ['HLA-B', 'allopurinol', 'HLA-B*58:01', 'A', ALLOPURINOL],
  ['HLA-B', 'carbamazepine', 'HLA-B*15:02', 'A', CARBAMAZEPINE],
  ['HLA-A', 'carbamazepine', 'HLA-A*31:01', 'A', CARBAMAZEPINE],
  ['HLA-B', 'oxcarbazepine', 'HLA-B*15:02', 'A', CARBAMAZEPINE],
  ['HLA-B', 'phenytoin', 'HLA-B*15:02', 'A', PHENYTOIN],
  ['CYP2C9', 'phenytoin', 'CYP2C9 intermediate/poor metabolizer', 'A', PHENYTOIN],
  ['CYP2D6', 'codeine', 'CYP2D6 ultrarapid or poor metabolizer', 'A', OPIOIDS],
  ['CYP2D6', 'tramadol', 'CYP2D6 ultrarapid or poor metabolizer', 'A', OPIOIDS],
  ['CYP2D6', 'ondansetron', 'CYP2D6 ultrarapid metabolizer', 'A', 'CPIC guideline for CYP2D6 and ondansetron/tropisetron, 2016'],
  ['CYP2D6', 'tamoxifen', 'CYP2D6 poor/intermediate metabolizer', 'A', 'CPIC guideline for CYP2D6 and tamoxifen, 2017'],
  ['CYP2D6', 'atomoxetine', 'CYP2D6 poor metabolizer', 'A', 'CPIC guideline for CYP2D6 and atomoxetine, 2019'],
  ['CYP2D6', 'paroxetine', 'CYP2D6 poor/ultrarapid metabolizer', 'A', SSRI],
  ['CYP2D6', 'fluvoxamine', 'CYP2D6 poor metabolizer', 'A', SSRI],
  ['CYP2D6', 'venlafaxine', 'CYP2D6 poor/intermediate metabolizer', 'B', SSRI],
  ['CYP2C19', 'citalopram', 'CYP2C19 poor/ultrarapid metabolizer', 'A', SSRI],
  ['CYP2C19', 'escitalopram', 'CYP2C19 poor/ultrarapid metabolizer', 'A', SSRI],
  ['CYP2C19', 'sertraline', 'CYP2C19 poor/ultrarapid metabolizer', 'A', SSRI],
  ['CYP2B6', 'sertraline', 'CYP2B6 poor/intermediate metabolizer', 'B', SSRI],
  ['CYP2D6', 'amitriptyline', 'CYP2D6 poor/ultrarapid metabolizer', 'A', TCA],
  ['CYP2C19', 'amitriptyline', 'CYP2C19 poor/ultrarapid metabolizer', 'A', TCA],
  ['CYP2D6', 'nortriptyline', 'CYP2D6 poor/ultrarapid metabolizer', 'A', TCA],
  ['CYP2C19', 'omeprazole', 'CYP2C19 rapid/ultrarapid or poor metabolizer', 'A', PPI],
  ['CYP2C19', 'lansoprazole', 'CYP2C19 rapid/ultrarapid or poor metabolizer', 'A', PPI],
  ['CYP2C19', 'pantoprazole', 'CYP2C19 rapid/ultrarapid or poor metabolizer', 'A', PPI],
  ['CYP2C19', 'dexlansoprazole', 'CYP2C19 rapid/ultrarapid or poor metabolizer', 'A', PPI],
  ['CYP2C19', 'voriconazole', 'CYP2C19 ultrarapid or poor metabolizer', 'A', 'CPIC guideline for CYP2C19 and voriconazole, 2016'],
  ['CYP2C9', 'celecoxib', 'CYP2C9 intermediate/poor metabolizer', 'A', NSAID],
  ['CYP2C9', 'flurbiprofen', 'CYP2C9 intermediate/poor metabolizer', 'A', NSAID],
  ['CYP2C9', 'ibuprofen', 'CYP2C9 intermediate/poor metabolizer', 'A', NSAID],
  ['UGT1A1', 'atazanavir', 'UGT1A1 poor metabolizer (*28/*28, *28/*37)', 'A', 'CPIC guideline for UGT1A1 and atazanavir, 2015'],
  ['UGT1A1', 'irinotecan', 'UGT1A1*28 homozygous', 'FDA', 'FDA irinotecan (Camptosar) label, Dosage and Warnings'],
  ['CYP3A5', 'tacrolimus', 'CYP3A5 expresser (*1)', 'A', 'CPIC guideline for CYP3A5 and tacrolimus, 2015'],
  ['CYP2B6', 'efavirenz', 'CYP2B6 intermediate/poor metabolizer (*6, *18)', 'A', 'CPIC guideline for CYP2B6 and efavirenz, 2019'],
  ['G6PD', 'rasburicase', 'G6PD deficient', 'A', G6PD],
  ['G6PD', 'primaquine', 'G6PD deficient', 'A', G6PD],
  ['G6PD', 'dapsone', 'G6PD deficient', 'A', G6PD],
  ['RYR1', 'sevoflurane', 'RYR1 malignant hyperthermia susceptible variant', 'A', ANESTHETICS],
  ['RYR1', 'desflurane', 'RYR1 malignant hyperthermia susceptible variant', 'A', ANESTHETICS],
  ['RYR1', 'succinylcholine', 'RYR1 malignant hyperthermia susceptible variant', 'A', ANESTHETICS],
  ['CACNA1S', 'sevoflurane', 'CACNA1S malignant hyperthermia susceptible variant', 'A', ANESTHETICS],
  ['CACNA1S', 'succinylcholine', 'CACNA1S malignant hyperthermia susceptible variant', 'A', ANESTHETICS],
  ['CFTR', 'ivacaftor', 'CFTR ivacaftor-responsive variant (e.g. G551D)', 'A', 'CPIC guideline for CFTR and ivacaftor, 2014'],
];
