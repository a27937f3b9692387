// `caregraph train TASK ...`: train a model. Task `tabular` (this file): cross-validate a classical
// model on a labelled CSV and, with --out, write the model directory serve.ts serves. The same
// job runs in the SageMaker training container (training/train.ts). Other tasks (notes, kg-link)
// plug into `trainTasks`.
import { resolve } from 'node:path';
import { ValidationError } from '../../../shared/domain/errors';
import { selectBackend } from '../../../training/deep/backend';
import { parseTabularJob, runTabularJob } from '../../../training/tabular/job';
import { tabularModelNames } from '../../../training/tabular/models';
import type { CvReport } from '../../../training/tabular/report';
import { trainNerModel } from '../../../training/deep/ner/train';
import { trainNotesClassifier } from '../../../training/deep/notes/train';
import { trainKgLink } from '../../../training/deep/kg/train';
import { out, parseFlags, requireFlag, UsageError, type Command } from '../io';

const tabularUsage = `Usage: caregraph train tabular --csv FILE --label COLUMN --model ${tabularModelNames.join('|')}
       [--positive VALUE|">0"] [--missing "?"] [--cv K] [--seed S] [--out DIR] [--json]
       [--exclude COL,COL] [--group COLUMN|none] [--feature-spec VERSION] [--feature-input raw|vector] [--name NAME] [--version V] [--c C] [--class-weight balanced|none] [--hidden 32[,16]] [--epochs N] [--max-kernel-rows N]
       [--population COLUMN=MIN..MAX,...] [--outcome TEXT [--horizon-days N]]
  --positive  label value of the positive class, or ">0" for a count/grade column (default: 1, yes, true)
  --missing   missing-value marker(s), comma-separated; empty cells are always missing (default "", NA, ?)
  --cv        stratified folds (default 5); --seed makes folds and fits reproducible (default 42)
  --out       write model.json, model-card.json and model-card.md to DIR
  --exclude   columns that are not features (e.g. identifiers)
  --group     the column of one patient's rows (default: patient, when the CSV has it): every
              cross-validation split keeps a patient's rows in one fold; none: rows are independent
  --feature-spec  the feature spec the columns were extracted under (default: the one CSV.spec.json
              beside the CSV names when its SHA-256 is the CSV's, as \`features --training\` writes it,
              else the features-... folder of a feature build's raw.csv/matrix.csv path; sources that
              differ are refused), recorded in model.json and checked at prediction
  --feature-input raw|vector: raw features (raw.csv) or the build's transformed vector (matrix.csv);
              default from the file name; recorded in model.json for \`predict --patient\`
  --class-weight  none (default) keeps probabilities on the prevalence scale (calibrated; models
              promote refuses a model with a declared outcome whose probabilities are far off);
              balanced weighs each class equally, which shifts probabilities toward 0.5
  --population  train only on rows inside these ranges (either bound optional: age_years=40..79)
              and declare them in model.json: the served model flags every patient outside them
  --outcome   what the label stands for (e.g. "hard ASCVD event"), with --horizon-days the days it is
              counted over: declared in model.json and served with every prediction`;

const usage = `Usage: caregraph train TASK [flags]   tasks: tabular, notes, kg-link, ner
       caregraph train notes --notes FILE.jsonl --label KEY [--out DIR] [--epochs N] [--seed S] [--json]
       caregraph train kg-link --triples FILE [--relation treats] [--out DIR] [--epochs N] [--seed S] [--json]
       caregraph train ner --pubtator FILE[,FILE...] [--out DIR] [--epochs N] [--seed S] [--json]
       [--crf-members K] [--clusters C] [--combination chosen|fixed]
  --crf-members  sequence taggers of different seeds whose spans are voted on (default 5; 1: one)
  --clusters     Brown word clusters of the training texts as sequence-tagger features (default 300; 0: none)
  --combination  chosen (default): the rule merging sequence tagger, BiLSTM and dictionary is chosen on
                 the held-out tenth (trains the sequence tagger twice); fixed: sequence tagger first,
                 BiLSTM spans of confidence 0.9+ fill its gaps

${tabularUsage}`;

const stringFlags = [
  'csv',
  'label',
  'positive',
  'missing',
  'model',
  'cv',
  'seed',
  'out',
  'name',
  'version',
  'exclude',
  'group',
  'feature-spec',
  'feature-input',
  'c',
  'class-weight',
  'hidden',
  'epochs',
  'max-kernel-rows',
  'population',
  'outcome',
  'horizon-days',
] as const;

function printReport(report: CvReport, dir: string | undefined): void {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
  const ci = (k: 'auroc' | 'auprc' | 'brier') =>
    `${f(report.ci[k].lower)}-${f(report.ci[k].upper)}`;
  out.result(
    [
      `${report.model}: ${report.cv}-fold cross-validation on ${report.pooled.n} rows (${report.pooled.positives} positive)`,
      `  AUROC    ${f(report.auroc)}  (pooled 95% CI ${ci('auroc')})`,
      `  AUPRC    ${f(report.auprc)}  (pooled 95% CI ${ci('auprc')})`,
      `  Brier    ${f(report.brier)}  (pooled 95% CI ${ci('brier')})`,
      `  accuracy ${f(report.accuracy)} at 0.5; Youden threshold ${f(report.thresholds.youden.threshold)}`,
      ...report.subgroups.map(
        (s) => `  ${s.attribute}: max AUROC gap ${f(s.maxAurocGap)} over ${s.groups.length} groups`,
      ),
      ...(dir ? [`model written to ${dir} (model.json, model-card.md)`] : []),
    ].join('\n'),
  );
}

