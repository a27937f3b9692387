// Tests (deid): the re-identification map: sealed entries, idempotent batched writes, one data key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKeyRing } from '../../adapters/local/local-key-ring';
import type { KeyRing } from '../../ports/key-ring';
import type { Item, QueryInput, QueryPage, Table } from '../../ports/table';
import { pseudonymousId } from '../serving/resource-projection';
import {
  ReidentificationLog,
  openReidentificationEntry,
  reidentificationEntryOf,
} from './structured-reidentification';

/** A Table in memory that counts its batch writes (a unit-test double; integration tests use dynalite). */
class MemoryTable implements Table {
  readonly items = new Map<string, Item>();
  readonly batches: number[] = [];
  failNext = false;
  async get(pk: string, sk: string) {
    return this.items.get(`${pk}|${sk}`);
  }
  async put(item: Item) {
    this.items.set(`${item.pk}|${item.sk}`, item);
  }
  async putIfAbsent(item: Item) {
    if (this.items.has(`${item.pk}|${item.sk}`)) return false;
    await this.put(item);
    return true;
  }
  async putMany(items: Item[]) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('throttled');
    }
    this.batches.push(items.length);
    for (const item of items) await this.put(item);
  }
  async query(_input: QueryInput): Promise<QueryPage> {
    return { items: [] };
  }
}

describe('Class: ReidentificationLog', () => {
  let dir: string;
  let keys: LocalKeyRing;
  let encryptCalls: number;
  let counting: KeyRing;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-reid-'));
    keys = new LocalKeyRing(join(dir, 'master.key'));
    counting = {
      pseudonym: (h, m) => keys.pseudonym(h, m),
      encrypt: (h, p) => {
        encryptCalls++;
        return keys.encrypt(h, p);
      },
      decrypt: (h, e) => keys.decrypt(h, e),
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const entry = (i: number) => ({
    pseudonym: i.toString(16).padStart(32, '0'),
    kind: 'resource' as const,
    original: `Patient/mrn-${i}`,
  });

  it('stores each original sealed, and opens it again with the hospital key ring', async () => {
    // Prepare
    const table = new MemoryTable();
    const log = new ReidentificationLog({ table, keys });
    // Act
    await log.record('mercy', entry(7));
    await log.flush();
    // Assess
    const [item] = [...table.items.values()];
    expect(JSON.stringify(item)).not.toContain('mrn-7');
    expect(item).toMatchObject({ pk: `REID#mercy#${entry(7).pseudonym}`, sk: 'resource' });
    expect(await openReidentificationEntry(keys, item!)).toEqual(entry(7));
  });

  it('refuses a sealed original moved onto another pseudonym', async () => {
    // Prepare
    const table = new MemoryTable();
    const log = new ReidentificationLog({ table, keys });
    await log.record('mercy', entry(1));
    await log.record('mercy', entry(2));
    await log.flush();
    const [first, second] = [...table.items.values()];
    // Act
    const swapped = { ...second!, original: first!.original };
    // Assess
    await expect(openReidentificationEntry(keys, swapped)).rejects.toThrow(/authentication/);
  });

  it('writes in batches, each pseudonym once, under one wrapped data key per hospital', async () => {
    // Prepare
    const table = new MemoryTable();
    encryptCalls = 0;
    const log = new ReidentificationLog({ table, keys: counting }, { batchSize: 100 });
    // Act
    for (let i = 0; i < 250; i++) await log.record('mercy', entry(i));
    for (let i = 0; i < 250; i++) await log.record('mercy', entry(i)); // a re-delivery
    await log.flush();
    // Assess
    expect(table.items.size).toBe(250);
    expect(table.batches).toEqual([100, 100, 50]);
    expect(encryptCalls).toBe(1);
  });

  it('writes the same keys again from a fresh log, so a re-delivery never duplicates', async () => {
    // Prepare
    const table = new MemoryTable();
    // Act
    for (const log of [
      new ReidentificationLog({ table, keys }),
      new ReidentificationLog({ table, keys }),
    ]) {
      await log.record('mercy', entry(3));
      await log.flush();
    }
    // Assess
    expect(table.items.size).toBe(1);
    expect(table.batches).toEqual([1, 1]);
  });

  it('keeps entries whose write failed for the next flush', async () => {
    // Prepare
    const table = new MemoryTable();
    const log = new ReidentificationLog({ table, keys });
    await log.record('mercy', entry(5));
    table.failNext = true;
    // Act
    await expect(log.flush()).rejects.toThrow('throttled');
    await log.flush();
    // Assess
    expect(table.items.size).toBe(1);
  });
});

describe('Function: reidentificationEntryOf', () => {
  it('reads resource and identifier pseudonyms as pseudonymousId makes them', async () => {
    // Prepare
    const keys = { pseudonym: async (_h: string, m: string) => `${m.length}`.padStart(64, 'a') };
    const digest = await keys.pseudonym('mercy', 'Patient/p1');
    // Act
    const resource = reidentificationEntryOf('Patient/p1', digest);
    const identifier = reidentificationEntryOf('Identifier/urn:mrn|MRN0042', digest);
    // Assess
    expect(resource).toEqual({
      pseudonym: await pseudonymousId(keys as unknown as KeyRing, 'mercy', 'Patient', 'p1'),
      kind: 'resource',
      original: 'Patient/p1',
    });
    expect(identifier).toMatchObject({ kind: 'identifier', original: 'urn:mrn|MRN0042' });
  });

  it.each([
    ['the surrogate key of originals', 'DeidSurrogateKey/p1'],
    ['the research surrogate key', 'ResearchSurrogateKey/0123abcd'],
    ['a message that is no Type/id', 'riverside:secret'],
    ['a lower-case type', 'patient/p1'],
  ])('records nothing for %s', (_case, message) => {
    expect(reidentificationEntryOf(message, 'f'.repeat(64))).toBeUndefined();
  });
});
