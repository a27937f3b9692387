// Use cases (recommend): a clinician's decision on a proposed recommendation. Recommendations are
// decision support: they stay "proposed" until a clinician accepts or rejects one through the API;
// the decision is recorded once (the first decision stands; a different later one is a conflict)
// under the patient in the serving table, and the API's audit trail records who made it. Only a
// recommendation the patient is offered can be decided: recommendations are computed on request and
// not stored, so "offered" means among the patient's recommendations when the decision is made.
import { z } from 'zod';
import type { Table } from '../../ports/table';
import { ConflictError, DependencyError, NotFoundError, ValidationError } from '../errors';
import { servingKeys } from '../serving/records';
import { deidentifyText } from '../deid/deidentify';
import type { RecommendationReport } from './model';

export const decisionSchema = z.strictObject({
  decision: z.enum(['accepted', 'rejected']),
  /** Why, in the clinician's words; kept short, and stored de-identified. */
  reason: z.string().max(500).optional(),
});

export interface Decision {
  recommendationId: string;
  decision: 'accepted' | 'rejected';
  reason?: string;
  by: string;
  at: string;
}

const decisionSk = (id: string) => `DECISION#${id}`;
// The ids recommendFor issues (stableId('rec', ...) in identity.ts): anything else names no
// recommendation, and may be an identifier typed where an id belongs, which must not be stored.
const idPattern = /^rec-[0-9a-f]{16}$/;

/**
 * Record a decision; the same decision twice is a no-op, a different one a ConflictError. A first
 * decision on an id not among `offered()` (the ids of the patient's recommendations, as
 * GET /patients/{id}/recommendations proposes them now) is a NotFoundError naming the id, and nothing
 * is stored. A decision already recorded stands and answers its retries even when the
 * recommendation has since changed (new data gives it a new id), so `offered` is asked only when
 * there is none: the lookup reads strongly consistently, so a retry just after the first write sees
 * it. A first decision that loses the write to a concurrent one answers as that one; if that one
 * cannot be read back, a retryable DependencyError (503).
 */
export async function recordDecision(
  serving: Table,
  input: {
    hospital: string;
    patient: string;
    recommendationId: string;
    by: string;
    at: Date;
    body: unknown;
    offered: () => Promise<readonly string[]>;
  },
): Promise<Decision> {
  if (!idPattern.test(input.recommendationId))
    throw new ValidationError('recommendation id is not valid', 'recommendationId');
  const parsed = decisionSchema.safeParse(input.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // An unknown key is named itself (strict schema), not the object holding it.
    const unknown = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const field = unknown ?? (issue?.path.join('.') || 'body');
    throw new ValidationError(`${field}: ${issue?.message ?? 'invalid'}`, field);
  }
  const decision: Decision = {
    recommendationId: input.recommendationId,
    decision: parsed.data.decision,
    // Free text, like a note: stored de-identified (category tags; HIPAA Safe Harbor, deid/).
    ...(parsed.data.reason
      ? { reason: deidentifyText(parsed.data.reason, { replacement: 'tag' }).text }
      : {}),
    by: input.by,
    at: input.at.toISOString(),
  };
  const key = {
    pk: servingKeys.patient(input.hospital, input.patient).pk,
    sk: decisionSk(input.recommendationId),
  };
  // Strongly consistent: an eventually consistent read may miss a decision written a moment ago, and
  // its retry (after the recommendation changed) would then be refused as not offered.
  let recorded = await serving.get(key.pk, key.sk, { consistent: true });
  if (!recorded) {
    if (!(await input.offered()).includes(input.recommendationId))
      throw new NotFoundError(
        `recommendation ${input.recommendationId} is not among the recommendations offered to this patient`,
      );
    if (await serving.putIfAbsent({ ...key, ...decision })) return decision;
    // A concurrent first decision won the write: it stands, as if it had come first.
    recorded = await serving.get(key.pk, key.sk, { consistent: true });
    // The write said it exists but the read does not see it (a storage fault): retry, never a 500.
    if (!recorded)
      throw new DependencyError(
        `a decision on recommendation ${input.recommendationId} was recorded concurrently but could not be read back: retry`,
      );
  }
  const earlier = recorded as unknown as Decision;
  if (earlier.decision !== decision.decision)
    throw new ConflictError(
      `recommendation ${input.recommendationId} was already ${earlier.decision}`,
    );
  return {
    recommendationId: earlier.recommendationId,
    decision: earlier.decision,
    by: earlier.by,
    at: earlier.at,
    ...(earlier.reason ? { reason: earlier.reason } : {}),
  };
}

/**
 * The report with each recommendation's recorded decision, if any (status stays "proposed" otherwise).
 * The decisions are read strongly consistently: an eventually consistent Query may miss a decision
 * recorded a moment ago (POST ... 201), which the clinician's next GET would then not show.
 */
export async function withDecisions(
  serving: Table,
  hospital: string,
  patient: string,
  report: RecommendationReport,
): Promise<RecommendationReport & { decisions: Decision[] }> {
  // Every page: a patient may have more decisions than one page holds.
  const decisions: Decision[] = [];
  let cursor: string | undefined;
  do {
    const page = await serving.query({
      partition: servingKeys.patient(hospital, patient).pk,
      sortPrefix: 'DECISION#',
      limit: 200,
      cursor,
      consistent: true,
    });
    for (const { pk: _pk, sk: _sk, ...d } of page.items) decisions.push(d as unknown as Decision);
    cursor = page.cursor;
  } while (cursor);
  return { ...report, decisions };
}
