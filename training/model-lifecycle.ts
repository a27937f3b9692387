// Use case (training): a model's way from a training run to the endpoint the API calls, with a
// reviewer in between. Register (the files are copied into the curated bucket, immutable, and the
// registry records a candidate with its metrics), approve (a named reviewer), promote (the approved
// files are installed where the endpoint serves from, then the registry records the deployment),
// roll back (the version deployed before, installed again). The registry is training/registry.ts;
// where the endpoint serves from is a port (ServedModels), the embedded stack's model directory
// locally (local/served-models.ts). One promote or rollback of a model runs at a time, logged
// (training/model-operations.ts); `modelStanding` reports where the endpoint and the registry
// disagree.
//
// Promotion refuses what would break the API's predictions rather than the model: a model whose
// raw columns the feature spec does not give (the API sends each patient's raw features as
// `records`; such a model answers every prediction with a configuration error), a model trained
// under another feature spec than the current one (model.json `featureSpec`; the predictions refuse
// it; one that records none is let through with a warning, as the predictions serve it), a model whose
// declared outcome differs from that of the model the endpoint serves, unless the operator says
// so, because every prediction then states a different probability to the clinician
// (`model.outcome`); and a model with a declared outcome whose out-of-fold probabilities are far
// from the observed rates (`calibrationProblem`), because the clinician reads them as probabilities.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  ConflictError,
  DependencyError,
  NotFoundError,
  ValidationError,
} from '../shared/domain/errors';
import { categoricalValues, rawFeatureColumns } from '../shared/domain/features/extract';
import { featureSpecVersion } from '../shared/domain/features/spec';
import type { ObjectStore } from '../shared/ports/object-store';
import type { Predictor } from '../shared/ports/predictor';
import {
  endpointNamePattern,
  modelCardFileName,
  modelFileName,
  parseJsonFile,
  parseModel,
  type LoadedModel,
} from './model-format';
import { describeServedModel } from '../shared/domain/predictions/model-description';
import { calibrationSummary } from './evaluation/metrics';
import {
  approveModel,
  deploymentOf,
  getModelVersion,
  promoteModel,
  registerModel,
  rollbackModel,
  settleStatuses,
  statusDisagreements,
  type ModelVersion,
  type RegistryDeps,
  type StatusDisagreement,
} from './registry';
import {
  claimOperation,
  confirmClaim,
  endOperation,
  isInterrupted,
  operationText,
  recentOperations,
  type ModelOperation,
  type OperationKind,
} from './model-operations';

/** The files of a model version: model.json, and its card when the training wrote one. */
export const modelVersionFiles = [modelFileName, modelCardFileName, 'model-card.md'] as const;
export type ModelVersionFile = (typeof modelVersionFiles)[number];
export type ModelFiles = Partial<Record<ModelVersionFile, string>>;

/** The card's metrics the registry keeps (cross-validated; training/evaluation/model-card.ts). */
const cardMetrics = ['auroc', 'auprc', 'brier', 'accuracy'] as const;

/**
 * Curated-bucket prefix of a registered version's files, addressed by their digest: files of an
 * attempt that never registered, or of other contents under the same version, can never mix with
 * the registered ones.
 */
export const versionPrefix = (name: string, version: string, digest: string) =>
  `models/${name}/versions/${version}/${digest.slice(0, 16)}/`;

/** Where an endpoint serves its model from. */
export interface ServedModels {
  /**
   * Put `files` where the endpoint `name` serves from, each whole, model.json last (the server
   * reloads when model.json changes); files of the version before that `files` lacks are removed.
   */
  install(name: string, files: ModelFiles): Promise<void>;
  /** The model.json the endpoint `name` serves now, undefined when it serves none. */
  servedModelJson(name: string): Promise<string | undefined>;
}

export interface LifecycleDeps extends RegistryDeps {
  objects: ObjectStore;
  served: ServedModels;
  /**
   * The endpoint as the API calls it (SageMaker Runtime; the model server locally): after an
   * install, a describe invocation must answer with the installed version before the registry says
   * it is deployed. Absent: not checked.
   */
  endpoint?: { predictor: Predictor; nameOf: (model: string) => string };
}

