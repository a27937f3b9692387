// Domain (nlp/relations): document-level chemical-induced disease (CID) pairs, as the BioCreative V CDR
// task scores them (Wei et al. 2016, Database baw032): every (chemical MeSH, disease MeSH) pair of a
// document is a candidate, described by the feature vector below and scored by the two-stage model of
// cid-train.ts. Two stages as in Gu, Qian & Zhou 2016 (Database baw042) and Xu et al. 2016 (CD-REST,
// Database baw036): sentence-level evidence for every co-occurring mention pair (cid-cues.ts),
// aggregated to the document pair by max / min / count, then document-level features: title
// mentions, frequency and rank of the chemical (the focus drug), the most specific disease
// (cid-specific.ts), sentence distance, and `extra` (e.g. the training-split prior of cid-prior.ts).
import { splitSentences, spanIndexAt, type Span } from '../text/sentences';
import { mentionPairCues, type MentionPairCues } from './cid-cues';
import { lessSpecificDiseases } from './cid-specific';

export interface CidMention {
  start: number;
  end: number;
  type: 'Chemical' | 'Disease';
  id: string;
}

/** Names of the features `cidCandidates` returns, in order (before any `extra` features). */
export const cidFeatureNames = [
  'bias',
  'coOccurs',
  'logSentencesTogether',
  'logMinTokenGap',
  'induced',
  'causedBy',
  'after',
  'triggerBetween',
  'triggerInSentence',
  'toxicity',
  'treatsEverywhere',
  'negatedEverywhere',
  'chemicalInTitle',
  'diseaseInTitle',
  'togetherInTitle',
  'logChemicalCount',
  'logDiseaseCount',
  'chemicalRank1',
  'chemicalRank2',
  'chemicalShare',
  'diseaseRank1',
  'chemicalFirst',
  'logSentenceGap',
  'onlyChemical',
  'lessSpecificDisease',
  'diseaseAsPopulation',
] as const;

/** Evidence of one chemical id and one disease id over all their same-sentence mention pairs. */
export interface PairEvidence {
  /** Sentences holding a mention of both (title counts as the first sentence). */
  sentencesTogether: number;
  /** Fewest word tokens between a co-occurring chemical and disease mention (0 if none co-occur). */
  minTokenGap: number;
  /** Fewest sentences between any chemical and any disease mention. */
  sentenceGap: number;
  /** Whether the pair co-occurs in the title. */
  inTitle: boolean;
  /** Max over mention pairs of each cue; `treats` and `negated` are min (every co-occurrence). */
  cues: Omit<MentionPairCues, 'tokenGap'>;
}

const causalCues = [
  'induced',
  'causedBy',
  'after',
  'trigger',
  'sentenceTrigger',
  'toxicity',
] as const;

/**
 * Aggregate the sentence-level cues of every same-sentence mention pair of one chemical and one
 * disease: causal cues by max (one clear statement suffices), treatment and negation by min (the
 * relation is denied only if every co-occurrence denies it), token gap by min.
 */
export function pairEvidence(
  text: string,
  sentences: readonly Span[],
  titleLength: number,
  chemicals: readonly CidMention[],
  diseases: readonly CidMention[],
): PairEvidence {
  const cues = {
    ...{ induced: 0, causedBy: 0, after: 0, trigger: 0, sentenceTrigger: 0, toxicity: 0 },
    ...{ treats: 1, negated: 1 },
  };
  const together = new Set<number>();
  let minTokenGap = Infinity;
  let sentenceGap = sentences.length;
  let inTitle = false;
  for (const c of chemicals)
    for (const d of diseases) {
      const s = spanIndexAt(sentences, c.start);
      const t = spanIndexAt(sentences, d.start);
      if (s < 0 || t < 0) continue;
      sentenceGap = Math.min(sentenceGap, Math.abs(s - t));
      if (s !== t) continue;
      together.add(s);
      if (c.start < titleLength && d.start < titleLength) inTitle = true;
      const local = mentionPairCues(text, sentences[s]!, c, d);
      minTokenGap = Math.min(minTokenGap, local.tokenGap);
      for (const k of causalCues) cues[k] = Math.max(cues[k], local[k]);
      cues.treats = Math.min(cues.treats, local.treats);
      cues.negated = Math.min(cues.negated, local.negated);
    }
  if (together.size === 0) [cues.treats, cues.negated] = [0, 0];
  return {
    sentencesTogether: together.size,
    minTokenGap: Number.isFinite(minTokenGap) ? minTokenGap : 0,
    sentenceGap,
    inTitle,
    cues,
  };
}

