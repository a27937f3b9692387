// Training (deep): the evaluation measures the deep models report. AUROC by the Mann-Whitney U
// statistic (Hanley & McNeil, Radiology 1982;143:29-36), tied scores counting one half; exact-span
// micro precision/recall/F1 as in the CoNLL-2003 and BioCreative V CDR NER evaluations; MRR and
// Hits@k of filtered ranks as in Bordes et al. 2013 (TransE) for link prediction.

/**
 * Area under the ROC curve of `scores` against binary `labels` (1 positive), in [0, 1]: the
 * probability a random positive outscores a random negative, ties counting 1/2. NaN when either
 * class is absent.
 */
export function auroc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = scores.map((s, i) => [s, labels[i] ?? 0] as const).sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j += 1;
    const midRank = (i + 1 + j) / 2; // average 1-based rank of the tie group
    for (let k = i; k < j; k += 1)
      if (order[k]![1] === 1) {
        positives += 1;
        rankSum += midRank;
      }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** A typed span, UTF-16 offsets [start, end) into one document's text. */
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

export interface PrecisionRecall {
  truePositives: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

function prf(tp: number, predicted: number, gold: number): PrecisionRecall {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, predicted, gold, precision, recall, f1 };
}

/**
 * Exact-span micro P/R/F1 per entity type over documents: a prediction counts only when start, end
 * and type all equal a gold span of the same document. `types` fixes the rows reported.
 */
export function spanScores(
  documents: readonly { gold: readonly TypedSpan[]; predicted: readonly TypedSpan[] }[],
  types: readonly string[],
): Record<string, PrecisionRecall> {
  const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
  const tally = new Map(types.map((t) => [t, { tp: 0, predicted: 0, gold: 0 }]));
  for (const doc of documents) {
    const gold = new Set(doc.gold.map(key));
    for (const g of new Set(doc.gold.map(key))) {
      const row = tally.get(g.split(':')[2]!);
      if (row) row.gold += 1;
    }
    for (const p of new Set(doc.predicted.map(key))) {
      const row = tally.get(p.split(':')[2]!);
      if (!row) continue;
      row.predicted += 1;
      if (gold.has(p)) row.tp += 1;
    }
  }
  return Object.fromEntries(
    [...tally].map(([type, t]) => [type, prf(t.tp, t.predicted, t.gold)] as const),
  );
}

/**
 * Rank (1 = best) of the true candidate among `scores`, excluding `filtered` candidates (other known
 * true answers, the filtered setting); ties rank the true candidate in the middle of its tie group.
 */
export function filteredRank(
  scores: ArrayLike<number>,
  trueIndex: number,
  filtered: ReadonlySet<number>,
): number {
  const target = scores[trueIndex] as number;
  let higher = 0;
  let equal = 0;
  for (let i = 0; i < scores.length; i += 1) {
    if (i === trueIndex || filtered.has(i)) continue;
    const s = scores[i] as number;
    if (s > target) higher += 1;
    else if (s === target) equal += 1;
  }
  return 1 + higher + equal / 2;
}

/** Mean reciprocal rank and Hits@k (share of ranks <= k) of 1-based ranks. */
export function rankingScores(
  ranks: readonly number[],
  ks: readonly number[] = [1, 3, 10],
): Record<string, number> {
  const n = Math.max(1, ranks.length);
  const out: Record<string, number> = { mrr: ranks.reduce((a, r) => a + 1 / r, 0) / n };
  for (const k of ks) out[`hits@${k}`] = ranks.filter((r) => r <= k).length / n;
  return out;
}
