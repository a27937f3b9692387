// Training (NER): the four NER systems the evaluation compares on a corpus's development split,
// everything learned from its training split: the dictionary (curated vocabulary + learned lexicon),
// the linear-chain sequence tagger ("crf", with document-level post-processing; optionally a seed
// ensemble with a majority vote and word-cluster features, crf-corpus.ts), the BiLSTM tagger,
// and their combination, whose rule is chosen on the held-out tenth of the training split (every
// tenth document, the one the BiLSTM holds out for early stopping, tagged there by models trained on
// the other nine tenths). A seed ensemble's voted spans enter the combination already
// post-processed; the combination's own post-processing ("raw" = none) is chosen as before.
import type { PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import { extractClinical, type NlpEngine } from '../../../shared/domain/nlp/extract';
import type { TaggerSpan } from '../../../shared/domain/nlp/lexicon/ensemble';
import { linkedSpans, type SystemSpans } from '../../../shared/domain/nlp/lexicon/vote';
import type { NamedId } from '../../../shared/domain/nlp/linking/mesh-names';
import type { ClinicalEntity } from '../../../shared/domain/nlp/model';
import {
  chooseCombination,
  combinationSystems,
  combineDocument,
  type CombinationChoice,
} from './crf-combination';
import {
  crfOutput,
  crfTag,
  trainCorpusCrf,
  type CorpusCrfOptions,
  type CrfTagged,
} from './crf-corpus';
import { tagWithHints, trainCorpusTagger, type CorpusTaggerOptions } from './corpus-tagger';
import type { TaggedSpan } from './decode';
import { corpusMeshTable, withMeshIds } from './mesh-ids';

export interface CorpusSystemsOptions {
  /** Corpus label, e.g. "bc5cdr". */
  key: string;
  /** Entity types scored, e.g. Chemical and Disease. */
  types: readonly string[];
  progress: (line: string) => void;
  /** BiLSTM training overrides (e.g. fewer epochs for a quick run). */
  tagger?: CorpusTaggerOptions;
  /** Sequence tagger settings beyond the types (gazetteer, stacked, clusters, seeds). */
  crf?: Pick<CorpusCrfOptions, 'gazetteer' | 'stacked' | 'epochs' | 'clusters' | 'seeds'>;
  /** Names with MeSH ids from another public corpus, for spans the training names cannot code. */
  meshNames?: readonly NamedId[];
}

export interface CorpusSystems {
  /** Entities per development document, MeSH codes where linked. */
  dictionary: ClinicalEntity[][];
  crf: TaggerSpan[][];
  tagger: TaggedSpan[][];
  combined: ClinicalEntity[][];
  combination: CombinationChoice;
  minConfidence: number;
  history: { epoch: number; loss: number; validationF1?: number; seconds: number }[];
  /** Sequence tagger training seconds: on nine tenths (for the held-out tenth) and on all of it. */
  crfSeconds: { heldOut: number; full: number };
}

/** Train every system on `train` and tag `dev` (see the file comment). */
export async function corpusSystems(
  train: readonly PubtatorDocument[],
  dev: readonly PubtatorDocument[],
  options: CorpusSystemsOptions,
): Promise<CorpusSystems> {
  const { key, types, progress } = options;
  const source = `${key} training split`;
  const systemsOf = (tagged: CrfTagged, bilstm: readonly TaggedSpan[]): SystemSpans =>
    combinationSystems(types, tagged, bilstm);
  const held = train.filter((_, i) => i % 10 === 9);
  progress(`${key}: sequence tagger on nine tenths of the training split, for the held-out tenth`);
  const crfOptions = { types, source, ...options.crf, onProgress: progress };
  const seconds = (t0: number) => Math.round((Date.now() - t0) / 1000);
  let t0 = Date.now();
  const heldCrf = trainCorpusCrf(
    train.filter((_, i) => i % 10 !== 9),
    crfOptions,
  );
  const crfSeconds = { heldOut: seconds(t0), full: 0 };
  const heldTagged = held.map((d) => crfTag(heldCrf, d.text));
  progress(`${key}: sequence tagger on all ${train.length} training abstracts`);
  t0 = Date.now();
  const crf = trainCorpusCrf(train, crfOptions);
  crfSeconds.full = seconds(t0);
  const engine = crf.engine;
  const devTagged = dev.map((d) => crfTag(crf, d.text));
  progress(`${key}: training the BiLSTM tagger on ${train.length} abstracts`);
  const trained = await trainBilstm(train, source, options);
  const heldBilstm = tagWithHints(
    trained.tagger,
    heldCrf.engine,
    held.map((d) => d.text),
  );
  const devBilstm = tagWithHints(
    trained.tagger,
    trained.engine,
    dev.map((d) => d.text),
  );
  trained.tagger.model.dispose();
  const combination = chooseCombination(
    held.map((d, i) => ({
      text: d.text,
      gold: d.mentions,
      systems: systemsOf(heldTagged[i]!, heldBilstm[i]!),
    })),
    types,
  );
  progress(`${key}: combination chosen on the held-out tenth: ${combination.best.label}`);
  const dictionary = dev.map((d) => extractClinical(d.text, mentionOptions(engine)).entities);
  const meshTable = corpusMeshTable(train, options.meshNames);
  const combined = dev.map((d, i) => {
    const spans = combineDocument(
      d.text,
      systemsOf(devTagged[i]!, devBilstm[i]!),
      combination.best,
    );
    return withMeshIds(
      meshTable,
      d.text,
      linkedSpans(engine, d.text, spans, dictionary[i]!, 'mesh'),
    );
  });
  return {
    dictionary,
    crf: dev.map((d, i) => crfOutput(d.text, devTagged[i]!)),
    tagger: devBilstm,
    combined,
    combination,
    minConfidence: trained.minConfidence,
    history: trained.tagger.history,
    crfSeconds,
  };
}

function trainBilstm(
  train: readonly PubtatorDocument[],
  source: string,
  options: CorpusSystemsOptions,
) {
  return trainCorpusTagger(train, {
    source,
    ...options.tagger,
    onEpoch: (e, loss, s, f1) =>
      options.progress(
        `  epoch ${e} loss ${loss.toFixed(4)} held-out F1 ${f1?.toFixed(4)} ${s.toFixed(0)} s`,
      ),
  });
}

const mentionOptions = (engine: NlpEngine) =>
  ({ engine, preferSystem: 'mesh', relations: false }) as const;
