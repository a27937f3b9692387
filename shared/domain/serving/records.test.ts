import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKeyRing } from '../../adapters/local/local-key-ring';
import type { FhirJson } from '../ingest/source-record';
import { ValidationError } from '../errors';
import { genericServingItem } from './records';
import { ResourceProjector } from './resource-projection';

const deidentifiedProjection = (keys: LocalKeyRing, hospital: string, r: FhirJson) =>
  new ResourceProjector(keys, hospital).project(r);

const hex32 = /^[0-9a-f]{32}$/;

const patient: FhirJson = {
  resourceType: 'Patient',
  id: 'pat-001',
  identifier: [{ system: 'https://nhs.uk/nhs-number', value: '9434765919' }],
  name: [{ family: 'Okafor', given: ['Ada'] }],
  telecom: [{ system: 'phone', value: '+44 20 7946 0958' }],
  address: [{ line: ['12 Harbour Road'], city: 'Bristol', postalCode: 'BS1 4XE' }],
  text: { status: 'generated', div: '<div>Ada Okafor, 12 Harbour Road</div>' },
  gender: 'female',
  birthDate: '1961-04-12',
  deceasedBoolean: false,
};

const observation: FhirJson = {
  resourceType: 'Observation',
  id: 'obs-ldl-1',
  identifier: [{ system: 'https://lab.example/accession', value: 'ACC-778812' }],
  text: { status: 'generated', div: '<div>LDL for Ada Okafor</div>' },
  note: [{ text: 'Ada said she skipped her statin last week' }],
  performer: [{ reference: 'Practitioner/dr-jones' }],
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '18262-6' }] },
  subject: { reference: 'Patient/pat-001', display: 'Ada Okafor' },
  effectiveDateTime: '2024-03-01T08:30:00Z',
  valueQuantity: { value: 131, unit: 'mg/dL' },
};

/** PHI under elements not named identifier/name/address/telecom: found by their FHIR data type. */
const typedPhi: FhirJson[] = [
  {
    resourceType: 'Condition',
    id: 'cond-1',
    subject: { reference: 'Patient/pat-001' },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] },
    onsetDateTime: '2019-07',
    extension: [
      {
        url: 'https://example.org/incident-address',
        valueAddress: { line: ['42 Wallaby Way'], city: 'Sydneyville', postalCode: '02169' },
      },
      {
        url: 'https://example.org/next-of-kin-phone',
        valueContactPoint: { system: 'phone', value: '617-555-0199' },
      },
      { url: 'https://example.org/reported-by', valueHumanName: { family: 'Okafor' } },
      {
        url: 'https://example.org/complex',
        extension: [
          { url: 'badge', valueIdentifier: { system: 'urn:badge', value: 'BADGE-4471' } },
        ],
      },
    ],
    stage: [{ extension: [{ url: 'x', valueContactPoint: { value: 'ada@example.org' } }] }],
  },
  {
    resourceType: 'Coverage',
    id: 'cov-1',
    status: 'active',
    subscriberId: 'MEMBER-99887766',
    _subscriberId: { extension: [{ url: 'x', valueString: 'MEMBER-99887766' }] },
    beneficiary: { reference: 'Patient/pat-001' },
  },
  {
    resourceType: 'Device',
    id: 'dev-1',
    patient: { reference: 'Patient/pat-001' },
    serialNumber: 'SN-PACER-445566',
    lotNumber: 'LOT-PACER-7731',
    udiCarrier: [
      {
        deviceIdentifier: 'UDI-00844588',
        carrierHRF: '(01)00844588(21)SN445566',
        carrierAIDC: 'QUlEQy1TTjQ0NTU2Ng==',
      },
    ],
    contact: [{ system: 'phone', value: '617-555-0177' }],
    type: { coding: [{ system: 'http://snomed.info/sct', code: '14106009' }] },
  },
  {
    resourceType: 'Specimen',
    id: 'sp-1',
    subject: { reference: 'Patient/pat-001' },
    accessionIdentifier: { system: 'urn:lab:accession', value: 'ACC-2024-778812' },
  },
  {
    resourceType: 'ServiceRequest',
    id: 'sr-1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/pat-001' },
    requisition: { system: 'urn:req', value: 'REQ-5551234' },
    code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] },
  },
  {
    resourceType: 'Organization',
    id: 'org-1',
    name: 'Riverside Cardiology',
    contact: [{ name: { family: 'Okafor' }, address: { line: ['12 Elm St'], city: 'Quincy' } }],
  },
  {
    resourceType: 'DiagnosticReport',
    id: 'dr-1',
    status: 'final',
    subject: { reference: 'Patient/pat-001' },
    code: { text: 'Echo' },
    presentedForm: [{ contentType: 'text/plain', data: 'QWRhIE9rYWZvcg==', title: 'Okafor echo' }],
  },
  {
    resourceType: 'Bundle',
    id: 'bundle-1',
    type: 'collection',
    entry: [{ resource: { resourceType: 'Patient', name: [{ family: 'Okafor' }] } }],
  },
];
/** Every PHI string of `typedPhi`. */
const typedPhiValues = [
  '42 Wallaby Way',
  'Sydneyville',
  '02169',
  '617-555-0199',
  'Okafor',
  'BADGE-4471',
  'ada@example.org',
  'MEMBER-99887766',
  'SN-PACER-445566',
  'LOT-PACER-7731',
  '00844588',
  'QUlEQy1TTjQ0NTU2Ng==',
  '617-555-0177',
  'ACC-2024-778812',
  'REQ-5551234',
  '12 Elm St',
  'Quincy',
  'QWRhIE9rYWZvcg==',
];

