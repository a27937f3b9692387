// Domain (pgx): warfarin. CPIC 2017 (Johnson JA et al., Clin Pharmacol Ther 2017;102:397-404,
// Figure 2) recommends calculating the dose with a validated pharmacogenetic algorithm (IWPC or Gage)
// using VKORC1 -1639G>A and CYP2C9 *2/*3 — Strong for patients not of African ancestry; for African
// ancestry (Moderate) the calculated dose is lowered 15-30% per CYP2C9 *5/*6/*8/*11 allele and 10-25%
// for rs12777823 A carriers; and, not of African ancestry, an optional 5-10% increase for CYP4F2*3
// carriers (CYP4F2 is not genotyped here: the text says it was not assessed). The IWPC equation is
// encoded here.
//
// Source: International Warfarin Pharmacogenetics Consortium, Klein TE et al. N Engl J Med
// 2009;360:753-764, Supplementary Appendix S1e, pharmacogenetic dosing algorithm:
// sqrt(weekly dose, mg) = 5.6044 - 0.2614 age(decades) + 0.0087 height(cm) + 0.0128 weight(kg)
//   - 0.8677 VKORC1 A/G - 1.6974 A/A - 0.4854 VKORC1 unknown
//   - 0.5211 CYP2C9 *1/*2 - 0.9357 *1/*3 - 1.0616 *2/*2 - 1.9206 *2/*3 - 2.3312 *3/*3 - 0.2188 unknown
//   - 0.1092 Asian - 0.2760 Black or African American - 0.1032 missing or mixed race
//   + 1.1816 enzyme inducer (carbamazepine, phenytoin, rifampin/rifampicin) - 0.5503 amiodarone.
// Age in decades is IWPC's decade category: 1 for 10-19 years, 2 for 20-29 ... 9 for 90 or over.
import { ValidationError } from '../errors';
import type { CpicActionKind } from './cpic-action-kind';
import type { CpicRecommendation } from './cpic-recommendations';
import { incompleteGenes, type PgxGeneResult } from './profile';

export type Vkorc1Genotype = 'G/G' | 'A/G' | 'A/A' | 'unknown';
export type IwpcCyp2c9 = '*1/*1' | '*1/*2' | '*1/*3' | '*2/*2' | '*2/*3' | '*3/*3' | 'unknown';
export type IwpcRace = 'white' | 'asian' | 'black' | 'mixed-or-missing';

export interface IwpcInputs {
  /** Years, 18-110. */
  ageYears: number;
  /** Centimetres, 100-250. */
  heightCm: number;
  /** Kilograms, 20-300. */
  weightKg: number;
  vkorc1: Vkorc1Genotype;
  cyp2c9: IwpcCyp2c9;
  race: IwpcRace;
  /** Taking carbamazepine, phenytoin, rifampin or rifampicin. */
  enzymeInducer: boolean;
  amiodarone: boolean;
}

const vkorc1Term: Record<Vkorc1Genotype, number> = {
  'G/G': 0,
  'A/G': -0.8677,
  'A/A': -1.6974,
  unknown: -0.4854,
};
const cyp2c9Term: Record<IwpcCyp2c9, number> = {
  '*1/*1': 0,
  '*1/*2': -0.5211,
  '*1/*3': -0.9357,
  '*2/*2': -1.0616,
  '*2/*3': -1.9206,
  '*3/*3': -2.3312,
  unknown: -0.2188,
};
const raceTerm: Record<IwpcRace, number> = {
  white: 0,
  asian: -0.1092,
  black: -0.276,
  'mixed-or-missing': -0.1032,
};

function checkRange(value: number, field: string, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max)
    throw new ValidationError(`${field} must be a number from ${min} to ${max}`, field);
}

/**
 * The IWPC pharmacogenetic estimate of the stable warfarin dose for a target INR of 2-3, in mg per
 * week (Klein et al. NEJM 2009; equation in the file comment). Throws ValidationError naming the field
 * when age (18-110 y), height (100-250 cm) or weight (20-300 kg) is out of range.
 */
export function iwpcWeeklyDose(inputs: IwpcInputs): number {
  checkRange(inputs.ageYears, 'ageYears', 18, 110);
  checkRange(inputs.heightCm, 'heightCm', 100, 250);
  checkRange(inputs.weightKg, 'weightKg', 20, 300);
  const decades = Math.min(9, Math.floor(inputs.ageYears / 10));
  const root =
    5.6044 -
    0.2614 * decades +
    0.0087 * inputs.heightCm +
    0.0128 * inputs.weightKg +
    vkorc1Term[inputs.vkorc1] +
    cyp2c9Term[inputs.cyp2c9] +
    raceTerm[inputs.race] +
    (inputs.enzymeInducer ? 1.1816 : 0) -
    (inputs.amiodarone ? 0.5503 : 0);
  return root * root;
}

