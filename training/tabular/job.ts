// Training (tabular): one training job's settings — from `caregraph train tabular` flags or from
// SageMaker's hyperparameters.json (where every value is a string) — validated in one place, and
// the job itself: read the CSV, train and evaluate, write the model directory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ValidationError } from '../../shared/domain/errors';
import {
  derivedOutcomeOf,
  derivedOutcomePopulations,
} from '../../shared/domain/features/derived-labels';
import { tableSpecKeyOf, tableSpecSchema } from '../../shared/domain/features/table-spec';
import { inPopulationRange, jsonPath, type ModelOutcome, type Population } from '../model-format';
import { readCsv, type CsvTable } from './csv';
import { positiveRule } from './labels';
import { writeModelDirectory } from './model-files';
import { tabularModelNames, type TabularHyperparameters } from './models';
import { trainTabular, type TabularTrainingResult } from './train-tabular';

/** A feature spec version as shared/domain/features/spec.ts names them. */
export const featureSpecPattern = /^features-\d{4}\.\d{2}\.\d+$/;

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
);

/** Settings as strings (flag or hyperparameter names use hyphens or underscores alike). */
export const tabularJobSchema = z
  .object({
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
    /**
     * The column whose rows are one patient's (cross-validation keeps them in one fold); default
     * `patient` when the CSV has it; "none": rows are independent.
     */
    group: z.string().trim().min(1).optional(),
    /**
     * The feature spec version the CSV's columns were extracted under (features-YYYY.MM.N), written
     * to model.json as `featureSpec`; default: the one `<csv>.spec.json` beside the CSV names when
     * it describes the CSV's bytes (a training table the features job wrote, `tableSpecOf`), else
     * the version in the CSV's path when it is a feature build's file (features/H/<version>/raw.csv).
     * Sources that name different specs are refused.
     */
    featureSpec: z
      .string()
      .regex(featureSpecPattern, 'must be a feature spec version (features-YYYY.MM.N)')
      .optional(),
    /** raw (raw.csv) or vector (the build's transformed matrix.csv); default from the file name. */
    featureInput: z.enum(['raw', 'vector']).optional(),
    c: z.coerce.number().positive().optional(),
    /**
     * "none" (the default): probabilities on the prevalence scale, as a clinician reads them.
     * "balanced" weighs classes by n / (2 n_class), which moves a rare outcome's probabilities toward
     * 0.5: for ranking only (`caregraph models promote` refuses such a model with a declared outcome).
     */
    classWeight: z.enum(['balanced', 'none']).default('none'),
    hidden: list
      .transform((units) => units.map(Number))
      .pipe(z.array(z.number().int().min(1).max(1024)).min(1).max(2))
      .optional(),
    epochs: integer(1, 10_000).optional(),
    maxKernelRows: integer(10, 1_000_000).optional(),
    /**
     * The population to train on and declare: `column=MIN..MAX`, comma-separated, either bound
     * optional (`age_years=40..79,egfr=15..`). Rows outside it, or with the value missing, are left out
     * of training, and the model flags every patient outside it when serving. An `outcome` that is
     * a derived outcome's definition adds that outcome's eligibility (`populationOf`).
     */
    population: z
      .string()
      .transform((s, ctx) => parsePopulation(s, ctx))
      .optional(),
    /**
     * What the label stands for, declared in model.json (`outcome.definition`) and served with every
     * prediction: e.g. the derived labels' definition. With `horizonDays`, the days after the
     * features' moment the outcome is counted over.
     */
    outcome: z.string().trim().min(1).max(500).optional(),
    horizonDays: integer(1, 36_500).optional(),
  })
  .refine((job) => job.horizonDays === undefined || job.outcome !== undefined, {
    message: 'goes with outcome',
    path: ['horizonDays'],
  });
export type TabularJob = z.output<typeof tabularJobSchema>;

const bound = /^-?(\d+\.?\d*|\.\d+)$/;

/** The feature build's file names: the raw features, and the transformed vector. */
const featureTableFiles = { raw: 'raw.csv', vector: 'matrix.csv' } as const;

/**
 * The feature spec and input a CSV carries in its path when it is a feature build's file
 * (`features/H/<version>/raw.csv` or `matrix.csv`, keyLayout.features); {} otherwise.
 */