export interface Registration {
  version: ModelVersion;
  /** False when this exact model.json was registered before: nothing was written. */
  created: boolean;
}

export interface Promotion {
  version: ModelVersion;
  /** The version deployed before, if any. */
  previous?: string;
  /** True when it was already the deployed version: its files were installed again. */
  unchanged: boolean;
  /** Statuses set to agree with the deployment log again, left by an operation that stopped. */
  settled?: StatusDisagreement[];
  /** What was let through but the operator should know (servingWarnings). */
  warnings?: string[];
  /** Set when the operation succeeded but its log entry could not be ended: why, and until when. */
  logNotEnded?: string;
  /** Its entry in the model's operation log, ended. */
  operation?: ModelOperation;
  /**
   * An earlier promote or rollback that never ended (its process stopped, perhaps between the
   * install and the registry write): what the endpoint served before this one is not known.
   */
  interrupted?: ModelOperation;
}

/** A registered version: safe in a key (`1.2.0`, `2026-12-05.1`, `1.0.0+build.7`). */
export const versionPattern = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

/** SHA-256 over every file of a version (name, length and bytes of each, in a fixed order). */
export function filesDigest(files: ModelFiles): string {
  const hash = createHash('sha256');
  for (const file of modelVersionFiles) {
    const body = files[file];
    if (body !== undefined) hash.update(`${file}\0${Buffer.byteLength(body)}\0`).update(body);
  }
  return hash.digest('hex');
}

/** The model.json of `files`, parsed and validated (ValidationError naming the field). */
function modelOf(files: ModelFiles, source: string): LoadedModel {
  const text = files[modelFileName];
  if (text === undefined) throw new ValidationError(`${source}: no ${modelFileName}`, 'model');
  return parseModel(parseJsonFile(`${source}/${modelFileName}`, text), source);
}

/** The card's cross-validated metrics; none when there is no card. */
function metricsOf(files: ModelFiles, source: string): Record<string, number> {
  const text = files[modelCardFileName];
  if (text === undefined) return {};
  const card = parseJsonFile(`${source}/${modelCardFileName}`, text) as {
    metrics?: Record<string, unknown>;
  } | null;
  // The model server would serve the model without it: refuse it here, where it can be fixed.
  if (typeof card !== 'object' || card === null || Array.isArray(card))
    throw new ValidationError(
      `${source}/${modelCardFileName}: not a JSON object`,
      modelCardFileName,
    );
  const metrics: Record<string, number> = {};
  for (const name of cardMetrics) {
    const value = card.metrics?.[name];
    if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value;
  }
  return metrics;
}

/**
 * Register a trained model's files as a candidate. Its name and version are model.json's. The same
 * model.json registered again is a no-op (a retried command duplicates nothing); another model.json
 * under a registered name and version is a ConflictError: versions are immutable.
 */
