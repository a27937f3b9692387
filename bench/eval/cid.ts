// Evaluation: document-level chemical-induced disease (CID) pairs of MeSH ids on the BC5CDR
// development split (Wei et al. 2016, Database baw032). Everything is learned from the training
// split only (the pair prior, both stages' weights, the thresholds; shared/domain/nlp/relations/
// cid-train.ts). `cidScores` scores a given set of predicted entities (the NER suite passes its
// dictionary and combined systems); `cidEval` scores gold entities (relation extraction alone),
// dictionary entities, and dictionary entities whose missing MeSH ids the name -> id linker fills
// (training names, curated vocabulary, NCBI-disease training names: training/deep/ner/mesh-ids),
// without training the tagger, in about ten seconds. With a licensed MeSH release
// (CAREGRAPH_MESH_XML, a descriptor XML, or CAREGRAPH_MESH_VOCABULARY, its `caregraph vocab import`
// output) the linker and the ceiling's known ids also take its Chemical, Disease and Symptom names.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importRelease, loadVocabularyFile } from '../../local/vocabulary-file';
import { meshVocabularyFiles } from '../../shared/config/config';
import { parsePubtator, type PubtatorDocument } from '../../shared/domain/nlp/corpora/pubtator';
import { extractClinical, type NlpEngine } from '../../shared/domain/nlp/extract';
import { fillMeshIds, type NamedId } from '../../shared/domain/nlp/linking/mesh-names';
import type { ClinicalEntity, Concept } from '../../shared/domain/nlp/model';
import { corpusEngine } from '../../shared/domain/nlp/lexicon/corpus';
import { corpusEraMeshId } from '../../shared/domain/nlp/vocabulary/mesh-former-ids';
import { type CidMention } from '../../shared/domain/nlp/relations/cid';
import {
  adverseEffectMeshPairs,
  adverseEffectRows,
  resolveAdverseEffects,
} from '../../shared/domain/nlp/relations/adverse/index';
import { starterVocabulary } from '../../shared/domain/nlp/vocabulary/index';
import type { BoostNode } from '../../shared/domain/nlp/relations/cid-boost';
import { stackFeatureNames } from '../../shared/domain/nlp/relations/cid-stack';
import {
  cidPairFeatureNames,
  learnCidModel,
  type CidKnowledge,
  predictCidPairs,
  type CidDocument,
  type CidModel,
} from '../../shared/domain/nlp/relations/cid-train';
import { corpusMeshTable, meshNamesOf } from '../../training/deep/ner/mesh-ids';
import { prefixed, prf, round4 as round } from './scores';
import type { EvalContext, EvalResult } from './suites';

/** A predicted or gold entity mention (offsets into title + " " + abstract), MeSH id if linked. */
export interface Mention {
  start: number;
  end: number;
  type: string;
  id?: string;
  /** Every id of a composite gold mention (see PubtatorMention.ids). */
  ids?: string[];
}

const trainFile = 'bc5cdr/CDR_TrainingSet.PubTator.txt';
const devFile = 'bc5cdr/CDR_DevelopmentSet.PubTator.txt';
const ncbiTrainFile = 'ncbi-disease/NCBItrainset_corpus.txt';

/**
 * The `cid` eval suite: CID pair P/R/F1 (and the reachable share of gold pairs) on the BC5CDR
 * development split with gold and with dictionary entities, plus the model's cross-validated F1 on
 * the training split; skips when ../shared/data is absent.
 */
