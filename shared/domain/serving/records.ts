// Domain: the serving-record layout in the serving table, and the de-identified projection stored in it.
// Keys are per hospital, so a query can only ever reach the caller's hospital partition.
import type { Item } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import type { FhirJson } from '../ingest/source-record';
import { clinicalTime, patientOf } from './resource-projection';
import {
  observationInstant,
  subjectPatientId,
  type Observation,
  type Patient,
  type ServedResource,
} from '../fhir/resources';

export const servingKeys = {
  patient: (hospital: string, patientId: string) => ({
    pk: `P#${hospital}#${patientId}`,
    sk: 'PATIENT',
  }),
  hospitalPatients: (hospital: string) => `H#${hospital}`,
  patientObservations: (hospital: string, patientId: string) => `P#${hospital}#${patientId}#OBS`,
};

/** Pseudonymous id of a resource: HMAC-SHA256 under the hospital's key of `Type/id`, first 128 bits in hex. */
export async function pseudonymousId(
  keys: KeyRing,
  hospital: string,
  type: string,
  id: string,
): Promise<string> {
  return (await keys.pseudonym(hospital, `${type}/${id}`)).slice(0, 32);
}

/**
 * The record the pipeline keeps of a resource: identifiers replaced by pseudonyms; names, telecom,
 * addresses, identifiers, free-text notes and narrative removed (they stay only in the raw bucket).
 */
export async function deidentifiedProjection(
  keys: KeyRing,
  hospital: string,
  resource: ServedResource,
): Promise<ServedResource> {
  if (resource.resourceType === 'Patient') return projectPatient(keys, hospital, resource);
  return projectObservation(keys, hospital, resource);
}

async function projectPatient(keys: KeyRing, hospital: string, p: Patient): Promise<Patient> {
  return {
    resourceType: 'Patient',
    id: await pseudonymousId(keys, hospital, 'Patient', p.id),
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    ...(p.deceasedBoolean !== undefined ? { deceasedBoolean: p.deceasedBoolean } : {}),
    ...(p.deceasedDateTime ? { deceasedDateTime: p.deceasedDateTime } : {}),
  };
}

const observationKept = [
  'status',
  'category',
  'code',
  'effectiveDateTime',
  'effectiveInstant',
  'effectivePeriod',
  'issued',
  'valueQuantity',
  'valueCodeableConcept',
  'valueString',
  'valueBoolean',
  'valueInteger',
  'interpretation',
  'referenceRange',
  'component',
  'dataAbsentReason',
  'method',
  'bodySite',
] as const;

async function projectObservation(
  keys: KeyRing,
  hospital: string,
  o: Observation,
): Promise<Observation> {
  const kept = Object.fromEntries(
    observationKept.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]),
  );
  const patientId = subjectPatientId(o)!;
  return {
    resourceType: 'Observation',
    id: await pseudonymousId(keys, hospital, 'Observation', o.id),
    ...kept,
    subject: { reference: `Patient/${await pseudonymousId(keys, hospital, 'Patient', patientId)}` },
  } as Observation;
}

/** The serving-table item for a de-identified resource. */
export function servingItem(
  hospital: string,
  resource: ServedResource,
  source: { batch: string; updatedAt: string },
): Item {
  if (resource.resourceType === 'Patient') {
    return {
      ...servingKeys.patient(hospital, resource.id),
      gsi1pk: servingKeys.hospitalPatients(hospital),
      gsi1sk: resource.id,
      hospital,
      resource,
      batch: source.batch,
      updatedAt: source.updatedAt,
    };
  }
  const patientId = subjectPatientId(resource)!;
  return {
    pk: servingKeys.patient(hospital, patientId).pk,
    sk: `OBS#${resource.id}`,
    gsi2pk: servingKeys.patientObservations(hospital, patientId),
    // Unknown times sort first, so they are visible rather than lost at the end of a long timeline.
    gsi2sk: `${sortableInstant(observationInstant(resource))}#${resource.id}`,
    hospital,
    resource,
    batch: source.batch,
    updatedAt: source.updatedAt,
  };
}

/** A time key that sorts chronologically: full date-times become UTC ISO instants; dates sort as their prefix. */
export function sortableInstant(value: string | undefined): string {
  if (!value) return '0000';
  if (!value.includes('T')) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
}

/**
 * The serving-table item of any de-identified resource. Patients and Observations keep their
 * dedicated keys; every other resource in a patient compartment sorts under the patient by type and
 * time; resources outside any patient compartment (Medication, Organization...) key by type.
 */
export function genericServingItem(
  hospital: string,
  projected: FhirJson,
  source: { batch: string; updatedAt: string },
): Item {
  const type = projected.resourceType;
  if (type === 'Patient' || type === 'Observation')
    return servingItem(hospital, projected as unknown as ServedResource, source);
  const patientId = patientOf(projected);
  const id = projected.id ?? '';
  if (!patientId) {
    return { pk: `R#${hospital}#${type}`, sk: id, hospital, resource: projected, ...source };
  }
  return {
    pk: servingKeys.patient(hospital, patientId).pk,
    sk: `${type}#${id}`,
    gsi2pk: `P#${hospital}#${patientId}#${type}`,
    gsi2sk: `${sortableInstant(clinicalTime(projected))}#${id}`,
    hospital,
    resource: projected,
    ...source,
  };
}
