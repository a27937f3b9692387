// Benchmark: FHIR NDJSON through the deployed ingest handler against the embedded stack (s3rver,
// dynalite), versus the same bytes through plain JSON.parse; resources/s, ratio, peak memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SQSEvent } from 'aws-lambda';
import { startStack } from '../local/stack';
import { lambdaContext, s3EventRecord, sqsRecord } from '../local/aws-events';
import { Readable } from 'node:stream';
import { numberedLines } from '../shared/domain/ingest/lines';
import { ndjsonRecordBatches } from '../shared/domain/ingest/record-sources';
import { validateAndNormalise } from '../shared/domain/preprocess/normalise';
import { keyLayout } from '../shared/config/resources';
import type { BenchContext, BenchResult } from './suites';

const execFileAsync = promisify(execFile);

export async function ingestBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const target = ctx.size ?? 20_000;
  const file = await syntheticExport(target, ctx);
  let body: Buffer | undefined = Buffer.from(file.content);
  const size = body.length;
  const count = file.content.split('\n').filter(Boolean).length;
  ctx.progress(`  ${count} resources, ${(size / 2 ** 20).toFixed(1)} MiB`);
  const pure = await pureThroughput(file.content, body);
  file.content = ''; // nothing of the file stays referenced while the handler runs

  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-bench-'));
  // The ingest function alone, as its own Lambda on AWS: the monitor function's reads of
  // PatientDataUpdated would run in this process and, through dynalite's limited queries, grow native
  // memory by gigabytes at 200,000 resources (docs/ingest.md), which no ingest Lambda carries.
  const stack = await startStack({
    dataDir,
    logLevel: 'ERROR',
    autoIngest: false,
    monitorOnEvents: false,
  });
  try {
    const key = keyLayout.raw(file.hospital, 'bench', file.name);
    await stack.deps.objects.put('raw', key, body);
    body = undefined;
    const head = await stack.deps.objects.head('raw', key);
    const event: SQSEvent = {
      Records: [
        sqsRecord(
          JSON.stringify({
            Records: [
              s3EventRecord({
                bucket: stack.config.buckets.raw,
                key,
                size,
                eTag: head?.etag ?? 'bench',
                sequencer: '1',
              }),
            ],
          }),
          'bench',
          1,
        ),
      ],
    };
    const baseline = process.memoryUsage();
    let peak = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const start = process.hrtime.bigint();
    const response = await stack.ingest(event, lambdaContext('bench-ingest', 900_000));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    clearInterval(sampler);
    if (response.batchItemFailures.length > 0)
      throw new Error('the ingest handler reported a failure during the benchmark');
    const report = JSON.parse(
      (await stack.deps.objects.getText(
        'curated',
        keyLayout.report(file.hospital, 'bench', file.name),
      ))!,
    );
    const handlerRate =
      (report.records.accepted + report.records.repaired + report.records.rejected) / seconds;
    const parseRate = pure.jsonParsePerSecond;
    return {
      metrics: {
        resources: count,
        megabytes: Number((size / 2 ** 20).toFixed(2)),
        acceptedRecords: report.records.accepted,
        repairedRecords: report.records.repaired,
        quarantinedRecords: report.records.rejected,
        handlerSeconds: Number(seconds.toFixed(3)),
        handlerResourcesPerSecond: Math.round(handlerRate),
        jsonParseResourcesPerSecond: Math.round(parseRate),
        handlerToJsonParseRatio: Number((handlerRate / parseRate).toFixed(5)),
        parseValidateNormaliseResourcesPerSecond: Math.round(pure.pipelinePerSecond),
        parseValidateNormaliseToJsonParseRatio: Number(pure.ratio.toFixed(3)),
        parseValidateNormaliseToJsonParseRatioMin: Number(pure.ratioMin.toFixed(3)),
        parseValidateNormaliseToJsonParseRatioMax: Number(pure.ratioMax.toFixed(3)),
        parseValidateNormaliseToJsonParseRatioColdRound: Number(pure.coldRatio.toFixed(3)),
        parseValidateNormaliseToJsonParseOfBytesRatio: Number(pure.ratioToParseOfBytes.toFixed(3)),
        pureThroughputRounds: pure.rounds,
        targetParseValidateNormalisePerSecond: 20_000,
        peakRssMiB: Math.round(peak / 2 ** 20),
        rssGrowthMiB: Math.round((peak - baseline.rss) / 2 ** 20),
        heapGrowthDuringHandlerMiB: Math.round((peakHeap - baseline.heapUsed) / 2 ** 20),
      },
      notes: [
        'Handler time includes S3 GetObject streaming, validation, HMAC pseudonymisation, DynamoDB BatchWrite to dynalite and multipart uploads to s3rver, all on this machine.',
        'The JSON.parse reference parses the same lines in memory with no I/O, decoded and split outside the timing (strict; the headline ratio). parseValidateNormaliseToJsonParseOfBytesRatio times plain JSON.parse from the same bytes instead: split at newlines in the buffer, decode each line, parse.',
        `Pure path and JSON.parse measured alternately after one warm-up round each, ${pureRounds} rounds; rates and ratio are medians (the ratio of each round, min and max given), since the machine may be shared.`,
      ],
    };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Patients and Observations of a synthetic cohort (about 63 resources per patient), `target` lines or
 * more. Generated by `caregraph synth` in a child process, so that the heap of the process that
 * times the ingest path holds none of the generator's state (an ingest Lambda's would not).
 */
