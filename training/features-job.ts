// SageMaker Processing contract: the container's `features` command (training/Dockerfile), started on
// a schedule by the CDK app (infra/constructs/feature-preparation.ts). What `caregraph features
// --build` and `--training --derive` do against the embedded stack, this does against the deployed
// table and buckets:
//
// - `--hospitals a,b`: rebuild each hospital's current feature set at this instant
//   (shared/domain/features/build.ts): the training files, every patient's latest vector in the
//   serving table, and the de-identified case index the recommendations' similar-patient evidence
//   reads. One hospital's failure is reported and the others still run.
// - `--training-hospital H --derive hard-ascvd --horizon-days N --key K [--label L]`: the table the
//   weekly retraining job reads. A retrospective feature set of H is built at the index date (the
//   UTC day N days before today) as the named set `retrospective`, which writes files only and never
//   replaces what the API serves; outcome labels are read off the records over the N days after it
//   (derived-labels.ts), and the two are joined and written at K (training-table.ts), a table
//   already there being replaced only by a whole new one.
//
// Logs are JSON lines on stdout (CloudWatch): counts, hospitals and keys, never a patient's id or
// value. The exit code says whether every step succeeded (SageMaker marks the job Failed
// otherwise), and /opt/ml/output/message, which SageMaker shows as the job's ExitMessage (its first
// 1 KB), lists what failed.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { identifierPattern } from '../shared/config/resources';
import { loadConfig } from '../shared/config/config';
import { buildDependencies } from '../shared/adapters/composition';
import { CaregraphError, ValidationError } from '../shared/domain/errors';
import { buildFeatureSet, type FeatureDeps } from '../shared/domain/features/build';
import {
  deriveLabels,
  derivedOutcomes,
  type DerivedOutcome,
} from '../shared/domain/features/derived-labels';
import { buildTrainingTable } from '../shared/domain/features/training-table';

/** The named feature set the derived training table is built from (`featureSetKey`). */
export const retrospectiveSet = 'retrospective';
/** Where SageMaker Processing reads the exit message from (first 1 KB). */
export const processingMessageFile = '/opt/ml/output/message';
/** A progress line every this many patients of a build. */
const progressEvery = 1_000;
const day = 86_400_000;

export interface FeaturesJobRequest {
  hospitals: string[];
  training?: {
    hospital: string;
    outcome: DerivedOutcome;
    horizonDays: number;
    key: string;
    label: string;
  };
}

export interface FeaturesJobDeps extends FeatureDeps {
  now: () => Date;
  /** One JSON line per event. */
  log: (line: string) => void;
}

export interface FeaturesJobResult {
  /** 0 when every step succeeded, 1 otherwise. */
  code: number;
  /** One line per failed step (hospital and reason), for the exit message. */
  failures: string[];
}

const usage =
  'usage: features [--hospitals a,b] [--training-hospital H --derive hard-ascvd --horizon-days N --key features/....csv [--label outcome]]';

/** Parse the container's arguments; throws ValidationError naming the flag. */
export function parseFeaturesJobArgs(argv: string[]): FeaturesJobRequest {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        hospitals: { type: 'string' },
        'training-hospital': { type: 'string' },
        derive: { type: 'string' },
        'horizon-days': { type: 'string' },
        key: { type: 'string' },
        label: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ValidationError(`${(error as Error).message}; ${usage}`, 'arguments');
  }
  const hospitals = (values.hospitals ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (const h of hospitals)
    if (!identifierPattern.test(h))
      throw new ValidationError(`--hospitals: "${h}" is not a hospital slug`, 'hospitals');
  if (new Set(hospitals).size !== hospitals.length)
    throw new ValidationError('--hospitals names a hospital twice', 'hospitals');
  const trainingFlags = ['derive', 'horizon-days', 'key', 'label'] as const;
  const hospital = values['training-hospital'];
  if (hospital === undefined) {
    const stray = trainingFlags.find((f) => values[f] !== undefined);
    if (stray) throw new ValidationError(`--${stray} goes with --training-hospital`, stray);
    if (!hospitals.length)
      throw new ValidationError(`nothing to do: give --hospitals or --training-hospital; ${usage}`);
    return { hospitals };
  }
  if (!identifierPattern.test(hospital))
    throw new ValidationError(
      `--training-hospital: "${hospital}" is not a hospital slug`,
      'training-hospital',
    );
  const outcome = values.derive;
  if (!outcome || !(outcome in derivedOutcomes))
    throw new ValidationError(
      `--derive must be one of: ${Object.keys(derivedOutcomes).join(', ')}`,
      'derive',
    );
  const horizon = values['horizon-days'] ?? '';
  if (!/^\d+$/.test(horizon))
    throw new ValidationError('--horizon-days must be a whole number of days', 'horizon-days');
  if (!values.key) throw new ValidationError('--key is required with --training-hospital', 'key');
  const label = values.label ?? 'outcome';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(label))
    throw new ValidationError(`--label: "${label}" is not a column name`, 'label');
  return {
    hospitals,
    training: {
      hospital,
      outcome: outcome as DerivedOutcome,
      horizonDays: Number(horizon),
      key: values.key,
      label,
    },
  };
}

/** One line, no stack, no values: a CaregraphError's message, or only the error's class. */
function reasonOf(error: unknown): string {
  const message =
    error instanceof CaregraphError ? error.message : `internal error: ${(error as Error).name}`;
  return message.split('\n')[0]!.slice(0, 500);
}

