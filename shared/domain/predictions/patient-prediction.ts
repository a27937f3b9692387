// Use case: a deployed model's prediction for one patient, with the reasons. The patient's raw
// features are built from the current record (shared/domain/features, the same spec the feature
// build and `caregraph predict --patient` use) and sent as one `records` instance to the model's
// SageMaker endpoint, which encodes them with the encoding saved at training (training/serve.ts):
// every hospital's patients reach a model in the units and names it was trained on, and no
// hospital's transform is applied to another's model. Nothing but derived feature values leaves for
// the endpoint: no identifier, name or date.
import { z } from 'zod';
import {
  ConfigurationError,
  DependencyError,
  ModelAwaitingRetrainingError,
  NotFoundError,
  ValidationError,
} from '../errors';
import type { PatientFeatures } from '../features/build';
import { extractRawFeatures, type RawFeature } from '../features/extract';
import { patientRecord } from '../serving/queries';
import type { Predictor } from '../../ports/predictor';
import type { Table } from '../../ports/table';

export interface PredictionDeps {
  serving: Table;
  predictor: Predictor;
  /** Model name -> SageMaker endpoint name; the first is the default model. */
  models: ReadonlyMap<string, string>;
}

export interface PredictionQuery {
  /** A model name among `models`; the first configured when undefined. */
  model?: string;
  /** The record is read as of this instant. */
  at: Date;
  /** How many features to list, by absolute contribution; default 5. */
  top?: number;
}

/** The input behind one listed feature: the raw feature, its unit and where it came from. */
export interface PredictionInput {
  column: string;
  value: RawFeature['value'];
  unit?: string;
  provenance: RawFeature['provenance'];
}

export interface PatientPrediction {
  patient: string;
  at: string;
  model: {
    name: string;
    version: string;
    kind: string;
    endpoint: string;
    /** What the probability is of (the model's declared outcome), when the model says. */
    outcome?: { definition: string; horizonDays?: number };
    /** The feature spec the model was trained under, when the model records it. */
    featureSpec?: string;
  };
  /** The model's estimate of the positive class's probability, and its label at the model's threshold. */
  prediction: { probability: number; label: 0 | 1 };
  /**
   * The features that moved this prediction most, on the log-odds scale (positive raises the
   * probability), each with the encoded value the model saw and the raw input behind it.
   */
  explanation: {
    feature: string;
    value: number;
    contribution: number;
    input?: PredictionInput;
  }[];
  /** Inputs the record does not have: the model filled them as in training (median or mode). */
  imputed: string[];
  /**
   * Whether the patient is in the population the model was trained on (e.g. adults 40-79); absent
   * when the model declares none. When false the estimate does not apply, and `outsidePopulation`
   * says which value is out of range (or unknown).
   */
  applicable?: boolean;
  outsidePopulation?: { column: string; value: unknown; min?: number; max?: number }[];
  featureSpec: string;
  /**
   * Set when the model records no feature spec (trained before models recorded it, or on a CSV
   * not from the feature extraction), so nothing confirms it reads features as this spec writes them.
   */
  warning?: string;
  caution: string;
}

export const defaultTop = 5;

const answerSchema = z.object({
  predictions: z
    .array(
      z.object({
        probability: z.number().min(0).max(1),
        label: z.union([z.literal(0), z.literal(1)]),
        imputed: z.array(z.string()).optional(),
        outsidePopulation: z
          .array(
            z.object({
              column: z.string(),
              value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
              min: z.number().optional(),
              max: z.number().optional(),
            }),
          )
          .optional(),
        explanation: z
          .array(z.object({ feature: z.string(), value: z.number(), contribution: z.number() }))
          .optional(),
      }),
    )
    .length(1),
  model: z.object({
    name: z.string(),
    version: z.string(),
    kind: z.string(),
    outcome: z
      .object({ definition: z.string(), horizonDays: z.number().int().positive().optional() })
      .optional(),
    featureSpec: z.string().optional(),
  }),
});

/** The raw column an encoded feature comes from: `sex=female` and `hba1c:missing` -> `sex`, `hba1c`. */
export function rawColumnOf(feature: string, columns: ReadonlySet<string>): string | undefined {
  if (columns.has(feature)) return feature;
  const base = feature.replace(/:missing$/, '');
  if (columns.has(base)) return base;
  const eq = base.indexOf('=');
  return eq > 0 && columns.has(base.slice(0, eq)) ? base.slice(0, eq) : undefined;
}

const caution =
  'A statistical estimate for decision support, not a diagnosis: read it with the model card ' +
  '(data, intended use, subgroup gaps) and the patient in front of you.';

function outsideCaution(outside: NonNullable<PatientPrediction['outsidePopulation']>): string {
  const what = outside.map(({ column, value, min, max }) => {
    const range =
      min !== undefined && max !== undefined
        ? `${min}-${max}`
        : min !== undefined
          ? `at least ${min}`
          : `at most ${max}`;
    return `${column} ${value === null ? 'unknown' : String(value)} (trained on ${range})`;
  });
  return `Outside the population the model was trained on: ${what.join('; ')}. The estimate does not apply to this patient.`;
}

