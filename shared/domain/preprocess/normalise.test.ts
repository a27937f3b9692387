import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { validateAndNormalise } from './normalise';
import { r4Examples } from './r4-examples.fixture';

/** Runs validateAndNormalise expecting a rejection; returns the ValidationError. */
function rejectionOf(resource: unknown): ValidationError {
  try {
    validateAndNormalise(resource);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, the resource was accepted');
}

function without(resource: FhirJson, key: string): FhirJson {
  const copy = { ...resource };
  delete copy[key];
  return copy;
}

describe('Function: validateAndNormalise (structure)', () => {
  describe.each(Object.keys(r4Examples))('valid R4 example %s', (name) => {
    it('is accepted unchanged, without repairs, as the input object itself (nothing copied)', () => {
      // Prepare
      const input = r4Examples[name]!();
      const before = structuredClone(input);
      // Act
      const { resource, repairs } = validateAndNormalise(input);
      // Assess
      expect(repairs).toEqual([]);
      expect(resource).toBe(input);
      expect(input).toEqual(before);
    });
  });

  it.each([
    ['Observation', 'status'],
    ['Observation', 'code'],
    ['Encounter', 'status'],
    ['Encounter', 'class'],
    ['Condition', 'subject'],
    ['MedicationRequest', 'status'],
    ['MedicationRequest', 'intent'],
    ['MedicationRequest', 'subject'],
    ['MedicationStatement', 'status'],
    ['MedicationStatement', 'subject'],
    ['MedicationDispense', 'status'],
    ['AllergyIntolerance', 'patient'],
    ['FamilyMemberHistory', 'status'],
    ['FamilyMemberHistory', 'patient'],
    ['FamilyMemberHistory', 'relationship'],
    ['Procedure', 'status'],
    ['Procedure', 'subject'],
    ['Immunization', 'status'],
    ['Immunization', 'vaccineCode'],
    ['Immunization', 'patient'],
    ['DiagnosticReport', 'status'],
    ['DiagnosticReport', 'code'],
    ['DocumentReference', 'status'],
    ['DocumentReference', 'content'],
  ])('rejects a %s without %s, naming the element', (type, element) => {
    // Prepare
    const input = without(r4Examples[type]!(), element);
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe(element);
    expect(error.message).toBe('is required');
  });

  it.each([
    ['MedicationRequest', 'medicationCodeableConcept', 'medication[x]'],
    ['MedicationStatement', 'medicationReference', 'medication[x]'],
    ['MedicationDispense', 'medicationCodeableConcept', 'medication[x]'],
    ['Immunization', 'occurrenceDateTime', 'occurrence[x]'],
  ])('rejects a %s without its required choice %s as %s', (type, element, path) => {
    // Prepare
    const input = without(r4Examples[type]!(), element);
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe(path);
  });

  it('rejects an attachment with neither data nor url, and one with data but no contentType', () => {
    // Prepare
    const noContent = r4Examples.DocumentReference!();
    (noContent.content as { attachment: object }[])[0]!.attachment = { contentType: 'text/plain' };
    const noType = r4Examples.DocumentReference!();
    (noType.content as { attachment: object }[])[1]!.attachment = { data: 'SGVsbG8=' };
    // Act
    const errors = [rejectionOf(noContent), rejectionOf(noType)];
    // Assess
    expect(errors.map((e) => e.path)).toEqual([
      'content[0].attachment',
      'content[1].attachment.contentType',
    ]);
  });

  it('rejects attachment data that is not base64', () => {
    // Prepare
    const input = r4Examples.DocumentReference!();
    (input.content as { attachment: { data: string } }[])[1]!.attachment.data = 'not*base64';
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe('content[1].attachment.data');
  });

  it.each([
    ['Observation', 'status', 'done'],
    ['Encounter', 'status', 'completed'],
    ['MedicationRequest', 'intent', 'prescription'],
    ['Patient', 'gender', 'M'],
    ['DocumentReference', 'status', 'final'],
    ['Immunization', 'status', 'given'],
  ])('rejects %s.%s outside its required binding', (type, element, value) => {
    // Prepare
    const input = { ...r4Examples[type]!(), [element]: value };
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe(element);
    expect(error.message).toMatch(/^must be one of /);
  });

  it('names the item of a repeating element and the element inside a backbone that fail', () => {
    // Prepare
    const category = r4Examples.BloodPressure!();
    (category.category as object[]).push({ coding: [{ system: 'not a uri', code: 'exam' }] });
    const component = r4Examples.BloodPressure!();
    const components = component.component as { valueQuantity: { system: string } }[];
    components[1]!.valueQuantity = { ...components[1]!.valueQuantity, system: 'not a uri' };
    const allergy = { ...r4Examples.AllergyIntolerance!(), category: ['food', 'pollen'] };
    // Act
    const errors = [category, component, allergy].map(rejectionOf);
    // Assess
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['category[1].coding[0].system', 'must be a FHIR uri'],
      ['component[1].valueQuantity.system', 'must be a FHIR uri'],
      ['category[1]', 'must be one of food | medication | environment | biologic'],
    ]);
  });

  it('rejects a Condition clinicalStatus code outside the condition-clinical value set', () => {
    // Prepare
    const input = r4Examples.Condition!();
    (input.clinicalStatus as { coding: { code: string }[] }).coding[0]!.code = 'ongoing';
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe('clinicalStatus.coding[0].code');
  });

  it.each([
    ['a time without a zone', '2013-04-02T09:30:10'],
    ['a day that does not exist', '2023-02-30'],
    ['hours without seconds', '2013-04-02T09:30+01:00'],
  ])('rejects an effectiveDateTime with %s', (_case, value) => {
    // Prepare
    const input = {
      ...without(r4Examples.Observation!(), 'effectivePeriod'),
      effectiveDateTime: value,
    };
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe('effectiveDateTime');
  });

  it('rejects an instant without seconds, a bad birthDate, a non-boolean and a bad id', () => {
    // Prepare
    const inputs = [
      { ...r4Examples.Observation!(), issued: '2013-04-03' },
      { ...r4Examples.Patient!(), birthDate: '1974-12-25T00:00:00Z' },
      { ...r4Examples.Patient!(), active: 'true' },
      { ...r4Examples.Patient!(), id: 'has space' },
    ];
    // Act
    const paths = inputs.map((input) => rejectionOf(input).path);
    // Assess
    expect(paths).toEqual(['issued', 'birthDate', 'active', 'id']);
  });

  it('rejects two value[x] on one Observation', () => {
    // Prepare
    const input = { ...r4Examples.Observation!(), valueString: 'high' };
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe('value[x]');
  });

  it('rejects a Period whose start is after its end', () => {
    // Prepare
    const input = {
      ...r4Examples.Encounter!(),
      period: { start: '2015-01-18T00:00:00Z', end: '2015-01-17T00:00:00Z' },
    };
    // Act
    const error = rejectionOf(input);
    // Assess
    expect(error.path).toBe('period');
  });

  it('accepts any other R4 resource type generically and rejects unknown or malformed types', () => {
    // Prepare
    const organization = { resourceType: 'Organization', id: 'org-1', name: 'Acme' };
    // Act
    const accepted = validateAndNormalise(organization);
    const errors = [
      { resourceType: 'Widget', id: 'a' },
      { resourceType: 'observation', id: 'a' },
      { id: 'a' },
    ].map(rejectionOf);
    // Assess
    expect(accepted.resource).toEqual(organization);
    expect(errors.map((e) => e.path)).toEqual(['resourceType', 'resourceType', 'resourceType']);
  });

  it('drops null and empty elements as a recorded repair', () => {
    // Prepare
    const input = { ...r4Examples.Patient!(), telecom: [], photo: null, language: '' };
    // Act
    const { resource, repairs } = validateAndNormalise(input);
    // Assess
    expect(resource).toEqual(r4Examples.Patient!());
    expect(repairs.map((r) => `${r.kind} ${r.path}`)).toEqual([
      'empty-element-removed telecom',
      'empty-element-removed photo',
      'empty-element-removed language',
    ]);
  });

  it('never quotes a record value in a rejection message', () => {
    // Prepare
    const sentinel = 'SENTINEL-7f3a';
    const inputs = [
      { ...r4Examples.Observation!(), status: sentinel },
      { ...r4Examples.Patient!(), birthDate: sentinel },
      { ...r4Examples.Patient!(), id: `${sentinel} x` },
      {
        ...r4Examples.Observation!(),
        code: { coding: [{ system: 'http://loinc.org', code: sentinel }] },
      },
      {
        ...r4Examples.Observation!(),
        valueQuantity: { value: 6.3, system: 'http://unitsofmeasure.org', code: sentinel },
      },
      { resourceType: sentinel, id: 'x' },
    ];
    // Act
    const errors = inputs.map(rejectionOf);
    // Assess
    for (const error of errors) {
      expect(error.message).not.toContain(sentinel);
      expect(error.path ?? '').not.toContain(sentinel);
    }
  });

  it('does not mutate its input', () => {
    // Prepare
    const input = {
      ...r4Examples.Observation!(),
      valueQuantity: {
        value: 180.16,
        unit: 'mg/dL',
        system: 'http://unitsofmeasure.org',
        code: 'mg/dL',
      },
    };
    const before = structuredClone(input);
    // Act
    const { resource } = validateAndNormalise(input);
    // Assess: a new root with the converted value; the input and its elements as they were
    expect(input).toEqual(before);
    expect(resource).not.toBe(input);
    expect((resource.valueQuantity as { value: number }).value).toBe(10);
    expect(resource.code).toBe((input as Record<string, unknown>).code);
  });

  it('copies only the BP component that changes, never the input', () => {
    // Prepare: systolic in kPa (converted), diastolic already in mm[Hg]
    const ucum = 'http://unitsofmeasure.org';
    const input = {
      ...r4Examples.Observation!(),
      valueQuantity: undefined,
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      component: [
        {
          code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
          valueQuantity: { value: 16, unit: 'kPa', system: ucum, code: 'kPa' },
        },
        {
          code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
          valueQuantity: { value: 80, unit: 'mm[Hg]', system: ucum, code: 'mm[Hg]' },
        },
      ],
    };
    const before = structuredClone(input);
    // Act
    const { resource } = validateAndNormalise(input);
    // Assess
    const components = resource.component as { valueQuantity: { value: number } }[];
    expect(input).toEqual(before);
    expect(resource).not.toBe(input);
    expect(components).not.toBe(input.component);
    expect(components[0]!.valueQuantity.value).toBe(120);
    expect(components[1]).toBe(input.component[1]);
  });
});

describe('Function: validateAndNormalise (dates that cannot have happened yet)', () => {
  const now = '2026-01-01T12:00:00Z';
  const patient = (birthDate: string) => ({ ...r4Examples.Patient!(), birthDate });
  const failure = (resource: unknown) => {
    try {
      validateAndNormalise(resource, { now });
      return undefined;
    } catch (error) {
      return error as ValidationError;
    }
  };

  it('rejects a Patient born after the time of ingest, naming birthDate and not the value', () => {
    for (const birthDate of ['2099-01-01', '2026-01-03', '2027', '2026-02']) {
      const error = failure(patient(birthDate));
      expect(error, birthDate).toBeInstanceOf(ValidationError);
      expect(error!.path).toBe('birthDate');
      expect(error!.message).toMatch(/impossible value/);
      expect(error!.message).not.toContain(birthDate);
    }
  });

  it('accepts a birth today or tomorrow in a zone ahead, a past birth, and any date without a clock', () => {
    for (const birthDate of ['2026-01-01', '2026-01-02', '2026', '1974-12-25'])
      expect(failure(patient(birthDate)), birthDate).toBeUndefined();
    expect(() => validateAndNormalise(patient('2099-01-01'))).not.toThrow();
  });
});
