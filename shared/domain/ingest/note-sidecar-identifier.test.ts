// Tests (ingest): a note whose sidecar names its patient by identifier (an MRN with its system, as
// docs/ingest.md and readers/notes.ts allow) is stored under the patient that CSV records naming the
// same identifier belong to, whatever the order of the files; no MRN reaches what ingest writes.
import { describe, expect, it } from 'vitest';
import { keyLayout } from '../../config/resources';
import { pseudonymousId, servingKeys } from '../serving/records';
import { ingestFile } from './ingest-file';
import { memoryIngestDeps } from './ingest-file.fixture';
import { patientIdForIdentifier } from './logical-references';
import { csvMappingOf } from './readers/csv.fixture';

type Deps = ReturnType<typeof memoryIngestDeps>;

const mrnSystem = 'urn:caregraph:hospital:h1:mrn';
const mrn = 'MRN-77104';
const byMrn = { reference: { resourceType: 'Patient', identifierSystem: mrnSystem } };

const mapping = csvMappingOf({
  'patients.csv': {
    resourceType: 'Patient',
    description: 'demographics',
    columns: ['mrn', 'sex', 'birth_date'],
    key: ['mrn'],
    patient: { column: 'mrn', identifierSystem: mrnSystem },
    fields: [
      { path: 'identifier[0].system', value: mrnSystem, type: 'uri' },
      { column: 'mrn', path: 'identifier[0].value' },
      { column: 'sex', path: 'gender', type: 'code', map: { F: 'female', M: 'male' } },
      { column: 'birth_date', path: 'birthDate', type: 'date' },
    ],
  },
  'vitals.csv': {
    resourceType: 'Observation',
    description: 'weights',
    columns: ['mrn', 'result_id', 'weight', 'when'],
    key: ['result_id'],
    patient: { column: 'mrn', identifierSystem: mrnSystem },
    fields: [
      { path: 'status', value: 'final', type: 'code' },
      { path: 'code.coding[0].code', value: '29463-7', type: 'code', system: 'http://loinc.org' },
      { column: 'mrn', path: 'subject', type: 'reference', ...byMrn },
      { column: 'weight', path: 'valueQuantity.value', type: 'decimal' },
      {
        path: 'valueQuantity.code',
        value: 'kg',
        type: 'code',
        system: 'http://unitsofmeasure.org',
      },
      { column: 'when', path: 'effectiveDateTime', type: 'dateTime' },
    ],
  },
});

const files: Record<string, string> = {
  'patients.csv': `mrn,sex,birth_date\r\n${mrn},F,1961-04-12\r\n`,
  'vitals.csv': `mrn,result_id,weight,when\r\n${mrn},r1,70.5,2026-01-02\r\n`,
  'note.txt': 'Seen today for follow-up. Weight stable, no complaints.\n',
};

/** Uploads the batch's companions (mapping, the note's sidecar), then ingests `order`. */
async function ingest(deps: Deps, order: string[], patient: unknown = noteSidecarPatient) {
  await deps.objects.put('raw', 'raw/h1/b1/mapping.json', JSON.stringify(mapping));
  const sidecar = { patient, date: '2026-01-05T10:00:00Z' };
  await deps.objects.put('raw', 'raw/h1/b1/note.txt.json', JSON.stringify(sidecar));
  const reports = [];
  for (const file of order) {
    await deps.objects.put('raw', `raw/h1/b1/${file}`, files[file]!);
    reports.push(await ingestFile(deps, { key: `raw/h1/b1/${file}`, etag: `e-${file}` }));
  }
  return reports;
}
const noteSidecarPatient = { identifier: { system: mrnSystem, value: mrn } };

const servedOf = (deps: Deps, type: string) =>
  [...deps.serving.items.values()].filter((i) => String(i.sk).startsWith(`${type}#`));

/** Everything ingest wrote (serving items, curated, quarantine and report objects): not the upload. */
function written(deps: Deps): string {
  const objects = [...deps.objects.objects.entries()]
    .filter(([k]) => !k.startsWith('raw/'))
    .map(([k, v]) => `${k}\n${v.toString('utf8')}`);
  return [...objects, JSON.stringify([...deps.serving.items.values()])].join('\n');
}

describe('ingestFile: a note whose sidecar names its patient by identifier', () => {
  it.each([
    ['after', ['patients.csv', 'vitals.csv', 'note.txt']],
    ['before', ['note.txt', 'vitals.csv', 'patients.csv']],
  ])(
    "is stored, %s the patient's CSV records, under the same pseudonymous patient",
    async (_when, order) => {
      // Prepare
      const deps = memoryIngestDeps();
      const patient = await pseudonymousId(
        deps.keys,
        'h1',
        'Patient',
        patientIdForIdentifier('h1', { system: mrnSystem, value: mrn }),
      );
      // Act
      const reports = await ingest(deps, order);
      // Assess: every file accepted, the note, the Patient and its Observation in one compartment.
      for (const report of reports)
        expect(report.records).toEqual({ accepted: 1, repaired: 0, rejected: 0 });
      const [note] = servedOf(deps, 'DocumentReference');
      expect(note?.pk).toBe(servingKeys.patient('h1', patient).pk);
      expect((note!.resource as { subject: unknown }).subject).toEqual({
        reference: `Patient/${patient}`,
      });
      const patients = [...deps.serving.items.values()].filter((i) => i.sk === 'PATIENT');
      expect(patients.map((i) => i.pk)).toEqual([note!.pk]);
      expect(servedOf(deps, 'Observation').map((i) => i.pk)).toEqual([note!.pk]);
      const document = (note!.resource as { id: string }).id;
      expect(deps.objects.objects.has(`curated/${keyLayout.note('h1', patient, document)}`)).toBe(
        true,
      );
      // No MRN in anything ingest wrote (the served subject is a pseudonym, identifiers dropped).
      expect(written(deps)).not.toContain(mrn);
    },
  );

  it('keeps its id when sent again, and gives the same text for another MRN another document', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    // Act
    await ingest(deps, ['note.txt']);
    await ingest(deps, ['note.txt']);
    await ingest(deps, ['note.txt'], { identifier: { system: mrnSystem, value: 'MRN-77105' } });
    // Assess
    const notes = servedOf(deps, 'DocumentReference');
    expect(notes).toHaveLength(2);
    expect(new Set(notes.map((i) => i.pk)).size).toBe(2);
  });

  it('quarantines a sidecar whose identifier lacks its system, naming the field and no MRN', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    // Act
    const [report] = await ingest(deps, ['note.txt'], { identifier: { value: mrn } });
    // Assess
    expect(report!.records).toEqual({ accepted: 0, repaired: 0, rejected: 1 });
    expect(report!.errors).toEqual([
      expect.objectContaining({
        path: 'sidecar.patient',
        reason: expect.stringContaining('sidecar.patient'),
      }),
    ]);
    expect(JSON.stringify(report)).not.toContain(mrn);
    expect(servedOf(deps, 'DocumentReference')).toHaveLength(0);
  });
});
