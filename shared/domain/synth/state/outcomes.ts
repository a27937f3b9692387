// Domain (synth/state): the generative outcome models — 10-year ASCVD, 5-year incident type 2 diabetes and
// 30-day readmission — each a documented risk equation on the TRUE state plus an unobserved patient-level
// term, so that no model trained on observed data can be perfect. Each outcome records the probability
// its event was drawn with (latent term included) and the Bayes-optimal probability: the same equation
// with the latent term integrated out, the best prediction anything that knows the true state but not
// the latent term can make. Also exports the cohort accumulator.
import type { ConditionKey } from '../catalog';
import type {
  Outcomes,
  RiskFactors,
  Sex,
  TrueCondition,
  TrueMedication,
  TrueOutcome,
} from '../model';
import type { Rng } from '../rng';
import { isoDate, type Day } from './calendar';
import { drugs, type DrugKey } from './drugs';
import type { EncounterPlan } from './encounters';
import { clamp, invLogit, logit, normalExpectation } from './math';
import { pceTerms } from './pooled-cohort';
import { effectsOn } from './treatment-effects';

export {
  OutcomeAccumulator,
  outcomeNames,
  type OutcomeName,
  type OutcomeSummary,
} from './outcome-accumulator';

export interface OutcomeContext {
  age: number;
  sex: Sex;
  black: boolean;
  asOfDay: Day;
  conditions: readonly TrueCondition[];
  riskFactors: RiskFactors;
  medications: readonly TrueMedication[];
  familyDiabetes: boolean;
  plans: readonly EncounterPlan[];
}

/** SD of the unobserved patient-level term on the log-odds / log-hazard scale. */
export const latentSd = 0.3;

const antihypertensiveClasses = new Set([
  'ace-inhibitor',
  'arb',
  'arni',
  'calcium-channel-blocker',
  'thiazide',
  'beta-blocker',
  'loop-diuretic',
]);

const has = (ctx: OutcomeContext, key: ConditionKey) => ctx.conditions.some((c) => c.key === key);

/**
 * A risk equation with everything but the latent term evaluated: the probability as a function of the
 * latent term's value (on the log-hazard or log-odds scale).
 */
export type RiskAtLatent = (latent: number) => number;

/** Time to event within `years`, given an event, for a constant hazard with cumulative risk p. */
function eventDay(asOfDay: Day, p: number, years: number, u: number): Day {
  const hazard = -Math.log(1 - p) / years;
  const t = -Math.log(1 - u * p) / hazard;
  return asOfDay + Math.max(1, Math.round(t * 365.25));
}

/**
 * 10-year hard ASCVD, ages 40–79: the Pooled Cohort Equations (Goff 2013) on the true, achieved risk
 * factors at asOf (statin-lowered total cholesterol, treated systolic BP with the treated coefficients),
 * inputs clamped to the PCE ranges (TC 130–320, HDL 20–100, SBP 90–200), plus log-hazard ln 2 for prior
 * ASCVD (recurrent-event risk ≈2× in REACH, Bhatt DL et al. JAMA 2010;304:1350) and a latent N(0, 0.3).
 */
function cvdRisk(ctx: OutcomeContext): RiskAtLatent {
  const rf = ctx.riskFactors;
  const fx = effectsOn(ctx.medications, ctx.asOfDay, rf.systolicUntreated);
  const treated = ctx.medications.some(
    (m) => m.end === undefined && antihypertensiveClasses.has(drugs[m.key as DrugKey].drugClass),
  );
  const { centredSum, baselineSurvival } = pceTerms({
    age: ctx.age,
    sex: ctx.sex,
    africanAmerican: ctx.black,
    totalCholesterol: clamp(rf.ldl * fx.ldlFactor + rf.hdl + rf.triglycerides / 5, 130, 320),
    hdl: clamp(rf.hdl, 20, 100),
    systolic: clamp(rf.systolicUntreated - fx.systolicDrop, 90, 200),
    treatedForHypertension: treated,
    smoker: rf.smoking === 'current',
    diabetes: has(ctx, 'type2-diabetes') || has(ctx, 'type1-diabetes'),
  });
  const priorAscvd =
    has(ctx, 'coronary-disease') || has(ctx, 'myocardial-infarction') || has(ctx, 'stroke');
  const logHazard = centredSum + (priorAscvd ? Math.log(2) : 0);
  return (latent) =>
    clamp(1 - Math.pow(baselineSurvival, Math.exp(logHazard + latent)), 0.001, 0.95);
}

/**
 * 5-year incident type 2 diabetes, adults without diabetes. A FINDRISC-like logistic model (risk factors
 * of Lindström J, Tuomilehto J. Diabetes Care 2003;26:725: age, BMI, hypertension treatment, history of
 * high glucose, family history) with the glycaemic gradient of Zhang X et al. Diabetes Care 2010;33:1665
 * (HbA1c 5.5–6.0% → 9–25%, 6.0–6.5% → 25–50% over 5 years): log-odds per unit HbA1c 2.5, per mg/dL
 * fasting glucose 0.025, per kg/m² 0.06, per year 0.025; family history OR 2.0; hypertension OR 1.4.
 * Intercept −5.1 gives ≈5.5% over 5 years (NDSR 2023: 1.2 million new diagnoses a year).
 */
