// Tests (deid): the research copy of curated FHIR resources under Safe Harbor, and its re-identification map.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyRing } from '../../ports/key-ring';
import type { FhirJson } from '../ingest/source-record';
import { pseudonymousId } from '../serving/resource-projection';
import {
  ageOver89Extension,
  deidentifyResource,
  pseudonymSystem,
  researchCopy,
  researchSurrogateKey,
  zip3,
} from './structured';

const keys: KeyRing = {
  pseudonym: async (hospital, message) =>
    createHmac('sha256', `test-key-${hospital}`).update(message).digest('hex'),
  encrypt: async () => new Uint8Array(),
  decrypt: async () => new Uint8Array(),
};
const deps = { keys, hospital: 'mercy' };
const context = { patientId: 'p1', asOf: '2026-01-01' };

const patient = (birthDate: string, postalCode: string): FhirJson => ({
  resourceType: 'Patient',
  id: 'p1',
  identifier: [{ system: 'urn:mrn', value: 'MRN0042' }],
  name: [{ family: 'Okafor', given: ['Amara'] }],
  telecom: [{ system: 'phone', value: '617-555-0142' }],
  gender: 'female',
  birthDate,
  address: [{ line: ['12 Elm St'], city: 'Quincy', state: 'MA', postalCode, country: 'US' }],
  text: { status: 'generated', div: '<div>Amara Okafor</div>' },
});

/** PHI under elements not named identifier/name/address/telecom: found by their FHIR data type. */
const typedPhi: FhirJson[] = [
  {
    resourceType: 'Condition',
    id: 'c1',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] },
    onsetDateTime: '2019-07',
    recordedDate: '2019-07-15',
    extension: [
      {
        url: 'https://example.org/incident-address',
        valueAddress: { line: ['42 Wallaby Way'], city: 'Sydneyville', postalCode: '02169' },
      },
      {
        url: 'https://example.org/next-of-kin-phone',
        valueContactPoint: { system: 'phone', value: '617-555-0199' },
      },
      {
        url: 'https://example.org/reported-by',
        valueHumanName: { family: 'Okafor', given: ['Amara'] },
      },
      {
        url: 'https://example.org/complex',
        extension: [
          { url: 'badge', valueIdentifier: { system: 'urn:badge', value: 'BADGE-4471' } },
        ],
      },
    ],
    stage: [{ extension: [{ url: 'x', valueContactPoint: { value: 'amara@example.org' } }] }],
  },
  {
    resourceType: 'Coverage',
    id: 'cov1',
    status: 'active',
    subscriberId: 'MEMBER-99887766',
    _subscriberId: { extension: [{ url: 'x', valueString: 'MEMBER-99887766' }] },
    dependent: '02',
    beneficiary: { reference: 'Patient/p1' },
  },
  {
    resourceType: 'Device',
    id: 'dev1',
    patient: { reference: 'Patient/p1' },
    serialNumber: 'SN-PACER-445566',
    lotNumber: 'LOT-PACER-7731',
    distinctIdentifier: 'DIST-55120',
    udiCarrier: [
      {
        deviceIdentifier: 'UDI-00844588',
        carrierHRF: '(01)00844588(21)SN445566',
        carrierAIDC: 'QUlEQy1TTjQ0NTU2Ng==',
        issuer: 'http://hl7.org/fhir/NamingSystem/gs1',
      },
    ],
    contact: [{ system: 'phone', value: '617-555-0177' }],
    type: { text: 'Cardiac pacemaker' },
  },
  {
    resourceType: 'Specimen',
    id: 'sp1',
    subject: { reference: 'Patient/p1' },
    accessionIdentifier: { system: 'urn:lab:accession', value: 'ACC-2024-778812' },
    container: [{ identifier: [{ system: 'urn:tube', value: 'TUBE-99812' }] }],
  },
  {
    resourceType: 'ServiceRequest',
    id: 'sr1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    requisition: { system: 'urn:req', value: 'REQ-5551234' },
    code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] },
  },
  {
    resourceType: 'Organization',
    id: 'org1',
    name: 'Mercy Cardiology',
    contact: [{ name: { family: 'Okafor' }, address: { line: ['12 Elm St'], city: 'Quincy' } }],
  },
  {
    resourceType: 'DiagnosticReport',
    id: 'dr1',
    status: 'final',
    subject: { reference: 'Patient/p1' },
    code: { text: 'Echo' },
    presentedForm: [
      { contentType: 'text/plain', data: 'QW1hcmEgT2thZm9y', title: 'Okafor echo report' },
    ],
  },
];
/** Every PHI string of `typedPhi`. */
const typedPhiValues = [
  '42 Wallaby Way',
  'Sydneyville',
  '02169',
  '617-555-0199',
  'Okafor',
  'Amara',
  'BADGE-4471',
  'amara@example.org',
  'MEMBER-99887766',
  'SN-PACER-445566',
  'LOT-PACER-7731',
  'DIST-55120',
  'UDI-00844588',
  '00844588',
  'QUlEQy1TTjQ0NTU2Ng==',
  '617-555-0177',
  'ACC-2024-778812',
  'TUBE-99812',
  'REQ-5551234',
  '12 Elm St',
  'Quincy',
  'QW1hcmEgT2thZm9y',
];

