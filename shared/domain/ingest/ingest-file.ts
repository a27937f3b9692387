// Use case: ingest one uploaded file. Stream-parse it line by line, validate each FHIR resource,
// quarantine what is bad (with line, field and reason; the raw line is kept, never lost), write the
// de-identified serving records and curated NDJSON, and write the per-file report.
// Writes use deterministic keys, so a re-delivered event or a re-uploaded file never duplicates data.
import { createHash } from 'node:crypto';
import type { ObjectStore } from '../../ports/object-store';
import type { Table, Item } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import { eventTypes, type EventBus } from '../../ports/event-bus';
import type { Clock } from '../../ports/clock';
import { keyLayout } from '../../config/resources';
import { shouldRetry, toQuarantineEntry } from '../problem';
import { ConfigurationError, ObjectChangedError, ValidationError } from '../errors';
import { genericServingItem } from '../serving/records';
import { dynamoDbMaxItemBytes, itemBytes, largestMember } from '../serving/item-size';
import { ResourceProjector, patientOf } from '../serving/resource-projection';
import { validateAndNormalise } from '../preprocess/normalise';
import { decompressIfGzip, numberedLines } from './lines';
import { parseRawKey, type RawObjectKey } from './raw-key';
import { ReportBuilder, type IngestReport } from './report';
import { detectKind, type Detected } from './detect';
import { OutputStreams } from './output-streams';
import { CuratedSource, sourceContentDigest } from './curated-source';
import { ReferenceLinks } from './patient-links';
import { UnitSuspects } from './unit-suspects';
import { curateNote } from './note-curation';
import { defaultCheckpointEvery, loadCheckpoint, saveCheckpoint } from './checkpoint';
import { ndjsonRecordBatches, ndjsonRecords, readJsonDocument } from './record-sources';
import { DuplicateTracker } from './duplicates';
import { ingestGenotypes, type GenotypeSink } from './genotype-ingest';
import { bulkManifestWarningsOf } from './bulk-manifest';
import { retireSupersededGenotypes } from '../genomics/superseded-genotypes';
import type { FhirJson, Repair, SourceRecord } from './source-record';
import {
  batchCsvMapping,
  hasNoteSidecar,
  mappingNamesFile,
  noteSidecarMetadata,
} from './batch-companions';
import { readCsv } from './readers/csv';
import type { CsvMapping } from '../synth/fhir/csv-mapping';
import { logicalPatientIdentifiers, resolveLogicalPatientReferences } from './logical-references';
import { csvRows } from './readers/csv-parse';
import {
  noteSidecarCandidates,
  noteToDocumentReference,
  resolvePatientIdentifier,
  resolveSidecarPatient,
} from './readers/notes';
import { PatientIdentifiers, patientIdentifierWarnings } from './patient-identifiers';
import { linkChunks } from './link-chunks';
import { deterministicUuid } from './readers/resource-id';
import { yearOfFhirDate } from '../nlp/note-year';
import type { NumberedLine } from './lines';

export interface IngestDeps {
  objects: ObjectStore;
  serving: Table;
  keys: KeyRing;
  clock: Clock;
  /** Where PatientDataUpdated events go (monitoring listens); none are sent without it. */
  events?: EventBus;
}

export interface IngestInput {
  /** Raw object key, already URL-decoded. */
  key: string;
  /**
   * Object version identity (the S3 ETag; the handler falls back to the sequencer or key): the
   * checkpoints of a run are kept under it. Curated output is not keyed by it but by the file's
   * content (curated-source.ts), so one content uploaded in one part or in several is curated once.
   */
  etag: string;
  /**
   * The S3 event's own ETag, when it has one (`etag` may fall back to the sequencer or key): the raw
   * object is read only if it is still that version.
   */
  versionEtag?: string;
  /** Optional progress callback, called every 10,000 records. */
  onProgress?: (linesRead: number) => void;
  /** Records between checkpoints (default 10,000). */
  checkpointEvery?: number;
  /**
   * Time left to this invocation, ms (Lambda's getRemainingTimeInMillis). When given, the file is
   * processed in as many invocations as it needs: after a checkpoint, if the time left would not
   * cover two more segments like the slowest so far and a margin, ingestFile stops there and throws
   * IngestYielded; the next invocation resumes after that checkpoint.
   */
  remainingMs?: () => number;
}

/**
 * Thrown by ingestFile when it stopped at a checkpoint to finish in another invocation (not a
 * failure): everything up to `afterLine` is stored and checkpointed.
 */
