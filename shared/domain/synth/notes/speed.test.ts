// Micro-benchmark (synth/notes): prints ms per note; never asserts on time.
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { fixtureCohort } from './fixtures.test-helper';
import { generateNotes } from './generate';

// A printed micro-benchmark, not a performance assertion (house style: tests never assert on time).
// The streaming writer's budget is < 0.5 ms per note.
describe('Micro-benchmark: generateNotes', () => {
  it('prints the time per note and per patient', () => {
    // Prepare
    const patients = fixtureCohort(500, 11);
    for (const p of patients.slice(0, 50)) generateNotes(p, new Rng(1, p.index)); // warm-up
    // Act
    let notes = 0;
    let chars = 0;
    const started = performance.now();
    for (const p of patients) {
      for (const note of generateNotes(p, new Rng(2, p.index))) {
        notes++;
        chars += note.text.length;
      }
    }
    const ms = performance.now() - started;
    console.info(
      `notes: ${notes} notes (${patients.length} patients, ${Math.round(chars / notes)} chars/note) in ${ms.toFixed(0)} ms = ${(ms / notes).toFixed(3)} ms/note, ${(ms / patients.length).toFixed(3)} ms/patient`,
    );
    // Assess: the run produced notes (time is reported, not asserted)
    expect(notes).toBeGreaterThan(patients.length);
  });
});
