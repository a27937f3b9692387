// Domain (synth/state): constant-memory summary of the outcome labels over a whole cohort — prevalence, the
// AUROC the Bayes-optimal prediction reaches (the ceiling for any model of the true state), and the AUROC
// of an oracle that also knows the unobserved term the labels were drawn with (no model can reach it).
import type { Outcomes, TrueOutcome } from '../model';

export type OutcomeName = keyof Outcomes;
export const outcomeNames: readonly OutcomeName[] = ['cvd10y', 'diabetes5y', 'readmission30d'];

export interface OutcomeSummary {
  n: number;
  events: number;
  prevalence: number;
  meanProbability: number;
  /**
   * Expected AUROC of the Bayes-optimal probability b (the latent term integrated out) as a score, when
   * labels are Bernoulli(p) with p the drawn-with probability:
   * Σ_{i≠j} p_i(1−p_j)[1(b_i>b_j) + ½·1(b_i=b_j)] / Σ_{i≠j} p_i(1−p_j) — the ceiling a model can reach.
   */
  bayesOptimalAuroc: number;
  /** AUROC of the Bayes-optimal probability against the labels actually drawn (ties within a bin count ½). */
  empiricalAuroc: number;
  /**
   * The same expectation with p itself as the score: an oracle that knows the unobserved term. Above
   * `bayesOptimalAuroc` by what the latent term adds; no model of the observed state reaches it.
   */
  oracleAuroc: number;
}

/**
 * Patients binned by a score in [0, 1]: per bin the count, Σp and Σp(1−p) of the drawn-with probability
 * p, and counts by drawn label.
 */
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

  add(score: number, outcome: TrueOutcome): void {
    const p = outcome.probability;
    const b = Math.min(this.bins - 1, Math.max(0, Math.floor(score * this.bins)));
    this.sumP[b]! += p;
    this.sumPq[b]! += p * (1 - p);
    if (outcome.event) this.positives[b]! += 1;
    else this.negatives[b]! += 1;
  }

  /** Expected AUROC of the binned score, O(bins): pairs in different bins are ordered by bin, pairs within
   * a bin count as ties. */
  expectedAuroc(): number {
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

  counts(): { n: number; events: number; sumP: number } {
    let n = 0;
    let events = 0;
    let sumP = 0;
    for (let b = 0; b < this.bins; b++) {
      n += this.positives[b]! + this.negatives[b]!;
      events += this.positives[b]!;
      sumP += this.sumP[b]!;
    }
    return { n, events, sumP };
  }
}

/** One outcome's two histograms: by the Bayes-optimal probability, and by the drawn-with one. */
class OutcomeHistograms {
  private readonly bayes: ProbabilityHistogram;
  private readonly oracle: ProbabilityHistogram;

  constructor(bins: number) {
    this.bayes = new ProbabilityHistogram(bins);
    this.oracle = new ProbabilityHistogram(bins);
  }

  add(outcome: TrueOutcome): void {
    this.bayes.add(outcome.bayesOptimalProbability, outcome);
    this.oracle.add(outcome.probability, outcome);
  }

  summary(): OutcomeSummary {
    const { n, events, sumP } = this.bayes.counts();
    return {
      n,
      events,
      prevalence: n > 0 ? events / n : Number.NaN,
      meanProbability: n > 0 ? sumP / n : Number.NaN,
      bayesOptimalAuroc: this.bayes.expectedAuroc(),
      empiricalAuroc: this.bayes.empiricalAuroc(),
      oracleAuroc: this.oracle.expectedAuroc(),
    };
  }
}

/**
 * Accumulates outcomes patient by patient in constant memory (two 1,000-bin histograms per outcome), so a
 * 100,000-patient cohort is summarised without holding it.
 */
export class OutcomeAccumulator {
  private readonly histograms: Record<OutcomeName, OutcomeHistograms>;

  constructor(bins = 1000) {
    this.histograms = {
      cvd10y: new OutcomeHistograms(bins),
      diabetes5y: new OutcomeHistograms(bins),
      readmission30d: new OutcomeHistograms(bins),
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
