// Use case (features): the labelled training table a model is retrained on. A hospital's raw features
// (raw.csv of its latest feature set, `buildFeatureSet`) are joined by `patient` with the hospital's
// own labels (a CSV of pseudonymous patient ids and a 0/1 outcome) and written to the curated bucket
// at the key the scheduled SageMaker training job reads (CDK context `trainingDataKey`, by default
// features/training/cvd-risk.csv; the label column its `trainingLabel`). The labels are the
// hospital's: which outcome, over which window, is a clinical decision this does not make.
//
// Nothing is dropped silently. A label row that cannot be used (no patient, a value other than 0 or
// 1, a patient already labelled, a patient the feature set does not have) is kept out of the table
// and written, with its line and the reason, to `<key>.rejected.csv` beside it; patients with
// features and no label are counted. raw.csv is read twice (which labels match, then the table), so
// memory holds only the labels; nothing is written to `key` unless some row matches, and a failure
// part-way aborts the upload, so a table already there is never replaced by a partial one. Once the
// table is written, `<key>.spec.json` beside it names the feature spec it was built under and the
// SHA-256 of its bytes (table-spec.ts), which the training job records in the model.
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import type { ObjectStore } from '../../ports/object-store';
import { NotFoundError, ValidationError } from '../errors';
import { csvRowsFromChunks } from '../ingest/readers/csv-parse';
import { csvCell, describeFeatureSet, featureFiles, featureSetKey } from './build';
import { featureSpecVersion } from './spec';
import { tableSpecKeyOf, type TableSpec } from './table-spec';
import { awaitedLater, writeOrWait } from './stream-write';

/** A training table's label column: a column name every reader of the CSV takes as one. */
export const trainingLabelPattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface TrainingTableRequest {
  hospital: string;
  /** The labels: a CSV with a `patient` column and the `label` column. */
  labels: AsyncIterable<Uint8Array | string>;
  /** Name of the labels file, for messages. */
  labelsName: string;
  /** The label column, in the labels file and in the table (the training job's `label`). */
  label: string;
  /** Curated-bucket key of the table; under features/ (the training job reads there). */
  key: string;
  /** Join a named feature set's raw.csv (`FeatureSetOptions.set`) instead of the current one's. */
  set?: string;
}

export interface RejectedLabel {
  line: number;
  reason: string;
}

export interface TrainingTableReport {
  hospital: string;
  specVersion: string;
  key: string;
  label: string;
  /** Rows written: patients with features and a usable label. */
  rows: number;
  positives: number;
  /** Patients in the feature set with no label (not in the table). */
  unlabelled: number;
  rejected: RejectedLabel[];
  /** Where the rejected label rows are listed (a header alone when there are none). */
  rejectedKey: string;
  /** The document naming the table's feature spec and digest (`<key>.spec.json`). */
  specKey: string;
}

