import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors';
import { patientTransactionBundle, patientTransactionBundleJson } from './bundle';
import { referencesIn, structuralIssues } from './conformance';
import { fixtureAsOf, fixtureNotes, fixturePatients, inpatientStay } from './fixtures';
import { renderPatientResources } from './resources';

function resourcesOf(patient = inpatientStay()): Resource[] {
  return renderPatientResources(patient, fixtureNotes(patient), { asOf: fixtureAsOf });
}

describe('Function: patientTransactionBundle', () => {
  it('makes one PUT entry per resource with a urn:uuid fullUrl', () => {
    // Prepare
    const resources = resourcesOf();

    // Act
    const bundle = patientTransactionBundle(resources);

    // Assess
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    expect(bundle.entry).toHaveLength(resources.length);
    for (const entry of bundle.entry!) {
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource!.id}`);
      expect(entry.request).toEqual({
        method: 'PUT',
        url: `${entry.resource!.resourceType}/${entry.resource!.id}`,
      });
    }
  });

  it('rewrites every reference to a urn:uuid that resolves within the bundle', () => {
    for (const patient of fixturePatients()) {
      // Act
      const bundle = patientTransactionBundle(resourcesOf(patient));

      // Assess
      const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
      const references = referencesIn(bundle.entry!.map((e) => e.resource));
      expect(references.length).toBeGreaterThan(20);
      expect(references.filter((r) => !r.startsWith('urn:uuid:') || !fullUrls.has(r))).toEqual([]);
    }
  });

  it('passes FHIR R4 validation as a Bundle', () => {
    for (const patient of fixturePatients()) {
      expect(structuralIssues(patientTransactionBundle(resourcesOf(patient)))).toEqual([]);
    }
  });

  it('reports a urn:uuid reference to a resource of the wrong type', () => {
    // Prepare
    const bundle = patientTransactionBundle(resourcesOf());
    const encounter = bundle.entry!.find((e) => e.resource!.resourceType === 'Encounter')!;
    const condition = bundle.entry!.find(
      (e) => e.resource!.resourceType === 'Condition',
    )!.resource!;
    (condition as { subject: { reference: string } }).subject.reference = encounter.fullUrl!;

    // Act
    const issues = structuralIssues(bundle);

    // Assess
    expect(issues).toEqual([
      expect.stringMatching(
        /^error .*subject: urn:uuid:\S+ resolves to Encounter, not an allowed target type$/,
      ),
    ]);
  });

  it('leaves its input untouched and references outside the bundle as they were', () => {
    // Prepare
    const resources = resourcesOf().slice(1); // without the Patient
    const before = JSON.stringify(resources);

    // Act
    const bundle = patientTransactionBundle(resources);

    // Assess
    expect(JSON.stringify(resources)).toBe(before);
    const subjects = referencesIn(bundle).filter((r) => r.startsWith('Patient/'));
    expect(subjects.length).toBeGreaterThan(0);
  });

  it('serialises to the same bytes from the NDJSON strings as from the Bundle object', () => {
    for (const patient of fixturePatients()) {
      // Prepare
      const resources = resourcesOf(patient);
      const serialised = resources.map((r) => JSON.stringify(r));

      // Act
      const fast = patientTransactionBundleJson(resources, serialised);

      // Assess
      expect(fast).toBe(JSON.stringify(patientTransactionBundle(resources)));
    }
  });

  it('refuses a resource whose id cannot follow urn:uuid', () => {
    // Prepare
    const resources: Resource[] = [{ resourceType: 'Patient', id: 'pat-001' }];

    // Act & Assess
    expect(() => patientTransactionBundle(resources)).toThrow(ValidationError);
  });
});
