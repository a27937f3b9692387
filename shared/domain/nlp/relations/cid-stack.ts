// Domain (nlp/relations): the second, document-level stage of the CID model. A pair's first-stage
// probability is re-read against the other pairs of its document: whether it is the best pair of its
// disease (a disease is usually induced by one chemical of the abstract), of its chemical, and of the
// document, and its share of the document's best probability. The CDR systems aggregate mention-level
// decisions to the document in a similar second step (Gu, Qian & Zhou 2016, Database baw042, "merging
// of results"; Xu et al. 2016 CD-REST, Database baw036, document-level classifier); the second stage
// is fitted on out-of-fold first-stage probabilities (stacked generalisation, Wolpert 1992, Neural
// Networks 5:241).

/** Names of the features `documentRelativeFeatures` returns, in order. */
export const stackFeatureNames = [
  'bias',
  'firstStageLogit',
  'bestForDisease',
  'bestForChemical',
  'shareOfDocumentBest',
  'bestOfDocument',
] as const;

/**
 * Second-stage features of every pair "chemicalId|diseaseId" of one document from its first-stage
 * probabilities `scores` (0-1): see `stackFeatureNames`.
 */
export function documentRelativeFeatures(
  scores: ReadonlyMap<string, number>,
): Map<string, number[]> {
  const best = {
    document: 0,
    chemical: new Map<string, number>(),
    disease: new Map<string, number>(),
  };
  for (const [pair, p] of scores) {
    const [c, d] = pair.split('|') as [string, string];
    best.document = Math.max(best.document, p);
    best.chemical.set(c, Math.max(best.chemical.get(c) ?? 0, p));
    best.disease.set(d, Math.max(best.disease.get(d) ?? 0, p));
  }
  const out = new Map<string, number[]>();
  for (const [pair, p] of scores) {
    const [c, d] = pair.split('|') as [string, string];
    const clipped = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
    out.set(pair, [
      1,
      Math.log(clipped / (1 - clipped)),
      p >= best.disease.get(d)! ? 1 : 0,
      p >= best.chemical.get(c)! ? 1 : 0,
      best.document > 0 ? p / best.document : 0,
      p >= best.document ? 1 : 0,
    ]);
  }
  return out;
}
