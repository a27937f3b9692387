// Domain (synth/state): which conditions a patient has, when they began and how severe they are — a
// logistic model per condition, generated in dependency order so comorbidity is coherent.
import type { ConditionKey } from '../catalog';
import { conditions as catalogConditions } from '../catalog';
import type { Sex, TrueCondition } from '../model';
import type { Rng } from '../rng';
import { daysPerMonth, isoDate, type Day } from './calendar';
import { cardiometabolicSpecs } from './cardiometabolic-condition-specs';
import {
  ckdStages,
  miGivenCad,
  obesityClasses,
  populationShares,
  type ConditionSpec,
  type Onset,
  type PatientFactor,
  type PrevalenceTable,
  type RiskFactorKey,
} from './condition-tables';
import type { OmbRace } from './demographics';
import type { FamilyRisk } from './family-history';
import { bandIndex, clamp, invLogit, logit, truncatedNormal } from './math';
import { otherSpecs } from './other-condition-specs';
import { smokingShares, type SmokingStatus } from './smoking';

/** Generation order: every condition's risk factors precede it. */
export const conditionSpecs: readonly ConditionSpec[] = [...cardiometabolicSpecs, ...otherSpecs];
const specByKey = new Map(conditionSpecs.map((s) => [s.key, s]));

export interface ConditionContext {
  age: number;
  sex: Sex;
  race: OmbRace;
  hispanic: boolean;
  smoking: SmokingStatus;
  family: FamilyRisk;
  birthDay: Day;
  asOfDay: Day;
}

/** Prevalence (0–1) for the age band containing `age` (years); 0 below the first band. */
export function prevalenceAt(table: PrevalenceTable, age: number, sex: Sex): number {
  const i = bandIndex(table.ages, age);
  return i < 0 ? 0 : table[sex][i]!;
}

/** Marginal prevalence of a prior condition at this age and sex (the share a risk factor is centred on). */
function conditionShare(key: ConditionKey, age: number, sex: Sex): number {
  if (key === 'myocardial-infarction')
    return prevalenceAt(specByKey.get('coronary-disease')!.prevalence, age, sex) * miGivenCad[sex];
  const spec = specByKey.get(key)!;
  return age < spec.minAge ? 0 : prevalenceAt(spec.prevalence, age, sex);
}

function factorPresent(
  factor: RiskFactorKey,
  ctx: ConditionContext,
  present: ReadonlySet<ConditionKey>,
): boolean {
  switch (factor) {
    case 'black':
      return ctx.race === 'black' && !ctx.hispanic;
    case 'hispanic':
      return ctx.hispanic;
    case 'asian':
      return ctx.race === 'asian' && !ctx.hispanic;
    case 'fhDiabetes':
      return ctx.family.diabetes;
    case 'fhPrematureCad':
      return ctx.family.prematureCad;
    case 'fhBreast':
      return ctx.family.breastCancer;
    case 'fhColorectal':
      return ctx.family.colorectalCancer;
    default:
      return present.has(factor);
  }
}

function isPatientFactor(factor: RiskFactorKey): factor is PatientFactor {
  return factor in populationShares;
}

/**
 * Baseline probability for this age band and sex, before risk factors. Prediabetes is conditional on no
 * diagnosed diabetes; MI history exists only with coronary disease.
 */
function baseline(
  spec: ConditionSpec,
  ctx: ConditionContext,
  present: ReadonlySet<ConditionKey>,
): number {
  if (spec.key === 'myocardial-infarction')
    return present.has('coronary-disease') ? miGivenCad[ctx.sex] : 0;
  const p = prevalenceAt(spec.prevalence, ctx.age, ctx.sex) * episodeExposure(spec.onset, ctx);
  if (spec.key !== 'prediabetes') return p;
  if (present.has('type2-diabetes') || present.has('type1-diabetes')) return 0;
  return p / (1 - conditionShare('type2-diabetes', ctx.age, ctx.sex));
}