describe('Function: deidentifyResource', () => {
  it('keeps the birth year, state and ZIP3 of a Patient and removes names, telecom and narrative', async () => {
    // Act
    const { resource, reidentification } = await deidentifyResource(
      deps,
      patient('1960-05-17', '02169'),
      context,
    );
    // Assess
    expect(resource.birthDate).toBe('1960');
    expect(resource.address).toEqual([{ state: 'MA', postalCode: '021', country: 'US' }]);
    expect(resource).not.toHaveProperty('name');
    expect(resource).not.toHaveProperty('telecom');
    expect(resource).not.toHaveProperty('text');
    expect(resource.id).toBe(await pseudonymousId(keys, 'mercy', 'Patient', 'p1'));
    expect(JSON.stringify(resource)).not.toMatch(/Okafor|Amara|MRN0042|Elm|Quincy/);
    const id = (resource.identifier as { value: string }[])[0]!.value;
    expect(reidentification).toContainEqual({
      pseudonym: id,
      kind: 'identifier',
      original: 'urn:mrn|MRN0042',
    });
    expect(reidentification).toContainEqual({
      pseudonym: resource.id,
      kind: 'resource',
      original: 'Patient/p1',
    });
  });

  it('suppresses the birth year of a patient over 89 and flags 90+', async () => {
    const { resource } = await deidentifyResource(deps, patient('1935-06-01', '02169'), context);
    expect(resource).not.toHaveProperty('birthDate');
    expect(resource.extension).toContainEqual({ url: ageOver89Extension, valueString: '90+' });
  });

  it('writes 000 for the restricted ZIP3s of the HHS guidance', () => {
    expect(zip3('03601')).toBe('000');
    expect(zip3('89301-1234')).toBe('000');
    expect(zip3('02169')).toBe('021');
  });

  it('shifts other dates by the patient offset, pseudonymises references and de-identifies notes', async () => {
    const observation: FhirJson = {
      resourceType: 'Observation',
      id: 'o1',
      subject: { reference: 'Patient/p1', display: 'Amara Okafor' },
      effectiveDateTime: '2025-03-10T08:00:00Z',
      issued: '2025-03-20T08:00:00Z',
      note: [{ text: 'Discussed with Dr. Okafor on 3/10/2025.', authorString: 'Dr. Okafor' }],
    };
    const { resource } = await deidentifyResource(deps, observation, context);
    const shifted = (s: unknown) => Date.parse(String(s));
    expect((shifted(resource.issued) - shifted(resource.effectiveDateTime)) / 86_400_000).toBe(10);
    expect(resource.effectiveDateTime).not.toBe(observation.effectiveDateTime);
    expect(resource.subject).toEqual({
      reference: `Patient/${await pseudonymousId(keys, 'mercy', 'Patient', 'p1')}`,
    });
    expect(JSON.stringify(resource)).not.toMatch(/Okafor|3\/10\/2025/);
  });
});