export async function cidEval(
  ctx: EvalContext,
  licensed: LicensedMeshFiles = meshVocabularyFiles(),
): Promise<EvalResult> {
  const missing = [trainFile, devFile].find((f) => !existsSync(join(ctx.sharedData, f)));
  if (missing)
    return {
      skipped: `${join(ctx.sharedData, missing)} not found (the shared evaluation data is absent)`,
    };
  const read = (f: string) => parsePubtator(readFileSync(join(ctx.sharedData, f), 'utf8'));
  const train = read(trainFile);
  const dev = read(devFile);
  ctx.progress(`BC5CDR CID: learning the model from ${train.length} training abstracts`);
  const model = trainCid(train);
  const ncbi = join(ctx.sharedData, ncbiTrainFile);
  const mesh = await licensedMeshNames(licensed, ctx.progress);
  const extraNames = [
    ...(existsSync(ncbi)
      ? meshNamesOf(parsePubtator(readFileSync(ncbi, 'utf8'))).filter((n) => n.type === 'Disease')
      : []),
    ...mesh.names,
  ];
  ctx.progress('BC5CDR CID: the model for predicted entities (out-of-fold dictionary entities)');
  const predictedModel = trainCidOnPredictedEntities(train, extraNames);
  const metrics: Record<string, number> = {
    'bc5cdr.cid.trainCrossValidatedF1': round(model.classifier.crossValidatedF1),
    'bc5cdr.cid.trainCrossValidatedF1PredictedEntities': round(
      predictedModel.classifier.crossValidatedF1,
    ),
  };
  ctx.progress('BC5CDR CID with gold entities');
  const gold = dev.map((d) => d.mentions);
  Object.assign(metrics, prefixed('bc5cdr.cid.gold', scoreCid(model, dev, gold)));
  ctx.progress('BC5CDR CID with dictionary entities (lexicon learned on the training split)');
  const engine = corpusEngine(train, 'bc5cdr training split');
  const dictionary = dev.map((d) => dictionaryMentions(engine, d.text));
  Object.assign(
    metrics,
    prefixed('bc5cdr.cid.dictionary', scoreCid(predictedModel, dev, dictionary)),
  );
  ctx.progress('BC5CDR CID with dictionary entities, missing ids filled by the name -> id linker');
  const table = corpusMeshTable(train, extraNames);
  const linked = dev.map((d, i) => fillMeshIds(table, d.text, dictionary[i]!));
  Object.assign(
    metrics,
    prefixed('bc5cdr.cid.dictionaryLinked', scoreCid(predictedModel, dev, linked)),
  );
  ctx.progress('BC5CDR CID ceiling: gold entities, only the MeSH ids known offline');
  // The best any linker can do with the knowledge on this machine: every gold mention found, with its
  // gold id, but only when that id occurs somewhere a linker could learn it from (the training
  // split's mentions, the NCBI-disease training names, the curated vocabulary, and a licensed MeSH
  // release when one is given). Ids outside that set need a MeSH descriptor list
  // (shared/domain/nlp/importers/mesh), which is not available here.
  const known = new Set([...table.values(), ...mesh.names.map((n) => n.id)]);
  const knownOnly = gold.map((mentions) => knownIdMentions(mentions, known));
  Object.assign(metrics, prefixed('bc5cdr.cid.goldKnownIds', scoreCid(model, dev, knownOnly)));
  return {
    metrics,
    details: { ...modelDetails(model), ...(mesh.details ? { meshVocabulary: mesh.details } : {}) },
  };
}

/** A licensed MeSH release to add to the linker: a VOCAB.jsonl and/or a descriptor XML. */
export interface LicensedMeshFiles {
  vocabulary?: string;
  xml?: string;
}

/**
 * The names (preferred term and synonyms) of the Chemical, Disease and Symptom concepts with a MeSH
 * code in `files`, and what was read for the report; no files, no names and no details.
 */
export async function licensedMeshNames(
  files: LicensedMeshFiles,
  progress: (line: string) => void = () => {},
): Promise<{ names: NamedId[]; details?: Record<string, unknown> }> {
  const read: { file: string; format: string; concepts: number; names: number }[] = [];
  const names: NamedId[] = [];
  const add = (file: string, format: string, concepts: readonly Concept[]) => {
    const found = meshNamedIds(concepts);
    read.push({ file, format, concepts: concepts.length, names: found.length });
    names.push(...found);
    progress(`  ${file}: ${found.length} MeSH names of ${concepts.length} concepts`);
  };
  if (files.vocabulary)
    add(files.vocabulary, 'vocabulary', await loadVocabularyFile(files.vocabulary));
  if (files.xml) {
    const concepts: Concept[] = [];
    for await (const c of importRelease('mesh', files.xml)) concepts.push(c);
    add(files.xml, 'mesh', concepts);
  }
  if (read.length === 0) return { names };
  return { names, details: { files: read, names: names.length } };
}

