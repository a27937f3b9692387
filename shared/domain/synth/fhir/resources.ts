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
import { renderStudyResults } from './study-results';
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
  const resources: PatientResource[] = [renderPatient(ctx)];
  // Appended by one loop, not spread into a literal: each spread site saw the lists' element kinds
  // one by one (an empty list has another map than a full one), and every new one threw away this
  // function's optimised code (--trace-deopt: 'wrong map', 8 TurboFan compiles per render thread).
  append(resources, renderEncounters(ctx));
  append(resources, renderConditions(ctx));
  append(resources, renderObservations(ctx));
  append(resources, renderStudyResults(ctx, notes));
  append(resources, medications.requests);
  append(resources, medications.dispenses);
  append(resources, renderAllergies(ctx));
  append(resources, renderFamilyHistory(ctx));
  append(resources, renderDocuments(ctx, notes));
  return resources;
}

function append(resources: PatientResource[], more: readonly PatientResource[]): void {
  for (let i = 0; i < more.length; i++) resources.push(more[i]!);
}
