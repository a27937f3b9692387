// Unit tests (synth/notes): the truth at a note date (conditions by onset, active medications, reason).
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { conditionsAt, noteTruth, patientFacts, shiftDate } from './context';
import { fixturePatient } from './fixtures.test-helper';

describe('Function: conditionsAt', () => {
  it('keeps conditions with onset by the date: chronic ones present, acute ones history after 30 days', () => {
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
