// Use case: what a deployed prediction model is, for the clinician reading its estimates and the
// engineer checking what is served. Every prediction tells its reader to weigh it with the model
// card (patient-prediction.ts); this is where the card is read: from the endpoint itself, by a
// describe invocation (training/serve.ts), so the card is the one of the model that answers,
// whichever version is deployed, on SageMaker and on the embedded stack alike. Nothing about a
// patient is sent or returned.
import { z } from 'zod';
import { DependencyError, NotFoundError, ValidationError } from '../errors';
import type { Predictor } from '../../ports/predictor';

/** A configured model: its name, endpoint, and whether the predictions route uses it by default. */
export interface ServedModelEntry {
  name: string;
  endpoint: string;
  default: boolean;
}

const outcomeSchema = z.object({
  definition: z.string(),
  horizonDays: z.number().int().positive().optional(),
});

/** The describe answer of the inference contract (training/serve.ts describeModel). */
const descriptionSchema = z.object({
  model: z.object({
    name: z.string(),
    version: z.string(),
    kind: z.string(),
    createdAt: z.string(),
    outcome: outcomeSchema.optional(),
    population: z
      .record(z.string(), z.object({ min: z.number().optional(), max: z.number().optional() }))
      .optional(),
    features: z.number().int().nonnegative(),
    columns: z.array(z.string()).optional(),
  }),
  card: z.record(z.string(), z.unknown()).nullable(),
  /** Why the endpoint has no card to give though a card file is there. */
  cardProblem: z.string().optional(),
});

export type ModelDescription = z.output<typeof descriptionSchema> & {
  /** The configured name and endpoint it was asked under. */
  name: string;
  endpoint: string;
};

/** The configured models, the default (first) one marked. */
export function listServedModels(models: ReadonlyMap<string, string>): ServedModelEntry[] {
  return [...models].map(([name, endpoint], i) => ({ name, endpoint, default: i === 0 }));
}

/**
 * Ask the endpoint of model `name` what it serves. NotFoundError for a name that is not configured
 * or an endpoint that does not exist; DependencyError when it answers outside the contract.
 */
export async function describeServedModel(
  deps: { predictor: Predictor; models: ReadonlyMap<string, string> },
  name: string,
): Promise<ModelDescription> {
  const endpoint = deps.models.get(name);
  if (endpoint === undefined) {
    const known = [...deps.models.keys()];
    throw new NotFoundError(
      known.length
        ? // Not the name asked for: problem details never echo what the caller put in the path.
          `no model of that name is served by this API (models: ${known.join(', ')})`
        : 'no prediction model is deployed for this API',
    );
  }
  let answer: unknown;
  try {
    answer = await deps.predictor.invoke({ endpoint, body: { describe: true } });
  } catch (error) {
    if (error instanceof NotFoundError)
      throw new NotFoundError(`model ${name} is not deployed (endpoint ${endpoint} not found)`, {
        cause: error,
      });
    // A container that refuses the body (an image from before describe invocations) is the
    // deployment's problem, not a bad request of the caller's.
    if (error instanceof ValidationError)
      throw new DependencyError(
        `endpoint ${endpoint} does not answer describe invocations (its image predates them)`,
        { cause: error },
      );
    throw error;
  }
  const parsed = descriptionSchema.safeParse(answer);
  if (!parsed.success)
    throw new DependencyError(
      `endpoint ${endpoint} answered a describe invocation outside the inference contract (${parsed.error.issues[0]?.path.join('.') || 'body'})`,
    );
  return { name, endpoint, ...parsed.data };
}
