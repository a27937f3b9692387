// Benchmark: FHIR NDJSON through the deployed ingest handler against the embedded stack (s3rver,
// dynalite), versus the same bytes through plain JSON.parse; resources/s, ratio, peak memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { startStack } from '../local/stack';
import { lambdaContext, s3EventRecord, sqsRecord } from '../local/aws-events';
import { Readable } from 'node:stream';
import { writeCohort } from '../local/synth/write-cohort';
import { numberedLines } from '../shared/domain/ingest/lines';
import { ndjsonRecords } from '../shared/domain/ingest/record-sources';
import { validateAndNormalise } from '../shared/domain/preprocess/normalise';
import { keyLayout } from '../shared/config/resources';
import type { BenchContext, BenchResult } from './suites';

export async function ingestBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const target = ctx.size ?? 20_000;
  const file = await syntheticExport(target, ctx);
  let body: Buffer | undefined = Buffer.from(file.content);
  const size = body.length;
  const { parsed, parseSeconds, count } = jsonParseBaseline(file.content);
  file.content = ''; // nothing of the file stays referenced while the handler runs
  ctx.progress(`  ${count} resources, ${(size / 2 ** 20).toFixed(1)} MiB`);
  const pipeline = await parseValidateNormalise(body);

  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-bench-'));
  const stack = await startStack({ dataDir, logLevel: 'ERROR', autoIngest: false });
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
    const parseRate = parsed / parseSeconds;
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
        parseValidateNormaliseResourcesPerSecond: Math.round(pipeline.records / pipeline.seconds),
        parseValidateNormaliseToJsonParseRatio: Number(
          (pipeline.records / pipeline.seconds / parseRate).toFixed(3),
        ),
        targetParseValidateNormalisePerSecond: 20_000,
        peakRssMiB: Math.round(peak / 2 ** 20),
        rssGrowthMiB: Math.round((peak - baseline.rss) / 2 ** 20),
        heapGrowthDuringHandlerMiB: Math.round((peakHeap - baseline.heapUsed) / 2 ** 20),
      },
      notes: [
        'Handler time includes S3 GetObject streaming, validation, HMAC pseudonymisation, DynamoDB BatchWrite to dynalite and multipart uploads to s3rver, all on this machine.',
        'The JSON.parse reference parses the same lines in memory with no I/O.',
      ],
    };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Patients and Observations of a synthetic cohort (about 63 resources per patient), `target` lines or more. */
async function syntheticExport(
  target: number,
  ctx: BenchContext,
): Promise<{ hospital: string; name: string; content: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'caregraph-bench-cohort-')), 'cohort');
  try {
    const patients = Math.max(1, Math.ceil(target / 60));
    await writeCohort({
      patients,
      seed: 7,
      hospital: 'bench',
      dirtyRate: 0,
      asOf: '2026-01-01',
      out,
    });
    ctx.progress(`  generated ${patients} synthetic patients`);
    const content = ['Patient.ndjson', 'Observation.ndjson']
      .map((f) => readFileSync(join(out, 'fhir', f), 'utf8'))
      .join('');
    return { hospital: 'bench', name: 'export.ndjson', content };
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}

/** The same lines through plain JSON.parse: the reference throughput. */
function jsonParseBaseline(content: string): {
  parsed: number;
  parseSeconds: number;
  count: number;
} {
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
  return {
    parsed,
    parseSeconds: Number(process.hrtime.bigint() - start) / 1e9,
    count: lines.length,
  };
}

/**
 * The ingest path without storage: stream the same bytes through line splitting, JSON.parse,
 * validation and unit normalisation, exactly as the ingest function does before it writes.
 */
async function parseValidateNormalise(body: Buffer): Promise<{ records: number; seconds: number }> {
  const start = process.hrtime.bigint();
  let records = 0;
  const chunks = Readable.from(chunked(body, 64 * 1024));
  for await (const record of ndjsonRecords(numberedLines(chunks), 'bench.ndjson')) {
    records++;
    if (!record.resource) continue;
    try {
      validateAndNormalise(record.resource);
    } catch {
      // rejected records count as processed, as in the reports
    }
  }
  return { records, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function* chunked(body: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
}
