// Use case (training): the model registry — every trained version with its metrics and artifact,
// a status (candidate -> approved -> deployed; retired after a rollback), promotion and rollback —
// over the Table port (DynamoDB in AWS, dynalite locally). Items: pk `MODEL#{name}`, sk
// `VERSION#{version}` per version, and the deployment log, sk `DEPLOYMENT#{revision}`: each entry
// names the deployed version, the versions deployed before it (newest last, so rollback is one
// step back) and the change that made it. A promote or rollback writes the next entry first, with
// putIfAbsent (DynamoDB's conditional put): that write is the commit point, and of two changes
// made from the same revision only one commits. The versions' statuses are written after it, and
// settleStatuses makes them agree with the latest entry again if a process stopped in between.
// Registries written before the log kept one `DEPLOYMENT` item; it is read as revision 0.
import { ConflictError, NotFoundError, ValidationError } from '../shared/domain/errors';
import type { Item, Table } from '../shared/ports/table';

export type ModelStatus = 'candidate' | 'approved' | 'deployed' | 'retired';

export interface ModelVersion {
  name: string;
  version: string;
  status: ModelStatus;
  kind: string;
  /** Cross-validated metrics (auroc, auprc, brier, accuracy...). */
  metrics: Record<string, number>;
  /** Where the model's files are: a curated-bucket key prefix (training/model-lifecycle.ts). */
  artifact: string;
  registeredAt: string;
  /** SHA-256 of the registered files (filesDigest): the same name and version, the same files. */
  digest?: string;
  /** What the model's probability is of (model.json `outcome`), when it declares it. */
  outcome?: { definition: string; horizonDays?: number };
  approvedAt?: string;
  /** Who approved it, and why (free text from the reviewer). */
  approvedBy?: string;
  approvalNote?: string;
  deployedAt?: string;
  /** Who deployed it (promote or rollback) the last time, when they said. */
  deployedBy?: string;
  /** Set when it was deployed over a model declaring another outcome, with the operator's leave. */
  outcomeChangeAllowed?: boolean;
}

/** Who deploys, and on what terms (recorded on the deployed version). */
export interface DeployedBy {
  by?: string;
  outcomeChangeAllowed?: boolean;
}

export interface RegistryDeps {
  table: Table;
  now: () => Date;
}

/** What made a deployment entry: a promote of `version`, or a rollback away from `from`. */
export type DeploymentChange =
  { kind: 'promote'; version: string } | { kind: 'rollback'; from: string };

export interface Deployment {
  version: string;
  history: string[];
  /** Position in the deployment log (0: a registry from before the log). */
  revision: number;
  change?: DeploymentChange;
}

/** The partition of a model's items (its versions, its deployment log, its operation log). */
export const modelPartition = (name: string) => `MODEL#${name}`;
const pk = modelPartition;
const versionSk = (version: string) => `VERSION#${version}`;
const legacyDeploymentSk = 'DEPLOYMENT';
const deploymentPrefix = 'DEPLOYMENT#';
const deploymentSk = (revision: number) =>
  `${deploymentPrefix}${String(revision).padStart(10, '0')}`;

function toVersion(item: Item): ModelVersion {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as ModelVersion;
}

function toItem(v: ModelVersion): Item {
  return { pk: pk(v.name), sk: versionSk(v.version), ...v };
}

/** Record a newly trained version as a candidate. Throws ConflictError if it exists. */
export async function registerModel(
  deps: RegistryDeps,
  input: Pick<ModelVersion, 'name' | 'version' | 'kind' | 'metrics' | 'artifact'> &
    Partial<Pick<ModelVersion, 'digest' | 'outcome'>>,
): Promise<ModelVersion> {
  if (!input.name || !input.version)
    throw new ValidationError('name and version are required', 'version');
  const record: ModelVersion = {
    ...input,
    status: 'candidate',
    registeredAt: deps.now().toISOString(),
  };
  if (!(await deps.table.putIfAbsent(toItem(record)))) {
    throw new ConflictError(`model ${input.name} version ${input.version} is already registered`);
  }
  return record;
}

/** One version; NotFoundError when absent. */
export async function getModelVersion(
  deps: RegistryDeps,
  name: string,
  version: string,
): Promise<ModelVersion> {
  const item = await deps.table.get(pk(name), versionSk(version));
  if (!item) throw new NotFoundError(`model ${name} has no version ${version}`);
  return toVersion(item);
}

/** Every version of a model, in version-key order. */
export async function listModelVersions(deps: RegistryDeps, name: string): Promise<ModelVersion[]> {
  const versions: ModelVersion[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.table.query({ partition: pk(name), sortPrefix: 'VERSION#', cursor });
    versions.push(...page.items.map(toVersion));
    cursor = page.cursor;
  } while (cursor);
  return versions;
}

/** A reviewer approves a candidate for deployment, optionally saying who and why. */
export async function approveModel(
  deps: RegistryDeps,
  name: string,
  version: string,
  review: { by?: string; note?: string } = {},
): Promise<ModelVersion> {
  const current = await getModelVersion(deps, name, version);
  if (current.status !== 'candidate') {
    throw new ConflictError(
      `model ${name} version ${version} is ${current.status}; only a candidate can be approved`,
    );
  }
  const approved: ModelVersion = {
    ...current,
    status: 'approved',
    approvedAt: deps.now().toISOString(),
    ...(review.by ? { approvedBy: review.by } : {}),
    ...(review.note ? { approvalNote: review.note } : {}),
  };
  await deps.table.put(toItem(approved));
  return approved;
}

/** The deployed version and the versions deployed before it (newest last); undefined if none. */
export async function deploymentOf(
  deps: RegistryDeps,
  name: string,
): Promise<Deployment | undefined> {
  return deployment(deps, name);
}

