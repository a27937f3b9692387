import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { parseJsonLine, validateResource } from './validate';

const patient = {
  resourceType: 'Patient',
  id: 'pat-001',
  name: [{ family: 'Okafor', given: ['Ada'] }],
  gender: 'female',
  birthDate: '1961-04-12',
};

const observation = {
  resourceType: 'Observation',
  id: 'obs-ldl-1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '18262-6', display: 'LDL Cholesterol' }] },
  subject: { reference: 'Patient/pat-001' },
  effectiveDateTime: '2024-03-01T08:30:00+01:00',
  valueQuantity: { value: 131, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
};

/** Run `act` and return the ValidationError it throws (fails the test if it throws anything else). */
function validationErrorOf(act: () => unknown): ValidationError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

describe('Function: parseJsonLine', () => {
  it('returns the parsed value of a valid line', () => {
    // Act
    const value = parseJsonLine('{"resourceType":"Patient","id":"p1"}');

    // Assess
    expect(value).toEqual({ resourceType: 'Patient', id: 'p1' });
  });

  it.each([
    ['a truncated line', '{"resourceType":"Patient","name":[{"family":"Okafor'],
    ['a bare word', 'Okafor Ada 1961-04-12'],
    ['an unquoted value', '{"family":Okafor}'],
    ['a trailing comma', '{"family":"Okafor",}'],
    ['a CSV row', 'pat-001,Okafor,Ada,1961-04-12'],
  ])('never echoes the input text in the reason for %s', (_case, line) => {
    // Act
    const error = validationErrorOf(() => parseJsonLine(line));

    // Assess: neither the reason nor a kept cause may carry the (possibly PHI) text.
    expect(error.message).toMatch(/^not valid JSON/);
    expect(error.message).not.toContain('Okafor');
    expect(error.message).not.toContain('1961');
    expect(error.cause).toBeUndefined();
  });

  it('says a line that stops mid-string was truncated', () => {
    // Act
    const error = validationErrorOf(() => parseJsonLine('{"resourceType":"Patient","id":"p1'));

    // Assess
    expect(error.message).toBe('not valid JSON: the line ends before the JSON does (truncated?)');
  });

  it('gives the character position of a syntax error when the parser knows it', () => {
    // Act
    const error = validationErrorOf(() => parseJsonLine('{"a":1,}'));

    // Assess
    expect(error.message).toBe('not valid JSON at character 7');
  });
});

describe('Function: validateResource', () => {
  it('returns a valid Patient with its unknown elements kept', () => {
    // Act
    const resource = validateResource(structuredClone(patient));

    // Assess
    expect(resource).toEqual(patient);
  });

  it('returns a valid Observation', () => {
    // Act
    const resource = validateResource(structuredClone(observation));

    // Assess
    expect(resource).toEqual(observation);
  });

  it.each([
    ['a JSON array', [patient]],
    ['a string', 'Patient'],
    ['null', null],
  ])('rejects %s as not a FHIR resource', (_case, value) => {
    // Act
    const error = validationErrorOf(() => validateResource(value));

    // Assess
    expect(error.message).toBe('not a FHIR resource: expected a JSON object');
  });

  it('rejects an object without resourceType, naming the element', () => {
    // Act
    const error = validationErrorOf(() => validateResource({ id: 'p1' }));

    // Assess
    expect(error.message).toBe('missing resourceType');
    expect(error.path).toBe('resourceType');
  });

  it('rejects a Patient without id as required', () => {
    // Prepare
    const { id: _id, ...withoutId } = patient;

    // Act
    const error = validationErrorOf(() => validateResource(withoutId));

    // Assess
    expect(error.message).toBe('Patient.id: is required');
    expect(error.path).toBe('id');
  });

  it('rejects an id with characters outside the FHIR id alphabet', () => {
    // Act
    const error = validationErrorOf(() => validateResource({ ...patient, id: 'pat_001/x' }));

    // Assess
    expect(error.message).toBe('Patient.id: must be a FHIR id (1-64 of A-Z a-z 0-9 - .)');
    expect(error.path).toBe('id');
  });

  it('rejects an id longer than 64 characters', () => {
    // Act
    const error = validationErrorOf(() => validateResource({ ...patient, id: 'a'.repeat(65) }));

    // Assess
    expect(error.path).toBe('id');
  });

  it('rejects an Observation status outside the value set, listing the allowed values', () => {
    // Act
    const error = validationErrorOf(() => validateResource({ ...observation, status: 'done' }));

    // Assess
    expect(error.path).toBe('status');
    expect(error.message).toBe(
      'Observation.status: must be one of registered, preliminary, final, amended, corrected, cancelled, entered-in-error, unknown',
    );
  });

  it('rejects an Observation without code as required', () => {
    // Prepare
    const { code: _code, ...withoutCode } = observation;

    // Act
    const error = validationErrorOf(() => validateResource(withoutCode));

    // Assess
    expect(error.message).toBe('Observation.code: is required');
    expect(error.path).toBe('code');
  });

  it('rejects an Observation code with neither coding nor text', () => {
    // Act
    const error = validationErrorOf(() =>
      validateResource({ ...observation, code: { coding: [] } }),
    );

    // Assess
    expect(error.message).toBe('Observation.code: needs a coding or text');
  });

  it.each([
    ['a Group', 'Group/g1'],
    ['a Device', 'Device/d1'],
    ['a contained resource', '#p1'],
    ['a UUID', 'urn:uuid:6f1c2b3a-0000-4000-8000-000000000001'],
  ])('rejects an Observation whose subject is %s, not a Patient', (_case, reference) => {
    // Act
    const error = validationErrorOf(() =>
      validateResource({ ...observation, subject: { reference } }),
    );

    // Assess
    expect(error.message).toBe('Observation.subject.reference: must reference a Patient');
    expect(error.path).toBe('subject.reference');
  });

  it('rejects a dateTime with a time but no zone', () => {
    // Act
    const error = validationErrorOf(() =>
      validateResource({ ...observation, effectiveDateTime: '2024-03-01T08:30:00' }),
    );

    // Assess
    expect(error.message).toBe(
      'Observation.effectiveDateTime: must be a FHIR dateTime (time needs a zone)',
    );
    expect(error.path).toBe('effectiveDateTime');
  });

  it.each([
    '2024',
    '2024-03',
    '2024-03-01',
    '2024-03-01T08:30:00Z',
    '2024-03-01T08:30:00.250-05:00',
  ])('accepts the FHIR dateTime %s', (effectiveDateTime) => {
    // Act
    const resource = validateResource({ ...observation, effectiveDateTime });

    // Assess
    expect(resource).toMatchObject({ effectiveDateTime });
  });

  it('names the nested element at fault', () => {
    // Act
    const error = validationErrorOf(() =>
      validateResource({ ...observation, valueQuantity: { value: '131', unit: 'mg/dL' } }),
    );

    // Assess
    expect(error.path).toBe('valueQuantity.value');
    expect(error.message).toMatch(/^Observation\.valueQuantity\.value: /);
  });

  it('rejects an unsupported resourceType, naming it and the supported ones', () => {
    // Act
    const error = validationErrorOf(() =>
      validateResource({
        resourceType: 'Condition',
        id: 'c1',
        subject: { reference: 'Patient/pat-001' },
      }),
    );

    // Assess
    expect(error.message).toBe(
      'resourceType "Condition" is not ingested yet (supported: Patient, Observation); kept in quarantine',
    );
    expect(error.path).toBe('resourceType');
  });
});
