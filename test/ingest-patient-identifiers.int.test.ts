// Integration: an MRN links to the Patient sent as FHIR that carries it, on the embedded stack (S3
// events, the ingest function with its re-identification wiring, dynalite, the API with real tokens).
// A note whose sidecar names only the MRN is served in that Patient's record; a Patient arriving after
// such a note warns in its report (never quoting the MRN); another hospital's note naming the same
// system and value stays in its own hospital; a re-delivered note is stored once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { keyLayout } from '../shared/config/resources';
import { buildObservability } from '../shared/adapters/observability';
import { makeIngestHandler } from '../functions/ingest/make-handler';
import { lambdaContext, s3EventRecord, sqsRecord } from '../local/aws-events';
import { pseudonymousId, servingKeys } from '../shared/domain/serving/records';
import { openReidentificationEntry } from '../shared/domain/deid/structured-reidentification';
import { patientIdentifierWarnings } from '../shared/domain/ingest/patient-identifiers';
import type { IngestReport } from '../shared/domain/ingest/report';
import { apiGet, ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

const system = 'urn:caregraph:hospital:east:mrn';
const mr = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] };
const withMrn = (id: string, value: string) =>
  patient(id, { identifier: [{ use: 'usual', type: mr, system, value }] });
const linkedMrn = 'MRN-31337-Q';
const lateMrn = 'MRN-40001-Z';

const report = async (stack: TestStack, hospital: string, file: string) =>
  JSON.parse(
    (await stack.deps.objects.getText('curated', keyLayout.report(hospital, 'b1', file)))!,
  ) as IngestReport;

/** Uploads a note's sidecar (naming its patient by `value` of the east MRN system), then the note. */
async function uploadNote(stack: TestStack, hospital: string, name: string, value: string) {
  const sidecar = { patient: { identifier: { system, value } }, date: '2026-02-03T09:30:00Z' };
  await stack.deps.objects.put(
    'raw',
    keyLayout.raw(hospital, 'b1', `${name}.txt.json`),
    JSON.stringify(sidecar),
  );
  await stack.settled();
  const text = 'Follow-up visit. Blood pressure controlled on current dose.\n';
  await stack.deps.objects.put('raw', keyLayout.raw(hospital, 'b1', `${name}.txt`), text);
  await stack.settled();
  return text;
}

describe('Function: ingest (an MRN links to the Patient sent as FHIR)', () => {
  let stack: TestStack;
  let linked: string;
  let late: string;

  const documentsOf = async (hospital: string, patientId: string) =>
    (
      await stack.deps.serving.query({
        partition: servingKeys.patient(hospital, patientId).pk,
        sortPrefix: 'DocumentReference#',
      })
    ).items;

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'Patient.ndjson'),
      ndjson(withMrn('ehr-p-1001', linkedMrn)),
    );
    await stack.settled();
    await uploadNote(stack, 'east', 'linked', linkedMrn);
    await uploadNote(stack, 'east', 'early', lateMrn);
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'Late.ndjson'),
      ndjson(withMrn('ehr-p-1002', lateMrn)),
    );
    await stack.settled();
    await uploadNote(stack, 'west', 'elsewhere', linkedMrn);
    linked = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'ehr-p-1001');
    late = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'ehr-p-1002');
  });
  afterAll(async () => stack?.stop());

  it("serves a note named by MRN in the FHIR Patient's record, with no warning", async () => {
    // Act
    const response = await apiGet(stack, `/patients/${linked}/resources`, 'east');
    // Assess
    expect(response.status).toBe(200);
    const entries = response.body.entry as { resource: { resourceType: string } }[];
    expect(entries.filter((e) => e.resource.resourceType === 'DocumentReference')).toHaveLength(1);
    expect((await report(stack, 'east', 'linked.txt')).warnings).toEqual({});
  });

  it('warns the Patient that arrives after a note named its MRN, at its line, without the MRN', async () => {
    // Act
    const lateReport = await report(stack, 'east', 'Late.ndjson');
    // Assess
    expect(lateReport.warnings).toEqual({
      [patientIdentifierWarnings.recordsApart]: { count: 1, firstLines: [1] },
    });
    expect(JSON.stringify(lateReport)).not.toContain(lateMrn);
    expect(await documentsOf('east', late)).toHaveLength(0); // the early note is stored apart
  });

  it("keeps another hospital's note naming the same system and value in that hospital", async () => {
    // Act
    const westReport = await report(stack, 'west', 'elsewhere.txt');
    // Assess
    expect(westReport.records).toEqual({ accepted: 1, repaired: 0, rejected: 0 });
    expect(westReport.warnings).toEqual({
      'patient-not-yet-known': { count: 1, firstLines: [1] },
    });
    expect(await documentsOf('east', linked)).toHaveLength(1);
    const west = await apiGet(stack, `/patients/${linked}/resources`, 'west');
    expect(west.status).toBe(404);
  });

  it('records the MRN pseudonym in the re-identification table, encrypted, and nowhere in clear', async () => {
    // Act
    const documents = DynamoDBDocumentClient.from(stack.deps.dynamodb);
    const scan = async (table: string) =>
      (await documents.send(new ScanCommand({ TableName: table }))).Items ?? [];
    const entries = await scan(stack.config.tables.reidentification!);
    const opened = await Promise.all(
      entries.map((item) => openReidentificationEntry(stack.deps.keys, item)),
    );
    // Assess
    expect(opened).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'identifier', original: `${system}|${linkedMrn}` }),
      ]),
    );
    const dump = JSON.stringify([...entries, ...(await scan(stack.config.tables.serving))]);
    for (const clear of [linkedMrn, lateMrn, 'ehr-p-1001']) expect(dump).not.toContain(clear);
  });

  it('stores a re-delivered note once, under the same Patient', async () => {
    // Prepare
    const handler = makeIngestHandler(stack.deps, buildObservability(stack.config, 'ingest'));
    const key = keyLayout.raw('east', 'b1', 'linked.txt');
    const event = s3EventRecord({
      bucket: stack.config.buckets.raw,
      key,
      size: 64,
      eTag: 'redelivered',
      sequencer: '9',
    });
    // Act
    const response = await handler(
      { Records: [sqsRecord(JSON.stringify({ Records: [event] }), 'ingest', 1)] } as SQSEvent,
      lambdaContext('ingest'),
    );
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(await documentsOf('east', linked)).toHaveLength(1);
  });
});
