// Tests (ingest): an MRN links to the Patient sent as FHIR that carries it (patient-identifiers.ts).
// A note sidecar or CSV row naming the MRN is stored under that Patient; a note sent before the
// Patient warns the Patient's report; two Patients claiming one MRN are never merged; one hospital's
// MRN never resolves another's patient; re-deliveries change nothing; no MRN or original id is stored.
import { describe, expect, it } from 'vitest';
import { keyLayout } from '../../config/resources';
import type { Item } from '../../ports/table';
import { pseudonymousId, servingKeys } from '../serving/records';
import { ingestFile } from './ingest-file';
import { HookedTable, memoryIngestDeps } from './ingest-file.fixture';
import { patientIdForIdentifier } from './logical-references';
import {
  PatientIdentifiers,
  linkableIdentifiers,
  patientIdentifierKeys,
  patientIdentifierWarnings,
} from './patient-identifiers';
import { csvMappingOf } from './readers/csv.fixture';
import type { IngestReport } from './report';

type Deps = ReturnType<typeof memoryIngestDeps>;

const mrnSystem = (hospital = 'h1') => `urn:caregraph:hospital:${hospital}:mrn`;
const mrn = 'MRN-58213';
const fhirId = 'pat-ehr-90417';
const mrType = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }],
};

/** A FHIR Patient carrying `mrn` the way caregraph synth writes it (US Core: typed MR). */
const fhirPatient = (id = fhirId, value = mrn, hospital = 'h1') => ({
  resourceType: 'Patient',
  id,
  identifier: [{ use: 'usual', type: mrType, system: mrnSystem(hospital), value }],
  name: [{ family: 'Okonkwo', given: ['Ada'] }],
  gender: 'female',
  birthDate: '1958-02-19',
});

