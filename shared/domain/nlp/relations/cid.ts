// Domain (nlp/relations): document-level chemical-induced disease (CID) pairs, as the BioCreative V CDR
// task scores them (Wei et al. 2016): every (chemical MeSH, disease MeSH) pair of a document is a
// candidate, described by a few features and scored by a logistic regression learned from the CDR
// training split. Features follow the co-occurrence and trigger-word baselines of the CDR overview
// (Wei et al. 2016, Database baw032, section "Baselines"): same-sentence co-occurrence, causal trigger
// words, title mentions and mention frequency.
import { splitSentences, spanIndexAt } from '../text/sentences';

export interface CidMention {
  start: number;
  end: number;
  type: 'Chemical' | 'Disease';
  id: string;
}

const trigger =
  /induc|caus|associat|after|follow|due to|secondary|toxic|adverse|side effect|develop|produc|result|provok|elicit|trigger|relat/i;

const between = /^[\s-]*(?:induced|associated|related|caused|evoked|provoked|treated)\b/i;

/**
 * Feature vectors of every chemical-disease id pair of one document (bias first): co-occurrence,
 * triggers, title mentions, frequencies, sentence distance and the "X-induced Y" pattern, followed
 * by `extra(chemical, disease)` (e.g. cidPriorFeatures) when given.
 */
export function cidCandidates(
  text: string,
  titleLength: number,
  mentions: readonly CidMention[],
  extra?: (chemical: string, disease: string) => number[],
): Map<string, number[]> {
  const sentences = splitSentences(text);
  const chems = mentions.filter((m) => m.type === 'Chemical');
  const dises = mentions.filter((m) => m.type === 'Disease');
  const count = (list: readonly CidMention[], id: string) => list.filter((m) => m.id === id).length;
  const topChem = mostFrequent(chems);
  const topDis = mostFrequent(dises);
  const chemIds = new Set(chems.map((m) => m.id));
  const pairs = new Map<string, number[]>();
  for (const c of chemIds)
    for (const d of new Set(dises.map((m) => m.id))) {
      const near = nearness(
        text,
        sentences,
        chems.filter((m) => m.id === c),
        dises.filter((m) => m.id === d),
      );
      const inTitle = (id: string, list: readonly CidMention[]) =>
        list.some((m) => m.id === id && m.start < titleLength) ? 1 : 0;
      pairs.set(`${c}|${d}`, [
        1,
        near.together > 0 ? 1 : 0,
        Math.log1p(near.together),
        near.triggered > 0 ? 1 : 0,
        inTitle(c, chems),
        inTitle(d, dises),
        inTitle(c, chems) * inTitle(d, dises),
        Math.log1p(count(chems, c)),
        Math.log1p(count(dises, d)),
        c === topChem ? 1 : 0,
        d === topDis ? 1 : 0,
        Math.log1p(near.sentenceGap),
        near.induced,
        chemIds.size === 1 ? 1 : 0,
        ...(extra ? extra(c, d) : []),
      ]);
    }
  return pairs;
}

/** Sentence-level evidence between the mentions of one chemical and one disease. */
function nearness(
  text: string,
  sentences: ReturnType<typeof splitSentences>,
  chems: readonly CidMention[],
  dises: readonly CidMention[],
) {
  let together = 0;
  let triggered = 0;
  let sentenceGap = sentences.length;
  let induced = 0;
  for (const cm of chems)
    for (const dm of dises) {
      const s = spanIndexAt(sentences, cm.start);
      const t = spanIndexAt(sentences, dm.start);
      if (s >= 0 && t >= 0) sentenceGap = Math.min(sentenceGap, Math.abs(s - t));
      const gap = text.slice(cm.end, dm.start);
      if (cm.end <= dm.start && gap.length < 40 && between.test(gap)) induced = 1;
      if (s < 0 || s !== t) continue;
      together++;
      const sentence = sentences[s]!;
      if (trigger.test(text.slice(sentence.start, sentence.end))) triggered++;
    }
  return { together, triggered, sentenceGap, induced };
}

function mostFrequent(list: readonly CidMention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of list) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Logistic regression by batch gradient descent (L2 0.001); returns the weights. */
export function trainLogistic(
  rows: readonly { x: readonly number[]; y: 0 | 1 }[],
  epochs = 400,
  rate = 0.5,
): number[] {
  const w = new Array<number>(rows[0]?.x.length ?? 0).fill(0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(w.length).fill(0);
    for (const { x, y } of rows) {
      const p = logistic(w, x);
      for (let j = 0; j < w.length; j++) grad[j]! += (p - y) * x[j]!;
    }
    for (let j = 0; j < w.length; j++) w[j]! -= rate * (grad[j]! / rows.length + 0.001 * w[j]!);
  }
  return w;
}

/** Probability (0-1) of the positive class for features `x` under weights `w`. */
export function logistic(w: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let j = 0; j < w.length; j++) z += w[j]! * x[j]!;
  return 1 / (1 + Math.exp(-z));
}

/** A fitted CID classifier: logistic weights and the decision threshold (0-1). */
export interface CidClassifier {
  weights: number[];
  threshold: number;
}

/**
 * Fit the logistic regression on labelled candidate rows and pick, on those same rows, the
 * threshold in 0.10-0.90 (steps of 0.05) with the best pair F1 (never on evaluation data).
 */
export function fitCidClassifier(
  rows: readonly { x: readonly number[]; y: 0 | 1 }[],
): CidClassifier {
  const weights = trainLogistic(rows);
  let threshold = 0.5;
  let bestF1 = -1;
  for (let step = 2; step <= 18; step++) {
    const t = step * 0.05;
    let tp = 0;
    let wrong = 0;
    for (const { x, y } of rows) {
      const p = logistic(weights, x) >= t;
      if (p && y) tp++;
      else if (p || y) wrong++;
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + wrong);
    if (f1 > bestF1) [threshold, bestF1] = [t, f1];
  }
  return { weights, threshold };
}
