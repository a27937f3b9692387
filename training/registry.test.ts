import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../shared/domain/errors';
import type { Item, QueryInput, QueryPage, Table } from '../shared/ports/table';
import {
  approveModel,
  deployedModel,
  deploymentOf,
  getModelVersion,
  listModelVersions,
  promoteModel,
  registerModel,
  rollbackModel,
  settleStatuses,
  statusDisagreements,
  type RegistryDeps,
} from './registry';

/** An in-memory Table: items by pk/sk, queries in sort-key order, two items per page. */
class MemoryTable implements Table {
  readonly items = new Map<string, Item>();
  private key = (pk: string, sk: string) => `${pk}\u0000${sk}`;
  async get(pk: string, sk: string) {
    const item = this.items.get(this.key(pk, sk));
    return item ? structuredClone(item) : undefined;
  }
  async put(item: Item) {
    this.items.set(this.key(String(item.pk), String(item.sk)), structuredClone(item));
  }
  async putIfAbsent(item: Item) {
    if (this.items.has(this.key(String(item.pk), String(item.sk)))) return false;
    await this.put(item);
    return true;
  }
  async putMany(items: Item[]) {
    for (const item of items) await this.put(item);
  }
  async query(input: QueryInput): Promise<QueryPage> {
    const all = [...this.items.values()]
      .filter((i) => i.pk === input.partition && String(i.sk).startsWith(input.sortPrefix ?? ''))
      .sort((a, b) => (String(a.sk) < String(b.sk) ? -1 : 1));
    if (input.descending) all.reverse();
    // Two items a page unless asked for fewer, so that listing has to follow cursors.
    const size = Math.min(input.limit ?? 2, 2);
    const start = input.cursor ? Number(input.cursor) : 0;
    const items = all.slice(start, start + size);
    return start + size < all.length ? { items, cursor: String(start + size) } : { items };
  }
}

function registry(): RegistryDeps {
  let tick = 0;
  return { table: new MemoryTable(), now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)) };
}

const version = (v: string) => ({
  name: 'cvd-risk',
  version: v,
  kind: 'logistic-regression',
  metrics: { auroc: 0.8 },
  artifact: `s3://models/cvd-risk/${v}/`,
});

