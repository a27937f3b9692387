// Tests (synth/notes): how long the notes say symptoms have lasted agrees across the notes of one
// encounter and with the condition. Generator 1.5.0 draws the onset once per encounter
// (symptom-plan.ts encounterOnset); each check fails on 1.4.0, which drew a span of 2 days to 4 weeks
// per note whatever the reason.
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import type { SynthNote, SynthPatient, TrueEncounter } from '../model';
import { daysBetween, shiftDate } from './context';
import { dateStyleCount, formatDate } from './render/phi';

const options = {
  patients: 500,
  seed: 71,
  hospital: 'encounters',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

/** Days before the note's date the symptoms began, as an interval [earliest, latest] (days ago). */
type Span = { text: string; from: number; to: number };

const unitDays: Record<string, [number, number]> = {
  hour: [0, 1],
  day: [1, 1],
  week: [7, 7],
  month: [30.4, 30.4],
  year: [365, 365],
};

/** "x 3 days", "for the past 2 weeks", "6 hours of", "started 4 days ago", "since 05/04/2024". */
const spanPattern =
  /\b(?:x|for(?: the past)?|over the (?:last|past)|Over the past|present for|until|started|with|presents with|presenting with) (\d+|48) (hour|day|week|month|year)s?\b/g;

/** The sentences (or lines) of a note that name a present symptom. */
function symptomSentences(note: SynthNote): string[] {
  const out: string[] = [];
  for (const e of note.entities) {
    if (e.type !== 'Symptom' || e.assertion !== 'present') continue;
    const before = note.text.slice(0, e.start);
    const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1;
    const rest = note.text.slice(e.end);
    const ends = [rest.indexOf('. '), rest.indexOf('\n')].filter((i) => i >= 0);
    const end = e.end + (ends.length > 0 ? Math.min(...ends) : rest.length);
    out.push(note.text.slice(start, end));
  }
  return [...new Set(out)];
}

/**
 * The date a note tells its present illness as of: a discharge summary retells the presentation at
 * admission (from 1.6.0), every other note tells it as of its own date.
 */
function toldOn(note: SynthNote, encounter: TrueEncounter): string {
  return note.kind === 'discharge-summary' ? encounter.start.slice(0, 10) : note.date.slice(0, 10);
}

/** The spans a note states, each as the days before `date` (its toldOn) it puts the onset. */
function spansOf(note: SynthNote, date: string): Span[] {
  const spans: Span[] = [];
  for (const sentence of symptomSentences(note)) {
    for (const m of sentence.matchAll(spanPattern)) {
      const n = Number(m[1]);
      const unit = m[2]!;
      if (unit === 'hour') {
        // Fewer than 24 hours: today or yesterday; "48 hours": 2 days.
        spans.push(
          n >= 24 ? { text: m[0], from: n / 24, to: n / 24 } : { text: m[0], from: 0, to: 1 },
        );
      } else if (unit === 'day') spans.push({ text: m[0], from: n, to: n });
      else {
        // Rounded ("2 weeks" of 10-17 days; "6 months" of 6 to 7 months).
        const [d] = unitDays[unit]!;
        const round = unit === 'week';
        spans.push({
          text: m[0],
          from: round ? (n - 0.5) * d : n * d,
          to: round ? (n + 0.5) * d : (n + 1) * d,
        });
      }
    }
    // "since <date>": the day itself, found by the generator's own date formats.
    for (const phi of note.phi) {
      if (phi.category !== 'DATE') continue;
      const text = note.text.slice(phi.start, phi.end);
      if (!sentence.includes(`since ${text}`)) continue;
      for (let ago = 0; ago < 800; ago++) {
        const day = shiftDate(date, -ago);
        if (Array.from({ length: dateStyleCount }, (_, s) => formatDate(day, s)).includes(text)) {
          spans.push({ text: `since ${text}`, from: ago, to: ago });
          break;
        }
      }
    }
  }
  return spans;
}

/** An onset interval as calendar dates, relative to the encounter's first day (days before it). */
function onsetBeforeStart(note: SynthNote, encounter: TrueEncounter, span: Span): [number, number] {
  const shift = daysBetween(encounter.start, toldOn(note, encounter));
  return [span.from - shift, span.to - shift];
}

interface Stated {
  patient: SynthPatient;
  encounter: TrueEncounter;
  note: SynthNote;
  span: Span;
  before: [number, number];
}

const stated: Stated[] = cohort.flatMap(({ patient, notes }) =>
  notes.flatMap((note) => {
    const encounter = patient.encounters.find((e) => e.id === note.encounterId)!;
    return spansOf(note, toldOn(note, encounter)).map((span) => ({
      patient,
      encounter,
      note,
      span,
      before: onsetBeforeStart(note, encounter, span),
    }));
  }),
);

const isNew = (patient: SynthPatient, encounter: TrueEncounter, key: string): boolean =>
  !patient.conditions.some(
    (c) => c.key === key && c.onset.slice(0, 10) < encounter.start.slice(0, 10),
  );

describe('Symptom durations in the notes', () => {
  it('all notes of one encounter put the onset on the same day (1.4.0: 24 of 37 admissions disagreed)', () => {
    const byEncounter = new Map<string, Stated[]>();
    for (const s of stated) {
      const list = byEncounter.get(s.encounter.id) ?? [];
      list.push(s);
      byEncounter.set(s.encounter.id, list);
    }
    let multiNote = 0;
    for (const [id, list] of byEncounter) {
      if (new Set(list.map((s) => s.note.id)).size > 1) multiNote++;
      const earliest = Math.min(...list.map((s) => s.before[1]));
      const latest = Math.max(...list.map((s) => s.before[0]));
      // One day of slack: hours are counted from the note's time, days from its date.
      expect(
        latest - earliest,
        `${id}: ${list.map((s) => `${s.note.kind} ${s.note.date.slice(0, 10)} "${s.span.text}"`).join('; ')}`,
      ).toBeLessThanOrEqual(1);
    }
    expect(multiNote).toBeGreaterThan(20);
  });

  it('acute cardiovascular and neurological events began at most 3 days before arrival (1.4.0: "chest pain x 4 weeks" of an MI)', () => {
    const acute = stated.filter(({ encounter }) => {
      const hospital = encounter.kind === 'emergency' || encounter.kind === 'inpatient';
      const r = encounter.reason;
      return (
        r === 'myocardial-infarction' ||
        r === 'stroke' ||
        r === 'deep-vein-thrombosis' ||
        (hospital && (r === 'atrial-fibrillation' || r === 'heart-failure'))
      );
    });
    expect(acute.length).toBeGreaterThan(20);
    for (const s of acute)
      expect(
        s.before[0],
        `${s.note.id} ${s.encounter.reason}: "${s.span.text}"`,
      ).toBeLessThanOrEqual(3);
  });

  it('ED visits and acute illnesses began 1-7 days before (a febrile infant under 3 months 1-2 days)', () => {
    const ed = stated.filter(
      ({ encounter }) =>
        encounter.reason === 'otitis-media' ||
        (encounter.kind === 'emergency' && !encounter.reason),
    );
    expect(ed.length).toBeGreaterThan(50);
    for (const s of ed)
      expect(s.before[0], `${s.note.id}: "${s.span.text}"`).toBeLessThanOrEqual(7);
  });

  it('depression visits state at least 2 weeks (DSM-5 major depressive episode; 1.4.0: mostly under 14 days)', () => {
    const depression = stated.filter(({ encounter }) => encounter.reason === 'depression');
    expect(depression.length).toBeGreaterThan(20);
    for (const s of depression)
      expect(s.before[1], `${s.note.id}: "${s.span.text}"`).toBeGreaterThanOrEqual(14);
  });

  it('ADHD and new anxiety diagnoses state at least 6 months (DSM-5 ADHD and GAD criterion A)', () => {
    const persistent = stated.filter(
      ({ patient, encounter }) =>
        encounter.reason === 'adhd' ||
        (encounter.reason === 'anxiety' && isNew(patient, encounter, 'anxiety')),
    );
    expect(persistent.length).toBeGreaterThan(5);
    for (const s of persistent)
      expect(
        s.before[1],
        `${s.note.id} ${s.encounter.reason}: "${s.span.text}"`,
      ).toBeGreaterThanOrEqual(182);
  });
});
