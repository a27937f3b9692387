// SageMaker Processing contract: the container's `features` command (training/Dockerfile), started on
// a schedule by the CDK app (infra/constructs/feature-preparation.ts). What `caregraph features
// --build` and `--training --derive` do against the embedded stack, this does against the deployed
// table and buckets:
//
// - `--hospitals a,b`: rebuild each hospital's current feature set at this instant
//   (shared/domain/features/build.ts): the training files, every patient's latest vector in the
//   serving table, and the de-identified case index the recommendations' similar-patient evidence
//   reads. One hospital's failure is reported and the others still run.
// - `--training-hospital H --horizon-days N --table outcome=O,key=K[,label=L] [--table ...]`: the
//   tables the weekly retraining jobs read, one per `--table`. A retrospective feature set of H is
//   built once, at the index date (the UTC day N days before today), as the named set
//   `retrospective`, which writes files only and never replaces what the API serves; for each table,
//   labels for its outcome are read off the records over the N days after it (derived-labels.ts),
//   and joined with the set and written at K (training-table.ts), a table already there being
//   replaced only by a whole new one. One table's failure does not stop the next. The older form
//   `--derive O --key K [--label L]` is one table.
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
  isDerivedOutcome,
  type DerivedOutcome,
} from '../shared/domain/features/derived-labels';
import { buildTrainingTable, trainingLabelPattern } from '../shared/domain/features/training-table';

/** The named feature set the derived training table is built from (`featureSetKey`). */
export const retrospectiveSet = 'retrospective';
/** Where SageMaker Processing reads the exit message from (first 1 KB). */
export const processingMessageFile = '/opt/ml/output/message';
/** A progress line every this many patients of a build. */
const progressEvery = 1_000;
const day = 86_400_000;

/** One labelled training table: the outcome its labels are derived for, where it goes, its column. */
export interface TrainingTableRequest {
  outcome: DerivedOutcome;
  /** Curated-bucket key of the table. */
  key: string;
  /** The label column (the retraining job's `label`). */
  label: string;
}

