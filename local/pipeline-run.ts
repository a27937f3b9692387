// What `demo` and first `start` do with a running stack: put synthetic hospital exports through the
// pipeline the way a hospital would (S3 upload -> ingest), then read it back through the HTTP API.
import { inUploadOrder } from '../shared/domain/ingest/upload-order';
import type { IngestReport } from '../shared/domain/ingest/report';
import { keyLayout } from '../shared/config/resources';
import { buildFeatureSet } from '../shared/domain/features/build';
import type { RunningStack } from './stack';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeCohort } from './synth/write-cohort';
import { generatorVersion, type CohortOptions } from '../shared/domain/synth/model';
import { demoModelName, ensureDemoModel } from './demo-model';
import { writeAtomic } from './write-atomic';
import {
  newBatchId,
  readReport,
  s3ClientFor,
  uploadPath,
  waitForReport,
  type StackInfo,
} from './cli/stack-client';

export interface LoadedSample {
  reports: IngestReport[];
}

export function stackInfo(stack: RunningStack): StackInfo {
  return { ...stack.endpoints, dataDir: stack.dataDir };
}

/**
 * The demo hospitals: a general hospital and a smaller second one (so hospital scoping is visible),
 * each a synthetic cohort (`caregraph synth`) with 1% of records given realistic defects.
 */
export function demoHospitals(patients: number): { hospital: string; patients: number }[] {
  return [
    { hospital: 'demo-general', patients },
    { hospital: 'demo-east', patients: Math.max(1, Math.round(patients / 4)) },
  ];
}

/** The Bulk Data files of a generated cohort, in upload order (the rest of the export stays on disk). */
function bulkFiles(fhirDir: string): string[] {
  return inUploadOrder(readdirSync(fhirDir).filter((f) => f.endsWith('.ndjson')));
}

/**
 * The genotyped patients' VCFs (`vcf/<patient>.vcf`), uploaded after the Bulk Data so the PGx
 * profiles and their CPIC recommendations show in the demo. Their names carry a source patient id,
 * so progress reports them per hospital, not per file.
 */
function vcfFiles(out: string): string[] {
  const dir = join(out, 'vcf');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.vcf'))
    .sort()
    .map((f) => `vcf/${f}`);
}

/** True for a file the load reports per hospital rather than by name (a VCF). */
export const isGenotypeFile = (file: string): boolean => file.startsWith('vcf/');

/** The state of a sample-data load, kept in the data directory until the load completes. */
interface SampleLoadPlan {
  batch: string;
  patients: number;
  seed: number;
  startedAt: string;
}

/** The day a demo cohort ends: the UTC date its load started, kept across a resumed load. */
function demoAsOf(plan: Pick<SampleLoadPlan, 'startedAt'>): string {
  return plan.startedAt.slice(0, 10);
}

/** File in the data directory that records a sample-data load in progress (removed when it completes). */
export const sampleLoadPlanFile = 'sample-data-loading.json';

/** Thrown by `loadSampleData` when its signal aborts it; the load resumes on the next call. */
export class SampleLoadInterrupted extends Error {
  constructor() {
    super('the sample data load was interrupted; it resumes where it stopped on the next start');
    this.name = 'SampleLoadInterrupted';
  }
}

/**
 * Generate the demo cohorts, upload them through the S3 protocol and wait for their ingest reports.
 *
 * Resumable: the batch id is recorded in the data directory (`sampleLoadPlanFile`) before anything
 * is uploaded, so a load that was interrupted (Ctrl-C, or the process killed) continues under the
 * same batch on the next call with the same patients and seed. A cohort already written completely
 * is not generated again, and a file whose ingest report exists is not uploaded again; every other
 * file is uploaded again, which is safe because ingest is idempotent (S3 delivers events at least
 * once anyway). `signal` stops the load between steps with `SampleLoadInterrupted`; the work already
 * handed to the pipeline is not undone.
 *
 * The cohorts end the day the load started (their `asOf`; the newest record is the day before),
 * so what monitoring evaluates against the clock is current: blood pressure over the last four
 * weeks, this year's HbA1c, medication reminders. With a fixed date in the past every alert rule
 * found its window empty and the demo served no alerts at all. A resumed load keeps its first day.
 */
