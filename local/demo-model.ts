// The embedded stack's demonstration model: `cvd-risk`, an L2 logistic regression of the 10-year
// hard ASCVD event on the feature spec's raw features, trained on synthetic patients the generator
// draws for it (never the demo hospitals' own patients) and written where the local model server
// serves it, so GET /patients/{id}/predictions answers out of the box. Each patient's record is
// rendered as the generator writes it and read by the same feature extraction the API uses
// (shared/domain/features/extract.ts), and labelled with the generator's own outcome draw
// (`truth/outcomes.jsonl`: adults 40-79 only, Pooled-Cohort-like hazard; docs/synth.md). Synthetic
// data, for demonstration: the model card says so, and the model declares the population it was
// trained on, so a patient outside it is flagged in every answer.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractRawFeatures } from '../shared/domain/features/extract';
import { featureSpecVersion } from '../shared/domain/features/spec';
import type { FhirJson } from '../shared/domain/ingest/source-record';
import { generatorVersion, type CohortOptions } from '../shared/domain/synth/model';
import { renderPatientResources } from '../shared/domain/synth/fhir/resources';
import { generatePatientState } from '../shared/domain/synth/state/patient';
import { modelFileName } from '../training/model-format';
import type { CsvTable } from '../training/tabular/csv';
import { declareOutcome, declarePopulation } from '../training/tabular/job';
import { writeModelDirectory } from '../training/tabular/model-files';
import { trainTabular } from '../training/tabular/train-tabular';

export const demoModelName = 'cvd-risk';

/** The population the outcome is defined on (and so the model trained on): adults 40-79. */
export const demoModelPopulation = { age_years: { min: 40, max: 79 } };

/**
 * Label threshold on the 10-year risk: 7.5%, the ACC/AHA threshold of "intermediate" 10-year ASCVD
 * risk at which statin therapy is discussed (Grundy SM et al., 2018 AHA/ACC Guideline on the
 * Management of Blood Cholesterol, Circulation 2019;139:e1082-e1143, section 4.4).
 */
export const demoModelThreshold = 0.075;

export interface DemoModelOptions {
  /** The stack's data directory; the model goes to `<dataDir>/models/cvd-risk`. */
  dataDir: string;
  /** Synthetic patients drawn for training (about half are 40-79 and labelled); default 4,000. */
  patients?: number;
  seed?: number;
  /** The cohort's export date, also the date its features are read at (YYYY-MM-DD). */
  asOf: string;
  progress?: (line: string) => void;
}

export interface DemoModel {
  dir: string;
  /**
   * False when a model was already there (never overwritten: it may be the user's own), unless it
   * is an earlier demonstration model trained under another feature spec (`isStaleDemoModel`).
   */
  trained: boolean;
  rows?: number;
  positives?: number;
  auroc?: number;
}

/**
 * The model's inputs: those of the Pooled Cohort Equations (Goff DC Jr et al., 2013 ACC/AHA
 * Guideline on the Assessment of Cardiovascular Risk, Circulation 2014;129:S49-S73: age, sex,
 * race, systolic BP and its treatment, total and HDL cholesterol, diabetes, smoking), which the
 * generator's hazard follows, plus LDL, statins, HbA1c, BMI and CKD. On 4,000 synthetic patients
 * these gave a cross-validated AUROC of 0.829-0.831 against 0.793-0.810 for all 138 features
 * (2026-12-05), with coefficients a clinician can read (no sign flips from collinear aggregates).
 */
export const demoModelColumns = [
  'age_years',
  'sex',
  'race',
  'sbp_latest',
  'sbp_mean',
  'total_chol_latest',
  'hdl_latest',
  'ldl_latest',
  'condition_type2_diabetes',
  'condition_hypertension',
  'condition_ckd',
  'smoking',
  'medication_ace_inhibitor',
  'medication_arb',
  'medication_calcium_channel_blocker',
  'medication_thiazide',
  'medication_beta_blocker',
  'medication_statin',
  'hba1c_latest',
  'bmi_latest',
] as const;

const cell = (value: number | string | null): string => (value === null ? '' : String(value));

/**
 * The training table: one row per synthetic patient, the raw features `columns` and the `cvd10y`
 * label (empty, so left out, outside the outcome's population).
 */