function diabetesRisk(ctx: OutcomeContext): RiskAtLatent {
  const rf = ctx.riskFactors;
  const x =
    -5.1 +
    2.5 * (rf.hba1c - 5.4) +
    0.025 * (rf.fastingGlucose - 95) +
    0.06 * (rf.bmi - 28) +
    0.025 * (ctx.age - 50) +
    (ctx.familyDiabetes ? Math.log(2) : 0) +
    (has(ctx, 'hypertension') ? Math.log(1.4) : 0);
  return (latent) => clamp(invLogit(x + latent), 0.001, 0.95);
}

/**
 * 30-day all-cause readmission after the latest inpatient stay: baseline 14% (HCUP Statistical Brief
 * #248, 2016) with LACE-style factors (van Walraven C et al. CMAJ 2010;182:551: length of stay,
 * comorbidity, prior ED use): heart failure OR 1.6, CKD 1.35, COPD 1.35, diabetes 1.15, stay ≥ 5 days 1.35,
 * each ED visit in the prior 6 months 1.3, age +1.2%/yr, each medication beyond four +4%, and poor
 * adherence (log-odds +1.0 per unit below the mean 0.72).
 */
function readmissionRisk(ctx: OutcomeContext, index: EncounterPlan): RiskAtLatent {
  const current = ctx.medications.filter((m) => m.end === undefined);
  const adherence = current.length
    ? current.reduce((s, m) => s + m.adherence, 0) / current.length
    : 0.72;
  const priorEd = ctx.plans.filter(
    (p) => p.kind === 'emergency' && p.day < index.day && p.day >= index.day - 182,
  ).length;
  const x =
    logit(0.11) +
    0.012 * (ctx.age - 65) +
    (has(ctx, 'heart-failure') ? Math.log(1.6) : 0) +
    (has(ctx, 'ckd') ? Math.log(1.35) : 0) +
    (has(ctx, 'copd') ? Math.log(1.35) : 0) +
    (has(ctx, 'type2-diabetes') ? Math.log(1.15) : 0) +
    (index.endDay - index.day >= 5 ? Math.log(1.35) : 0) +
    priorEd * Math.log(1.3) +
    0.04 * (current.length - 4) +
    1.0 * (0.72 - adherence);
  return (latent) => clamp(invLogit(x + latent), 0.005, 0.9);
}

/**
 * The Bayes-optimal probability of an outcome given the true state: `risk` averaged over the latent
 * term's distribution, N(0, latentSd²). Labels are drawn with the latent term, which no model sees,
 * so this, not the drawn-with probability, is the best prediction a model of the true state can make.
 */
export function bayesOptimalProbability(risk: RiskAtLatent): number {
  return normalExpectation(risk, latentSd);
}

/** An outcome drawn with `risk` at the patient's latent value: the event happens when u < p. */
function drawOutcome(risk: RiskAtLatent, latent: number, u: number): TrueOutcome {
  const probability = risk(latent);
  return {
    probability,
    bayesOptimalProbability: bayesOptimalProbability(risk),
    event: u < probability,
  };
}

/** Draws the outcomes from the 'outcomes' stream; every draw happens whatever the eligibility (stable streams). */
export function generateOutcomes(
  rng: Rng,
  ctx: OutcomeContext,
): { outcomes: Outcomes; readmissionDay?: Day; readmissionReason?: ConditionKey } {
  const draws = Array.from({ length: 6 }, () => rng.next());
  const latents = [rng.normal(0, latentSd), rng.normal(0, latentSd), rng.normal(0, latentSd)];
  const outcomes: Outcomes = {};
  const timeToEvent = (
    risk: RiskAtLatent,
    latent: number,
    u: number,
    uTime: number,
    years: number,
  ) => {
    const drawn = drawOutcome(risk, latent, u);
    return drawn.event
      ? { ...drawn, eventDate: isoDate(eventDay(ctx.asOfDay, drawn.probability, years, uTime)) }
      : drawn;
  };
  if (ctx.age >= 40 && ctx.age <= 79)
    outcomes.cvd10y = timeToEvent(cvdRisk(ctx), latents[0]!, draws[0]!, draws[1]!, 10);
  if (ctx.age >= 18 && !has(ctx, 'type2-diabetes') && !has(ctx, 'type1-diabetes')) {
    outcomes.diabetes5y = timeToEvent(diabetesRisk(ctx), latents[1]!, draws[2]!, draws[3]!, 5);
  }
  const index = [...ctx.plans].reverse().find((p) => p.kind === 'inpatient');
  if (!index) return { outcomes };
  const readmission = drawOutcome(readmissionRisk(ctx, index), latents[2]!, draws[4]!);
  const event = readmission.event;
  // Readmissions cluster early: ≈60% within 15 days (Dharmarajan K et al. JAMA 2013;309:355).
  const day = index.endDay + 1 + Math.floor(29 * draws[5]! ** 1.6);
  outcomes.readmission30d = event ? { ...readmission, eventDate: isoDate(day) } : readmission;
  if (!event || day >= ctx.asOfDay) return { outcomes };
  return index.reason
    ? { outcomes, readmissionDay: day, readmissionReason: index.reason }
    : { outcomes, readmissionDay: day };
}
