// Domain: the serving-record layout in the serving table. Keys are per hospital, so a query can only
// ever reach the caller's hospital partition. What is stored is the de-identified projection
// (resource-projection.ts).
import type { Item } from '../../ports/table';
import { ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { clinicalTime, patientOf } from './resource-projection';

export const servingKeys = {
  patient: (hospital: string, patientId: string) => ({
    pk: `P#${hospital}#${patientId}`,
    sk: 'PATIENT',
  }),
  hospitalPatients: (hospital: string) => `H#${hospital}`,
  /** A patient's resources of one type, in time order (index byPatientTime). */
  patientTimeline: (hospital: string, patientId: string, resourceType: string) =>
    `P#${hospital}#${patientId}#${resourceType}`,
};

export { pseudonymousId } from './resource-projection';

/**
 * The serving-table item of a de-identified resource. A Patient is listed under its hospital; every
 * resource in a patient compartment sorts under the patient by type and clinical time; resources
 * outside any patient compartment (Medication, Organization...) key by type.
 */
export function genericServingItem(
  hospital: string,
  projected: FhirJson,
  source: { batch: string; updatedAt: string },
): Item {
  const type = projected.resourceType;
  const id = projected.id ?? '';
  // Without an id every such resource of the type would share one key and overwrite the others.
  if (id === '') throw new ValidationError(`${type} has no id to store it under`, 'id');
  const patientId = patientOf(projected);
  if (type === 'Patient') {
    return {
      ...servingKeys.patient(hospital, id),
      gsi1pk: servingKeys.hospitalPatients(hospital),
      gsi1sk: id,
      hospital,
      resource: projected,
      ...source,
    };
  }
  if (!patientId)
    return { pk: `R#${hospital}#${type}`, sk: id, hospital, resource: projected, ...source };
  return {
    pk: servingKeys.patient(hospital, patientId).pk,
    sk: `${type}#${id}`,
    gsi2pk: servingKeys.patientTimeline(hospital, patientId, type),
    // Unknown times sort first, so they are visible rather than lost at the end of a long timeline.
    gsi2sk: `${sortableInstant(clinicalTime(projected))}#${id}`,
    hospital,
    resource: projected,
    ...source,
  };
}

/** A time key that sorts chronologically: full date-times become UTC ISO instants; dates sort as their prefix. */
export function sortableInstant(value: string | undefined): string {
  if (!value) return '0000';
  if (!value.includes('T')) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
}
