// Unit tests (local/synth): a rendered chunk carries exactly the lines its patients render, in order,
// with defect line numbers that point at the defective line.
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../../shared/domain/synth/cohort';
import { renderChunk } from './chunk';

const options = {
  patients: 6,
  seed: 5,
  hospital: 'synthetic-general',
  dirtyRate: 0.2,
  asOf: '2026-01-01',
};

function cohortDirectory(): string {
  const out = mkdtempSync(join(tmpdir(), 'caregraph-chunk-'));
  for (const folder of ['bundles', 'notes', 'vcf']) mkdirSync(join(out, folder));
  return out;
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('Function: renderChunk', () => {
  it('holds every NDJSON line of its patients, in patient order', () => {
    // Prepare
    const out = cohortDirectory();
    // Act
    const chunk = renderChunk(options, 2, 5, out);
    // Assess
    const observations = chunk.files.find((f) => f.path === 'fhir/Observation.ndjson')!;
    const expected = [2, 3, 4].flatMap(
      (i) => renderCohortPatient(options, i).ndjson.get('Observation.ndjson') ?? [],
    );
    expect(observations.lines).toBe(expected.length);
    const expectedBytes = Buffer.concat(
      expected.flatMap((l) => [typeof l === 'string' ? Buffer.from(l) : l, Buffer.from('\n')]),
    );
    expect(Buffer.from(observations.bytes)).toEqual(expectedBytes);
  });

  it('numbers defects by their line within the chunk, so the writer only adds its offset', () => {
    // Prepare
    const out = cohortDirectory();
    // Act
    const chunk = renderChunk(options, 0, 6, out);
    // Assess
    const numbered = chunk.defects.filter((d) => d.line !== undefined && d.patientId);
    expect(numbered.length).toBeGreaterThan(0);
    for (const defect of numbered) {
      const file = chunk.files.find((f) => f.path === `fhir/${defect.file}`)!;
      const line = text(file.bytes).split('\n')[defect.line! - 1]!;
      expect(line).toContain(defect.resourceId.slice(0, 8));
    }
  });

  it('writes one bundle per patient and one file per note', () => {
    // Prepare
    const out = cohortDirectory();
    // Act
    const chunk = renderChunk(options, 0, 3, out);
    // Assess
    expect(readdirSync(join(out, 'bundles'))).toHaveLength(3);
    const notes = chunk.files.find((f) => f.path === 'truth/notes.jsonl')!;
    expect(readdirSync(join(out, 'notes'))).toHaveLength(notes.lines);
    expect(chunk.outcomes).toHaveLength(3);
  });
});