/**
 * Feature vectors (see `cidFeatureNames`) of every chemical-disease id pair of one document, keyed
 * "chemicalId|diseaseId", followed by `extra(chemical, disease)` when given (e.g. cidPriorFeatures).
 * `titleLength` is the title's length in UTF-16 units (mentions starting before it are title
 * mentions).
 */
export function cidCandidates(
  text: string,
  titleLength: number,
  mentions: readonly CidMention[],
  extra?: (chemical: string, disease: string) => number[],
): Map<string, number[]> {
  const chems = mentions.filter((m) => m.type === 'Chemical').sort((a, b) => a.start - b.start);
  const dises = mentions.filter((m) => m.type === 'Disease');
  const doc: DocumentView = {
    text,
    titleLength,
    sentences: splitSentences(text),
    chems,
    dises,
    chemRanks: frequencyRanks(chems),
    disRanks: frequencyRanks(dises),
    general: lessSpecificDiseases(text, dises),
  };
  const pairs = new Map<string, number[]>();
  for (const c of doc.chemRanks.keys())
    for (const d of doc.disRanks.keys())
      pairs.set(`${c}|${d}`, [...pairFeatures(doc, c, d), ...(extra ? extra(c, d) : [])]);
  return pairs;
}

/** What the features of every pair of one document read. */
interface DocumentView {
  text: string;
  titleLength: number;
  sentences: Span[];
  /** Chemical mentions in text order, and disease mentions. */
  chems: CidMention[];
  dises: CidMention[];
  chemRanks: Map<string, number>;
  disRanks: Map<string, number>;
  /** Less specific diseases (cid-specific.ts). */
  general: Set<string>;
}

/** The `cidFeatureNames` features of chemical id `c` and disease id `d`. */
function pairFeatures(doc: DocumentView, c: string, d: string): number[] {
  const ofC = doc.chems.filter((m) => m.id === c);
  const ofD = doc.dises.filter((m) => m.id === d);
  const e = pairEvidence(doc.text, doc.sentences, doc.titleLength, ofC, ofD);
  const inTitle = (list: readonly CidMention[]) =>
    list.some((m) => m.start < doc.titleLength) ? 1 : 0;
  const chemRank = doc.chemRanks.get(c)!;
  return [
    1,
    e.sentencesTogether > 0 ? 1 : 0,
    Math.log1p(e.sentencesTogether),
    Math.log1p(e.minTokenGap),
    e.cues.induced,
    e.cues.causedBy,
    e.cues.after,
    e.cues.trigger,
    e.cues.sentenceTrigger,
    e.cues.toxicity,
    e.cues.treats,
    e.cues.negated,
    inTitle(ofC),
    inTitle(ofD),
    e.inTitle ? 1 : 0,
    Math.log1p(ofC.length),
    Math.log1p(ofD.length),
    chemRank === 1 ? 1 : 0,
    chemRank === 2 ? 1 : 0,
    ofC.length / doc.chems.length,
    doc.disRanks.get(d) === 1 ? 1 : 0,
    doc.chems[0]!.id === c ? 1 : 0,
    Math.log1p(e.sentenceGap),
    doc.chemRanks.size === 1 ? 1 : 0,
    doc.general.has(d) ? 1 : 0,
    ofD.every((m) => describesPopulation(doc.text, m)) ? 1 : 0,
  ];
}

// "patients with D", "treatment of D", "D patients": the disease is the population or the
// indication studied, not an effect of the chemical; CID covers induced diseases only, not
// treatment relations (Wei et al. 2016, Database baw032, task definition).
const populationBefore =
  /\b(?:patients?|subjects?|children|adults|men|women|rats|mice|cases?|individuals)\s+(?:with|having|suffering\s+from)\s+(?:\S+\s+)?$|\b(?:treatment|therapy|management|prevention|prophylaxis)\s+(?:of|for)\s+(?:\S+\s+)?$|\b(?:treated|used|indicated|given)\s+for\s+(?:\S+\s+)?$|\bhistory\s+of\s+$/i;
const populationAfter = /^[\s-]*(?:patients?|subjects?|children|sufferers)\b/i;

/** Whether a disease mention names the population or indication ("patients with D", "D patients"). */
export function describesPopulation(text: string, m: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  return populationBefore.test(before) || populationAfter.test(text.slice(m.end, m.end + 15));
}

/** Rank (1 = most mentioned; ties broken by first mention) of every id of `list`. */
function frequencyRanks(list: readonly CidMention[]): Map<string, number> {
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of list) {
    const c = counts.get(m.id) ?? { n: 0, first: m.start };
    c.n++;
    c.first = Math.min(c.first, m.start);
    counts.set(m.id, c);
  }
  const order = [...counts].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first);
  return new Map(order.map(([id], i) => [id, i + 1]));
}