export interface FeaturesJobRequest {
  hospitals: string[];
  /** The training tables of one hospital, all built from one retrospective feature set. */
  training?: {
    hospital: string;
    horizonDays: number;
    tables: TrainingTableRequest[];
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
  'usage: features [--hospitals a,b] [--training-hospital H --horizon-days N --table outcome=hard-ascvd,key=features/....csv[,label=outcome] ...]';

/** Parse the container's arguments; throws ValidationError naming the flag. */
export function parseFeaturesJobArgs(argv: string[]): FeaturesJobRequest {
  let values: Record<string, string | string[] | undefined>;
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
        table: { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ValidationError(`${(error as Error).message}; ${usage}`, 'arguments');
  }
  const text = (name: string) => values[name] as string | undefined;
  const hospitals = (text('hospitals') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (const h of hospitals)
    if (!identifierPattern.test(h))
      throw new ValidationError(`--hospitals: "${h}" is not a hospital slug`, 'hospitals');
  if (new Set(hospitals).size !== hospitals.length)
    throw new ValidationError('--hospitals names a hospital twice', 'hospitals');
  const trainingFlags = ['derive', 'horizon-days', 'key', 'label', 'table'] as const;
  const hospital = text('training-hospital');
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
  const horizon = text('horizon-days') ?? '';
  if (!/^\d+$/.test(horizon))
    throw new ValidationError('--horizon-days must be a whole number of days', 'horizon-days');
  const specs = (values.table as string[] | undefined) ?? [];
  let tables: TrainingTableRequest[];
  if (specs.length) {
    const single = (['derive', 'key', 'label'] as const).find((f) => values[f] !== undefined);
    if (single)
      throw new ValidationError(
        `--${single} is the one-table form: with --table, give every table as --table outcome=...,key=...`,
        single,
      );
    tables = specs.map((spec, i) => parseTable(spec, i + 1));
  } else {
    tables = [table(text('derive'), text('key'), text('label'), '--derive', '--key', '--label')];
  }
  const keys = new Set<string>();
  for (const t of tables) {
    if (keys.has(t.key))
      throw new ValidationError(`--table: two tables are written at ${t.key}`, 'table');
    keys.add(t.key);
  }
  return { hospitals, training: { hospital, horizonDays: Number(horizon), tables } };
}

/** `outcome=O,key=K[,label=L]`: one `--table`, the `n`th. */
function parseTable(spec: string, n: number): TrainingTableRequest {
  const fields = new Map<string, string>();
  for (const part of spec.split(',')) {
    const at = part.indexOf('=');
    const name = at < 0 ? part : part.slice(0, at);
    if (at < 0 || !['outcome', 'key', 'label'].includes(name) || fields.has(name))
      throw new ValidationError(
        `--table ${n}: "${part}" is not one of outcome=, key=, label= (each once), in "${spec}"`,
        'table',
      );
    fields.set(name, part.slice(at + 1));
  }
  const flag = `--table ${n}`;
  return table(
    fields.get('outcome'),
    fields.get('key'),
    fields.get('label'),
    `${flag}: outcome`,
    `${flag}: key`,
    `${flag}: label`,
  );
}

/** A table's fields checked, each error naming where it came from (`--derive` or `--table n: ...`). */
function table(
  outcome: string | undefined,
  key: string | undefined,
  label: string | undefined,
  outcomeName: string,
  keyName: string,
  labelName: string,
): TrainingTableRequest {
  if (!outcome || !isDerivedOutcome(outcome))
    throw new ValidationError(
      `${outcomeName} must be one of: ${Object.keys(derivedOutcomes).join(', ')}`,
      'derive',
    );
  if (!key) throw new ValidationError(`${keyName} is required with --training-hospital`, 'key');
  const column = label ?? 'outcome';
  if (!trainingLabelPattern.test(column))
    throw new ValidationError(`${labelName}: "${column}" is not a column name`, 'label');
  return { outcome: outcome as DerivedOutcome, key, label: column };
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
  const step = async (what: string, hospital: string, run: () => Promise<void>, key?: string) => {
    const started = performance.now();
    try {
      await run();
    } catch (error) {
      const reason = reasonOf(error);
      failures.push(`${what} ${hospital}${key ? ` ${key}` : ''}: ${reason}`);
      log(`${what} failed`, {
        hospital,
        ...(key ? { key } : {}),
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
    const { hospital, horizonDays, tables } = training;
    const now = deps.now();
    const set = retrospectiveSet;
    let built = false;
    await step('retrospective feature set', hospital, async () => {
      const started = performance.now();
      const index = indexDate(now, horizonDays);
      const result = await buildFeatureSet(
        deps,
        hospital,
        index,
        progress('retrospective feature set', hospital),
        { set, retrospective: true },
      );
      built = true;
      log('retrospective feature set built', {
        hospital,
        set,
        at: result.at,
        patients: result.patients,
        seconds: +((performance.now() - started) / 1000).toFixed(1),
      });
    });
    for (const { outcome, key, label } of tables) {
      if (!built) {
        // Each table the retraining would read is named, so the exit message says which are stale.
        failures.push(
          `training table ${hospital} ${key}: not built, its retrospective feature set failed`,
        );
        log('training table skipped', {
          hospital,
          key,
          reason: 'retrospective feature set failed',
        });
        continue;
      }
      await step(
        'training table',
        hospital,
        async () => {
          const started = performance.now();
          const derived = await deriveLabels(
            deps,
            hospital,
            { outcome, horizonDays, now, set },
            progress(`labels ${outcome}`, hospital),
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
            outcome,
            key: report.key,
            label: report.label,
            rows: report.rows,
            positives: report.positives,
            unlabelled: report.unlabelled,
            rejected: report.rejected.length,
            rejectedKey: report.rejectedKey,
            specKey: report.specKey,
            seconds: +((performance.now() - started) / 1000).toFixed(1),
          });
        },
        key,
      );
    }
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
