// Primary adapter: patient-reported outcomes (PHQ-9, GAD-7, home blood pressure) posted by the patient
// or their clinician; stored in the record and announced so monitoring re-evaluates the patient.
import { recordPatientReported } from '../../shared/domain/monitoring/patient-reported';
import { guarded, type Route } from './guarded';
import { json, jsonBody } from './http';

export const outcomeRoutes: Record<string, Route> = {
  'POST /patients/{id}/outcomes': guarded(
    'patient:report-outcome',
    async ({ deps, event, params, caller }) => {
      const { id } = await recordPatientReported(
        deps,
        caller.hospital,
        params.id!,
        jsonBody(event),
        { idempotencyKey: event.headers?.['idempotency-key'] },
      );
      return json(201, { id });
    },
    { onPatient: true },
  ),
};
