// Domain (synth/state): first- and second-degree family history, drawn before the patient's own conditions
// so that a positive family history raises the patient's odds (the direction the literature measures).
import type { ConditionKey } from '../catalog';
import type { FamilyHistoryEntry, Sex } from '../model';
import type { Rng } from '../rng';
import { clamp, invLogit, logit, truncatedNormal } from './math';

type Relationship = FamilyHistoryEntry['relationship'];

interface RelativeCondition {
  key: ConditionKey;
  /** Probability of having had it by about age 70. */
  lifetime: number;
  onsetMean: number;
  onsetSd: number;
  femaleOnly?: boolean;
  /** Shares the family's cardiometabolic liability. */
  familial: boolean;
}

/**
 * Lifetime risks by ≈70 in the parents' generation: hypertension ≈50% (Framingham, Vasan RS et al.
 * JAMA 2002;287:1003: 90% lifetime risk at 55–65, ≈50% by 70), type 2 diabetes ≈20% (NDSR 2023: 24% of
 * people 65+), coronary disease ≈17% and MI ≈10% by 70 (Lloyd-Jones DM et al. Lancet 1999;353:89), stroke ≈8%,
 * female breast cancer 7.5% by 70 (SEER lifetime risk 12.9%, about 60% of it by 70), colorectal ≈2.5%,
 * lung cancer ≈4% (SEER Cancer Stat Facts 2024). Onset ages: SEER median age at diagnosis (breast 63,
 * colorectal 66, lung 71), NHANES mean age at diabetes diagnosis ≈50–55.
 */
const relativeConditions: readonly RelativeCondition[] = [
  { key: 'hypertension', lifetime: 0.5, onsetMean: 52, onsetSd: 11, familial: true },
  { key: 'type2-diabetes', lifetime: 0.2, onsetMean: 54, onsetSd: 10, familial: true },
  { key: 'coronary-disease', lifetime: 0.13, onsetMean: 67, onsetSd: 10, familial: true },
  { key: 'myocardial-infarction', lifetime: 0.08, onsetMean: 68, onsetSd: 11, familial: true },
  { key: 'stroke', lifetime: 0.08, onsetMean: 72, onsetSd: 9, familial: true },
  {
    key: 'breast-cancer',
    lifetime: 0.075,
    onsetMean: 62,
    onsetSd: 11,
    femaleOnly: true,
    familial: false,
  },
  { key: 'colorectal-cancer', lifetime: 0.025, onsetMean: 66, onsetSd: 10, familial: false },
  { key: 'lung-cancer', lifetime: 0.04, onsetMean: 70, onsetSd: 8, familial: false },
];

interface Relative {
  relationship: Relationship;
  sex: Sex;
  age: number;
}

function relativesOf(rng: Rng, patientAge: number): Relative[] {
  const list: Relative[] = [
    { relationship: 'mother', sex: 'female', age: patientAge + Math.round(rng.normal(28, 5)) },
    { relationship: 'father', sex: 'male', age: patientAge + Math.round(rng.normal(31, 6)) },
    {
      relationship: 'maternal-grandmother',
      sex: 'female',
      age: patientAge + Math.round(rng.normal(56, 7)),
    },
    {
      relationship: 'paternal-grandfather',
      sex: 'male',
      age: patientAge + Math.round(rng.normal(61, 7)),
    },
  ];
  // ≈80% of US adults have at least one sibling (NSFG); each sex present about half the time.
  if (rng.chance(0.55))
    list.push({ relationship: 'sister', sex: 'female', age: patientAge + rng.int(-8, 8) });
  if (rng.chance(0.55))
    list.push({ relationship: 'brother', sex: 'male', age: patientAge + rng.int(-8, 8) });
  return list.map((r) => ({ ...r, age: Math.max(r.age, 1) }));
}

/** Survival to `age` (US life tables 2020, rounded: ≈50% reach 82, ≈10% reach 95). */
function aliveProbability(age: number): number {
  return age < 60 ? 0.97 : clamp(invLogit((82 - age) / 6), 0.001, 0.97);
}

function draw(rng: Rng, relative: Relative, condition: RelativeCondition, liability: number) {
  if (condition.femaleOnly && relative.sex === 'male') return undefined;
  // Risk accrues with age: scale lifetime risk by the share of onsets expected by the relative's age.
  const byAge = clamp(
    (relative.age - 20) / (condition.onsetMean + condition.onsetSd - 20),
    0,
    1.25,
  );
  const familial = condition.familial ? 0.6 * liability : 0;
  const p = invLogit(logit(clamp(condition.lifetime * byAge, 1e-4, 0.9)) + familial);
  if (!rng.chance(p)) return undefined;
  const onset = Math.round(rng.normal(condition.onsetMean, condition.onsetSd));
  return clamp(onset, 20, Math.max(20, relative.age));
}

