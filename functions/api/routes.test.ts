// Route-level checks of request parsing: strict bodies, strict `at`/`recompute`/`day` parameters,
// the outcomes route's Idempotency-Key, `at` on /features answering that date, and decisions only on
// a recommendation the patient is offered.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureKey } from '../../shared/domain/features/build';
import { featureSpecVersion } from '../../shared/domain/features/spec';
import { InMemoryTable } from '../../shared/domain/monitoring/in-memory-table.fixture';
import { EventuallyConsistentTable } from '../../shared/domain/recommend/eventually-consistent-table.fixture';
import { reminderKeys, reminderSk } from '../../shared/domain/reminders/delivery-keys';
import { genericServingItem } from '../../shared/domain/serving/records';
import type { ApiDeps } from './guarded';
import type { ApiEvent } from './http';
import { routes } from './routes';

const hospital = 'riverside';
const pid = '3f1c9a0e5b7d4c2a8e6f0b1d2c3a4b5c';

function makeDeps(serving = new InMemoryTable()): ApiDeps {
  let t = Date.parse('2026-12-06T10:00:00.000Z');
  return {
    serving,
    objects: { getText: async () => undefined },
    audit: new InMemoryTable(),
    clock: { now: () => new Date((t += 1500)) },
    graph: {},
    keys: {},
    predictions: { predictor: {}, models: new Map() },
  } as unknown as ApiDeps;
}

async function withPatient(): Promise<InMemoryTable> {
  const serving = new InMemoryTable();
  await serving.put(
    genericServingItem(
      hospital,
      { resourceType: 'Patient', id: pid, gender: 'female', birthDate: '1961-04-12' },
      { batch: 'b1', updatedAt: '2026-01-01T00:00:00Z' },
    ),
  );
  return serving;
}

function event(
  routeKey: string,
  params: Record<string, string>,
  opts: {
    body?: unknown;
    query?: Record<string, string>;
    role?: string;
    headers?: Record<string, string>;
  },
): ApiEvent {
  const e = JSON.parse(
    readFileSync(new URL('../../events/apigw-v2-get-patient.json', import.meta.url), 'utf8'),
  ) as ApiEvent;
  e.routeKey = routeKey;
  e.requestContext.routeKey = routeKey;
  e.pathParameters = params;
  if (opts.role) e.requestContext.authorizer.jwt.claims['custom:role'] = opts.role;
  if (opts.query) e.queryStringParameters = opts.query;
  Object.assign(e.headers, opts.headers ?? {});
  if (opts.body !== undefined) {
    e.headers['content-type'] = 'application/json';
    e.body = JSON.stringify(opts.body);
  }
  return e;
}

async function call(
  deps: ApiDeps,
  routeKey: string,
  params: Record<string, string>,
  opts: Parameters<typeof event>[2] = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const r = await routes[routeKey]!(deps, event(routeKey, params, opts), params);
    return { status: r.statusCode!, body: JSON.parse(r.body as string) as Record<string, unknown> };
  } catch (e) {
    // The handler turns a thrown error into a problem document; its status and path are what matter.
    const error = e as { status?: number; path?: string; message?: string };
    return { status: error.status ?? 500, body: { path: error.path, detail: error.message } };
  }
}

