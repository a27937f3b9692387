// Benchmark: FHIR NDJSON through the deployed ingest handler against the embedded stack (s3rver,
// dynalite), versus the same bytes through plain JSON.parse; resources/s, ratio, peak memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SQSEvent } from 'aws-lambda';
import { s3EventRecord, sqsRecord } from '../local/aws-events';
import { LocalEventBus } from '../local/event-bus';
import { localConfig, type LocalEndpoints } from '../shared/config/config';
import { buildDependencies } from '../shared/adapters/composition';
import type { HandlerOutcome, HandlerRun } from './ingest-handler-process';
import { processMemory } from './process-memory';
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
  const body = Buffer.from(file.content);
  const count = file.content.split('\n').filter(Boolean).length;
  ctx.progress(`  ${count} resources, ${(body.length / 2 ** 20).toFixed(1)} MiB`);
  const pure = await pureThroughput(file.content, body);
  file.content = '';
  const run = await ingestInOwnProcess(file, body, count);
  ctx.progress(`  handler: ${run.rate} resources/s, peak RSS ${run.handler.peakRssMiB} MiB`);
  // The same measure on a file ten times larger (memory must stay flat: only the handler's time grows).
  const large = await syntheticExport(10 * target, ctx);
  const largeBody = Buffer.from(large.content);
  const largeCount = large.content.split('\n').filter(Boolean).length;
  large.content = '';
  ctx.progress(
    `  ${largeCount} resources, ${(largeBody.length / 2 ** 20).toFixed(1)} MiB (tenfold)`,
  );
  const tenfold = await ingestInOwnProcess(large, largeBody, largeCount);
  ctx.progress(
    `  handler: ${tenfold.rate} resources/s, peak RSS ${tenfold.handler.peakRssMiB} MiB`,
  );
  const parseRate = pure.jsonParsePerSecond;
  const { handler, report, servers } = run;
  return {
    metrics: {
      resources: count,
      megabytes: Number((body.length / 2 ** 20).toFixed(2)),
      acceptedRecords: report.records.accepted,
      repairedRecords: report.records.repaired,
      quarantinedRecords: report.records.rejected,
      handlerSeconds: Number(handler.seconds.toFixed(3)),
      handlerResourcesPerSecond: run.rate,
      jsonParseResourcesPerSecond: Math.round(parseRate),
      handlerToJsonParseRatio: Number((run.rate / parseRate).toFixed(5)),
      parseValidateNormaliseResourcesPerSecond: Math.round(pure.pipelinePerSecond),
      parseValidateNormaliseToJsonParseRatio: Number(pure.ratio.toFixed(3)),
      parseValidateNormaliseToJsonParseRatioMin: Number(pure.ratioMin.toFixed(3)),
      parseValidateNormaliseToJsonParseRatioMax: Number(pure.ratioMax.toFixed(3)),
      parseValidateNormaliseToJsonParseRatioColdRound: Number(pure.coldRatio.toFixed(3)),
      parseValidateNormaliseToJsonParseOfBytesRatio: Number(pure.ratioToParseOfBytes.toFixed(3)),
      pureThroughputRounds: pure.rounds,
      targetParseValidateNormalisePerSecond: 20_000,
      ...memoryMetrics('', handler, servers),
      tenfoldResources: largeCount,
      tenfoldMegabytes: Number((largeBody.length / 2 ** 20).toFixed(2)),
      tenfoldHandlerSeconds: Number(tenfold.handler.seconds.toFixed(3)),
      tenfoldHandlerResourcesPerSecond: tenfold.rate,
      ...memoryMetrics('tenfold', tenfold.handler, tenfold.servers),
      peakRssTenfoldToBaseRatio: Number(
        (tenfold.handler.peakRssMiB / handler.peakRssMiB).toFixed(3),
      ),
    },
    notes: [
      'Handler time includes S3 GetObject streaming, validation, HMAC pseudonymisation, DynamoDB BatchWrite to dynalite and multipart uploads to s3rver, all on this machine.',
      "Memory: peakRssMiB is the peak resident memory (VmHWM) of a fresh process that runs only the ingest handler, as its Lambda does (Lambda's Max Memory Used); handlerRssBeforeMiB is its RSS once modules and clients are loaded, and the growth figures are from there. The embedded servers run in another process, reported apart as serversPeakRssMiB and serversRssGrowthMiB. The tenfold* figures are the same handler measure on a synthetic file ten times larger (target: peak memory flat).",
      'The JSON.parse reference parses the same lines in memory with no I/O, decoded and split outside the timing (strict; the headline ratio). parseValidateNormaliseToJsonParseOfBytesRatio times plain JSON.parse from the same bytes instead: split at newlines in the buffer, decode each line, parse.',
      `Pure path and JSON.parse measured alternately after one warm-up round each, ${pureRounds} rounds; rates and ratio are medians (the ratio of each round, min and max given), since the machine may be shared.`,
    ],
  };
}

interface IngestRun {
  handler: HandlerOutcome;
  report: { records: { accepted: number; repaired: number; rejected: number } };
  servers: { rssGrowthMiB: number; peakRssMiB: number };
  /** Records read per second of handler time. */
  rate: number;
}

/**
 * Uploads `body` to the embedded S3 and runs the ingest handler on it once, in a fresh process of its
 * own, as its Lambda runs on AWS, so that its peak memory is the function's (Lambda's Max Memory
 * Used), not this process's (which holds whole files for the JSON.parse reference). The embedded
 * servers (s3rver, dynalite...) run in another child process: their memory (dynalite's LevelDB grows
 * native memory by hundreds of MiB over 200,000 writes, docs/ingest.md) is reported apart. No
 * monitor or kg-update consumer runs.
 */
