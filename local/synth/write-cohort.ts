// Local (synth): stream a whole cohort to disk, one patient at a time, in the layout of the
// synthetic-cohort contract (docs/synth.md): fhir/, bundles/, csv/, vcf/, notes/ and truth/.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { CohortOptions } from '../../shared/domain/synth/model';
import { generatorVersion } from '../../shared/domain/synth/model';
import {
  csvFileNames,
  csvHeader,
  csvLineTerminator,
  csvMapping,
} from '../../shared/domain/synth/fhir/csv';
import { bulkManifest } from '../../shared/domain/synth/fhir/bulk';
import { OutcomeAccumulator } from '../../shared/domain/synth/state/outcomes';
import { ValidationError } from '../../shared/domain/errors';
import { LineSinks } from './file-sinks';
import { renderedChunks } from './render-pool';
import type { RenderedChunk } from './chunk';

export interface WriteCohortOptions extends CohortOptions {
  out: string;
  /** Replace an existing non-empty output directory. */
  force?: boolean;
  /** Render threads (default: one per core; 1 renders on the calling thread). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Stops the run before it writes the next chunk, with the signal's reason; the output directory
   * is then incomplete (no manifests, which are written last).
   */
  signal?: AbortSignal;
}

export interface CohortManifest {
  generator: string;
  options: CohortOptions;
  counts: {
    patients: number;
    resources: Record<string, number>;
    bundles: number;
    csvRows: Record<string, number>;
    vcfs: number;
    notes: number;
    defects: number;
  };
  outcomes: ReturnType<OutcomeAccumulator['summary']>;
}

const folders = ['fhir', 'bundles', 'csv', 'vcf', 'notes', 'truth'] as const;
const truthFiles = [
  'patients.jsonl',
  'conditions.jsonl',
  'outcomes.jsonl',
  'genotypes.jsonl',
  'notes.jsonl',
  'defects.jsonl',
];

/**
 * Bytes a cohort writes per patient, on average: 238 KiB measured over 10,000 patients (generator
 * 1.1.0, `npm run bench -- synth`, docs/synth.md), so 100,000 patients need about 23 GiB.
 */
export const outputBytesPerPatient = 238 * 1024;

export async function writeCohort(options: WriteCohortOptions): Promise<CohortManifest> {
  await assertRoomForCohort(options.out, options.patients, options.force ?? false);
  await prepareDirectory(options.out, options.force ?? false);
  const sinks = new LineSinks(options.out);
  const outcomes = new OutcomeAccumulator();
  let defects = 0;
  try {
    for (const file of csvFileNames)
      sinks.write(`csv/${file}`, [csvHeader(file)], csvLineTerminator);
    for (const file of truthFiles) sinks.ensure(`truth/${file}`);
    const { out, workers, signal } = options;
    // Each chunk is written completely before the next is asked for: its buffers are then reused.
    for await (const chunk of renderedChunks(cohortOptions(options), workers)) {
      signal?.throwIfAborted();
      writeDocuments(chunk, out);
      appendChunk(chunk, sinks);
      for (const patientOutcomes of chunk.outcomes) outcomes.add({ outcomes: patientOutcomes });
      defects += chunk.defects.length;
      reportProgress(options, chunk);
    }
  } finally {
    sinks.close();
  }
  const manifest = buildManifest(options, sinks, defects, outcomes);
  await writeFile(
    join(options.out, 'truth', 'manifest.json'),
    JSON.stringify(manifest, null, 2) + '\n',
  );
  await writeFile(
    join(options.out, 'csv', 'mapping.json'),
    JSON.stringify(csvMapping(options.hospital), null, 2) + '\n',
  );
  const counts = new Map(Object.entries(manifest.counts.resources));
  await writeFile(
    join(options.out, 'fhir', 'manifest.json'),
    JSON.stringify(bulkManifest(`${options.asOf}T00:00:00Z`, counts), null, 2) + '\n',
  );
  return manifest;
}

/**
 * Create the chunk's bundles, notes and VCFs. Synchronous on purpose: one blocking open/write/close
 * per file is the cheapest way to make many small files (a thread-pool round trip per file costs
 * more CPU), and the render threads keep working meanwhile.
 */
