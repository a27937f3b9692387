// Primary adapter: the API's routes. Each route names the action it performs; `guarded` asks the one
// policy (shared/domain/access/policy.ts) before the use case runs and appends an audit record after,
// whatever the outcome. Reads are always made under the caller's own hospital partition.
import { z } from 'zod';
import { listAudit } from '../../shared/domain/access/audit';
import { NotFoundError, ValidationError } from '../../shared/domain/errors';
import { patientFeatures } from '../../shared/domain/features/build';
import { batchSummary } from '../../shared/domain/ingest/batches';
import { createUpload } from '../../shared/domain/ingest/uploads';
import { neighbors, searchConcepts } from '../../shared/domain/kg/queries';
import { parseAlertId } from '../../shared/domain/monitoring/alert-records';
import { acknowledgeAlert, listAlerts } from '../../shared/domain/monitoring/alerts';
import { storedPgxProfile } from '../../shared/domain/pgx/stored-profile';
import { storedTumourFindings } from '../../shared/domain/genomics/tumour-finding-items';
import { recordDecision, withDecisions } from '../../shared/domain/recommend/decisions';
import { knowledgeGraphEvidence } from '../../shared/domain/recommend/graph-evidence';
import type { RecommendationReport } from '../../shared/domain/recommend/model';
import { recommendFor, type RecommendDeps } from '../../shared/domain/recommend/recommend-for';
import { similarPatientsFor } from '../../shared/domain/recommend/similar-patients-store';
import { acknowledgeReminder } from '../../shared/domain/reminders/acknowledge';
import { isRiskScoreName, riskScoreNames } from '../../shared/domain/risk/registry';
import { scoresFromFhir } from '../../shared/domain/risk/scores-from-fhir';
import {
  getPatient,
  listObservations,
  listPatients,
  patientRecord,
} from '../../shared/domain/serving/queries';
import { guarded, type ApiDeps, type Route } from './guarded';
import {
  booleanParam,
  instantParam,
  json,
  jsonBody,
  pageParams,
  searchsetBundle,
  type ApiEvent,
} from './http';
import { outcomeRoutes } from './routes-outcomes';
import { pgxRoutes } from './routes-pgx';
import { predictionRoutes } from './routes-predictions';
import { researchRoutes } from './routes-research';

const reminderAckSchema = z.strictObject({
  status: z.enum(['taken', 'skipped', 'snoozed']),
  snoozeMinutes: z.number().int().min(1).max(240).optional(),
});

function parseBody<S extends z.ZodType>(schema: S, event: ApiEvent): z.output<S> {
  const parsed = schema.safeParse(jsonBody(event));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // An unknown key (strict schemas) is named itself, not the object holding it.
  const unknown = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = unknown ?? (issue?.path.join('.') || 'body');
  throw new ValidationError(`${field}: ${issue?.message ?? 'invalid'}`, field);
}

const auditQuery = (event: ApiEvent, now: Date) => {
  const day = event.queryStringParameters?.day ?? now.toISOString().slice(0, 10);
  // A real calendar day (2026-02-30 is refused, not answered as an empty day).
  if (!z.iso.date().safeParse(day).success)
    throw new ValidationError('day must be a calendar date YYYY-MM-DD', 'day');
  return { day, ...pageParams(event) };
};

/**
 * The patient's recommendations from the stored record, PGx profile and VCF tumour findings, as of
 * the clock's now: what GET /patients/{id}/recommendations answers, and what a decision must name.
 */
async function patientRecommendations(
  deps: ApiDeps,
  hospital: string,
  patient: string,
  evidence: RecommendDeps,
): Promise<RecommendationReport> {
  const [resources, stored, tumour] = await Promise.all([
    patientRecord(deps.serving, hospital, patient),
    storedPgxProfile(deps, hospital, patient),
    storedTumourFindings(deps, hospital, patient),
  ]);
  return recommendFor(evidence, {
    resources: resources as unknown as Parameters<typeof recommendFor>[1]['resources'],
    ...(stored.profile ? { pgx: stored.profile } : {}),
    // Read from the patient's VCFs at ingest: the oncology topic's actionable alterations.
    tumour: tumour.map(({ gene, alteration, germline, source }) => ({
      gene,
      alteration,
      germline,
      source,
    })),
    at: deps.clock.now(),
  });
}

