// Use case (training): one deployment operation at a time per model, and a log of them. Promote and
// rollback install files at the endpoint and then write the registry; two of them at once would
// leave the endpoint serving one version while the registry says another. Each operation first
// claims the next entry of the model's operation log (pk `MODEL#{name}`, sk `OP#{seq}`, written
// with putIfAbsent, as DynamoDB's conditional put: of two claims of one entry exactly one wins), and
// marks it done or failed when it ends. A claim is refused while the latest operation is running and
// its lease has not expired; an operation whose lease expired without an end (its process died,
// say between the install and the registry write) is reported as interrupted to the next one and
// to `caregraph models list`, so nobody trusts the registry blindly after it. Same pattern as the
// reminders' delivery claims (shared/domain/reminders/delivery-keys.ts).
import { ConflictError } from '../shared/domain/errors';
import type { Item } from '../shared/ports/table';
import { modelPartition, type RegistryDeps } from './registry';

export type OperationKind = 'promote' | 'rollback';
export type OperationState = 'running' | 'done' | 'failed';

export interface ModelOperation {
  name: string;
  /** Position in the model's log, from 1. */
  seq: number;
  operation: OperationKind;
  /** The version installed (for a rollback, the one rolled back to, once known). */
  version?: string;
  by?: string;
  state: OperationState;
  startedAt: string;
  /** Until then no other operation may start while this one is running. */
  leaseUntil: string;
  endedAt?: string;
  /** Why it failed (the error's first line). */
  error?: string;
  /** The earlier operation this one found running with its lease expired. */
  tookOverFrom?: number;
}

/** How long an operation may run before another may take over (local installs take seconds). */
export const operationLeaseMs = 10 * 60_000;

const opPrefix = 'OP#';
const opSk = (seq: number) => `${opPrefix}${String(seq).padStart(10, '0')}`;

function toOperation(item: Item): ModelOperation {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as ModelOperation;
}

/** The latest operations of a model, newest first (at most `limit`). */
export async function recentOperations(
  deps: RegistryDeps,
  name: string,
  limit = 1,
): Promise<ModelOperation[]> {
  const page = await deps.table.query({
    partition: modelPartition(name),
    sortPrefix: opPrefix,
    descending: true,
    limit,
  });
  return page.items.map(toOperation);
}

/** Running past its lease: its process stopped without saying how it ended. */
export function isInterrupted(op: ModelOperation, now: Date): boolean {
  return op.state === 'running' && Date.parse(op.leaseUntil) <= now.getTime();
}

export const operationText = (op: ModelOperation) =>
  `${op.operation}${op.version ? ` of version ${op.version}` : ''}${op.by ? ` by ${op.by}` : ''} started ${op.startedAt}`;

export interface Claim {
  operation: ModelOperation;
  /** The operation before it, when it was interrupted (running, its lease expired). */
  interrupted?: ModelOperation;
}

/**
 * Claim the model's next log entry for `operation`. ConflictError while another operation is
 * running within its lease, or when another claim took the entry first.
 */
export async function claimOperation(
  deps: RegistryDeps,
  name: string,
  operation: { operation: OperationKind; version?: string; by?: string },
  leaseMs = operationLeaseMs,
): Promise<Claim> {
  const now = deps.now();
  const [latest] = await recentOperations(deps, name);
  if (latest?.state === 'running' && !isInterrupted(latest, now))
    throw new ConflictError(
      `model ${name}: ${operationText(latest)} is still running; try again when it ends (its lease ends ${latest.leaseUntil})`,
    );
  const interrupted = latest && isInterrupted(latest, now) ? latest : undefined;
  const claimed: ModelOperation = {
    name,
    seq: (latest?.seq ?? 0) + 1,
    ...operation,
    state: 'running',
    startedAt: now.toISOString(),
    leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    ...(interrupted ? { tookOverFrom: interrupted.seq } : {}),
  };
  const item: Item = { pk: modelPartition(name), sk: opSk(claimed.seq), ...claimed };
  if (!(await deps.table.putIfAbsent(item))) {
    const winner = await deps.table.get(modelPartition(name), opSk(claimed.seq));
    throw new ConflictError(
      `model ${name}: ${winner ? operationText(toOperation(winner)) : 'another promote or rollback started'} at the same moment; try again when it ends`,
    );
  }
  return { operation: claimed, ...(interrupted ? { interrupted } : {}) };
}

/** Lease an operation must have left to write the registry: its writes take milliseconds. */
export const commitMarginMs = 60_000;

/**
 * Before the registry is written: the claim must still be the latest entry, with at least
 * `commitMarginMs` of its lease left (an operation that outlived its lease may have been taken
 * over, and must not write over the other; the registry's commit is also conditional, see
 * training/registry.ts).
 */
export async function confirmClaim(deps: RegistryDeps, claim: ModelOperation): Promise<void> {
  const [latest] = await recentOperations(deps, claim.name);
  const left = Date.parse(claim.leaseUntil) - deps.now().getTime();
  const after =
    '; the registry is unchanged, though the endpoint may serve what this one installed: see caregraph models list';
  if (latest && latest.seq !== claim.seq)
    throw new ConflictError(
      `model ${claim.name}: ${operationText(latest)} took over from this ${claim.operation}, whose lease (${claim.leaseUntil}) had run out${after}`,
    );
  if (left < commitMarginMs)
    throw new ConflictError(
      `model ${claim.name}: this ${claim.operation} is ${left > 0 ? 'within a minute of the end of' : 'past'} its lease (${claim.leaseUntil}), too late to write the registry${after}`,
    );
}

/** Record how the claimed operation ended (only its claimant writes its entry). */
export async function endOperation(
  deps: RegistryDeps,
  claim: ModelOperation,
  outcome: { version?: string; error?: unknown },
): Promise<ModelOperation> {
  const ended: ModelOperation = {
    ...claim,
    ...(outcome.version ? { version: outcome.version } : {}),
    state: outcome.error === undefined ? 'done' : 'failed',
    endedAt: deps.now().toISOString(),
    ...(outcome.error === undefined
      ? {}
      : { error: String((outcome.error as Error)?.message ?? outcome.error).split('\n')[0] }),
  };
  await deps.table.put({ pk: modelPartition(claim.name), sk: opSk(claim.seq), ...ended });
  return ended;
}
