// Route-level checks of request parsing: strict bodies, strict `at`/`recompute`/`day` parameters,
// the outcomes route's Idempotency-Key, and `at` on /features answering that date.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureKey } from '../../shared/domain/features/build';
import { featureSpecVersion } from '../../shared/domain/features/spec';
import { InMemoryTable } from '../../shared/domain/monitoring/in-memory-table.fixture';
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
