// Evaluation: the deep text models. (1) The neural NER tagger trained on the BC5CDR training split
// (Chemical, Disease) and on NCBI-disease train, scored by exact-span micro P/R/F1 per type on
// BC5CDR development and NCBI develop. (2) The BiLSTM note classifier and the TF-IDF baseline on a
// synthetic cohort's notes (label heart-failure), AUROC on held-out patients. (3) The GCN link
// predictor on a planted drug-class graph. Reads ../shared/data; skips when it is absent.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCohort } from '../../local/synth/write-cohort';
import { defaultAsOf } from '../../shared/domain/synth/model';
import { selectBackend } from '../../training/deep/backend';
import { auroc, spanScores } from '../../training/deep/metrics';
import {
  parsePubtator,
  taggedSentences,
  type CorpusDocument,
} from '../../training/deep/ner/corpus';
import { tagTexts, trainTagger } from '../../training/deep/ner/tagger';
import { fitTextBaseline, scoreTextBaseline } from '../../training/deep/notes/baseline';
import { readLabelledNotes, splitByPatient } from '../../training/deep/notes/data';
import { trainNotesClassifier } from '../../training/deep/notes/train';
import { plantedTreatsGraph } from '../../training/deep/kg/planted';
import { trainKgLink } from '../../training/deep/kg/train';
import type { EvalContext, EvalResult } from './suites';

const taggerEpochs = 3;
const notesLabel = 'heart-failure';
const notesSeed = 11;

const corpora = [
  {
    key: 'bc5cdr',
    train: 'bc5cdr/CDR_TrainingSet.PubTator.txt',
    dev: 'bc5cdr/CDR_DevelopmentSet.PubTator.txt',
    types: ['Chemical', 'Disease'],
  },
  {
    key: 'ncbi',
    train: 'ncbi-disease/NCBItrainset_corpus.txt',
    dev: 'ncbi-disease/NCBIdevelopset_corpus.txt',
    types: ['Disease'],
  },
];

async function evaluateTagger(
  ctx: EvalContext,
  corpus: (typeof corpora)[number],
  metrics: Record<string, number>,
): Promise<void> {
  const read = (f: string): CorpusDocument[] =>
    parsePubtator(readFileSync(join(ctx.sharedData, f), 'utf8'));
  const train = read(corpus.train);
  const dev = read(corpus.dev);
  ctx.progress(`  ${corpus.key}: training the tagger on ${train.length} abstracts`);
  const tagger = await trainTagger(taggedSentences(train), {
    epochs: taggerEpochs,
    onEpoch: (e, loss, s) =>
      ctx.progress(`    epoch ${e} loss ${loss.toFixed(4)} ${s.toFixed(0)} s`),
  });
  const started = performance.now();
  const predicted = tagTexts(
    tagger,
    dev.map((d) => d.text),
  );
  const seconds = (performance.now() - started) / 1000;
  const tokens = taggedSentences(dev).reduce((a, s) => a + s.tokens.length, 0);
  const scores = spanScores(
    dev.map((d, i) => ({ gold: d.spans, predicted: predicted[i]! })),
    corpus.types,
  );
  for (const [type, s] of Object.entries(scores)) {
    const prefix = `${corpus.key}.${type.toLowerCase()}`;
    metrics[`${prefix}.precision`] = round(s.precision);
    metrics[`${prefix}.recall`] = round(s.recall);
    metrics[`${prefix}.f1`] = round(s.f1);
  }
  const history = tagger.history;
  metrics[`${corpus.key}.secondsPerEpoch`] = round(
    history.reduce((a, h) => a + h.seconds, 0) / history.length,
  );
  metrics[`${corpus.key}.trainTokensPerSecond`] = Math.round(
    history.reduce((a, h) => a + h.tokens, 0) / history.reduce((a, h) => a + h.seconds, 0),
  );
  metrics[`${corpus.key}.tagTokensPerSecond`] = Math.round(tokens / seconds);
  tagger.model.dispose();
}

