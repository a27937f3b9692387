// Training (tabular): one training job's settings — from `caregraph train tabular` flags or from
// SageMaker's hyperparameters.json (where every value is a string) — validated in one place, and
// the job itself: read the CSV, train and evaluate, write the model directory.
import { z } from 'zod';
import { ValidationError } from '../../shared/domain/errors';
import { jsonPath } from '../model-format';
import { readCsv } from './csv';
import { positiveRule } from './labels';
import { writeModelDirectory } from './model-files';
import { tabularModelNames, type TabularHyperparameters } from './models';
import { trainTabular, type TabularTrainingResult } from './train-tabular';

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
);

/** Settings as strings (flag or hyperparameter names use hyphens or underscores alike). */
export const tabularJobSchema = z.object({
  csv: z.string().min(1),
  label: z.string().min(1),
  positive: z.string().optional(),
  /** One marker, or several separated by commas; the empty cell is always missing. */
  missing: z.string().optional(),
  model: z.enum(tabularModelNames),
  cv: integer(2, 20).default(5),
  seed: integer(0, 2 ** 32 - 1).default(42),
  out: z.string().optional(),
  name: z.string().optional(),
  version: z.string().optional(),
  exclude: list.optional(),
  c: z.coerce.number().positive().optional(),
  classWeight: z.enum(['balanced', 'none']).default('balanced'),
  hidden: list
    .transform((units) => units.map(Number))
    .pipe(z.array(z.number().int().min(1).max(1024)).min(1).max(2))
    .optional(),
  epochs: integer(1, 10_000).optional(),
  maxKernelRows: integer(10, 1_000_000).optional(),
});
export type TabularJob = z.output<typeof tabularJobSchema>;

/** Validate raw settings; keys may be `max-kernel-rows` or `max_kernel_rows`. Throws ValidationError naming the key. */
export function parseTabularJob(raw: Record<string, string | undefined>): TabularJob {
  const camel = Object.fromEntries(
    Object.entries(raw)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k.replace(/[-_]([a-z])/g, (_m, c: string) => c.toUpperCase()), v]),
  );
  const parsed = tabularJobSchema.safeParse(camel);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = jsonPath(issue.path) || 'settings';
  throw new ValidationError(`${key}: ${issue.message}`, key);
}

/** The markers for --missing: the empty cell plus those given; the defaults when none is given. */
export function missingMarkers(flag: string | undefined): string[] | undefined {
  if (flag === undefined) return undefined;
  return ['', ...flag.split(',').map((m) => m.trim())];
}

export interface TabularJobDeps {
  now: () => Date;
  progress: (line: string) => void;
}

/** Run the job: train with cross-validation and, when `out` is set, write the model directory. */
export async function runTabularJob(
  job: TabularJob,
  deps: TabularJobDeps,
): Promise<TabularTrainingResult> {
  const table = await readCsv(job.csv);
  const hyper: TabularHyperparameters = {
    c: job.c,
    classWeight: job.classWeight,
    hidden: job.hidden,
    epochs: job.epochs,
    maxKernelRows: job.maxKernelRows,
  };
  const result = await trainTabular({
    table,
    label: job.label,
    positive: positiveRule(job.positive),
    missing: missingMarkers(job.missing),
    model: job.model,
    cv: job.cv,
    seed: job.seed,
    exclude: job.exclude,
    hyper,
    name: job.name,
    version: job.version,
    trainedAt: deps.now(),
    progress: deps.progress,
  });
  if (job.out !== undefined) await writeModelDirectory(job.out, result.document, result.card);
  return result;
}