export function demoTrainingTable(
  options: CohortOptions,
  columns: readonly string[] = demoModelColumns,
): CsvTable {
  const at = new Date(`${options.asOf}T00:00:00Z`);
  const rows: string[][] = [];
  for (let i = 0; i < options.patients; i += 1) {
    const patient = generatePatientState(options, i);
    const resources = renderPatientResources(patient, [], { asOf: options.asOf });
    const { features } = extractRawFeatures(resources as unknown as FhirJson[], at);
    const outcome = patient.outcomes.cvd10y;
    rows.push([
      ...columns.map((name) => {
        const feature = features[name];
        if (!feature) throw new Error(`demo model: the feature spec has no feature ${name}`);
        return cell(feature.value);
      }),
      outcome === undefined ? '' : outcome.event ? '1' : '0',
    ]);
  }
  return {
    file: `synthetic cohort (${generatorVersion}, ${options.patients} patients, seed ${options.seed}, as of ${options.asOf})`,
    header: [...columns, 'cvd10y'],
    rows,
    lines: rows.map((_r, i) => i + 2),
  };
}

/**
 * True when `document` (a parsed model.json) is a demonstration model this module wrote (its name,
 * the `-synthetic` version and the cvd10y label) whose recorded feature spec is not the current
 * one, or which records none (written before models recorded it): the API would refuse it (or serve
 * it unchecked), so it is retrained. A model of the user's own is never one.
 */
export function isStaleDemoModel(document: unknown): boolean {
  if (typeof document !== 'object' || document === null) return false;
  const d = document as {
    name?: unknown;
    version?: unknown;
    featureSpec?: unknown;
    training?: { label?: unknown };
  };
  const ours =
    d.name === demoModelName &&
    typeof d.version === 'string' &&
    d.version.endsWith('-synthetic') &&
    d.training?.label === 'cvd10y';
  return ours && d.featureSpec !== featureSpecVersion;
}

/**
 * The date the demonstration model in `<dataDir>/models/cvd-risk` was trained as of (its
 * `<YYYY-MM-DD>-synthetic` version), so a restart that retrains a stale one keeps its date; undefined
 * when there is none, or the model there is not one this module wrote.
 */
export async function demoModelAsOf(dataDir: string): Promise<string | undefined> {
  const document = await existingModel(join(dataDir, 'models', demoModelName, modelFileName));
  const version = (document as { version?: unknown } | undefined)?.version;
  const match =
    typeof version === 'string' ? /^(\d{4}-\d{2}-\d{2})-synthetic$/.exec(version) : null;
  return match?.[1];
}

async function existingModel(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined; // unreadable: someone's own file, left alone
  }
}

/**
 * Train and write the demonstration model unless `<dataDir>/models/cvd-risk/model.json` exists
 * (and is not a demonstration model of another feature spec, which is retrained).
 * About 7 s for 4,000 patients on this project's 2-core machine, almost all of it rendering their
 * records (five-fold cross-validation of the logistic regression takes under half a second).
 */
export async function ensureDemoModel(options: DemoModelOptions): Promise<DemoModel> {
  const dir = join(options.dataDir, 'models', demoModelName);
  const file = join(dir, modelFileName);
  if (existsSync(file) && !isStaleDemoModel(await existingModel(file)))
    return { dir, trained: false };
  const patients = options.patients ?? 4000;
  const seed = options.seed ?? 2026;
  const table = demoTrainingTable({
    patients,
    seed,
    hospital: 'demo-model-training',
    dirtyRate: 0,
    asOf: options.asOf,
  });
  const result = await trainTabular({
    table,
    label: 'cvd10y',
    positive: { equals: '1' },
    model: 'logreg',
    // Probabilities on the prevalence scale (the answer is read as a 10-year risk); C = 0.1 gave
    // the better Brier score of 1 and 0.1 (0.1000 against 0.1004, same folds).
    hyper: { classWeight: 'none', c: 0.1 },
    name: demoModelName,
    version: `${options.asOf}-synthetic`,
    seed,
    trainedAt: new Date(),
    progress: options.progress,
    // Extracted by this build's feature extraction, from raw features: the API checks the spec.
    featureSpec: featureSpecVersion,
    featureInput: 'raw',
  });
  const declared = declareOutcome(declarePopulation(result, demoModelPopulation), {
    definition:
      'first hard ASCVD event (Pooled Cohort Equations definition) as the synthetic generator draws it ' +
      '(its 10-year outcome, docs/synth.md), not a recorded clinical event',
    horizonDays: 3652,
  });
  const document = { ...declared.document, threshold: demoModelThreshold };
  const card = {
    ...declared.card,
    intendedUse:
      'Demonstration of the prediction API on the embedded stack: trained on synthetic patients ' +
      `(${table.file}), never on real ones. Not for clinical use.`,
    limits: [
      'Synthetic training data: the generator’s hazard model (docs/synth.md), not a clinical population.',
      `Label threshold ${demoModelThreshold} (10-year risk 7.5%, ACC/AHA 2018 intermediate risk).`,
      ...declared.card.limits,
    ],
  };
  await writeModelDirectory(dir, document, card);
  return {
    dir,
    trained: true,
    rows: result.card.data.rows,
    positives: result.card.data.positives,
    auroc: result.report.auroc,
  };
}