export function featureTableOf(path: string): {
  featureSpec?: string;
  featureInput?: 'raw' | 'vector';
} {
  const parts = path.split(/[\\/]/);
  const file = parts.at(-1);
  const input =
    file === featureTableFiles.vector
      ? 'vector'
      : file === featureTableFiles.raw
        ? 'raw'
        : undefined;
  const spec = parts.slice(0, -1).findLast((p) => featureSpecPattern.test(p));
  return {
    ...(spec ? { featureSpec: spec } : {}),
    ...(input ? { featureInput: input } : {}),
  };
}

function parsePopulation(text: string, ctx: z.RefinementCtx): Population {
  const population: Population = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^=]+)=(.*)\.\.(.*)$/.exec(part);
    const [min, max] = [m?.[2]?.trim() ?? '', m?.[3]?.trim() ?? ''];
    const ok =
      m && (min !== '' || max !== '') && [min, max].every((b) => b === '' || bound.test(b));
    if (!ok || (min !== '' && max !== '' && Number(min) > Number(max))) {
      ctx.addIssue({
        code: 'custom',
        message: `"${part}" must be column=MIN..MAX with MIN <= MAX (either bound may be left out)`,
      });
      return z.NEVER;
    }
    population[m[1]!.trim()] = {
      ...(min !== '' ? { min: Number(min) } : {}),
      ...(max !== '' ? { max: Number(max) } : {}),
    };
  }
  return population;
}

/**
 * The rows of `table` inside `population` (every column present in range); ValidationError naming
 * a population column the CSV does not have.
 */
export function rowsInPopulation(table: CsvTable, population: Population): CsvTable {
  const checks = Object.entries(population).map(([column, range]) => {
    const j = table.header.indexOf(column);
    if (j < 0)
      throw new ValidationError(
        `${table.file}: line 1: population: no column named "${column}"`,
        'population',
      );
    return { j, range };
  });
  const keep = table.rows.flatMap((row, i) => {
    const inside = checks.every(({ j, range }) => {
      const cell = row[j]!.trim();
      return cell !== '' && inPopulationRange(Number(cell), range);
    });
    return inside ? [i] : [];
  });
  return {
    ...table,
    rows: keep.map((i) => table.rows[i]!),
    lines: keep.map((i) => table.lines[i]!),
  };
}

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

/** Both populations at once: per column, the larger minimum and the smaller maximum. */
export function intersectPopulations(a: Population, b: Population): Population {
  const out: Population = { ...a };
  for (const [column, range] of Object.entries(b)) {
    const other = out[column] ?? {};
    const min = [other.min, range.min].filter((v): v is number => v !== undefined);
    const max = [other.max, range.max].filter((v): v is number => v !== undefined);
    out[column] = {
      ...(min.length ? { min: Math.max(...min) } : {}),
      ...(max.length ? { max: Math.min(...max) } : {}),
    };
  }
  return out;
}

/**
 * The population a job trains on and declares: its `population`, and, when its `outcome` is the
 * definition of a derived outcome (the scheduled retraining declares `derivedOutcomes[o]`), that
 * outcome's eligibility (`derivedOutcomePopulations`: no prior disease, since its labels are for a
 * first event), so a patient who already has the disease is flagged when served. Undefined: none.
 */
export function populationOf(
  job: Pick<TabularJob, 'population' | 'outcome'>,
): Population | undefined {
  const derived = job.outcome === undefined ? undefined : derivedOutcomeOf(job.outcome);
  const eligibility = derived ? derivedOutcomePopulations[derived] : undefined;
  if (!eligibility) return job.population;
  return intersectPopulations(job.population ?? {}, eligibility);
}

