// Tests (synth/notes): the vital signs the notes of an inpatient stay show are those of the note's own
// time: the H&P the admission set, a progress note its morning's ward set, the discharge summary the
// discharge day's; the words that judge them ("tachycardic", "hemodynamically stable") read the same
// numbers. Until 1.6.0 every note of a stay showed the admission's vitals.
import { describe, expect, it } from 'vitest';
import { measurements as catalog, type MeasurementKey } from '../catalog';
import type { SynthNote, SynthPatient, TrueMeasurement } from '../model';
import { patientRng, Rng } from '../rng';
import { generatePatientState } from '../state/patient';
import { generateNotes } from './generate';
import { normalRateLimit } from './realism.test-helper';

const options = {
  patients: 2500,
  seed: 3131,
  hospital: 'ward',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const admitted = Array.from({ length: options.patients }, (_, i) =>
  generatePatientState(options, i),
).filter((p) => p.encounters.some((e) => e.kind === 'inpatient'));
const cohort = admitted.map((patient) => ({
  patient,
  notes: generateNotes(patient, patientRng(options.seed, patient.index).fork('notes')),
}));

/** The vitals checked: numbers a note prints as the state holds them (temperature may be in °F). */
const checkedKeys = [
  'heartRate',
  'respiratoryRate',
  'oxygenSaturation',
  'bloodPressurePanel',
] as const;
type CheckedKey = (typeof checkedKeys)[number];
const keyOfCode = new Map<string, CheckedKey>(checkedKeys.map((k) => [catalog[k].loinc, k]));

/** Each checked vital the note prints: "HR 88", "P-83", "heart rate was 88", "BP: 134/69". */
function printed(note: SynthNote): { key: CheckedKey; value: string }[] {
  const out: { key: CheckedKey; value: string }[] = [];
  for (const e of note.entities) {
    const key = e.type === 'LabTest' ? keyOfCode.get(e.code ?? '') : undefined;
    if (!key) continue;
    const match = /^(?::\s|-|\s|\sof\s|\swas\s|\sis\s)(\d+(?:\/\d+)?)/.exec(note.text.slice(e.end));
    if (match) out.push({ key, value: match[1]! });
  }
  return out;
}

const text = (m: TrueMeasurement): string =>
  m.diastolic === undefined ? String(m.value) : `${m.value}/${m.diastolic}`;

/** The encounter's readings of `key`, oldest first. */
function readings(patient: SynthPatient, encounterId: string, key: MeasurementKey) {
  return patient.measurements
    .filter((m) => m.encounterId === encounterId && m.key === key)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * The reading taken last by `at`, or the first when none was (written here independently), on the
 * local wall clock the note prints (a progress note's time keeps the admission's UTC offset).
 */
function asOf(list: readonly TrueMeasurement[], at: string): TrueMeasurement | undefined {
  const by = list.filter((m) => m.at.slice(0, 16) <= at.slice(0, 16));
  return by.length > 0 ? by[by.length - 1] : list[0];
}

const stayNotes = (kind: SynthNote['kind']) =>
  cohort.flatMap(({ patient, notes }) =>
    notes
      .filter((n) => n.kind === kind)
      .map((note) => ({
        patient,
        note,
        encounter: patient.encounters.find((e) => e.id === note.encounterId)!,
      }))
      .filter(({ encounter }) => encounter.kind === 'inpatient'),
  );

describe('Notes of inpatient stays: the vitals of their own day', () => {
  it('show a progress note the ward set of its morning, not the admission set', () => {
    // Prepare
    let checked = 0;
    let unlikeAdmission = 0;

    // Act and assess
    for (const { patient, note, encounter } of stayNotes('progress')) {
      for (const { key, value } of printed(note)) {
        const list = readings(patient, encounter.id, key);
        const shown = asOf(list, note.date)!;
        expect(shown.at.slice(0, 10), `${note.id} ${key}`).toBe(note.date.slice(0, 10));
        expect(value, `${note.id} ${key} at ${shown.at}`).toBe(text(shown));
        if (text(shown) !== text(list[0]!)) unlikeAdmission++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(unlikeAdmission).toBeGreaterThan(100);
  });

  it('show the H&P the admission set', () => {
    let checked = 0;
    for (const { patient, note, encounter } of stayNotes('history-and-physical')) {
      for (const { key, value } of printed(note)) {
        expect(value, `${note.id} ${key}`).toBe(text(readings(patient, encounter.id, key)[0]!));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('give the discharge summary the vitals of the discharge day', () => {
    let summaries = 0;
    for (const { patient, note, encounter } of stayNotes('discharge-summary')) {
      const shown = printed(note);
      const pulse = asOf(readings(patient, encounter.id, 'heartRate'), encounter.end)!;
      // Every stay past its first night has a set on the discharge morning, and its summary shows it.
      if (pulse.at.slice(0, 10) !== encounter.end.slice(0, 10)) continue;
      expect(shown.length, note.id).toBeGreaterThan(0);
      for (const { key, value } of shown) {
        const reading = asOf(readings(patient, encounter.id, key), encounter.end)!;
        expect(reading.at.slice(0, 10), `${note.id} ${key}`).toBe(encounter.end.slice(0, 10));
        expect(value, `${note.id} ${key}`).toBe(text(reading));
      }
      summaries++;
    }
    expect(summaries).toBeGreaterThan(150);
  });
});

describe('Notes of inpatient stays: words that judge the vitals they show', () => {
  it('call the heart "tachycardic" in a progress note only at a fast shown rate', () => {
    let fast = 0;
    for (const { patient, note, encounter } of stayNotes('progress')) {
      const rate = asOf(readings(patient, encounter.id, 'heartRate'), note.date)!.value;
      const age = patient.demographics.ageYears;
      const tachycardic = /\btachycardi/i.test(note.text);
      if (rate > normalRateLimit(age)) fast++;
      else expect(tachycardic, `${note.id}: ${rate}/min`).toBe(false);
    }
    expect(fast).toBeGreaterThan(0);
  });

  it('never call a patient discharged at a fast rate "hemodynamically stable"', () => {
    // Prepare: the summaries of stays that end tachycardic, each written 25 times (other streams).
    const fastStays = cohort.flatMap(({ patient }) =>
      patient.encounters
        .filter((e) => e.kind === 'inpatient')
        .filter((e) => {
          const pulse = asOf(readings(patient, e.id, 'heartRate'), e.end)!;
          return (
            pulse.at.slice(0, 10) === e.end.slice(0, 10) &&
            pulse.value > normalRateLimit(patient.demographics.ageYears)
          );
        })
        .map((encounter) => ({ patient, encounter })),
    );
    let summaries = 0;

    // Act and assess
    for (const { patient, encounter } of fastStays) {
      for (let k = 0; k < 25; k++) {
        const notes = generateNotes(patient, new Rng(k, patient.index));
        const summary = notes.find(
          (n) => n.encounterId === encounter.id && n.kind === 'discharge-summary',
        )!;
        expect(summary.text, summary.id).not.toMatch(/hemodynamically stable/i);
        summaries++;
      }
    }
    expect(fastStays.length).toBeGreaterThan(3);
    expect(summaries).toBeGreaterThan(75);
  });
});
