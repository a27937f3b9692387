// Local (synth): stream a whole cohort to disk, one patient at a time, in the layout of the
// synthetic-cohort contract (docs/synth.md): fhir/, bundles/, csv/, vcf/, notes/ and truth/.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
import { FileWriter, LineSinks } from './file-sinks';
import { renderedPatients } from './render-pool';
import type { PatientPayload } from './payload';

export interface WriteCohortOptions extends CohortOptions {
  out: string;
  /** Replace an existing non-empty output directory. */
  force?: boolean;
  /** Render threads (default: one per core; 1 renders on the calling thread). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
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

export async function writeCohort(options: WriteCohortOptions): Promise<CohortManifest> {
  await prepareDirectory(options.out, options.force ?? false);
  const sinks = new LineSinks(options.out);
  const files = new FileWriter(options.out);
  const outcomes = new OutcomeAccumulator();
  for (const file of csvFileNames)
    await sinks.write(`csv/${file}`, [csvHeader(file)], csvLineTerminator);
  for (const file of truthFiles) sinks.ensure(`truth/${file}`);
  let defects = 0;
  const { out: _o, force: _f, onProgress: _p, workers, ...cohort } = options;
  for await (const payload of renderedPatients(cohort, workers)) {
    await writePatient(payload, sinks, files);
    outcomes.add(payload);
    defects += payload.defects.length;
    const done = payload.index + 1;
    if (done % 1000 === 0 || done === options.patients)
      options.onProgress?.(done, options.patients);
  }
  await files.flush();
  await sinks.close();
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

async function writePatient(p: PatientPayload, sinks: LineSinks, files: FileWriter): Promise<void> {
  // Defect line numbers count within this patient's lines; make them absolute before writing.
  const defects = p.defects.map((d) =>
    JSON.stringify(
      d.line === undefined
        ? d
        : { ...d, line: d.line + (sinks.lineCounts.get(`fhir/${d.file}`) ?? 0) },
    ),
  );
  for (const [file, lines] of p.ndjson) await sinks.write(`fhir/${file}`, lines);
  await files.write(`bundles/${p.patientId}.json`, p.bundle + '\n');
  for (const [file, rows] of p.csv) await sinks.write(`csv/${file}`, rows, csvLineTerminator);
  if (p.vcf) await files.write(`vcf/${p.patientId}.vcf`, p.vcf);
  for (const [id, text] of p.notes) await files.write(`notes/${id}.txt`, text);
  for (const [file, lines] of p.truth) await sinks.write(`truth/${file}`, lines);
  await sinks.write('truth/defects.jsonl', defects);
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
  const { out: _out, force: _force, onProgress: _p, workers: _w, ...cohort } = options;
  return {
    generator: generatorVersion,
    options: cohort,
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

async function prepareDirectory(out: string, force: boolean): Promise<void> {
  await mkdir(out, { recursive: true });
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
