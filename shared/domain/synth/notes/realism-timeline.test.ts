// Tests (synth/notes): what the notes of real generated patients say about the hospital timeline,
// the discharge summary and return precautions agrees with the true state. Generator 1.5.0 fixed
// these (each check fails on 1.4.0).
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import type { ConditionKey } from '../catalog';
import { ageOn, notesInContext } from './realism.test-helper';
import { daysBetween } from './context';
import { reasonSymptoms, symptoms } from './lexicon/symptoms';

const options = {
  patients: 500,
  seed: 101,
  hospital: 'encounters',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

const all = notesInContext(cohort);

/** Sentences (by '.' or newline) of a note's text, with their offsets. */
function sentences(text: string): { start: number; end: number; text: string }[] {
  return [...text.matchAll(/[^.\n]+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

describe('Ward notes', () => {
  it('estimate a length of stay in the H&P that brackets the true stay (1.4.0: "1-2 days" for 7)', () => {
    let checked = 0;
    for (const { note, encounter, text } of all) {
      if (encounter.kind !== 'inpatient' || note.kind !== 'history-and-physical') continue;
      const nights = daysBetween(encounter.start, encounter.end);
      for (const m of text.matchAll(
        /(?:LOS|length of stay|anticipate|discharge in) (\d+)-(\d+) (days|hours)\b/gi,
      )) {
        const unit = m[3]!.toLowerCase() === 'hours' ? 24 : 1;
        const lo = Number(m[1]) / unit;
        const hi = Number(m[2]) / unit;
        expect(nights, `${note.id}: ${m[0]} (stay ${nights} days)`).toBeGreaterThanOrEqual(lo - 1);
        expect(nights, `${note.id}: ${m[0]} (stay ${nights} days)`).toBeLessThanOrEqual(hi + 1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('expect the discharge on its true date in progress notes (1.4.0: "tomorrow" 5 days ahead)', () => {
    let checked = 0;
    for (const { note, encounter, text } of all) {
      if (encounter.kind !== 'inpatient' || note.kind !== 'progress') continue;
      const remaining = daysBetween(note.date, encounter.end);
      for (const m of text.matchAll(
        /discharge (?:home )?(tomorrow|today|later today|in (\d+)(?:-(\d+))? (?:days?|hours))\b/gi,
      )) {
        const what = `${note.id}: ${m[0]} (discharged in ${remaining} days)`;
        const when = m[1]!.toLowerCase();
        if (when === 'tomorrow') expect(remaining, what).toBe(1);
        else if (when.endsWith('today')) expect(remaining, what).toBe(0);
        else {
          const unit = /hours/i.test(m[0]) ? 24 : 1;
          expect(remaining, what).toBeGreaterThanOrEqual(Number(m[2]) / unit);
          expect(remaining, what).toBeLessThanOrEqual(Number(m[3] ?? m[2]) / unit);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

/** Reasons for a stay that may need oxygen (as discharge.ts). */
const cardiorespiratory = new Set<ConditionKey>([
  'asthma',
  'copd',
  'lung-cancer',
  'heart-failure',
  'myocardial-infarction',
  'coronary-disease',
  'atrial-fibrillation',
]);

describe('Discharge summaries', () => {
  const summaries = all.filter(({ note }) => note.kind === 'discharge-summary');

  it('take a patient off oxygen only after a stay for the lungs or heart (1.4.0: after diabetes)', () => {
    let checked = 0;
    for (const { note, encounter, text } of summaries) {
      const reason = encounter.reason;
      if (!reason || cardiorespiratory.has(reason)) continue;
      if (reasonSymptoms[reason]?.includes('dyspnea')) continue;
      expect(text, note.id).not.toMatch(/supplemental oxygen/i);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('have PT/OT evaluate adults only (1.4.0: "PT/OT evaluated her" of a 19-month-old)', () => {
    let children = 0;
    for (const { note, patient, text } of summaries) {
      if (ageOn(patient.demographics.birthDate, note.date) >= 18) continue;
      expect(text, note.id).not.toMatch(/PT\/OT/);
      children++;
    }
    expect(children).toBeGreaterThan(1);
  });

  it('give the condition at discharge under a condition heading (1.4.0: "Disposition - Good.")', () => {
    expect(summaries.length).toBeGreaterThan(50);
    for (const { note, text } of summaries)
      expect(text, note.id).not.toMatch(/^dispo(?:sition)?(?::| -|$)/im);
  });
});

const emergencyCodes = new Set(
  (['chestPain', 'dyspnea', 'syncope', 'hemoptysis', 'bloodInStool'] as const).map(
    (k) => symptoms[k].code as string,
  ),
);

describe('Return precautions', () => {
  it('say a symptom the patient has may worsen, not develop (1.4.0: "if wheezing develop" in COPD)', () => {
    let checked = 0;
    for (const { note, encounter, text } of all) {
      // An ED visit or a stay always presents with the reason's first symptom (symptom-plan.ts).
      if (encounter.kind !== 'emergency' && encounter.kind !== 'inpatient') continue;
      const first = encounter.reason ? reasonSymptoms[encounter.reason]?.[0] : undefined;
      if (!first) continue;
      const code: string = symptoms[first].code;
      for (const s of sentences(text)) {
        if (!/Return to the ED if|should call the clinic/i.test(s.text)) continue;
        const has = note.entities.some(
          (e) => e.type === 'Symptom' && e.code === code && e.start >= s.start && e.end <= s.end,
        );
        if (!has) continue;
        expect(s.text, note.id).not.toMatch(/\b(?:develops?|occurs?)\b/i);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('send a clinic patient to the ED only for an emergency sign (1.4.0: for trouble focusing)', () => {
    let checked = 0;
    for (const { note, encounter, text } of all) {
      if (encounter.kind !== 'ambulatory' && encounter.kind !== 'wellness') continue;
      for (const s of sentences(text)) {
        if (!/Return to the ED if/i.test(s.text)) continue;
        const emergent = note.entities.some(
          (e) =>
            e.type === 'Symptom' &&
            e.start >= s.start &&
            e.end <= s.end &&
            emergencyCodes.has(e.code!),
        );
        expect(emergent, `${note.id}: ${s.text}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