/** VKORC1 -1639 genotype from the profile's VKORC1 phenotype ("-1639 AG" -> "A/G"). */
export function vkorc1Genotype(result: PgxGeneResult | undefined): Vkorc1Genotype {
  const found = /^-1639 ([AG])([AG])$/.exec(result?.phenotype ?? '');
  return found ? (`${found[1]}/${found[2]}` as Vkorc1Genotype) : 'unknown';
}

/**
 * CYP2C9 in IWPC's terms: *1, *2 and *3 combinations; any other allele, no call, or a call that a
 * missing position could change (profile.ts, `incomplete`) is unknown.
 */
export function iwpcCyp2c9(result: PgxGeneResult | undefined): IwpcCyp2c9 {
  if (result?.incomplete) return 'unknown';
  const diplotype = result?.diplotype ?? '';
  return /^\*[123]\/\*[123]$/.test(diplotype) ? (diplotype as IwpcCyp2c9) : 'unknown';
}

/**
 * Warfarin's kind is its genotype's, as its text (the algorithm, and a reduction for an African
 * ancestry the profile does not know) reads the same for every genotype: CYP2C9 intermediate or
 * poor metabolism (*2, *3, *5, *6, *8, *11) and each VKORC1 -1639A allele lower the dose the
 * algorithm gives (CPIC 2017, Johnson JA et al. Clin Pharmacol Ther 2017;102:397, Figure 1; IWPC, N
 * Engl J Med 2009;360:753), a dose change from the usual start.
 */
function warfarinKind(cyp2c9: PgxGeneResult | undefined, vkorc1: Vkorc1Genotype): CpicActionKind {
  const reduced = /^(?:Intermediate|Poor) Metabolizer$/.test(cyp2c9?.phenotype ?? '');
  return reduced || vkorc1.includes('A') ? 'dose' : 'standard';
}

/**
 * CYP4F2 is not genotyped by this pipeline (not among the ten VCF genes), yet CPIC 2017 (Johnson JA
 * et al. Clin Pharmacol Ther 2017;102:397-404, Figure 2) uses it: for patients not of African
 * ancestry, a CYP4F2*3 (rs2108622 T) carrier's calculated dose may be increased by 5-10% (optional
 * recommendation). The text says so rather than implying the genotype covered every input.
 */
export const cyp4f2NotAssessed =
  'CYP4F2 was not assessed: for patients not of African ancestry, CPIC 2017 (Figure 2) advises an optional 5-10% increase of the calculated dose for CYP4F2*3 (rs2108622) carriers.';

/** The CPIC 2017 warfarin recommendation for the profile's CYP2C9 and VKORC1 results, if any. */
export function warfarinRecommendation(
  cyp2c9: PgxGeneResult | undefined,
  vkorc1: PgxGeneResult | undefined,
): CpicRecommendation | undefined {
  if (!cyp2c9 && !vkorc1) return undefined;
  const genotype = { CYP2C9: iwpcCyp2c9(cyp2c9), VKORC1: vkorc1Genotype(vkorc1) };
  const incomplete = incompleteGenes(
    ['CYP2C9', 'VKORC1'],
    new Map([
      ['CYP2C9', cyp2c9],
      ['VKORC1', vkorc1],
    ]),
  );
  const text =
    `Calculate the starting dose with a validated pharmacogenetic algorithm (IWPC or Gage) using CYP2C9 ${genotype.CYP2C9} and VKORC1 -1639 ${genotype.VKORC1}. ` +
    'For patients of African ancestry, lower the calculated dose by 15-30% per CYP2C9 *5, *6, *8 or *11 allele and by 10-25% for rs12777823 A carriers (Moderate). ' +
    cyp4f2NotAssessed;
  return {
    drug: 'warfarin',
    genes: ['CYP2C9', 'VKORC1'],
    phenotype: `CYP2C9 ${cyp2c9?.phenotype ?? 'No Result'}; VKORC1 ${vkorc1?.phenotype ?? 'No Result'}`,
    lookupKey: genotype,
    action: 'Calculate the dose with a validated pharmacogenetic algorithm (IWPC or Gage).',
    text,
    kind: warfarinKind(cyp2c9, genotype.VKORC1),
    strength: 'Strong',
    source:
      'CPIC Guideline for Pharmacogenetics-Guided Warfarin Dosing (CPIC 2017); Johnson JA et al. Clin Pharmacol Ther 2017;102:397-404; IWPC, Klein TE et al. N Engl J Med 2009;360:753-764',
    ...(incomplete.length ? { incomplete } : {}),
  };
}