describe('Model registry', () => {
  it('registers a version as a candidate and refuses the same version twice', async () => {
    // Prepare
    const deps = registry();
    // Act
    const record = await registerModel(deps, version('1'));
    // Assess
    expect(record).toMatchObject({ status: 'candidate', registeredAt: '2026-01-01T00:00:00.000Z' });
    await expect(registerModel(deps, version('1'))).rejects.toThrow(ConflictError);
  });

  it('lists every version across pages', async () => {
    // Prepare
    const deps = registry();
    for (const v of ['1', '2', '3', '4', '5']) await registerModel(deps, version(v));
    // Act
    const versions = await listModelVersions(deps, 'cvd-risk');
    // Assess
    expect(versions.map((v) => v.version)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('deploys only approved versions', async () => {
    // Prepare
    const deps = registry();
    await registerModel(deps, version('1'));
    // Act / Assess
    await expect(promoteModel(deps, 'cvd-risk', '1')).rejects.toThrow(
      'only an approved version can be deployed',
    );
    await approveModel(deps, 'cvd-risk', '1');
    const deployed = await promoteModel(deps, 'cvd-risk', '1');
    expect(deployed.status).toBe('deployed');
    expect((await deployedModel(deps, 'cvd-risk'))?.version).toBe('1');
  });

  it('promotes a new version over the old one and rolls back to it, retiring the newer', async () => {
    // Prepare
    const deps = registry();
    for (const v of ['1', '2']) {
      await registerModel(deps, version(v));
      await approveModel(deps, 'cvd-risk', v);
      await promoteModel(deps, 'cvd-risk', v);
    }
    expect((await getModelVersion(deps, 'cvd-risk', '1')).status).toBe('approved');
    // Act
    const restored = await rollbackModel(deps, 'cvd-risk');
    // Assess
    expect(restored).toMatchObject({ version: '1', status: 'deployed' });
    expect((await getModelVersion(deps, 'cvd-risk', '2')).status).toBe('retired');
    expect((await deployedModel(deps, 'cvd-risk'))?.version).toBe('1');
    await expect(rollbackModel(deps, 'cvd-risk')).rejects.toThrow('no earlier deployment');
  });

  it('commits a promote or rollback with its deployment entry: of two from one revision, one', async () => {
    // Arrange: 1 deployed; 2 and 3 approved
    const deps = registry();
    for (const v of ['1', '2', '3']) {
      await registerModel(deps, version(v));
      await approveModel(deps, 'cvd-risk', v);
    }
    await promoteModel(deps, 'cvd-risk', '1');
    // Act: two promotions read the same deployment (revision 1) before either commits
    const results = await Promise.allSettled([
      promoteModel(deps, 'cvd-risk', '2'),
      promoteModel(deps, 'cvd-risk', '3'),
    ]);
    // Assess
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason.message)).toMatch(
      /model cvd-risk: another promote or rollback changed its deployment first \(revision 2\); nothing was recorded/,
    );
    const winner = (await deployedModel(deps, 'cvd-risk'))!.version;
    const loser = winner === '2' ? '3' : '2';
    expect((await getModelVersion(deps, 'cvd-risk', loser)).status).toBe('approved');
    expect(await statusDisagreements(deps, 'cvd-risk')).toEqual([]);
    expect(await deploymentOf(deps, 'cvd-risk')).toMatchObject({
      version: winner,
      history: ['1'],
      revision: 2,
      change: { kind: 'promote', version: winner },
    });
  });

  it('reads a deployment written before the log as revision 0', async () => {
    const deps = registry();
    for (const v of ['1', '2']) {
      await registerModel(deps, version(v));
      await approveModel(deps, 'cvd-risk', v);
    }
    await deps.table.put({ pk: 'MODEL#cvd-risk', sk: 'DEPLOYMENT', version: '1', history: [] });
    expect(await deploymentOf(deps, 'cvd-risk')).toEqual({
      version: '1',
      history: [],
      revision: 0,
    });
    await promoteModel(deps, 'cvd-risk', '2');
    expect(await deploymentOf(deps, 'cvd-risk')).toMatchObject({
      version: '2',
      history: ['1'],
      revision: 1,
    });
  });

  it('settles statuses left by a promote or rollback that stopped after its commit', async () => {
    // Arrange: 1 deployed, then 2's promotion stops after its commit and one status write
    const deps = registry();
    for (const v of ['1', '2']) {
      await registerModel(deps, version(v));
      await approveModel(deps, 'cvd-risk', v);
    }
    await promoteModel(deps, 'cvd-risk', '1');
    expect(await statusDisagreements(deps, 'cvd-risk')).toEqual([]);
    const table = deps.table;
    let writes = 0;
    const stopsAfter = (n: number): RegistryDeps => ({
      ...deps,
      table: Object.assign(Object.create(table) as Table, {
        // The commit (a conditional put) goes through; plain puts after the n-th fail.
        putIfAbsent: (item: Item) => table.putIfAbsent(item),
        put: async (item: Item) => {
          if (++writes > n) throw new Error('process killed');
          return table.put(item);
        },
      }),
    });
    await expect(promoteModel(stopsAfter(0), 'cvd-risk', '2')).rejects.toThrow('process killed');
    // Act, Assess: 2 is the deployment (committed), not yet marked so; 1 still says deployed
    expect(await statusDisagreements(deps, 'cvd-risk')).toEqual([
      { version: '1', status: 'deployed', should: 'approved' },
      { version: '2', status: 'approved', should: 'deployed' },
    ]);
    expect(await settleStatuses(deps, 'cvd-risk', { by: 'Ops A' })).toHaveLength(2);
    expect(await getModelVersion(deps, 'cvd-risk', '2')).toMatchObject({
      status: 'deployed',
      deployedBy: 'Ops A',
    });
    expect((await getModelVersion(deps, 'cvd-risk', '1')).status).toBe('approved');
    // A rollback that stops after its commit: 2 should be retired, not approved.
    writes = 0;
    await expect(rollbackModel(stopsAfter(0), 'cvd-risk')).rejects.toThrow('process killed');
    expect(await statusDisagreements(deps, 'cvd-risk')).toEqual([
      { version: '1', status: 'approved', should: 'deployed' },
      { version: '2', status: 'deployed', should: 'retired' },
    ]);
    await settleStatuses(deps, 'cvd-risk');
    expect((await getModelVersion(deps, 'cvd-risk', '2')).status).toBe('retired');
    expect((await getModelVersion(deps, 'cvd-risk', '1')).status).toBe('deployed');
    expect(await statusDisagreements(deps, 'cvd-risk')).toEqual([]);
  });

  it('reports an unknown version as not found', async () => {
    await expect(approveModel(registry(), 'cvd-risk', '9')).rejects.toThrow(NotFoundError);
  });
});