/**
 * Draws the family history entries for a patient of `patientAge`. One latent family liability N(0, 1)
 * (log-odds 0.6 per SD) makes cardiometabolic disease cluster among relatives, as in the Framingham
 * Offspring Study (parental CVD HR ≈2; Lloyd-Jones DM et al. JAMA 2004;291:2204).
 */
export function generateFamilyHistory(rng: Rng, patientAge: number): FamilyHistoryEntry[] {
  // Deaths draw from their own stream, so the relatives and conditions are those of generator 1.2.0.
  const deaths = rng.fork('deaths');
  const liability = rng.normal();
  const entries: FamilyHistoryEntry[] = [];
  for (const relative of relativesOf(rng, patientAge)) {
    const deceased = !rng.chance(aliveProbability(relative.age));
    const own: FamilyHistoryEntry[] = [];
    for (const condition of relativeConditions) {
      const onsetAge = draw(rng, relative, condition, liability);
      if (onsetAge === undefined) continue;
      const entry: FamilyHistoryEntry = {
        relationship: relative.relationship,
        condition: condition.key,
        onsetAge,
      };
      if (deceased) entry.deceased = true;
      own.push(entry);
    }
    if (deceased && own.length > 0) recordDeath(deaths, relative, patientAge, own);
    entries.push(...own);
  }
  return entries;
}

/**
 * How much more often each condition is written as a relative's cause of death than another cause,
 * relative to "another cause" (weight 1): this generator's choice, ordered by case fatality (heart
 * disease and cancer lead US causes of death, stroke is fourth and diabetes seventh: NCHS Data Brief
 * 521, "Mortality in the United States, 2023", December 2024; hypertension is mostly recorded as a
 * contributing cause). Not fitted to any data.
 */
const causeWeights: Readonly<Partial<Record<ConditionKey, number>>> = {
  'myocardial-infarction': 3,
  stroke: 3,
  'lung-cancer': 3,
  'coronary-disease': 2,
  'colorectal-cancer': 2,
  'breast-cancer': 1.5,
  'type2-diabetes': 0.3,
  hypertension: 0.2,
};

/**
 * A deceased relative's age at death and, among their conditions, the one that caused it (or none).
 * The age is drawn from N(80, 10), this generator's choice near US life expectancy at birth (78.4
 * years in 2023, NCHS Data Brief 521) and the survival curve above, truncated to what the family
 * allows: after every onset, after a parent's child (the patient) was born, and no later than the age
 * the relative would be now, nor 100.
 */
function recordDeath(
  rng: Rng,
  relative: Relative,
  patientAge: number,
  entries: FamilyHistoryEntry[],
): void {
  const parent = relative.relationship === 'mother' || relative.relationship === 'father';
  let earliest = parent ? relative.age - patientAge : 20;
  for (const e of entries) earliest = Math.max(earliest, e.onsetAge ?? 20);
  // This generator's cap: no relative lives past 100 (unless a condition began later).
  const latest = Math.max(earliest, Math.min(relative.age, 100));
  const deceasedAge = Math.round(truncatedNormal(rng, 80, 10, earliest, latest));
  const cause = rng.weighted([
    ...entries.map((e) => [e, causeWeights[e.condition] ?? 0] as const),
    [undefined, 1] as const,
  ]);
  for (const e of entries) {
    e.deceasedAge = deceasedAge;
    if (e === cause) e.causeOfDeath = true;
  }
}

const firstDegree: ReadonlySet<Relationship> = new Set(['mother', 'father', 'sister', 'brother']);

/** Family-history flags as risk models use them. */
export interface FamilyRisk {
  /** Any first-degree relative with type 2 diabetes. */
  diabetes: boolean;
  /** Premature CHD: male first-degree relative < 55 or female < 65 (2018 ACC/AHA cholesterol guideline). */
  prematureCad: boolean;
  /** Mother or sister with breast cancer. */
  breastCancer: boolean;
  /** Any first-degree relative with colorectal cancer. */
  colorectalCancer: boolean;
}

/** The family-history flags the condition and outcome models use, from the entries. */
export function familyRiskOf(entries: readonly FamilyHistoryEntry[]): FamilyRisk {
  const risk: FamilyRisk = {
    diabetes: false,
    prematureCad: false,
    breastCancer: false,
    colorectalCancer: false,
  };
  for (const e of entries) {
    if (!firstDegree.has(e.relationship)) continue;
    const male = e.relationship === 'father' || e.relationship === 'brother';
    if (e.condition === 'type2-diabetes') risk.diabetes = true;
    if (e.condition === 'coronary-disease' || e.condition === 'myocardial-infarction') {
      if ((e.onsetAge ?? 99) < (male ? 55 : 65)) risk.prematureCad = true;
    }
    if (e.condition === 'breast-cancer') risk.breastCancer = true;
    if (e.condition === 'colorectal-cancer') risk.colorectalCancer = true;
  }
  return risk;
}
