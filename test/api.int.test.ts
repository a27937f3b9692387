// Integration: the API over the embedded gateway: pagination, problems, hospital and patient scoping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { pseudonymousId } from '../shared/domain/serving/records';
import {
  apiGet,
  heartRate,
  ndjson,
  patient,
  startTestStack,
  type TestStack,
} from './helpers/stack';

describe('Function: api', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
    const people = Array.from({ length: 5 }, (_, i) => patient(`p${i}`));
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'p.ndjson'),
      ndjson(...people, heartRate('o1', 'p0')),
    );
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('west', 'b1', 'p.ndjson'),
      ndjson(patient('p0')),
    );
    await stack.settled();
  });
  afterAll(async () => stack?.stop());

  it('pages through patients with an opaque cursor, each patient once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await apiGet(
        stack,
        `/patients?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        'east',
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items!.map((p) => p.id));
      cursor = page.body.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it('gives the same hospital id different pseudonyms in different hospitals', async () => {
    const east = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p0');
    const west = await pseudonymousId(stack.deps.keys, 'west', 'Patient', 'p0');
    expect(east).not.toBe(west);
    expect((await apiGet(stack, `/patients/${east}`, 'west')).status).toBe(404);
    expect((await apiGet(stack, `/patients/${west}`, 'west')).status).toBe(200);
  });

  it('answers a bad limit with an RFC 9457 problem naming the parameter', async () => {
    const response = await apiGet(stack, '/patients?limit=0', 'east');
    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      type: 'https://caregraph.dev/problems/validation',
      status: 400,
      path: 'limit',
    });
  });

  it('answers a forged cursor with 400, not a crash', async () => {
    const response = await apiGet(stack, '/patients?cursor=not-a-cursor', 'east');
    expect(response.status).toBe(400);
    expect(response.body.path).toBe('cursor');
  });

  it("answers another hospital's cursor with 400, and reads nothing of it", async () => {
    const east = await apiGet(stack, '/patients?limit=1', 'east');
    const cursor = encodeURIComponent(east.body.next!);
    const replayed = await apiGet(stack, `/patients?limit=5&cursor=${cursor}`, 'west');
    expect(replayed.status).toBe(400);
    expect(replayed.body).toMatchObject({ path: 'cursor' });
    expect(JSON.stringify(replayed.body)).toMatch(/belongs to another query/);
    // Its own hospital's query goes on from it.
    expect((await apiGet(stack, `/patients?limit=5&cursor=${cursor}`, 'east')).status).toBe(200);
  });

  it('lets a patient read only their own record', async () => {
    const own = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p0');
    const other = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p1');
    expect(
      (await apiGet(stack, `/patients/${own}/observations`, 'east', 'patient', own)).status,
    ).toBe(200);
    // Another patient's record is indistinguishable from one that does not exist.
    expect((await apiGet(stack, `/patients/${other}`, 'east', 'patient', own)).status).toBe(404);
    expect((await apiGet(stack, '/patients', 'east', 'patient', own)).status).toBe(403);
  });

  it('answers 404 for observations of an unknown patient and for unknown routes', async () => {
    expect(
      (await apiGet(stack, '/patients/0123456789abcdef0123456789abcdef/observations', 'east'))
        .status,
    ).toBe(404);
    expect((await apiGet(stack, '/nowhere', 'east')).status).toBe(404);
  });

  it("serves a batch's ingest reports to its own hospital only", async () => {
    const own = await apiGet(stack, '/ingest/batches/b1', 'east', 'hospital-uploader');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      batch: 'b1',
      status: 'accepted',
      records: { accepted: 6, repaired: 0, rejected: 0 },
    });
    expect((own.body.files as unknown as { file: string }[]).map((f) => f.file)).toEqual([
      'p.ndjson',
    ]);
    expect((await apiGet(stack, '/ingest/batches/b1', 'north', 'hospital-uploader')).status).toBe(
      404,
    );
    expect((await apiGet(stack, '/ingest/batches/b1', 'east', 'patient', 'x')).status).toBe(403);
  });
});
