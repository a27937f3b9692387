// Tests for the ingest function's data access: the domain's ingest, run against the synthesized policy
// as S3 would enforce it, writes every object it writes and reads (or learns the absence of) every
// batch companion, and the policy grants no more than those key prefixes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { keyLayout } from '../../shared/config/resources';
import { ingestFile } from '../../shared/domain/ingest/ingest-file';
import { memoryIngestDeps } from '../../shared/domain/ingest/ingest-file.fixture';
import { progressNote } from '../../shared/domain/ingest/progress-note.fixture';
import type { BucketRole } from '../../shared/ports/object-store';
import {
  bucketArn,
  PolicyGuardedObjects,
  policyOfFunction,
  type FunctionPolicy,
} from '../policy-harness';
import { buildTestApp, type TestApp } from '../test-support';
import { topLevelPrefix } from './data-access';
import { ingestWritePrefixes, ingestWrites } from './ingest-pipeline';

const ndjson = (...rows: unknown[]) =>
  rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const patient = { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1961-04-12' };
const noteText = 'Seen today. Type 2 diabetes, continue metformin 500 mg BID.';
const note = progressNote(noteText);

describe('Construct: IngestPipeline data access', () => {
  let built: TestApp;
  let policy: FunctionPolicy;

  beforeAll(() => {
    // Prepare
    built = buildTestApp({}, { complianceChecks: false });
    policy = policyOfFunction(Template.fromStack(built.stateless), 'caregraph-ingest');
  });
  afterAll(() => built.cleanUp());

  /** ingestFile's dependencies, with the objects behind the ingest function's policy. */
  const depsBehindPolicy = () => {
    const objects = new PolicyGuardedObjects(policy, 'caregraph');
    return { ...memoryIngestDeps(), objects };
  };
  const ingest = (deps: ReturnType<typeof depsBehindPolicy>, batch: string, file: string) =>
    ingestFile(deps, { key: keyLayout.raw('north', batch, file), etag: `etag-${batch}-${file}` });
  const writtenPrefixes = (objects: PolicyGuardedObjects, bucket: BucketRole): string[] => [
    ...new Set(
      objects.requests
        .filter((r) => r.action === 's3:PutObject' && r.bucket === bucket)
        .map((r) => `${r.key.split('/')[0]}/`),
    ),
  ];

  it('lets ingest write everything it writes: curated records, reports, encrypted notes and quarantined records', async () => {
    // Prepare: a patient with one bad record (quarantined), then a note about them.
    const deps = depsBehindPolicy();
    deps.objects.seed(
      'raw',
      keyLayout.raw('north', 'b1', 'Patient.ndjson'),
      ndjson(patient, '{"resourceType":"Patient","id":"p2","gender":'),
    );
    deps.objects.seed(
      'raw',
      keyLayout.raw('north', 'b1', 'DocumentReference.ndjson'),
      ndjson(note),
    );

    // Act
    const patients = await ingest(deps, 'b1', 'Patient.ndjson');
    const notes = await ingest(deps, 'b1', 'DocumentReference.ndjson');

    // Assess: nothing refused, and the run wrote under every prefix the policy names for ingest
    // (so a prefix ingest writes but the policy lacks would have been refused here).
    expect(deps.objects.denied).toEqual([]);
    expect(patients.records).toMatchObject({ accepted: 1, rejected: 1 });
    expect(notes.records).toMatchObject({ accepted: 1, rejected: 0 });
    expect(writtenPrefixes(deps.objects, 'curated').sort()).toEqual(
      ingestWritePrefixes('curated').sort(),
    );
    expect(writtenPrefixes(deps.objects, 'quarantine')).toEqual(ingestWritePrefixes('quarantine'));
    // The note reached the curated bucket, where kg-update reads it.
    const notePuts = deps.objects.requests.filter(
      (r) => r.action === 's3:PutObject' && r.key.startsWith(topLevelPrefix(keyLayout.note)),
    );
    expect(notePuts.map((r) => r.key)).toEqual([
      // Under the pseudonymous patient, then the document (keyLayout.note).
      expect.stringMatching(/^notes\/north\/[0-9a-f]{32}\/[^/]+\.txt\.enc$/),
    ]);
  });

  it('grants a write under the top-level prefix of every keyLayout entry ingest writes, and under no other', () => {
    for (const bucket of ['curated', 'quarantine'] as const)
      for (const [name, { layout }] of Object.entries(ingestWrites[bucket])) {
        const key = layout('north', 'b1', 'f1');
        expect(
          policy.allows('s3:PutObject', `${bucketArn('caregraph', bucket)}/${key}`),
          `${name}: ${key}`,
        ).toBe(true);
      }
    // Every other keyLayout entry is one ingest does not write: a new entry needs a decision here.
    const written = new Set<unknown>(
      Object.values(ingestWrites).flatMap((b) => Object.values(b).map((w) => w.layout)),
    );
    const notWritten = Object.entries(keyLayout)
      .filter(([, layout]) => !written.has(layout))
      .map(([name]) => name);
    expect(notWritten.sort()).toEqual(['features', 'raw', 'rawPrefix']);
    // ...and no write reaches them, nor the raw bucket.
    const features = topLevelPrefix(keyLayout.features);
    for (const role of ['curated', 'quarantine', 'raw'] as const)
      expect(policy.allows('s3:PutObject', `${bucketArn('caregraph', role)}/${features}x`)).toBe(
        false,
      );
    expect(
      policy.allows(
        's3:PutObject',
        `${bucketArn('caregraph', 'raw')}/${keyLayout.raw('n', 'b', 'f')}`,
      ),
    ).toBe(false);
  });

  it("finds a plain-text note's sidecar under its second name (visit.json), the first (visit.txt.json) being absent, not forbidden", async () => {
    // Prepare
    const deps = depsBehindPolicy();
    deps.objects.seed('raw', keyLayout.raw('north', 'b2', 'Patient.ndjson'), ndjson(patient));
    await ingest(deps, 'b2', 'Patient.ndjson');
    deps.objects.seed(
      'raw',
      keyLayout.raw('north', 'b2', 'visit.json'),
      JSON.stringify({ patient: { reference: 'Patient/p1' }, date: '2026-03-14' }),
    );
    deps.objects.seed('raw', keyLayout.raw('north', 'b2', 'visit.txt'), noteText);

    // Act
    const report = await ingest(deps, 'b2', 'visit.txt');

    // Assess
    expect(deps.objects.denied).toEqual([]);
    expect(report.records).toMatchObject({ accepted: 1, rejected: 0 });
    expect(deps.objects.requests).toContainEqual({
      action: 's3:ListBucket',
      bucket: 'raw',
      key: keyLayout.raw('north', 'b2', 'visit.txt.json'),
      allowed: true,
    });
  });

  it('rejects a CSV extract without mapping.json for that reason, not for a refused read', async () => {
    // Prepare
    const deps = depsBehindPolicy();
    deps.objects.seed(
      'raw',
      keyLayout.raw('north', 'b3', 'patients.csv'),
      'id,gender,birth_date\np1,female,1961-04-12\n',
    );

    // Act
    const outcome = await ingest(deps, 'b3', 'patients.csv').catch((error: unknown) => error);

    // Assess
    expect(deps.objects.denied).toEqual([]);
    expect(String((outcome as Error).message)).toMatch(
      /needs mapping\.json in the same batch folder/,
    );
  });

  it('lets ingest list the raw bucket under raw/ only', () => {
    const raw = bucketArn('caregraph', 'raw');
    expect(policy.allows('s3:ListBucket', raw, { 's3:prefix': 'raw/north/b1/x.json' })).toBe(true);
    expect(policy.allows('s3:ListBucket', raw, { 's3:prefix': 'literature/' })).toBe(false);
    expect(policy.allows('s3:ListBucket', raw, { 's3:prefix': '' })).toBe(false);
    expect(policy.allows('s3:ListBucket', raw)).toBe(false); // no prefix: the whole bucket
    expect(
      policy.allows('s3:ListBucket', bucketArn('caregraph', 'curated'), { 's3:prefix': 'raw/' }),
    ).toBe(false);
  });
});
