// Unit tests (local/synth): a rendered chunk carries exactly the lines its patients render, in order,
// with defect line numbers that point at the defective line.
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../../shared/domain/synth/cohort';
import { chunkBuffers, recycleChunkBuffers, renderChunk } from './chunk';

const options = {
  patients: 6,
  seed: 5,
  hospital: 'synthetic-general',
  dirtyRate: 0.2,
  asOf: '2026-01-01',
};

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('Function: renderChunk', () => {
  it('holds every NDJSON line of its patients, in patient order', () => {
    // Act
    const chunk = renderChunk(options, 2, 5);
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
    // Act
    const chunk = renderChunk(options, 0, 6);
    // Assess
    const numbered = chunk.defects.filter((d) => d.line !== undefined && d.patientId);
    expect(numbered.length).toBeGreaterThan(0);
    for (const defect of numbered) {
      const file = chunk.files.find((f) => f.path === `fhir/${defect.file}`)!;
      const line = text(file.bytes).split('\n')[defect.line! - 1]!;
      expect(line).toContain(defect.resourceId.slice(0, 8));
    }
  });

  it('carries one bundle per patient and one file per note, each with its exact text', () => {
    // Act
    const chunk = renderChunk(options, 0, 3);
    // Assess
    const { bytes, paths, ends } = chunk.documents;
    const notes = chunk.files.find((f) => f.path === 'truth/notes.jsonl')!;
    expect(paths.filter((p) => p.startsWith('bundles/'))).toHaveLength(3);
    expect(paths.filter((p) => p.startsWith('notes/'))).toHaveLength(notes.lines);
    expect(ends).toHaveLength(paths.length);
    const patient = renderCohortPatient(options, 1);
    const note = patient.notes[0]!;
    const i = paths.indexOf(`notes/${note.id}.txt`);
    const file = Buffer.from(bytes.subarray(ends[i - 1] ?? 0, ends[i]));
    expect(file.toString('utf8')).toBe(note.text);
    const bundle = paths.indexOf(`bundles/${patient.patient.id}.json`);
    expect(Buffer.from(bytes.subarray(ends[bundle - 1] ?? 0, ends[bundle])).toString()).toBe(
      patient.bundle.join('') + '\n',
    );
    expect(chunk.outcomes).toHaveLength(3);
  });

  it('renders into buffers handed back from an earlier chunk without any of its bytes showing', () => {
    // Prepare
    const earlier = renderChunk(options, 0, 6);
    const buffers = chunkBuffers(earlier);
    // Act
    recycleChunkBuffers(buffers);
    const chunk = renderChunk(options, 3, 4);
    // Assess
    const reused = chunkBuffers(chunk).filter((b) => buffers.includes(b));
    expect(reused.length).toBeGreaterThan(0);
    const observations = chunk.files.find((f) => f.path === 'fhir/Observation.ndjson')!;
    const expected = renderCohortPatient(options, 3).ndjson.get('Observation.ndjson') ?? [];
    expect(Buffer.from(observations.bytes)).toEqual(
      Buffer.concat(
        expected.flatMap((l) => [typeof l === 'string' ? Buffer.from(l) : l, Buffer.from('\n')]),
      ),
    );
    const patient = renderCohortPatient(options, 3);
    const { bytes, ends } = chunk.documents;
    expect(Buffer.from(bytes.subarray(0, ends[0])).toString()).toBe(patient.bundle.join('') + '\n');
  });
});
