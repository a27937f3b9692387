// Tests (synth/notes): completeness of the PHI ground truth (the patient's own identifiers, ages over 89, categories).
import { describe, expect, it } from 'vitest';
import type { PhiCategory, SynthNote } from '../model';
import { Rng } from '../rng';
import { fixtureCohort } from './fixtures.test-helper';
import { generateNotes } from './generate';

const cohort = fixtureCohort(300).map((patient) => ({
  patient,
  notes: generateNotes(patient, new Rng(41, patient.index)),
}));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Start offsets of every case-insensitive occurrence of `needle` (whole words for names). */
function occurrences(text: string, needle: string, wholeWord: boolean): number[] {
  const pattern = new RegExp(wholeWord ? `\\b${escape(needle)}\\b` : escape(needle), 'gi');
  return [...text.matchAll(pattern)].map((m) => m.index);
}

function insidePhi(note: SynthNote, start: number, length: number): boolean {
  return note.phi.some((p) => p.start <= start && start + length <= p.end);
}

describe('PHI ground truth of generated notes', () => {
  it("annotates every occurrence of the patient's names, MRN, phone and email", () => {
    // Prepare
    let checked = 0;
    for (const { patient, notes } of cohort) {
      const d = patient.demographics;
      const identifiers: [string, boolean][] = [
        ...d.name.given.map((g): [string, boolean] => [g, true]),
        [d.name.family, true],
        [d.mrn, false],
        [d.phone, false],
        [d.phone.replace(/\D/g, '').slice(-4), false],
        [d.email, false],
        [d.address.line[0]!, false],
      ];
      for (const note of notes) {
        for (const [value, wholeWord] of identifiers) {
          // Act
          for (const at of occurrences(note.text, value, wholeWord)) {
            checked++;
            // Assess
            expect(insidePhi(note, at, value.length), `"${value}" at ${at} in ${note.id}`).toBe(
              true,
            );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('annotates every age over 89 as AGE and no younger age', () => {
    const agePattern =
      /\b(\d{1,3})(?=(-year-old| y\/o|yo\b| yo\b| year old| y\.o\.|-yr-old| yr old))/gi;
    let old = 0;
    for (const note of cohort.flatMap((x) => x.notes)) {
      for (const m of note.text.matchAll(agePattern)) {
        if (Number(m[1]) <= 89) continue;
        old++;
        expect(
          note.phi.some((p) => p.category === 'AGE' && p.start === m.index && p.text === m[1]),
        ).toBe(true);
      }
      for (const p of note.phi.filter((x) => x.category === 'AGE'))
        expect(Number(p.text)).toBeGreaterThan(89);
    }
    expect(old).toBeGreaterThan(10);
  });

  it('uses every PHI category across the cohort, and gives every note some PHI', () => {
    const seen = new Map<PhiCategory, number>();
    for (const note of cohort.flatMap((x) => x.notes)) {
      expect(note.phi.length).toBeGreaterThan(0);
      for (const p of note.phi) seen.set(p.category, (seen.get(p.category) ?? 0) + 1);
    }
    const categories: PhiCategory[] = [
      'NAME',
      'DATE',
      'AGE',
      'PHONE',
      'EMAIL',
      'ID',
      'LOCATION',
      'URL',
      'IP',
      'OTHER',
    ];
    for (const category of categories) expect(seen.get(category) ?? 0, category).toBeGreaterThan(0);
  });
});
