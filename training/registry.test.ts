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

  it('reports an unknown version as not found', async () => {
    await expect(approveModel(registry(), 'cvd-risk', '9')).rejects.toThrow(NotFoundError);
  });
});