describe('Function: deidentifyResource, identifiers by data type', () => {
  it('pseudonymises every Identifier whatever its element name and removes names, addresses, contact points and identifying strings', async () => {
    for (const resource of typedPhi) {
      // Act
      const { resource: copy, reidentification } = await deidentifyResource(
        deps,
        resource,
        context,
      );
      // Assess
      const json = JSON.stringify(copy);
      for (const phi of typedPhiValues)
        expect(json, `${resource.resourceType}: ${phi}`).not.toContain(phi);
      if (resource.resourceType === 'Specimen') {
        const accession = copy.accessionIdentifier as { system: string; value: string };
        expect(accession).toEqual({
          system: pseudonymSystem,
          value: expect.stringMatching(/^[0-9a-f]{32}$/),
        });
        expect(reidentification).toContainEqual({
          pseudonym: accession.value,
          kind: 'identifier',
          original: 'urn:lab:accession|ACC-2024-778812',
        });
      }
      if (resource.resourceType === 'Coverage')
        for (const k of ['subscriberId', '_subscriberId', 'dependent'])
          expect(copy).not.toHaveProperty(k);
      if (resource.resourceType === 'ServiceRequest')
        expect(copy.requisition).toEqual({
          system: pseudonymSystem,
          value: expect.stringMatching(/^[0-9a-f]{32}$/),
        });
    }
  });

  it('keeps the clinical content next to what it removes', async () => {
    const [condition, , device, , , organization, report] = typedPhi;
    const c = (await deidentifyResource(deps, condition!, context)).resource;
    const d = (await deidentifyResource(deps, device!, context)).resource;
    const o = (await deidentifyResource(deps, organization!, context)).resource;
    const r = (await deidentifyResource(deps, report!, context)).resource;
    expect(c.code).toEqual(condition!.code);
    expect((c.extension as { url: string }[]).map((e) => e.url)).toEqual([
      'https://example.org/incident-address',
      'https://example.org/next-of-kin-phone',
      'https://example.org/reported-by',
      'https://example.org/complex',
    ]);
    expect(d.udiCarrier).toEqual([{ issuer: 'http://hl7.org/fhir/NamingSystem/gs1' }]);
    expect(d.type).toEqual({ text: 'Cardiac pacemaker' });
    expect(o.name).toBe('Mercy Cardiology');
    expect(r.presentedForm).toEqual([{ contentType: 'text/plain' }]);
  });

  it('shifts a partial date YYYY-MM by the patient offset, coherently with the full dates', async () => {
    // Act
    const { resource } = await deidentifyResource(deps, typedPhi[0]!, context);
    // Assess: the 15th of the month moves with the full date of that day, so the months agree.
    expect(resource.recordedDate).not.toBe('2019-07-15');
    expect(resource.onsetDateTime).toBe(String(resource.recordedDate).slice(0, 7));
    expect(resource.onsetDateTime).not.toBe('2019-07');
  });

  it('never reverses a Period whose ends have different precisions', async () => {
    // Every offset a patient can get: each month start against the first day, each month end
    // against the last day of the same month.
    for (let day = 1; day <= 28; day++) {
      const condition = {
        ...typedPhi[0]!,
        onsetPeriod: { start: '2019-07', end: `2019-07-${String(day).padStart(2, '0')}` },
        abatementPeriod: { start: `2019-02-${String(day).padStart(2, '0')}`, end: '2019-02' },
      };
      const { resource } = await deidentifyResource(
        { ...deps, hospital: `h${day}` },
        condition,
        context,
      );
      const onset = resource.onsetPeriod as { start: string; end: string };
      const abatement = resource.abatementPeriod as { start: string; end: string };
      expect(onset.start <= onset.end.slice(0, 7), JSON.stringify(onset)).toBe(true);
      expect(abatement.start.slice(0, 7) <= abatement.end, JSON.stringify(abatement)).toBe(true);
    }
  });

  it('projects a resource inside another as a resource of its own, its id pseudonymised', async () => {
    const nested = { resourceType: 'Patient', id: 'mrn-778812', name: [{ family: 'Okafor' }] };
    const { resource } = await deidentifyResource(
      deps,
      { resourceType: 'Parameters', parameter: [{ name: 'p', resource: nested }] },
      context,
    );
    const json = JSON.stringify(resource);
    expect(json).not.toContain('mrn-778812');
    expect(json).not.toContain('Okafor');
    expect(json).toMatch(/"resource":\{"resourceType":"Patient","id":"[0-9a-f]{32}"/);
  });

  it("removes a relative's name from a FamilyMemberHistory, as the serving projection does", async () => {
    const { resource } = await deidentifyResource(
      deps,
      {
        resourceType: 'FamilyMemberHistory',
        id: 'f1',
        status: 'completed',
        patient: { reference: 'Patient/p1' },
        name: 'Aunt Mary Smith',
        relationship: { coding: [{ code: 'AUNT' }] },
      },
      context,
    );
    expect(JSON.stringify(resource)).not.toContain('Mary Smith');
    expect(resource.relationship).toEqual({ coding: [{ code: 'AUNT' }] });
  });

  it('keeps a year alone and reduces a month that is not one to the year', async () => {
    const condition = { ...typedPhi[0]!, onsetDateTime: '2019-13', abatementDateTime: '2021' };
    const { resource } = await deidentifyResource(deps, condition, context);
    expect(resource.onsetDateTime).toBe('2019');
    expect(resource.abatementDateTime).toBe('2021');
  });
});

describe('Function: researchCopy', () => {
  const pid = 'a'.repeat(32);
  const serving = (extra: Record<string, unknown> = {}): FhirJson => ({
    resourceType: 'Observation',
    id: 'b'.repeat(32),
    subject: { reference: `Patient/${pid}` },
    performer: [{ reference: 'Practitioner/dr-jones' }],
    identifier: [{ system: 'urn:lab', value: 'ACC-778812' }],
    effectiveDateTime: '2025-03-10T08:00:00Z',
    issued: '2025-03-20',
    valueString: 'Discussed with Dr. Okafor.',
    ...extra,
  });

  it('keeps pseudonymous ids and links, drops anything not pseudonymous and shifts dates by the patient key', async () => {
    // Prepare
    const surrogateKey = await researchSurrogateKey(keys, 'mercy', pid);
    // Act
    const copy = await researchCopy(serving(), { surrogateKey, asOf: '2026-01-01' });
    // Assess
    expect(copy.id).toBe('b'.repeat(32));
    expect(copy.subject).toEqual({ reference: `Patient/${pid}` });
    expect(copy).not.toHaveProperty('performer.0.reference');
    expect(copy).not.toHaveProperty('identifier');
    const days = (Date.parse(String(copy.issued)) - Date.parse('2025-03-20')) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(-365);
    expect(days).toBeLessThanOrEqual(-1);
    expect(String(copy.effectiveDateTime).slice(10)).toBe('T08:00:00Z');
    expect(JSON.stringify(copy)).not.toMatch(/Okafor|ACC-778812|dr-jones/);
  });

  it('gives the same patient the same shift on every read, and another patient another key', async () => {
    // Prepare
    const key = await researchSurrogateKey(keys, 'mercy', pid);
    // Act
    const first = await researchCopy(serving(), { surrogateKey: key, asOf: '2026-01-01' });
    const again = await researchCopy(serving(), { surrogateKey: key, asOf: '2026-01-01' });
    // Assess
    expect(again.effectiveDateTime).toBe(first.effectiveDateTime);
    expect(await researchSurrogateKey(keys, 'mercy', 'c'.repeat(32))).not.toBe(key);
    expect(await researchSurrogateKey(keys, 'other', pid)).not.toBe(key);
  });

  it('reduces a serving Patient to birth year, state and ZIP3', async () => {
    // Prepare
    const surrogateKey = await researchSurrogateKey(keys, 'mercy', pid);
    const patient: FhirJson = {
      resourceType: 'Patient',
      id: pid,
      gender: 'female',
      birthDate: '1961-04-12',
      address: [{ state: 'MA', postalCode: '021', country: 'US' }],
    };
    // Act
    const copy = await researchCopy(patient, { surrogateKey, asOf: '2026-01-01' });
    // Assess
    expect(copy).toEqual({
      resourceType: 'Patient',
      id: pid,
      gender: 'female',
      birthDate: '1961',
      address: [{ state: 'MA', postalCode: '021', country: 'US' }],
    });
  });
  it('removes identifiers, names, addresses, contact points and identifying strings under any element name', async () => {
    // Prepare: serving-like records (pseudonymous ids and references) carrying typed PHI
    const surrogateKey = await researchSurrogateKey(keys, 'mercy', pid);
    for (const resource of typedPhi) {
      const record = { ...resource, id: 'b'.repeat(32), subject: { reference: `Patient/${pid}` } };
      // Act
      const copy = await researchCopy(record, { surrogateKey, asOf: '2026-01-01' });
      // Assess
      const json = JSON.stringify(copy);
      for (const phi of typedPhiValues)
        expect(json, `${resource.resourceType}: ${phi}`).not.toContain(phi);
    }
  });

  it('keeps a pseudonymous Identifier under any element name, as it came (one or a list)', async () => {
    const surrogateKey = await researchSurrogateKey(keys, 'mercy', pid);
    const pseudonym = { system: pseudonymSystem, value: 'c'.repeat(32) };
    const copy = await researchCopy(serving({ requisition: pseudonym, identifier: [pseudonym] }), {
      surrogateKey,
      asOf: '2026-01-01',
    });
    expect(copy.requisition).toEqual(pseudonym);
    expect(copy.identifier).toEqual([pseudonym]);
  });

  it('shifts a partial date YYYY-MM with the full dates of the record', async () => {
    const surrogateKey = await researchSurrogateKey(keys, 'mercy', pid);
    const copy = await researchCopy(
      { ...typedPhi[0]!, id: 'b'.repeat(32), subject: { reference: `Patient/${pid}` } },
      { surrogateKey, asOf: '2026-01-01' },
    );
    expect(copy.onsetDateTime).toBe(String(copy.recordedDate).slice(0, 7));
    expect(copy.onsetDateTime).not.toBe('2019-07');
  });

  it('de-identifies free text in every string element, by R4 type, and keeps codes, systems, versions and units', async () => {
    // Prepare: a name or a date where R4 allows free text other than text/comment/description
    const surrogateKey = await researchSurrogateKey(keys, 'mercy', pid);
    const records: FhirJson[] = [
      {
        resourceType: 'Account',
        id: 'b'.repeat(32),
        status: 'active',
        name: 'Account of Amara Okafor',
      },
      {
        resourceType: 'DiagnosticReport',
        id: 'b'.repeat(32),
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '24627-2', version: '2.74' }] },
        conclusion: 'Reviewed with Dr. Okafor on 03/14/2025: no change.',
      },
      {
        resourceType: 'MedicationRequest',
        id: 'b'.repeat(32),
        status: 'active',
        intent: 'order',
        subject: { reference: `Patient/${pid}` },
        requester: { display: 'Dr. Amara Okafor' },
        dosageInstruction: [
          {
            patientInstruction: 'Call Amara Okafor at 617-555-0142 if dizzy',
            doseAndRate: [
              {
                doseQuantity: {
                  value: 5,
                  unit: 'mg',
                  system: 'http://unitsofmeasure.org',
                  code: 'mg',
                },
              },
            ],
          },
        ],
      },
      {
        resourceType: 'Communication',
        id: 'b'.repeat(32),
        status: 'completed',
        payload: [{ contentString: 'Spoke to Amara Okafor about her results' }],
      },
    ];
    for (const record of records) {
      // Act
      const copy = await researchCopy(record, { surrogateKey, asOf: '2026-01-01' });
      // Assess
      const json = JSON.stringify(copy);
      expect(json, record.resourceType as string).not.toMatch(
        /Okafor|Amara|03\/14\/2025|617-555-0142/,
      );
    }
    const report = await researchCopy(records[1]!, { surrogateKey, asOf: '2026-01-01' });
    expect(report.code).toEqual(records[1]!.code);
    // A Coding's display is terminology, kept as it is, even when it reads like a name or a number
    const coded = await researchCopy(
      {
        resourceType: 'Procedure',
        id: 'b'.repeat(32),
        status: 'completed',
        code: {
          coding: [
            {
              system: 'urn:example:procedures',
              code: 'dds',
              display: 'Denver developmental screening',
            },
          ],
          text: 'Denver developmental screening',
        },
      },
      { surrogateKey, asOf: '2026-01-01' },
    );
    expect(coded).toHaveProperty('code.coding.0.display', 'Denver developmental screening');
    expect(report.conclusion).toMatch(/^Reviewed with Dr\. \S+ on \d\d\/\d\d\/\d{4}: no change\.$/);
    const order = await researchCopy(records[2]!, { surrogateKey, asOf: '2026-01-01' });
    expect(order).toHaveProperty('dosageInstruction.0.doseAndRate.0.doseQuantity', {
      value: 5,
      unit: 'mg',
      system: 'http://unitsofmeasure.org',
      code: 'mg',
    });
  });
});

