// Domain (synth/fhir): MedicationRequest resources (FHIR R4 (4.0.1); US Core 6.1.0 MedicationRequest
// shape: status, intent, RxNorm medicationCodeableConcept, authoredOn, reason, dosage) and their fills.
import type {
  CodeableConcept,
  MedicationDispense,
  MedicationRequest,
  MedicationRequestDispenseRequest,
} from '@medplum/fhirtypes';
import type { TrueMedication } from '../model';
import { conditions, systems } from '../catalog';
import { ref, type RenderContext } from './context';
import { nameUuid } from './ids';
import { epochDay } from './calendar';
import { renderDosage } from './dosage';
import { renderDispenses } from './dispenses';

const categorySystem = 'http://terminology.hl7.org/CodeSystem/medicationrequest-category';

/** Every medication as a MedicationRequest, followed in `dispenses` by its MedicationDispenses. */
export function renderMedications(ctx: RenderContext): {
  requests: MedicationRequest[];
  dispenses: MedicationDispense[];
} {
  const requests: MedicationRequest[] = [];
  const dispenses: MedicationDispense[] = [];
  ctx.patient.medications.forEach((medication, index) => {
    const request = renderRequest(ctx, medication, index);
    requests.push(request);
    dispenses.push(
      ...renderDispenses(ctx, medication, request.id!, request.medicationCodeableConcept!),
    );
  });
  return { requests, dispenses };
}

/** The id of the MedicationRequest rendered for `patient.medications[index]`. */
export function medicationRequestId(
  patientId: string,
  medication: TrueMedication,
  index: number,
): string {
  return nameUuid(patientId, `MedicationRequest/${index}/${medication.key}/${medication.start}`);
}

function renderRequest(
  ctx: RenderContext,
  medication: TrueMedication,
  index: number,
): MedicationRequest {
  const { asOf } = ctx.options;
  const request: MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: medicationRequestId(ctx.patient.id, medication, index),
    // Still running at the export date -> active; stopped before it -> completed.
    status: medication.end === undefined || medication.end > asOf ? 'active' : 'completed',
    intent: 'order',
    // Every order of the catalog is taken or given outside a stay, infusions (trastuzumab) in an
    // infusion clinic: FHIR R4 medicationrequest-category "outpatient" (administered or consumed in an
    // outpatient setting, e.g. an outpatient clinic). Until 1.9.0 an intravenous order would have
    // been "inpatient"; none existed.
    category: [{ coding: [{ system: categorySystem, code: 'outpatient', display: 'Outpatient' }] }],
    medicationCodeableConcept: {
      coding: [{ ...medication.rxnorm }],
      text: medication.rxnorm.display,
    },
    subject: ref('Patient', ctx.patientId),
  };
  const encounterId = ctx.encounterOnDate.get(medication.start);
  if (encounterId) request.encounter = ref('Encounter', encounterId);
  request.authoredOn = medication.start;
  const conditionId = ctx.conditionIds.get(medication.indication);
  // The indication as a reference when the patient has the Condition, else as a code.
  if (conditionId) request.reasonReference = [ref('Condition', conditionId)];
  else request.reasonCode = [indicationCode(medication)];
  request.dosageInstruction = [renderDosage(medication)];
  request.dispenseRequest = dispenseRequest(medication);
  return request;
}

function indicationCode(medication: TrueMedication): CodeableConcept {
  const snomed = conditions[medication.indication].snomed;
  return {
    coding: [{ system: systems.snomed, code: snomed.code, display: snomed.display }],
    text: snomed.display,
  };
}

/**
 * Quantity and days' supply per fill; refills to cover the course, or a year for an open-ended
 * (maintenance) prescription, which is then renewed.
 */
function dispenseRequest(medication: TrueMedication): MedicationRequestDispenseRequest {
  const { quantity, daysSupply } = medication.dispense;
  const courseDays = medication.end
    ? Math.max(1, epochDay(medication.end) - epochDay(medication.start))
    : 365;
  return {
    numberOfRepeatsAllowed: Math.max(0, Math.ceil(courseDays / Math.max(1, daysSupply)) - 1),
    quantity: { value: quantity },
    expectedSupplyDuration: { value: daysSupply, unit: 'days', system: systems.ucum, code: 'd' },
  };
}
