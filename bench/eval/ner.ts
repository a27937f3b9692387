// Evaluation: clinical NER, CID relations and assertions with the dictionary + learned-lexicon path.
// - BC5CDR: learn a lexicon on the training split, score the development split (exact-span micro
//   P/R/F1 per type, Chemical and Disease; curated Symptom mentions count as Disease, as CDR annotates
//   symptoms as diseases) and CID pairs of MeSH ids per document (logistic regression on training pairs).
// - NCBI-disease: learn on train, score develop (Disease).
// - Assertions: per-class accuracy on the gold spans of 300 synthetic patients' notes, and negation
//   accuracy on the hand-annotated 200-sentence fixture.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssertionClassifier } from '../../shared/domain/nlp/assertions/context';
import { parsePubtator, type PubtatorDocument } from '../../shared/domain/nlp/corpora/pubtator';
import { createNlpEngine, extractClinical, type NlpEngine } from '../../shared/domain/nlp/extract';
import { trainLexicon } from '../../shared/domain/nlp/lexicon/learn';
import { buildLinker } from '../../shared/domain/nlp/linking/link';
import {
  cidCandidates,
  logistic,
  trainLogistic,
  type CidMention,
} from '../../shared/domain/nlp/relations/cid';
import { detectSections } from '../../shared/domain/nlp/sections/sections';
import { acuteConditions } from '../../shared/domain/nlp/vocabulary/acute';
import { starterVocabulary } from '../../shared/domain/nlp/vocabulary/index';
import { renderCohortPatient } from '../../shared/domain/synth/cohort';
import { defaultAsOf } from '../../shared/domain/synth/model';
import { parseNegationFixture, scoreNegation } from '../../shared/domain/nlp/assertions/fixture';
import type { EvalContext, EvalResult } from './suites';

type Scores = Record<string, { tp: number; fp: number; fn: number }>;

export async function nerEval(ctx: EvalContext): Promise<EvalResult> {
  const metrics: Record<string, number> = {};
  const details: Record<string, unknown> = {};
  const cdr = join(ctx.sharedData, 'bc5cdr');
  const ncbi = join(ctx.sharedData, 'ncbi-disease');
  if (!existsSync(cdr) || !existsSync(ncbi))
    return { skipped: `${cdr} or ${ncbi} not found (the shared evaluation data is absent)` };
  ctx.progress('BC5CDR: learning the lexicon on the training split');
  const train = parsePubtator(readFileSync(join(cdr, 'CDR_TrainingSet.PubTator.txt'), 'utf8'));
  const dev = parsePubtator(readFileSync(join(cdr, 'CDR_DevelopmentSet.PubTator.txt'), 'utf8'));
  const cdrEngine = corpusEngine(train, 'BC5CDR training split');
  Object.assign(metrics, prefixed('bc5cdr', spanScores(cdrEngine, dev, ['Chemical', 'Disease'])));
  ctx.progress('BC5CDR: CID relations');
  Object.assign(metrics, prefixed('bc5cdr.cid', cidScores(cdrEngine, train, dev)));
  ctx.progress('NCBI-disease: learning on train, scoring develop');
  const ncbiTrain = parsePubtator(readFileSync(join(ncbi, 'NCBItrainset_corpus.txt'), 'utf8'));
  const ncbiDev = parsePubtator(readFileSync(join(ncbi, 'NCBIdevelopset_corpus.txt'), 'utf8'));
  const ncbiEngine = corpusEngine(ncbiTrain, 'NCBI-disease train');
  Object.assign(metrics, prefixed('ncbi', spanScores(ncbiEngine, ncbiDev, ['Disease'])));
  ctx.progress('Assertions: 300 synthetic patients');
  const assertions = syntheticAssertions(300);
  Object.assign(metrics, prefixed('assertion', assertions.accuracy));
  details.assertionCounts = assertions.counts;
  const fixture = new URL(
    '../../shared/domain/nlp/assertions/fixtures/negation-200.jsonl',
    import.meta.url,
  );
  metrics['negation200.accuracy'] = round(
    scoreNegation(parseNegationFixture(readFileSync(fixture, 'utf8'))).accuracy,
  );
  return { metrics, details };
}

function corpusEngine(train: readonly PubtatorDocument[], source: string): NlpEngine {
  const lexicon = trainLexicon(
    train.map((d) => ({
      text: d.text,
      entities: d.mentions.map((m) => ({
        ...m,
        ...(m.id ? { code: m.id, system: 'mesh' as const } : {}),
      })),
    })),
    {
      source,
      minShare: 0.3,
      alsoScore: starterVocabulary
        .filter((c) => ['Chemical', 'Disease', 'Symptom'].includes(c.type))
        .flatMap((c) => c.synonyms),
    },
  );
  return createNlpEngine({ lexicon, preferLearned: true });
}