interface SpecFactor {
  factor: RiskFactorKey;
  beta: number;
}

/** Each spec's factors as [key, ln OR], built once. */
const specFactors = new Map<ConditionKey, readonly SpecFactor[]>(
  conditionSpecs.map((spec) => [
    spec.key,
    (Object.entries(spec.odds ?? {}) as [RiskFactorKey, number][]).map(([factor, or]) => ({
      factor,
      beta: Math.log(or),
    })),
  ]),
);
const specIndex = new Map(conditionSpecs.map((spec, i) => [spec.key, i]));

/** Smoking as a three-level factor: [share, β] for never, former, current. */
function smokingLevels(spec: ConditionSpec, age: number, sex: Sex): [number, number][] {
  if (!spec.smoking) return [[1, 0]];
  const { current, former } = smokingShares(age, sex);
  return [
    [1 - current - former, 0],
    [former, Math.log(spec.smoking.former)],
    [current, Math.log(spec.smoking.current)],
  ];
}

/** Factor combinations [population weight, Σβ], treating factors as independent with their shares. */
function combinations(spec: ConditionSpec, age: number, sex: Sex): [number, number][] {
  const combos = smokingLevels(spec, age, sex);
  for (const { factor, beta } of specFactors.get(spec.key)!) {
    const share = isPatientFactor(factor)
      ? populationShares[factor]
      : conditionShare(factor, age, sex);
    const n = combos.length;
    for (let i = 0; i < n; i++) {
      const [w, b] = combos[i]!;
      combos[i] = [w * (1 - share), b];
      combos.push([w * share, b + beta]);
    }
  }
  return combos;
}

/**
 * The intercept shift δ that keeps the marginal prevalence at p0: solves
 * Σ_combinations w · logistic(logit(p0) + Σβx + δ) = p0 by Newton's method over the factor combinations
 * (factors treated as independent, each with its population share). Cached per condition, age and sex.
 */
function calibratedShift(spec: ConditionSpec, age: number, sex: Sex, p0: number): number {
  const slot =
    (specIndex.get(spec.key)! * 128 + Math.min(age, 127)) * 2 + (sex === 'female' ? 1 : 0);
  const cached = shiftCache[slot]!;
  if (!Number.isNaN(cached) && p0 === shiftBase[slot]) return cached;
  const combos = combinations(spec, age, sex);
  const a = logit(p0);
  let delta = 0;
  for (let iter = 0; iter < 30; iter++) {
    let f = -p0;
    let df = 0;
    for (const [w, b] of combos) {
      const p = invLogit(a + b + delta);
      f += w * p;
      df += w * p * (1 - p);
    }
    const step = f / Math.max(df, 1e-12);
    delta -= step;
    if (Math.abs(step) < 1e-9) break;
  }
  shiftCache[slot] = delta;
  shiftBase[slot] = p0;
  return delta;
}
const shiftCache = new Float64Array(conditionSpecs.length * 256).fill(Number.NaN);
const shiftBase = new Float64Array(conditionSpecs.length * 256);

/**
 * P(condition) = logistic(logit(p0) + δ + Σ β·x), where p0 is the published prevalence for the age band
 * and sex, β = ln(OR) of each risk factor the patient has, and δ the shift that keeps the population
 * prevalence at p0 (see calibratedShift). Odds ratios between people with and without a factor are the
 * published ones; the prevalence by age and sex stays the published one.
 */
export function conditionProbability(
  spec: ConditionSpec,
  ctx: ConditionContext,
  present: ReadonlySet<ConditionKey>,
): number {
  const p0 = Math.min(baseline(spec, ctx, present), 0.995);
  if (p0 <= 0) return 0;
  const factors = specFactors.get(spec.key)!;
  let x = logit(Math.max(p0, 1e-6));
  if (factors.length > 0 || spec.smoking)
    x += calibratedShift(spec, ctx.age, ctx.sex, Math.max(p0, 1e-6));
  for (const { factor, beta } of factors) if (factorPresent(factor, ctx, present)) x += beta;
  if (spec.smoking && ctx.smoking !== 'never') x += Math.log(spec.smoking[ctx.smoking]);
  return invLogit(x);
}

