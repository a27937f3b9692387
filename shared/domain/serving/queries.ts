// Use cases: read serving records for one hospital. The hospital always comes from the caller's
// verified identity, never from the request, so one hospital never sees another's data.
import type { Item, Table } from '../../ports/table';
import { NotFoundError, ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { isFhirId } from '../preprocess/primitives';
import { servingKeys } from './records';

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  next?: string;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export const maxPageSize = 200;

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
    throw new ValidationError(`limit must be an integer from 1 to ${maxPageSize}`, 'limit');
  }
  return limit;
}

function checkId(id: string): string {
  if (!isFhirId(id)) throw new ValidationError('patient id is not a valid id', 'id');
  return id;
}

export async function listPatients(
  serving: Table,
  hospital: string,
  page: PageRequest,
): Promise<Page<FhirJson>> {
  const out = await listPatientItems(serving, hospital, page);
  return { ...out, items: out.items.map((i) => i.resource as FhirJson) };
}

/** One page of a hospital's Patient serving items (the stored items, not only their resources). */
export async function listPatientItems(
  serving: Table,
  hospital: string,
  page: PageRequest,
): Promise<Page<Item>> {
  const out = await serving.query({
    index: 'byHospital',
    partition: servingKeys.hospitalPatients(hospital),
    limit: pageLimit(page.limit),
    cursor: page.cursor,
  });
  return { items: out.items, ...(out.cursor ? { next: out.cursor } : {}) };
}

export async function getPatient(
  serving: Table,
  hospital: string,
  patientId: string,
): Promise<FhirJson> {
  const key = servingKeys.patient(hospital, checkId(patientId));
  const item = await serving.get(key.pk, key.sk);
  if (!item) throw new NotFoundError('no such patient in your hospital');
  return item.resource as FhirJson;
}

/** A patient's observations in time order (oldest first unless `descending`). */
export async function listObservations(
  serving: Table,
  hospital: string,
  patientId: string,
  page: PageRequest & { descending?: boolean },
): Promise<Page<FhirJson>> {
  const out = await serving.query({
    index: 'byPatientTime',
    partition: servingKeys.patientTimeline(hospital, checkId(patientId), 'Observation'),
    limit: pageLimit(page.limit),
    cursor: page.cursor,
    descending: page.descending,
  });
  return {
    items: out.items.map((i) => i.resource as FhirJson),
    ...(out.cursor ? { next: out.cursor } : {}),
  };
}

/**
 * Every serving record in a patient's compartment (the Patient and each resource that refers to
 * it), read page by page; `maxResources` bounds the read (default 20,000) and is an error when hit.
 */
export async function patientRecord(
  serving: Table,
  hospital: string,
  patientId: string,
  maxResources = 20_000,
): Promise<FhirJson[]> {
  const out: FhirJson[] = [];
  let cursor: string | undefined;
  do {
    const page = await serving.query({
      partition: servingKeys.patient(hospital, checkId(patientId)).pk,
      limit: 500,
      cursor,
    });
    for (const item of page.items) if (item.resource) out.push(item.resource as FhirJson);
    if (out.length > maxResources)
      throw new ValidationError(`patient record exceeds ${maxResources} resources`, 'patient');
    cursor = page.cursor;
  } while (cursor);
  if (!out.some((r) => r.resourceType === 'Patient'))
    throw new NotFoundError('no such patient in your hospital');
  return out;
}
