import { describe, expect, it } from 'vitest';
import { ConflictError } from '../shared/domain/errors';
import { InMemoryTable } from '../shared/domain/monitoring/in-memory-table.fixture';
import {
  claimOperation,
  confirmClaim,
  endOperation,
  isInterrupted,
  operationLeaseMs,
  recentOperations,
} from './model-operations';
import type { RegistryDeps } from './registry';

/** A registry over an in-memory table whose clock the test moves. */
function registry(): RegistryDeps & { at: (iso: string) => void } {
  let now = new Date('2026-12-05T12:00:00Z');
  return {
    table: new InMemoryTable(),
    now: () => now,
    at: (iso) => {
      now = new Date(iso);
    },
  };
}

describe('Model operations: one promote or rollback per model at a time', () => {
  it('refuses a second operation while the first runs, and numbers them in a log', async () => {
    // Arrange
    const deps = registry();
    const first = await claimOperation(deps, 'cvd', {
      operation: 'promote',
      version: '1.0.0',
      by: 'Ops A',
    });
    // Act, Assess
    expect(first.operation).toMatchObject({
      seq: 1,
      state: 'running',
      leaseUntil: '2026-12-05T12:10:00.000Z',
    });
    await expect(
      claimOperation(deps, 'cvd', { operation: 'rollback', by: 'Ops B' }),
    ).rejects.toThrow(
      /model cvd: promote of version 1.0.0 by Ops A started 2026-12-05T12:00:00.000Z is still running; try again when it ends \(its lease ends 2026-12-05T12:10:00.000Z\)/,
    );
    // Another model is not held up.
    expect(
      (await claimOperation(deps, 'other', { operation: 'promote', version: '2.0.0' })).operation
        .seq,
    ).toBe(1);
    deps.at('2026-12-05T12:00:05Z');
    await endOperation(deps, first.operation, {});
    const second = await claimOperation(deps, 'cvd', { operation: 'rollback', by: 'Ops B' });
    expect(second).toEqual({ operation: expect.objectContaining({ seq: 2 }) });
    await endOperation(deps, second.operation, { error: new Error('endpoint down\nstack trace') });
    const log = await recentOperations(deps, 'cvd', 5);
    expect(log.map((op) => [op.seq, op.operation, op.state, op.error])).toEqual([
      [2, 'rollback', 'failed', 'endpoint down'],
      [1, 'promote', 'done', undefined],
    ]);
    expect(log[1]!.endedAt).toBe('2026-12-05T12:00:05.000Z');
  });

  it('lets an operation write the registry only with a minute of its lease left', async () => {
    const deps = registry();
    const { operation } = await claimOperation(deps, 'cvd', { operation: 'rollback', by: 'Ops A' });
    deps.at('2026-12-05T12:08:59Z');
    await confirmClaim(deps, operation);
    deps.at('2026-12-05T12:09:30Z');
    await expect(confirmClaim(deps, operation)).rejects.toThrow(
      /model cvd: this rollback is within a minute of the end of its lease \(2026-12-05T12:10:00.000Z\), too late to write the registry/,
    );
    deps.at('2026-12-05T12:10:30Z');
    await expect(confirmClaim(deps, operation)).rejects.toThrow(/this rollback is past its lease/);
  });

  it('lets exactly one of two claims made at the same moment through', async () => {
    const deps = registry();
    const results = await Promise.allSettled([
      claimOperation(deps, 'cvd', { operation: 'promote', version: '1.0.0' }),
      claimOperation(deps, 'cvd', { operation: 'promote', version: '1.1.0' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(String(refused.reason.message)).toMatch(
      /^model cvd: promote of version 1.(0|1).0 started 2026-12-05T12:00:00.000Z at the same moment; try again when it ends$/,
    );
    expect(await recentOperations(deps, 'cvd', 5)).toHaveLength(1);
  });

  it('reports an operation that outlived its lease as interrupted, and fences it off once taken over', async () => {
    // Arrange: an operation whose process stopped (it never ends)
    const deps = registry();
    const stalled = await claimOperation(deps, 'cvd', {
      operation: 'promote',
      version: '1.0.0',
      by: 'Ops A',
    });
    await confirmClaim(deps, stalled.operation); // its own, within its lease: no error
    deps.at(new Date(Date.parse('2026-12-05T12:00:00Z') + operationLeaseMs).toISOString());
    const [latest] = await recentOperations(deps, 'cvd');
    expect(isInterrupted(latest!, deps.now())).toBe(true);
    // Act
    const next = await claimOperation(deps, 'cvd', {
      operation: 'promote',
      version: '1.1.0',
      by: 'Ops B',
    });
    // Assess
    expect(next.interrupted).toMatchObject({ seq: 1, version: '1.0.0', by: 'Ops A' });
    expect(next.operation).toMatchObject({ seq: 2, tookOverFrom: 1 });
    await expect(confirmClaim(deps, stalled.operation)).rejects.toThrow(
      /model cvd: promote of version 1.1.0 by Ops B started \S+ took over from this promote, whose lease \(2026-12-05T12:10:00.000Z\) had run out; the registry is unchanged/,
    );
    await confirmClaim(deps, next.operation);
  });
});
