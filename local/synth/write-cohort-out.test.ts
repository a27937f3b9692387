// Unit tests (local/synth): an output path that is, or is inside, a file is refused with a clear
// error naming it, before anything is written.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCohort } from './write-cohort';

const cohort = { patients: 2, seed: 1, hospital: 'h', dirtyRate: 0, asOf: '2026-01-01' };

describe('Function: writeCohort', () => {
  it.each([
    ['is a file', (file: string) => file],
    ['is inside a file', (file: string) => join(file, 'cohort')],
  ])('refuses an output path that %s, naming it, and leaves the file as it was', async (_c, at) => {
    // Prepare
    const file = join(mkdtempSync(join(tmpdir(), 'caregraph-cohort-out-')), 'notes.txt');
    writeFileSync(file, 'mine');
    const out = at(file);
    // Act
    const run = writeCohort({ ...cohort, out, workers: 1 });
    // Assess
    await expect(run).rejects.toMatchObject({
      name: 'ValidationError',
      path: 'out',
      message: `${out} is a file, or inside one: it must be a directory`,
    });
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});