async function ingestInOwnProcess(
  file: { hospital: string; name: string },
  body: Buffer,
  count: number,
): Promise<IngestRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-bench-'));
  const servers = await forkServers(dataDir);
  const config = localConfig(servers.endpoints, dataDir, 'ERROR');
  const deps = buildDependencies(config, { events: new LocalEventBus(dataDir) });
  try {
    const key = keyLayout.raw(file.hospital, 'bench', file.name);
    await deps.objects.put('raw', key, body);
    const head = await deps.objects.head('raw', key);
    const event: SQSEvent = {
      Records: [
        sqsRecord(
          JSON.stringify({
            Records: [
              s3EventRecord({
                bucket: config.buckets.raw,
                key,
                size: body.length,
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
    const serversBefore = processMemory(servers.child.pid);
    const handler = await runHandlerProcess({ endpoints: servers.endpoints, dataDir, event });
    const serversAfter = processMemory(servers.child.pid);
    if (handler.failures > 0)
      throw new Error('the ingest handler reported a failure during the benchmark');
    const report = JSON.parse(
      (await deps.objects.getText('curated', keyLayout.report(file.hospital, 'bench', file.name)))!,
    ) as IngestRun['report'];
    const read = report.records.accepted + report.records.repaired + report.records.rejected;
    if (read !== count)
      throw new Error(`the ingest report counts ${read} records read, the file holds ${count}`);
    return {
      handler,
      report,
      servers: {
        rssGrowthMiB: (serversAfter?.rssMiB ?? 0) - (serversBefore?.rssMiB ?? 0),
        peakRssMiB: serversAfter?.peakRssMiB ?? 0,
      },
      rate: Math.round(read / handler.seconds),
    };
  } finally {
    deps.dynamodb.destroy();
    deps.s3.destroy();
    await servers.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The memory figures of one handler run, names prefixed (`tenfoldPeakRssMiB`...). */
function memoryMetrics(
  prefix: string,
  handler: HandlerOutcome,
  servers: IngestRun['servers'],
): Record<string, number | string> {
  const name = (n: string) => (prefix ? prefix + n[0]!.toUpperCase() + n.slice(1) : n);
  return {
    [name('peakRssMiB')]: handler.peakRssMiB,
    [name('handlerRssBeforeMiB')]: handler.rssBeforeMiB,
    [name('rssGrowthMiB')]: handler.peakRssMiB - handler.rssBeforeMiB,
    [name('peakHeapMiB')]: handler.peakHeapMiB,
    [name('heapGrowthDuringHandlerMiB')]: handler.peakHeapMiB - handler.heapBeforeMiB,
    [name('rssEvery10sMiB')]: handler.rssEvery10sMiB.join(' '),
    ...(handler.retainedHeapMiB
      ? {
          [name('retainedHeapMaxMiB')]: Math.max(...handler.retainedHeapMiB),
          [name('retainedHeapEvery5sMiB')]: handler.retainedHeapMiB.join(' '),
        }
      : {}),
    [name('serversPeakRssMiB')]: servers.peakRssMiB,
    [name('serversRssGrowthMiB')]: servers.rssGrowthMiB,
  };
}

/**
 * The V8 old generation of the handler's process, as on the ingest function's 1,024 MiB Lambda
 * (infra/constructs/ingest-pipeline.ts): V8 sizes it from the memory it sees, physical / 4 x
 * kHeapLimitMultiplier (2 on 64-bit), i.e. half (v8 src/heap/heap.cc, HeapSizeFromPhysicalMemory).
 * On this 24 GiB machine it would allow 4 GiB, and V8 would let garbage pile up far longer than the
 * function can, so the peak would measure V8's room rather than the function's needs.
 */
const lambdaOldSpaceMiB = 512;

/** The ingest handler invoked once in a fresh process (bench/ingest-handler-process.ts). */
async function runHandlerProcess(run: HandlerRun): Promise<HandlerOutcome> {
  const entry = fileURLToPath(new URL('./ingest-handler-process.ts', import.meta.url));
  // A diagnostic switch of this benchmark alone, not configuration of the product.
  // eslint-disable-next-line no-restricted-properties
  const retained = process.env.CAREGRAPH_BENCH_RETAINED === '1';
  const child = fork(entry, [], {
    execArgv: [
      '--import',
      'tsx',
      `--max-old-space-size=${lambdaOldSpaceMiB}`,
      ...(retained ? ['--expose-gc'] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<HandlerOutcome>((ok, fail) => {
    child.once('message', (m) => ok(m as HandlerOutcome));
    child.once('exit', (code) =>
      fail(new Error(`the ingest handler process exited (code ${code}) without an outcome`)),
    );
    child.send({ ...run, retained });
  });
}

/** The embedded stack's servers in a child process (bench/embedded-servers.ts). */
async function forkServers(
  dataDir: string,
): Promise<{ endpoints: LocalEndpoints; child: ChildProcess; close(): Promise<void> }> {
  const entry = fileURLToPath(new URL('./embedded-servers.ts', import.meta.url));
  const child = fork(entry, [dataDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const endpoints = await new Promise<LocalEndpoints>((ok, fail) => {
    child.once('message', (m) => ok((m as { endpoints: LocalEndpoints }).endpoints));
    child.once('exit', (code) =>
      fail(new Error(`the embedded servers exited (code ${code}) before they were ready`)),
    );
  });
  return {
    endpoints,
    child,
    close: async () => {
      if (child.connected) child.send('close');
      await exited;
    },
  };
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
