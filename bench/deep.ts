// Benchmark: the deep text models' speed on this machine. BiLSTM note classifier (the full design)
// seconds per training epoch per 1,000 notes on the wasm and the pure-JS cpu backends, on random
// token ids (speed does not depend on the words); NER tagger training and tagging throughput in
// tokens/s on generated sentences. `--size` sets the notes timed per backend (default 128).
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../training/deep/backend';
import { useLinearSegmentSumOnCpu } from '../training/deep/wasm-kernels';
import { taggedSentences } from '../training/deep/ner/corpus';
import { tagTexts, trainTagger } from '../training/deep/ner/tagger';
import { buildNoteClassifier, noteClassifierDesign } from '../training/deep/notes/model';
import { seededRandom } from '../shared/domain/random';
import type { BenchContext, BenchResult } from './suites';

async function noteEpochSeconds(backend: 'wasm' | 'cpu', notes: number): Promise<number> {
  await selectBackend(backend);
  const { vocabularySize, sequenceLength } = noteClassifierDesign;
  const model = buildNoteClassifier(noteClassifierDesign, 1);
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  const random = seededRandom(1);
  const ids = Float32Array.from({ length: notes * sequenceLength }, () =>
    Math.floor(random() * vocabularySize),
  );
  const x = tf.tensor2d(ids, [notes, sequenceLength]);
  const y = tf.tensor2d(
    Array.from({ length: notes }, (_, i) => i % 2),
    [notes, 1],
  );
  await model.fit(x.slice(0, 32), y.slice(0, 32), { epochs: 1, batchSize: 32, verbose: 0 }); // warm-up
  const started = performance.now();
  await model.fit(x, y, { epochs: 1, batchSize: 32, verbose: 0, shuffle: false });
  const seconds = (performance.now() - started) / 1000;
  tf.dispose([x, y]);
  model.dispose();
  return (seconds * 1000) / notes;
}

function generatedCorpus(sentences: number) {
  const drugs = ['aspirin', 'warfarin', 'cisplatin', 'lithium', 'metformin', 'amiodarone'];
  const diseases = ['hepatitis', 'nephritis', 'neuropathy', 'anaemia', 'heart failure'];
  const random = seededRandom(2);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: sentences }, (_, i) => {
    const drug = pick(drugs);
    const disease = pick(diseases);
    const text = `In study ${i}, patients given ${drug} at 5 mg/kg for 12 weeks developed ${disease} and were followed up.`;
    return {
      id: `${i}`,
      text,
      spans: [
        { start: text.indexOf(drug), end: text.indexOf(drug) + drug.length, type: 'Chemical' },
        {
          start: text.indexOf(disease),
          end: text.indexOf(disease) + disease.length,
          type: 'Disease',
        },
      ],
    };
  });
}

export async function deepBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const notes = ctx.size ?? 128;
  const metrics: Record<string, number | string> = { notesTimed: notes };
  // The stock cpu UnsortedSegmentSum loops once per vocabulary row (minutes per batch here);
  // time cpu with the same linear kernel wasm gets, so the comparison is of the backends.
  useLinearSegmentSumOnCpu();
  for (const backend of ['wasm', 'cpu'] as const) {
    ctx.progress(`  BiLSTM note classifier, one epoch of ${notes} notes on ${backend}`);
    metrics[`bilstm.${backend}.secondsPerEpochPer1000Notes`] = Number(
      (await noteEpochSeconds(backend, notes)).toFixed(1),
    );
  }
  await selectBackend('wasm');
  const docs = generatedCorpus(600);
  const sentences = taggedSentences(docs);
  const tokens = sentences.reduce((a, s) => a + s.tokens.length, 0);
  ctx.progress(`  NER tagger: one epoch over ${tokens} tokens on wasm`);
  const tagger = await trainTagger(sentences, { epochs: 1 });
  const started = performance.now();
  tagTexts(
    tagger,
    docs.map((d) => d.text),
  );
  const tagSeconds = (performance.now() - started) / 1000;
  metrics['tagger.wasm.trainTokensPerSecond'] = Math.round(tokens / tagger.history[0]!.seconds);
  metrics['tagger.wasm.tagTokensPerSecond'] = Math.round(tokens / tagSeconds);
  tagger.model.dispose();
  return {
    metrics,
    notes: [
      'BiLSTM: Embedding 10,000 x 128 -> BiLSTM 64 -> BiLSTM 32 -> Dense 64 -> Dense 1, 100 tokens, batch 32.',
      'tfjs-node(-gpu) is not installed here; wasm and cpu both use this project’s linear UnsortedSegmentSum.',
    ],
  };
}