/** The index date of a derived table: the start of the UTC day `horizonDays` before `now`. */
export function indexDate(now: Date, horizonDays: number): Date {
  const today = Math.floor(now.getTime() / day) * day;
  return new Date(today - horizonDays * day);
}

/**
 * A build's progress callback that reports every `progressEvery` patients once: builds call back
 * every 100 patients and once more at the end, which may repeat the last count.
 */
export function progressLogger(report: (done: number) => void): (done: number) => void {
  let logged = 0;
  return (done) => {
    if (done % progressEvery !== 0 || done === logged) return;
    logged = done;
    report(done);
  };
}

/** Run the job's steps; never throws: every failure is logged and counted in the result. */
export async function runFeaturesJob(
  request: FeaturesJobRequest,
  deps: FeaturesJobDeps,
): Promise<FeaturesJobResult> {
  const failures: string[] = [];
  const log = (event: string, fields: Record<string, unknown>) =>
    deps.log(JSON.stringify({ event, ...fields }));
  const step = async (what: string, hospital: string, run: () => Promise<void>) => {
    const started = performance.now();
    try {
      await run();
    } catch (error) {
      const reason = reasonOf(error);
      failures.push(`${what} ${hospital}: ${reason}`);
      log(`${what} failed`, {
        hospital,
        seconds: +((performance.now() - started) / 1000).toFixed(1),
        reason,
      });
    }
  };
  const progress = (what: string, hospital: string) =>
    progressLogger((done) => log(`${what} progress`, { hospital, patients: done }));

  for (const hospital of request.hospitals) {
    await step('feature set', hospital, async () => {
      const started = performance.now();
      const built = await buildFeatureSet(
        deps,
        hospital,
        deps.now(),
        progress('feature set', hospital),
      );
      log('feature set built', {
        hospital,
        at: built.at,
        patients: built.patients,
        features: built.features,
        seconds: +((performance.now() - started) / 1000).toFixed(1),
      });
    });
  }

  const training = request.training;
  if (training) {
    const { hospital, outcome, horizonDays, key, label } = training;
    await step('training table', hospital, async () => {
      const started = performance.now();
      const now = deps.now();
      const index = indexDate(now, horizonDays);
      const set = retrospectiveSet;
      const built = await buildFeatureSet(
        deps,
        hospital,
        index,
        progress('retrospective feature set', hospital),
        { set },
      );
      log('retrospective feature set built', {
        hospital,
        set,
        at: built.at,
        patients: built.patients,
      });
      const derived = await deriveLabels(
        deps,
        hospital,
        { outcome, horizonDays, now, set },
        progress('labels', hospital),
      );
      const { csv, ...labels } = derived;
      log('labels derived', { ...labels });
      // The derived file's label column is `outcome`; the table's is the training job's label.
      const body = csv.slice(csv.indexOf('\n') + 1);
      const report = await buildTrainingTable(deps, {
        hospital,
        labels: Readable.from([`patient,${label}\n${body}`]),
        labelsName: labels.key,
        label,
        key,
        set,
      });
      log('training table written', {
        hospital,
        key: report.key,
        label: report.label,
        rows: report.rows,
        positives: report.positives,
        unlabelled: report.unlabelled,
        rejected: report.rejected.length,
        rejectedKey: report.rejectedKey,
        seconds: +((performance.now() - started) / 1000).toFixed(1),
      });
    });
  }
  log('features job finished', { failed: failures.length });
  return { code: failures.length ? 1 : 0, failures };
}

/** The exit message SageMaker shows: what failed, at most 1 KB (UTF-8). */
export function exitMessage(result: FeaturesJobResult): string {
  if (!result.failures.length) return 'every step succeeded\n';
  let text = `${result.failures.length} step(s) failed:\n`;
  for (const f of result.failures) text += f + '\n';
  if (Buffer.byteLength(text, 'utf8') <= 1024) return text;
  // Cut at a character boundary: 1,021 bytes and "...".
  let cut = '';
  let bytes = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > 1021) break;
    cut += char;
  }
  return cut + '...';
}

/**
 * The container's entry: configuration from the environment the CDK app sets (loadConfig), the
 * AWS adapters of the composition root, the exit message written for SageMaker. Resolves to the
 * exit code (2 for bad arguments or configuration).
 */
export async function featuresJobMain(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: { log: (line: string) => void; messageFile: string; now?: () => Date },
): Promise<number> {
  let result: FeaturesJobResult;
  try {
    const request = parseFeaturesJobArgs(argv);
    const deps = buildDependencies(loadConfig(env));
    result = await runFeaturesJob(request, {
      serving: deps.serving,
      objects: deps.objects,
      now: io.now ?? (() => new Date()),
      log: io.log,
    });
  } catch (error) {
    const reason = reasonOf(error);
    io.log(JSON.stringify({ event: 'features job refused', reason }));
    result = { code: 2, failures: [reason] };
  }
  await mkdir(dirname(io.messageFile), { recursive: true })
    .then(() => writeFile(io.messageFile, exitMessage(result)))
    .catch(() => undefined); // no /opt/ml outside SageMaker: the log has it all
  return result.code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The container entry point: loadConfig reads the environment SageMaker passes (the job's
  // Environment, set by the CDK app).
  // eslint-disable-next-line no-restricted-properties
  const env = process.env;
  void featuresJobMain(process.argv.slice(2), env, {
    log: (line) => process.stdout.write(line + '\n'),
    messageFile: processingMessageFile,
  }).then((code) => process.exit(code));
}
