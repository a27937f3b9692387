// Domain (synth/state): tobacco smoking status by age and sex, drawn before conditions because it drives them.
import type { RiskFactors, Sex } from '../model';
import type { Rng } from '../rng';
import { bandIndex } from './math';

export type SmokingStatus = RiskFactors['smoking'];

const ages = [15, 18, 25, 45, 65] as const;

/**
 * Current cigarette smoking, by age band [15–17, 18–24, 25–44, 45–64, 65+] and sex: NHIS 2022
 * (VanFrank B et al., MMWR 2024;73:633–641; 11.6% of adults, men 13.1%, women 10.1%), with 15–17-year-olds
 * from NYTS 2022 (2.0% of high-school students smoked cigarettes in the past 30 days).
 */
const current: Record<Sex, readonly number[]> = {
  male: [0.02, 0.06, 0.14, 0.16, 0.09],
  female: [0.015, 0.045, 0.1, 0.14, 0.08],
};

/**
 * Former smoking: NHIS 2018, NCHS (men 49.4% and women 30.6% of adults 65+ are former smokers), and
 * NHIS 2022 for younger adults (≈21% of all adults; few former smokers under 25).
 */
const former: Record<Sex, readonly number[]> = {
  male: [0, 0.03, 0.13, 0.27, 0.494],
  female: [0, 0.025, 0.1, 0.21, 0.306],
};

/** Expected shares of current and former smokers for an age and sex (used to centre risk models). */
export function smokingShares(age: number, sex: Sex): { current: number; former: number } {
  const i = bandIndex(ages, age);
  if (i < 0) return { current: 0, former: 0 };
  return { current: current[sex][i]!, former: former[sex][i]! };
}

export function drawSmoking(rng: Rng, age: number, sex: Sex): SmokingStatus {
  const shares = smokingShares(age, sex);
  const u = rng.next();
  if (u < shares.current) return 'current';
  return u < shares.current + shares.former ? 'former' : 'never';
}