/**
 * The share of an episode condition's prevalence a child has been at risk for: 0 before the onset's
 * `fromAgeMonths`, rising in a straight line to 1 at `rampToMonths` (1 at once without a ramp).
 */
function episodeExposure(onset: Onset, ctx: ConditionContext): number {
  if (onset.kind !== 'episode' || onset.fromAgeMonths === undefined) return 1;
  const months = (ctx.asOfDay - ctx.birthDay) / daysPerMonth;
  if (months < onset.fromAgeMonths) return 0;
  if (onset.rampToMonths === undefined) return 1;
  return Math.min(1, (months - onset.fromAgeMonths) / (onset.rampToMonths - onset.fromAgeMonths));
}

function eligible(spec: ConditionSpec, ctx: ConditionContext): boolean {
  if (ctx.age < spec.minAge || (spec.maxAge !== undefined && ctx.age > spec.maxAge)) return false;
  return spec.sex === undefined || spec.sex === ctx.sex;
}

/** Truncated exponential on [0, max]: −mean·ln(1 − u(1 − e^{−max/mean})). */
function yearsBack(rng: Rng, meanYears: number, maxYears: number): number {
  const cap = 1 - Math.exp(-maxYears / meanYears);
  return -meanYears * Math.log(1 - rng.next() * cap);
}

/** Onset day (strictly after birth, strictly before asOf) and whether it is still active. */
function drawOnset(rng: Rng, onset: Onset, ctx: ConditionContext): { day: Day; active: boolean } {
  const latest = ctx.asOfDay - 1;
  const earliestFrom = (fromAge: number) =>
    Math.min(latest, Math.max(ctx.birthDay + 1, ctx.birthDay + Math.round(fromAge * 365.25)));
  let day: Day;
  if (onset.kind === 'episode') {
    const first = ctx.birthDay + 1 + Math.round((onset.fromAgeMonths ?? 0) * daysPerMonth);
    day = latest - rng.int(0, Math.max(0, Math.min(onset.windowDays, latest - first)));
    return { day, active: ctx.asOfDay - day <= onset.activeDays };
  }
  if (onset.kind === 'childhood') {
    const ageAtAsOf = (ctx.asOfDay - ctx.birthDay) / 365.25;
    const hi = Math.max(onset.fromAge, ageAtAsOf);
    const onsetAge = truncatedNormal(
      rng,
      onset.meanAge,
      onset.sdAge,
      Math.min(onset.fromAge, hi),
      hi,
    );
    day = clamp(ctx.birthDay + Math.round(onsetAge * 365.25), earliestFrom(0), latest);
    return { day, active: true };
  }
  const earliest = earliestFrom(onset.fromAge);
  const back = yearsBack(rng, onset.meanYears, (latest - earliest) / 365.25);
  day = clamp(latest - Math.round(back * 365.25), earliest, latest);
  const active = onset.kind === 'chronic' || ctx.asOfDay - day <= onset.activeDays;
  return { day, active };
}

function drawSeverity(rng: Rng, spec: ConditionSpec, age: number): string | undefined {
  if (spec.key === 'ckd') return rng.weighted(age < 60 ? ckdStages.under60 : ckdStages.over60);
  if (spec.key === 'obesity')
    return rng.weighted(age < 18 ? obesityClasses.child : obesityClasses.adult);
  return spec.severity ? rng.weighted(spec.severity) : undefined;
}