export async function registerModelFiles(
  deps: LifecycleDeps,
  files: ModelFiles,
  source: string,
): Promise<Registration> {
  const model = modelOf(files, source);
  // Both become parts of keys and folder names: the endpoint's and the version's files'.
  if (!endpointNamePattern.test(model.name))
    throw new ValidationError(`${source}: name: "${model.name}" is not an endpoint name`, 'name');
  if (!versionPattern.test(model.version))
    throw new ValidationError(
      `${source}: version: "${model.version}" must be letters, digits, ".", "_", "+" or "-" (at most 64)`,
      'version',
    );
  const digest = filesDigest(files);
  const same = async (): Promise<Registration | undefined> => {
    const existing = await getModelVersion(deps, model.name, model.version).catch((error) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (!existing) return undefined;
    if (existing.digest !== digest)
      throw new ConflictError(
        `model ${model.name} version ${model.version} is already registered with other files; ` +
          'give the new model a version of its own',
      );
    return { version: existing, created: false };
  };
  const before = await same();
  if (before) return before;
  const metrics = metricsOf(files, source);
  const prefix = versionPrefix(model.name, model.version, digest);
  // The files first: a registry entry never points at files that are not there.
  for (const file of modelVersionFiles) {
    const body = files[file];
    if (body !== undefined)
      await deps.objects.put(
        'curated',
        prefix + file,
        body,
        file.endsWith('.md') ? 'text/markdown' : 'application/json',
      );
  }
  try {
    const version = await registerModel(deps, {
      name: model.name,
      version: model.version,
      kind: model.kind,
      metrics,
      artifact: prefix,
      digest,
      ...(model.outcome ? { outcome: model.outcome } : {}),
    });
    return { version, created: true };
  } catch (error) {
    // Registered meanwhile by another run: the same model, or a conflict.
    if (error instanceof ConflictError) {
      const raced = await same();
      if (raced) return raced;
    }
    throw error;
  }
}

/** A registered version's files, checked against the digest it was registered with. */
async function versionFiles(
  deps: LifecycleDeps,
  version: ModelVersion,
): Promise<{ files: ModelFiles; model: LoadedModel }> {
  const files: ModelFiles = {};
  for (const file of modelVersionFiles) {
    const body = await deps.objects.getText('curated', version.artifact + file);
    if (body !== undefined) files[file] = body;
  }
  const source = `model ${version.name} version ${version.version}`;
  if (files[modelFileName] === undefined)
    throw new NotFoundError(`${source}: its ${modelFileName} is missing from ${version.artifact}`);
  if (version.digest !== undefined && filesDigest(files) !== version.digest)
    throw new ConflictError(`${source}: its files changed since it was registered`);
  return { files, model: modelOf(files, source) };
}

/**
 * Why the API could not get predictions from `model`, or would get wrong ones (empty when it can):
 * the API sends a patient's raw features of the current spec as `records`, so the model needs its
 * saved encoding of raw columns, each a column of the spec, read as the spec gives it: a categorical
 * column of the spec (sex, race, ethnicity, smoking) as categorical with levels among the values the
 * extraction gives it (extract.ts `categoricalValues`, `unknown` and the null flavours included;
 * another level would never be sent, and its patients would fall into the unknown level, silently),
 * any other as numeric (a number, or a 0/1 flag, which a categorical column of levels 0 and 1 also
 * reads).
 */
export function servingProblems(model: LoadedModel): string[] {
  const problems: string[] = [];
  // Predictions refuse such a model (shared/domain/predictions/patient-prediction.ts): every one
  // would be a configuration error.
  if (model.featureSpec !== undefined && model.featureSpec !== featureSpecVersion)
    problems.push(
      `it was trained on features of spec ${model.featureSpec}, and the API sends features of spec ${featureSpecVersion} (every prediction would be refused); retrain it on features of spec ${featureSpecVersion}`,
    );
  if (!model.encoding)
    return [
      ...problems,
      `it has no saved encoding of raw columns, and the API sends raw features (records); train it with caregraph train tabular`,
    ];
  const spec = new Set(rawFeatureColumns());
  const unknown = model.encoding.columns.map((c) => c.name).filter((c) => !spec.has(c));
  if (unknown.length)
    problems.push(
      `its columns ${unknown.slice(0, 8).join(', ')}${unknown.length > 8 ? ` (and ${unknown.length - 8} more)` : ''} are not raw features of spec ${featureSpecVersion}`,
    );
  for (const column of model.encoding.columns) {
    if (!spec.has(column.name)) continue;
    const values = categoricalValues[column.name];
    if (values) {
      if (column.type !== 'categorical') {
        problems.push(
          `its column ${column.name} is numeric, and the spec gives it as one of ${values.join(', ')}`,
        );
        continue;
      }
      const foreign = column.levels.filter((level) => !values.includes(level));
      if (foreign.length)
        problems.push(
          `its column ${column.name} has levels ${foreign.slice(0, 5).join(', ')} that the spec never gives (it gives ${values.join(', ')})`,
        );
    } else if (
      column.type === 'categorical' &&
      !column.levels.every((level) => level === '0' || level === '1')
    ) {
      problems.push(`its column ${column.name} is categorical, and the spec gives it as a number`);
    }
  }
  return problems;
}

/**
 * What promote lets through but the operator should know (empty when nothing): a model that records
 * no feature spec (trained before models recorded it, or on a CSV without one) is served, as the
 * predictions serve it, with a warning that nothing confirms it reads features as the spec writes them.
 */
export function servingWarnings(model: LoadedModel): string[] {
  return model.featureSpec === undefined
    ? [
        `model ${model.name} version ${model.version} records no feature spec: nothing confirms it was trained on features of spec ${featureSpecVersion} (its predictions carry the same warning)`,
      ]
    : [];
}

/**
 * How far the out-of-fold probabilities of a model with a declared outcome may be from the observed
 * rates before promote refuses it (a project choice). `expectedOverObserved`: calibration-in-the-large,
 * the mean probability over the observed event rate, within a factor of 1.25 either way (0.8-1.25):
 * class weights "balanced" multiply a rare outcome's probabilities many times over (16 times for an
 * outcome of 2.7% prevalence), while an unweighted fit's out-of-fold mean stays within a few percent
 * of the rate. `ece`: the expected calibration error over the card's ten bins (each bin's gap between
 * mean probability and observed rate, weighted by its rows) at most 0.1, ten percentage points:
 * beyond it the probabilities are wrong where they are high even when their mean is right.
 */
export const calibrationLimits = { expectedOverObserved: [0.8, 1.25], ece: 0.1 } as const;

const cardCalibrationSchema = z.object({
  metrics: z.object({
    calibration: z
      .array(
        z.object({
          count: z.number().int().nonnegative(),
          meanPredicted: z.number().min(0).max(1),
          observed: z.number().min(0).max(1),
        }),
      )
      .min(1),
  }),
});

/**
 * Why a model's probabilities must not be served as probabilities of its declared outcome, or
 * undefined: its card's out-of-fold calibration (`metrics.calibration`, the reliability diagram
 * `caregraph train tabular` and the training job write) outside `calibrationLimits`. Not checked:
 * a model that declares no outcome, or whose card has no calibration (not written by caregraph's
 * training); a calibration that cannot be read is a problem.
 */
export function calibrationProblem(model: LoadedModel, files: ModelFiles): string | undefined {
  if (!model.outcome) return undefined;
  const text = files[modelCardFileName];
  if (text === undefined) return undefined;
  const card = parseJsonFile(modelCardFileName, text) as { metrics?: { calibration?: unknown } };
  if (card?.metrics?.calibration === undefined) return undefined;
  const parsed = cardCalibrationSchema.safeParse(card);
  const summary = parsed.success ? calibrationSummary(parsed.data.metrics.calibration) : undefined;
  if (!summary)
    return `its card's metrics.calibration cannot be read as out-of-fold calibration bins`;
  const [low, high] = calibrationLimits.expectedOverObserved;
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : String(v));
  const wrong = [
    ...(summary.expectedOverObserved < low || summary.expectedOverObserved > high
      ? [
          `its mean out-of-fold probability ${f(summary.meanPredicted)} is ${f(summary.expectedOverObserved)} times the observed rate ${f(summary.observed)} (allowed ${low}-${high})`,
        ]
      : []),
    ...(summary.ece > calibrationLimits.ece
      ? [`its expected calibration error is ${f(summary.ece)} (at most ${calibrationLimits.ece})`]
      : []),
  ];
  return wrong.length
    ? `${wrong.join(', and ')}: its probabilities are not those of ${outcomeText(model.outcome)}; retrain with class weights "none" (the default) or recalibrate`
    : undefined;
}

