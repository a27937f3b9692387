// Tests (ingest): the chunks of CSV rows whose MRNs are resolved together are bounded by rows and by the
// rows' raw text, so that a file of large rows does not hold 200 of them at once.
import { describe, expect, it } from 'vitest';
import { linkChunkChars, linkChunkRows, linkChunks } from './link-chunks';
import type { SourceRecord } from './source-record';

/** Records of raw text of the given lengths, numbered from line 2. */
async function* recordsOf(lengths: number[]): AsyncGenerator<SourceRecord> {
  for (const [i, length] of lengths.entries()) yield { line: i + 2, raw: 'x'.repeat(length) };
}

/** The chunks of `lengths`, as their records' raw lengths. */
async function chunked(lengths: number[]): Promise<number[][]> {
  const chunks: number[][] = [];
  for await (const chunk of linkChunks(recordsOf(lengths)))
    chunks.push(chunk.map((record) => record.raw!.length));
  return chunks;
}

const kib = 1024;

describe('Function: linkChunks', () => {
  it('closes a chunk of small rows at 200 rows, keeping every row in order', async () => {
    // Prepare
    const lengths = Array.from({ length: 450 }, (_, i) => 20 + (i % 7));
    // Act
    const chunks = await chunked(lengths);
    // Assess
    expect(linkChunkRows).toBe(200);
    expect(chunks.map((chunk) => chunk.length)).toEqual([200, 200, 50]);
    expect(chunks.flat()).toEqual(lengths);
  });

  it('closes a chunk before the row that would take its raw text over about 1 Mi characters', async () => {
    // Prepare: 64 KiB rows, as in the review's repro (200 of them were 12.5 Mi characters at once)
    const lengths = Array.from({ length: 220 }, () => 64 * kib);
    // Act
    const chunks = await chunked(lengths);
    // Assess
    expect(linkChunkChars).toBe(1024 * kib);
    expect(chunks.map((chunk) => chunk.length)).toEqual([...Array(13).fill(16), 12]);
    expect(chunks.flat()).toEqual(lengths);
  });

  it('never holds more than the bound but for a single larger row, which is a chunk of its own', async () => {
    // Prepare: rows of 300 KiB (three fit, a fourth would not), a 2 MiB row, then small ones
    const lengths = [300 * kib, 300 * kib, 300 * kib, 300 * kib, 2048 * kib, 10, 10, 700 * kib];
    // Act
    const chunks = await chunked(lengths);
    // Assess
    expect(chunks).toEqual([
      [300 * kib, 300 * kib, 300 * kib],
      [300 * kib],
      [2048 * kib],
      [10, 10, 700 * kib],
    ]);
  });

  it('closes a chunk whose rows reach the bound exactly, and counts a row without raw text as none', async () => {
    // Prepare
    async function* records(): AsyncGenerator<SourceRecord> {
      yield { line: 0 }; // e.g. a header problem: no raw text
      yield { line: 2, raw: 'x'.repeat(512 * kib) };
      yield { line: 3, raw: 'x'.repeat(512 * kib) };
      yield { line: 4, raw: 'x' };
    }
    // Act
    const lines: number[][] = [];
    for await (const chunk of linkChunks(records())) lines.push(chunk.map((record) => record.line));
    // Assess
    expect(lines).toEqual([[0, 2, 3], [4]]);
  });
});