const byMrn = { reference: { resourceType: 'Patient', identifierSystem: mrnSystem() } };
const mapping = csvMappingOf({
  'patients.csv': {
    resourceType: 'Patient',
    description: 'demographics',
    columns: ['mrn', 'sex', 'birth_date'],
    key: ['mrn'],
    patient: { column: 'mrn', identifierSystem: mrnSystem() },
    fields: [
      { path: 'identifier[0].system', value: mrnSystem(), type: 'uri' },
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
    patient: { column: 'mrn', identifierSystem: mrnSystem() },
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

/** Puts `body` at raw/{hospital}/b1/{file} and ingests it; the file's report. */
async function ingest(
  deps: Deps,
  file: string,
  body: string,
  hospital = 'h1',
  etag = `e-${file}`,
): Promise<IngestReport> {
  const key = `raw/${hospital}/b1/${file}`;
  await deps.objects.put('raw', key, body);
  return ingestFile(deps, { key, etag });
}

const ndjson = (...resources: unknown[]) =>
  resources.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Ingests a note naming its patient by `identifier` (sidecar first, as `caregraph ingest` does). */
async function ingestNote(
  deps: Deps,
  identifier = { system: mrnSystem(), value: mrn },
  hospital = 'h1',
  name = 'note',
) {
  const sidecar = { patient: { identifier }, date: '2026-01-05T10:00:00Z' };
  await deps.objects.put('raw', `raw/${hospital}/b1/${name}.txt.json`, JSON.stringify(sidecar));
  return ingest(deps, `${name}.txt`, 'Seen today. Weight stable, no complaints.\n', hospital);
}

const servedOf = (deps: Deps, type: string) =>
  [...deps.serving.items.values()].filter((i) => String(i.sk).startsWith(`${type}#`));
const patientItems = (deps: Deps) =>
  [...deps.serving.items.values()].filter((i) => i.sk === 'PATIENT');
const linkItems = (deps: Deps) =>
  [...deps.serving.items.values()].filter((i) => String(i.pk).startsWith('PID#'));

const pseudonymOf = (deps: Deps, id: string, hospital = 'h1') =>
  pseudonymousId(deps.keys, hospital, 'Patient', id);
const derivedPseudonym = (deps: Deps, hospital = 'h1') =>
  pseudonymOf(
    deps,
    patientIdForIdentifier(hospital, { system: mrnSystem(), value: mrn }),
    hospital,
  );

describe('ingestFile: a note or CSV row naming the MRN of a Patient sent as FHIR', () => {
  it('stores a note named by MRN under the FHIR Patient, with no warning and no second patient', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    await ingest(deps, 'Patient.ndjson', ndjson(fhirPatient()));
    const patient = await pseudonymOf(deps, fhirId);
    // Act
    const report = await ingestNote(deps);
    // Assess
    expect(report.records).toEqual({ accepted: 1, repaired: 0, rejected: 0 });
    expect(report.warnings).toEqual({});
    const [note] = servedOf(deps, 'DocumentReference');
    expect(note?.pk).toBe(servingKeys.patient('h1', patient).pk);
    expect((note!.resource as { subject: unknown }).subject).toEqual({
      reference: `Patient/${patient}`,
    });
    const document = (note!.resource as { id: string }).id;
    expect(deps.objects.objects.has(`curated/${keyLayout.note('h1', patient, document)}`)).toBe(
      true,
    );
    expect(patientItems(deps).map((i) => i.pk)).toEqual([note!.pk]);
  });

  it('stores CSV rows (a Patient row and an Observation) naming the MRN under the FHIR Patient from a Bundle', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ fullUrl: `Patient/${fhirId}`, resource: fhirPatient() }],
    };
    await ingest(deps, 'bundle.json', JSON.stringify(bundle, null, 2));
    await deps.objects.put('raw', 'raw/h1/b1/mapping.json', JSON.stringify(mapping));
    // Act
    const vitals = await ingest(
      deps,
      'vitals.csv',
      `mrn,result_id,weight,when\r\n${mrn},r1,70.5,2026-01-02\r\n`,
    );
    const patients = await ingest(
      deps,
      'patients.csv',
      `mrn,sex,birth_date\r\n${mrn},F,1958-02-19\r\n`,
    );
    // Assess
    const pk = servingKeys.patient('h1', await pseudonymOf(deps, fhirId)).pk;
    expect(vitals.warnings).toEqual({});
    // The Patient row is not stored over the FHIR Patient (the next describe block).
    expect(patients.warnings).toEqual({
      [patientIdentifierWarnings.fhirPatientKept]: { count: 1, firstLines: [2] },
    });
    expect(servedOf(deps, 'Observation').map((i) => i.pk)).toEqual([pk]);
    expect(patientItems(deps).map((i) => i.pk)).toEqual([pk]);
  });

  it('warns the Patient sent after a note named its MRN, at its line, and a note sent again goes to it', async () => {
    // Prepare: the note comes first and is stored under the patient derived from the MRN.
    const deps = memoryIngestDeps();
    const early = await ingestNote(deps);
    expect(early.warnings).toEqual({ 'patient-not-yet-known': { count: 1, firstLines: [1] } });
    // Act
    const report = await ingest(
      deps,
      'Patient.ndjson',
      ndjson({ resourceType: 'Patient', id: 'other', gender: 'male' }, fhirPatient()),
    );
    // Assess: the warning names the Patient's line, never the MRN.
    expect(report.warnings).toEqual({
      [patientIdentifierWarnings.recordsApart]: { count: 1, firstLines: [2] },
    });
    expect(JSON.stringify(report)).not.toContain(mrn);
    // Act: the hospital sends the note again, as the warning asks.
    const again = await ingestNote(deps);
    // Assess: now under the FHIR Patient (the first copy stays under the derived patient).
    expect(again.warnings).toEqual({});
    const pks = servedOf(deps, 'DocumentReference').map((i) => i.pk);
    expect(pks.sort()).toEqual(
      [
        servingKeys.patient('h1', await derivedPseudonym(deps)).pk,
        servingKeys.patient('h1', await pseudonymOf(deps, fhirId)).pk,
      ].sort(),
    );
  });

  it('warns a Patient sent after CSV rows named its MRN', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/h1/b1/mapping.json', JSON.stringify(mapping));
    await ingest(deps, 'vitals.csv', `mrn,result_id,weight,when\r\n${mrn},r1,70.5,2026-01-02\r\n`);
    // Act
    const report = await ingest(deps, 'Patient.ndjson', ndjson(fhirPatient()));
    // Assess
    expect(report.warnings).toEqual({
      [patientIdentifierWarnings.recordsApart]: { count: 1, firstLines: [1] },
    });
  });

  it('gives no warning to a Patient whose MRN only a quarantined note named', async () => {
    // Prepare: a note whose sidecar names the MRN but gives no valid date (quarantined).
    const deps = memoryIngestDeps();
    const patient = { identifier: { system: mrnSystem(), value: mrn } };
    const sidecar = { patient, date: 'last Tuesday' };
    await deps.objects.put('raw', 'raw/h1/b1/undated.txt.json', JSON.stringify(sidecar));
    const note = await ingest(deps, 'undated.txt', 'Seen today.\n');
    expect(note.records).toEqual({ accepted: 0, repaired: 0, rejected: 1 });
    // Act
    const report = await ingest(deps, 'Patient.ndjson', ndjson(fhirPatient()));
    // Assess
    expect(report.warnings).toEqual({});
  });

  it('refuses to link an MRN two FHIR Patients claim: both warn, a note keeps its own patient, none is merged', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    const first = await ingest(deps, 'a.ndjson', ndjson(fhirPatient('pat-a')));
    // Act
    const second = await ingest(deps, 'b.ndjson', ndjson(fhirPatient('pat-b')));
    const firstAgain = await ingest(deps, 'a.ndjson', ndjson(fhirPatient('pat-a')));
    const note = await ingestNote(deps);
    // Assess
    const claimedTwice = { count: 1, firstLines: [1] };
    expect(first.warnings).toEqual({});
    expect(second.warnings).toEqual({ [patientIdentifierWarnings.claimedTwice]: claimedTwice });
    expect(firstAgain.warnings).toEqual({ [patientIdentifierWarnings.claimedTwice]: claimedTwice });
    expect(note.records).toEqual({ accepted: 1, repaired: 0, rejected: 0 });
    expect(note.warnings).toEqual({
      [patientIdentifierWarnings.claimedTwice]: claimedTwice,
      'patient-not-yet-known': claimedTwice,
    });
    const derived = servingKeys.patient('h1', await derivedPseudonym(deps)).pk;
    expect(servedOf(deps, 'DocumentReference').map((i) => i.pk)).toEqual([derived]);
    expect(patientItems(deps)).toHaveLength(2);
  });

  it('warns both Patients of one file claiming the same MRN', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    // Act
    const report = await ingest(
      deps,
      'p.ndjson',
      ndjson(fhirPatient('pat-a'), fhirPatient('pat-b')),
    );
    // Assess
    expect(report.warnings).toEqual({
      [patientIdentifierWarnings.claimedTwice]: { count: 2, firstLines: [1, 2] },
    });
    expect(patientItems(deps)).toHaveLength(2);
  });

  it("never resolves one hospital's MRN to another hospital's Patient", async () => {
    // Prepare: h1's Patient carries h1's MRN; h2 sends a note naming the same system and value.
    const deps = memoryIngestDeps();
    await ingest(deps, 'Patient.ndjson', ndjson(fhirPatient()));
    // Act
    const report = await ingestNote(deps, { system: mrnSystem('h1'), value: mrn }, 'h2');
    // Assess: stored in h2 under h2's derived patient, which does not exist yet.
    expect(report.warnings).toEqual({ 'patient-not-yet-known': { count: 1, firstLines: [1] } });
    const [note] = servedOf(deps, 'DocumentReference');
    const h2Derived = await pseudonymOf(
      deps,
      patientIdForIdentifier('h2', { system: mrnSystem('h1'), value: mrn }),
      'h2',
    );
    expect(note?.pk).toBe(servingKeys.patient('h2', h2Derived).pk);
    expect(linkItems(deps).filter((i) => String(i.pk).startsWith('PID#h2#'))).toEqual([
      expect.objectContaining({ sk: 'APART', hospital: 'h2' }),
    ]);
  });

  it('writes the same items when a Patient file and a note are delivered again', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    const body = ndjson(fhirPatient());
    const first = await ingest(deps, 'Patient.ndjson', body);
    await ingestNote(deps);
    const keys = [...deps.serving.items.keys()].sort();
    // Act
    const again = await ingest(deps, 'Patient.ndjson', body);
    await ingestNote(deps);
    // Assess
    expect([...deps.serving.items.keys()].sort()).toEqual(keys);
    expect(again.warnings).toEqual(first.warnings);
    expect(servedOf(deps, 'DocumentReference')).toHaveLength(1);
    expect(linkItems(deps)).toHaveLength(1);
  });

  it('keeps no MRN and no original Patient id in clear in what ingest writes', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    // Act
    await ingest(deps, 'Patient.ndjson', ndjson(fhirPatient()));
    await ingestNote(deps);
    // Assess
    const [link] = linkItems(deps);
    expect(link).toEqual({
      pk: expect.stringMatching(/^PID#h1#[0-9a-f]{32}$/),
      sk: `CLAIM#${await pseudonymOf(deps, fhirId)}`,
      hospital: 'h1',
      sealed: expect.any(String),
    });
    const written = [
      JSON.stringify([...deps.serving.items.values()]),
      ...[...deps.objects.objects.entries()]
        .filter(([k]) => !k.startsWith('raw/'))
        .map(([, v]) => v.toString('utf8')),
    ].join('\n');
    expect(written).not.toContain(mrn);
    expect(written).not.toContain(fhirId);
  });
});