const outcomeText = (outcome: ModelVersion['outcome']) =>
  outcome
    ? `"${outcome.definition}"${outcome.horizonDays ? ` over ${outcome.horizonDays} days` : ''}`
    : 'no declared outcome';

const sameOutcome = (a: ModelVersion['outcome'], b: ModelVersion['outcome']) =>
  a?.definition === b?.definition && a?.horizonDays === b?.horizonDays;

/** A reviewer approves a candidate: who, and optionally why. */
export async function approveVersion(
  deps: LifecycleDeps,
  name: string,
  version: string,
  review: { by: string; note?: string },
): Promise<ModelVersion> {
  if (!review.by.trim()) throw new ValidationError('the reviewer is required', 'by');
  return approveModel(deps, name, version, review);
}

/**
 * Install `files` at the endpoint and confirm that the endpoint now answers with `version`
 * (DependencyError otherwise: the registry is then left as it was, and says so).
 */
async function installAndConfirm(
  deps: LifecycleDeps,
  name: string,
  version: string,
  files: ModelFiles,
): Promise<void> {
  await deps.served.install(name, files);
  if (!deps.endpoint) return;
  const endpoint = deps.endpoint.nameOf(name);
  const described = await describeServedModel(
    { predictor: deps.endpoint.predictor, models: new Map([[name, endpoint]]) },
    name,
  ).catch((error: unknown) => {
    throw new DependencyError(
      `model ${name} version ${version} was installed, but endpoint ${endpoint} did not answer (${(error as Error).message.split('\n')[0]}); the registry is unchanged`,
      { cause: error },
    );
  });
  const answered = described.model.version;
  if (answered !== version)
    throw new DependencyError(
      `model ${name} version ${version} was installed, but endpoint ${endpoint} answers version ${String(answered)} ` +
        "(is it the endpoint's folder? see the model server's log); the registry is unchanged",
    );
}

