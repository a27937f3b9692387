// Domain (synth/state): the heart-failure phenotype — the patient's LVEF and its category (HFrEF,
// HFmrEF, HFpEF), drawn once per patient from its own stream after the conditions — then how an
// HFrEF's LVEF may improve over time (HF with improved EF) and which office visits measure it.
import type { Sex, TrueCondition, TrueEncounter } from '../model';
import type { Rng } from '../rng';
import { lvefCategory, type LvefCategory } from '../../risk/lvef';
import { dayFromIso, daysPerMonth, isoDate } from './calendar';
import { exponential, invLogit, logit, truncatedNormal } from './math';

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

/**
 * Share of HFrEF whose LVEF improves to HF with improved EF (HFimpEF: a baseline LVEF ≤ 40%, a rise
 * of at least 10 points, and a follow-up LVEF > 40%; Universal Definition, Bozkurt B et al. J Card
 * Fail 2021;27:387; 2022 AHA/ACC/HFSA Table 4): 22.64%, the pooled prevalence of nine cohorts (9,491
 * patients, mean follow-up 3.8 years; He Y et al. Front Cardiovasc Med 2021;8:757596). Cohorts with
 * systematic follow-up echoes report more (39% of 1,307 US outpatients, 56% of 923 hospitalised
 * patients), so this is the conservative end.
 */
export const improvedEfShare = 0.2264;
/**
 * Months from the diagnosis to the improved LVEF: at least 3 (the follow-up echo after 3 months of
 * GDMT that shows it; 2022 AHA/ACC/HFSA section 4.4, recommendation 3; CCS 2017 HF guidelines Table
 * 5), then exponential with its mean set so that 65% of improvements happen within 12 months
 * (Huang L et al. Int J Cardiol 2025;420:132759: 65.0% of HFimpEF within 12 months): 1 − e^(−9/m) =
 * 0.65, m = 9 / ln(1 / 0.35) ≈ 8.57 months.
 */
const improvementMinMonths = 3;
const improvementMeanExtraMonths = 9 / Math.log(1 / 0.35);
/**
 * The improved LVEF: at least 10 points above the baseline and above 40% (the definition), plus 0-10
 * points more, at most 65% (generator choices; cohorts of HFimpEF report mean follow-up LVEFs of
 * about 48-52%).
 */
const improvedExtraPoints = 10;
const improvedCeiling = 65;

/**
 * Whether an HFrEF's LVEF improves, to what and by when (`TrueCondition.improvedEf`), drawn from `rng`
 * (the patient's 'hf-course' fork, so no other stream moves). Other heart failure and patients
 * without it are left as they are and draw nothing. The phenotype (`severity`) stays HFrEF: what the
 * heart failure was diagnosed as, and the therapy it keeps (2022 AHA/ACC/HFSA section 7.7.2: in
 * HFimpEF, GDMT should be continued, TRED-HF).
 */
export function assignLvefCourse(rng: Rng, conditions: readonly TrueCondition[]): void {
  const hf = conditions.find((c) => c.key === 'heart-failure');
  if (!hf || hf.severity !== 'HFrEF' || hf.ejectionFraction === undefined) return;
  if (!rng.chance(improvedEfShare)) return;
  const months = improvementMinMonths + exponential(rng, improvementMeanExtraMonths);
  const baseline = hf.ejectionFraction;
  const ejectionFraction = Math.min(
    improvedCeiling,
    Math.max(41, baseline + 10) + rng.int(0, improvedExtraPoints),
  );
  const date = isoDate(dayFromIso(hf.onset) + Math.round(months * daysPerMonth));
  hf.improvedEf = { ejectionFraction, date };
}

/**
 * The true LVEF (%) of a heart failure on `date` (YYYY-MM-DD): its LVEF at diagnosis, or on the way
 * to its improved LVEF (a straight line from the diagnosis to the day it is reached, rounded;
 * reverse remodelling is gradual), or that LVEF from then on. Undefined without an LVEF.
 */
export function lvefOn(hf: TrueCondition, date: string): number | undefined {
  const course = hf.improvedEf;
  if (course === undefined || hf.ejectionFraction === undefined) return hf.ejectionFraction;
  if (date >= course.date) return course.ejectionFraction;
  if (date <= hf.onset) return hf.ejectionFraction;
  const from = dayFromIso(hf.onset);
  const t = (dayFromIso(date) - from) / (dayFromIso(course.date) - from);
  return Math.round(hf.ejectionFraction + (course.ejectionFraction - hf.ejectionFraction) * t);
}

/**
 * True when the heart failure is HF with improved EF on `date`: an HFrEF whose LVEF is above 40% by
 * then (2022 AHA/ACC/HFSA Table 4: previous LVEF ≤ 40% and a follow-up LVEF > 40%).
 */
export function improvedBy(hf: TrueCondition, date: string): boolean {
  return hf.improvedEf !== undefined && (lvefOn(hf, date) ?? 0) > 40;
}

/** Days of GDMT before the LVEF is measured again (3 months; see `improvementMinMonths`). */
const repeatEchoAfterDays = 90;

/**
 * Marks the office visits of a heart failure that include an echocardiogram (`TrueEncounter.echo`):
 * - the visit that diagnoses it (on the onset day, or the weekday beside it): TTE at the initial
 *   evaluation of newly diagnosed HF is class 1 (2022 AHA/ACC/HFSA section 4.4, recommendation 2);
 *   until 1.8.0 an office diagnosis had no echo, so an HFrEF's first LVEF came from a later
 *   admission;
 * - an HFrEF's first heart-failure follow-up 90 or more days after the diagnosis: after GDMT, and to
 *   decide on device therapy (an ICD needs LVEF ≤ 35% after 3 months of GDMT), repeat measurement of
 *   EF is class 1 (recommendation 3); without such a reason routine repeats are class 3, no benefit
 *   (recommendation 8), so there is one, and none for HFmrEF or HFpEF (generator choices). About
 *   half the HFrEF were diagnosed before the export's three years (69 of 143, seed 61): for them
 *   this is the window's first follow-up.
 * Admissions and ED visits order their own studies (notes/sections/results.ts). Draws nothing.
 */
export function markEchoVisits(
  conditions: readonly TrueCondition[],
  encounters: readonly TrueEncounter[],
): void {
  const hf = conditions.find((c) => c.key === 'heart-failure');
  if (!hf) return;
  const office = (e: TrueEncounter): boolean =>
    e.kind === 'ambulatory' && e.reason === 'heart-failure';
  // The diagnosing visit is on the onset day, or the weekday next to it (state/encounters.ts).
  const onset = dayFromIso(hf.onset);
  const diagnosis = encounters.find(
    (e) => office(e) && Math.abs(dayFromIso(e.start.slice(0, 10)) - onset) <= 1,
  );
  if (diagnosis) diagnosis.echo = 'diagnosis';
  if (hf.severity !== 'HFrEF') return;
  const from = isoDate(onset + repeatEchoAfterDays);
  const repeat = encounters.find((e) => office(e) && e.start.slice(0, 10) >= from);
  if (repeat) repeat.echo = 'repeat';
}
