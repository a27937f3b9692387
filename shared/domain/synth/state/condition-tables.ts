// Domain (synth/state): the shape of the condition model's tables (prevalence by age and sex, odds ratios,
// onset and severity) and the shared constants; the per-condition tables live in *-condition-specs.ts.
import type { ConditionKey } from '../catalog';
import type { Sex } from '../model';

/** Prevalence by age band (lower bounds, years) and sex. */
export interface PrevalenceTable {
  ages: readonly number[];
  female: readonly number[];
  male: readonly number[];
}

export type PatientFactor =
  'black' | 'hispanic' | 'asian' | 'fhDiabetes' | 'fhPrematureCad' | 'fhBreast' | 'fhColorectal';
export type RiskFactorKey = ConditionKey | PatientFactor;

export type Onset =
  /** Years since onset ~ Exponential(meanYears), truncated so that onset falls after `fromAge`. */
  | { kind: 'chronic'; fromAge: number; meanYears: number }
  /** Age at onset ~ Normal(meanAge, sdAge), truncated to [fromAge, current age]. */
  | { kind: 'childhood'; fromAge: number; meanAge: number; sdAge: number }
  /** A past event (MI, stroke): like chronic, but resolved unless within `activeDays`. */
  | { kind: 'event'; fromAge: number; meanYears: number; activeDays: number }
  /**
   * An episode within the last `windowDays`, active for `activeDays` after onset. With `fromAgeMonths`,
   * never before that age; with `rampToMonths` too, the first prevalence band is the cumulative share
   * by `rampToMonths`, reached in a straight line from `fromAgeMonths` (time at risk).
   */
  | {
      kind: 'episode';
      windowDays: number;
      activeDays: number;
      fromAgeMonths?: number;
      rampToMonths?: number;
    };

export interface ConditionSpec {
  key: ConditionKey;
  minAge: number;
  maxAge?: number;
  sex?: Sex;
  prevalence: PrevalenceTable;
  /** Odds ratios of binary risk factors (prior conditions, race/ethnicity, family history). */
  odds?: Partial<Record<RiskFactorKey, number>>;
  smoking?: { current: number; former: number };
  onset: Onset;
  /** Onset for patients who are adults now, when it differs (e.g. adult-onset asthma). */
  adultOnset?: Onset;
  severity?: readonly (readonly [string, number])[];
  /**
   * Cancers: 5-year relative survival by stage (keys of `severity`). With it, `severity` holds the stage
   * distribution at diagnosis and `onset.meanYears` the time-since-diagnosis scale without excess cancer
   * mortality; the stage and the years since diagnosis are then drawn jointly (see conditions.ts).
   */
  stageSurvival5y?: Readonly<Record<string, number>>;
}

export const both = (ages: readonly number[], values: readonly number[]): PrevalenceTable => ({
  ages,
  female: values,
  male: values,
});

/** Shares of the US population used to centre race/ethnicity factors (2020 Census, see demographic-tables). */
export const populationShares: Record<PatientFactor, number> = {
  black: 0.124,
  hispanic: 0.187,
  asian: 0.06,
  // Shares of patients whose generated family history is positive (measured on 100,000 generated patients, seed 7).
  fhDiabetes: 0.405,
  fhPrematureCad: 0.188,
  fhBreast: 0.077,
  fhColorectal: 0.051,
};

/** P(MI history | coronary disease): AHA Heart Disease & Stroke Statistics 2020, MI 8.4M of CHD 18.2M adults. */
export const miGivenCad: Record<Sex, number> = { male: 0.52, female: 0.38 };

/** CKD stages among people with CKD, under and over 60 (USRDS 2023 ADR Vol. 1 Ch. 1, NHANES 2017–Mar 2020). */
export const ckdStages: Record<'under60' | 'over60', readonly (readonly [string, number])[]> = {
  under60: [
    ['1', 0.32],
    ['2', 0.33],
    ['3a', 0.22],
    ['3b', 0.09],
    ['4', 0.035],
    ['5', 0.005],
  ],
  over60: [
    ['1', 0.08],
    ['2', 0.22],
    ['3a', 0.42],
    ['3b', 0.19],
    ['4', 0.07],
    ['5', 0.02],
  ],
};

/** Obesity classes: adults NHANES 2017–2020 (NHSR 158: obesity 41.9%, severe 9.2%); children Skinner AC et al. Pediatrics 2018;141:e20173459. */
export const obesityClasses = {
  adult: [
    ['class 1', 0.5],
    ['class 2', 0.28],
    ['class 3', 0.22],
  ],
  child: [
    ['class 1', 0.7],
    ['class 2', 0.21],
    ['class 3', 0.09],
  ],
} as const;