/**
 * A prevalent cancer's stage and years since diagnosis, drawn jointly (generator model, 1.6.0).
 *
 * Survivors diagnosed t years ago are those diagnosed then (incidence, stage weights w_s = the spec's
 * stage distribution at diagnosis) who are still alive: the density of (stage s, t) among prevalent
 * patients is ∝ w_s · e^{−t/m} · RS_s(t) on [0, T], where m is the spec's `meanYears` (time since
 * diagnosis without excess cancer mortality: background deaths and the age gradient of incidence) and
 * RS_s the relative survival of stage s, taken as exponential with the hazard λ_s = −ln(RS5_s)/5 fitted
 * to its 5-year relative survival (`stageSurvival5y`, SEER). So t | s ~ Exponential(rate 1/m + λ_s)
 * truncated at T (the years since `fromAge`), and P(s) ∝ w_s · (1 − e^{−r_s T}) / r_s: distant stages
 * are rarer among survivors than at diagnosis and recently diagnosed. The exponential ignores the
 * flattening of survival curves (cure) and so understates very long distant-stage survivors.
 */
function drawCancer(
  rng: Rng,
  spec: ConditionSpec,
  survival5y: Readonly<Record<string, number>>,
  ctx: ConditionContext,
): TrueCondition {
  const onset = spec.onset;
  if (onset.kind !== 'chronic')
    throw new Error(`${spec.key}: stage survival needs a chronic onset`);
  const latest = ctx.asOfDay - 1;
  const earliest = Math.min(
    latest,
    Math.max(ctx.birthDay + 1, ctx.birthDay + Math.round(onset.fromAge * 365.25)),
  );
  const maxYears = (latest - earliest) / 365.25;
  const stages = spec.severity ?? [];
  const rates = stages.map(([stage]) => 1 / onset.meanYears - Math.log(survival5y[stage] ?? 1) / 5);
  const weighted = stages.map(
    ([, w], i) => [i, (w * (1 - Math.exp(-rates[i]! * maxYears))) / rates[i]!] as const,
  );
  const i = rng.weighted(weighted);
  const back = maxYears > 0 ? yearsBack(rng, 1 / rates[i]!, maxYears) : 0;
  const condition: TrueCondition = {
    key: spec.key,
    onset: isoDate(clamp(latest - Math.round(back * 365.25), earliest, latest)),
    status: 'active',
  };
  const stage = stages[i]?.[0];
  if (stage !== undefined) condition.severity = stage;
  return condition;
}

function drawCondition(rng: Rng, spec: ConditionSpec, ctx: ConditionContext): TrueCondition {
  if (spec.stageSurvival5y) return drawCancer(rng, spec, spec.stageSurvival5y, ctx);
  const onsetSpec = ctx.age >= 18 && spec.adultOnset ? spec.adultOnset : spec.onset;
  const { day, active } = drawOnset(rng, onsetSpec, ctx);
  const chronic: boolean = catalogConditions[spec.key].chronic;
  const condition: TrueCondition = {
    key: spec.key,
    onset: isoDate(day),
    status: chronic || active ? 'active' : 'resolved',
  };
  const severity = drawSeverity(rng, spec, ctx.age);
  if (severity !== undefined) condition.severity = severity;
  return condition;
}

/** Coronary disease is diagnosed no later than the MI that revealed it. */
function alignCoronaryOnset(list: TrueCondition[]): void {
  const mi = list.find((c) => c.key === 'myocardial-infarction');
  const cad = list.find((c) => c.key === 'coronary-disease');
  if (mi && cad && mi.onset < cad.onset) cad.onset = mi.onset;
}

/** Draws the patient's conditions from the 'conditions' stream, in dependency order. */
export function generateConditions(rng: Rng, ctx: ConditionContext): TrueCondition[] {
  const present = new Set<ConditionKey>();
  const list: TrueCondition[] = [];
  for (const spec of conditionSpecs) {
    if (!eligible(spec, ctx)) continue;
    if (!rng.chance(conditionProbability(spec, ctx, present))) continue;
    present.add(spec.key);
    list.push(drawCondition(rng, spec, ctx));
  }
  alignCoronaryOnset(list);
  return list;
}
