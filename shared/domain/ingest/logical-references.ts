// Domain (ingest): CSV extracts link rows by business identifiers (an MRN), not resource ids. Patients
// from a CSV take an id derived from their identifier, and logical references `{ type: 'Patient',
// identifier }` become literal `Patient/{that id}`, so rows of different files meet on one patient.
import type { FhirJson } from './source-record';
import { deterministicUuid } from './readers/resource-id';

interface Identifier {
  system?: string;
  value?: string;
}

/** The id a patient known by `identifier` gets, within one hospital. */
export function patientIdForIdentifier(hospital: string, identifier: Identifier): string {
  return deterministicUuid(
    hospital,
    'Patient-identifier',
    identifier.system ?? '',
    identifier.value ?? '',
  );
}

export function resolveLogicalPatientReferences(resource: FhirJson, hospital: string): FhirJson {
  if (resource.resourceType === 'Patient') {
    const identifier = (resource.identifier as Identifier[] | undefined)?.find(
      (i) => i.system && i.value,
    );
    return identifier
      ? { ...resource, id: patientIdForIdentifier(hospital, identifier) }
      : resource;
  }
  return rewrite(resource, hospital) as FhirJson;
}

function rewrite(value: unknown, hospital: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, hospital));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  const identifier = obj.identifier as Identifier | undefined;
  if (obj.type === 'Patient' && obj.reference === undefined && identifier?.value) {
    return { ...obj, reference: `Patient/${patientIdForIdentifier(hospital, identifier)}` };
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, rewrite(v, hospital)]));
}
