// Domain (reminders): orders a patient does not take at home, so no dose or refill reminder is
// theirs: an intravenous dosage (given in an infusion clinic, on the ward or by a home-infusion nurse)
// and an inpatient order (given on the ward). Dose reminders report them as not scheduled, with the
// reason; refill reminders skip them (an infusion pharmacy supplies the clinic, not the patient).
import type { Dosage, MedicationRequest } from '@medplum/fhirtypes';

/**
 * SNOMED CT 47625008 |Intravenous route| (FHIR R4 SNOMEDCTRouteCodes value set), and the words
 * a route's text uses for it when uncoded.
 */
const intravenousRoute = '47625008';
const intravenousText = /^(?:iv|i\.v\.|intravenous(?:ly)?)$/i;

/** True when `dosage` is given intravenously (by route code, else by its text). */
export function isIntravenous(dosage: Dosage): boolean {
  const route = dosage.route;
  if (!route) return false;
  if (
    route.coding?.some((c) => c.system === 'http://snomed.info/sct' && c.code === intravenousRoute)
  )
    return true;
  return intravenousText.test(route.text?.trim() ?? '');
}

/**
 * FHIR R4 medicationrequest-category "inpatient": to be administered or consumed in an inpatient or
 * acute care setting.
 */
export function isInpatientOrder(request: MedicationRequest): boolean {
  return (request.category ?? []).some((c) =>
    c.coding?.some(
      (x) =>
        x.system === 'http://terminology.hl7.org/CodeSystem/medicationrequest-category' &&
        x.code === 'inpatient',
    ),
  );
}

/** Why dose `dosage` of `request` is not the patient's to take at home, or undefined when it is. */
export function clinicianAdministered(
  request: MedicationRequest,
  dosage: Dosage,
): string | undefined {
  if (isInpatientOrder(request))
    return 'inpatient order, given on the ward: not a patient reminder';
  if (isIntravenous(dosage))
    return 'intravenous, given by a clinician (infusion clinic or nurse): not a patient reminder';
  return undefined;
}