describe('query parameters', () => {
  it.each(['1', '0', '2024-02-30', '2024-02-30T00:00:00Z', '99999', '2026-03-01T00:00:00'])(
    'GET /risk refuses at=%s, naming at',
    async (at) => {
      const deps = makeDeps(await withPatient());
      const r = await call(deps, 'GET /patients/{id}/risk', { id: pid }, { query: { at } });
      expect(r.status).toBe(400);
      expect(r.body.path).toBe('at');
    },
  );

  it('GET /features and /risk refuse an `at` in the future beyond the clock allowance', async () => {
    const deps = makeDeps(await withPatient());
    for (const route of ['GET /patients/{id}/features', 'GET /patients/{id}/risk']) {
      const r = await call(deps, route, { id: pid }, { query: { at: '2027-01-01T00:00:00Z' } });
      expect(r).toMatchObject({ status: 400, body: { path: 'at' } });
    }
    const near = await call(
      deps,
      'GET /patients/{id}/risk',
      { id: pid },
      {
        query: { at: '2026-12-06T10:02:00Z', score: 'qrisk3' },
      },
    );
    expect(near.status).toBe(200);
  });

  it('GET /features refuses recompute other than true/false', async () => {
    const deps = makeDeps(await withPatient());
    const bad = await call(
      deps,
      'GET /patients/{id}/features',
      { id: pid },
      {
        query: { recompute: 'yes' },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.path).toBe('recompute');
    const ok = await call(
      deps,
      'GET /patients/{id}/features',
      { id: pid },
      {
        query: { recompute: 'false' },
      },
    );
    expect(ok.status).toBe(200);
  });

  it('GET /features answers the `at` asked for, not the stored vector of another date', async () => {
    const serving = await withPatient();
    await serving.put({
      ...featureKey(hospital, pid),
      hospital,
      specVersion: featureSpecVersion,
      at: '2026-12-01T00:00:00.000Z',
      raw: {},
      vector: [],
      imputed: [],
    });
    const r = await call(
      makeDeps(serving),
      'GET /patients/{id}/features',
      { id: pid },
      {
        query: { at: '2020-01-01T00:00:00Z' },
      },
    );
    expect({ status: r.status, at: r.body.at, origin: r.body.origin }).toEqual({
      status: 200,
      at: '2020-01-01T00:00:00.000Z',
      origin: 'computed',
    });
  });

  it('GET /audit refuses a day that is not on the calendar, naming day', async () => {
    const r = await call(
      makeDeps(),
      'GET /audit',
      {},
      {
        role: 'admin',
        query: { day: '2026-02-30' },
      },
    );
    expect(r.status).toBe(400);
    expect(r.body.path).toBe('day');
    const ok = await call(
      makeDeps(),
      'GET /audit',
      {},
      {
        role: 'admin',
        query: { day: '2024-02-29' },
      },
    );
    expect(ok.status).toBe(200);
  });
});

describe('request bodies', () => {
  it('the reminder ack refuses an unknown field, naming it', async () => {
    const serving = new InMemoryTable();
    await serving.put({
      pk: reminderKeys.occurrence(hospital, 'occ-1'),
      sk: reminderSk.occurrence,
      hospital,
      patient: pid,
      occurrenceId: 'occ-1',
      kind: 'dose',
      medication: 'metformin',
      dueAt: '2026-12-06T09:00:00.000Z',
      localDueAt: '2026-12-06T09:00:00+00:00',
      tz: 'UTC',
      critical: false,
      escalateAfterMinutes: 60,
    });
    const r = await call(
      makeDeps(serving),
      'POST /patients/{id}/reminders/{occurrenceId}/ack',
      { id: pid, occurrenceId: 'occ-1' },
      { body: { status: 'snoozed', snooze_minutes: 120 } },
    );
    expect(r.status).toBe(400);
    expect(r.body.path).toBe('snooze_minutes');
    expect(await serving.get(reminderKeys.occurrence(hospital, 'occ-1'), 'ACK')).toBeUndefined();
  });

  it('an outcome without `at` retried with the same Idempotency-Key is stored once', async () => {
    const serving = await withPatient();
    const deps = makeDeps(serving);
    const send = () =>
      call(
        deps,
        'POST /patients/{id}/outcomes',
        { id: pid },
        {
          body: { kind: 'phq9', total: 21 },
          headers: { 'idempotency-key': 'app-7f3a' },
        },
      );
    const first = await send();
    const retry = await send();
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    const observations = [...serving.items.values()].filter(
      (i) => (i.resource as { resourceType?: string }).resourceType === 'Observation',
    );
    expect(observations).toHaveLength(1);
  });

  it('an upload request refuses an unknown field, naming it', async () => {
    const r = await call(
      makeDeps(),
      'POST /uploads',
      {},
      {
        role: 'hospital-uploader',
        body: { file: 'a.ndjson', size: 10, contentTyp: 'application/x-ndjson' },
      },
    );
    expect(r).toMatchObject({ status: 400, body: { path: 'contentTyp' } });
  });

  it('a decision refuses an unknown field, naming it', async () => {
    const r = await call(
      makeDeps(await withPatient()),
      'POST /patients/{id}/recommendations/{recommendationId}/decision',
      { id: pid, recommendationId: 'rec-0000000000000000' },
      { body: { decision: 'rejected', reasons: 'typo' } },
    );
    expect(r).toMatchObject({ status: 400, body: { path: 'reasons' } });
  });
});

describe('recommendation decisions', () => {
  const decide = 'POST /patients/{id}/recommendations/{recommendationId}/decision';
  /** A stored patient with depression and a PHQ-9 (12, moderate, 3 days before the clock). */
  async function withDepression(phq9 = 12, at = '2026-12-03T10:00:00Z'): Promise<InMemoryTable> {
    const serving = await withPatient();
    const item = (resource: Record<string, unknown>) =>
      serving.put(
        genericServingItem(hospital, resource as { resourceType: string; id: string }, {
          batch: 'b1',
          updatedAt: '2026-12-01T00:00:00Z',
        }),
      );
    await item({
      resourceType: 'Condition',
      id: 'dep',
      subject: { reference: `Patient/${pid}` },
      clinicalStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
        ],
      },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F32.1' }] },
      onsetDateTime: '2026-01-01',
    });
    await item({
      resourceType: 'Observation',
      id: `phq9-${phq9}`,
      status: 'final',
      subject: { reference: `Patient/${pid}` },
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      effectiveDateTime: at,
      valueQuantity: { value: phq9, unit: '{score}', code: '{score}' },
    });
    return serving;
  }
  /** No knowledge-graph concept matches: the recommendations carry no graph evidence. */
  const emptyGraph = {
    query: async () => ({ head: { vars: [] }, results: { bindings: [] } }),
  } as unknown as ApiDeps['graph'];
  const depsOf = (serving: InMemoryTable): ApiDeps => ({ ...makeDeps(serving), graph: emptyGraph });
  const decisionItems = (serving: InMemoryTable) =>
    [...serving.items.values()].filter((i) => String(i.sk).startsWith('DECISION#'));

  it('records a decision on an offered recommendation, and refuses one never offered with 404 naming it', async () => {
    // Arrange: the id GET /recommendations offers
    const serving = await withDepression();
    const deps = depsOf(serving);
    const report = await call(deps, 'GET /patients/{id}/recommendations', { id: pid });
    const offered = (report.body.recommendations as { id: string; topic: string }[]).find(
      (r) => r.topic === 'depression',
    )!.id;
    const never = 'rec-0123456789abcdef';
    // Act
    const accepted = await call(
      deps,
      decide,
      { id: pid, recommendationId: offered },
      { body: { decision: 'accepted' } },
    );
    const refused = await call(
      deps,
      decide,
      { id: pid, recommendationId: never },
      { body: { decision: 'accepted' } },
    );
    // Assess
    expect(accepted).toMatchObject({
      status: 201,
      body: { recommendationId: offered, decision: 'accepted' },
    });
    expect(refused).toMatchObject({
      status: 404,
      body: {
        detail: `recommendation ${never} is not among the recommendations offered to this patient`,
      },
    });
    expect(decisionItems(serving).map((i) => i.recommendationId)).toEqual([offered]);
  });

  it('shows a decision on the GET right after its POST, read consistently before it is replicated', async () => {
    // Arrange: the patient's record replicated; the decision's write will not be, yet
    const serving = new EventuallyConsistentTable();
    for (const i of (await withDepression()).items.values()) await serving.put(i);
    serving.settle();
    const deps = depsOf(serving);
    const before = await call(deps, 'GET /patients/{id}/recommendations', { id: pid });
    const id = (before.body.recommendations as { id: string }[])[0]!.id;
    const posted = await call(
      deps,
      decide,
      { id: pid, recommendationId: id },
      { body: { decision: 'rejected' } },
    );
    serving.queries.length = 0;
    // Act
    const after = await call(deps, 'GET /patients/{id}/recommendations', { id: pid });
    // Assess
    expect(posted.status).toBe(201);
    expect(after.body.decisions).toEqual([posted.body]);
    const decisionQueries = serving.queries.filter((q) => q.sortPrefix === 'DECISION#');
    expect(decisionQueries).toEqual([expect.objectContaining({ consistent: true })]);
  });

  it('answers a retry of a recorded decision after new data changed the recommendation', async () => {
    // Arrange: accepted; then a newer PHQ-9 (17, moderately severe) gives the recommendation a new id
    const serving = await withDepression();
    const deps = depsOf(serving);
    const before = await call(deps, 'GET /patients/{id}/recommendations', { id: pid });
    const id = (before.body.recommendations as { id: string }[])[0]!.id;
    const first = await call(
      deps,
      decide,
      { id: pid, recommendationId: id },
      { body: { decision: 'accepted' } },
    );
    const changed = await withDepression(17, '2026-12-05T10:00:00Z');
    for (const i of changed.items.values()) await serving.put(i);
    const after = await call(deps, 'GET /patients/{id}/recommendations', { id: pid });
    expect((after.body.recommendations as { id: string }[]).map((r) => r.id)).not.toContain(id);
    // Act
    const retry = await call(
      deps,
      decide,
      { id: pid, recommendationId: id },
      { body: { decision: 'accepted' } },
    );
    const other = await call(
      deps,
      decide,
      { id: pid, recommendationId: id },
      { body: { decision: 'rejected' } },
    );
    // Assess: the recorded decision stands and answers its retry; a different one conflicts
    expect(retry).toEqual(first);
    expect(other.status).toBe(409);
    expect(decisionItems(serving)).toHaveLength(1);
  });
});