/** Refuse a version the API could not feed, or one that changes what the endpoint's predictions are of. */
async function checkServable(
  deps: LifecycleDeps,
  name: string,
  version: string,
  model: LoadedModel,
  options: { allowOutcomeChange?: boolean },
): Promise<void> {
  const problems = servingProblems(model);
  if (problems.length)
    throw new ValidationError(
      `model ${name} version ${version} cannot serve the API's predictions: ${problems.join('; ')}`,
      'version',
    );
  // Against what the endpoint serves, registered or not (the demonstration model, a model written
  // there by caregraph train --out): that is what the clinician's predictions say now.
  const servedText = await deps.served.servedModelJson(name);
  if (servedText !== undefined && !options.allowOutcomeChange) {
    let served: LoadedModel;
    try {
      served = modelOf({ [modelFileName]: servedText }, `the model endpoint ${name} serves`);
    } catch (error) {
      throw new ConflictError(
        `${(error as Error).message.split('\n')[0]}: the outcome of model ${name} version ${version} cannot be compared with it; give --allow-outcome-change to replace it`,
        { cause: error },
      );
    }
    if (!sameOutcome(served.outcome, model.outcome))
      throw new ConflictError(
        `model ${name} version ${version} predicts ${outcomeText(model.outcome)}, the served version ${served.version} ` +
          `${outcomeText(served.outcome)}: every prediction would change meaning; give --allow-outcome-change if it should`,
      );
  }
}

/**
 * Run a promote or rollback as the model's one running operation (training/model-operations.ts):
 * refused while another runs; its end (done, or failed with the reason) is logged; an earlier one
 * found interrupted is returned with the result.
 */