describe('Function: researchCopy, free text, displays, ages and time zones', () => {
  const pid = 'a'.repeat(32);
  const copyOf = async (record: FhirJson) =>
    researchCopy(record, {
      surrogateKey: await researchSurrogateKey(keys, 'mercy', pid),
      asOf: '2026-01-01',
    });
  const observation = (extra: Record<string, unknown>): FhirJson => ({
    resourceType: 'Observation',
    id: 'b'.repeat(32),
    status: 'final',
    subject: { reference: `Patient/${pid}` },
    issued: '2024-03-05',
    ...extra,
  });
  const flag = { url: ageOver89Extension, valueString: '90+' };
  const years = (value: number, code = 'a') => ({
    value,
    unit: code,
    system: 'http://unitsofmeasure.org',
    code,
  });

  it('de-identifies as text a free-text value that starts with a date, its date moved by the patient offset', async () => {
    // Prepare
    const text = '2024-03-05 called daughter Mary Okafor at 617-555-0142, MRN 00123456';
    // Act
    const copy = await copyOf(
      observation({ valueString: text, note: [{ text: `2024-03-05: ${text}` }] }),
    );
    // Assess: the date is the shifted `issued`, and nothing else of the PHI is left
    const shifted = String(copy.issued);
    expect(shifted).not.toBe('2024-03-05');
    expect(copy.valueString).toMatch(new RegExp(`^${shifted} called daughter \\S+ \\S+ at `));
    expect((copy.note as { text: string }[])[0]!.text).toMatch(new RegExp(`^${shifted}: `));
    expect(JSON.stringify(copy)).not.toMatch(/Mary|Okafor|617-555-0142|00123456|2024-03-05/);
  });

  it('shifts a value that is wholly a date, dateTime or instant as a date, whatever its element', async () => {
    const copy = await copyOf(
      observation({
        valueString: '2024-03-05',
        valueDateTime: '2024-03-05T10:15:00+02:00',
        effectiveInstant: '2024-03-05T10:15:00.123Z',
      }),
    );
    const shifted = String(copy.issued);
    expect(copy.valueString).toBe(shifted);
    expect(copy.valueDateTime).toBe(`${shifted}T10:15:00+02:00`);
    expect(copy.effectiveInstant).toBe(`${shifted}T10:15:00.123Z`);
  });

  it("drops every Reference's display, linked or not, and keeps a Coding's", async () => {
    // Act
    const copy = await copyOf({
      resourceType: 'Immunization',
      id: 'b'.repeat(32),
      status: 'completed',
      vaccineCode: {
        coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '08', display: 'Hep B' }],
      },
      patient: { reference: `Patient/${pid}`, display: 'Amara Okafor' },
      performer: [
        { actor: { display: 'Amara Okafor' } },
        { actor: { display: 'Okafor, Amara RN', _display: { extension: [] } } },
      ],
      location: { display: 'Monticello Clinic' },
      extension: [{ url: 'https://example.org/by', valueReference: { display: 'Jane Doe' } }],
    });
    // Assess
    expect(copy).toEqual({
      resourceType: 'Immunization',
      id: 'b'.repeat(32),
      status: 'completed',
      vaccineCode: {
        coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '08', display: 'Hep B' }],
      },
      patient: { reference: `Patient/${pid}` },
      performer: [{ actor: {} }, { actor: {} }],
      location: {},
      extension: [{ url: 'https://example.org/by', valueReference: {} }],
    });
  });

  it('makes an Age of 90 years or more "90+", in any unit and any Age element, and keeps younger ones', async () => {
    // Act
    const condition = await copyOf({
      resourceType: 'Condition',
      id: 'b'.repeat(32),
      subject: { reference: `Patient/${pid}` },
      onsetAge: { ...years(93), unit: 'years', comparator: '>' },
      abatementAge: years(89),
    });
    const history = await copyOf({
      resourceType: 'FamilyMemberHistory',
      id: 'b'.repeat(32),
      status: 'completed',
      patient: { reference: `Patient/${pid}` },
      ageAge: years(1080, 'mo'),
      deceasedAge: { value: 97, unit: 'years' }, // no UCUM code: read from the unit
      condition: [{ onsetAge: years(4700, 'wk') }, { onsetAge: years(32_800, 'd') }],
      extension: [{ url: 'https://example.org/age', valueAge: years(95) }],
    });
    // Assess
    expect(condition.onsetAge).toEqual({
      unit: 'years',
      system: 'http://unitsofmeasure.org',
      code: 'a',
      extension: [flag],
    });
    expect(condition.abatementAge).toEqual(years(89));
    expect(history.ageAge).toEqual({ ...years(1080, 'mo'), value: undefined, extension: [flag] });
    expect(history.deceasedAge).toEqual({ unit: 'years', extension: [flag] });
    expect(history.condition).toEqual([
      { onsetAge: { ...years(4700, 'wk'), value: undefined, extension: [flag] } }, // 90.1 years
      { onsetAge: years(32_800, 'd') }, // 89.8 years
    ]);
    expect(history.extension).toEqual([
      {
        url: 'https://example.org/age',
        valueAge: { ...years(95), value: undefined, extension: [flag] },
      },
    ]);
  });

  it('makes an age range from 90 "90+" and drops an upper bound of 90 or more', async () => {
    const copy = await copyOf({
      resourceType: 'FamilyMemberHistory',
      id: 'b'.repeat(32),
      status: 'completed',
      patient: { reference: `Patient/${pid}` },
      ageRange: { low: years(92), high: years(95) },
      condition: [{ onsetRange: { low: years(85), high: years(95) } }],
    });
    expect(copy.ageRange).toEqual({ extension: [flag] });
    expect(copy.condition).toEqual([{ onsetRange: { low: years(85) } }]);
  });

  it('makes the value of an Observation or component coded as an age in LOINC "90+" from 90 years', async () => {
    const age = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
    const copy = await copyOf(
      observation({
        code: age('30525-0'),
        valueQuantity: years(93),
        component: [
          { code: age('21612-7'), valueInteger: 91 },
          { code: age('21612-7'), valueQuantity: years(45) },
          { code: age('8867-4'), valueQuantity: { value: 93, unit: '/min' } },
        ],
      }),
    );
    expect(copy.valueQuantity).toEqual({ ...years(93), value: undefined, extension: [flag] });
    expect(copy.component).toEqual([
      { code: age('21612-7'), _valueInteger: { extension: [flag] } },
      { code: age('21612-7'), valueQuantity: years(45) },
      { code: age('8867-4'), valueQuantity: { value: 93, unit: '/min' } },
    ]);
  });

  it('drops time zone extensions, which can name less than a state, and keeps the others', async () => {
    // Prepare
    const race = {
      url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
      extension: [{ url: 'text', valueString: 'White' }],
    };
    const zone = (valueCode: string) => ({
      url: 'http://hl7.org/fhir/StructureDefinition/timezone',
      valueCode,
    });
    // Act
    const patient = await copyOf({
      resourceType: 'Patient',
      id: pid,
      gender: 'male',
      birthDate: '1960-02-03',
      extension: [zone('America/Kentucky/Monticello'), race],
      address: [{ state: 'KY', postalCode: '426', country: 'US' }],
    });
    const zoneOnly = await copyOf({
      resourceType: 'Patient',
      id: pid,
      extension: [zone('America/Sitka')],
    });
    const reading = await copyOf(
      observation({
        _issued: {
          extension: [
            { url: 'http://hl7.org/fhir/StructureDefinition/tz-code', valueCode: 'America/Adak' },
            { url: 'http://hl7.org/fhir/StructureDefinition/tz-offset', valueString: '-10:00' },
          ],
        },
      }),
    );
    // Assess
    expect(patient.extension).toEqual([race]);
    expect(zoneOnly).not.toHaveProperty('extension');
    expect(reading._issued).toEqual({});
  });
});