const keyPattern = /^features\/[A-Za-z0-9!_.*'()/-]+\.csv$/;

/** The rejected-rows file beside a table: features/training/x.csv -> features/training/x.rejected.csv. */
export const rejectedKeyOf = (key: string) => key.replace(/\.csv$/, '.rejected.csv');

/** Read the labels: patient -> 0/1, and the rows that cannot be used, by line. Values never appear in messages. */
async function readLabels(
  request: TrainingTableRequest,
): Promise<{ labels: Map<string, { value: 0 | 1; line: number }>; rejected: RejectedLabel[] }> {
  const { labelsName: file, label } = request;
  const labels = new Map<string, { value: 0 | 1; line: number }>();
  const rejected: RejectedLabel[] = [];
  let columns: { patient: number; label: number } | undefined;
  for await (const row of csvRowsFromChunks(request.labels)) {
    if (row.cells.length === 1 && row.cells[0]!.trim() === '' && !row.error) continue;
    if (!columns) {
      if (row.error) throw new ValidationError(`${file}: line ${row.line}: ${row.error}`, file);
      const header = row.cells.map((c) => c.trim());
      const patient = header.indexOf('patient');
      const at = header.indexOf(label);
      if (patient < 0)
        throw new ValidationError(`${file}: line ${row.line}: no "patient" column`, 'patient');
      if (at < 0)
        throw new ValidationError(
          `${file}: line ${row.line}: no "${label}" column (--label)`,
          label,
        );
      columns = { patient, label: at };
      continue;
    }
    const reject = (reason: string) => rejected.push({ line: row.line, reason });
    if (row.error) {
      reject(row.error);
      continue;
    }
    const patient = row.cells[columns.patient]?.trim() ?? '';
    const value = row.cells[columns.label]?.trim();
    if (!patient) reject('no patient id');
    else if (value !== '0' && value !== '1') reject(`"${label}" is not 0 or 1`);
    else if (labels.has(patient))
      reject(`patient already labelled on line ${labels.get(patient)!.line}`);
    else labels.set(patient, { value: value === '1' ? 1 : 0, line: row.line });
  }
  if (!columns) throw new ValidationError(`${file}: the file is empty (no header row)`, file);
  return { labels, rejected };
}

/**
 * Join the hospital's raw features with its labels and write the training table (and the rejected
 * label rows) to the curated bucket. Throws ValidationError for a bad key, a labels file without the
 * columns, a label that is also a feature, or no usable row; NotFoundError when the hospital has no
 * feature set yet.
 */
export async function buildTrainingTable(
  deps: { objects: ObjectStore },
  request: TrainingTableRequest,
): Promise<TrainingTableReport> {
  const { hospital, key, label } = request;
  if (!keyPattern.test(key))
    throw new ValidationError(
      `--key must be a .csv key under features/ without spaces (the training job reads there): ${key}`,
      'key',
    );
  const rawKey = featureSetKey(hospital, featureFiles.rawTable, request.set);
  if (!(await deps.objects.head('curated', rawKey)))
    throw new NotFoundError(
      `${describeFeatureSet(hospital, request.set)} of spec ${featureSpecVersion} does not exist: build it first (caregraph features --build)`,
    );
  const { labels, rejected } = await readLabels(request);

  // Pass 1: which labelled patients the feature set has; nothing is written unless some row will be.
  let header: string[] | undefined;
  const seen = new Set<string>();
  let unlabelled = 0;
  for await (const cells of rawRows(deps.objects, rawKey)) {
    if (!header) {
      header = cells;
      if (header.includes(label))
        throw new ValidationError(
          `"${label}" is a feature's name: choose another label column`,
          label,
        );
      continue;
    }
    if (labels.has(cells[0]!)) seen.add(cells[0]!);
    else unlabelled++;
  }
  for (const [patient, { line }] of labels)
    if (!seen.has(patient))
      rejected.push({ line, reason: `patient not in the feature set of hospital ${hospital}` });
  rejected.sort((a, b) => a.line - b.line);
  // Written on every run, so a list from an earlier run never stands for this one.
  const rejectedKey = rejectedKeyOf(key);
  await deps.objects.put(
    'curated',
    rejectedKey,
    ['line,reason', ...rejected.map((r) => `${r.line},${csvCell(r.reason)}`)].join('\n') + '\n',
    'text/csv',
  );
  if (seen.size === 0)
    throw new ValidationError(
      `${request.labelsName}: no label matched a patient of hospital ${hospital}'s feature set (${rejected.length} rejected, listed in ${rejectedKey}); nothing was written to ${key}`,
      request.labelsName,
    );

  // Pass 2: the table. A failure mid-way aborts the upload, so an earlier table at `key` stays whole.
  const table = new PassThrough();
  const upload = awaitedLater(deps.objects.putStream('curated', key, table, 'text/csv'));
  let rows = 0;
  let positives = 0;
  // The digest of exactly the bytes uploaded, for the spec document.
  const digest = createHash('sha256');
  let bytes = 0;
  const line = (text: string) => {
    digest.update(text, 'utf8');
    bytes += Buffer.byteLength(text, 'utf8');
    return text;
  };
  try {
    let first = true;
    for await (const cells of rawRows(deps.objects, rawKey)) {
      if (first) {
        first = false;
        table.write(line([...cells.map(csvCell), label].join(',') + '\n'));
        continue;
      }
      const labelled = labels.get(cells[0]!);
      if (!labelled) continue;
      await writeOrWait(
        table,
        line([...cells.map(csvCell), String(labelled.value)].join(',') + '\n'),
        upload,
      );
      rows++;
      positives += labelled.value;
    }
    table.end();
  } catch (error) {
    // The upload sees the error and aborts; this listener keeps it from also being thrown here.
    table.on('error', () => undefined);
    table.destroy(error as Error);
    await upload.catch(() => undefined);
    throw error;
  }
  await upload;
  // After the table: a document from an earlier table that is left (this write failing) names
  // another digest, and so describes nothing the training job reads.
  const specKey = tableSpecKeyOf(key);
  const spec: TableSpec = {
    featureSpec: featureSpecVersion,
    sha256: digest.digest('hex'),
    bytes,
    rows,
    label,
  };
  await deps.objects.put('curated', specKey, JSON.stringify(spec) + '\n', 'application/json');
  return {
    hospital,
    specVersion: featureSpecVersion,
    key,
    label,
    rows,
    positives,
    unlabelled,
    rejected,
    rejectedKey,
    specKey,
  };
}

/** The rows of a hospital's raw.csv as cells; the header first (its first column `patient`). */
async function* rawRows(objects: ObjectStore, rawKey: string): AsyncGenerator<string[]> {
  let line = 0;
  for await (const row of csvRowsFromChunks(
    (await objects.getStream('curated', rawKey)) as Readable,
  )) {
    if (row.cells.length === 1 && row.cells[0] === '') continue;
    if (row.error) throw new Error(`${rawKey}: line ${row.line}: ${row.error}`);
    if (line++ === 0 && row.cells[0] !== 'patient')
      throw new Error(`${rawKey}: line 1: the first column is not "patient"`);
    yield row.cells;
  }
}
