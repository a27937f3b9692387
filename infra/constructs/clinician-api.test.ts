// Tests for the API function's data access: every route of the API, run for every role against the
// synthesized policy as S3 would enforce it, makes no S3 request the policy refuses, and the policy
// reaches no more of the buckets than those routes need.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { keyLayout } from '../../shared/config/resources';
import { MemoryGraphStore } from '../../shared/adapters/graph/memory-graph-store';
import { roles, type Role } from '../../shared/domain/access/policy';
import { featureFiles } from '../../shared/domain/features/build';
import { featureSpecVersion } from '../../shared/domain/features/spec';
import { ingestFile } from '../../shared/domain/ingest/ingest-file';
import { memoryIngestDeps } from '../../shared/domain/ingest/ingest-file.fixture';
import { InMemoryTable } from '../../shared/domain/monitoring/in-memory-table.fixture';
import { listPatients } from '../../shared/domain/serving/queries';
import { fixedClock } from '../../shared/ports/clock';
import type { ApiDeps } from '../../functions/api/guarded';
import type { ApiEvent } from '../../functions/api/http';
import { routes } from '../../functions/api/routes';
import {
  bucketArn,
  PolicyGuardedObjects,
  policyOfFunction,
  type FunctionPolicy,
} from '../policy-harness';
import { buildTestApp, type TestApp } from '../test-support';
import { healthRoute } from './clinician-api';