async function deployment(deps: RegistryDeps, name: string): Promise<Deployment | undefined> {
  const page = await deps.table.query({
    partition: pk(name),
    sortPrefix: deploymentPrefix,
    descending: true,
    limit: 1,
  });
  const item = page.items[0] ?? (await deps.table.get(pk(name), legacyDeploymentSk));
  if (!item) return undefined;
  return {
    version: String(item.version),
    history: (item.history as string[]) ?? [],
    revision: typeof item.revision === 'number' ? item.revision : 0,
    ...(item.change ? { change: item.change as DeploymentChange } : {}),
  };
}

/**
 * Write the deployment log's next entry after `base`: the commit point of a promote or rollback.
 * ConflictError when another change committed from the same revision first (nothing is written).
 */
async function commitDeployment(
  deps: RegistryDeps,
  name: string,
  base: Deployment | undefined,
  next: { version: string; history: string[]; change: DeploymentChange },
): Promise<void> {
  const revision = (base?.revision ?? 0) + 1;
  const written = await deps.table.putIfAbsent({
    pk: pk(name),
    sk: deploymentSk(revision),
    revision,
    ...next,
    at: deps.now().toISOString(),
  });
  if (!written)
    throw new ConflictError(
      `model ${name}: another promote or rollback changed its deployment first (revision ${revision}); nothing was recorded; see caregraph models list`,
    );
}

/** The deployed version, if any. */
export async function deployedModel(
  deps: RegistryDeps,
  name: string,
): Promise<ModelVersion | undefined> {
  const current = await deployment(deps, name);
  return current ? getModelVersion(deps, name, current.version) : undefined;
}

async function setStatus(
  deps: RegistryDeps,
  v: ModelVersion,
  status: ModelStatus,
  deployed: DeployedBy = {},
): Promise<ModelVersion> {
  const { deployedBy: _by, outcomeChangeAllowed: _allowed, ...rest } = v;
  const next: ModelVersion = {
    ...(status === 'deployed' ? rest : v),
    status,
    ...(status === 'deployed' ? { deployedAt: deps.now().toISOString() } : {}),
    ...(status === 'deployed' && deployed.by ? { deployedBy: deployed.by } : {}),
    ...(status === 'deployed' && deployed.outcomeChangeAllowed
      ? { outcomeChangeAllowed: true }
      : {}),
  };
  await deps.table.put(toItem(next));
  return next;
}

/**
 * Deploy an approved version; the one deployed before goes back to approved and onto the history.
 * The deployment entry is written first (the commit point), then the statuses.
 */
export async function promoteModel(
  deps: RegistryDeps,
  name: string,
  version: string,
  deployed: DeployedBy = {},
): Promise<ModelVersion> {
  const target = await getModelVersion(deps, name, version);
  if (target.status !== 'approved') {
    throw new ConflictError(
      `model ${name} version ${version} is ${target.status}; only an approved version can be deployed`,
    );
  }
  const current = await deployment(deps, name);
  const history = current ? [...current.history, current.version] : [];
  await commitDeployment(deps, name, current, {
    version,
    history,
    change: { kind: 'promote', version },
  });
  if (current)
    await setStatus(deps, await getModelVersion(deps, name, current.version), 'approved');
  return setStatus(deps, target, 'deployed', deployed);
}

/** Go back to the previously deployed version; the current one is retired. */
export async function rollbackModel(
  deps: RegistryDeps,
  name: string,
  deployed: DeployedBy = {},
): Promise<ModelVersion> {
  const current = await deployment(deps, name);
  const previous = current?.history.at(-1);
  if (!current || previous === undefined) {
    throw new ConflictError(`model ${name} has no earlier deployment to roll back to`);
  }
  await commitDeployment(deps, name, current, {
    version: previous,
    history: current.history.slice(0, -1),
    change: { kind: 'rollback', from: current.version },
  });
  await setStatus(deps, await getModelVersion(deps, name, current.version), 'retired');
  return setStatus(deps, await getModelVersion(deps, name, previous), 'deployed', deployed);
}

/** A version whose status disagrees with the deployment record (empty when they agree). */
export interface StatusDisagreement {
  version: string;
  status: ModelStatus;
  /** What the deployment record makes it. */
  should: ModelStatus;
}

/**
 * Where the versions' statuses disagree with the deployment log's latest entry, which promote and
 * rollback write first: a process that stopped after it left the new version not yet marked
 * deployed, the one before still marked deployed (it should be approved after a promote, retired
 * after a rollback away from it).
 */
export async function statusDisagreements(
  deps: RegistryDeps,
  name: string,
): Promise<StatusDisagreement[]> {
  const current = await deployment(deps, name);
  if (!current) return [];
  const found: StatusDisagreement[] = [];
  for (const v of await listModelVersions(deps, name)) {
    if (v.version === current.version && v.status !== 'deployed')
      found.push({ version: v.version, status: v.status, should: 'deployed' });
    else if (v.version !== current.version && v.status === 'deployed')
      found.push({
        version: v.version,
        status: v.status,
        should:
          current.change?.kind === 'rollback' && current.change.from === v.version
            ? 'retired'
            : 'approved',
      });
  }
  return found;
}

/** Make the statuses agree with the deployment record again; returns what it changed. */
export async function settleStatuses(
  deps: RegistryDeps,
  name: string,
  deployed: DeployedBy = {},
): Promise<StatusDisagreement[]> {
  const found = await statusDisagreements(deps, name);
  for (const d of found)
    await setStatus(deps, await getModelVersion(deps, name, d.version), d.should, deployed);
  return found;
}