export class IngestYielded extends Error {
  constructor(readonly afterLine: number) {
    super(`stopped after line ${afterLine} to continue in another invocation`);
    this.name = 'IngestYielded';
  }
}

/**
 * When the raw object was uploaded (S3 LastModified, the same on every delivery of its event): what
 * orders genotype files (genomics/genotype-items.ts), never when the ingest ran, or a re-delivered
 * event for an older file would make it the latest. `fallback` (the run's start) only for a store
 * that keeps no modification time (test doubles). Throws ObjectChangedError when the object is no
 * longer the version the event announced (its time would be the newer upload's).
 */
async function uploadTimeOf(
  objects: ObjectStore,
  input: IngestInput,
  fallback: string,
): Promise<string> {
  const head = await objects.head('raw', input.key);
  const unquoted = (etag: string) => etag.replace(/"/g, '');
  if (input.versionEtag && head?.etag && unquoted(head.etag) !== unquoted(input.versionEtag))
    throw new ObjectChangedError(
      `object raw/${input.key} is no longer the version announced (ETag ${input.versionEtag})`,
    );
  return head?.lastModified ?? fallback;
}

/** Time kept in hand after the last segment of an invocation: the report, flushes, the hand-over. */
const yieldMarginMs = 30_000;

const writeBatchSize = 200;

export async function ingestFile(deps: IngestDeps, input: IngestInput): Promise<IngestReport> {
  const startedAt = deps.clock.now().toISOString();
  const where = parseRawKey(input.key);
  const etag = input.etag.replace(/"/g, '');
  const resume = await loadCheckpoint(deps.serving, where.hospital, input.key, etag);
  const report = resume ? ReportBuilder.restore(resume.report) : new ReportBuilder();
  const quarantineKey = keyLayout.quarantine(where.hospital, where.batch, where.file);
  const progress = {
    segment: resume ? resume.segment + 1 : 0,
    quarantineKeys: resume?.quarantineKeys ?? [],
  };
  // The version the event announced, when it named one: a file uploaded again since (or between
  // two invocations of a long file) is not read against this event's line numbers and checkpoints;
  // its own event ingests it (ObjectChangedError, which the handler reports as superseded).
  const version = input.versionEtag ? { ifMatch: input.versionEtag } : {};
  // Curated objects are named by content (a pass over the file first), or as the run resumed names
  // them; a run checkpointed before objects were named so goes on under its ETag.
  const curatedSource = resume
    ? CuratedSource.named(resume.curated ?? etag)
    : CuratedSource.ofContent(
        deps.keys,
        where.hospital,
        await sourceContentDigest(deps.objects, input.key, version),
      );
  let outputs = new OutputStreams(deps.objects, where.hospital, curatedSource, progress.segment);
  const source = await decompressIfGzip(await deps.objects.getStream('raw', input.key, version));
  // Links from MRNs to Patients sent as FHIR: such Patients claim theirs, sidecars and CSV rows
  // naming an MRN resolve through them (patient-identifiers.ts).
  const identifiers = new PatientIdentifiers(deps.serving, deps.keys, where.hospital);
  const sink = new RecordSink(deps, where, report, outputs, quarantineKey, startedAt, identifiers);
  const every = input.checkpointEvery ?? defaultCheckpointEvery;
  let segmentStart = performance.now();
  let slowestSegmentMs = 0;
  // A line boundary: everything up to `line` is stored; make it durable, start a new segment, and
  // stop here if this invocation has no time for two more segments (the next one resumes here).
  const checkpoint = async (line: number): Promise<void> => {
    await saveSegment(line);
    const now = performance.now();
    slowestSegmentMs = Math.max(slowestSegmentMs, now - segmentStart);
    segmentStart = now;
    if (input.remainingMs && input.remainingMs() < 2 * slowestSegmentMs + yieldMarginMs)
      throw new IngestYielded(line);
  };
  const saveSegment = async (line: number): Promise<void> => {
    await sink.release();
    await sink.flush();
    await outputs.close();
    progress.quarantineKeys = [...progress.quarantineKeys, ...outputs.quarantineKeys];
    await saveCheckpoint(deps.serving, where.hospital, input.key, etag, {
      line,
      segment: progress.segment,
      report: report.snapshot(),
      quarantineKeys: progress.quarantineKeys,
      complete: false,
      curated: await curatedSource.name(),
    });
    await sink.announce(); // stored for good: tell listeners now, so a resume loses no event
    outputs = sink.outputs = new OutputStreams(
      deps.objects,
      where.hospital,
      curatedSource,
      ++progress.segment,
    );
  };
  // The VCF's patients: once its calls are all stored, their superseded calls are retired.
  const genotyped = new Set<string>();
  try {
    const detected = await settleCsvOrNote(deps, where, await detectKind(numberedLines(source)));
    // Only a Patient sent as FHIR claims its MRNs: a CSV Patient's id already derives from its own.
    sink.claimsIdentifiers = detected.kind === 'fhir-ndjson' || detected.kind === 'json-document';
    if (detected.kind === 'vcf') {
      await ingestGenotypes(
        detected.lines,
        where.file,
        where.hospital,
        where.batch,
        deps.keys,
        sink.projector,
        { ...sink.genotypes(), patient: (p) => genotyped.add(p) },
        { resumeAfterLine: resume?.line ?? 0, every, save: checkpoint },
        {
          file: await curatedSource.name(),
          uploadedAt: await uploadTimeOf(deps.objects, input, startedAt),
        },
      );
    } else {
      let read = 0;
      let due = false;
      let lastLine = resume?.line ?? 0;
      const batches = recordBatchesOf(deps, where, detected, report, curatedSource, identifiers);
      for await (const batch of batches) {
        for (const record of batch) {
          if (resume && record.line <= resume.line) continue; // stored before the failure
          if (due && record.line > lastLine) {
            await checkpoint(lastLine);
            due = false;
          }
          await sink.take(record);
          lastLine = record.line;
          if (++read % every === 0) due = true;
          if (read % 10_000 === 0) input.onProgress?.(read);
        }
      }
    }
    await sink.release();
    await sink.flush();
    await outputs.close();
  } catch (error) {
    await outputs.abort(error);
    source.destroy(); // the unread rest of the object: a yield or a failure stops reading here
    throw error;
  }
  // Only now, every call of the file durable, are superseded files' calls retired: no gene is ever
  // left without calls (genomics/superseded-genotypes.ts: one read of the patient's pharmacogene
  // range and at most one batched write each). A failure here fails the run, and the event's retry
  // stores the file again (same keys) and retires then. With less than the margin left, the remaining
  // patients are left as they are (readers skip superseded calls) and the report counts them under
  // `superseded-genotypes-not-retired` (line 0: the file): the next ingest of their VCF retires them.
  let left = genotyped.size;
  for (const patient of genotyped) {
    if (input.remainingMs && input.remainingMs() < yieldMarginMs) break;
    await retireSupersededGenotypes(deps, where.hospital, patient);
    left--;
  }
  for (let i = 0; i < left; i++) report.warn('superseded-genotypes-not-retired', 0);
  const quarantineKeys = [...progress.quarantineKeys, ...outputs.quarantineKeys];
  const built = report.build(
    { ...where, startedAt, ...(quarantineKeys.length ? { quarantineKey: quarantineKeys[0] } : {}) },
    deps.clock.now().toISOString(),
  );
  if (quarantineKeys.length > 1) built.quarantineKeys = quarantineKeys;
  if (resume) built.resumedAfterLine = resume.line;
  await deps.objects.put(
    'curated',
    keyLayout.report(where.hospital, where.batch, where.file),
    JSON.stringify(built, null, 2),
    'application/json',
  );
  await sink.announce();
  if (resume || progress.segment > 0) {
    await saveCheckpoint(deps.serving, where.hospital, input.key, etag, {
      line: 0,
      segment: progress.segment,
      report: report.snapshot(),
      quarantineKeys,
      complete: true,
    });
  }
  return built;
}

/**
 * A CSV extract or a note? The content decides (detect.ts) unless the batch says otherwise: a file
 * that mapping.json names is read as CSV whatever its header looks like (its header is then checked
 * against the mapping, and an error says why the content did not look like one), and a file whose
 * first line looks like a header row but that has note sidecar metadata beside it is a note.
 */
async function settleCsvOrNote(
  deps: IngestDeps,
  where: RawObjectKey,
  detected: Detected,
): Promise<Detected> {
  if (detected.kind !== 'csv' && detected.kind !== 'text') return detected;
  if (await mappingNamesFile(deps.objects, where)) return { ...detected, kind: 'csv' };
  if (detected.kind === 'csv' && (await hasNoteSidecar(deps.objects, where)))
    return { ...detected, kind: 'text' };
  return detected;
}

/**
 * A file read as CSV because its first line looks like a header row, with no mapping.json entry:
 * it may be a clinical note whose sidecar has not arrived (a first line such as "Seen today, doing
 * well" reads as two columns). The error says both ways out.
 */
function orANote(error: ValidationError, file: string): ValidationError {
  const sidecars = noteSidecarCandidates(baseName(file)).join(' or ');
  return new ValidationError(
    `${error.message}; if ${baseName(file)} is a clinical note, upload its sidecar ${sidecars} (with the patient) first`,
    error.path,
    { cause: error },
  );
}

/** True when mapping.json has an entry for the file. */
function mappingNames(mapping: CsvMapping, file: string): boolean {
  return Object.hasOwn(mapping.files ?? {}, baseName(file));
}

/**
 * The source records of a detected file, an array at a time: NDJSON a chunk's lines at a time (no
 * promise per record on the hot path), every other kind one record per array.
 */
async function* recordBatchesOf(
  deps: IngestDeps,
  where: RawObjectKey,
  detected: Detected,
  report: ReportBuilder,
  curated: CuratedSource,
  identifiers: PatientIdentifiers,
): AsyncGenerator<SourceRecord[]> {
  if (detected.kind === 'fhir-ndjson') {
    yield* ndjsonRecordBatches(detected.lines, where.file);
    return;
  }
  for await (const record of recordsOf(deps, where, detected, report, curated, identifiers))
    yield [record];
}

/**
 * The source records of a detected file; configuration files and unsupported kinds yield none. A
 * CSV extract's records depend on its mapping entry and name, a note's on its sidecar and path, as
 * well as on the content: `curated` is told, so that one text sent as two patients' notes, or one
 * extract read under two mappings, is not curated into one object where the later overwrites the other.
 */
async function* recordsOf(
  deps: IngestDeps,
  where: RawObjectKey,
  detected: Detected,
  report: ReportBuilder,
  curated: CuratedSource,
  identifiers: PatientIdentifiers,
): AsyncGenerator<SourceRecord> {
  switch (detected.kind) {
    case 'fhir-ndjson':
      yield* ndjsonRecords(detected.lines, where.file);
      return;
    case 'json-document': {
      const doc = await readJsonDocument(detected.lines, where.file);
      if (doc.kind === 'bundle') yield* doc.records;
      else if (doc.kind === 'configuration') {
        report.configuration = doc.what;
        // A Bulk Data manifest: a file it lists that is not in the batch is a warning (bulk-manifest.ts).
        if (doc.manifest)
          for (const { kind, line } of await bulkManifestWarningsOf(
            deps.objects,
            where,
            doc.manifest,
          ))
            report.warn(kind, line);
      } else yield { line: doc.line ?? 0, error: doc.error };
      return;
    }
    case 'csv': {
      const mapping = await batchCsvMapping(deps.objects, where).catch((error: unknown) => {
        throw error instanceof ValidationError ? orANote(error, where.file) : error;
      });
      const file = baseName(where.file);
      // Ids derive from the mapping's hospital and the file name (readers/csv.ts), records from its entry.
      curated.readWith(
        'csv',
        file,
        JSON.stringify({
          hospital: mapping.hospital,
          entry: mappingNames(mapping, file) ? mapping.files[file] : null,
        }),
      );
      const records = readCsv(
        csvRows(detected.lines),
        baseName(where.file),
        mapping,
        detected.headerProblem,
      );
      const named = mappingNames(mapping, where.file);
      // Rows naming a patient by MRN resolve through the links (`resolve` below); whether a row does
      // depends on the row alone.
      const linked = (record: SourceRecord): record is SourceRecord & { resource: FhirJson } =>
        !(record.error instanceof ValidationError && !named) && record.resource !== undefined;
      // Chunks of 200 rows or about 1 Mi characters of their text, whichever comes first (link-chunks.ts).
      for await (const chunk of linkChunks(records)) {
        // The chunk's MRNs resolved together before any of its rows goes on (a bounded number of
        // reads at a time, the markers of unclaimed MRNs in one batch write, patient-identifiers.ts):
        // one at a time, a new MRN cost about four round trips in turn (docs/ingest.md, Cost).
        const mrns = await Promise.all(
          chunk.filter(linked).map((record) => logicalPatientIdentifiers(record.resource)),
        );
        await identifiers.prefetch(mrns.flat());
        for (const record of chunk) {
          if (!linked(record)) {
            yield record.error instanceof ValidationError && !named
              ? { ...record, error: orANote(record.error, where.file) }
              : record;
            continue;
          }
          // A patient named by MRN: the Patient sent as FHIR that claims it, else its derived id.
          const resolved = await resolveLogicalPatientReferences(
            record.resource,
            identifiers.resolve,
          );
          const resolvedRecord = withWarnings(
            { ...record, resource: resolved.resource },
            resolved.warnings,
          );
          // A Patient row of a Patient sent as FHIR is not stored over it: that record carries what
          // the extract has no column for (its time zone, which dates reminders), and a row stored
          // under its id would replace it whole (patient-identifiers.ts, fhirPatientKept).
          yield resolved.sentAsFhir
            ? { ...resolvedRecord, notStored: patientIdentifierWarnings.fhirPatientKept }
            : resolvedRecord;
        }
      }
      return;
    }
    case 'text': {
      const metadata = await noteSidecarMetadata(deps.objects, where);
      const { text, invalidUtf8Line } = await noteText(detected.lines);
      let sidecar = resolvePatientIdentifier(metadata, where.hospital);
      let record: SourceRecord;
      if (invalidUtf8Line !== undefined) {
        // Decoded, the bad bytes would all read as U+FFFD: the note stored would not be the one sent.
        record = {
          line: invalidUtf8Line,
          raw: text,
          error: new ValidationError(
            `line ${invalidUtf8Line} is not valid UTF-8 (a plain-text note must be UTF-8)`,
            'text',
          ),
        };
      } else if (metadata === undefined) {
        record = {
          line: 0,
          raw: text,
          error: new ValidationError(
            'a plain-text note needs its sidecar metadata (note.txt.json or note.json) in the same batch folder',
            'sidecar',
          ),
        };
      } else {
        record = noteToDocumentReference(text, sidecar, where.file);
        if (!record.error) {
          // A patient named by MRN: the Patient sent as FHIR that claims it, else its derived id.
          // Looked up only for a note that is stored (the look-up may leave a marker for the
          // Patient, patient-identifiers.ts).
          const resolved = await resolveSidecarPatient(metadata, identifiers.resolve);
          sidecar = resolved.sidecar;
          record = withWarnings(
            noteToDocumentReference(text, sidecar, where.file),
            resolved.warnings,
          );
        }
      }
      // The note's id and record derive from its path and sidecar too (readers/notes.ts).
      curated.readWith('note', where.file, JSON.stringify(sidecar ?? null));
      yield record;
      return;
    }
    case 'empty':
      return;
    default:
      await detected.lines.return(undefined);
      yield {
        line: 0,
        error: new ValidationError(unsupported[detected.kind] ?? 'unsupported file'),
      };
  }
}

const unsupported: Record<string, string> = {};

/** `record` with the reader's `warnings`, reported when it is stored. */
function withWarnings(record: SourceRecord, warnings: string[]): SourceRecord {
  return warnings.length ? { ...record, warnings } : record;
}

/** Clinical resources are served per patient: those whose patient link FHIR leaves optional must still have it. */
const patientLinked: Record<string, string> = {
  Observation: 'subject',
  Condition: 'subject',
  Encounter: 'subject',
  MedicationRequest: 'subject',
  MedicationStatement: 'subject',
  MedicationDispense: 'subject',
  Procedure: 'subject',
  DiagnosticReport: 'subject',
  DocumentReference: 'subject',
  AllergyIntolerance: 'patient',
  FamilyMemberHistory: 'patient',
  Immunization: 'patient',
};

function requirePatient(resource: FhirJson): void {
  const element = patientLinked[resource.resourceType];
  if (!element || patientOf(resource)) return;
  const present = resource[element] !== undefined;
  throw new ValidationError(
    `${resource.resourceType}.${element}: ${present ? 'must reference a Patient' : 'is required'}`,
    `${element}${present ? '.reference' : ''}`,
  );
}

/**
 * A resource without `id` (valid FHIR: an NDJSON line, a Bundle entry POSTed without fullUrl) gets
 * a UUIDv5 of the hospital, the SHA-1 of the record's own text (the NDJSON line as sent; for a Bundle
 * entry, its resource as read) and its position (line, and entry index in a Bundle), recorded as the
 * repair `id-assigned`. Without it every id-less resource of a type would share one storage key and
 * overwrite the others; with it the same bytes delivered or uploaded again, whatever the upload (a
 * multipart upload's ETag differs from a single PUT's of the same bytes), get the same ids and
 * overwrite themselves instead of duplicating (as CSV rows and notes do, readers/resource-id.ts).
 */
function withIdentity(
  record: SourceRecord,
  hospital: string,
): { resource: FhirJson | undefined; repair?: Repair } {
  const resource = record.resource;
  if (resource?.id !== undefined) return { resource };
  if (typeof resource !== 'object' || resource === null) return { resource };
  const entry = record.entry === undefined ? '' : String(record.entry);
  // An NDJSON line's raw text is the line; a Bundle entry's is its resource (or none, in a line).
  const text =
    record.entry === undefined && record.raw !== undefined ? record.raw : JSON.stringify(resource);
  const content = createHash('sha1').update(text, 'utf8').digest('hex');
  const id = deterministicUuid('resource', hospital, content, String(record.line), entry);
  const where = record.entry === undefined ? '' : ` (entry ${record.entry})`;
  return {
    resource: { ...resource, id },
    repair: {
      path: 'id',
      kind: 'id-assigned',
      detail: `no id${where}: assigned one derived from the record's content and position`,
    },
  };
}

/** A source record that passed validation, with its normalised resource and the repairs made. */
interface CheckedRecord {
  record: SourceRecord;
  resource: FhirJson;
  repairs: Repair[];
}

/**
 * Room kept under DynamoDB's item limit for what the write path adds to an item after this check
 * (a Patient's research key, functions/ingest/research-views.ts: under 200 bytes).
 */
const itemSizeMargin = 1024;

/**
 * A record whose serving item would exceed DynamoDB's 400 KB item limit (item-size.ts) cannot be
 * stored: it is quarantined with the element that makes it big, instead of its batch write failing
 * the whole file.
 */
function checkItemSize(item: Item, projected: FhirJson, json: string): void {
  // Fast path for nearly every record: a UTF-16 unit of the JSON is at most 3 UTF-8 bytes, and the
  // 1-3 bytes DynamoDB adds per map, list, member or number are covered by the at least one JSON
  // character each takes, so 64 Ki characters stay under 4 x 64 KiB + the keys, far below the limit.
  if (json.length <= 64 * 1024) return;
  const bytes = itemBytes(item);
  if (bytes <= dynamoDbMaxItemBytes - itemSizeMargin) return;
  const largest = largestMember(projected);
  throw new ValidationError(
    `too large to store: ${Math.ceil(bytes / 1024)} KB de-identified, over DynamoDB's 400 KB item limit` +
      (largest ? ` (largest element ${largest})` : ''),
    largest,
  );
}

/** Validates, de-duplicates, de-identifies and stores records; quarantines the rest with their reason. */
class RecordSink {
  private pending: Item[] = [];
  private readonly duplicates = new DuplicateTracker();
  readonly projector: ResourceProjector;
  private readonly links: ReferenceLinks;
  private readonly units = new UnitSuspects<CheckedRecord>();
  /** Patients whose data this file stored since the last announcement. */
  private readonly touched = new Set<string>();
  /** Notes curated since the last announcement (NoteCurated events). */
  private notes: { patient: string; document: string; key: string; noteYear?: number }[] = [];
  /** Whether stored Patients claim their MRNs (a FHIR file's do; patient-identifiers.ts). */
  claimsIdentifiers = false;

  constructor(
    private readonly deps: IngestDeps,
    private readonly where: RawObjectKey,
    private readonly report: ReportBuilder,
    public outputs: OutputStreams,
    private readonly quarantineKey: string,
    private readonly updatedAt: string,
    private readonly identifiers: PatientIdentifiers,
  ) {
    this.projector = new ResourceProjector(deps.keys, where.hospital);
    this.links = new ReferenceLinks(deps.serving, where.hospital);
  }

  async take(record: SourceRecord): Promise<void> {
    let checked: CheckedRecord;
    try {
      if (record.error) throw record.error;
      const identified = withIdentity(record, this.where.hospital);
      const { resource, repairs } = validateAndNormalise(identified.resource, {
        now: this.updatedAt,
      });
      requirePatient(resource);
      checked = {
        record,
        resource,
        repairs: identified.repair ? [identified.repair, ...repairs] : repairs,
      };
    } catch (error) {
      await this.rejectOrRethrow(record, error);
      return;
    }
    if (record.notStored) {
      // Valid, and deliberately not stored (source-record.ts): counted and warned at its line.
      this.report.merge(record.notStored);
      this.report.warn(record.notStored, record.line);
      return;
    }
    // A reading whose unit cannot be judged yet is held back (unit-suspects.ts) and comes out here
    // later, stored or quarantined; `release` stores the rest at a checkpoint and at the end.
    const { suspects, ready } = this.units.offer(checked.resource, checked);
    for (const { item, error } of suspects) await this.reject(item.record, error);
    for (const item of ready) await this.store(item);
  }

  /** Stores the readings still held back for their unit check (before a checkpoint and at the end). */
  async release(): Promise<void> {
    for (const item of this.units.drain()) await this.store(item);
  }

  private async store({ record, resource, repairs }: CheckedRecord): Promise<void> {
    try {
      const verdict = this.duplicates.judge(resource);
      if (verdict === 'duplicate-merged' || verdict === 'duplicate-observation-merged') {
        this.report.merge(verdict);
        return;
      }
      const projected = await this.projector.project(resource);
      const item = genericServingItem(this.where.hospital, projected, {
        batch: this.where.batch,
        updatedAt: this.updatedAt,
      });
      const json = JSON.stringify(projected);
      checkItemSize(item, projected, json);
      await this.checkReferences(projected, record);
      const patient = patientOf(projected);
      if (patient) this.touched.add(patient);
      await this.curateNote(resource, projected, patient);
      if (this.claimsIdentifiers && projected.resourceType === 'Patient' && projected.id)
        await this.identifiers.claim(resource, projected.id, record.line);
      this.pending.push(item);
      await this.outputs.curated(projected.resourceType, json);
      const kinds = repairs.map((r) => r.kind);
      this.report.accept(
        projected.resourceType,
        verdict === 'conflict-later-wins' ? [...kinds, verdict] : kinds,
      );
      for (const kind of record.warnings ?? []) this.report.warn(kind, record.line);
      // Only now may a later record be judged a copy of this one.
      this.duplicates.accept();
    } catch (error) {
      await this.rejectOrRethrow(record, error);
      return;
    }
    if (this.pending.length >= writeBatchSize) await this.flush();
  }

  /**
   * Quarantines `record` for a fault of the record itself; rethrows a transient one (a throttled
   * read, an unavailable key ring or bucket) so the invocation fails and SQS retries the file from
   * its last checkpoint: a valid record is never quarantined for an outage. The retry rewrites the
   * same deterministic keys and the cut-short segment's objects whole, so nothing is stored twice.
   */
  private async rejectOrRethrow(record: SourceRecord, error: unknown): Promise<void> {
    // A setup fault (a hospital key missing) is no record's fault either: the file fails with it
    // once (its report says why) instead of every record being quarantined for it.
    if (shouldRetry(error) || error instanceof ConfigurationError) throw error;
    await this.reject(record, error);
  }

  /** Quarantines `record` with the reason, its path and its raw text. */
  private async reject(record: SourceRecord, error: unknown): Promise<void> {
    const entry = toQuarantineEntry(this.where.file, record.line, error);
    const path = pathWithin(record.path, entry.path);
    const withPath = path ? { ...entry, path } : entry;
    this.report.reject(withPath);
    await this.outputs.quarantine(
      this.quarantineKey,
      withPath,
      record.raw ?? (record.resource ? JSON.stringify(record.resource) : ''),
    );
  }

  private async checkReferences(projected: FhirJson, record: SourceRecord): Promise<void> {
    const patient = patientOf(projected);
    // Resources stored earlier in this file count at once (their writes may still be buffered).
    if (projected.id) this.links.stored(projected.resourceType, projected.id, patient);
    if (
      patient &&
      projected.resourceType !== 'Patient' &&
      !(await this.links.patientExists(patient))
    )
      this.report.warn('patient-not-yet-known', record.line);
    for (const path of await this.links.unresolved(projected, patient))
      this.report.warn(`reference-not-yet-known:${path.replace(/\[\d+\]/g, '[]')}`, record.line);
  }

  /** The sink for VCF genotype records: one VCF data line counts as one record read. */
  genotypes(): GenotypeSink {
    return {
      store: async (item, line) => {
        this.pending.push(item);
        if (line !== undefined) await this.outputs.curated('Genotype', line);
        if (this.pending.length >= writeBatchSize) await this.flush();
      },
      reject: (record) => this.take(record),
      counted: (n) => {
        for (let i = 0; i < n; i++) this.report.accept('Genotype');
      },
      warn: (kind, line) => this.report.warn(kind, line),
    };
  }

  /** De-identify and encrypt a note's text into its own curated object (note-curation.ts). */
  private async curateNote(
    resource: FhirJson,
    projected: FhirJson,
    patient: string | undefined,
  ): Promise<void> {
    const source = patientOf(resource);
    if (!patient || !source || !projected.id) return;
    const note = await curateNote(this.deps.keys, this.where.hospital, resource, {
      patientId: source,
      patientPseudonym: patient,
      documentId: projected.id,
    });
    if (!note) return;
    await this.deps.objects.put(
      'curated',
      note.key,
      Buffer.from(note.envelope).toString('base64'),
      'application/octet-stream',
    );
    // The year the note was written dates "MI in 2019" in its text. A year alone is not PHI under
    // Safe Harbor (45 CFR 164.514(b)(2)(i)(C)), and de-identification keeps bare years in the text.
    const noteYear = yearOfFhirDate(resource.date);
    this.notes.push({
      patient,
      document: projected.id,
      key: note.key,
      ...(noteYear === undefined ? {} : { noteYear }),
    });
  }

  /**
   * Publish one PatientDataUpdated per patient whose records are now stored (after a flush). The
   * event names the patient by pseudonym only; listeners read the stored state, so re-delivery and
   * reordering are harmless.
   */
  async announce(): Promise<void> {
    if (!this.deps.events) return;
    const updated = eventTypes.patientDataUpdated;
    const curated = eventTypes.noteCurated;
    const hospital = this.where.hospital;
    await this.deps.events.publish([
      ...[...this.touched].map((patientId) => ({
        ...updated,
        detail: { hospital, patientId, batch: this.where.batch },
      })),
      ...this.notes.map((n) => ({ ...curated, detail: { hospital, ...n } })),
    ]);
    this.touched.clear();
    this.notes = [];
  }

  /**
   * Writes the pending serving records and the MRN claims of the Patients among them, then warns at
   * each Patient whose MRN another Patient claims too, or under which records were stored apart.
   */
  async flush(): Promise<void> {
    const items = this.pending;
    this.pending = [];
    const claims = this.identifiers.takeClaims();
    await this.deps.serving.putMany(
      claims.length ? [...claims.map((c) => c.item), ...items] : items,
    );
    for (const { kind, line } of await this.identifiers.verify(claims))
      this.report.warn(kind, line);
  }
}

/**
 * Write the report of a file whose processing failed for good (e.g. a store rejected a write as
 * invalid): status rejected, with the reason. Records already written stay; the raw file is kept.
 */
export async function recordPermanentFailure(
  deps: IngestDeps,
  key: string,
  error: unknown,
): Promise<IngestReport> {
  const where = parseRawKey(key);
  const at = deps.clock.now().toISOString();
  const entry = toQuarantineEntry(where.file, 0, error);
  const report: IngestReport = {
    ...where,
    status: 'rejected',
    records: { accepted: 0, repaired: 0, rejected: 0 },
    byType: {},
    byReason: {},
    repairs: {},
    warnings: {},
    errors: [{ line: 0, reason: `processing failed and was not retried: ${entry.reason}` }],
    errorsOmitted: 0,
    startedAt: at,
    finishedAt: at,
  };
  await deps.objects.put(
    'curated',
    keyLayout.report(where.hospital, where.batch, where.file),
    JSON.stringify(report, null, 2),
    'application/json',
  );
  return report;
}

/**
 * Where an error is: the error's own path within the record's place (a Bundle entry's
 * `entry[1].resource` and a validation error's `gender` make `entry[1].resource.gender`). A path that
 * already starts with the record's (the Bundle reader's own errors, a CSV column) is kept as it is.
 */
export function pathWithin(
  outer: string | undefined,
  inner: string | undefined,
): string | undefined {
  if (!outer) return inner || undefined;
  if (!inner || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`))
    return inner || outer;
  return `${outer}.${inner}`;
}

function baseName(file: string): string {
  return file.includes('/') ? file.slice(file.lastIndexOf('/') + 1) : file;
}

/**
 * A note's whole text (notes are small; 10 MiB is far beyond any clinical note), and its first line
 * that is not valid UTF-8, if any.
 */
async function noteText(
  lines: AsyncIterable<NumberedLine>,
): Promise<{ text: string; invalidUtf8Line?: number }> {
  const parts: string[] = [];
  let size = 0;
  let invalidUtf8Line: number | undefined;
  for await (const { line, text, invalidUtf8 } of lines) {
    size += text.length + 1;
    if (size > 10 * 1024 * 1024) throw new ValidationError('a plain-text note larger than 10 MiB');
    if (invalidUtf8) invalidUtf8Line ??= line;
    parts.push(text);
  }
  const text = parts.join('\n');
  return invalidUtf8Line === undefined ? { text } : { text, invalidUtf8Line };
}