describe('ingestFile: a CSV Patient row naming the MRN of a Patient sent as FHIR', () => {
  /** The FHIR core extension for the patient's time zone, which reminders are planned in. */
  const timezone = {
    url: 'http://hl7.org/fhir/StructureDefinition/timezone',
    valueCode: 'America/Kentucky/Monticello',
  };
  /** The FHIR Patient with its time zone, which the CSV extract has no column for. */
  const zonedPatient = () => ({ ...fhirPatient(), extension: [timezone] });
  const patientRow = (sex = 'M', birthDate = '1958-02-19') =>
    `mrn,sex,birth_date\r\n${mrn},${sex},${birthDate}\r\n`;
  const servedPatient = async (deps: Deps, id: string) =>
    deps.serving.get(servingKeys.patient('h1', await pseudonymOf(deps, id)).pk, 'PATIENT');

  it("keeps the FHIR Patient's record whole (its time zone too) and warns at the row's line", async () => {
    // Prepare: the FHIR Patient first, then the extract (its sex differs, to see which is kept).
    const deps = memoryIngestDeps();
    await ingest(deps, 'Patient.ndjson', ndjson(zonedPatient()));
    const stored = structuredClone(await servedPatient(deps, fhirId));
    expect(stored?.resource).toMatchObject({ gender: 'female', extension: [timezone] });
    await deps.objects.put('raw', 'raw/h1/b1/mapping.json', JSON.stringify(mapping));
    const curatedBefore = deps.objects.lines('curated', 'curated/h1/Patient/').length;
    // Act
    const report = await ingest(deps, 'patients.csv', patientRow());
    // Assess: read and counted (as a merged copy), not stored, not curated; the MRN is not quoted.
    expect(report.status).toBe('accepted');
    expect(report.records).toEqual({ accepted: 0, repaired: 1, rejected: 0 });
    expect(report.repairs).toEqual({ [patientIdentifierWarnings.fhirPatientKept]: 1 });
    expect(report.warnings).toEqual({
      [patientIdentifierWarnings.fhirPatientKept]: { count: 1, firstLines: [2] },
    });
    expect(JSON.stringify(report)).not.toContain(mrn);
    expect(await servedPatient(deps, fhirId)).toEqual(stored);
    expect(patientItems(deps)).toHaveLength(1);
    expect(deps.objects.lines('curated', 'curated/h1/Patient/')).toHaveLength(curatedBefore);
  });

  it('still quarantines an invalid Patient row of a FHIR Patient, naming the field', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    await ingest(deps, 'Patient.ndjson', ndjson(zonedPatient()));
    await deps.objects.put('raw', 'raw/h1/b1/mapping.json', JSON.stringify(mapping));
    // Act: a birth date in the future.
    const report = await ingest(deps, 'patients.csv', patientRow('F', '2099-01-01'));
    // Assess
    expect(report.records).toEqual({ accepted: 0, repaired: 0, rejected: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ line: 2, path: 'birthDate' })]);
    expect((await servedPatient(deps, fhirId))?.resource).toMatchObject({
      extension: [timezone],
    });
  });

  it('stores a row sent before its FHIR Patient apart, warns the Patient, and keeps the Patient when the row is sent again', async () => {
    // Prepare: the extract first: its Patient row is stored under the id derived from the MRN.
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/h1/b1/mapping.json', JSON.stringify(mapping));
    const early = await ingest(deps, 'patients.csv', patientRow());
    expect(early.records).toEqual({ accepted: 1, repaired: 0, rejected: 0 });
    const derivedId = patientIdForIdentifier('h1', { system: mrnSystem(), value: mrn });
    // Act: the FHIR Patient comes later, under its own id.
    const fhir = await ingest(deps, 'Patient.ndjson', ndjson(zonedPatient()));
    // Assess: two patients, neither overwriting the other; the FHIR Patient's report says so.
    expect(fhir.warnings).toEqual({
      [patientIdentifierWarnings.recordsApart]: { count: 1, firstLines: [1] },
    });
    expect((await servedPatient(deps, fhirId))?.resource).toMatchObject({
      gender: 'female',
      extension: [timezone],
    });
    expect((await servedPatient(deps, derivedId))?.resource).toMatchObject({ gender: 'male' });
    // Act: the hospital sends the extract again, as the warning asks.
    const again = await ingest(deps, 'patients.csv', patientRow(), 'h1', 'e-patients-2');
    // Assess: the row now resolves to the FHIR Patient, which it does not overwrite.
    expect(again.warnings).toEqual({
      [patientIdentifierWarnings.fhirPatientKept]: { count: 1, firstLines: [2] },
    });
    expect((await servedPatient(deps, fhirId))?.resource).toMatchObject({
      gender: 'female',
      extension: [timezone],
    });
    expect(patientItems(deps)).toHaveLength(2); // the first copy stays under the derived id
  });
});

