// Integration: the data scientists' research copy and the re-identification table, on the embedded
// stack (s3rver, dynalite, the API gateway with real tokens). A FHIR Bundle with names, contact details,
// an address, a birth date and an MRN goes in through S3; the research routes give Safe Harbor copies
// only, to data scientists of the same hospital only; the re-identification table holds every
// pseudonym's original, encrypted, and re-delivery never duplicates it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { keyLayout } from '../shared/config/resources';
import { buildObservability } from '../shared/adapters/observability';
import { makeIngestHandler } from '../functions/ingest/make-handler';
import { lambdaContext, s3EventRecord, sqsRecord } from '../local/aws-events';
import { pseudonymousId } from '../shared/domain/serving/records';
import { ageOver89Extension } from '../shared/domain/deid/structured';
import { openReidentificationEntry } from '../shared/domain/deid/structured-reidentification';
import { apiGet, ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

const alpha = {
  resourceType: 'Patient',
  id: 'pat-alpha-7731',
  identifier: [{ system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MRN-40421-X' }],
  name: [{ family: 'Okafor', given: ['Amara'] }],
  telecom: [{ system: 'phone', value: '617-555-0142' }],
  gender: 'female',
  birthDate: '1961-04-12',
  address: [
    { line: ['12 Elmwood-Terrace'], city: 'Quarrington', state: 'MA', postalCode: '02169' },
  ],
};
const omega = {
  resourceType: 'Patient',
  id: 'pat-omega-1104',
  gender: 'male',
  birthDate: '1930-02-01',
  address: [{ city: 'Fennimore', state: 'NH', postalCode: '03601', country: 'US' }],
};
const heartRate = {
  resourceType: 'Observation',
  id: 'obs-hr-8812',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
  subject: { reference: 'Patient/pat-alpha-7731', display: 'Amara Okafor' },
  effectiveDateTime: '2025-03-10T08:00:00Z',
  issued: '2025-03-20T08:00:00Z',
  valueQuantity: { value: 72, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
};
const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [alpha, omega, heartRate].map((resource) => ({
    fullUrl: `urn:caregraph:${resource.id}`,
    resource,
  })),
};
/** Originals and PHI that no research answer and no re-identification item may show in clear. */
const secrets = [
  'pat-alpha-7731',
  'pat-omega-1104',
  'obs-hr-8812',
  'MRN-40421-X',
  'Okafor',
  'Amara',
  '617-555-0142',
  'Elmwood-Terrace',
  'Quarrington',
  'Fennimore',
  '1961-04-12',
  '02169',
  '2025-03-10',
];

type Bundle = { entry: { resource: Record<string, unknown> }[] };

describe('Research copies and the re-identification table', () => {
  let stack: TestStack;
  let alphaId: string;
  let omegaId: string;

  const reidentificationItems = async (): Promise<Record<string, unknown>[]> => {
    const documents = DynamoDBDocumentClient.from(stack.deps.dynamodb);
    const out = await documents.send(
      new ScanCommand({ TableName: stack.config.tables.reidentification! }),
    );
    return out.Items ?? [];
  };

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'r1', 'bundle.json'),
      JSON.stringify(bundle),
    );
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('west', 'w1', 'p.ndjson'),
      ndjson(patient('p0')),
    );
    await stack.settled();
    alphaId = await pseudonymousId(stack.deps.keys, 'east', 'Patient', alpha.id);
    omegaId = await pseudonymousId(stack.deps.keys, 'east', 'Patient', omega.id);
  });
  afterAll(async () => stack?.stop());

  describe('GET /research/patients', () => {
    it('gives a data scientist birth year, state and ZIP3 only, and no name, telecom or identifier', async () => {
      // Act
      const response = await apiGet(stack, '/research/patients', 'east', 'data-scientist');
      // Assess
      expect(response.status).toBe(200);
      const items = response.body.items as unknown as Record<string, unknown>[];
      const byId = new Map(items.map((p) => [p.id, p]));
      expect([...byId.keys()].sort()).toEqual([alphaId, omegaId].sort());
      expect(byId.get(alphaId)).toEqual({
        resourceType: 'Patient',
        id: alphaId,
        gender: 'female',
        birthDate: '1961',
        address: [{ state: 'MA', postalCode: '021' }],
      });
      for (const secret of secrets) expect(JSON.stringify(response.body)).not.toContain(secret);
    });

    it('suppresses the birth year of a patient over 89 and writes 000 for a restricted ZIP3', async () => {
      // Act
      const response = await apiGet(stack, '/research/patients', 'east', 'data-scientist');
      // Assess
      const items = response.body.items as unknown as Record<string, unknown>[];
      const old = items.find((p) => p.id === omegaId)!;
      expect(old).not.toHaveProperty('birthDate');
      expect(old.extension).toContainEqual({ url: ageOver89Extension, valueString: '90+' });
      expect(old.address).toEqual([{ state: 'NH', postalCode: '000', country: 'US' }]);
    });

    it("never lists another hospital's patients", async () => {
      // Act
      const west = await apiGet(stack, '/research/patients', 'west', 'data-scientist');
      // Assess
      const ids = (west.body.items as unknown as { id: string }[]).map((p) => p.id);
      expect(ids).toEqual([await pseudonymousId(stack.deps.keys, 'west', 'Patient', 'p0')]);
    });

    it('refuses every role but data-scientist', async () => {
      for (const role of ['clinician', 'admin', 'hospital-uploader']) {
        const response = await apiGet(stack, '/research/patients', 'east', role);
        expect(response.status, role).toBe(403);
      }
    });
  });

  describe('GET /research/patients/{id}/resources', () => {
    it('shifts every date by one offset of 1 to 365 days back, keeping intervals and links', async () => {
      // Act
      const response = await apiGet(
        stack,
        `/research/patients/${alphaId}/resources`,
        'east',
        'data-scientist',
      );
      // Assess
      expect(response.status).toBe(200);
      const resources = (response.body as unknown as Bundle).entry.map((e) => e.resource);
      const observation = resources.find((r) => r.resourceType === 'Observation')!;
      const day = 86_400_000;
      const shift =
        (Date.parse(String(observation.effectiveDateTime)) -
          Date.parse(heartRate.effectiveDateTime)) /
        day;
      expect(Number.isInteger(shift) && shift >= -365 && shift <= -1).toBe(true);
      const interval =
        (Date.parse(String(observation.issued)) -
          Date.parse(String(observation.effectiveDateTime))) /
        day;
      expect(interval).toBe(10);
      expect(observation.subject).toEqual({ reference: `Patient/${alphaId}` });
      expect(resources.find((r) => r.resourceType === 'Patient')?.birthDate).toBe('1961');
      for (const secret of secrets) expect(JSON.stringify(response.body)).not.toContain(secret);
    });

    it("gives another hospital's data scientist 404 and a clinician 403", async () => {
      // Act
      const west = await apiGet(
        stack,
        `/research/patients/${alphaId}/resources`,
        'west',
        'data-scientist',
      );
      const clinician = await apiGet(stack, `/research/patients/${alphaId}/resources`, 'east');
      // Assess
      expect(west.status).toBe(404);
      expect(clinician.status).toBe(403);
    });

    it('audits each research read with the pseudonymous patient and purpose HRESCH', async () => {
      // Prepare
      await apiGet(stack, `/research/patients/${alphaId}/resources`, 'east', 'data-scientist');
      // Act
      const audit = await apiGet(stack, '/audit', 'east', 'admin');
      // Assess
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({
          role: 'data-scientist',
          action: 'research:read',
          route: 'GET /research/patients/{id}/resources',
          patient: alphaId,
          purpose: 'HRESCH',
          outcome: 'allowed',
        }),
      );
    });
  });

  describe('the re-identification table', () => {
    it('holds an encrypted entry for every pseudonym ingest issued, and no original in clear', async () => {
      // Act
      const items = await reidentificationItems();
      // Assess
      const opened = await Promise.all(
        items.map((item) => openReidentificationEntry(stack.deps.keys, item)),
      );
      const observationId = await pseudonymousId(
        stack.deps.keys,
        'east',
        'Observation',
        heartRate.id,
      );
      expect(opened).toEqual(
        expect.arrayContaining([
          { pseudonym: alphaId, kind: 'resource', original: 'Patient/pat-alpha-7731' },
          { pseudonym: omegaId, kind: 'resource', original: 'Patient/pat-omega-1104' },
          { pseudonym: observationId, kind: 'resource', original: 'Observation/obs-hr-8812' },
        ]),
      );
      const dump = JSON.stringify(items);
      for (const secret of secrets) expect(dump).not.toContain(secret);
      expect(dump).not.toContain('DeidSurrogateKey');
    });

    it('is not duplicated when the same bundle is delivered again to a fresh ingest function', async () => {
      // Prepare: a new function instance remembers nothing of the first run.
      const before = await reidentificationItems();
      const handler = makeIngestHandler(stack.deps, buildObservability(stack.config, 'research'));
      const key = keyLayout.raw('east', 'r2', 'bundle.json');
      const body = JSON.stringify(bundle);
      await stack.deps.objects.put('raw', key, body);
      const event = s3EventRecord({
        bucket: stack.config.buckets.raw,
        key,
        size: body.length,
        eTag: 'again',
        sequencer: '2',
      });
      // Act
      const response = await handler(
        { Records: [sqsRecord(JSON.stringify({ Records: [event] }), 'ingest', 1)] } as SQSEvent,
        lambdaContext('ingest'),
      );
      // Assess
      expect(response.batchItemFailures).toEqual([]);
      const after = await reidentificationItems();
      expect(after.map((i) => `${i.pk}|${i.sk}`).sort()).toEqual(
        before.map((i) => `${i.pk}|${i.sk}`).sort(),
      );
      const list = await apiGet(stack, '/research/patients', 'east', 'data-scientist');
      expect(list.body.items).toHaveLength(2);
    });
  });
});