/** Run the job: train with cross-validation and, when `out` is set, write the model directory. */
export async function runTabularJob(
  job: TabularJob,
  deps: TabularJobDeps,
): Promise<TabularTrainingResult> {
  const read = await readCsv(job.csv);
  const population = populationOf(job);
  const table = population ? rowsInPopulation(read, population) : read;
  if (population)
    deps.progress(
      `population ${Object.keys(population).join(', ')}: ${table.rows.length} of ${read.rows.length} rows inside it are trained on`,
    );
  const hyper: TabularHyperparameters = {
    c: job.c,
    classWeight: job.classWeight,
    hidden: job.hidden,
    epochs: job.epochs,
    maxKernelRows: job.maxKernelRows,
  };
  const fromPath = featureTableOf(job.csv);
  const fromTable = await tableSpecOf(job.csv, deps.progress);
  const featureSpec = agreedFeatureSpec(job.csv, [
    ['the featureSpec setting', job.featureSpec],
    [`${tableSpecKeyOf(job.csv)} beside the CSV`, fromTable],
    ["the CSV's path", fromPath.featureSpec],
  ]);
  const featureInput = job.featureInput ?? fromPath.featureInput;
  const result = await trainTabular({
    table,
    group: job.group === undefined ? undefined : job.group === 'none' ? null : job.group,
    ...(featureSpec ? { featureSpec } : {}),
    ...(featureInput ? { featureInput } : {}),
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
  const inPopulation = population ? declarePopulation(result, population) : result;
  const declared = job.outcome
    ? declareOutcome(inPopulation, {
        definition: job.outcome,
        ...(job.horizonDays ? { horizonDays: job.horizonDays } : {}),
      })
    : inPopulation;
  if (job.out !== undefined) await writeModelDirectory(job.out, declared.document, declared.card);
  return declared;
}

/**
 * The feature spec a training table's `<csv>.spec.json` names (shared/domain/features/table-spec.ts,
 * written by the features job beside the table, and copied with it into the training channel), when
 * there is one and it describes these bytes; undefined otherwise. A document whose digest is not the
 * CSV's (left from an earlier table) is said so in the log and not used; one that cannot be read is
 * a ValidationError naming it.
 */
export async function tableSpecOf(
  csv: string,
  log: (line: string) => void,
): Promise<string | undefined> {
  const file = tableSpecKeyOf(csv);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ValidationError(`${file}: cannot read (${error.code})`, 'featureSpec');
  });
  if (text === undefined) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ValidationError(`${file}: not valid JSON`, 'featureSpec');
  }
  const parsed = tableSpecSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(
      `${file}: ${issue.path.join('.') || 'document'}: ${issue.message}`,
      'featureSpec',
    );
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(csv)) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== parsed.data.sha256) {
    log(
      `${file} describes another table (its SHA-256 is not this CSV's): its feature spec ${parsed.data.featureSpec} is not recorded`,
    );
    return undefined;
  }
  return parsed.data.featureSpec;
}

/** The one feature spec the sources that name one agree on; ValidationError naming two that differ. */
function agreedFeatureSpec(
  csv: string,
  sources: [string, string | undefined][],
): string | undefined {
  const named = sources.filter((s): s is [string, string] => s[1] !== undefined);
  const [first] = named;
  const other = named.find(([, spec]) => spec !== first![1]);
  if (other)
    throw new ValidationError(
      `${csv}: ${first![0]} says feature spec ${first![1]}, ${other[0]} says ${other[1]}`,
      'featureSpec',
    );
  return first?.[1];
}

/** The model declares the population it was trained on, in model.json and in its card's limits. */
export function declarePopulation<R extends Pick<TabularTrainingResult, 'document' | 'card'>>(
  result: R,
  population: Population,
): R {
  return {
    ...result,
    document: { ...result.document, population },
    card: {
      ...result.card,
      limits: [
        `Trained on, and for, the population ${populationText(population)}; patients outside it are flagged when served.`,
        ...result.card.limits,
      ],
    },
  };
}

/** The model declares what its probability is of, in model.json and in its card's limits. */
export function declareOutcome<R extends Pick<TabularTrainingResult, 'document' | 'card'>>(
  result: R,
  outcome: ModelOutcome,
): R {
  const over = outcome.horizonDays ? ` within ${outcome.horizonDays} days` : '';
  return {
    ...result,
    document: { ...result.document, outcome },
    card: {
      ...result.card,
      limits: [
        `Estimates the probability of: ${outcome.definition}${over}, as the training labels define it.`,
        ...result.card.limits,
      ],
    },
  };
}

function populationText(population: Population): string {
  return Object.entries(population)
    .map(([column, { min, max }]) => `${column} ${min ?? ''}..${max ?? ''}`)
    .join(', ');
}