describe('Function: linkableIdentifiers', () => {
  const withIdentifiers = (...identifier: unknown[]) => ({ resourceType: 'Patient', identifier });

  it("takes the hospital's MRN system and identifiers typed MR, once each", () => {
    // Act
    const found = linkableIdentifiers(
      withIdentifiers(
        { system: mrnSystem(), value: 'A1' },
        { system: mrnSystem(), value: 'A1', use: 'official' },
        { type: mrType, system: 'urn:oid:2.16.840.1.113883.19.5', value: 'B2' },
      ),
      'h1',
    );
    // Assess
    expect(found).toEqual([
      { system: mrnSystem(), value: 'A1' },
      { system: 'urn:oid:2.16.840.1.113883.19.5', value: 'B2' },
    ]);
  });

  it.each([
    [
      "another hospital's MRN system, even typed MR",
      { type: mrType, system: mrnSystem('h2'), value: 'A1' },
    ],
    ['an old MRN', { use: 'old', system: mrnSystem(), value: 'A1' }],
    ['an untyped identifier of another system', { system: 'urn:oid:1.2.3', value: 'A1' }],
    [
      'an identifier typed otherwise (SS)',
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SS' }] },
        system: 'http://hl7.org/fhir/sid/us-ssn',
        value: '000-00-0000',
      },
    ],
    ['an MRN without value', { system: mrnSystem() }],
    ['an MR without system', { type: mrType, value: 'A1' }],
    ['not an object', 'A1'],
  ])('leaves out %s', (_name, identifier) => {
    // Act & Assess
    expect(linkableIdentifiers(withIdentifiers(identifier), 'h1')).toEqual([]);
  });
});

