// Tests (synth/state): the vital signs of inpatient stays on a generated cohort — a set every 12 hours
// inside the stay, values returning from the admission's toward the patient's clinic values, and an
// ACVPU level with each set that never worsens.
import { describe, expect, it } from 'vitest';
import type { CohortOptions, SynthPatient, TrueEncounter, TrueMeasurement } from '../model';
import { generatePatientState } from './patient';

const options: CohortOptions = {
  patients: 1500,
  seed: 4242,
  hospital: 'ward',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => generatePatientState(options, i));

const wardKeys = new Set([
  'bloodPressurePanel',
  'heartRate',
  'respiratoryRate',
  'oxygenSaturation',
]);

interface Stay {
  patient: SynthPatient;
  encounter: TrueEncounter;
  /** The stay's vital-sign sets by time, oldest (the admission's) first. */
  sets: Map<string, TrueMeasurement>[];
}

const stays: Stay[] = cohort.flatMap((patient) =>
  patient.encounters
    .filter((e) => e.kind === 'inpatient')
    .map((encounter) => {
      const byTime = new Map<string, Map<string, TrueMeasurement>>();
      for (const m of patient.measurements) {
        if (m.encounterId !== encounter.id) continue;
        if (!wardKeys.has(m.key) && m.key !== 'consciousness' && m.key !== 'bodyTemperature')
          continue;
        const set = byTime.get(m.at) ?? new Map<string, TrueMeasurement>();
        set.set(m.key, m);
        byTime.set(m.at, set);
      }
      const sets = [...byTime.entries()]
        .sort(([a], [b]) => Date.parse(a) - Date.parse(b))
        .map(([, set]) => set);
      return { patient, encounter, sets };
    }),
);

const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const atOf = (set: Map<string, TrueMeasurement>): string => set.values().next().value!.at;

describe('Function: generatePatientState (vital signs on the ward)', () => {
  it('records vitals only inside the stay, none before admission or after discharge', () => {
    // Prepare
    const inpatient = new Map(stays.map((s) => [s.encounter.id, s.encounter]));
    let checked = 0;

    // Act
    const outside = cohort.flatMap((p) =>
      p.measurements.filter((m) => {
        const stay = inpatient.get(m.encounterId ?? '');
        if (!stay || (!wardKeys.has(m.key) && m.key !== 'consciousness')) return false;
        checked++;
        return Date.parse(m.at) < Date.parse(stay.start) || Date.parse(m.at) > Date.parse(stay.end);
      }),
    );

    // Assess
    expect(stays.length).toBeGreaterThan(150);
    expect(checked).toBeGreaterThan(5000);
    expect(outside.map((m) => `${m.encounterId} ${m.key} ${m.at}`)).toEqual([]);
  });

  it('takes a full set every 12 hours (NICE CG50, NEWS2 score 0), the first at least 2 h after admission', () => {
    let gaps = 0;
    for (const { encounter, sets } of stays) {
      for (let i = 1; i < sets.length; i++) {
        const gap = days(atOf(sets[i - 1]!), atOf(sets[i]!)) * 24;
        // Rounds at 06:xx and 18:xx: 11-13 h apart (one more or less across a DST change); the first
        // is 2-16 h after admission (a round under 2 h after the admission set is skipped).
        expect(gap, encounter.id).toBeGreaterThanOrEqual(i === 1 ? 2 : 10);
        expect(gap, encounter.id).toBeLessThanOrEqual(i === 1 ? 16 : 14);
        expect(sets[i]!.has('heartRate') && sets[i]!.has('consciousness'), encounter.id).toBe(true);
        gaps++;
      }
      // From the day after admission to the day before discharge: two sets every calendar day.
      const stayDays = days(encounter.start.slice(0, 10), encounter.end.slice(0, 10));
      for (let d = 1; d < stayDays; d++) {
        const day = new Date(Date.parse(encounter.start.slice(0, 10)) + d * 86_400_000)
          .toISOString()
          .slice(0, 10);
        // (An admission at 23:50 has its own set after midnight: only the ward sets count.)
        const rounds = sets.slice(1).filter((s) => atOf(s).startsWith(day));
        expect(rounds.length, encounter.id).toBe(2);
      }
    }
    expect(gaps).toBeGreaterThan(1000);
  });

  it('brings the heart and respiratory rates back from the admission values toward the clinic ones', () => {
    // Prepare: stays of 3 days or more, against the mean of the patient's clinic visits.
    const drop = { admission: [] as number[], last: [] as number[], rr: [] as number[] };
    for (const { patient, encounter, sets } of stays) {
      if (days(encounter.start, encounter.end) < 3 || sets.length < 4) continue;
      const clinic = patient.encounters.filter(
        (e) => e.kind === 'ambulatory' || e.kind === 'wellness',
      );
      const rates = patient.measurements.filter(
        (m) => m.key === 'heartRate' && clinic.some((e) => e.id === m.encounterId),
      );
      if (rates.length === 0 || patient.demographics.ageYears < 18) continue;
      const usual = rates.reduce((a, m) => a + m.value, 0) / rates.length;
      const rate = (set: Map<string, TrueMeasurement>) => set.get('heartRate')!.value;
      drop.admission.push(rate(sets[0]!) - usual);
      drop.last.push(rate(sets[sets.length - 1]!) - usual);
      drop.rr.push(
        sets[sets.length - 1]!.get('respiratoryRate')!.value -
          sets[0]!.get('respiratoryRate')!.value,
      );
    }
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

    // Assess: admitted about 12/min above the clinic rate (the acute offset), discharged near it.
    expect(drop.admission.length).toBeGreaterThan(60);
    expect(mean(drop.admission)).toBeGreaterThan(8);
    expect(Math.abs(mean(drop.last))).toBeLessThan(4);
    expect(mean(drop.rr)).toBeLessThan(-1.5);
  });

  it('carries the ACVPU level of admission forward, recovering and never worsening during the stay', () => {
    let confused = 0;
    let recovered = 0;
    for (const { encounter, sets } of stays) {
      const levels = sets.map((s) => s.get('consciousness')?.value ?? 0);
      for (let i = 1; i < levels.length; i++)
        expect(levels[i]!, encounter.id).toBeLessThanOrEqual(levels[i - 1]!);
      if (levels[0]! > 0) {
        confused++;
        if (levels[levels.length - 1]! < levels[0]!) recovered++;
      }
    }
    expect(confused).toBeGreaterThan(5);
    expect(recovered).toBeGreaterThan(0);
    expect(recovered).toBeLessThan(confused);
  });
});
