// Domain (reminders): what a reminder calls a medication and its dose, from FHIR R4 (4.0.1) fields.
// Shown only on the patient's own channel (see reminder-messages.ts).
import type { Dosage, MedicationRequest, Quantity } from '@medplum/fhirtypes';

/** The medication's display: code text, else the first coding's display or code, else the reference display. */
export function medicationDisplay(request: MedicationRequest): string {
  const concept = request.medicationCodeableConcept;
  const coding = concept?.coding?.find((c) => c.display) ?? concept?.coding?.[0];
  return (
    concept?.text ??
    coding?.display ??
    coding?.code ??
    request.medicationReference?.display ??
    'medication'
  );
}

/** "500 mg", "1-2 {tbl}": the first doseAndRate's quantity or range; undefined when absent. */
export function doseText(dosage: Dosage): string | undefined {
  const rate = dosage.doseAndRate?.[0];
  if (rate?.doseQuantity) return quantityText(rate.doseQuantity);
  const range = rate?.doseRange;
  if (range?.low?.value !== undefined && range.high?.value !== undefined)
    return `${range.low.value}-${quantityText(range.high)}`;
  return undefined;
}

function quantityText(q: Quantity): string | undefined {
  if (q.value === undefined) return undefined;
  const unit = q.unit ?? q.code;
  return unit ? `${q.value} ${unit}` : String(q.value);
}
