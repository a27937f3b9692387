// Tests (ingest): a Bulk Data export's completion manifest is configuration, never quarantined; a
// file it lists that is not in the batch is a warning naming the type and file (bulk-manifest.ts).
import { describe, expect, it } from 'vitest';
import { bulkManifest } from '../synth/fhir/bulk';
import { ingestFile } from './ingest-file';
import { memoryIngestDeps } from './ingest-file.fixture';
import { bulkManifestConfiguration, bulkManifestWarnings } from './bulk-manifest';
import { inUploadOrder } from './upload-order';

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
      [bulkManifestWarnings.fileMissing('Observation', 'export/Observation_1.ndjson')]: {
        count: 1,
        firstLines: [0],
      },
      [bulkManifestWarnings.fileMissing('Observation', 'export/Observation 2.ndjson')]: {
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

  it('names at most 100 missing files and counts the rest together', async () => {
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
    expect(report.warnings[bulkManifestWarnings.moreFilesMissing]).toEqual({
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
});