async function asOperation(
  deps: LifecycleDeps,
  name: string,
  operation: { operation: OperationKind; version?: string; by?: string },
  run: (claim: ModelOperation) => Promise<Promotion>,
): Promise<Promotion> {
  const { operation: claim, interrupted } = await claimOperation(deps, name, operation);
  let result: Promotion;
  try {
    // Statuses a stopped operation left behind agree with the deployment log again before
    // anything is checked against them (training/registry.ts settleStatuses).
    const settled = await settleStatuses(deps, name, operation.by ? { by: operation.by } : {});
    result = await run(claim);
    if (settled.length) result = { ...result, settled };
  } catch (error) {
    // If even this write fails, the entry stays running and is reported as interrupted once its
    // lease ends: the error the operator needs is the operation's own.
    await endOperation(deps, claim, { error }).catch(() => undefined);
    throw error;
  }
  const common = { ...(interrupted ? { interrupted } : {}) };
  try {
    const ended = await endOperation(deps, claim, { version: result.version.version });
    return { ...result, ...common, operation: ended };
  } catch (error) {
    // The operation itself succeeded: say so, and that its log entry stays open until its lease ends.
    return {
      ...result,
      ...common,
      logNotEnded: `its log entry could not be ended (${(error as Error).message.split('\n')[0]}); other promotes and rollbacks of ${name} wait until its lease ends ${claim.leaseUntil}`,
    };
  }
}

/**
 * Serve an approved version: its files are installed at the endpoint, then the registry records
 * the deployment (a failure in between leaves the registry as it was; promoting again completes
 * it). Promoting the deployed version installs its files again (repairs the endpoint's copy). One
 * promote or rollback of a model runs at a time.
 */
export async function promoteVersion(
  deps: LifecycleDeps,
  name: string,
  version: string,
  options: { allowOutcomeChange?: boolean; by?: string } = {},
): Promise<Promotion> {
  await getModelVersion(deps, name, version); // NotFoundError before anything is logged
  return asOperation(
    deps,
    name,
    { operation: 'promote', version, ...(options.by ? { by: options.by } : {}) },
    async (claim) => {
      const target = await getModelVersion(deps, name, version);
      const { files, model } = await versionFiles(deps, target);
      const current = await deploymentOf(deps, name);
      if (current?.version === version) {
        // Repairs what a promote or rollback that stopped part way left at the endpoint (the
        // statuses were settled before).
        await installAndConfirm(deps, name, version, files);
        return { version: target, unchanged: true, ...previousOf(current) };
      }
      if (target.status !== 'approved')
        throw new ConflictError(
          `model ${name} version ${version} is ${target.status}; only an approved version can be deployed (caregraph models approve)`,
        );
      await checkServable(deps, name, version, model, options);
      const miscalibrated = calibrationProblem(model, files);
      if (miscalibrated)
        throw new ValidationError(
          `model ${name} version ${version} cannot be promoted: ${miscalibrated}`,
          'version',
        );
      await installAndConfirm(deps, name, version, files);
      await confirmClaim(deps, claim);
      const deployed = await promoteModel(deps, name, version, {
        ...(options.by ? { by: options.by } : {}),
        ...(options.allowOutcomeChange ? { outcomeChangeAllowed: true } : {}),
      });
      const warnings = servingWarnings(model);
      return {
        version: deployed,
        unchanged: false,
        ...(current ? { previous: current.version } : {}),
        ...(warnings.length ? { warnings } : {}),
      };
    },
  );
}

const previousOf = (current: { history: string[] }) => {
  const previous = current.history.at(-1);
  return previous === undefined ? {} : { previous };
};

/**
 * Serve the version deployed before the current one again; the current one is retired. The same
 * checks as promote: a version the API could not feed (the feature spec may have changed since it
 * served), or a change of declared outcome without `allowOutcomeChange`, is refused, and so is a
 * version retired by an earlier rollback. One promote or rollback of a model runs at a time.
 */