async function evaluateNotes(ctx: EvalContext, metrics: Record<string, number>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'caregraph-deep-eval-'));
  try {
    const cohort = join(dir, 'cohort');
    await writeCohort({
      patients: 600,
      seed: notesSeed,
      hospital: 'synthetic-general',
      dirtyRate: 0,
      asOf: defaultAsOf,
      out: cohort,
      workers: 1,
    });
    const notesJsonl = join(cohort, 'truth', 'notes.jsonl');
    ctx.progress(`  notes: BiLSTM for ${notesLabel}`);
    const bilstm = await trainNotesClassifier({
      notesJsonl,
      label: notesLabel,
      out: join(dir, 'notes-model'),
      epochs: 3,
      seed: notesSeed,
      maxTrainNotes: 1500,
      onProgress: ctx.progress,
    });
    const notes = await readLabelledNotes(notesJsonl, notesLabel);
    const split = splitByPatient(notes, 0.2, notesSeed);
    const started = performance.now();
    const baseline = fitTextBaseline(split.train, { seed: notesSeed });
    const baselineSeconds = (performance.now() - started) / 1000;
    const scores = scoreTextBaseline(
      baseline,
      split.test.map((n) => n.text),
    );
    Object.assign(metrics, {
      'notes.bilstm.auroc': round(bilstm.auroc),
      'notes.bilstm.trainNotes': bilstm.trainNotes,
      'notes.bilstm.secondsPerEpoch': round(
        bilstm.secondsPerEpoch.reduce((a, b) => a + b, 0) / bilstm.secondsPerEpoch.length,
      ),
      'notes.baseline.auroc': round(
        auroc(
          scores,
          split.test.map((n) => n.label),
        ),
      ),
      'notes.baseline.trainNotes': split.train.length,
      'notes.baseline.trainSeconds': round(baselineSeconds),
      'notes.testNotes': split.test.length,
      'notes.testPositives': bilstm.testPositives,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function evaluateKg(metrics: Record<string, number>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'caregraph-deep-kg-'));
  try {
    const triplesFile = join(dir, 'planted.tsv');
    const planted = plantedTreatsGraph({ classes: 10, drugsPerClass: 5, diseasesPerClass: 8 });
    writeFileSync(
      triplesFile,
      planted.map((t) => `${t.head}\t${t.relation}\t${t.tail}`).join('\n'),
    );
    const r = await trainKgLink({ triplesFile, out: join(dir, 'model'), epochs: 200, seed: 3 });
    Object.assign(metrics, {
      'kg.planted.auroc': round(r.auroc),
      'kg.planted.mrr': round(r.mrr),
      'kg.planted.hits@10': round(r['hits@10']),
      'kg.planted.heldOut': r.heldOut,
      'kg.planted.secondsPerEpoch': round(r.secondsPerEpoch),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Number(x.toFixed(4));
}

export async function deepEval(ctx: EvalContext): Promise<EvalResult> {
  const missing = corpora
    .flatMap((c) => [c.train, c.dev])
    .find((f) => !existsSync(join(ctx.sharedData, f)));
  if (missing)
    return {
      skipped: `${join(ctx.sharedData, missing)} not found (the shared evaluation data is absent)`,
    };
  const backend = await selectBackend();
  ctx.progress(`  tfjs backend: ${backend.backend}`);
  const metrics: Record<string, number> = {};
  for (const corpus of corpora) await evaluateTagger(ctx, corpus, metrics);
  await evaluateNotes(ctx, metrics);
  await evaluateKg(metrics);
  return {
    metrics,
    details: {
      backend: backend.backend,
      taggerEpochs,
      notesLabel,
      targets: 'combined system: BC5CDR Chemical F1 >= 0.88, Disease >= 0.80; NCBI Disease >= 0.80',
    },
  };
}
