// Tests (deid): the research copy of curated FHIR resources under Safe Harbor, and its re-identification map.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyRing } from '../../ports/key-ring';
import type { FhirJson } from '../ingest/source-record';
import { pseudonymousId } from '../serving/resource-projection';
import {
  ageOver89Extension,
  deidentifyResource,
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
});
