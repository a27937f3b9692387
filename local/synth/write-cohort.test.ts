// Unit tests (local/synth): the writer never lets one record's file overwrite another's.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { RenderedChunk } from './chunk';

const encoder = new TextEncoder();
/** One chunk whose two per-patient files have the same path (ids that collided). */
function collidingChunk(): RenderedChunk {
  const first = encoder.encode('first note');
  const second = encoder.encode('second note');
  const bytes = new Uint8Array(first.length + second.length);
  bytes.set(first);
  bytes.set(second, first.length);
  return {
    start: 0,
    end: 2,
    files: [],
    documents: {
      bytes,
      paths: ['notes/same-id.txt', 'notes/same-id.txt'],
      ends: [first.length, bytes.length],
    },
    defects: [],
    outcomes: [],
  };
}

vi.mock('./render-pool', () => ({
  renderedChunks: async function* () {
    yield collidingChunk();
  },
}));
const { writeCohort } = await import('./write-cohort');

describe('Function: writeCohort', () => {
  it('fails, naming the file, when two records would write the same file', async () => {
    // Prepare
    const out = join(mkdtempSync(join(tmpdir(), 'caregraph-write-cohort-')), 'cohort');
    // Act
    const run = writeCohort({
      patients: 2,
      seed: 1,
      hospital: 'h',
      dirtyRate: 0,
      asOf: '2026-01-01',
      out,
    });
    // Assess
    await expect(run).rejects.toThrow(
      /notes\/same-id\.txt was already written .*ids must be unique/,
    );
    expect(readFileSync(join(out, 'notes', 'same-id.txt'), 'utf8')).toBe('first note');
    expect(existsSync(join(out, 'truth', 'manifest.json'))).toBe(false);
  });
});