async function trainTabularTask(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    ...Object.fromEntries(stringFlags.map((f) => [f, { type: 'string' as const }])),
    json: { type: 'boolean' },
  });
  const raw = values as Record<string, string | undefined>;
  for (const flag of ['csv', 'label', 'model']) requireFlag(raw[flag], flag);
  let job;
  try {
    job = parseTabularJob({
      ...Object.fromEntries(stringFlags.map((f) => [f, raw[f]])),
      csv: resolve(raw.csv!),
      out: raw.out === undefined ? undefined : resolve(raw.out),
    });
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`--${error.message}`);
    throw error;
  }
  if (job.model === 'mlp') out.progress(`tfjs backend: ${(await selectBackend()).backend}`);
  const { report } = await runTabularJob(job, { now: () => new Date(), progress: out.progress });
  if (values.json) out.json({ ...report, ...(job.out ? { out: job.out } : {}) });
  else printReport(report, job.out);
  return 0;
}

/** `caregraph train notes --notes FILE.jsonl --label KEY [--out DIR] [--epochs N] [--seed S] [--json]` */
async function trainNotesTask(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    notes: { type: 'string' },
    label: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  const result = await trainNotesClassifier({
    notesJsonl: resolve(requireFlag(values.notes, 'notes')),
    label: requireFlag(values.label, 'label'),
    ...runFlags(values, 'models/notes'),
    onProgress: (line: string) => out.progress(line),
  });
  if (values.json) out.json(result);
  else
    out.result(
      `BiLSTM note classifier: held-out AUROC ${result.auroc.toFixed(3)}, written to ${result.out}`,
    );
  return 0;
}

/** `caregraph train kg-link --triples FILE [--relation treats] [--out DIR] [--epochs N] [--seed S] [--json]` */
async function trainKgLinkTask(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    triples: { type: 'string' },
    relation: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  const result = await trainKgLink({
    triplesFile: resolve(requireFlag(values.triples, 'triples')),
    ...runFlags(values, 'models/kg-link'),
    ...(values.relation ? { relation: values.relation } : {}),
  });
  if (values.json) out.json(result);
  else
    out.result(
      `GCN link predictor: AUROC ${result.auroc.toFixed(3)}, MRR ${result.mrr.toFixed(3)}, Hits@10 ${result['hits@10'].toFixed(3)}, written to ${result.out}`,
    );
  return 0;
}

/**
 * `caregraph train ner --pubtator FILE[,FILE...] [--out DIR] [--epochs N] [--seed S] [--json]
 * [--crf-members K] [--clusters C] [--combination chosen|fixed]`
 */
async function trainNerTask(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    pubtator: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    'crf-members': { type: 'string' },
    clusters: { type: 'string' },
    combination: { type: 'string' },
  });
  const combination = values.combination ?? 'chosen';
  if (combination !== 'chosen' && combination !== 'fixed')
    throw new UsageError('--combination must be chosen or fixed');
  const files = requireFlag(values.pubtator, 'pubtator')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => resolve(f));
  out.progress(`tfjs backend: ${(await selectBackend()).backend}`);
  const result = await trainNerModel({
    pubtator: files,
    ...runFlags(values, 'models/ner'),
    ...(values['crf-members']
      ? { sequenceMembers: positiveInt(values['crf-members'], 'crf-members') }
      : {}),
    ...(values.clusters ? { clusters: positiveInt(values.clusters, 'clusters') } : {}),
    combination,
    onProgress: (line: string) => out.progress(line),
  });
  if (values.json) out.json(result);
  else
    out.result(
      `NER taggers (sequence tagger + BiLSTM) on ${result.documents} documents: BiLSTM held-out F1 ${result.heldOutF1.toFixed(3)} after ${result.epochs} epochs, combination ${result.combination}${result.combinationHeldOutF1 !== undefined ? ` (held-out F1 ${result.combinationHeldOutF1.toFixed(3)})` : ''}, ${result.lexiconEntries} lexicon entries, written to ${result.out} (use: caregraph extract --tagger ${result.out})`,
    );
  return 0;
}

/** The flags every deep training task shares: --out (default `defaultOut`), --epochs, --seed. */
function runFlags(
  values: { out?: string; epochs?: string; seed?: string },
  defaultOut: string,
): { out: string; epochs?: number; seed?: number } {
  return {
    out: resolve(values.out ?? defaultOut),
    ...(values.epochs ? { epochs: positiveInt(values.epochs, 'epochs') } : {}),
    ...(values.seed ? { seed: positiveInt(values.seed, 'seed') } : {}),
  };
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} must be a whole number`);
  return n;
}

export const trainTasks: Record<string, (argv: string[]) => Promise<number>> = {
  tabular: trainTabularTask,
  notes: trainNotesTask,
  'kg-link': trainKgLinkTask,
  ner: trainNerTask,
};

export const trainCommand: Command = {
  name: 'train',
  summary: 'train and cross-validate a model (tabular: gnb, logreg, svm, rbf-svm, mlp on a CSV)',
  usage,
  async run(argv) {
    const [task, ...rest] = argv;
    if (!task || task.startsWith('-'))
      throw new UsageError(`missing TASK (${Object.keys(trainTasks).join(', ')})`);
    const run = trainTasks[task];
    if (!run)
      throw new UsageError(`unknown task "${task}" (known: ${Object.keys(trainTasks).join(', ')})`);
    return run(rest);
  },
};