export async function rollbackVersion(
  deps: LifecycleDeps,
  name: string,
  options: { allowOutcomeChange?: boolean; by?: string } = {},
): Promise<Promotion> {
  // The version it goes back to, for its log entry (read again once claimed).
  const expected = (await deploymentOf(deps, name))?.history.at(-1);
  return asOperation(
    deps,
    name,
    {
      operation: 'rollback',
      ...(expected !== undefined ? { version: expected } : {}),
      ...(options.by ? { by: options.by } : {}),
    },
    async (claim) => {
      const current = await deploymentOf(deps, name);
      const previous = current?.history.at(-1);
      if (!current || previous === undefined)
        throw new ConflictError(`model ${name} has no earlier deployment to roll back to`);
      const target = await getModelVersion(deps, name, previous);
      if (target.status === 'retired')
        throw new ConflictError(
          `model ${name} version ${previous}, deployed before, was retired by an earlier rollback; promote an approved version instead`,
        );
      const { files, model } = await versionFiles(deps, target);
      await checkServable(deps, name, previous, model, options);
      await installAndConfirm(deps, name, previous, files);
      await confirmClaim(deps, claim);
      const restored = await rollbackModel(deps, name, {
        ...(options.by ? { by: options.by } : {}),
        ...(options.allowOutcomeChange ? { outcomeChangeAllowed: true } : {}),
      });
      const warnings = servingWarnings(model);
      return {
        version: restored,
        previous: current.version,
        unchanged: false,
        ...(warnings.length ? { warnings } : {}),
      };
    },
  );
}

/** Where a model stands: the registry's deployment, what the endpoint holds, and its last operation. */
export interface ModelStanding {
  /** The version the registry says is deployed. */
  deployed?: string;
  /** The version of the model.json the endpoint serves from ('unreadable' when it cannot be read). */
  served?: string;
  lastOperation?: ModelOperation & { interrupted: boolean };
  /** What an operator must settle (empty when the registry and the endpoint agree). */
  problems: string[];
}

/**
 * The registry against the endpoint: they disagree after a promote or rollback stopped between its
 * install and its registry write, or one that outlived its lease and installed after the one that
 * took over. Either way the fix is to promote the version that should serve.
 */
export async function modelStanding(deps: LifecycleDeps, name: string): Promise<ModelStanding> {
  const deployment = await deploymentOf(deps, name);
  const servedText = await deps.served.servedModelJson(name);
  let served: string | undefined;
  if (servedText !== undefined) {
    try {
      const version = (JSON.parse(servedText) as { version?: unknown }).version;
      served = typeof version === 'string' ? version : 'unreadable';
    } catch {
      served = 'unreadable';
    }
  }
  const now = deps.now();
  // Newest first, back to the last one that ended well: an interrupted operation stays reported
  // until one after it succeeds (a later one that failed does not settle what it left).
  const recent = await recentOperations(deps, name, 20);
  const last = recent[0];
  const lastOperation = last ? { ...last, interrupted: isInterrupted(last, now) } : undefined;
  const sinceDone = recent.slice(
    0,
    Math.max(
      0,
      recent.findIndex((op) => op.state === 'done'),
    ),
  );
  const unsettled = (recent.some((op) => op.state === 'done') ? sinceDone : recent).filter((op) =>
    isInterrupted(op, now),
  );
  const problems: string[] = [];
  if (deployment && served !== deployment.version)
    problems.push(
      `the endpoint serves ${served === undefined ? 'no model' : served === 'unreadable' ? 'a model.json that cannot be read' : `version ${served}`}, and the registry says version ${deployment.version} is deployed; promote the version that should serve to settle it`,
    );
  if (!deployment && served !== undefined && served !== 'unreadable') {
    const registered = await getModelVersion(deps, name, served).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (registered)
      problems.push(
        `the endpoint serves version ${served}, which is registered but not recorded as deployed; promote it to record it`,
      );
  }
  const disagreements = await statusDisagreements(deps, name);
  if (disagreements.length)
    problems.push(
      `statuses disagree with the deployment record (${disagreements.map((d) => `${d.version} says ${d.status}, should be ${d.should}`).join('; ')}): a promote or rollback stopped part way; the next promote or rollback settles them (promote version ${deployment!.version} again to settle them alone)`,
    );
  for (const op of unsettled)
    problems.push(
      `the ${operationText(op)} never ended (its lease ran out ${op.leaseUntil}); what it installed may not be what the registry shows`,
    );
  return {
    ...(deployment ? { deployed: deployment.version } : {}),
    ...(served !== undefined ? { served } : {}),
    ...(lastOperation ? { lastOperation } : {}),
    problems,
  };
}
