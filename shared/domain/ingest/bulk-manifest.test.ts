// Tests (ingest): a Bulk Data export's completion manifest is configuration, never quarantined; a
// file it lists that is not in the batch is a warning naming the type and file (bulk-manifest.ts).
import { describe, expect, it } from 'vitest';
import { bulkManifest } from '../synth/fhir/bulk';
import { ingestFile } from './ingest-file';
import { memoryIngestDeps } from './ingest-file.fixture';
import { bulkManifestConfiguration, bulkManifestWarnings } from './bulk-manifest';
import { inUploadOrder } from './upload-order';
import { noteSidecarCandidates } from './readers/notes';

type Deps = ReturnType<typeof memoryIngestDeps>;

/** The manifest `caregraph synth` writes (fhir/manifest.json), for two types. */
const synthManifest = () =>
  bulkManifest(
    '2026-01-01T00:00:00Z',
    new Map([
      ['Patient', 2],
      ['Observation', 5],
    ]),
  );

const line = (resource: unknown) => JSON.stringify(resource) + '\n';
const patientLine = line({ resourceType: 'Patient', id: 'p1', gender: 'female' });

async function ingestManifest(deps: Deps, file: string, body: string) {
  const key = `raw/h1/b1/${file}`;
  await deps.objects.put('raw', key, body);
  return ingestFile(deps, { key, etag: `e-${file}` });
}

describe('ingestFile: a Bulk Data completion manifest', () => {
  it('reports the manifest of a complete export as configuration: accepted, no records, nothing quarantined', async () => {
    // Prepare: the export folder as `caregraph ingest DIR` uploads it, the manifest last.
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/h1/b1/fhir/Patient.ndjson', patientLine);
    await deps.objects.put('raw', 'raw/h1/b1/fhir/Observation.ndjson', '');
    // Act
    const report = await ingestManifest(
      deps,
      'fhir/manifest.json',
      JSON.stringify(synthManifest(), null, 2),
    );
    // Assess
    expect(report).toMatchObject({
      status: 'accepted',
      configuration: bulkManifestConfiguration,
      records: { accepted: 0, repaired: 0, rejected: 0 },
      byType: {},
      warnings: {},
      errors: [],
    });
    expect(report.quarantineKey).toBeUndefined();
    expect(deps.objects.lines('quarantine', '')).toEqual([]);
  });

  it('recognises a manifest written on one line (a server response saved as is)', async () => {
    // Prepare: the folder itself ingested (files at the batch root), the manifest compact.
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/h1/b1/Patient.ndjson', patientLine);
    await deps.objects.put('raw', 'raw/h1/b1/Observation.ndjson', '');
    // Act
    const report = await ingestManifest(deps, 'manifest.json', JSON.stringify(synthManifest()));
    // Assess
    expect(report).toMatchObject({
      status: 'accepted',
      configuration: bulkManifestConfiguration,
      warnings: {},
      errors: [],
    });
  });

  it('warns about each listed file not in the batch, naming its type and file, never the URL', async () => {
    // Prepare: a server's manifest (absolute, signed URLs); the Observation file never uploaded.
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/h1/b1/export/Patient_1.ndjson', patientLine);
    const signed = (file: string) =>
      `https://fhir.example.org/bulk/job-7/${file}?X-Amz-Signature=secret-token-4711`;
    const manifest = {
      transactionTime: '2026-05-01T12:00:00Z',
      request: 'https://fhir.example.org/Patient/$export',
      requiresAccessToken: true,
      output: [
        { type: 'Patient', url: signed('Patient_1.ndjson'), count: 1 },
        { type: 'Observation', url: signed('Observation_1.ndjson'), count: 9 },
        { type: 'Observation', url: signed('Observation%202.ndjson') },
        { type: 'Condition' },
      ],
      error: [{ type: 'OperationOutcome', url: signed('err_1.ndjson') }],
      deleted: [{ type: 'Bundle', url: signed('del_1.ndjson') }],
    };
    // Act
    const report = await ingestManifest(
      deps,
      'export/manifest.json',
      JSON.stringify(manifest, null, 2),
    );
    // Assess: still configuration, with one warning per fact (line 0: the manifest as a whole).
    expect(report.status).toBe('accepted');
    expect(report.records).toEqual({ accepted: 0, repaired: 0, rejected: 0 });
    expect(report.warnings).toEqual({
      [bulkManifestWarnings.fileNotInBatch('Observation', 'export/Observation_1.ndjson')]: {
        count: 1,
        firstLines: [0],
      },
      [bulkManifestWarnings.fileNotInBatch('Observation', 'export/Observation 2.ndjson')]: {
        count: 1,
        firstLines: [0],
      },
      [bulkManifestWarnings.outputUnreadable]: { count: 1, firstLines: [0] },
      [bulkManifestWarnings.exportErrors]: { count: 1, firstLines: [0] },
      [bulkManifestWarnings.deletionsNotApplied]: { count: 1, firstLines: [0] },
    });
    expect(JSON.stringify(report)).not.toContain('secret-token');
    expect(JSON.stringify(report)).not.toContain('fhir.example.org');
  });

  it('says a listed file uploaded to another batch is not in this batch, and looks in no other', async () => {
    // Prepare: an export sent through POST /uploads without `batch` (uploads.ts gives each file a
    // batch of its own): its Patient file accepted in one batch, its manifest in another.
    const deps = memoryIngestDeps();
    const patientKey = 'raw/h1/upload-2026-06-02-aaaa1111/Patient.ndjson';
    await deps.objects.put('raw', patientKey, patientLine);
    expect((await ingestFile(deps, { key: patientKey, etag: 'e-p' })).records.accepted).toBe(1);
    const manifest = {
      transactionTime: '2026-06-01T00:00:00Z',
      request: 'https://ehr.example/fhir/$export',
      requiresAccessToken: true,
      output: [{ type: 'Patient', url: 'https://ehr.example/files/Patient.ndjson' }],
      error: [],
    };
    const manifestKey = 'raw/h1/upload-2026-06-02-bbbb2222/manifest.json';
    await deps.objects.put('raw', manifestKey, JSON.stringify(manifest));
    // Act
    const report = await ingestFile(deps, { key: manifestKey, etag: 'e-m' });
    // Assess: accepted, the warning naming what was checked (this batch), not a file never sent.
    expect(report.status).toBe('accepted');
    expect(report.warnings).toEqual({
      'bulk-manifest-file-not-in-batch:Patient:Patient.ndjson': { count: 1, firstLines: [0] },
    });
    expect(Object.keys(report.warnings).join()).not.toMatch(/missing/);
  });

  it('names at most 100 files not in the batch and counts the rest together', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    const output = Array.from({ length: 103 }, (_, i) => ({
      type: 'Observation',
      url: `Observation_${i}.ndjson`,
    }));
    const manifest = { transactionTime: '2026-05-01T12:00:00Z', request: '$export', output };
    // Act
    const report = await ingestManifest(deps, 'manifest.json', JSON.stringify(manifest));
    // Assess
    expect(Object.keys(report.warnings)).toHaveLength(101);
    expect(report.warnings[bulkManifestWarnings.moreFilesNotInBatch]).toEqual({
      count: 3,
      firstLines: [0, 0, 0],
    });
  });

  it('still rejects a JSON document that is no manifest, saying what it may be', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    // Act: no `output` array.
    const report = await ingestManifest(
      deps,
      'other.json',
      JSON.stringify({ transactionTime: '2026-05-01T12:00:00Z', request: '$export' }, null, 2),
    );
    // Assess
    expect(report.status).toBe('rejected');
    expect(report.errors[0]?.reason).toContain('nor a Bulk Data export manifest');
  });
});

