// Primary adapter: the API's model-prediction route. A deployed model (SageMaker endpoint, the
// embedded model server locally) scores the patient's current record; the answer lists the
// features behind the estimate with the record entries they came from. Guarded and audited like
// every other clinical read of a patient.
import { z } from 'zod';
import { predictForPatient } from '../../shared/domain/predictions/patient-prediction';
import { getPatient } from '../../shared/domain/serving/queries';
import { ValidationError } from '../../shared/domain/errors';
import { guarded } from './guarded';
import { json } from './http';

const predictionQuery = z.object({
  model: z.string().min(1).max(63).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  top: z.coerce.number().int().min(0).max(100).optional(),
});

export const predictionRoutes = {
  'GET /patients/{id}/predictions': guarded(
    'patient:read-clinical',
    async ({ deps, event, params, caller }) => {
      const parsed = predictionQuery.safeParse(event.queryStringParameters ?? {});
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.join('.') || 'query';
        throw new ValidationError(
          `query parameter ${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
          field,
        );
      }
      const q = parsed.data;
      await getPatient(deps.serving, caller.hospital, params.id!); // 404 for another hospital's patient
      const prediction = await predictForPatient(
        {
          serving: deps.serving,
          objects: deps.objects,
          predictor: deps.predictions?.predictor ?? noPredictor,
          models: deps.predictions?.models ?? new Map(),
        },
        caller.hospital,
        params.id!,
        { model: q.model, at: q.at ? new Date(q.at) : deps.clock.now(), top: q.top },
      );
      return json(200, prediction);
    },
    { onPatient: true },
  ),
};

/** Never called: with no predictor there are no models, and the use case says so first. */
const noPredictor = {
  invoke: () => Promise.reject(new Error('no predictor is configured')),
};