/** One name -> MeSH id per name of each Chemical, Disease or Symptom concept with a MeSH code. */
export function meshNamedIds(concepts: readonly Concept[]): NamedId[] {
  return concepts.flatMap((c) => {
    const id = c.codes.mesh && corpusEraMeshId(c.codes.mesh);
    if (!id || !['Chemical', 'Disease', 'Symptom'].includes(c.type)) return [];
    return [...new Set([c.preferred, ...c.synonyms])].map((name) => ({ name, type: c.type, id }));
  });
}

/**
 * `mentions` with only the MeSH ids in `known`: a composite mention keeps its known ids, a mention
 * with none left loses its id (it can take part in no pair).
 */
export function knownIdMentions(
  mentions: readonly Mention[],
  known: ReadonlySet<string>,
): Mention[] {
  return mentions.map((m) => {
    const ids = (m.ids ?? (m.id ? [m.id] : [])).filter((id) => known.has(id));
    const { id: _id, ids: _ids, ...rest } = m;
    if (ids.length === 0) return rest;
    return ids.length > 1 ? { ...rest, id: ids[0]!, ids } : { ...rest, id: ids[0]! };
  });
}

/** The learned weights by feature name and the thresholds, for the report. */
function modelDetails(model: CidModel): Record<string, unknown> {
  const pairNames = cidPairFeatureNames;
  const named = (names: readonly string[], w: readonly number[]) =>
    Object.fromEntries(w.map((v, i) => [names[i] ?? `feature${i}`, round(v)]));
  return {
    target: 'CID F1 >= 0.55 (document level, combined entities)',
    threshold: round(model.classifier.threshold),
    fallbackThreshold: round(model.classifier.fallback),
    pairWeights: named(pairNames, model.pairWeights),
    pairTrees: { trees: model.pairTrees.trees.length, splitsByFeature: treeSplits(model) },
    documentWeights: named(stackFeatureNames, model.classifier.weights),
  };
}