describe('Function: inUploadOrder (Bulk Data manifest)', () => {
  it('sends the manifest after the files it lists, and other JSON companions first', () => {
    expect(
      inUploadOrder(['manifest.json', 'Observation.ndjson', 'Patient.ndjson', 'note.txt.json']),
    ).toEqual(['note.txt.json', 'Patient.ndjson', 'Observation.ndjson', 'manifest.json']);
  });

  it('sends manifest.json first when it is the sidecar of a note manifest.txt in the set', () => {
    // The note.json form of sidecar (readers/notes.ts): manifest.txt reads manifest.json.
    expect(noteSidecarCandidates('manifest.txt')).toContain('manifest.json');
    expect(inUploadOrder(['manifest.txt', 'Patient.ndjson', 'manifest.json'])).toEqual([
      'manifest.json',
      'Patient.ndjson',
      'manifest.txt',
    ]);
    expect(inUploadOrder(['notes/manifest.txt', 'notes/manifest.json'])).toEqual([
      'notes/manifest.json',
      'notes/manifest.txt',
    ]);
  });

  it('keeps a manifest.json last when no note of its folder reads it as its sidecar', () => {
    // A note in another folder, or one whose preferred sidecar (manifest.txt.json) is in the set.
    expect(
      inUploadOrder(['fhir/manifest.json', 'fhir/Patient.ndjson', 'notes/manifest.txt']),
    ).toEqual(['fhir/Patient.ndjson', 'notes/manifest.txt', 'fhir/manifest.json']);
    expect(
      inUploadOrder(['manifest.json', 'manifest.txt', 'manifest.txt.json', 'Patient.ndjson']),
    ).toEqual(['manifest.txt.json', 'Patient.ndjson', 'manifest.txt', 'manifest.json']);
  });
});
