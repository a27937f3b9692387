// Training (tabular) test and benchmark data: a clinical-looking CSV drawn from a known logistic
// model — age (years), systolic BP (mmHg), smoking (categorical), sex — with missing-value markers,
// so tests and benchmarks know the true log-odds of every row. Not clinical data.
import { Rng } from '../../shared/domain/synth/rng';

export interface SyntheticTableOptions {
  rows: number;
  seed: number;
  /** Share of age and SBP cells written as a missing marker ("?" or empty); default 0.05. */
  missingRate?: number;
}

/** True model: log-odds = -1 + 0.06 (age - 55) + 0.03 (sbp - 130) + 0.7 current + 0.3 former + 0.4 male. */
export function trueLogOdds(age: number, sbp: number, smoking: string, sex: string): number {
  const smoke = smoking === 'current' ? 0.7 : smoking === 'former' ? 0.3 : 0;
  return -1 + 0.06 * (age - 55) + 0.03 * (sbp - 130) + smoke + (sex === 'male' ? 0.4 : 0);
}

/** CSV text (header `id,age,sex,sbp,smoking,outcome`) and the true probability of each row. */
export function syntheticTable(options: SyntheticTableOptions): {
  csv: string;
  probability: number[];
} {
  const rng = new Rng(options.seed, 0x7ab1e);
  const missingRate = options.missingRate ?? 0.05;
  const lines = ['id,age,sex,sbp,smoking,outcome'];
  const probability: number[] = [];
  for (let i = 0; i < options.rows; i += 1) {
    const age = Math.round(30 + rng.next() * 50);
    const sex = rng.chance(0.5) ? 'female' : 'male';
    const sbp = Math.round(115 + rng.normal(0, 15) + 0.4 * (age - 55));
    const smoking = rng.weighted([
      ['never', 0.55],
      ['former', 0.25],
      ['current', 0.2],
    ] as const);
    const p = 1 / (1 + Math.exp(-trueLogOdds(age, sbp, smoking, sex)));
    probability.push(p);
    const outcome = rng.next() < p ? 1 : 0;
    const cell = (v: number) =>
      rng.chance(missingRate) ? (rng.chance(0.5) ? '?' : '') : String(v);
    lines.push([`p${i}`, cell(age), sex, cell(sbp), smoking, outcome].join(','));
  }
  return { csv: lines.join('\n') + '\n', probability };
}
