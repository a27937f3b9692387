// Domain (synth/state): constant-memory summary of the outcome labels over a whole cohort — prevalence and
// the AUROC an ideal model (one that knows the true probability) would reach, next to the drawn labels' AUROC.
import type { Outcomes, TrueOutcome } from '../model';

export type OutcomeName = keyof Outcomes;
export const outcomeNames: readonly OutcomeName[] = ['cvd10y', 'diabetes5y', 'readmission30d'];

export interface OutcomeSummary {
  n: number;
  events: number;
  prevalence: number;
  meanProbability: number;
  /**
   * Expected AUROC of the true probability as a score when labels are Bernoulli(p):
   * Σ_{i≠j} p_i(1−p_j)[1(p_i>p_j) + ½·1(p_i=p_j)] / Σ_{i≠j} p_i(1−p_j) — the ceiling any model can reach.
   */
  bayesOptimalAuroc: number;
  /** AUROC of the true probability against the labels actually drawn (ties within a bin count ½). */
  empiricalAuroc: number;
}

/** Per-outcome histograms of p: count, Σp and Σp(1−p) per bin, and counts by drawn label. */
class ProbabilityHistogram {
  readonly sumP: Float64Array;
  readonly sumPq: Float64Array;
  readonly positives: Float64Array;
  readonly negatives: Float64Array;

  constructor(readonly bins: number) {
    this.sumP = new Float64Array(bins);
    this.sumPq = new Float64Array(bins);
    this.positives = new Float64Array(bins);
    this.negatives = new Float64Array(bins);
  }

  add(outcome: TrueOutcome): void {
    const p = outcome.probability;
    const b = Math.min(this.bins - 1, Math.max(0, Math.floor(p * this.bins)));
    this.sumP[b]! += p;
    this.sumPq[b]! += p * (1 - p);
    if (outcome.event) this.positives[b]! += 1;
    else this.negatives[b]! += 1;
  }

  /** O(bins): pairs in different bins are ordered by bin; pairs within a bin count as ties. */
  bayesOptimalAuroc(): number {
    let numerator = 0;
    let totalA = 0;
    let totalB = 0;
    let totalC = 0;
    for (let b = 0; b < this.bins; b++) {
      const a = this.sumP[b]!;
      const q = this.positives[b]! + this.negatives[b]! - a;
      const c = this.sumPq[b]!;
      numerator += a * totalB + 0.5 * (a * q - c);
      totalA += a;
      totalB += q;
      totalC += c;
    }
    const denominator = totalA * totalB - totalC;
    return denominator > 0 ? numerator / denominator : Number.NaN;
  }

  empiricalAuroc(): number {
    let numerator = 0;
    let negativesBelow = 0;
    let positives = 0;
    for (let b = 0; b < this.bins; b++) {
      const pos = this.positives[b]!;
      const neg = this.negatives[b]!;
      numerator += pos * (negativesBelow + 0.5 * neg);
      negativesBelow += neg;
      positives += pos;
    }
    const denominator = positives * negativesBelow;
    return denominator > 0 ? numerator / denominator : Number.NaN;
  }

  summary(): OutcomeSummary {
    let n = 0;
    let events = 0;
    let sumP = 0;
    for (let b = 0; b < this.bins; b++) {
      n += this.positives[b]! + this.negatives[b]!;
      events += this.positives[b]!;
      sumP += this.sumP[b]!;
    }
    return {
      n,
      events,
      prevalence: n > 0 ? events / n : Number.NaN,
      meanProbability: n > 0 ? sumP / n : Number.NaN,
      bayesOptimalAuroc: this.bayesOptimalAuroc(),
      empiricalAuroc: this.empiricalAuroc(),
    };
  }
}

/**
 * Accumulates outcomes patient by patient in constant memory (one 1,000-bin histogram per outcome), so a
 * 100,000-patient cohort is summarised without holding it.
 */
export class OutcomeAccumulator {
  private readonly histograms: Record<OutcomeName, ProbabilityHistogram>;

  constructor(bins = 1000) {
    this.histograms = {
      cvd10y: new ProbabilityHistogram(bins),
      diabetes5y: new ProbabilityHistogram(bins),
      readmission30d: new ProbabilityHistogram(bins),
    };
  }

  /** Adds one patient's outcomes (a SynthPatient, or anything carrying `outcomes`). */
  add(patient: { outcomes: Outcomes }): void {
    for (const name of outcomeNames) {
      const outcome = patient.outcomes[name];
      if (outcome) this.histograms[name].add(outcome);
    }
  }

  summary(): Record<OutcomeName, OutcomeSummary> {
    return {
      cvd10y: this.histograms.cvd10y.summary(),
      diabetes5y: this.histograms.diabetes5y.summary(),
      readmission30d: this.histograms.readmission30d.summary(),
    };
  }
}
