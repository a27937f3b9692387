// Domain (synth/state): the heart-failure phenotype — the patient's LVEF and its category (HFrEF,
// HFmrEF, HFpEF), drawn once per patient from its own stream after the conditions.
import type { Sex, TrueCondition } from '../model';
import type { Rng } from '../rng';
import { lvefCategory, type LvefCategory } from '../../risk/lvef';
import { invLogit, logit, truncatedNormal } from './math';

/** The categories (and their classification) are the risk module's, shared with the recommender. */
export { lvefCategory };
export type HeartFailurePhenotype = LvefCategory;

/**
 * LVEF bounds (%) of each category: HFrEF ≤ 40, HFmrEF 41–49, HFpEF ≥ 50 (2022 AHA/ACC/HFSA Guideline
 * for the Management of Heart Failure, Heidenreich PA et al. Circulation 2022;145:e895, section 2;
 * Universal Definition and Classification of HF, Bozkurt B et al. J Card Fail 2021;27:387). The outer
 * limits (10% and 75%) are generator choices: the range an echo report gives.
 */
export const lvefBounds: Record<HeartFailurePhenotype, readonly [number, number]> = {
  HFrEF: [10, 40],
  HFmrEF: [41, 49],
  HFpEF: [50, 75],
};

/** The phenotype recorded on a heart-failure condition, if any. */
export function phenotypeOf(
  condition: TrueCondition | undefined,
): HeartFailurePhenotype | undefined {
  const s = condition?.severity;
  return s === 'HFrEF' || s === 'HFmrEF' || s === 'HFpEF' ? s : undefined;
}

/**
 * Share of HFpEF among patients with HF in the community: about half (Dunlay SM, Roger VL, Redfield
 * MM. Nat Rev Cardiol 2017;14:591, review of community cohorts incl. Olmsted County; 36–39% among
 * hospitalisations in GWTG-HF 2005–2010, Steinberg BA et al. Circulation 2012;126:65).
 */
const preservedShare = 0.5;
/**
 * Odds ratios for HFpEF vs HFrEF at HF onset in the Framingham Heart Study (Lee DS et al. Circulation
 * 2009;119:3070): female sex 2.29, prior MI 0.32; centred on the generated HF population's shares
 * (46.5% women, 29.8% with MI history: 544 HF patients of 20,000, seed 7), so the HFpEF share stays
 * about half.
 */
const femaleOr = 2.29;
const miOr = 0.32;
const femaleShareInHf = 0.465;
const miShareInHf = 0.298;
/**
 * Among the rest, HFmrEF (then "borderline", 40–49%) 14 of every 64 (GWTG-HF 2005–2010: 50% reduced,
 * 14% borderline, 36% preserved; Steinberg 2012).
 */
const mildlyReducedOfRest = 14 / 64;

/**
 * The patient's LVEF (%) given its category: HFrEF ≈ N(29, 7) (CHAMP-HF mean 29%, DeVore AD et al.
 * JAHA 2018;7:e009237), HFmrEF uniform, HFpEF ≈ N(58, 6) (EMPEROR-Preserved and PARAGON-HF means
 * 54–58%) — each truncated to its category, a generator choice in shape.
 */
function drawLvef(rng: Rng, phenotype: HeartFailurePhenotype): number {
  const [lo, hi] = lvefBounds[phenotype];
  if (phenotype === 'HFmrEF') return rng.int(lo, hi);
  const [mean, sd] = phenotype === 'HFrEF' ? [29, 7] : [58, 6];
  return Math.min(hi, Math.max(lo, Math.round(truncatedNormal(rng, mean, sd, lo, hi))));
}

/**
 * Sets the heart-failure condition's phenotype (`severity`) and LVEF (`ejectionFraction`), drawn from
 * `rng` (the patient's 'hf-phenotype' fork, so no other stream moves). A patient without HF is left
 * as is and draws nothing.
 */
export function assignHeartFailurePhenotype(rng: Rng, conditions: TrueCondition[], sex: Sex): void {
  const hf = conditions.find((c) => c.key === 'heart-failure');
  if (!hf) return;
  const mi = conditions.some((c) => c.key === 'myocardial-infarction') ? 1 : 0;
  const female = sex === 'female' ? 1 : 0;
  const x =
    logit(preservedShare) +
    Math.log(femaleOr) * (female - femaleShareInHf) +
    Math.log(miOr) * (mi - miShareInHf);
  const phenotype: HeartFailurePhenotype = rng.chance(invLogit(x))
    ? 'HFpEF'
    : rng.chance(mildlyReducedOfRest)
      ? 'HFmrEF'
      : 'HFrEF';
  hf.severity = phenotype;
  hf.ejectionFraction = drawLvef(rng, phenotype);
}
