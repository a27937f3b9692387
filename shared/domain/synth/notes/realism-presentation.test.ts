// Tests (synth/notes): the notes of one acute encounter tell the same presentation. Generator 1.6.0
// fixed two disagreements; each check fails on 1.5.0, where an admission's H&P had "2 days of weakness
// and dizziness" and its discharge summary "7 days of asthenia and slurred speech" (the span counted
// to the discharge, the secondary symptoms drawn again for each note).
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import type { SynthNote } from '../model';
import { patientRng } from '../rng';
import { noteTruth, patientFacts } from './context';
import { withoutPhi } from './realism.test-helper';
import { encounterOnset, planSymptoms } from './symptom-plan';

const options = {
  patients: 600,
  seed: 67,
  hospital: 'presentation',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

/** Admissions with a catalog reason, with their H&P and discharge summary. */
const stays = cohort.flatMap(({ patient, notes }) =>
  patient.encounters
    .filter((e) => e.kind === 'inpatient' && e.reason !== undefined)
    .map((encounter) => {
      const of = (kind: SynthNote['kind']) =>
        notes.find((n) => n.encounterId === encounter.id && n.kind === kind);
      return {
        encounter,
        admission: of('history-and-physical'),
        discharge: of('discharge-summary'),
      };
    })
    .filter((s) => s.admission !== undefined && s.discharge !== undefined),
);

/** Spans of the presenting symptoms a note writes: "x 3 days", "3 days of", "past 3 days", "3 days ago". */
function spans(note: SynthNote): Set<string> {
  const text = withoutPhi(note);
  const out = new Set<string>();
  for (const m of text.matchAll(
    /(?:\bx |\bpast |\blast |\bfor )(\d+ (?:hours?|days?|weeks?))\b|\b(\d+ (?:hours?|days?|weeks?)) (?:of|ago)\b/g,
  ))
    out.add((m[1] ?? m[2])!.replace(/^48 hours$/, '2 days'));
  return out;
}

/** Codes of the symptoms a note asserts with `assertion`. */
function symptoms(note: SynthNote, assertion: 'present' | 'negated'): Set<string> {
  return new Set(
    note.entities
      .filter((e) => e.type === 'Symptom' && e.assertion === assertion && e.code !== undefined)
      .map((e) => e.code!),
  );
}

describe('Synthetic notes: one presentation per encounter', () => {
  it('give the discharge summary the span the H&P gives (1.5.0: "2 days" at admission, "7 days" at discharge)', () => {
    let compared = 0;
    for (const { admission, discharge } of stays) {
      const before = spans(admission!);
      const after = spans(discharge!);
      if (before.size === 0 || after.size === 0) continue;
      for (const span of after)
        expect(
          before.has(span),
          `${discharge!.id}: "${span}" vs H&P ${[...before].join(', ')}`,
        ).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('never deny at admission a symptom the discharge summary says brought the patient in (1.5.0: each note drew its own)', () => {
    let compared = 0;
    for (const { admission, discharge } of stays) {
      const denied = symptoms(admission!, 'negated');
      const deniedLater = symptoms(discharge!, 'negated');
      for (const code of symptoms(discharge!, 'present'))
        expect(denied.has(code), `${discharge!.id}: ${code} denied in the H&P`).toBe(false);
      for (const code of symptoms(admission!, 'present'))
        expect(deniedLater.has(code), `${admission!.id}: ${code} denied at discharge`).toBe(false);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('plan the same present symptoms for every note of a stay, whatever each note draws', () => {
    let compared = 0;
    for (const [i, { patient }] of cohort.entries()) {
      const rng = patientRng(1000 + i, i);
      const facts = patientFacts(patient, rng.fork('facts'));
      for (const encounter of patient.encounters) {
        if (encounter.kind !== 'inpatient' || !encounter.reason) continue;
        const measurements = patient.measurements.filter((m) => m.encounterId === encounter.id);
        const onset = encounterOnset(patient, encounter, undefined, rng.fork('onset'));
        const [admission, discharge] = (['history-and-physical', 'discharge-summary'] as const).map(
          (kind) =>
            planSymptoms(
              noteTruth(patient, encounter, kind, facts, measurements),
              rng.fork(kind),
              onset,
            ),
        );
        expect(discharge!.present, encounter.id).toEqual(admission!.present);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
