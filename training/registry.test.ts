import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../shared/domain/errors';
import type { Item, QueryInput, QueryPage, Table } from '../shared/ports/table';
import {
  approveModel,
  deployedModel,
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
    const start = input.cursor ? Number(input.cursor) : 0;
    const items = all.slice(start, start + 2);
    return start + 2 < all.length ? { items, cursor: String(start + 2) } : { items };
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

  it('settles statuses left by a promote or rollback that stopped part way', async () => {
    // Arrange: 1 deployed, then 2's promotion stops after its first write (1 set back to approved)
    const deps = registry();
    for (const v of ['1', '2']) {
      await registerModel(deps, version(v));
      await approveModel(deps, 'cvd-risk', v);
    }
    await promoteModel(deps, 'cvd-risk', '1');
    expect(await statusDisagreements(deps, 'cvd-risk')).toEqual([]);
    const table = deps.table;
    let writes = 0;
    const stops: RegistryDeps = {
      ...deps,
      table: Object.assign(Object.create(table) as Table, {
        put: async (item: Item) => {
          if (++writes > 1) throw new Error('process killed');
          return table.put(item);
        },
      }),
    };
    await expect(promoteModel(stops, 'cvd-risk', '2')).rejects.toThrow('process killed');
    // Act, Assess: 1 is still the deployment, though no longer marked so
    expect(await statusDisagreements(deps, 'cvd-risk')).toEqual([
      { version: '1', status: 'approved', should: 'deployed' },
    ]);
    expect(await settleStatuses(deps, 'cvd-risk', { by: 'Ops A' })).toHaveLength(1);
    expect(await getModelVersion(deps, 'cvd-risk', '1')).toMatchObject({
      status: 'deployed',
      deployedBy: 'Ops A',
    });
    // A promotion that stops after its deployment write: 2 is deployed but not marked so.
    writes = 0;
    const later: RegistryDeps = {
      ...stops,
      table: Object.assign(Object.create(table) as Table, {
        put: async (item: Item) => {
          if (++writes > 2) throw new Error('process killed');
          return table.put(item);
        },
      }),
    };
    await expect(promoteModel(later, 'cvd-risk', '2')).rejects.toThrow('process killed');
    expect(await statusDisagreements(deps, 'cvd-risk')).toEqual([
      { version: '2', status: 'approved', should: 'deployed' },
    ]);
    await settleStatuses(deps, 'cvd-risk');
    expect((await getModelVersion(deps, 'cvd-risk', '2')).status).toBe('deployed');
    expect((await getModelVersion(deps, 'cvd-risk', '1')).status).toBe('approved');
    expect(await statusDisagreements(deps, 'cvd-risk')).toEqual([]);
    // A version marked deployed that the deployment record does not name (written by hand, say).
    await table.put({ ...(await table.get('MODEL#cvd-risk', 'VERSION#1')), status: 'deployed' });
    expect(await settleStatuses(deps, 'cvd-risk')).toEqual([
      { version: '1', status: 'deployed', should: 'approved' },
    ]);
    expect((await getModelVersion(deps, 'cvd-risk', '1')).status).toBe('approved');
  });

  it('reports an unknown version as not found', async () => {
    await expect(approveModel(registry(), 'cvd-risk', '9')).rejects.toThrow(NotFoundError);
  });
});