export async function loadSampleData(
  stack: RunningStack,
  patients: number,
  seed: number,
  progress: (line: string) => void,
  signal?: AbortSignal,
): Promise<LoadedSample> {
  const s3 = s3ClientFor(stackInfo(stack));
  const curated = stack.config.buckets.curated;
  const plan = openLoadPlan(stack.dataDir, patients, seed, progress);
  /** `step`, unless the load was stopped: then (or if the step fails because of it) interrupted. */
  const interruptible = async <T>(step: () => Promise<T>): Promise<T> => {
    if (signal?.aborted) throw new SampleLoadInterrupted();
    return step().catch((error: unknown) => {
      throw signal?.aborted ? new SampleLoadInterrupted() : error;
    });
  };
  const uploads: { hospital: string; name: string; report?: IngestReport }[] = [];
  for (const [i, demo] of demoHospitals(patients).entries()) {
    const out = join(stack.dataDir, 'sample-cohorts', demo.hospital);
    const cohort: CohortOptions = {
      patients: demo.patients,
      seed: seed + i,
      hospital: demo.hospital,
      dirtyRate: 0.01,
      asOf: demoAsOf(plan),
    };
    if (plan.resumed && isCompleteCohort(out, cohort)) {
      progress(`reusing the synthetic cohort already generated for ${demo.hospital} in ${out}`);
    } else {
      await interruptible(() => writeCohort({ ...cohort, out, force: true, signal }));
      progress(
        `generated a synthetic cohort of ${demo.patients} patients for ${demo.hospital} in ${out}`,
      );
    }
    const files = [
      ...bulkFiles(join(out, 'fhir')).map((name) => ({ name, path: join(out, 'fhir', name) })),
      ...vcfFiles(out).map((name) => ({ name, path: join(out, name) })),
    ];
    for (const { name, path } of files) {
      const report = plan.resumed
        ? await interruptible(() => readReport(s3, curated, demo.hospital, plan.batch, name))
        : undefined;
      uploads.push({ hospital: demo.hospital, name, report });
      if (report) continue;
      await interruptible(() =>
        uploadPath(
          s3,
          stack.config.buckets.raw,
          keyLayout.raw(demo.hospital, plan.batch, name),
          path,
        ),
      );
    }
  }
  const reports: IngestReport[] = [];
  const genotypes = new Map<
    string,
    { files: number; complete: number; calls: number; rejected: number }
  >();
  for (const u of uploads) {
    const report =
      u.report ??
      (await interruptible(() =>
        waitForReport(s3, curated, u.hospital, plan.batch, u.name, undefined, signal),
      ));
    if (isGenotypeFile(u.name)) {
      const g = genotypes.get(u.hospital) ?? { files: 0, complete: 0, calls: 0, rejected: 0 };
      g.files++;
      if (report.status === 'accepted') g.complete++;
      g.calls += report.records.accepted;
      g.rejected += report.records.rejected;
      genotypes.set(u.hospital, g);
    } else
      progress(
        `ingested ${u.hospital}/${u.name}: ${report.status}, ${report.records.accepted} accepted, ${report.records.rejected} quarantined`,
      );
    reports.push(report);
  }
  for (const [hospital, g] of genotypes)
    progress(
      `ingested ${hospital}/vcf: ${g.files} genotype files, ${g.calls} VCF lines accepted, ${g.rejected} quarantined${g.files > g.complete ? ` (${g.files - g.complete} files not accepted whole: see their ingest reports)` : ''}`,
    );
  // The feature set, and with it the de-identified case index the recommendations' similar-patient
  // evidence reads (docs/features.md): without it the demo shows no case evidence at all until
  // someone runs `caregraph features --build`. Re-running replaces the set, so a resumed load
  // rebuilds it whole.
  for (const demo of demoHospitals(patients)) {
    const built = await interruptible(() => buildFeatureSet(stack.deps, demo.hospital, new Date()));
    progress(
      `built the feature set and similar-patient case index of ${demo.hospital}: ${built.features} features for ${built.patients} patients`,
    );
  }
  // The model GET /patients/{id}/predictions serves (local/demo-model.ts), trained on synthetic
  // patients of its own; kept when one is already there (the user's, or an earlier start's).
  const training = performance.now();
  const model = await interruptible(() =>
    ensureDemoModel({ dataDir: stack.dataDir, asOf: demoAsOf(plan) }),
  );
  const seconds = ((performance.now() - training) / 1000).toFixed(1);
  progress(
    model.trained
      ? `trained the demonstration model ${demoModelName} on ${model.rows} synthetic adults aged 40-79 (${model.positives} with a 10-year ASCVD event) in ${seconds} s: cross-validated AUROC ${model.auroc!.toFixed(3)}; GET /patients/{id}/predictions serves it`
      : `kept the model already in ${model.dir}`,
  );
  rmSync(join(stack.dataDir, sampleLoadPlanFile), { force: true });
  return { reports };
}

