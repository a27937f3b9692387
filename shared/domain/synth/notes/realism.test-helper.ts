// Test helpers (synth/notes): reading generated notes against the true state.
import { measurements as catalog } from '../catalog';
import type { EntitySpan, SynthNote, SynthPatient, TrueEncounter, TrueMeasurement } from '../model';

/** The note's text with its PHI spans masked (names like "Truman" must not count as words). */
export function withoutPhi(note: SynthNote): string {
  let text = note.text;
  for (const span of note.phi)
    text = text.slice(0, span.start) + '#'.repeat(span.end - span.start) + text.slice(span.end);
  return text;
}

/** Age in whole years on `date` (YYYY-MM-DD...) of someone born on `birthDate`. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A generated note with what a reader checks it against. */
export interface NoteInContext {
  patient: SynthPatient;
  note: SynthNote;
  /** Age in whole years on the note's date. */
  age: number;
  encounter: TrueEncounter;
  /** The text with its PHI masked. */
  text: string;
}

/** Every note of `cohort`, each with its patient, age, encounter and PHI-masked text. */
export function notesInContext(
  cohort: readonly { patient: SynthPatient; notes: readonly SynthNote[] }[],
): NoteInContext[] {
  return cohort.flatMap(({ patient, notes }) =>
    notes.map((note) => ({
      patient,
      note,
      age: ageOn(patient.demographics.birthDate, note.date),
      encounter: patient.encounters.find((e) => e.id === note.encounterId)!,
      text: withoutPhi(note),
    })),
  );
}

/** The line of `text` holding the entity. */
export const lineOf = (text: string, e: EntitySpan): string =>
  text.slice(text.lastIndexOf('\n', e.start) + 1, text.indexOf('\n', e.end) >>> 0);

/** SNOMED CT: acute coronary syndrome, myocardial infarction. */
const acsCodes: ReadonlySet<string> = new Set(['394659003', '22298006']);

/**
 * The ACS or MI mentions a note weighs as differentials: uncertain or ruled out, not a family history
 * ("No known MI in the family", whose "family" may carry a typo: "in the fmaily", hence "no known" and
 * "history" too).
 */
export function acsWeighed(note: SynthNote, text: string = note.text): EntitySpan[] {
  return note.entities.filter(
    (e) =>
      e.type === 'Disease' &&
      acsCodes.has(e.code ?? '') &&
      (e.assertion === 'possible' || e.assertion === 'negated') &&
      !/famil|\bFHx?\b|\bno known\b|\bhistory\b/i.test(lineOf(text, e)),
  );
}

/**
 * The reading of `key` a note shows: of the note's encounter, for a vital sign the latest taken by the
 * note's local time, or the first when none was (since 1.7.0 a stay has a vital-sign set every 12 hours and each
 * note shows its own; notes/context.ts measurementsAsOf, written here independently).
 */
export function shownReading(
  patient: SynthPatient,
  note: SynthNote,
  key: TrueMeasurement['key'],
): TrueMeasurement | undefined {
  const limit = note.date.slice(0, 16);
  const list = patient.measurements
    .filter((m) => m.encounterId === note.encounterId && m.key === key)
    .sort((a, b) => (a.at.slice(0, 16) < b.at.slice(0, 16) ? -1 : 1));
  // Labs and scores: the note has all of the encounter's; the latest is the one it judges by.
  if (catalog[key].category !== 'vital-signs') return list[list.length - 1];
  const by = list.filter((m) => m.at.slice(0, 16) <= limit);
  return by.length > 0 ? by[by.length - 1] : list[0];
}

/** Upper limit of a normal awake heart rate by age (PALS 2020), written here independently of the notes. */
export const normalRateLimit = (age: number): number =>
  age < 1 ? 180 : age < 3 ? 140 : age < 6 ? 120 : age < 12 ? 118 : 100;
