import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { scoresFromFhir } from '../scores-from-fhir';
import { pooledCohortInputs, qrisk3Inputs } from './cardiovascular-inputs';
import { patientRecord } from './patient-record';

const at = new Date('2024-06-01T12:00:00Z');
const cdc = 'urn:oid:2.16.840.1.113883.6.238';
type Part = ['ombCategory' | 'detailed', string, string];
const patient = (parts?: Part[], system = cdc): Resource =>
  ({
    resourceType: 'Patient',
    id: 'p1',
    gender: 'male',
    birthDate: '1964-01-01',
    ...(parts
      ? {
          extension: [
            {
              url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
              extension: parts.map(([url, code, display]) => ({
                url,
                valueCoding: { system, code, display },
              })),
            },
          ],
        }
      : {}),
  }) as Resource;
const ethnicity = (parts?: Part[], system?: string) =>
  qrisk3Inputs(patientRecord([patient(parts, system)], at)).ethnicity;

describe('QRISK3 ethnicity from US Core race codes (CDC Race & Ethnicity code set)', () => {
  it.each<[string, Part[], string]>([
    ['White', [['ombCategory', '2106-3', 'White']], 'white'],
    [
      'White with detailed English',
      [
        ['ombCategory', '2106-3', 'White'],
        ['detailed', '2110-5', 'English'],
      ],
      'white',
    ],
    [
      'White with detailed Irish and European',
      [
        ['ombCategory', '2106-3', 'White'],
        ['detailed', '2113-9', 'Irish'],
        ['detailed', '2108-9', 'European'],
      ],
      'white',
    ],
    [
      'Asian Indian',
      [
        ['ombCategory', '2028-9', 'Asian'],
        ['detailed', '2029-7', 'Asian Indian'],
      ],
      'indian',
    ],
    ['Pakistani', [['detailed', '2044-6', 'Pakistani']], 'pakistani'],
    ['Bangladeshi', [['detailed', '2030-5', 'Bangladeshi']], 'bangladeshi'],
    ['Chinese', [['detailed', '2034-7', 'Chinese']], 'chinese'],
    ['Asian, no detail', [['ombCategory', '2028-9', 'Asian']], 'other-asian'],
    ['Filipino', [['detailed', '2036-2', 'Filipino']], 'other-asian'],
    [
      'West Indian',
      [
        ['ombCategory', '2054-5', 'Black or African American'],
        ['detailed', '2075-0', 'West Indian'],
      ],
      'black-caribbean',
    ],
    ['Jamaican', [['detailed', '2072-7', 'Jamaican']], 'black-caribbean'],
    ['Haitian', [['detailed', '2071-9', 'Haitian']], 'black-caribbean'],
    [
      'Nigerian',
      [
        ['ombCategory', '2054-5', 'Black or African American'],
        ['detailed', '2065-1', 'Nigerian'],
      ],
      'black-african',
    ],
    ['African', [['detailed', '2060-2', 'African']], 'black-african'],
    [
      'American Indian or Alaska Native',
      [['ombCategory', '1002-5', 'American Indian or Alaska Native']],
      'other',
    ],
    ['Native Hawaiian', [['detailed', '2079-2', 'Native Hawaiian']], 'other'],
  ])('%s is QRISK3 %s', (_, parts, expected) => {
    expect(ethnicity(parts)?.value).toBe(expected);
    expect(ethnicity(parts)?.unreadable).toBeUndefined();
  });

  it('never reads "Indian" from display text: an AIAN code displayed as "Indian" is other', () => {
    expect(ethnicity([['detailed', '1004-1', 'American Indian']])?.value).toBe('other');
    expect(ethnicity([['ombCategory', '2106-3', 'Indian (typed in)']])?.value).toBe('white');
  });

  it('groups "not stated" (UNK, ASKU) and no race with white, as QRISK3 does', () => {
    expect(ethnicity()?.value).toBe('white');
    expect(
      ethnicity(
        [['ombCategory', 'UNK', 'Unknown']],
        'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
      )?.value,
    ).toBe('white');
  });

  it('reads a race stated only as text as unreadable, not as "not stated" (white)', () => {
    const textOnly = {
      resourceType: 'Patient',
      id: 'p1',
      gender: 'male',
      birthDate: '1964-01-01',
      extension: [
        {
          url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
          extension: [{ url: 'text', valueString: 'Pakistani' }],
        },
      ],
    } as Resource;
    const read = qrisk3Inputs(patientRecord([textOnly], at)).ethnicity;
    expect(read?.value).toBeUndefined();
    expect(read?.unreadable).toMatch(/^race is stated only as text/);
  });

  it('does not guess Black Caribbean or Black African from Black alone, and says why', () => {
    const black = ethnicity([['ombCategory', '2054-5', 'Black or African American']]);
    expect(black?.value).toBeUndefined();
    expect(black?.unreadable).toMatch(/black-caribbean or black-african/);
  });

  it('does not pick one of several QRISK3 groups, and says why', () => {
    const mixed = ethnicity([
      ['ombCategory', '2106-3', 'White'],
      ['ombCategory', '2028-9', 'Asian'],
      ['detailed', '2029-7', 'Asian Indian'],
    ]);
    expect(mixed?.value).toBeUndefined();
    expect(mixed?.unreadable).toMatch(/more than one QRISK3 ethnic group/);
    const result = scoresFromFhir(
      [
        patient([
          ['ombCategory', '2106-3', 'White'],
          ['ombCategory', '2054-5', 'Black or African American'],
        ]),
      ],
      'qrisk3',
      at,
    );
    expect(result.missing).toContain('ethnicity');
    expect(result.reason).toMatch(/unusable inputs: ethnicity: race codes 2106-3, 2054-5/);
  });

  it('reads PCE race by code: White with a detailed White code is white', () => {
    const race = (parts: Part[]) =>
      pooledCohortInputs(patientRecord([patient(parts)], at)).race?.value;
    expect(
      race([
        ['ombCategory', '2106-3', 'White'],
        ['detailed', '2110-5', 'English'],
      ]),
    ).toBe('white');
    expect(race([['detailed', '2058-6', 'African American']])).toBe('african-american');
    expect(race([['ombCategory', '1002-5', 'American Indian or Alaska Native']])).toBe('other');
  });
});