describe('Class: PatientIdentifiers', () => {
  /** A table on which a Patient claims the MRN right after the resolver marks it APART. */
  class ClaimingMidway extends HookedTable {
    claim?: Item;
    override async putMany(items: Item[]): Promise<void> {
      await super.putMany(items);
      if (items.some((i) => i.sk === patientIdentifierKeys.apart) && this.claim) {
        const claim = this.claim;
        this.claim = undefined;
        await super.put(claim);
      }
    }
  }

  it('resolves to a Patient that claimed the MRN between its read and its marker, and that Patient sees the marker', async () => {
    // Prepare: the claim a FHIR Patient would write, held back until the resolver's marker is in.
    const deps = memoryIngestDeps();
    const serving = new ClaimingMidway();
    const claimant = new PatientIdentifiers(serving, deps.keys, 'h1');
    await claimant.claim(fhirPatient(), await pseudonymOf(deps, fhirId), 7);
    const [queued] = claimant.takeClaims();
    serving.claim = queued!.item;
    const resolver = new PatientIdentifiers(serving, deps.keys, 'h1');
    // Act
    const resolved = await resolver.resolve({ system: mrnSystem(), value: mrn });
    // Assess
    expect(resolved).toEqual({ id: fhirId, sentAsFhir: true });
    expect(await claimant.verify([queued!])).toEqual([
      { kind: patientIdentifierWarnings.recordsApart, line: 7 },
    ]);
  });

  it('refuses a link whose sealed id was moved from another identifier', async () => {
    // Prepare: a claim on MRN A1 copied into MRN A2's partition.
    const deps = memoryIngestDeps();
    const identifiers = new PatientIdentifiers(deps.serving, deps.keys, 'h1');
    await identifiers.claim(fhirPatient(fhirId, 'A1'), await pseudonymOf(deps, fhirId), 1);
    await identifiers.claim(fhirPatient('pat-2', 'A2'), await pseudonymOf(deps, 'pat-2'), 2);
    const [a1, a2] = identifiers.takeClaims();
    await deps.serving.put({ ...a1!.item, pk: a2!.item.pk });
    // Act & Assess
    await expect(
      new PatientIdentifiers(deps.serving, deps.keys, 'h1').resolve({
        system: mrnSystem(),
        value: 'A2',
      }),
    ).rejects.toThrow('belongs to another');
  });
});