describe('Class: ResourceProjector', () => {
  let dir: string;
  let keys: LocalKeyRing;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-records-'));
    keys = new LocalKeyRing(join(dir, 'master.key'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps only non-identifying Patient elements and replaces the id with a 32-hex pseudonym', async () => {
    // Act
    const projected = await deidentifiedProjection(keys, 'riverside', patient);

    // Assess
    expect(projected).toEqual({
      resourceType: 'Patient',
      id: expect.stringMatching(hex32),
      gender: 'female',
      birthDate: '1961-04-12',
      deceasedBoolean: false,
    });
    const json = JSON.stringify(projected);
    for (const identifying of ['pat-001', 'Okafor', '9434765919', '7946', 'Harbour', 'BS1']) {
      expect(json).not.toContain(identifying);
    }
  });

  it('projects a resource inside another (Parameters, a Bundle in a Bundle, contained) as a resource of its own', async () => {
    // Arrange: the same Patient at three depths
    const nestedPatient = {
      ...patient,
      id: 'mrn-778812',
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName',
          valueString: 'Smithers',
        },
      ],
    };
    const wrappers: FhirJson[] = [
      { resourceType: 'Parameters', parameter: [{ name: 'p', resource: nestedPatient }] },
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            resource: {
              resourceType: 'Bundle',
              type: 'collection',
              entry: [{ resource: nestedPatient }],
            },
          },
        ],
      },
      { ...observation, contained: [nestedPatient] },
    ];
    const direct = await deidentifiedProjection(keys, 'riverside', nestedPatient);
    for (const wrapper of wrappers) {
      // Act
      const json = JSON.stringify(await deidentifiedProjection(keys, 'riverside', wrapper));
      // Assess: reduced as the Patient alone is, id pseudonymised the same way
      for (const identifying of ['mrn-778812', 'Smithers', 'Okafor', '9434765919', 'Harbour'])
        expect(json, wrapper.resourceType).not.toContain(identifying);
      // (`contained` is dropped whole, so only the other two keep the Patient.)
      if (wrapper.resourceType !== 'Observation')
        expect(json).toContain(`"id":"${String(direct.id)}"`);
    }
  });

  it("drops an Annotation's author given as text and a Signature's data, wherever they are", async () => {
    const carePlan: FhirJson = {
      resourceType: 'CarePlan',
      id: 'cp1',
      subject: { reference: 'Patient/pat-001' },
      activity: [{ progress: [{ authorString: 'Nurse Jane Doe', time: '2026-01-02' }] }],
    };
    const provenance: FhirJson = {
      resourceType: 'Provenance',
      id: 'pv1',
      signature: [{ when: '2026-01-02T10:00:00Z', sigFormat: 'image/png', data: 'U0lHTkFUVVJF' }],
    };
    const json = JSON.stringify([
      await deidentifiedProjection(keys, 'riverside', carePlan),
      await deidentifiedProjection(keys, 'riverside', provenance),
    ]);
    expect(json).not.toContain('Jane Doe');
    expect(json).not.toContain('U0lHTkFUVVJF');
    expect(json).toContain('2026-01-02T10:00:00Z');
  });

  it('keeps of a US address only the state, the country and the ZIP3 (000 when restricted)', async () => {
    // Prepare
    const us = (postalCode: string): FhirJson => ({
      ...patient,
      address: [
        { line: ['12 Elm St'], city: 'Quincy', state: 'MA', postalCode, country: 'US' },
        { city: 'Boston' },
      ],
    });
    // Act
    const plain = await deidentifiedProjection(keys, 'riverside', us('02169-1234'));
    const restricted = await deidentifiedProjection(keys, 'riverside', us('03601'));
    // Assess
    expect(plain.address).toEqual([{ state: 'MA', postalCode: '021', country: 'US' }]);
    expect(restricted.address).toEqual([{ state: 'MA', postalCode: '000', country: 'US' }]);
    expect(JSON.stringify(plain)).not.toMatch(/Elm|Quincy|Boston|02169/);
  });

  it('drops identifier, text, note and reference displays from an Observation, pseudonymises its references and keeps its clinical content', async () => {
    // Act
    const projected = await deidentifiedProjection(keys, 'riverside', observation);

    // Assess
    expect(projected).toEqual({
      resourceType: 'Observation',
      id: expect.stringMatching(hex32),
      status: 'final',
      performer: [{ reference: expect.stringMatching(/^Practitioner\/[0-9a-f]{32}$/) }],
      code: { coding: [{ system: 'http://loinc.org', code: '18262-6' }] },
      subject: { reference: expect.stringMatching(/^Patient\/[0-9a-f]{32}$/) },
      effectiveDateTime: '2024-03-01T08:30:00Z',
      valueQuantity: { value: 131, unit: 'mg/dL' },
    });
    const json = JSON.stringify(projected);
    for (const identifying of [
      'obs-ldl-1',
      'pat-001',
      'Okafor',
      'ACC-778812',
      'statin',
      'dr-jones',
    ]) {
      expect(json).not.toContain(identifying);
    }
  });

  it('gives the Observation subject the same pseudonym as the Patient id, so records still join', async () => {
    // Act
    const p = await deidentifiedProjection(keys, 'riverside', patient);
    const o = (await deidentifiedProjection(keys, 'riverside', observation)) as FhirJson & {
      subject: { reference: string };
    };

    // Assess
    expect(o.subject.reference).toBe(`Patient/${p.id}`);
  });

  it('gives the same id the same pseudonym on every run, and different types different pseudonyms', async () => {
    // Act
    const first = await deidentifiedProjection(keys, 'riverside', patient);
    const again = await deidentifiedProjection(keys, 'riverside', structuredClone(patient));
    const sameIdObservation = await deidentifiedProjection(keys, 'riverside', {
      ...observation,
      id: 'pat-001',
    });

    // Assess
    expect(again.id).toBe(first.id);
    expect(sameIdObservation.id).not.toBe(first.id);
  });

  it('gives two hospitals different pseudonyms for the same source id', async () => {
    // Act
    const atRiverside = await deidentifiedProjection(keys, 'riverside', patient);
    const atHillcrest = await deidentifiedProjection(keys, 'hillcrest', patient);

    // Assess
    expect(atRiverside.id).toMatch(hex32);
    expect(atHillcrest.id).toMatch(hex32);
    expect(atHillcrest.id).not.toBe(atRiverside.id);
  });

  it('drops every Identifier, HumanName, Address, ContactPoint and identifying string whatever its element name', async () => {
    for (const resource of typedPhi) {
      // Act
      const projected = await deidentifiedProjection(keys, 'riverside', resource);

      // Assess
      const json = JSON.stringify(projected);
      for (const phi of typedPhiValues)
        expect(json, `${resource.resourceType}: ${phi}`).not.toContain(phi);
    }
  });

  it('keeps the clinical content next to what it drops by data type', async () => {
    // Act
    const [condition, , device, , , organization, report] = await Promise.all(
      typedPhi.map((r) => deidentifiedProjection(keys, 'riverside', r)),
    );

    // Assess
    expect(condition!.code).toEqual(typedPhi[0]!.code);
    expect(condition!.onsetDateTime).toBe('2019-07'); // the serving record keeps dates
    expect((condition!.extension as unknown[]).length).toBe(4);
    expect(device!.type).toEqual(typedPhi[2]!.type);
    expect(device!.udiCarrier).toEqual([{}]);
    expect(organization).not.toHaveProperty('name'); // free text (R4 string), which no reader needs
    expect(report!.presentedForm).toEqual([{ contentType: 'text/plain' }]);
  });

  it('does not modify the resource it was given', async () => {
    // Prepare
    const input = structuredClone(observation);

    // Act
    await deidentifiedProjection(keys, 'riverside', input);

    // Assess
    expect(input).toEqual(observation);
  });
});