/** How many splits of the first stage's trees use each feature, most used first. */
function treeSplits(model: CidModel): Record<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: BoostNode): void => {
    if ('leaf' in node) return;
    const name = cidPairFeatureNames[node.feature] ?? `feature${node.feature}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    visit(node.left);
    visit(node.right);
  };
  model.pairTrees.trees.forEach(visit);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}

/** One CID mention per MeSH id: a composite gold mention ("hepatic and renal damage") has several. */
function cidMentions(mentions: readonly Mention[]): CidMention[] {
  return mentions.flatMap((m) => {
    const type = m.type;
    if ((type !== 'Chemical' && type !== 'Disease') || !m.id) return [];
    return (m.ids ?? [m.id]).map((id) => ({ start: m.start, end: m.end, type, id }));
  });
}

function cidDocument(doc: PubtatorDocument, mentions: readonly Mention[]): CidDocument {
  return {
    text: doc.text,
    titleLength: doc.title.length,
    mentions: cidMentions(mentions),
    cid: doc.cid,
  };
}

/** The CID model learned from the training split's gold mentions and pairs. */
export function trainCid(train: readonly PubtatorDocument[]): CidModel {
  return learnCidModel(
    train.map((d) => cidDocument(d, d.mentions)),
    5,
    cidKnowledge(),
  );
}

let knowledge: CidKnowledge | undefined;

/**
 * Curated knowledge as MeSH pairs in the corpora's release: the known adverse effects
 * (relations/adverse) and the vocabulary's labelled indications. Prior knowledge, like the
 * knowledge-base features of the CDR task's systems, but curated from drug labels and pharmacology
 * references rather than from annotated abstracts.
 */
export function cidKnowledge(): CidKnowledge {
  // Built from static tables, so once per process (both models of an evaluation use it).
  return (knowledge ??= buildCidKnowledge());
}

function buildCidKnowledge(): CidKnowledge {
  const { effects } = resolveAdverseEffects(adverseEffectRows, starterVocabulary);
  const byId = new Map(starterVocabulary.map((c) => [c.id, c]));
  const treats = new Set<string>();
  for (const drug of starterVocabulary)
    for (const target of drug.indications ?? []) {
      const [c, d] = [drug.codes.mesh, byId.get(target)?.codes.mesh];
      if (c && d) treats.add(`${corpusEraMeshId(c)}|${corpusEraMeshId(d)}`);
    }
  return { causes: adverseEffectMeshPairs(effects, corpusEraMeshId), treats };
}

/**
 * The CID model for predicted entities: learned from the training documents with the entities the
 * dictionary system finds in each of them out of fold (lexicon, and name -> id table with `extraNames`,
 * learned on the other `folds` - 1 folds), so the classifier is fitted, and its thresholds chosen, on
 * entities with the recognition and linking errors it meets in new text. Its cross-validated F1
 * counts the gold pairs those entities cannot reach as misses. In 5-fold CV on the training split
 * (end to end, dictionary entities) CID F1 went 0.493 -> 0.504 against the model fitted on gold
 * entities.
 */
export function trainCidOnPredictedEntities(
  train: readonly PubtatorDocument[],
  extraNames: readonly NamedId[],
  folds = 5,
): CidModel {
  const predicted: Mention[][] = new Array(train.length);
  for (let f = 0; f < folds; f++) {
    const rest = train.filter((_, i) => i % folds !== f);
    const engine = corpusEngine(rest, `bc5cdr training split without fold ${f}`);
    const table = corpusMeshTable(rest, extraNames);
    train.forEach((d, i) => {
      if (i % folds === f)
        predicted[i] = fillMeshIds(table, d.text, dictionaryMentions(engine, d.text));
    });
  }
  return learnCidModel(
    train.map((d, i) => cidDocument(d, predicted[i]!)),
    folds,
    cidKnowledge(),
  );
}

/** The dictionary system's Chemical and Disease mentions (Symptom as Disease), MeSH ids as in 2015. */
function dictionaryMentions(engine: NlpEngine, text: string): Mention[] {
  return entityMentions(
    extractClinical(text, { engine, preferSystem: 'mesh', relations: false }).entities,
  );
}

/**
 * Extracted entities as corpus mentions: Symptom scored as Disease (the corpora have no Symptom
 * type), MeSH ids in the corpora's release (corpusEraMeshId), and every id of a coordinated
 * mention ("breast and ovarian cancer"), as the corpora annotate composite mentions.
 */
export function entityMentions(entities: readonly ClinicalEntity[]): Mention[] {
  return entities.map((e) => {
    const ids = (e.members ?? [e])
      .map((m) => m.codes?.mesh)
      .filter((id): id is string => id !== undefined)
      .map(corpusEraMeshId);
    const unique = [...new Set(ids)];
    return {
      start: e.start,
      end: e.end,
      type: e.type === 'Symptom' ? 'Disease' : e.type,
      ...(unique.length > 0 ? { id: unique[0]! } : {}),
      ...(unique.length > 1 ? { ids: unique } : {}),
    };
  });
}

/**
 * Document-level CID pair P/R/F1 on `dev` with the predicted mentions and `model` (prior, weights,
 * thresholds learned from the training split only: trainCidOnPredictedEntities for predicted
 * entities); `reachable` is the share (0-1) of gold pairs whose two ids are among the predicted
 * mentions (the recall ceiling).
 */
export function cidScores(
  model: CidModel,
  dev: readonly PubtatorDocument[],
  predicted: readonly (readonly Mention[])[],
): Record<string, number> {
  return scoreCid(model, dev, predicted);
}

function scoreCid(
  model: CidModel,
  dev: readonly PubtatorDocument[],
  predicted: readonly (readonly Mention[])[],
): Record<string, number> {
  let [tp, fp, fn, reachable] = [0, 0, 0, 0];
  dev.forEach((doc, i) => {
    const gold = new Set(doc.cid);
    const document = cidDocument(doc, predicted[i]!);
    const pred = predictCidPairs(model, { ...document, cid: [] });
    for (const p of pred)
      if (gold.has(p)) tp++;
      else fp++;
    for (const g of gold) if (!pred.has(g)) fn++;
    const ids = new Set(document.mentions.map((m) => `${m.type}:${m.id}`));
    for (const g of gold) {
      const [c, d] = g.split('|');
      if (ids.has(`Chemical:${c}`) && ids.has(`Disease:${d}`)) reachable++;
    }
  });
  // Share of gold pairs whose chemical and disease ids were both found: the recall ceiling the
  // entity recogniser and linker leave to the relation classifier.
  return { ...prf(tp, fp, fn), reachable: round(reachable / Math.max(1, tp + fn)) };
}