export const routes: Record<string, Route> = {
  'GET /health': async () => json(200, { status: 'ok' }),
  'GET /patients': guarded('patients:list', async ({ deps, event, caller }) =>
    json(200, await listPatients(deps.serving, caller.hospital, pageParams(event))),
  ),
  'GET /patients/{id}': guarded(
    'patient:read',
    async ({ deps, params, caller }) =>
      json(200, await getPatient(deps.serving, caller.hospital, params.id!)),
    { onPatient: true },
  ),
  'GET /patients/{id}/observations': guarded(
    'patient:read-clinical',
    async ({ deps, event, params, caller }) => {
      await getPatient(deps.serving, caller.hospital, params.id!); // 404 for unknown patients, not an empty list
      return json(
        200,
        await listObservations(deps.serving, caller.hospital, params.id!, pageParams(event)),
      );
    },
    { onPatient: true },
  ),
  'GET /patients/{id}/features': guarded(
    'patient:read-clinical',
    async ({ deps, event, params, caller }) => {
      const now = deps.clock.now();
      const at = event.queryStringParameters?.at ? instantParam(event, 'at', now) : undefined;
      const recompute = booleanParam(event, 'recompute');
      return json(
        200,
        await patientFeatures(deps, caller.hospital, params.id!, { at, now }, recompute),
      );
    },
    { onPatient: true },
  ),
  'GET /patients/{id}/resources': guarded(
    'patient:read-clinical',
    async ({ deps, params, caller }) => {
      const resources = await patientRecord(deps.serving, caller.hospital, params.id!);
      return searchsetBundle(resources);
    },
    { onPatient: true },
  ),
  'GET /patients/{id}/risk': guarded(
    'patient:read-clinical',
    async ({ deps, event, params, caller }) => {
      const q = event.queryStringParameters ?? {};
      const at = instantParam(event, 'at', deps.clock.now());
      const wanted = q.score ? q.score.split(',') : riskScoreNames;
      const unknown = wanted.find((s) => !isRiskScoreName(s));
      if (unknown !== undefined)
        throw new ValidationError(`score must be among ${riskScoreNames.join(', ')}`, 'score');
      const resources = await patientRecord(deps.serving, caller.hospital, params.id!);
      // Serving records are FHIR R4 resources already validated at ingest.
      const fhir = resources as unknown as Parameters<typeof scoresFromFhir>[0];
      const scores = wanted.filter(isRiskScoreName).map((s) => scoresFromFhir(fhir, s, at));
      return json(200, { patient: params.id, at: at.toISOString(), scores });
    },
    { onPatient: true },
  ),
  'GET /patients/{id}/alerts': guarded(
    'patient:read-clinical',
    async ({ deps, params, caller }) => {
      await getPatient(deps.serving, caller.hospital, params.id!); // 404, not an empty list, for another hospital's patient
      return json(200, {
        items: await listAlerts({ alerts: deps.serving }, caller.hospital, params.id!),
      });
    },
    { onPatient: true },
  ),
  'POST /patients/{id}/alerts/{alertId}/ack': guarded(
    'alert:acknowledge',
    async ({ deps, params, caller }) => {
      // An alert id names its patient; one of another patient is not found, as for another hospital.
      if (parseAlertId(params.alertId!).patientId !== params.id)
        throw new NotFoundError('no such alert');
      const at = deps.clock.now();
      const alert = await acknowledgeAlert(
        { alerts: deps.serving },
        { hospital: caller.hospital, alertId: params.alertId!, by: caller.subject, at },
      );
      return json(200, alert);
    },
    { onPatient: true },
  ),
  'POST /patients/{id}/reminders/{occurrenceId}/ack': guarded(
    'reminder:acknowledge',
    async ({ deps, event, params, caller }) => {
      const body = parseBody(reminderAckSchema, event);
      const result = await acknowledgeReminder(
        { serving: deps.serving },
        {
          hospital: caller.hospital,
          occurrenceId: params.occurrenceId!,
          patient: params.id!,
          at: deps.clock.now(),
          ...body,
        },
      );
      return json(200, result);
    },
    { onPatient: true },
  ),
  'GET /patients/{id}/recommendations': guarded(
    'patient:read-clinical',
    async ({ deps, params, caller }) => {
      const report = await patientRecommendations(deps, caller.hospital, params.id!, {
        graphEvidence: knowledgeGraphEvidence(deps.graph),
        similarPatients: similarPatientsFor(deps, caller.hospital),
      });
      return json(200, await withDecisions(deps.serving, caller.hospital, params.id!, report));
    },
    { onPatient: true },
  ),
  'POST /patients/{id}/recommendations/{recommendationId}/decision': guarded(
    'recommendation:decide',
    async ({ deps, event, params, caller }) => {
      await getPatient(deps.serving, caller.hospital, params.id!);
      const decision = await recordDecision(deps.serving, {
        hospital: caller.hospital,
        patient: params.id!,
        recommendationId: params.recommendationId!,
        by: caller.subject,
        at: deps.clock.now(),
        body: jsonBody(event),
        // What GET .../recommendations offers now; the evidence ports add nothing to an id.
        offered: async () =>
          (await patientRecommendations(deps, caller.hospital, params.id!, {})).recommendations.map(
            (r) => r.id,
          ),
      });
      return json(201, decision);
    },
    { onPatient: true },
  ),
  'GET /kg/concepts': guarded('knowledge:read', async ({ deps, event }) => {
    const q = event.queryStringParameters?.q ?? '';
    if (!q.trim() || q.length > 200) throw new ValidationError('q must be 1-200 characters', 'q');
    const { limit } = pageParams(event);
    return json(200, { items: await searchConcepts(deps.graph, q, limit ?? 20) });
  }),
  'GET /kg/concepts/{system}/{code}/neighbors': guarded(
    'knowledge:read',
    async ({ deps, event, params }) => {
      const { limit } = pageParams(event);
      return json(200, {
        items: await neighbors(deps.graph, params.system!, params.code!, { limit: limit ?? 50 }),
      });
    },
  ),
  'GET /ingest/batches/{id}': guarded('ingest:read-report', async ({ deps, params, caller }) =>
    json(200, await batchSummary(deps.objects, caller.hospital, params.id!)),
  ),
  'POST /uploads': guarded('upload:create', async ({ deps, event, caller }) =>
    json(
      201,
      await createUpload(
        { objects: deps.objects, now: deps.clock.now() },
        caller.hospital,
        jsonBody(event),
      ),
    ),
  ),
  'GET /audit': guarded('audit:read', async ({ deps, event, caller }) =>
    json(200, await listAudit(deps.audit, caller.hospital, auditQuery(event, deps.clock.now()))),
  ),
  ...pgxRoutes,
  ...predictionRoutes,
  ...outcomeRoutes,
  ...researchRoutes,
};
