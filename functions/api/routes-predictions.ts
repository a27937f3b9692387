// Primary adapter: the API's model routes. A deployed model (SageMaker endpoint, the embedded model
// server locally) scores the patient's current record; the answer lists the features behind the
// estimate with the record entries they came from. Guarded and audited like every other clinical
// read of a patient. GET /models lists the configured models and GET /models/{name} asks one what
// it is (its card, declared outcome and population), which every prediction's caution points to.
import { z } from 'zod';
import {
  describeServedModel,
  listServedModels,
} from '../../shared/domain/predictions/model-description';
import { predictForPatient } from '../../shared/domain/predictions/patient-prediction';
import { getPatient } from '../../shared/domain/serving/queries';
import { guarded } from './guarded';
import { json, queryParams } from './http';

const predictionQuery = z.object({
  model: z.string().min(1).max(63).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  top: z.coerce.number().int().min(0).max(100).optional(),
});

export const predictionRoutes = {
  'GET /patients/{id}/predictions': guarded(
    'patient:read-clinical',
    async ({ deps, event, params, caller }) => {
      const q = queryParams(predictionQuery, event);
      await getPatient(deps.serving, caller.hospital, params.id!); // 404 for another hospital's patient
      const prediction = await predictForPatient(
        { serving: deps.serving, ...deps.predictions },
        caller.hospital,
        params.id!,
        { model: q.model, at: q.at ? new Date(q.at) : deps.clock.now(), top: q.top },
      );
      return json(200, prediction);
    },
    { onPatient: true },
  ),
  'GET /models': guarded('model:describe', async ({ deps }) =>
    json(200, { models: listServedModels(deps.predictions.models) }),
  ),
  'GET /models/{name}': guarded('model:describe', async ({ deps, params }) =>
    json(200, await describeServedModel(deps.predictions, params.name!)),
  ),
};