/** The model `name` (the first configured when undefined) and its endpoint. */
export function chooseModel(
  models: ReadonlyMap<string, string>,
  name: string | undefined,
): { name: string; endpoint: string } {
  const [first] = models.keys();
  if (first === undefined) throw new NotFoundError('no prediction model is deployed for this API');
  const chosen = name ?? first;
  const endpoint = models.get(chosen);
  if (endpoint === undefined) {
    throw new ValidationError(`model must be one of ${[...models.keys()].join(', ')}`, 'model');
  }
  return { name: chosen, endpoint };
}

/**
 * Predict for one patient of `hospital` with a configured model, from the patient's current record.
 * NotFoundError when no model is configured or its endpoint does not exist; ValidationError for an
 * unknown model name; see predictFromFeatures for the rest.
 */
export async function predictForPatient(
  deps: PredictionDeps,
  hospital: string,
  patientId: string,
  query: PredictionQuery,
): Promise<PatientPrediction> {
  const model = chooseModel(deps.models, query.model);
  // The raw features of the current record (not the last feature build's stored vector); the
  // hospital's fitted transform is not needed, the endpoint encodes with the model's own.
  const features = extractRawFeatures(
    await patientRecord(deps.serving, hospital, patientId),
    query.at,
  );
  return predictFromFeatures(deps.predictor, model, features, query);
}

/**
 * Send a patient's raw features to the model's endpoint and explain the answer. ConfigurationError
 * when the deployed model asks for inputs the feature spec does not provide (an operator's mistake,
 * not the clinician's: a 500); ModelAwaitingRetrainingError when it was trained under another
 * feature spec than the one the features were built under (a retryable 503 naming the model and
 * both versions: expected after a deploy that changes the spec, until a model of the new spec is
 * promoted); DependencyError when the endpoint answers outside its contract. A model that records no feature spec (older models) is still served, with `warning`.
 */
export async function predictFromFeatures(
  predictor: Predictor,
  model: { name: string; endpoint: string },
  features: Pick<PatientFeatures, 'patient' | 'specVersion' | 'features'>,
  query: Pick<PredictionQuery, 'at' | 'top'>,
): Promise<PatientPrediction> {
  const { name, endpoint } = model;
  const record = Object.fromEntries(
    Object.entries(features.features).map(([column, f]) => [column, f.value]),
  );
  let answer: unknown;
  try {
    answer = await predictor.invoke({ endpoint, body: { records: [record], explain: true } });
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new NotFoundError(`model ${name} is not deployed (endpoint ${endpoint} not found)`, {
        cause: error,
      });
    }
    if (error instanceof ValidationError) {
      throw new ConfigurationError(
        `model ${name} (endpoint ${endpoint}) rejected feature spec ${features.specVersion}: ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }
  const parsed = answerSchema.safeParse(answer);
  if (!parsed.success) {
    throw new DependencyError(
      `endpoint ${endpoint} answered outside the inference contract (${parsed.error.issues[0]?.path.join('.') || 'body'})`,
    );
  }
  const trainedUnder = parsed.data.model.featureSpec;
  if (trainedUnder !== undefined && trainedUnder !== features.specVersion) {
    // Expected after a deploy that changes featureSpecVersion, until the scheduled features build,
    // retraining and promote (docs/operations.md): a retryable 503 whose detail callers see.
    throw new ModelAwaitingRetrainingError(
      `prediction model ${name} is awaiting retraining for the current feature spec: it was trained on features of spec ${trainedUnder}, and the patient's features are built under spec ${features.specVersion}; retry once a model of spec ${features.specVersion} is promoted`,
    );
  }
  const [p] = parsed.data.predictions;
  const columns = new Set(Object.keys(features.features));
  return {
    patient: features.patient,
    at: query.at.toISOString(),
    model: { ...parsed.data.model, endpoint },
    prediction: { probability: p!.probability, label: p!.label },
    explanation: (p!.explanation ?? []).slice(0, query.top ?? defaultTop).map((e) => {
      const column = rawColumnOf(e.feature, columns);
      const raw = column === undefined ? undefined : features.features[column];
      if (!raw) return e;
      const input: PredictionInput = {
        column: column!,
        value: raw.value,
        ...(raw.unit ? { unit: raw.unit } : {}),
        provenance: raw.provenance,
      };
      return { ...e, input };
    }),
    imputed: p!.imputed ?? [],
    ...(p!.outsidePopulation
      ? { applicable: p!.outsidePopulation.length === 0, outsidePopulation: p!.outsidePopulation }
      : {}),
    featureSpec: features.specVersion,
    ...(trainedUnder === undefined
      ? {
          warning: `model ${name} records no feature spec: nothing confirms it was trained on features of spec ${features.specVersion}`,
        }
      : {}),
    caution: p!.outsidePopulation?.length ? outsideCaution(p!.outsidePopulation) : caution,
  };
}