/** Exact-span micro precision, recall and F1 per type. */
function spanScores(
  engine: NlpEngine,
  docs: readonly PubtatorDocument[],
  types: readonly string[],
): Record<string, number> {
  const scores: Scores = Object.fromEntries(types.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const doc of docs) {
    const gold = new Set(
      doc.mentions
        .filter((m) => types.includes(m.type))
        .map((m) => `${m.start}:${m.end}:${m.type}`),
    );
    const pred = new Set(
      predicted(engine, doc)
        .filter((m) => types.includes(m.type))
        .map((m) => `${m.start}:${m.end}:${m.type}`),
    );
    for (const k of gold) scores[k.split(':')[2]!]![pred.has(k) ? 'tp' : 'fn']++;
    for (const k of pred) if (!gold.has(k)) scores[k.split(':')[2]!]!.fp++;
  }
  const out: Record<string, number> = {};
  for (const [type, s] of Object.entries(scores))
    Object.assign(out, prefixed(type, prf(s.tp, s.fp, s.fn)));
  return out;
}

/** Entities of a corpus document as CDR types (Symptom -> Disease), with MeSH ids where known. */
function predicted(
  engine: NlpEngine,
  doc: PubtatorDocument,
): { start: number; end: number; type: string; id?: string }[] {
  return extractClinical(doc.text, { engine, preferSystem: 'mesh', relations: false }).entities.map(
    (e) => ({
      start: e.start,
      end: e.end,
      type: e.type === 'Symptom' ? 'Disease' : e.type,
      ...(e.codes?.mesh ? { id: e.codes.mesh } : {}),
    }),
  );
}

function cidMentions(engine: NlpEngine, doc: PubtatorDocument): CidMention[] {
  return predicted(engine, doc).flatMap((m) =>
    (m.type === 'Chemical' || m.type === 'Disease') && m.id
      ? [{ start: m.start, end: m.end, type: m.type, id: m.id }]
      : [],
  );
}

/** Document-level CID pair P/R/F1: a logistic regression and its F1-best threshold, both from training pairs. */
function cidScores(
  engine: NlpEngine,
  train: readonly PubtatorDocument[],
  dev: readonly PubtatorDocument[],
): Record<string, number> {
  const rows: { x: number[]; y: 0 | 1 }[] = [];
  for (const doc of train) {
    const gold = new Set(doc.cid);
    for (const [pair, x] of cidCandidates(doc.text, doc.title.length, cidMentions(engine, doc)))
      rows.push({ x, y: gold.has(pair) ? 1 : 0 });
  }
  const w = trainLogistic(rows);
  const threshold = bestThreshold(rows, w);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const doc of dev) {
    const gold = new Set(doc.cid);
    const pred = new Set(
      [...cidCandidates(doc.text, doc.title.length, cidMentions(engine, doc))]
        .filter(([, x]) => logistic(w, x) >= threshold)
        .map(([pair]) => pair),
    );
    for (const p of pred)
      if (gold.has(p)) tp++;
      else fp++;
    for (const g of gold) if (!pred.has(g)) fn++;
  }
  return prf(tp, fp, fn);
}

/** Per-class accuracy of the assertion classifier on synthetic gold spans (seed 20260101). */
function syntheticAssertions(patients: number) {
  const linker = buildLinker(starterVocabulary);
  const options = {
    patients,
    seed: 20260101,
    hospital: 'synthetic-general',
    dirtyRate: 0,
    asOf: defaultAsOf,
  };
  const counts: Record<string, { total: number; correct: number }> = {};
  for (let i = 0; i < patients; i++)
    for (const note of renderCohortPatient(options, i).notes) {
      const classifier = new AssertionClassifier(
        note.text,
        detectSections(note.text),
        note.entities,
      );
      for (const e of note.entities) {
        const concept = linker.link(e.text, e.type)[0]?.concept;
        const chronic =
          e.type === 'Disease' && concept !== undefined && !acuteConditions.has(concept.id);
        const got = classifier.classify(e.start, e.end, { type: e.type, chronic });
        const c = (counts[e.assertion] ??= { total: 0, correct: 0 });
        c.total++;
        if (got === e.assertion) c.correct++;
      }
    }
  const accuracy = Object.fromEntries(
    Object.entries(counts).map(([k, c]) => [k, round(c.correct / c.total)]),
  );
  return { accuracy, counts };
}

function bestThreshold(rows: readonly { x: number[]; y: 0 | 1 }[], w: number[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.1; t <= 0.9; t += 0.05) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { x, y } of rows) {
      const p = logistic(w, x) >= t;
      if (p && y) tp++;
      else if (p) fp++;
      else if (y) fn++;
    }
    const f1 = prf(tp, fp, fn).f1!;
    if (f1 > bestF1) [best, bestF1] = [t, f1];
  }
  return best;
}

function prf(tp: number, fp: number, fn: number): Record<string, number> {
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return {
    precision: round(p),
    recall: round(r),
    f1: round(p + r === 0 ? 0 : (2 * p * r) / (p + r)),
  };
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}.${k}`, v]));
}

const round = (x: number) => Number(x.toFixed(4));
