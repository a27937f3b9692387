// Evaluation: discrimination and calibration metrics for binary risk predictions. AUROC is the
// Mann-Whitney U statistic with tied scores counted as one half; AUPRC is average precision as
// scikit-learn computes it (sum over distinct thresholds of (R_n - R_{n-1}) * P_n, sklearn 1.5
// average_precision_score); Brier is the mean squared error of the probability.

/** Indices sorted by score, descending (stable). */
function descending(scores: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_v, i) => i);
  return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** Area under the ROC curve in [0, 1]; NaN when a class is absent. Ties count one half. */
export function auroc(y: ArrayLike<number>, scores: ArrayLike<number>): number {
  const order = descending(scores);
  let positives = 0;
  let negatives = 0;
  let pairs = 0;
  // Walk groups of tied scores from the top: a positive beats every negative seen below it.
  for (let start = 0; start < order.length;) {
    let end = start;
    let groupPos = 0;
    let groupNeg = 0;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) {
      if (y[order[end]!]) groupPos += 1;
      else groupNeg += 1;
      end += 1;
    }
    pairs += groupNeg * positives + 0.5 * groupNeg * groupPos;
    positives += groupPos;
    negatives += groupNeg;
    start = end;
  }
  return positives && negatives ? pairs / (positives * negatives) : Number.NaN;
}

/** Average precision (area under the precision-recall curve, step-wise) in [0, 1]. */
export function averagePrecision(y: ArrayLike<number>, scores: ArrayLike<number>): number {
  const order = descending(scores);
  let total = 0;
  for (let i = 0; i < y.length; i += 1) total += y[i] ? 1 : 0;
  if (total === 0) return Number.NaN;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  let lastRecall = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) {
      tp += y[order[end]!] ? 1 : 0;
      end += 1;
    }
    seen = end;
    const recall = tp / total;
    ap += (recall - lastRecall) * (tp / seen);
    lastRecall = recall;
    start = end;
  }
  return ap;
}

/** Mean squared difference between probability and outcome, in [0, 1]. */
export function brierScore(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i += 1) s += (p[i]! - (y[i] ? 1 : 0)) ** 2;
  return s / y.length;
}

export interface ConfusionMatrix {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  sensitivity: number;
  specificity: number;
  ppv: number;
  npv: number;
  accuracy: number;
}

/** Counts and rates when predicting positive for p >= threshold. */
export function confusionMatrix(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  threshold = 0.5,
): ConfusionMatrix {
  let [tp, fp, tn, fn] = [0, 0, 0, 0];
  for (let i = 0; i < y.length; i += 1) {
    const predicted = p[i]! >= threshold;
    if (y[i] && predicted) tp += 1;
    else if (y[i]) fn += 1;
    else if (predicted) fp += 1;
    else tn += 1;
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  return {
    threshold,
    tp,
    fp,
    tn,
    fn,
    sensitivity: ratio(tp, tp + fn),
    specificity: ratio(tn, tn + fp),
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
    accuracy: ratio(tp + tn, y.length),
  };
}

/**
 * The threshold maximising Youden's J = sensitivity + specificity - 1 (Youden 1950), taken among
 * the observed probabilities (predict positive when p >= threshold).
 */
export function youdenThreshold(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const order = descending(p);
  let positives = 0;
  for (let i = 0; i < y.length; i += 1) positives += y[i] ? 1 : 0;
  const negatives = y.length - positives;
  let [tp, fp, best, threshold] = [0, 0, -Infinity, 0.5];
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && p[order[end]!] === p[order[start]!]) {
      if (y[order[end]!]) tp += 1;
      else fp += 1;
      end += 1;
    }
    const j = tp / Math.max(1, positives) - fp / Math.max(1, negatives);
    if (j > best) {
      best = j;
      threshold = p[order[start]!]!;
    }
    start = end;
  }
  return threshold;
}

export interface CalibrationBin {
  /** Lower edge of the bin, in [0, 1). */
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observed: number;
}

/** Reliability diagram on `bins` equal-width bins of p (empty bins are left out, as sklearn's). */
export function calibrationCurve(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < y.length; i += 1) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p[i]! * bins)));
    count[b]! += 1;
    sumP[b]! += p[i]!;
    sumY[b]! += y[i] ? 1 : 0;
  }
  const out: CalibrationBin[] = [];
  count.forEach((n, b) => {
    if (n > 0) {
      out.push({
        from: b / bins,
        to: (b + 1) / bins,
        count: n,
        meanPredicted: sumP[b]! / n,
        observed: sumY[b]! / n,
      });
    }
  });
  return out;
}

/** Calibration of a reliability diagram's rows taken together. */
export interface CalibrationSummary {
  rows: number;
  /** The mean predicted probability (expected event rate). */
  meanPredicted: number;
  /** The observed event rate. */
  observed: number;
  /**
   * Calibration-in-the-large as expected / observed events (1 when the mean probability is the
   * event rate; Infinity when there is no event and some probability).
   */
  expectedOverObserved: number;
  /** Expected calibration error: |mean predicted - observed| per bin, weighted by its rows. */
  ece: number;
}

/** Summarise `calibrationCurve` bins; undefined when they hold no rows. */
export function calibrationSummary(
  bins: readonly Pick<CalibrationBin, 'count' | 'meanPredicted' | 'observed'>[],
): CalibrationSummary | undefined {
  let rows = 0;
  let expected = 0;
  let events = 0;
  let gap = 0;
  for (const b of bins) {
    rows += b.count;
    expected += b.count * b.meanPredicted;
    events += b.count * b.observed;
    gap += b.count * Math.abs(b.meanPredicted - b.observed);
  }
  if (rows === 0) return undefined;
  return {
    rows,
    meanPredicted: expected / rows,
    observed: events / rows,
    expectedOverObserved: events > 0 ? expected / events : expected > 0 ? Infinity : 1,
    ece: gap / rows,
  };
}

export interface DiscriminationSummary {
  n: number;
  positives: number;
  auroc: number;
  auprc: number;
  brier: number;
  accuracy: number;
}

/** AUROC, AUPRC, Brier and accuracy at 0.5, with the row and positive counts. */
export function summarize(y: ArrayLike<number>, p: ArrayLike<number>): DiscriminationSummary {
  let positives = 0;
  for (let i = 0; i < y.length; i += 1) positives += y[i] ? 1 : 0;
  return {
    n: y.length,
    positives,
    auroc: auroc(y, p),
    auprc: averagePrecision(y, p),
    brier: brierScore(y, p),
    accuracy: confusionMatrix(y, p, 0.5).accuracy,
  };
}
