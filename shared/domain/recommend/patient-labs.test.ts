import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { patientRecord } from '../risk/fhir/patient-record';
import { phq9Item9 } from './patient-labs';

const at = new Date('2024-06-01T12:00:00Z');
const item9 = (value: Record<string, unknown>, date = '2024-05-30'): Resource =>
  ({
    resourceType: 'Observation',
    id: 'item9',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '44260-8' }] },
    effectiveDateTime: date,
    ...value,
  }) as Resource;
const read = (value: Record<string, unknown>, date?: string) =>
  phq9Item9(patientRecord([item9(value, date)], at));
const coded = (code: string) => ({
  valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code }] },
});

describe('Function: phq9Item9', () => {
  it.each([
    ['LA6568-5', 0],
    ['LA6569-3', 1],
    ['LA6570-1', 2],
    ['LA6571-9', 3],
  ])('scores the LOINC LL358-3 answer %s as %s', (code, points) => {
    expect(read(coded(code))).toEqual({
      value: points,
      unit: '{score}',
      source: 'Observation/item9 2024-05-30 (2 d old)',
    });
  });

  it('reads a numeric answer as before', () => {
    expect(read({ valueInteger: 1 })?.value).toBe(1);
  });

  it('gives no fact for an answer older than 14 days or one it cannot score', () => {
    expect(read(coded('LA6571-9'), '2024-05-01')).toBeUndefined();
    expect(read({ valueCodeableConcept: { text: 'yes' } })).toBeUndefined();
  });
});