/**
 * The load plan: the interrupted load's, when there is one for the same patients and seed, else a
 * new batch, recorded before anything is uploaded.
 */
function openLoadPlan(
  dataDir: string,
  patients: number,
  seed: number,
  progress: (line: string) => void,
): SampleLoadPlan & { resumed: boolean } {
  const file = join(dataDir, sampleLoadPlanFile);
  const earlier = readLoadPlan(file);
  if (earlier && earlier.patients === patients && earlier.seed === seed) {
    progress(
      `resuming the interrupted sample data load started at ${earlier.startedAt} (batch ${earlier.batch}): files already ingested are not sent again`,
    );
    return { ...earlier, resumed: true };
  }
  if (earlier)
    progress(
      `an interrupted sample data load (batch ${earlier.batch}) was for ${earlier.patients} patients and seed ${earlier.seed}; starting a new one for ${patients} and ${seed}`,
    );
  const plan: SampleLoadPlan = {
    batch: newBatchId(),
    patients,
    seed,
    startedAt: new Date().toISOString(),
  };
  writeAtomic(file, JSON.stringify(plan, null, 2));
  return { ...plan, resumed: false };
}

function readLoadPlan(file: string): SampleLoadPlan | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Partial<SampleLoadPlan>;
    if (
      typeof plan.batch === 'string' &&
      typeof plan.patients === 'number' &&
      typeof plan.seed === 'number' &&
      typeof plan.startedAt === 'string'
    )
      return plan as SampleLoadPlan;
  } catch {
    // unreadable (e.g. cut short by a crash): a new load starts
  }
  return undefined;
}

/**
 * Whether `out` holds a cohort written to the end with these options: `writeCohort` writes
 * fhir/manifest.json last, and truth/manifest.json records the generator and the options.
 */
function isCompleteCohort(out: string, cohort: CohortOptions): boolean {
  if (!existsSync(join(out, 'fhir', 'manifest.json'))) return false;
  try {
    const manifest = JSON.parse(readFileSync(join(out, 'truth', 'manifest.json'), 'utf8')) as {
      generator?: string;
      options?: Record<string, unknown>;
    };
    return (
      manifest.generator === generatorVersion &&
      Object.entries(cohort).every(([key, value]) => manifest.options?.[key] === value)
    );
  } catch {
    return false;
  }
}

export interface ReadBack {
  hospital: string;
  patients: number;
  firstPatient?: string;
  observationsOfFirst: number;
  urls: string[];
}

/** Read each hospital's data back over HTTP with a clinician token for that hospital. */
export async function readBack(stack: RunningStack, hospital: string): Promise<ReadBack> {
  const token = await stack.issuer.sign({ role: 'clinician', hospital, ttl: '15m' });
  const get = async (path: string) => {
    const response = await fetch(new URL(path, stack.endpoints.api), {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as { items: { id: string }[]; next?: string };
  };
  const urls: string[] = [];
  let patients = 0;
  let firstPatient: string | undefined;
  let cursor: string | undefined;
  do {
    const path = `/patients?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    urls.push(path);
    const page = await get(path);
    patients += page.items.length;
    firstPatient ??= page.items[0]?.id;
    cursor = page.next;
  } while (cursor);
  let observationsOfFirst = 0;
  if (firstPatient) {
    const path = `/patients/${firstPatient}/observations?limit=200`;
    urls.push(`/patients/${firstPatient}`, path);
    await fetch(new URL(`/patients/${firstPatient}`, stack.endpoints.api), {
      headers: { authorization: `Bearer ${token}` },
    });
    observationsOfFirst = (await get(path)).items.length;
    const prediction = `/patients/${firstPatient}/predictions`;
    await get(prediction);
    urls.push(prediction);
  }
  return { hospital, patients, firstPatient, observationsOfFirst, urls };
}
