// Domain (recommend): the de-identified case index in the serving table — one "case" item per
// patient (standardised vector, treatments received, outcome flags; no ids, no dates, no free text),
// written by the feature build and read by similar-patients-store.ts. Keys are per hospital and
// feature-spec version, spread over a fixed number of shards, so a hospital's cases are a few
// Queries (never a Scan) and one hospital's partitions never hold another's cases.
import { createHash } from 'node:crypto';
import type { Item } from '../../ports/table';
import { ValidationError } from '../errors';
import { featureSpecVersion } from '../features/spec';
import type { FittedTransform } from '../features/transform';
import type { CaseFacts } from './case-outcome';
import { stableId } from './identity';
import type { DeidentifiedCase } from './similar-patients';

/** Partitions per hospital: spreads the write burst of a rebuild and lets reads run in parallel. */
export const caseShards = 8;
/** Sort-key prefix of case items (the transform item sorts apart). */
export const casePrefix = 'CASE#';
/** Ages above 89 enter a case as 90: HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(C). */
export const caseAgeCapYears = 90;

export const caseKeys = {
  shard: (hospital: string, shard: number) =>
    `CASES#${hospital}#${featureSpecVersion}#${String(shard)}`,
  transform: (hospital: string) => ({
    pk: `CASES#${hospital}#${featureSpecVersion}`,
    sk: 'TRANSFORM',
  }),
};

/**
 * The one-way digest naming a patient's case: SHA-256 of the hospital and the (already
 * pseudonymous) patient id, 96 bits in hex. It lets a rebuild overwrite the same item and a query
 * leave its own patient out; it is never returned and cannot be turned back into the id.
 */
export function caseDigest(hospital: string, patientId: string): string {
  return createHash('sha256').update(`${hospital}|Patient/${patientId}`).digest('hex').slice(0, 24);
}

/** The serving-table key of a patient's case. */
export function caseKey(hospital: string, patientId: string): { pk: string; sk: string } {
  const digest = caseDigest(hospital, patientId);
  return {
    pk: caseKeys.shard(hospital, parseInt(digest.slice(0, 8), 16) % caseShards),
    sk: `${casePrefix}${digest}`,
  };
}

/** Stamp of a fitted transform: cases carry it, so vectors are only compared under the same fit. */
export const fitStamp = (transform: FittedTransform) => stableId('fit', transform);

/**
 * The case item of one patient: `values` is the patient's standardised vector under `transform`,
 * rounded to 4 decimals (standard-deviation units; ample for distances), with age capped at 90
 * years (Safe Harbor) in the same units.
 */
export function caseItem(
  hospital: string,
  patientId: string,
  values: readonly number[],
  facts: CaseFacts,
  transform: FittedTransform,
): Item {
  if (values.length !== transform.names.length)
    throw new ValidationError('case vector does not match the fitted transform', 'vector');
  const age = transform.names.indexOf('age_years');
  const scale = transform.numeric.age_years;
  const vector = values.map((v, i) => {
    const capped = i === age && scale ? Math.min(v, (caseAgeCapYears - scale.mean) / scale.sd) : v;
    return Math.round(capped * 10_000) / 10_000;
  });
  return {
    ...caseKey(hospital, patientId),
    vector,
    treatments: [...facts.treatments],
    eventAfter: [...facts.eventAfter],
    fit: fitStamp(transform),
  };
}

/** The item holding the transform the hospital's cases were standardised with (written last). */
export function caseTransformItem(hospital: string, transform: FittedTransform): Item {
  return { ...caseKeys.transform(hospital), transform, fit: fitStamp(transform) };
}

/** A stored case as the similar-patients port uses it, with the digest naming it. */
export interface IndexedCase {
  digest: string;
  fit: string;
  case: DeidentifiedCase;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];

/** Read a case item; undefined for an item that is not a well-formed case. */
export function indexedCase(item: Item): IndexedCase | undefined {
  const sk = String(item.sk ?? '');
  const vector = item.vector;
  if (!sk.startsWith(casePrefix) || !Array.isArray(vector)) return undefined;
  if (!vector.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const treatments = strings(item.treatments);
  const eventAfter = strings(item.eventAfter);
  return {
    digest: sk.slice(casePrefix.length),
    fit: String(item.fit ?? ''),
    case: { vector: vector as number[], treatments, outcome: eventAfter.length > 0, eventAfter },
  };
}
