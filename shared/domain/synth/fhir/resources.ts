// Domain (synth/fhir): the entry point of FHIR rendering. A SynthPatient (plus its notes) becomes the
// FHIR R4 (4.0.1) resources a hospital would export for that patient. Pure and deterministic: the
// same patient gives the same resources, ids and key order, so serialised output is byte-stable.
import type {
  AllergyIntolerance,
  Condition,
  DocumentReference,
  Encounter,
  FamilyMemberHistory,
  MedicationDispense,
  MedicationRequest,
  Observation,
  Patient,
} from '@medplum/fhirtypes';
import type { SynthNote, SynthPatient } from '../model';
import { renderContext, type RenderOptions } from './context';
import { renderPatient } from './patient';
import { renderEncounters } from './encounters';
import { renderConditions } from './conditions';
import { renderObservations } from './observations';
import { renderMedications } from './medications';
import { renderAllergies, renderFamilyHistory } from './history';
import { renderDocuments } from './documents';

export type { RenderOptions } from './context';

/** A resource the synthetic export contains. */
export type PatientResource =
  | Patient
  | Encounter
  | Condition
  | Observation
  | MedicationRequest
  | MedicationDispense
  | AllergyIntolerance
  | FamilyMemberHistory
  | DocumentReference;

/** The resource types rendered, in output order (Patient first, so references point backwards). */
export const renderedResourceTypes = [
  'Patient',
  'Encounter',
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationDispense',
  'AllergyIntolerance',
  'FamilyMemberHistory',
  'DocumentReference',
] as const satisfies readonly PatientResource['resourceType'][];

/**
 * Every FHIR resource of one patient, grouped in `renderedResourceTypes` order. References are
 * relative (`Patient/{id}`), as in FHIR Bulk Data NDJSON; `patientTransactionBundle` rewrites them.
 * `notes` are the patient's notes (others are ignored); pass [] when notes are not rendered.
 */
export function renderPatientResources(
  patient: SynthPatient,
  notes: readonly SynthNote[],
  options: RenderOptions,
): PatientResource[] {
  const ctx = renderContext(patient, options);
  const medications = renderMedications(ctx);
  return [
    renderPatient(ctx),
    ...renderEncounters(ctx),
    ...renderConditions(ctx),
    ...renderObservations(ctx),
    ...medications.requests,
    ...medications.dispenses,
    ...renderAllergies(ctx),
    ...renderFamilyHistory(ctx),
    ...renderDocuments(ctx, notes),
  ];
}