async function syntheticExport(
  target: number,
  ctx: BenchContext,
): Promise<{ hospital: string; name: string; content: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'caregraph-bench-cohort-')), 'cohort');
  try {
    const patients = Math.max(1, Math.ceil(target / 60));
    const cli = fileURLToPath(new URL('../local/cli/caregraph.mjs', import.meta.url));
    const args = ['synth', '--patients', String(patients), '--seed', '7', '--hospital', 'bench'];
    await execFileAsync(process.execPath, [cli, ...args, '--as-of', '2026-01-01', '--out', out], {
      maxBuffer: 64 * 2 ** 20,
    });
    ctx.progress(`  generated ${patients} synthetic patients (caregraph synth, child process)`);
    const content = ['Patient.ndjson', 'Observation.ndjson']
      .map((f) => readFileSync(join(out, 'fhir', f), 'utf8'))
      .join('');
    return { hospital: 'bench', name: 'export.ndjson', content };
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}

/** Measured rounds of the pure path against JSON.parse (after one warm-up round of each). */
const pureRounds = 11;

/**
 * The pure path (parse + validate + normalise) against plain JSON.parse on the same bytes, measured
 * alternately so that load from other processes falls on both alike; the first round of each warms
 * the JIT and is not counted. Returns median rates (resources/s) and the median, min and max of the
 * per-round ratio.
 */
async function pureThroughput(
  content: string,
  body: Buffer,
): Promise<{
  jsonParsePerSecond: number;
  pipelinePerSecond: number;
  ratio: number;
  ratioMin: number;
  ratioMax: number;
  rounds: number;
  /** The ratio of the warm-up round (cold JIT), as the benchmark measured before it had rounds. */
  coldRatio: number;
  /** Median ratio against JSON.parse timed from the bytes (decode + split + parse). */
  ratioToParseOfBytes: number;
}> {
  const parseRates: number[] = [];
  const pipelineRates: number[] = [];
  const ratios: number[] = [];
  const bytesRatios: number[] = [];
  let coldRatio = 0;
  for (let round = 0; round <= pureRounds; round++) {
    const { parsed, parseSeconds } = jsonParseBaseline(content);
    const pipeline = await parseValidateNormalise(body);
    const fromBytes = jsonParseOfBytes(body);
    const ratio = pipeline.records / pipeline.seconds / (parsed / parseSeconds);
    if (round === 0) {
      coldRatio = ratio;
      continue;
    }
    parseRates.push(parsed / parseSeconds);
    pipelineRates.push(pipeline.records / pipeline.seconds);
    ratios.push(ratio);
    bytesRatios.push(
      pipeline.records / pipeline.seconds / (fromBytes.parsed / fromBytes.parseSeconds),
    );
  }
  return {
    jsonParsePerSecond: median(parseRates),
    pipelinePerSecond: median(pipelineRates),
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    rounds: ratios.length,
    coldRatio,
    ratioToParseOfBytes: median(bytesRatios),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Plain JSON.parse starting from the same bytes, as the simplest fast NDJSON reader does it: find
 * each newline in the buffer, decode that line (UTF-8) and parse it, all timed. Per-line decoding
 * keeps each line a one-byte string when it is ASCII (decoding the whole file at once makes every
 * line two-byte as soon as one character is not, which slows JSON.parse), so this reference is the
 * fast one. Reported beside the strict reference.
 */
function jsonParseOfBytes(body: Buffer): { parsed: number; parseSeconds: number } {
  const start = process.hrtime.bigint();
  let parsed = 0;
  for (let from = 0; from < body.length;) {
    let to = body.indexOf(10, from);
    if (to < 0) to = body.length;
    if (to > from) {
      try {
        JSON.parse(body.toString('utf8', from, to));
        parsed++;
      } catch {
        // not counted: a line JSON.parse rejects
      }
    }
    from = to + 1;
  }
  return { parsed, parseSeconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/**
 * The same lines, already decoded and split outside the timing, through plain JSON.parse: the
 * strict reference throughput (the headline ratio).
 */
function jsonParseBaseline(content: string): { parsed: number; parseSeconds: number } {
  const lines = content.split('\n').filter(Boolean);
  const start = process.hrtime.bigint();
  let parsed = 0;
  for (const line of lines) {
    try {
      JSON.parse(line);
      parsed++;
    } catch {
      // not counted: a line JSON.parse rejects
    }
  }
  return { parsed, parseSeconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/**
 * The ingest path without storage: stream the same bytes through line splitting, JSON.parse,
 * validation and unit normalisation, exactly as the ingest function does before it writes (records
 * a chunk's lines at a time, as ingestFile reads them).
 */
async function parseValidateNormalise(body: Buffer): Promise<{ records: number; seconds: number }> {
  const start = process.hrtime.bigint();
  let records = 0;
  const chunks = Readable.from(chunked(body, 64 * 1024));
  for await (const batch of ndjsonRecordBatches(numberedLines(chunks), 'bench.ndjson')) {
    for (const record of batch) {
      records++;
      if (!record.resource) continue;
      try {
        validateAndNormalise(record.resource);
      } catch {
        // rejected records count as processed, as in the reports
      }
    }
  }
  return { records, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function* chunked(body: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
}
