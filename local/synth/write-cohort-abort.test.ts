// Unit tests (local/synth): a cohort run stopped by its signal stops after the chunk in hand and
// leaves no manifest, so nothing takes the partial output for a complete cohort.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCohort } from './write-cohort';

describe('Function: writeCohort', () => {
  it('stops at the next chunk when its signal is aborted, with the reason, writing no manifest', async () => {
    // Prepare
    const out = join(mkdtempSync(join(tmpdir(), 'caregraph-cohort-abort-')), 'cohort');
    const stop = new AbortController();
    stop.abort(new Error('stopped by the test'));
    // Act
    const run = writeCohort({
      patients: 120,
      seed: 3,
      hospital: 'h',
      dirtyRate: 0,
      asOf: '2026-01-01',
      out,
      workers: 1,
      signal: stop.signal,
    });
    // Assess
    await expect(run).rejects.toThrow('stopped by the test');
    expect(existsSync(join(out, 'truth', 'manifest.json'))).toBe(false);
    expect(existsSync(join(out, 'fhir', 'manifest.json'))).toBe(false);
    const patients = readFileSync(join(out, 'truth', 'patients.jsonl'), 'utf8');
    expect(patients.split('\n').filter(Boolean).length).toBeLessThan(120);
  });
});
