import { describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../ports/object-store';
import { batchSummary, maxBatchFiles } from './batches';

function batchOf(count: number, rejected: number[]): ObjectStore {
  const keys = Array.from(
    { length: count },
    (_, i) => `reports/east/b1/note-${String(i).padStart(4, '0')}.txt.json`,
  );
  const bad = new Set(rejected.map((i) => keys[i]));
  return {
    list: async () => keys.map((key) => ({ key })),
    getText: async (_bucket: string, key: string) =>
      JSON.stringify({
        hospital: 'east',
        key,
        file: key.split('/').pop(),
        status: bad.has(key) ? 'rejected' : 'accepted',
        records: bad.has(key)
          ? { accepted: 0, repaired: 0, rejected: 1 }
          : { accepted: 1, repaired: 0, rejected: 0 },
      }),
  } as unknown as ObjectStore;
}

describe('batchSummary', () => {
  it('totals and status cover every file of a batch larger than the inline list', async () => {
    const s = await batchSummary(batchOf(1200, [1100]), 'east', 'b1');
    expect({
      files: s.files.length,
      fileCount: s.fileCount,
      truncated: s.truncated,
      status: s.status,
      records: s.records,
    }).toEqual({
      files: maxBatchFiles,
      fileCount: 1200,
      truncated: true,
      status: 'partial',
      records: { accepted: 1199, repaired: 0, rejected: 1 },
    });
  });

  it('lists a small batch whole, without `truncated`', async () => {
    const s = await batchSummary(batchOf(3, []), 'east', 'b1');
    expect(s).toMatchObject({ fileCount: 3, status: 'accepted' });
    expect(s.files).toHaveLength(3);
    expect(s.truncated).toBeUndefined();
  });
});
