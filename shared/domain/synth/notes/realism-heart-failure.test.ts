// Tests (synth/notes): the notes of generated patients with heart failure show the patient's own LVEF
// category: an echo's EF is the patient's (within measurement noise, never across a category cut-off),
// and a problem list that names the phenotype names the patient's. Until the phenotype was in the state,
// every heart-failure echo read 25-40% and every other echo 55-65%, whatever the patient. Since 1.9.0
// an HFrEF may improve (state/heart-failure.ts `lvefOn`): the notes read its LVEF of the day and name
// it HF with improved EF once that LVEF is above 40%.
import { describe, expect, it } from 'vitest';
import type { CohortOptions, SynthPatient } from '../model';
import { patientRng } from '../rng';
import {
  improvedBy,
  lvefCategory,
  lvefOn,
  phenotypeOf,
  type HeartFailurePhenotype,
} from '../state/heart-failure';
import { generatePatientState } from '../state/patient';
import { generateNotes } from './generate';
import { procedures } from './lexicon/clinical';
import { notesInContext, type NoteInContext } from './realism.test-helper';

const options: CohortOptions = {
  patients: 9000,
  seed: 29,
  hospital: 'hf-notes',
  dirtyRate: 0,
  asOf: '2026-01-01',
};

/** The cohort's patients with heart failure and their notes, as the cohort renders them. */
const withHeartFailure = Array.from({ length: options.patients }, (_, i) => i).flatMap((i) => {
  const patient = generatePatientState(options, i);
  if (!patient.conditions.some((c) => c.key === 'heart-failure')) return [];
  return [{ patient, notes: generateNotes(patient, patientRng(options.seed, i).fork('notes')) }];
});
const notes = notesInContext(withHeartFailure);

const heartFailure = (p: SynthPatient) => p.conditions.find((c) => c.key === 'heart-failure')!;

/** Heart failure is known at the note's encounter: diagnosed by its day, or the reason for it. */
const known = (x: NoteInContext) =>
  heartFailure(x.patient).onset <= x.encounter.start.slice(0, 10) ||
  x.encounter.reason === 'heart-failure';

/** The patient's true LVEF (%) on the day of the note's encounter. */
const lvefAt = (x: NoteInContext) =>
  lvefOn(heartFailure(x.patient), x.encounter.start.slice(0, 10))!;

/** The sentence (to '.' or a newline) that starts at offset `at`. */
function sentenceFrom(text: string, at: number): string {
  const rest = text.slice(at);
  const end = rest.search(/\.(?:\s|$)|\n/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** LVEF values (%) in the sentences of the note's echo mentions; a range gives both its ends. */
function echoEfs(x: NoteInContext): number[] {
  const out: number[] = [];
  for (const e of x.note.entities) {
    if (e.type !== 'Procedure' || e.code !== procedures.echo.code) continue;
    const sentence = sentenceFrom(x.note.text, e.start);
    for (const m of sentence.matchAll(/\bEF (\d+)%|LVEF \((\d+)%\)|LVEF (\d+)-(\d+)%/g))
      for (const g of m.slice(1)) if (g !== undefined) out.push(Number(g));
  }
  return out;
}

/** Phrases that name one LVEF category (background.ts `phenotypeTerms`). */
const phenotypeWords: Record<HeartFailurePhenotype, RegExp> = {
  HFrEF: /\bHFrEF\b|with reduced (?:ejection fraction|EF)|systolic heart failure/i,
  HFmrEF: /\bHFmrEF\b|with mildly reduced (?:ejection fraction|EF)/i,
  HFpEF: /\bHFpEF\b|with preserved (?:ejection fraction|EF)|diastolic heart failure/i,
};
/** Phrases that name HF with improved EF (background.ts `improvedTerms`). */
const improvedWords = /\bHFimpEF\b|with (?:improved|recovered) ejection fraction/i;

describe('Heart failure in the notes of generated patients: the LVEF category is the patient’s', () => {
  it('shows an echo LVEF in the patient’s category, within 4 points of the patient’s LVEF', () => {
    let checked = 0;
    const seen = new Set<HeartFailurePhenotype>();
    for (const x of notes) {
      if (!known(x)) continue;
      const ef = lvefAt(x);
      const category = lvefCategory(ef);
      for (const value of echoEfs(x)) {
        checked++;
        seen.add(lvefCategory(value));
        const where = `${x.note.kind} ${x.note.id.slice(0, 8)}: EF ${value}% of a ${category} EF ${ef}%`;
        expect(lvefCategory(value), where).toBe(category);
        // A range's ends are the 5-point band around the reading.
        expect(Math.abs(value - ef!), where).toBeLessThanOrEqual(9);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect([...seen].sort()).toEqual(['HFmrEF', 'HFpEF', 'HFrEF']);
  });

  it('reads the same single value within 4 points of the patient’s LVEF', () => {
    let checked = 0;
    for (const x of notes) {
      if (!known(x)) continue;
      const ef = lvefAt(x);
      for (const e of x.note.entities) {
        if (e.type !== 'Procedure' || e.code !== procedures.echo.code) continue;
        const sentence = sentenceFrom(x.note.text, e.start);
        for (const m of sentence.matchAll(/\bEF (\d+)%|LVEF \((\d+)%\)/g)) {
          checked++;
          expect(Math.abs(Number(m[1] ?? m[2]) - ef), sentence).toBeLessThanOrEqual(4);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('shows a normal heart’s LVEF before heart failure is diagnosed', () => {
    for (const x of notes) {
      if (known(x)) continue;
      for (const value of echoEfs(x)) expect(value).toBeGreaterThanOrEqual(55);
    }
  });

  it('names only the patient’s phenotype (HFrEF, HFmrEF, HFpEF) where a note names one', () => {
    let named = 0;
    // Before the diagnosis an echo may read "preserved EF" of any patient; an improved HFrEF is named
    // as such (next test), and its echo may read "mildly reduced LVEF".
    for (const x of notes.filter(known)) {
      if (improvedBy(heartFailure(x.patient), x.note.date)) continue;
      const own = phenotypeOf(heartFailure(x.patient))!;
      for (const [phenotype, words] of Object.entries(phenotypeWords)) {
        const match = words.exec(x.text);
        if (!match) continue;
        if (phenotype === own) named++;
        else expect.fail(`${x.note.id.slice(0, 8)}: "${match[0]}" for a ${own} patient`);
      }
    }
    expect(named).toBeGreaterThan(20);
  });

  it('names HF with improved EF only once an HFrEF’s LVEF is above 40% (2022 AHA/ACC/HFSA Table 4)', () => {
    let named = 0;
    let improvedNotes = 0;
    for (const x of notes.filter(known)) {
      const hf = heartFailure(x.patient);
      const improved = improvedBy(hf, x.note.date);
      if (improved) improvedNotes++;
      const match = improvedWords.exec(x.text);
      if (!match) continue;
      expect(
        improved,
        `${x.note.id.slice(0, 8)}: "${match[0]}" at LVEF ${lvefOn(hf, x.note.date)}%`,
      ).toBe(true);
      expect(hf.severity).toBe('HFrEF');
      expect(
        /\bHFrEF\b|with reduced (?:ejection fraction|EF)|systolic heart failure/i.test(x.text),
      ).toBe(false);
      named++;
    }
    expect(improvedNotes).toBeGreaterThan(10);
    expect(named).toBeGreaterThan(3);
  });
});