describe('Function: genericServingItem', () => {
  const source = { batch: 'b20240301', updatedAt: '2024-03-01T09:00:00.000Z' };
  const pseudoPatient = 'a'.repeat(32);
  const pseudoObs = 'b'.repeat(32);

  it('keys a Patient under its hospital partition and the hospital listing index', () => {
    // Prepare
    const resource: FhirJson = { resourceType: 'Patient', id: pseudoPatient, gender: 'male' };

    // Act
    const item = genericServingItem('riverside', resource, source);

    // Assess
    expect(item).toEqual({
      pk: `P#riverside#${pseudoPatient}`,
      sk: 'PATIENT',
      gsi1pk: 'H#riverside',
      gsi1sk: pseudoPatient,
      hospital: 'riverside',
      resource,
      batch: 'b20240301',
      updatedAt: '2024-03-01T09:00:00.000Z',
    });
  });

  it("keys an Observation under its patient's partition and the patient's time index", () => {
    // Prepare
    const resource: FhirJson = {
      resourceType: 'Observation',
      id: pseudoObs,
      status: 'final',
      code: { text: 'LDL' },
      subject: { reference: `Patient/${pseudoPatient}` },
      effectivePeriod: { start: '2024-03-01T08:30:00Z' },
    };

    // Act
    const item = genericServingItem('riverside', resource, source);

    // Assess
    expect(item).toEqual({
      pk: `P#riverside#${pseudoPatient}`,
      sk: `Observation#${pseudoObs}`,
      gsi2pk: `P#riverside#${pseudoPatient}#Observation`,
      gsi2sk: `2024-03-01T08:30:00.000Z#${pseudoObs}`, // UTC instant, so zones sort correctly
      hospital: 'riverside',
      resource,
      batch: 'b20240301',
      updatedAt: '2024-03-01T09:00:00.000Z',
    });
  });

  it('refuses a resource without an id rather than keying it where every id-less one would collide', () => {
    const { id: _, ...idless } = { ...observation, subject: { reference: 'Patient/x' } };
    expect(() => genericServingItem('riverside', idless as FhirJson, source)).toThrow(
      'Observation has no id to store it under',
    );
    expect(() => genericServingItem('riverside', { resourceType: 'Patient' }, source)).toThrow(
      ValidationError,
    );
  });

  it('sorts an Observation with no known time before dated ones', () => {
    // Prepare
    const undated: FhirJson = {
      resourceType: 'Observation',
      id: pseudoObs,
      status: 'final',
      code: { text: 'LDL' },
      subject: { reference: `Patient/${pseudoPatient}` },
    };
    const dated: FhirJson = { ...undated, id: 'c'.repeat(32), effectiveDateTime: '1990' };

    // Act
    const undatedKey = String(genericServingItem('riverside', undated, source).gsi2sk);
    const datedKey = String(genericServingItem('riverside', dated, source).gsi2sk);

    // Assess
    expect(undatedKey).toBe(`0000#${pseudoObs}`);
    expect(undatedKey < datedKey).toBe(true);
  });
});
