// Use cases (features): build a hospital's feature set (training-ready files in the curated bucket,
// each patient's latest vector in the serving table, and the hospital's de-identified case index
// for similar-patient evidence, recommend/case-index.ts), and read one patient's vector with the
// provenance of every value. Memory stays bounded: raw vectors stream to S3 in pass one, while a
// fixed-size seeded reservoir of them fits the transform; pass two streams them back to transform.
import { PassThrough, type Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { Table, Item } from '../../ports/table';
import type { ObjectStore } from '../../ports/object-store';
import { identifierPattern, keyLayout } from '../../config/resources';
import { NotFoundError, ValidationError } from '../errors';
import { listPatients, patientRecord } from '../serving/queries';
import { servingKeys } from '../serving/records';
import { extractRawFeatures, type RawFeatureVector } from './extract';
import {
  applyTransform,
  fitTransform,
  type FittedTransform,
  type TransformedVector,
} from './transform';
import { featureSpecVersion } from './spec';
import { caseFacts, type CaseFacts } from '../recommend/case-outcome';
import { caseItem, caseTransformItem } from '../recommend/case-index';
import { awaitedLater, writeOrWait } from './stream-write';

export interface FeatureDeps {
  serving: Table;
  objects: ObjectStore;
}

/** At most this many patients fit the transform (a uniform reservoir sample beyond it). */
export const fitSampleSize = 10_000;
export const featureFiles = {
  raw: 'raw-vectors.ndjson',
  matrix: 'matrix.csv',
  /** The raw features by name, one row per patient: what a model served by the API is trained on. */
  rawTable: 'raw.csv',
  transform: 'transform.json',
} as const;

export interface FeatureSetSummary {
  hospital: string;
  /** A named set's name (`FeatureSetOptions.set`); absent for the current set. */
  set?: string;
  specVersion: string;
  at: string;
  patients: number;
  features: number;
  files: string[];
}

/**
 * The curated-bucket key of a feature set's file. The hospital's current set (no `set`) is the one
 * the serving table mirrors (each patient's latest vector, the case index); a named set lives under
 * `sets/<name>/` in the curated bucket only: e.g. the retrospective set a derived training table is
 * built from, described at an index date in the past, which must not replace what the API serves.
 */
export function featureSetKey(hospital: string, file: string, set?: string): string {
  if (set !== undefined && !identifierPattern.test(set))
    throw new ValidationError(
      `feature set name must be lower-case letters, digits and hyphens (at most 63): ${JSON.stringify(set)}`,
      'set',
    );
  return keyLayout.features(hospital, featureSpecVersion, set ? `sets/${set}/${file}` : file);
}

/** "hospital H" or "hospital H's set S", for messages. */
export const describeFeatureSet = (hospital: string, set?: string) =>
  set ? `hospital ${hospital}'s feature set "${set}"` : `hospital ${hospital}'s feature set`;

export interface FeatureSetOptions {
  /**
   * Build a named set (`featureSetKey`) instead of the current one: the files only, with nothing
   * written to the serving table (neither the patients' latest vectors nor the case index).
   */
  set?: string;
  /**
   * Read the records at `at` as a retrospective index date (extract.ts `ExtractOptions`): undated
   * Conditions and active medicines are left out, since they may have been recorded after it. By
   * default a named set is retrospective (the set a derived training table is built from, described
   * at an index date in the past) and the current set, which the API serves, is not.
   */
  retrospective?: boolean;
}

/** The serving-table key of a patient's latest feature vector. */
export const featureKey = (hospital: string, patientId: string) => ({
  pk: servingKeys.patient(hospital, patientId).pk,
  sk: `FEATURES#${featureSpecVersion}`,
});

/**
 * Build every patient's features for `hospital` at instant `at`; re-running replaces the set. The
 * current set (no `options.set`) also refreshes the serving table's vectors and case index.
 */
export async function buildFeatureSet(
  deps: FeatureDeps,
  hospital: string,
  at: Date,
  onProgress: (done: number) => void = () => {},
  options: FeatureSetOptions = {},
): Promise<FeatureSetSummary> {
  const key = (file: string) => featureSetKey(hospital, file, options.set);
  key(featureFiles.raw); // a bad set name fails before any work
  const retrospective = options.retrospective ?? options.set !== undefined;
  const sample: RawFeatureVector[] = [];
  let seen = 0;
  let state = 0x9e3779b9; // seeded: the same data always fits the same transform
  const random = () =>
    (state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;

  const rawOut = new PassThrough();
  const rawUpload = awaitedLater(
    deps.objects.putStream('curated', key(featureFiles.raw), rawOut, 'application/x-ndjson'),
  );
  let cursor: string | undefined;
  do {
    const page = await listPatients(deps.serving, hospital, { limit: 200, cursor });
    for (const patient of page.items) {
      const record = await patientRecord(deps.serving, hospital, String(patient.id));
      const vector = extractRawFeatures(record, at, { retrospective });
      // The case facts ride along in the raw line, so pass two writes the case with its vector.
      const line: RawLine = { ...vector, case: caseFacts(record, at) };
      await writeOrWait(rawOut, JSON.stringify(line) + '\n', rawUpload);
      seen += 1;
      // The sample keeps values only: provenance is not needed to fit, and would cost memory.
      const values = valuesOnly(vector);
      if (sample.length < fitSampleSize) sample.push(values);
      else {
        const slot = Math.floor(random() * seen);
        if (slot < fitSampleSize) sample[slot] = values;
      }
      if (seen % 100 === 0) onProgress(seen);
    }
    cursor = page.next;
  } while (cursor);
  rawOut.end();
  await rawUpload;
  if (!seen) throw new NotFoundError(`hospital ${hospital} has no patients to build features for`);

  const transform = fitTransform(sample);
  await deps.objects.put(
    'curated',
    key(featureFiles.transform),
    JSON.stringify(transform),
    'application/json',
  );
  await writeMatrix(deps, hospital, transform, key, options.set === undefined);
  onProgress(seen);
  return {
    hospital,
    ...(options.set ? { set: options.set } : {}),
    specVersion: featureSpecVersion,
    at: at.toISOString(),
    patients: seen,
    features: transform.names.length,
    files: Object.values(featureFiles).map(key),
  };
}

/** A line of raw-vectors.ndjson: the raw vector and the patient's de-identified case facts. */
type RawLine = RawFeatureVector & { case?: CaseFacts };

function valuesOnly(vector: RawFeatureVector): RawFeatureVector {
  const features: RawFeatureVector['features'] = {};
  for (const [name, f] of Object.entries(vector.features))
    features[name] = { value: f.value, provenance: { sources: [], count: 0 } };
  return { ...vector, features };
}

async function writeMatrix(
  deps: FeatureDeps,
  hospital: string,
  transform: FittedTransform,
  key: (file: string) => string,
  serve: boolean,
): Promise<void> {
  const matrix = new PassThrough();
  const upload = awaitedLater(
    deps.objects.putStream('curated', key(featureFiles.matrix), matrix, 'text/csv'),
  );
  matrix.write(['patient', ...transform.names].join(',') + '\n');
  // The raw features in the feature spec's names and canonical units, missing as an empty cell:
  // join labels to it by `patient` and `caregraph train tabular` gives a model the prediction
  // route can serve (it sends these names; docs/predictions.md).
  const rawTable = new PassThrough();
  const rawUpload = awaitedLater(
    deps.objects.putStream('curated', key(featureFiles.rawTable), rawTable, 'text/csv'),
  );
  let rawNames: string[] | undefined;
  let items: Item[] = [];
  const lines = createInterface({
    input: (await deps.objects.getStream('curated', key(featureFiles.raw))) as Readable,
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line) continue;
    const { case: facts, ...raw } = JSON.parse(line) as RawLine;
    const vector = applyTransform(transform, raw);
    if (!rawNames) {
      rawNames = Object.keys(raw.features);
      rawTable.write(['patient', ...rawNames].map(csvCell).join(',') + '\n');
    }
    const rawRow = [raw.patient, ...rawNames.map((n) => raw.features[n]?.value ?? null)];
    await writeOrWait(rawTable, rawRow.map(csvCell).join(',') + '\n', rawUpload);
    await writeOrWait(
      matrix,
      [raw.patient, ...vector.values.map((v) => +v.toFixed(6))].join(',') + '\n',
      upload,
    );
    if (!serve) continue;
    items.push({
      ...featureKey(hospital, raw.patient),
      hospital,
      specVersion: raw.specVersion,
      at: raw.at,
      raw: raw.features,
      vector: vector.values,
      imputed: vector.imputed,
    });
    if (facts) items.push(caseItem(hospital, raw.patient, vector.values, facts, transform));
    if (items.length >= 100) {
      await deps.serving.putMany(items);
      items = [];
    }
  }
  if (items.length) await deps.serving.putMany(items);
  // Written after every case: readers compare only cases stamped with this transform's fit.
  if (serve) await deps.serving.put(caseTransformItem(hospital, transform));
  matrix.end();
  rawTable.end();
  await Promise.all([upload, rawUpload]);
}

/** A CSV cell (RFC 4180): null as empty, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface PatientFeatures {
  patient: string;
  specVersion: string;
  at: string;
  /** Where the vector came from: the stored latest vector, or computed now from the record. */
  origin: 'stored' | 'computed';
  /** Each raw feature with its value, unit and provenance. */
  features: RawFeatureVector['features'];
  /** The model-ready vector, when the hospital's transform has been fitted. */
  vector?: { names: string[]; values: number[]; imputed: string[] };
}

/**
 * One patient's features: the latest stored vector, or (with `recompute`, with an explicit `when.at`,
 * or when none is stored) computed from the record at `when.at` (default `when.now`) and transformed
 * with the hospital's fitted transform if any. The stored vector is of its own date, so it never
 * answers a request for a given `at`.
 */
export async function patientFeatures(
  deps: FeatureDeps,
  hospital: string,
  patientId: string,
  when: { at?: Date; now: Date },
  recompute = false,
): Promise<PatientFeatures> {
  const key = featureKey(hospital, patientId);
  const at = when.at ?? when.now;
  const useStored = !recompute && when.at === undefined;
  const stored = useStored ? await deps.serving.get(key.pk, key.sk) : undefined;
  const text = await deps.objects.getText(
    'curated',
    keyLayout.features(hospital, featureSpecVersion, featureFiles.transform),
  );
  const transform = text ? (JSON.parse(text) as FittedTransform) : undefined;
  if (stored) {
    return {
      patient: patientId,
      specVersion: String(stored.specVersion),
      at: String(stored.at),
      origin: 'stored',
      features: stored.raw as RawFeatureVector['features'],
      ...(transform
        ? {
            vector: {
              names: transform.names,
              values: stored.vector as number[],
              imputed: stored.imputed as string[],
            },
          }
        : {}),
    };
  }
  const raw = extractRawFeatures(await patientRecord(deps.serving, hospital, patientId), at);
  const vector: TransformedVector | undefined = transform
    ? applyTransform(transform, raw)
    : undefined;
  return {
    patient: patientId,
    specVersion: raw.specVersion,
    at: raw.at,
    origin: 'computed',
    features: raw.features,
    ...(vector ? { vector } : {}),
  };
}
