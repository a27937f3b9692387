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
    expect(read({ valueInteger: 1 })).toMatchObject({ value: 1 });
    expect(read({ valueInteger: 0 })).toMatchObject({ value: 0 });
  });

  it('gives no fact for an answer older than 14 days, readable or not', () => {
    expect(read(coded('LA6571-9'), '2024-05-01')).toBeUndefined();
    expect(read({ valueCodeableConcept: { text: 'yes' } }, '2024-05-01')).toBeUndefined();
  });

  it.each([
    [
      'an answer code outside LL358-3',
      coded('LA9999-9'),
      'answer LA9999-9 is not one of LA6568-5, LA6569-3, LA6570-1, LA6571-9',
    ],
    [
      'text with no code',
      { valueCodeableConcept: { text: 'yes' } },
      'answer yes is not one of LA6568-5, LA6569-3, LA6570-1, LA6571-9',
    ],
    ['a number above 3', { valueInteger: 4 }, 'value 4 is not a score from 0 to 3'],
    ['a negative number', { valueInteger: -1 }, 'value -1 is not a score from 0 to 3'],
    [
      'a fraction',
      { valueQuantity: { value: 1.5, code: '{score}' } },
      'value 1.5 is not a score from 0 to 3',
    ],
    [
      'a unit that is not a score',
      { valueQuantity: { value: 2, code: 'mg' } },
      'unit "mg" is not a score',
    ],
  ])('says an item recorded as %s is unreadable, never absent', (_, value, why) => {
    expect(read(value)).toEqual({
      unreadable: why,
      source: 'Observation/item9 2024-05-30 (2 d old)',
    });
  });
});
