// Tests (deid): recall on the gold PHI spans of notes written by the project's synthetic note generator,
// whose clinician, relative and place names come from its own invented lexicon (none is in the
// de-identifier's dictionaries). Years standing alone are left out of the gold (Safe Harbor keeps them),
// and so are times of day.
import { describe, expect, it } from 'vitest';
import { generatePatientState } from '../synth/state/patient';
import { generateNotes } from '../synth/notes/generate';
import { patientRng } from '../synth/rng';
import { detectPhi } from './detect';

const options = {
  patients: 25,
  seed: 11,
  hospital: 'synthetic-general',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const notes = Array.from({ length: options.patients }, (_, i) =>
  generateNotes(generatePatientState(options, i), patientRng(options.seed, i).fork('notes')),
).flat();

describe('De-identification of synthetic notes', () => {
  it('finds at least 90% of the gold PHI and 97% of names, phones, ids and e-mails', () => {
    // Prepare
    const tally = new Map<string, [number, number]>();
    for (const note of notes) {
      // Act
      const found = detectPhi(note.text);
      for (const gold of note.phi) {
        if (gold.category === 'DATE' && /^\d{4}$|^\d{1,2}:\d{2}$/.test(gold.text)) continue;
        const t = tally.get(gold.category) ?? [0, 0];
        t[1]++;
        if (found.some((f) => f.start < gold.end && gold.start < f.end)) t[0]++;
        tally.set(gold.category, t);
      }
    }
    // Assess
    const recall = (cats: string[]) => {
      const [hit, all] = cats.reduce(
        ([h, a], c) => {
          const [x, y] = tally.get(c) ?? [0, 0];
          return [h + x, a + y];
        },
        [0, 0],
      );
      return hit / all;
    };
    expect(recall([...tally.keys()])).toBeGreaterThanOrEqual(0.9);
    expect(recall(['NAME'])).toBeGreaterThanOrEqual(0.9);
    expect(recall(['PHONE', 'ID', 'EMAIL', 'URL'])).toBeGreaterThanOrEqual(0.97);
    expect(recall(['DATE'])).toBeGreaterThanOrEqual(0.9);
  });
});
