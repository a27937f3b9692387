// Domain (nlp/relations): a curated-knowledge prior for chemical-induced disease pairs, learned from
// annotated training documents at the MeSH level, the role the Comparative Toxicogenomics Database
// plays in the strongest BioCreative V CDR systems (Wei et al. 2016, Database baw032, "knowledge base
// features"; Xu et al. 2016 CD-REST, Database baw036). For a pair it counts the training documents where it
// was annotated CID against those where both ids were mentioned; for each chemical and disease, the
// share of its documents where it took part in some CID pair. A document's own annotations can be
// left out, so training rows see the prior as unseen documents will (leave-one-out).

export interface CidPriorDocument {
  /** MeSH ids of the document's chemical and disease mentions. */
  chemicals: ReadonlySet<string>;
  diseases: ReadonlySet<string>;
  /** Annotated CID pairs, "chemicalId|diseaseId". */
  cid: ReadonlySet<string>;
}

interface Tally {
  positive: number;
  seen: number;
}

export interface CidPrior {
  pairs: Map<string, Tally>;
  chemicals: Map<string, Tally>;
  diseases: Map<string, Tally>;
}

/** Count pair, chemical and disease CID rates over annotated training documents. */
export function learnCidPrior(docs: Iterable<CidPriorDocument>): CidPrior {
  const prior: CidPrior = { pairs: new Map(), chemicals: new Map(), diseases: new Map() };
  for (const doc of docs) visit(prior, doc, 1);
  return prior;
}

function visit(prior: CidPrior, doc: CidPriorDocument, sign: 1 | -1): void {
  const cidChemicals = new Set([...doc.cid].map((p) => p.split('|')[0]!));
  const cidDiseases = new Set([...doc.cid].map((p) => p.split('|')[1]!));
  for (const c of doc.chemicals) bump(prior.chemicals, c, cidChemicals.has(c), sign);
  for (const d of doc.diseases) bump(prior.diseases, d, cidDiseases.has(d), sign);
  for (const c of doc.chemicals)
    for (const d of doc.diseases) bump(prior.pairs, `${c}|${d}`, doc.cid.has(`${c}|${d}`), sign);
}

function bump(map: Map<string, Tally>, key: string, positive: boolean, sign: 1 | -1): void {
  const t = map.get(key) ?? { positive: 0, seen: 0 };
  t.seen += sign;
  if (positive) t.positive += sign;
  map.set(key, t);
}

/** Names of the features `cidPriorFeatures` returns, in order. */
export const cidPriorFeatureNames = [
  'priorAnnotated',
  'priorLogTimesAnnotated',
  'priorPairRate',
  'priorChemicalRate',
  'priorDiseaseRate',
] as const;

/**
 * Prior features of the pair `chemical|disease`: [annotated before (0/1), log(1 + times annotated),
 * smoothed pair rate, chemical rate, disease rate] (rates 0-1, add-one smoothed toward the corpus
 * rate of 0.1). `own`, when given, is the scored document's own annotation, left out of the counts.
 */
export function cidPriorFeatures(
  prior: CidPrior,
  chemical: string,
  disease: string,
  own?: CidPriorDocument,
): number[] {
  if (own) visit(prior, own, -1);
  const pair = prior.pairs.get(`${chemical}|${disease}`) ?? { positive: 0, seen: 0 };
  const rate = (t: Tally | undefined) => ((t?.positive ?? 0) + 0.1) / ((t?.seen ?? 0) + 1);
  const features = [
    pair.positive > 0 ? 1 : 0,
    Math.log1p(pair.positive),
    rate(pair),
    rate(prior.chemicals.get(chemical)),
    rate(prior.diseases.get(disease)),
  ];
  if (own) visit(prior, own, 1);
  return features;
}