const ndjson = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('Construct: ClinicianApi data access', () => {
  let built: TestApp;
  let policy: FunctionPolicy;

  beforeAll(() => {
    // Prepare
    built = buildTestApp({}, { complianceChecks: false });
    policy = policyOfFunction(Template.fromStack(built.stateless), 'caregraph-api');
  });
  afterAll(() => built.cleanUp());

  const curated = (key: string) => `${bucketArn('caregraph', 'curated')}/${key}`;

  it('lets every route, for every role, make the S3 requests it makes (reports, feature transforms, presigned uploads)', async () => {
    // Prepare: one ingested patient and batch, as the API finds them on AWS.
    const ingest = memoryIngestDeps();
    const upload = keyLayout.raw('north', 'b1', 'Patient.ndjson');
    await ingest.objects.put(
      'raw',
      upload,
      ndjson({ resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1961-04-12' }),
    );
    await ingestFile(ingest, { key: upload, etag: 'e1' });
    const [patient] = (await listPatients(ingest.serving, 'north', {})).items as { id: string }[];
    const objects = new PolicyGuardedObjects(policy, 'caregraph');
    for (const [stored, body] of ingest.objects.objects) {
      const [bucket, ...key] = stored.split('/');
      if (bucket === 'curated') objects.seed('curated', key.join('/'), body.toString('utf8'));
    }
    const deps: ApiDeps = {
      serving: ingest.serving,
      objects,
      audit: new InMemoryTable(),
      clock: fixedClock('2026-06-01T00:00:00Z'),
      graph: new MemoryGraphStore(),
      keys: ingest.keys,
      predictions: {
        predictor: { invoke: async () => Promise.reject(new Error('no endpoint')) },
        models: new Map(),
      },
    };
    const params = {
      id: patient!.id,
      alertId: 'a1',
      occurrenceId: 'o1',
      recommendationId: 'r1',
      system: 'snomed',
      code: '44054006',
      name: 'cvd-risk',
    };
    const eventFor = (routeKey: string, role: Role): ApiEvent => {
      const [method, path] = routeKey.split(' ') as [string, string];
      const claims = {
        sub: `user-${role}`,
        'custom:hospital': 'north',
        'custom:role': role,
        ...(role === 'patient' ? { 'custom:patient': patient!.id } : {}),
      };
      return {
        routeKey,
        rawPath: path,
        headers: { 'content-type': 'application/json' },
        queryStringParameters: { q: 'diabetes' },
        body: JSON.stringify({ file: 'Observation.ndjson', size: 1024, batch: 'b2' }),
        isBase64Encoded: false,
        pathParameters: params,
        requestContext: {
          requestId: `${role}-${routeKey}`,
          http: { method, path },
          authorizer: { jwt: { claims, scopes: [] } },
        },
      } as unknown as ApiEvent;
    };

    // Act: every route but the health check, by every role (a refused role touches nothing);
    // `GET /ingest/batches/{id}` names the batch ingested above.
    const outcomes = new Map<string, number | string>();
    for (const [routeKey, route] of Object.entries(routes)) {
      if (routeKey === `GET ${healthRoute}`) continue;
      for (const role of roles) {
        const routeParams = routeKey.startsWith('GET /ingest/batches/')
          ? { ...params, id: 'b1' }
          : params;
        outcomes.set(
          `${role} ${routeKey}`,
          await route(deps, eventFor(routeKey, role), routeParams).then(
            (result) => result.statusCode ?? 200,
            (error: Error) => error.name,
          ),
        );
      }
    }

    // Assess: nothing refused, the routes that use S3 answered, and each kind of S3 request the
    // routes make was made.
    expect(objects.denied).toEqual([]);
    expect(outcomes.get('clinician GET /patients/{id}/features')).toBe(200);
    expect(outcomes.get('patient GET /patients/{id}/features')).toBe(200);
    expect(outcomes.get('hospital-uploader GET /ingest/batches/{id}')).toBe(200);
    expect(outcomes.get('hospital-uploader POST /uploads')).toBe(201);
    const made = new Set(objects.requests.map((r) => `${r.action} ${r.bucket}`));
    expect([...made].sort()).toEqual([
      's3:GetObject curated',
      's3:ListBucket curated',
      's3:PutObject raw',
    ]);
    const transform = keyLayout.features('north', featureSpecVersion, featureFiles.transform);
    expect(objects.requests).toContainEqual({
      action: 's3:ListBucket',
      bucket: 'curated',
      key: transform,
      allowed: true,
    });
    expect(objects.requests).toContainEqual(
      expect.objectContaining({
        action: 's3:GetObject',
        key: 'reports/north/b1/Patient.ndjson.report.json',
      }),
    );
  });

  it('reads the fitted feature transforms of any hospital and spec, and no other feature file', () => {
    const transform = keyLayout.features('north', featureSpecVersion, featureFiles.transform);
    expect(policy.allows('s3:GetObject', curated(transform))).toBe(true);
    for (const file of [featureFiles.raw, featureFiles.matrix, featureFiles.rawTable])
      expect(
        policy.allows(
          's3:GetObject',
          curated(keyLayout.features('north', featureSpecVersion, file)),
        ),
        file,
      ).toBe(false);
    expect(policy.allows('s3:GetObject', curated('features/training/cvd-risk.csv'))).toBe(false);
    // A missing transform is a 404 (listing under features/ only), not a 403.
    const bucket = bucketArn('caregraph', 'curated');
    expect(policy.allows('s3:ListBucket', bucket, { 's3:prefix': transform })).toBe(true);
    expect(policy.allows('s3:ListBucket', bucket, { 's3:prefix': 'notes/' })).toBe(false);
    expect(policy.allows('s3:ListBucket', bucket)).toBe(false);
  });

  it('reads nothing ingest writes but the reports: no curated records, notes or quarantined records', () => {
    expect(policy.allows('s3:GetObject', curated(keyLayout.report('north', 'b1', 'f')))).toBe(true);
    for (const key of [
      keyLayout.curated('north', 'Patient', 'd1'),
      keyLayout.note('north', 'p1', 'n1'),
    ])
      expect(policy.allows('s3:GetObject', curated(key)), key).toBe(false);
    expect(
      policy.allows(
        's3:GetObject',
        `${bucketArn('caregraph', 'quarantine')}/${keyLayout.quarantine('north', 'b1', 'f')}`,
      ),
    ).toBe(false);
    expect(
      policy.allows(
        's3:GetObject',
        `${bucketArn('caregraph', 'raw')}/${keyLayout.raw('n', 'b', 'f')}`,
      ),
    ).toBe(false);
  });
});
