// Benchmark: clinical NLP throughput in MB/s of note text on one core: the dictionary + assertion path
// (sections, matching, ConText) and the full path with relations, over synthetic notes.
import { createNlpEngine, extractClinical } from '../shared/domain/nlp/extract';
import { renderCohortPatient } from '../shared/domain/synth/cohort';
import { defaultAsOf } from '../shared/domain/synth/model';
import type { BenchContext, BenchResult } from './suites';

function megabytesPerSecond(texts: readonly string[], run: (text: string) => unknown): number {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const start = process.hrtime.bigint();
  for (const text of texts) run(text);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return Number((bytes / 1e6 / seconds).toFixed(2));
}

const rounds = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function nlpBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const patients = ctx.size ?? 300;
  const options = { patients, seed: 7, hospital: 'bench', dirtyRate: 0, asOf: defaultAsOf };
  const texts: string[] = [];
  for (let i = 0; i < patients; i++)
    for (const note of renderCohortPatient(options, i).notes) texts.push(note.text);
  ctx.progress(`  ${texts.length} notes from ${patients} synthetic patients`);
  const engine = createNlpEngine();
  for (const text of texts.slice(0, 50)) extractClinical(text, { engine }); // warm-up
  // Rounds alternate the two paths, so a busy moment on the host or a late JIT compile does not
  // land on one path only; the median round is reported, every round is kept.
  const dictionaryRounds: number[] = [];
  const fullRounds: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    dictionaryRounds.push(
      megabytesPerSecond(texts, (t) => extractClinical(t, { engine, relations: false })),
    );
    fullRounds.push(megabytesPerSecond(texts, (t) => extractClinical(t, { engine })));
    ctx.progress(
      `  round ${round}/${rounds}: dictionary+assertions ${dictionaryRounds.at(-1)} MB/s, full ${fullRounds.at(-1)} MB/s`,
    );
  }
  const dictionaryAndAssertions = median(dictionaryRounds);
  return {
    metrics: {
      notes: texts.length,
      megabytes: Number((texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(2)),
      'dictionary+assertions MB/s': dictionaryAndAssertions,
      'full (with relations) MB/s': median(fullRounds),
      'dictionary+assertions MB/s rounds': dictionaryRounds.join(' '),
      'full (with relations) MB/s rounds': fullRounds.join(' '),
      'target dictionary+assertions MB/s': 1,
      meets_target: dictionaryAndAssertions >= 1 ? 'yes' : 'no',
    },
    notes: [
      'one core, single thread; median of the rounds; target >= 1 MB/s for dictionary + assertions',
      'neural taggers: `npm run bench -- deep` (tagger.wasm.tagTokensPerSecond, BiLSTM seconds per epoch)',
    ],
  };
}
