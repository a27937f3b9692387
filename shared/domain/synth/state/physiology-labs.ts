// Domain (synth/state): untreated lipid, glycaemic and questionnaire values consistent with the conditions.
import type { ConditionKey } from '../catalog';
import type { RiskFactors } from '../model';
import type { Rng } from '../rng';
import { clamp, gamma, round, truncatedNormal } from './math';
import type { PhysiologyContext } from './physiology';

const has = (ctx: PhysiologyContext, key: ConditionKey): boolean =>
  ctx.conditions.some((c) => c.key === key);
const severity = (ctx: PhysiologyContext, key: ConditionKey) =>
  ctx.conditions.find((c) => c.key === key)?.severity;

/**
 * Lipids (mg/dL). Adults: NHANES 2015–2018 means (NCHS Data Brief 363: HDL men ≈47, women ≈58);
 * hyperlipidaemia means untreated LDL ≥130. Children: NHLBI Expert Panel 2011 (acceptable LDL <110,
 * mean ≈90). TG log-normal (median ≈105 adults). Total cholesterol by Friedewald
 * (Friedewald WT et al. Clin Chem 1972;18:499): TC = LDL + HDL + TG/5.
 */
export function lipids(
  rng: Rng,
  ctx: PhysiologyContext,
): Pick<RiskFactors, 'totalCholesterol' | 'hdl' | 'ldl' | 'triglycerides'> {
  const adult = ctx.age >= 18;
  const metabolic = has(ctx, 'obesity') || has(ctx, 'type2-diabetes');
  const ldl = !adult
    ? truncatedNormal(rng, 92, 20, 45, 129)
    : has(ctx, 'hyperlipidaemia')
      ? truncatedNormal(rng, 158, 22, 131, 260)
      : truncatedNormal(rng, 100 + 0.25 * Math.max(0, ctx.age - 40), 18, 45, 128);
  const hdlMean = !adult ? 53 : ctx.sex === 'male' ? 47 : 58;
  const hdl = clamp(rng.normal(hdlMean - (metabolic ? 5 : 0), 12), 22, 110);
  const tgMedian =
    (adult ? 105 : 70) * (has(ctx, 'obesity') ? 1.3 : 1) * (has(ctx, 'type2-diabetes') ? 1.3 : 1);
  const tg = clamp(tgMedian * Math.exp(0.45 * rng.normal()), 30, 1000);
  return {
    ldl: Math.round(ldl),
    hdl: Math.round(hdl),
    triglycerides: Math.round(tg),
    totalCholesterol: Math.round(ldl + hdl + tg / 5),
  };
}

/**
 * HbA1c (%) and fasting glucose (mg/dL). Normal < 5.7, prediabetes 5.7–6.4, diabetes ≥ 6.5 (ADA Standards
 * of Care 2024). Untreated type 2 diabetes: 6.5 + Gamma(2, 0.8), mean ≈8.1 (metformin then lowers it).
 * Type 1: the value on insulin at full adherence (untreated type 1 is not survivable); T1D Exchange mean
 * 8.4% (Foster NC et al. Diabetes Technol Ther 2019;21:66) is reached at typical adherence. Fasting glucose
 * from the ADAG relation eAG = 28.7 × A1c − 46.7 (Nathan DM et al. Diabetes Care 2008;31:1473), ≈12 lower
 * when fasting.
 */
export function glycaemia(
  rng: Rng,
  ctx: PhysiologyContext,
): Pick<RiskFactors, 'hba1c' | 'fastingGlucose'> {
  let hba1c: number;
  let range: [number, number];
  if (has(ctx, 'type1-diabetes')) {
    hba1c = truncatedNormal(rng, 7.6, 1.0, 6.5, 12);
    range = [100, 400];
  } else if (has(ctx, 'type2-diabetes')) {
    hba1c = Math.min(6.5 + gamma(rng, 2, 0.8), 14);
    range = [110, 450];
  } else if (has(ctx, 'prediabetes')) {
    hba1c = 5.7 + 0.7 * rng.next() ** 1.3;
    range = [90, 125];
  } else {
    hba1c = truncatedNormal(rng, 5.3, 0.2, 4.4, 5.6);
    range = [65, 99];
  }
  const glucose = clamp(28.7 * hba1c - 46.7 - 12 + rng.normal(0, 7), range[0], range[1]);
  return { hba1c: round(hba1c, 1), fastingGlucose: Math.round(glucose) };
}

const bandScore = (rng: Rng, lo: number, hi: number): number => rng.int(lo, hi);

/**
 * PHQ-9 and GAD-7 totals when screened: everyone with depression or anxiety (monitoring), and half of
 * others aged 12+ (USPSTF 2016 depression and 2023 anxiety screening; uptake is a modelling assumption).
 * Bands: PHQ-9 10–14 moderate, 15–19 moderately severe, 20–27 severe (Kroenke K et al. J Gen Intern Med
 * 2001;16:606); GAD-7 10–14 moderate, 15–21 severe (Spitzer RL et al. Arch Intern Med 2006;166:1092).
 * Without the disorder, mild symptom scores (5–9) occur in ≈11% (PHQ) and ≈10% (GAD) of adults
 * (NCHS Data Briefs 378 and 379, NHIS 2019), more often with the other disorder.
 */
export function questionnaires(
  rng: Rng,
  ctx: PhysiologyContext,
): Pick<RiskFactors, 'phq9' | 'gad7'> {
  const depression = severity(ctx, 'depression');
  const anxiety = severity(ctx, 'anxiety');
  const hasDepression = has(ctx, 'depression');
  const hasAnxiety = has(ctx, 'anxiety');
  if (ctx.age < 12 || (!hasDepression && !hasAnxiety && !rng.chance(0.5))) return {};
  const phq9 = hasDepression
    ? depression === 'severe'
      ? bandScore(rng, 20, 27)
      : depression === 'moderately severe'
        ? bandScore(rng, 15, 19)
        : bandScore(rng, 10, 14)
    : rng.chance(hasAnxiety ? 0.5 : 0.11)
      ? bandScore(rng, 5, 9)
      : bandScore(rng, 0, 4);
  const gad7 = hasAnxiety
    ? anxiety === 'severe'
      ? bandScore(rng, 15, 21)
      : bandScore(rng, 10, 14)
    : rng.chance(hasDepression ? 0.45 : 0.1)
      ? bandScore(rng, 5, 9)
      : bandScore(rng, 0, 4);
  return { phq9, gad7 };
}
