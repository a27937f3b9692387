// Unit tests (synth/notes): the truth at a note date (conditions by onset, active medications, reason).
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { conditionsAt, noteTruth, patientFacts, shiftDate } from './context';
import { fixturePatient } from './fixtures.test-helper';

describe('Function: conditionsAt', () => {
  it('keeps conditions with onset by the date: chronic ones present, acute ones history after their course', () => {
    // Prepare
    const patient = fixturePatient(1, 1);
    patient.conditions = [
      { key: 'hypertension', onset: '2015-02-01', status: 'active' },
      { key: 'deep-vein-thrombosis', onset: '2020-05-01', status: 'resolved' },
      { key: 'myocardial-infarction', onset: '2023-01-10', status: 'resolved' },
      { key: 'asthma', onset: '2024-06-01', status: 'active' },
    ];
    // Act
    const at = conditionsAt(patient, '2023-01-20');
    // Assess
    expect(at.map((c) => [c.condition.key, c.assertion])).toEqual([
      ['hypertension', 'present'],
      ['deep-vein-thrombosis', 'historical'],
      ['myocardial-infarction', 'present'],
    ]);
  });
});

describe('Function: conditionsAt, against the Condition abatement', () => {
  const at = (patient: ReturnType<typeof fixturePatient>, date: string) =>
    Object.fromEntries(conditionsAt(patient, date).map((c) => [c.condition.key, c.assertion]));

  it('keeps a resolved acute condition present to its abatement day, then history', () => {
    // Prepare
    const patient = fixturePatient(1, 1);
    patient.encounters = [];
    patient.conditions = [
      { key: 'otitis-media', onset: '2024-03-01', status: 'resolved' },
      { key: 'deep-vein-thrombosis', onset: '2024-03-01', status: 'resolved' },
      { key: 'stroke', onset: '2024-03-01', status: 'resolved' },
    ];
    // Act, Assess: otitis media 10 days, stroke 28, DVT 90 (state/condition-course.ts)
    expect(at(patient, '2024-03-11')).toEqual({
      'otitis-media': 'present',
      'deep-vein-thrombosis': 'present',
      stroke: 'present',
    });
    expect(at(patient, '2024-03-12')['otitis-media']).toBe('historical');
    expect(at(patient, '2024-03-29').stroke).toBe('present');
    expect(at(patient, '2024-03-30').stroke).toBe('historical');
    expect(at(patient, '2024-05-15')['deep-vein-thrombosis']).toBe('present');
    expect(at(patient, '2024-05-30')['deep-vein-thrombosis']).toBe('present');
    expect(at(patient, '2024-05-31')['deep-vein-thrombosis']).toBe('historical');
  });

  it('keeps a resolved condition present to the discharge of a later stay for it', () => {
    // Prepare: a stroke readmission from day 33 to day 36
    const patient = fixturePatient(1, 1);
    patient.conditions = [{ key: 'stroke', onset: '2024-03-01', status: 'resolved' }];
    patient.encounters = [
      {
        id: 'e1',
        kind: 'inpatient',
        start: '2024-04-03T10:00:00-05:00',
        end: '2024-04-06T12:00:00-05:00',
        reason: 'stroke',
        readmission: true,
        noteKinds: ['history-and-physical', 'discharge-summary'],
      },
    ];
    // Act, Assess
    expect(at(patient, '2024-04-06').stroke).toBe('present');
    expect(at(patient, '2024-04-07').stroke).toBe('historical');
  });

  it('keeps an active acute condition present', () => {
    const patient = fixturePatient(1, 1);
    patient.encounters = [];
    patient.conditions = [{ key: 'myocardial-infarction', onset: '2024-03-01', status: 'active' }];
    expect(at(patient, '2024-04-20')['myocardial-infarction']).toBe('present');
  });
});

describe('Function: noteTruth', () => {
  it('takes medications active at the note date and writes an undiagnosed reason as suspected', () => {
    // Prepare
    const patient = fixturePatient(1, 2);
    patient.conditions = [{ key: 'type2-diabetes', onset: '2019-01-01', status: 'active' }];
    const base = patient.medications[0] ?? {
      key: 'metformin-500',
      rxnorm: { system: 'x', code: '1', display: 'metformin 500 MG Oral Tablet' },
      indication: 'type2-diabetes' as const,
      doseText: '500 mg',
      doseQuantity: { value: 500, unit: 'mg' },
      route: 'oral' as const,
      start: '2019-01-01',
      adherence: 1,
      dispense: { quantity: 30, daysSupply: 30 },
    };
    patient.medications = [
      { ...base, key: 'a', start: '2019-01-01' },
      { ...base, key: 'b', start: '2019-01-01', end: '2022-12-31' },
      { ...base, key: 'c', start: '2024-01-01' },
    ];
    const encounter = {
      id: 'e1',
      kind: 'emergency' as const,
      start: '2023-03-01T10:00:00-05:00',
      end: '2023-03-01T14:00:00-05:00',
      reason: 'stroke' as const,
      noteKinds: ['history-and-physical' as const],
    };
    // Act
    const truth = noteTruth(
      patient,
      encounter,
      'history-and-physical',
      patientFacts(patient, new Rng(1)),
      [],
    );
    // Assess
    expect(truth.date).toBe('2023-03-01');
    expect(truth.medications.map((m) => m.key)).toEqual(['a']);
    expect(truth.stoppedMedications.map((m) => m.key)).toEqual(['b']);
    expect(truth.reason).toBeUndefined();
    expect(truth.suspected).toBe('stroke');
    expect(truth.acute).toBe(true);
  });
});

describe('Function: shiftDate', () => {
  it('moves a date across month and year ends', () => {
    expect(shiftDate('2023-12-30T09:00:00-05:00', 3)).toBe('2024-01-02');
    expect(shiftDate('2024-03-01', -1)).toBe('2024-02-29');
  });
});
