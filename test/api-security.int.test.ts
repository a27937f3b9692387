// Integration: who may do what through the API, over the embedded gateway with real tokens, s3rver
// and dynalite: the route x role x hospital matrix, uploads, the audit trail, hostile input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { pseudonymousId } from '../shared/domain/serving/records';
import { roles, type Role } from '../shared/domain/access/policy';
import { heartRate, ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

type Caller = { role: Role; hospital: string; patient?: string };

describe('API security', () => {
  let stack: TestStack;
  let east0: string;
  let east1: string;
  let west0: string;

  async function call(
    caller: Caller,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const token = await stack.issuer.sign({
      role: caller.role,
      hospital: caller.hospital,
      ...(caller.role === 'patient' ? { patient: caller.patient ?? 'nobody' } : {}),
    });
    const response = await fetch(new URL(path, stack.endpoints.api), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'p.ndjson'),
      ndjson(patient('p0'), patient('p1'), heartRate('o1', 'p0')),
    );
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('west', 'w1', 'p.ndjson'),
      ndjson(patient('p0')),
    );
    await stack.settled();
    east0 = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p0');
    east1 = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p1');
    west0 = await pseudonymousId(stack.deps.keys, 'west', 'Patient', 'p0');
  });
  afterAll(async () => stack?.stop());

  describe('the route x role x hospital matrix', () => {
    // Expected status for a caller of hospital `east` (own) and of hospital `west` (other) reading
    // east's resources. Roles that may never perform a route's action get 403 whatever the target;
    // roles that may get 404 for every resource of another hospital.
    const upload = { file: 'export.ndjson', size: 10, contentType: 'application/fhir+ndjson' };
    const matrix: [string, string, unknown, Record<Role, [own: number, other: number]>][] = [
      [
        'GET',
        '/patients/{east0}',
        undefined,
        {
          clinician: [200, 404],
          patient: [200, 404],
          'hospital-uploader': [403, 403],
          'data-scientist': [403, 403],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/patients/{east0}/observations',
        undefined,
        {
          clinician: [200, 404],
          patient: [200, 404],
          'hospital-uploader': [403, 403],
          'data-scientist': [403, 403],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/patients/{east0}/alerts',
        undefined,
        {
          clinician: [200, 404],
          patient: [200, 404],
          'hospital-uploader': [403, 403],
          'data-scientist': [403, 403],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/patients/{east0}/recommendations',
        undefined,
        {
          clinician: [200, 404],
          patient: [200, 404],
          'hospital-uploader': [403, 403],
          'data-scientist': [403, 403],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/patients/{east0}/resources',
        undefined,
        {
          clinician: [200, 404],
          patient: [200, 404],
          'hospital-uploader': [403, 403],
          'data-scientist': [403, 403],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/patients/{east0}/risk',
        undefined,
        {
          clinician: [200, 404],
          patient: [200, 404],
          'hospital-uploader': [403, 403],
          'data-scientist': [403, 403],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/patients/{east0}/features',
        undefined,
        {
          clinician: [200, 404],
          patient: [200, 404],
          'hospital-uploader': [403, 403],
          'data-scientist': [403, 403],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/ingest/batches/b1',
        undefined,
        {
          clinician: [403, 403],
          patient: [403, 403],
          'hospital-uploader': [200, 404],
          'data-scientist': [403, 403],
          admin: [200, 404],
        },
      ],
      [
        'GET',
        '/patients',
        undefined,
        {
          clinician: [200, 200],
          patient: [403, 403],
          'hospital-uploader': [403, 403],
          'data-scientist': [403, 403],
          admin: [403, 403],
        },
      ],
      [
        'POST',
        '/uploads',
        upload,
        {
          clinician: [403, 403],
          patient: [403, 403],
          'hospital-uploader': [201, 201],
          'data-scientist': [403, 403],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/research/patients',
        undefined,
        {
          clinician: [403, 403],
          patient: [403, 403],
          'hospital-uploader': [403, 403],
          'data-scientist': [200, 200],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/research/patients/{east0}/resources',
        undefined,
        {
          clinician: [403, 403],
          patient: [403, 403],
          'hospital-uploader': [403, 403],
          'data-scientist': [200, 404],
          admin: [403, 403],
        },
      ],
      [
        'GET',
        '/audit',
        undefined,
        {
          clinician: [403, 403],
          patient: [403, 403],
          'hospital-uploader': [403, 403],
          'data-scientist': [403, 403],
          admin: [200, 200],
        },
      ],
    ];
    const cases = matrix.flatMap(([method, path, body, expected]) =>
      roles.flatMap((role) => [
        { method, path, body, role, hospital: 'east', want: expected[role][0] },
        { method, path, body, role, hospital: 'west', want: expected[role][1] },
      ]),
    );

    it.each(cases)(
      '$method $path as $role of $hospital -> $want',
      async ({ method, path, body, role, hospital, want }) => {
        // A patient caller is east's patient 0 in east, and west's patient 0 in west.
        const caller: Caller = { role, hospital, patient: hospital === 'east' ? east0 : west0 };
        const response = await call(caller, method, path.replace('{east0}', east0), body);
        expect(response.status).toBe(want);
      },
    );

    it("never lists another hospital's patients", async () => {
      const west = await call({ role: 'clinician', hospital: 'west' }, 'GET', '/patients');
      const ids = (west.body.items as { id: string }[]).map((p) => p.id);
      expect(ids).toEqual([west0]);
    });

    it("gives a patient 404 for another patient's record in the same hospital", async () => {
      const response = await call(
        { role: 'patient', hospital: 'east', patient: east0 },
        'GET',
        `/patients/${east1}`,
      );
      expect(response.status).toBe(404);
    });
  });

  describe('uploads', () => {
    it('presigns a PUT under the caller hospital prefix that s3rver accepts, and the file is ingested', async () => {
      // Prepare
      const body = ndjson(patient('p9'));
      // Act
      const grant = await call(
        { role: 'hospital-uploader', hospital: 'east' },
        'POST',
        '/uploads',
        {
          file: 'upload.ndjson',
          size: Buffer.byteLength(body),
          contentType: 'application/fhir+ndjson',
          batch: 'up1',
        },
      );
      const put = await fetch(grant.body.url as string, {
        method: 'PUT',
        headers: grant.body.headers as Record<string, string>,
        body,
      });
      await stack.settled();
      // Assess
      expect(grant.status).toBe(201);
      expect(grant.body.key).toBe('raw/east/up1/upload.ndjson');
      expect(put.status).toBe(200);
      const report = await call(
        { role: 'hospital-uploader', hospital: 'east' },
        'GET',
        '/ingest/batches/up1',
      );
      expect(report.body).toMatchObject({ status: 'accepted', records: { accepted: 1 } });
    });

    it.each([
      ['a path in the file name', { file: '../west/b1/x.ndjson', size: 10 }, 'file'],
      ['an absolute path', { file: '/etc/passwd', size: 10 }, 'file'],
      ['a hidden file', { file: '.env', size: 10 }, 'file'],
      ['a zero size', { file: 'a.ndjson', size: 0 }, 'size'],
      ['a size over the 5 GiB single-PUT limit', { file: 'a.ndjson', size: 6 * 1024 ** 3 }, 'size'],
      ['a batch that is not a slug', { file: 'a.ndjson', size: 1, batch: '../../west' }, 'batch'],
      [
        'an unknown content type',
        { file: 'a.ndjson', size: 1, contentType: 'text/html' },
        'contentType',
      ],
    ])('rejects %s with a 400 naming the field', async (_name, request, field) => {
      const response = await call(
        { role: 'hospital-uploader', hospital: 'east' },
        'POST',
        '/uploads',
        request,
      );
      expect(response.status).toBe(400);
      expect(response.body.path).toBe(field);
    });

    it('answers malformed, oversized and non-JSON bodies with a clear 4xx, never a 500', async () => {
      const uploader: Caller = { role: 'hospital-uploader', hospital: 'east' };
      expect((await call(uploader, 'POST', '/uploads', '{"file": ')).status).toBe(400);
      expect(
        (await call(uploader, 'POST', '/uploads', JSON.stringify({ file: 'x'.repeat(70_000) })))
          .status,
      ).toBe(413);
      expect(
        (await call(uploader, 'POST', '/uploads', 'file=a', { 'content-type': 'text/plain' }))
          .status,
      ).toBe(415);
      expect((await call(uploader, 'POST', '/uploads', 'x'.repeat(11 * 1024 * 1024))).status).toBe(
        413,
      );
    });
  });

  describe('hostile input', () => {
    it.each([
      '/patients/..%2F..%2Fwest',
      "/patients/x'%20OR%20'1'%3D'1",
      '/patients/%3Chttp%3A%2F%2Fevil%3E%20%3Fp%20%3Fo',
      '/patients/%E0%A4%A',
      `/patients/${'a'.repeat(300)}`,
    ])('answers GET %s with 400 or 404, never data or a 500', async (path) => {
      const response = await call({ role: 'clinician', hospital: 'east' }, 'GET', path);
      expect([400, 404]).toContain(response.status);
    });

    it.each([
      '/ingest/batches/..%2F..%2Fwest%2Fb1',
      '/ingest/batches/b1%00',
      '/ingest/batches/B1%20OR%201',
    ])('answers GET %s with 400 or 404', async (path) => {
      const response = await call({ role: 'hospital-uploader', hospital: 'east' }, 'GET', path);
      expect([400, 404]).toContain(response.status);
    });

    it('rejects injected query parameters with a 400 naming the parameter', async () => {
      const response = await call(
        { role: 'clinician', hospital: 'east' },
        'GET',
        '/patients?limit=1%3BDROP',
      );
      expect(response.status).toBe(400);
      expect(response.body.path).toBe('limit');
    });

    it('answers requests without a valid token with 401', async () => {
      const bare = await fetch(new URL('/patients', stack.endpoints.api));
      const forged = await fetch(new URL('/patients', stack.endpoints.api), {
        headers: { authorization: 'Bearer a.b.c' },
      });
      expect([bare.status, forged.status]).toEqual([401, 401]);
    });
  });

  describe('audit trail', () => {
    it("records who did what, allowed and denied, for the hospital's admins only, without PHI", async () => {
      // Prepare
      await call({ role: 'clinician', hospital: 'east' }, 'GET', `/patients/${east0}`);
      await call(
        { role: 'patient', hospital: 'east', patient: east0 },
        'GET',
        `/patients/${east1}`,
      );
      // Act
      const east = await call({ role: 'admin', hospital: 'east' }, 'GET', '/audit');
      const west = await call({ role: 'admin', hospital: 'west' }, 'GET', '/audit');
      // Assess
      const entries = east.body.items as Record<string, unknown>[];
      expect(entries).toContainEqual(
        expect.objectContaining({
          role: 'clinician',
          action: 'patient:read',
          patient: east0,
          outcome: 'allowed',
          status: 200,
          purpose: 'TREAT',
          hospital: 'east',
        }),
      );
      expect(entries).toContainEqual(
        expect.objectContaining({
          role: 'patient',
          action: 'patient:read',
          patient: east1,
          outcome: 'failed',
          status: 404,
        }),
      );
      expect(entries.every((e) => e.hospital === 'east')).toBe(true);
      expect(
        (west.body.items as Record<string, unknown>[]).every((e) => e.hospital === 'west'),
      ).toBe(true);
      const text = JSON.stringify(east.body);
      for (const phi of ['Testperson', 'Alice', '1961-04-12', '"p0"', '"p1"'])
        expect(text).not.toContain(phi);
    });
  });
});
