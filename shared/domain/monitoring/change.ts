// Domain (monitoring): change detection by the tabular CUSUM (Page, Biometrika 1954;41:100), in the form
// and with the defaults of Montgomery, Introduction to Statistical Quality Control, 6th ed. (2009), §9.1.
import { msPerDay, type TimedValue } from './trend';

export interface CusumSettings {
  /** In-control mean μ0, in the value's unit. */
  target: number;
  /** In-control standard deviation σ of one sample (> 0), in the value's unit. */
  sigma: number;
  /**
   * Reference value k in σ units: K = kσ. Default 0.5, i.e. tuned to detect a shift of 1σ
   * (Montgomery §9.1.3: k is half the shift to detect).
   */
  k?: number;
  /**
   * Decision interval h in σ units: H = hσ. Default 5, which with k = 0.5 gives an in-control average
   * run length ARL0 ≈ 465 samples and detects a 1σ shift in about 10 (Montgomery §9.1.3, Table 9.3).
   */
  h?: number;
}

export interface CusumStep {
  /** Upper and lower cumulative sums C+ and C-, in the value's unit. */
  upper: number;
  lower: number;
  /** Consecutive samples for which C+ (N+) or C- (N-) has been non-zero. */
  upperRun: number;
  lowerRun: number;
}

export interface CusumSignal {
  direction: 'up' | 'down';
  /** 0-based index of the sample at which the sum first exceeded H. */
  index: number;
  /** 0-based index of the last sample before the shift began (index - N). */
  lastInControl: number;
  /** Estimate of the new process mean: μ0 + K + C+/N+ (or μ0 - K - C-/N-), Montgomery eq. 9.6. */
  shiftedMean: number;
}

/**
 * The tabular CUSUM over a sequence of samples: C+_i = max(0, x_i - (μ0 + K) + C+_{i-1}),
 * C-_i = max(0, (μ0 - K) - x_i + C-_{i-1}), with C±_0 = 0, signalling when either exceeds H. Returns
 * every step and the first signal in each direction. Throws RangeError on σ <= 0.
 */
export function tabularCusum(
  values: readonly number[],
  settings: CusumSettings,
): { steps: CusumStep[]; signals: CusumSignal[] } {
  const { target, sigma } = settings;
  if (!(sigma > 0)) throw new RangeError('sigma must be > 0');
  const reference = (settings.k ?? 0.5) * sigma;
  const decision = (settings.h ?? 5) * sigma;
  const steps: CusumStep[] = [];
  const signals: CusumSignal[] = [];
  let prev: CusumStep = { upper: 0, lower: 0, upperRun: 0, lowerRun: 0 };
  values.forEach((x, i) => {
    const upper = Math.max(0, x - (target + reference) + prev.upper);
    const lower = Math.max(0, target - reference - x + prev.lower);
    const step = {
      upper,
      lower,
      upperRun: upper > 0 ? prev.upperRun + 1 : 0,
      lowerRun: lower > 0 ? prev.lowerRun + 1 : 0,
    };
    steps.push(step);
    if (upper > decision && !signals.some((s) => s.direction === 'up')) {
      signals.push({
        direction: 'up',
        index: i,
        lastInControl: i - step.upperRun,
        shiftedMean: target + reference + upper / step.upperRun,
      });
    }
    if (lower > decision && !signals.some((s) => s.direction === 'down')) {
      signals.push({
        direction: 'down',
        index: i,
        lastInControl: i - step.lowerRun,
        shiftedMean: target - reference - lower / step.lowerRun,
      });
    }
    prev = step;
  });
  return { steps, signals };
}

export interface TimedCusumSettings extends CusumSettings {
  /** Samples closer than this are averaged into one (default one day), so bursts do not dominate. */
  binMs?: number;
  /** A gap longer than this restarts the sums at zero (default 30 days): the process may have moved. */
  maxGapMs?: number;
}

export interface TimedCusumSignal extends CusumSignal {
  /** Time (epoch ms) of the bin that signalled, and of the first bin after the last in-control one. */
  at: number;
  since: number;
}

/**
 * The tabular CUSUM made robust to irregular sampling. Readings are grouped into bins of `binMs`
 * (default: per UTC day) and each bin's mean m of n readings is standardised against σ/√n, so a day
 * with six readings weighs as much evidence as it holds and no more; the CUSUM then runs in σ units on
 * these standardised bin means (k and h as in `CusumSettings`). Time gaps do not enter the sums (the
 * CUSUM accumulates evidence per sample, not per day) but a gap longer than `maxGapMs` restarts them.
 */
export function cusumOverTime(
  points: readonly TimedValue[],
  settings: TimedCusumSettings,
): { bins: { t: number; mean: number; n: number }[]; signals: TimedCusumSignal[] } {
  const binMs = settings.binMs ?? msPerDay;
  const maxGapMs = settings.maxGapMs ?? 30 * msPerDay;
  const bins = binMeans(points, binMs);
  const signals: TimedCusumSignal[] = [];
  let segmentStart = 0;
  for (let i = 1; i <= bins.length; i++) {
    if (i < bins.length && bins[i]!.t - bins[i - 1]!.t <= maxGapMs) continue;
    const segment = bins.slice(segmentStart, i);
    const z = segment.map((b) => ((b.mean - settings.target) / settings.sigma) * Math.sqrt(b.n));
    for (const s of tabularCusum(z, { target: 0, sigma: 1, k: settings.k, h: settings.h })
      .signals) {
      signals.push({
        ...s,
        index: segmentStart + s.index,
        lastInControl: segmentStart + s.lastInControl,
        // Exact for one reading per bin; an approximation when bins average several.
        shiftedMean: settings.target + s.shiftedMean * settings.sigma,
        at: segment[s.index]!.t,
        since: segment[s.lastInControl + 1]!.t,
      });
    }
    segmentStart = i;
  }
  return { bins, signals };
}

function binMeans(points: readonly TimedValue[], binMs: number) {
  const byBin = new Map<number, { sum: number; n: number; t: number }>();
  for (const p of points) {
    const key = Math.floor(p.t / binMs);
    const bin = byBin.get(key) ?? { sum: 0, n: 0, t: p.t };
    bin.sum += p.value;
    bin.n += 1;
    bin.t = Math.max(bin.t, p.t);
    byBin.set(key, bin);
  }
  return [...byBin.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, b]) => ({ t: b.t, mean: b.sum / b.n, n: b.n }));
}