describe('Cost: the MRN links a CSV file reads and writes', () => {
  const isLink = (item: Item) => String(item.pk).startsWith('PID#');

  /**
   * Counts the calls on the MRN links (partitions `PID#`), as round trips on DynamoDB: a batch write
   * is one call, however many items. Records each batch's markers and rows in order, and how many
   * link reads are in flight at once.
   */
  class CountingTable extends HookedTable {
    readonly calls = { query: 0, put: 0, putMany: 0 };
    readonly batches: Item[][] = [];
    private inFlight = 0;
    maxInFlight = 0;

    override async query(input: Parameters<HookedTable['query']>[0]) {
      if (!input.partition.startsWith('PID#')) return super.query(input);
      this.calls.query++;
      this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
      await new Promise((resolve) => setImmediate(resolve)); // a round trip: others may start
      this.inFlight--;
      return super.query(input);
    }

    override async put(item: Item): Promise<void> {
      if (isLink(item)) this.calls.put++;
      await super.put(item);
    }

    override async putMany(items: Item[]): Promise<void> {
      if (items.some(isLink)) this.calls.putMany++;
      this.batches.push(items);
      for (const item of items) await super.put(item); // not counted as puts: one batch write
    }
  }

  const vitalsRow = (i: number, r: number) => `MRN-${i},r${i}-${r},${70 + r}.5,2026-01-0${r + 1}`;
  /** A weights extract of `patients` MRNs, `rows` results each, the MRNs in turn (unsorted). */
  const vitals = (patients: number, rows: number) =>
    [
      'mrn,result_id,weight,when',
      ...Array.from({ length: rows }, (_, r) =>
        Array.from({ length: patients }, (_, i) => vitalsRow(i, r)),
      ).flat(),
    ].join('\r\n') + '\r\n';

  async function ingestVitals(patients: number, rows: number) {
    const deps = { ...memoryIngestDeps(), serving: new CountingTable() };
    await deps.objects.put('raw', 'raw/h1/b1/mapping.json', JSON.stringify(mapping));
    const report = await ingest(deps, 'vitals.csv', vitals(patients, rows));
    return { deps, report };
  }

  it('reads each distinct MRN twice and marks them in batch writes, whatever the row count, several reads at a time', async () => {
    // Prepare: 300 MRNs nobody claims, in an extract of one result each and in one of four each.
    const patients = 300;
    // Act
    const once = await ingestVitals(patients, 1);
    const four = await ingestVitals(patients, 4);
    // Assess: per distinct MRN a read, a marker and a read again; the markers batched; the reads
    // concurrent but bounded; the row count changes nothing.
    expect(once.report.records.accepted).toBe(patients);
    expect(four.report.records.accepted).toBe(4 * patients);
    expect(once.deps.serving.calls).toEqual({ query: 2 * patients, put: 0, putMany: 2 });
    expect(four.deps.serving.calls).toEqual(once.deps.serving.calls);
    for (const { deps } of [once, four]) {
      expect(deps.serving.maxInFlight).toBeGreaterThan(1);
      expect(deps.serving.maxInFlight).toBeLessThanOrEqual(16);
      expect(linkItems(deps)).toHaveLength(patients); // one APART marker per MRN
    }
  });

  it('writes the marker of every MRN before any row naming it is stored', async () => {
    // Prepare
    const patients = 250;
    // Act
    const { deps } = await ingestVitals(patients, 2);
    // Assess: the batch holding each MRN's marker precedes every batch holding one of its rows.
    const batchOf = new Map<string, number>(); // marker pk -> batch index
    deps.serving.batches.forEach((items, n) => {
      for (const item of items)
        if (item.sk === patientIdentifierKeys.apart) batchOf.set(String(item.pk), n);
    });
    let rows = 0;
    for (let i = 0; i < patients; i++) {
      const identifier = { system: mrnSystem(), value: `MRN-${i}` };
      const token = await pseudonymousId(
        deps.keys,
        'h1',
        'Identifier',
        `${identifier.system}|${identifier.value}`,
      );
      const marker = batchOf.get(patientIdentifierKeys.partition('h1', token));
      expect(marker).toBeDefined();
      const pk = servingKeys.patient(
        'h1',
        await pseudonymOf(deps, patientIdForIdentifier('h1', identifier)),
      ).pk;
      deps.serving.batches.forEach((items, n) => {
        for (const item of items)
          if (item.pk === pk && String(item.sk).startsWith('Observation#')) {
            rows++;
            expect(n).toBeGreaterThan(marker!);
          }
      });
    }
    expect(rows).toBe(2 * patients);
  });

  it('keeps a recently used MRN cached past the bound instead of emptying the cache', async () => {
    // Prepare: a cache of 4, one MRN named between each of 12 others.
    const deps = { ...memoryIngestDeps(), serving: new CountingTable() };
    const identifiers = new PatientIdentifiers(deps.serving, deps.keys, 'h1', 4);
    const hot = { system: mrnSystem(), value: 'HOT' };
    const expected = await identifiers.resolve(hot);
    // Act
    for (let i = 0; i < 12; i++) {
      await identifiers.resolve({ system: mrnSystem(), value: `COLD-${i}` });
      expect(await identifiers.resolve(hot)).toEqual(expected);
    }
    // Assess: the hot MRN read twice (before and after its marker), the others twice each.
    expect(deps.serving.calls.query).toBe(2 + 12 * 2);
  });

  it('prefetches as resolve resolves: one claim, two claims, none; then resolve reads nothing', async () => {
    // Prepare: MRN A claimed by one FHIR Patient, B by two, C by none.
    const deps = { ...memoryIngestDeps(), serving: new CountingTable() };
    await ingest(
      deps,
      'Patient.ndjson',
      ndjson(fhirPatient(fhirId, 'A'), fhirPatient('pat-b1', 'B'), fhirPatient('pat-b2', 'B')),
    );
    const identifiers = new PatientIdentifiers(deps.serving, deps.keys, 'h1');
    const named = (value: string) => ({ system: mrnSystem(), value });
    // Act
    await identifiers.prefetch([named('A'), named('B'), named('C'), named('A'), { value: 'D' }]);
    const reads = deps.serving.calls.query;
    const resolved = await Promise.all(['A', 'B', 'C'].map((v) => identifiers.resolve(named(v))));
    // Assess
    expect(resolved).toEqual([
      { id: fhirId, sentAsFhir: true },
      {
        id: patientIdForIdentifier('h1', named('B')),
        warning: patientIdentifierWarnings.claimedTwice,
      },
      { id: patientIdForIdentifier('h1', named('C')) },
    ]);
    expect(deps.serving.calls.query).toBe(reads);
    expect(linkItems(deps).filter((i) => i.sk === patientIdentifierKeys.apart)).toHaveLength(1);
  });

  it('does not cache a failed look-up: the next resolve reads again', async () => {
    // Prepare: the first link read fails (a throttled query).
    const deps = { ...memoryIngestDeps(), serving: new CountingTable() };
    let fail = true;
    deps.serving.query = async (input) => {
      if (fail && input.partition.startsWith('PID#')) {
        fail = false;
        throw new Error('throttled');
      }
      return CountingTable.prototype.query.call(deps.serving, input);
    };
    const identifiers = new PatientIdentifiers(deps.serving, deps.keys, 'h1');
    const named = { system: mrnSystem(), value: 'A' };
    // Act & Assess
    await expect(identifiers.prefetch([named])).rejects.toThrow('throttled');
    expect(await identifiers.resolve(named)).toEqual({ id: patientIdForIdentifier('h1', named) });
  });
});