function writeDocuments(chunk: RenderedChunk, out: string): void {
  const { bytes, paths, ends } = chunk.documents;
  // Paths are relative and normalised (`notes/{id}.txt`): joined by hand, not path.join per file.
  const root = resolve(out) + sep;
  let start = 0;
  for (let i = 0; i < paths.length; i++) {
    // 'wx': the directory starts empty, so an existing file means two records of this cohort got the
    // same id; fail loudly rather than let the second overwrite the first.
    try {
      writeFileSync(root + paths[i]!, bytes.subarray(start, ends[i]), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw new Error(
        `synth: ${paths[i]} was already written for an earlier patient of this cohort (patients ${chunk.start}-${chunk.end - 1} in progress): ids must be unique`,
      );
    }
    start = ends[i]!;
  }
}

/** Append a chunk's lines in order. */
function appendChunk(chunk: RenderedChunk, sinks: LineSinks): void {
  // Defect line numbers count within this chunk's lines; make them absolute before appending.
  const defects = chunk.defects.map((d) =>
    JSON.stringify(
      d.line === undefined
        ? d
        : { ...d, line: d.line + (sinks.lineCounts.get(`fhir/${d.file}`) ?? 0) },
    ),
  );
  for (const file of chunk.files) sinks.append(file.path, file.bytes, file.lines);
  sinks.write('truth/defects.jsonl', defects);
}

/** Progress after every 1,000th patient and the last. */
function reportProgress(options: WriteCohortOptions, chunk: RenderedChunk): void {
  const crossed = Math.floor(chunk.end / 1000) > Math.floor(chunk.start / 1000);
  if (crossed || chunk.end === options.patients) options.onProgress?.(chunk.end, options.patients);
}

function buildManifest(
  options: WriteCohortOptions,
  sinks: LineSinks,
  defects: number,
  outcomes: OutcomeAccumulator,
): CohortManifest {
  const count = (prefix: string, suffix: string) =>
    Object.fromEntries(
      [...sinks.lineCounts]
        .filter(([p]) => p.startsWith(prefix) && p.endsWith(suffix))
        .map(([p, n]) => [p.slice(prefix.length, -suffix.length), n]),
    );
  const csvRows = Object.fromEntries(
    Object.entries(count('csv/', '.csv')).map(([f, n]) => [`${f}.csv`, n - 1]),
  );
  return {
    generator: generatorVersion,
    options: cohortOptions(options),
    counts: {
      patients: options.patients,
      resources: count('fhir/', '.ndjson'),
      bundles: options.patients,
      csvRows,
      vcfs: sinks.lineCounts.get('truth/genotypes.jsonl') ?? 0,
      notes: sinks.lineCounts.get('truth/notes.jsonl') ?? 0,
      defects,
    },
    outcomes: outcomes.summary(),
  };
}

/** The options that define the cohort's bytes (what the render threads get and the manifest records). */
function cohortOptions(options: WriteCohortOptions): CohortOptions {
  const { out: _o, force: _f, onProgress: _p, workers: _w, signal: _s, ...cohort } = options;
  return cohort;
}

/**
 * Fails before anything is written or replaced when the file system holding `out` has less room than
 * the cohort will take (`outputBytesPerPatient` a patient), counting the folders `--force` would
 * replace as room. A cohort that fills the disk half way would leave a partial export and, with
 * `--force`, would already have deleted the one it replaces. When the file system cannot say how much
 * room it has, the run goes ahead.
 */
export async function assertRoomForCohort(
  out: string,
  patients: number,
  force: boolean,
  fileSystem: (path: string) => Promise<{ bavail: number; bsize: number }> = statfs,
): Promise<void> {
  const needed = patients * outputBytesPerPatient;
  let free: number;
  try {
    const { bavail, bsize } = await fileSystem(await nearestExisting(resolve(out)));
    free = bavail * bsize;
  } catch {
    return;
  }
  if (free >= needed) return;
  let replaced = 0;
  if (force) for (const folder of folders) replaced += treeBytes(join(out, folder));
  if (free + replaced >= needed) return;
  throw new ValidationError(
    `a cohort of ${patients} patients needs about ${byteSize(needed)} (${Math.round(outputBytesPerPatient / 1024)} KiB a patient) and the file system holding ${out} has ${byteSize(free + replaced)} free${force ? ' counting the cohort folders it would replace' : ''}; choose another output directory or fewer patients`,
    'out',
  );
}

const byteSize = (bytes: number) =>
  bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.ceil(bytes / 2 ** 20)} MiB`;

/** `path`, or its closest ancestor that exists (the output directory may not exist yet). */
async function nearestExisting(path: string): Promise<string> {
  for (let at = path; ; at = dirname(at)) {
    try {
      await stat(at);
      return at;
    } catch (error) {
      if (dirname(at) === at) throw error;
    }
  }
}

/** Bytes of the files under `path` (0 when it does not exist). */
function treeBytes(path: string): number {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return 0;
  }
  let bytes = 0;
  for (const entry of entries) {
    const child = join(path, entry.name);
    bytes += entry.isDirectory() ? treeBytes(child) : statSync(child).size;
  }
  return bytes;
}

async function prepareDirectory(out: string, force: boolean): Promise<void> {
  await mkdir(out, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    // EEXIST: `out` is a file; ENOTDIR: one of its parents is.
    if (error.code === 'EEXIST' || error.code === 'ENOTDIR')
      throw new ValidationError(`${out} is a file, or inside one: it must be a directory`, 'out', {
        cause: error,
      });
    throw error;
  });
  const existing = await readdir(out);
  if (existing.length > 0 && !force) {
    throw new ValidationError(
      `${out} is not empty; choose an empty directory or pass --force to replace it`,
      'out',
    );
  }
  for (const folder of folders) {
    if (force) await rm(join(out, folder), { recursive: true, force: true });
    await mkdir(join(out, folder), { recursive: true });
  }
}
