// Tests (synth/notes): what kind of visit a note says it is. Generator 1.6.0 fixed the visit that
// makes a diagnosis; the check fails on 1.5.0, whose note of the visit that diagnosed a 7-year-old's
// ADHD read "CC: follow-up: ADHD" and "Patient returns for routine follow-up of ADHD", and titles: 1.5.0
// headed visits of patients seen for years "New Patient Evaluation".
import { describe, expect, it } from 'vitest';
import { conditions } from '../catalog';
import { renderCohortPatient } from '../cohort';
import { notesInContext } from './realism.test-helper';

const options = {
  patients: 600,
  seed: 71,
  hospital: 'visits',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const all = notesInContext(
  Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i)),
);

describe('Synthetic notes: the kind of visit', () => {
  it('call the clinic visit that makes a diagnosis an evaluation, not a follow-up (1.5.0: "returns for routine follow-up of ADHD")', () => {
    let checked = 0;
    let followUps = 0;
    for (const { note, encounter, patient, text } of all) {
      if (!encounter.reason || (encounter.kind !== 'ambulatory' && encounter.kind !== 'wellness'))
        continue;
      const reason = encounter.reason;
      const condition = patient.conditions.find((c) => c.key === reason);
      if (!condition) continue;
      const isNew = condition.onset.slice(0, 10) >= encounter.start.slice(0, 10);
      // The sentences (or lines) of the first two mentions of the reason: the complaint and the HPI.
      const code = conditions[reason].snomed.code;
      for (const e of note.entities.filter((x) => x.code === code).slice(0, 2)) {
        const start = Math.max(text.lastIndexOf('. ', e.start), text.lastIndexOf('\n', e.start));
        const sentence = text.slice(start + 1, e.end);
        const saysFollowUp = /follow[- ]?up|\bf\/u\b|\breturns\b|last seen/i.test(sentence);
        if (isNew) {
          expect(saysFollowUp, `${note.id}: "${sentence}"`).toBe(false);
          checked++;
        } else if (saysFollowUp) followUps++;
      }
    }
    expect(checked).toBeGreaterThan(30);
    // Visits after the diagnosis still follow it up.
    expect(followUps).toBeGreaterThan(30);
  });

  it('title a clinic note "New Patient Evaluation" only for a patient not seen before, "Initial Consultation" only at the first visit for its reason', () => {
    let newPatients = 0;
    let consultations = 0;
    for (const { note, encounter, patient, text } of all) {
      const head = text.slice(0, 200);
      const before = patient.encounters.filter((e) => e.start < encounter.start);
      if (/New Patient Evaluation/i.test(head)) {
        const seen = before.filter((e) => e.kind === 'ambulatory' || e.kind === 'wellness');
        expect(
          seen.map((e) => e.start),
          note.id,
        ).toEqual([]);
        newPatients++;
      }
      if (/Initial Consultation/i.test(head)) {
        expect(encounter.reason, note.id).toBeDefined();
        expect(
          before.filter((e) => e.reason === encounter.reason).map((e) => e.start),
          note.id,
        ).toEqual([]);
        consultations++;
      }
    }
    expect(newPatients).toBeGreaterThan(5);
    expect(consultations).toBeGreaterThan(5);
  });
});
