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

/** Feature vectors of every chemical-disease id pair of one document (bias first). */
export function cidCandidates(
  text: string,
  titleLength: number,
  mentions: readonly CidMention[],
): Map<string, number[]> {
  const sentences = splitSentences(text);
  const chems = mentions.filter((m) => m.type === 'Chemical');
  const dises = mentions.filter((m) => m.type === 'Disease');
  const count = (list: readonly CidMention[], id: string) => list.filter((m) => m.id === id).length;
  const topChem = mostFrequent(chems);
  const topDis = mostFrequent(dises);
  const pairs = new Map<string, number[]>();
  for (const c of new Set(chems.map((m) => m.id)))
    for (const d of new Set(dises.map((m) => m.id))) {
      let together = 0;
      let triggered = 0;
      for (const cm of chems.filter((m) => m.id === c))
        for (const dm of dises.filter((m) => m.id === d)) {
          const s = spanIndexAt(sentences, cm.start);
          if (s < 0 || s !== spanIndexAt(sentences, dm.start)) continue;
          together++;
          const sentence = sentences[s]!;
          if (trigger.test(text.slice(sentence.start, sentence.end))) triggered++;
        }
      const inTitle = (id: string, list: readonly CidMention[]) =>
        list.some((m) => m.id === id && m.start < titleLength) ? 1 : 0;
      pairs.set(`${c}|${d}`, [
        1,
        together > 0 ? 1 : 0,
        Math.log1p(together),
        triggered > 0 ? 1 : 0,
        inTitle(c, chems),
        inTitle(d, dises),
        inTitle(c, chems) * inTitle(d, dises),
        Math.log1p(count(chems, c)),
        Math.log1p(count(dises, d)),
        c === topChem ? 1 : 0,
        d === topDis ? 1 : 0,
      ]);
    }
  return pairs;
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
