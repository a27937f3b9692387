// SageMaker training contract: the container's `train` command. Reads
// /opt/ml/input/config/hyperparameters.json (string values), the CSV in the `train` channel
// (/opt/ml/input/data/train), writes the model directory to /opt/ml/model and the evaluation to
// /opt/ml/output/data; on failure writes the reason to /opt/ml/output/failure and exits non-zero
// (SageMaker shows that file as the job's FailureReason). Paths come from the SM_* environment
// variables of the SageMaker training toolkit when set, so a local run can point at temp folders.
// `caregraph train tabular` runs the same job (tabular/job.ts).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CaregraphError, ValidationError } from '../shared/domain/errors';
import { selectBackend } from './deep/backend';
import { parseTabularJob, runTabularJob } from './tabular/job';

export interface SageMakerPaths {
  inputConfigDir: string;
  trainChannel: string;
  modelDir: string;
  outputDir: string;
  outputDataDir: string;
}

/** Paths from the SageMaker training toolkit's environment (SM_*), defaulting to /opt/ml. */
export function sageMakerPaths(env: Readonly<Record<string, string | undefined>>): SageMakerPaths {
  const input = env.SM_INPUT_DIR ?? '/opt/ml/input';
  const output = env.SM_OUTPUT_DIR ?? '/opt/ml/output';
  return {
    inputConfigDir: env.SM_INPUT_CONFIG_DIR ?? join(input, 'config'),
    trainChannel: env.SM_CHANNEL_TRAIN ?? join(input, 'data', 'train'),
    modelDir: env.SM_MODEL_DIR ?? '/opt/ml/model',
    outputDir: output,
    outputDataDir: env.SM_OUTPUT_DATA_DIR ?? join(output, 'data'),
  };
}

export interface TrainingJobDeps {
  now: () => Date;
  /** Log lines (CloudWatch); `name=value;` lines feed SageMaker metric definitions. */
  log: (line: string) => void;
}

const hyperparametersSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

async function readHyperparameters(dir: string): Promise<Record<string, string>> {
  const file = join(dir, 'hyperparameters.json');
  const text = await readFile(file, 'utf8').catch(() => '{}');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${file}: not valid JSON`, file, { cause: error });
  }
  const values = hyperparametersSchema.safeParse(parsed);
  if (!values.success) throw new ValidationError(`${file}: expected an object of strings`, file);
  return Object.fromEntries(Object.entries(values.data).map(([k, v]) => [k, String(v)]));
}

/** The CSV in the train channel: the `csv` hyperparameter, else the channel's only .csv file. */
async function channelCsv(channel: string, named: string | undefined): Promise<string> {
  if (named) return join(channel, named);
  const files = (await readdir(channel).catch(() => [] as string[])).filter((f) =>
    f.endsWith('.csv'),
  );
  if (files.length !== 1) {
    throw new ValidationError(
      `train channel ${channel}: expected exactly one .csv file (found ${files.length}); name one with the "csv" hyperparameter`,
      'csv',
    );
  }
  return join(channel, files[0]!);
}

/** One line, no stack, no cell values: what SageMaker shows as FailureReason. */
function failureReason(error: unknown): string {
  const message =
    error instanceof CaregraphError ? error.message : `internal error: ${(error as Error).name}`;
  return message.split('\n')[0]!.slice(0, 1000);
}

/** Run the training job; resolves to the process exit code (0 success, 1 failure). */
export async function runTrainingJob(
  paths: SageMakerPaths,
  deps: TrainingJobDeps,
): Promise<number> {
  try {
    const hyperparameters = await readHyperparameters(paths.inputConfigDir);
    const task = hyperparameters.task ?? 'tabular';
    if (task !== 'tabular')
      throw new ValidationError(`task: unknown training task "${task}" (known: tabular)`, 'task');
    const { task: _task, ...settings } = hyperparameters;
    const csv = await channelCsv(paths.trainChannel, settings.csv);
    const job = parseTabularJob({ ...settings, csv, out: paths.modelDir });
    if (job.model === 'mlp') deps.log(`tfjs backend: ${(await selectBackend()).backend}`);
    const { report } = await runTabularJob(job, { now: deps.now, progress: deps.log });
    await mkdir(paths.outputDataDir, { recursive: true });
    await writeFile(
      join(paths.outputDataDir, 'evaluation.json'),
      JSON.stringify(report, null, 2) + '\n',
    );
    for (const metric of ['auroc', 'auprc', 'brier', 'accuracy'] as const) {
      deps.log(`${metric}=${report[metric]};`);
    }
    return 0;
  } catch (error) {
    const reason = failureReason(error);
    await mkdir(paths.outputDir, { recursive: true });
    await writeFile(join(paths.outputDir, 'failure'), reason + '\n');
    deps.log(`training failed: ${reason}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The container entry point is the one place this job reads its environment: SageMaker hands
  // paths to the container only through SM_* variables, which shared/config does not model.
  // eslint-disable-next-line no-restricted-properties
  const paths = sageMakerPaths(process.env);
  void runTrainingJob(paths, {
    now: () => new Date(),
    log: (line) => process.stdout.write(line + '\n'),
  }).then((code) => process.exit(code));
}
