import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { validateAndNormalise } from './normalise';
import { r4Examples } from './r4-examples.fixture';

function conditionCoded(system: string, code: string): Record<string, unknown> {
  return { ...r4Examples.Condition!(), code: { coding: [{ system, code }] } };
}

function rejectionOf(resource: unknown): ValidationError {
  try {
    validateAndNormalise(resource);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, the resource was accepted');
}

describe('Function: validateAndNormalise (code formats)', () => {
  it.each([
    ['LOINC with a wrong check digit', 'http://loinc.org', '2345-8', 'malformed LOINC code'],
    ['LOINC without a check digit', 'http://loinc.org', '2345', 'malformed LOINC code'],
    [
      'SNOMED CT with a wrong Verhoeff digit',
      'http://snomed.info/sct',
      '44054007',
      'malformed SNOMED CT code',
    ],
    [
      'SNOMED CT with a LOINC-shaped code',
      'http://snomed.info/sct',
      '34552-0',
      'malformed SNOMED CT code',
    ],
    [
      'RxNorm with letters',
      'http://www.nlm.nih.gov/research/umls/rxnorm',
      'RX313782',
      'malformed RxNorm code',
    ],
    [
      'ICD-10-CM without its letter',
      'http://hl7.org/fhir/sid/icd-10-cm',
      '250.00',
      'malformed ICD-10-CM code',
    ],
    [
      'ICD-10-CM in lower case',
      'http://hl7.org/fhir/sid/icd-10-cm',
      'e11.9',
      'malformed ICD-10-CM code',
    ],
  ])('rejects %s with the coding path', (_name, system, code, message) => {
    // Prepare
    const input = conditionCoded(system, code);
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe('code.coding[0].code');
    expect(error.message).toBe(message);
    expect(error.message).not.toContain(code);
  });

  it.each([
    ['http://hl7.org/fhir/sid/icd-10-cm', 'E11.9'],
    ['http://hl7.org/fhir/sid/icd-10-cm', 'I10'],
    ['http://hl7.org/fhir/sid/icd-10-cm', 'S72.001A'],
    ['http://snomed.info/sct', '428191000124101'],
    ['http://www.nlm.nih.gov/research/umls/rxnorm', '313782'],
  ])('accepts the well-formed %s code %s', (system, code) => {
    // Prepare
    const input = conditionCoded(system, code);
    // Act
    const { repairs } = validateAndNormalise(input);
    // Assess
    expect(repairs).toEqual([]);
  });

  it('gives a code of an unchecked system the same verdict every time it recurs', () => {
    // Prepare: a well-formed code and one with a double inner space (FHIR code datatype).
    const system = 'urn:example:local';
    const inputs = ['A B', 'A  B', 'A B', 'A  B'].map((code) => conditionCoded(system, code));
    // Act
    const verdicts = inputs.map((input) => {
      try {
        validateAndNormalise(input);
        return 'accepted';
      } catch (error) {
        return (error as ValidationError).message;
      }
    });
    // Assess
    const malformed = 'malformed code (FHIR code datatype)';
    expect(verdicts).toEqual(['accepted', malformed, 'accepted', malformed]);
  });

  it('trims whitespace around a code as a recorded repair, then checks it', () => {
    // Prepare
    const input = conditionCoded('http://hl7.org/fhir/sid/icd-10-cm', ' E11.9\t');
    // Act
    const { resource, repairs } = validateAndNormalise(input);
    // Assess
    expect((resource.code as { coding: { code: string }[] }).coding[0]!.code).toBe('E11.9');
    expect(repairs).toEqual([
      {
        path: 'code.coding[0].code',
        kind: 'code-whitespace-trimmed',
        detail: 'leading or trailing whitespace removed',
      },
    ]);
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'treats a system named %s as an unchecked system, not as a code-format table entry',
    (system) => {
      // Prepare
      const accepted = conditionCoded(system, 'any-code');
      const malformed = conditionCoded(system, 'two  spaces');
      // Act
      const { repairs } = validateAndNormalise(accepted);
      const error = rejectionOf(malformed);
      // Assess
      expect(repairs).toEqual([]);
      expect(error.message).toBe('malformed code (FHIR code datatype)');
    },
  );

  it('checks codings inside extensions and components too', () => {
    // Prepare
    const input = {
      ...r4Examples.Patient!(),
      extension: [
        {
          url: 'http://example.org/x',
          valueCoding: { system: 'http://loinc.org', code: '1234-0' },
        },
      ],
    };
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe('extension[0].valueCoding.code');
  });
});
