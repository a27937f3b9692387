// Tests (serving): what the serving record keeps of free text and of References' displays, by R4 type
// (deid/phi-elements.ts), and the Patient's time zone. The rest of ResourceProjector is tested in
// records.test.ts.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyRing } from '../../ports/key-ring';
import type { FhirJson } from '../ingest/source-record';
import { medicationDisplay } from '../reminders/medication-text';
import { ResourceProjector, servingTextElements } from './resource-projection';

const keys: KeyRing = {
  pseudonym: async (hospital, message) =>
    createHmac('sha256', `test-key-${hospital}`).update(message).digest('hex'),
  encrypt: async () => new Uint8Array(),
  decrypt: async () => new Uint8Array(),
};
const project = (r: FhirJson) => new ResourceProjector(keys, 'mercy').project(r);
const phi = 'Spoke to Dr. John Smith, phone 617-555-0142';
const hex32 = /^[0-9a-f]{32}$/;
const pseudonymous = (type: string) => ({
  reference: expect.stringMatching(new RegExp(`^${type}/[0-9a-f]{32}$`)),
});

describe('Class: ResourceProjector, free text', () => {
  it('drops every free-text element no reader of the serving record needs, wherever it is', async () => {
    // Prepare
    const subject = { reference: 'Patient/p1' };
    const resources: FhirJson[] = [
      {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
        subject,
        valueString: phi,
        extension: [{ url: 'https://example.org/remark', valueString: phi }],
      },
      {
        resourceType: 'DiagnosticReport',
        id: 'd1',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '24627-2' }] },
        subject,
        conclusion: phi,
      },
      {
        resourceType: 'MedicationRequest',
        id: 'm1',
        status: 'active',
        intent: 'order',
        subject,
        medicationCodeableConcept: {
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '243670' }],
        },
        dosageInstruction: [{ sequence: 1, patientInstruction: phi, text: phi }],
      },
      {
        resourceType: 'Communication',
        id: 'c1',
        status: 'completed',
        subject,
        payload: [{ contentString: phi }],
      },
      {
        resourceType: 'Organization',
        id: 'org1',
        name: 'Okafor Family Practice',
        alias: ['Dr. Smith clinic'],
      },
    ];
    // Act
    const [obs, report, order, message, organization] = await Promise.all(resources.map(project));
    // Assess
    expect(obs).toEqual({
      resourceType: 'Observation',
      id: expect.stringMatching(hex32),
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      subject: pseudonymous('Patient'),
      extension: [{ url: 'https://example.org/remark' }],
    });
    expect(report).not.toHaveProperty('conclusion');
    expect(order).toHaveProperty('dosageInstruction', [{ sequence: 1 }]);
    expect(message).toHaveProperty('payload', [{}]);
    expect(organization).toEqual({
      resourceType: 'Organization',
      id: expect.stringMatching(hex32),
    });
  });

  it('keeps the free text a reader needs, de-identified with category tags', async () => {
    // Prepare: a tumour variant Observation (recommend/tumour-findings.ts reads its components)
    const component = (code: string, valueString: string) => ({
      code: { coding: [{ system: 'http://loinc.org', code }] },
      valueString,
    });
    const variant: FhirJson = {
      resourceType: 'Observation',
      id: 'v1',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '69548-6' }] },
      subject: { reference: 'Patient/p1' },
      component: [
        component('48018-6', 'BRAF'),
        component('48005-3', 'p.Val600Glu'),
        component('48019-4', `c.1799T>A; ${phi}`),
      ],
    };
    // Act
    const projected = await project(variant);
    // Assess
    expect(Object.keys(servingTextElements)).toEqual(['Observation.component.valueString']);
    expect(projected.component).toEqual([
      component('48018-6', 'BRAF'),
      component('48005-3', 'p.Val600Glu'),
      component('48019-4', 'c.1799T>A; Spoke to Dr. [NAME], phone [PHONE]'),
    ]);
  });

  it("keeps a Coding's display as it is", async () => {
    const coded: FhirJson = {
      resourceType: 'Procedure',
      id: 'pr1',
      status: 'completed',
      subject: { reference: 'Patient/p1' },
      code: {
        coding: [{ system: 'urn:example', code: 'dds', display: 'Denver developmental screening' }],
      },
    };
    expect((await project(coded)).code).toEqual(coded.code);
  });
});

describe("Class: ResourceProjector, a Reference's display", () => {
  it('drops the display of every Reference that may point at a person, whatever its element name', async () => {
    // Prepare: display-only (logical) references, where the display is all there is
    const immunization: FhirJson = {
      resourceType: 'Immunization',
      id: 'i1',
      status: 'completed',
      vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '08' }] },
      patient: { reference: 'Patient/p1' },
      occurrenceDateTime: '2020-01-01',
      performer: [
        { actor: { display: 'Amara Okafor' } },
        { actor: { display: 'Okafor, Amara RN' } },
      ],
    };
    const order: FhirJson = {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      requester: { display: 'Dr. John Smith' },
      recorder: { identifier: { value: 'X' }, display: 'Smith, John' },
      informationSource: { display: 'Mary Okafor' },
      reasonReference: [{ reference: 'Condition/c1', display: 'per John Smith' }],
      extension: [{ url: 'https://example.org/witness', valueReference: { display: 'Jane Doe' } }],
    };
    // Act
    const i = await project(immunization);
    const m = await project(order);
    // Assess
    expect(i.performer).toEqual([{ actor: {} }, { actor: {} }]);
    expect(m).toEqual({
      resourceType: 'MedicationRequest',
      id: expect.stringMatching(hex32),
      status: 'active',
      intent: 'order',
      subject: pseudonymous('Patient'),
      requester: {},
      recorder: {},
      informationSource: {},
      reasonReference: [pseudonymous('Condition')],
      extension: [{ url: 'https://example.org/witness', valueReference: {} }],
    });
  });

  it('keeps, de-identified, the display of a Reference that cannot point at a person, so reminders still name the drug', async () => {
    // Prepare: MedicationRequest.medicationReference is Reference(Medication)
    const order = (display: string): FhirJson => ({
      resourceType: 'MedicationRequest',
      id: 'm2',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationReference: { display },
    });
    // Act
    const plain = await project(order('Aspirin 81 mg'));
    const named = await project(order('Aspirin as told by Dr. John Smith, 617-555-0142'));
    // Assess
    expect(plain.medicationReference).toEqual({ display: 'Aspirin 81 mg' });
    expect(medicationDisplay(plain as never)).toBe('Aspirin 81 mg');
    expect(named.medicationReference).toEqual({
      display: 'Aspirin as told by Dr. [NAME], [PHONE]',
    });
  });
});

describe('Class: ResourceProjector, Patient', () => {
  it('keeps the exact time zone, which reminders need (the research copy drops it)', async () => {
    const timezone = {
      url: 'http://hl7.org/fhir/StructureDefinition/timezone',
      valueCode: 'America/Kentucky/Monticello',
    };
    const projected = await project({
      resourceType: 'Patient',
      id: 'p1',
      gender: 'male',
      extension: [timezone, { url: 'https://example.org/other', valueString: 'x' }],
    });
    expect(projected.extension).toEqual([timezone]);
  });
});
