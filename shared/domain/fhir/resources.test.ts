import { describe, expect, it } from 'vitest';
import { observationInstant, subjectPatientId, type Observation } from './resources';

function observation(extra: Partial<Observation> = {}): Observation {
  return {
    resourceType: 'Observation',
    id: 'obs-1',
    status: 'final',
    code: { text: 'Systolic blood pressure' },
    subject: { reference: 'Patient/pat-001' },
    ...extra,
  };
}

describe('Function: observationInstant', () => {
  it('prefers effectiveDateTime over every other time', () => {
    // Prepare
    const o = observation({
      effectiveDateTime: '2024-01-01T10:00:00Z',
      effectiveInstant: '2024-02-01T10:00:00Z',
      effectivePeriod: { start: '2024-03-01T10:00:00Z' },
      issued: '2024-04-01T10:00:00Z',
    });

    // Act
    const instant = observationInstant(o);

    // Assess
    expect(instant).toBe('2024-01-01T10:00:00Z');
  });

  it('falls back to effectiveInstant, then the period start, then issued', () => {
    // Act
    const fromInstant = observationInstant(
      observation({ effectiveInstant: '2024-02-01T10:00:00Z', issued: '2024-04-01T10:00:00Z' }),
    );
    const fromPeriod = observationInstant(
      observation({
        effectivePeriod: { start: '2024-03-01T10:00:00Z', end: '2024-03-02T10:00:00Z' },
        issued: '2024-04-01T10:00:00Z',
      }),
    );
    const fromIssued = observationInstant(observation({ issued: '2024-04-01T10:00:00Z' }));

    // Assess
    expect([fromInstant, fromPeriod, fromIssued]).toEqual([
      '2024-02-01T10:00:00Z',
      '2024-03-01T10:00:00Z',
      '2024-04-01T10:00:00Z',
    ]);
  });

  it('is undefined when the Observation carries no time', () => {
    // Act
    const instant = observationInstant(
      observation({ effectivePeriod: { end: '2024-03-02T10:00:00Z' } }),
    );

    // Assess
    expect(instant).toBeUndefined();
  });
});

describe('Function: subjectPatientId', () => {
  it.each([
    ['a relative reference', 'Patient/pat-001', 'pat-001'],
    ['an absolute reference', 'https://fhir.example.org/r4/Patient/A.12-b', 'A.12-b'],
  ])('returns the patient id of %s', (_case, reference, id) => {
    // Act
    const patientId = subjectPatientId(observation({ subject: { reference } }));

    // Assess
    expect(patientId).toBe(id);
  });

  it.each([
    ['a Group', 'Group/g1'],
    ['a Patient reference without id', 'Patient/'],
    ['an id with an illegal character', 'Patient/pat_001'],
    ['a type that only ends in Patient', 'OtherPatient/p1'],
  ])('is undefined for %s', (_case, reference) => {
    // Act
    const patientId = subjectPatientId(observation({ subject: { reference } }));

    // Assess
    expect(patientId).toBeUndefined();
  });
});
