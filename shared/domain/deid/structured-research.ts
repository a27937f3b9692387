// Use cases (deid): what a data scientist reads. Research copies (structured.ts `researchCopy`) of one
// hospital's serving records, made on read: the hospital comes from the caller's verified identity, so
// another hospital's records are never found. Each Patient serving item carries its research surrogate
// key, written at ingest (where the hospital's key lives); the API needs no key of its own.
import type { Item, Table } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import { NotFoundError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { listPatientItems, patientRecord, type Page, type PageRequest } from '../serving/queries';
import { servingKeys } from '../serving/records';
import { researchCopy, researchSurrogateKey } from './structured';

/** The Patient serving-item attribute holding the patient's research surrogate key (never served). */
export const researchKeyAttribute = 'researchSurrogateKey';

/**
 * `item` with the patient's research surrogate key when it is a Patient serving item (see
 * records.ts `genericServingItem`); any other item unchanged. Deterministic, so re-ingest rewrites
 * the same value.
 */
export async function withResearchKey(item: Item, keys: KeyRing): Promise<Item> {
  const resource = item.resource as FhirJson | undefined;
  if (
    resource?.resourceType !== 'Patient' ||
    typeof resource.id !== 'string' ||
    typeof item.hospital !== 'string' ||
    item.sk !== servingKeys.patient(item.hospital, resource.id).sk
  )
    return item;
  const key = await researchSurrogateKey(keys, item.hospital, resource.id);
  return { ...item, [researchKeyAttribute]: key };
}

export interface ResearchPage extends Page<FhirJson> {
  /** Patients on this page without a research key (ingested before research copies existed). */
  withheld?: number;
}

/**
 * One page of research copies of the hospital's patients. `asOf` (YYYY-MM-DD) is the date ages
 * (and "90+") are computed at. A patient without a research key is withheld, never served unshifted.
 */
export async function listResearchPatients(
  serving: Table,
  hospital: string,
  page: PageRequest,
  asOf: string,
): Promise<ResearchPage> {
  const out = await listPatientItems(serving, hospital, page);
  const items: FhirJson[] = [];
  let withheld = 0;
  for (const item of out.items) {
    const surrogateKey = item[researchKeyAttribute];
    if (typeof surrogateKey !== 'string' || !item.resource) withheld++;
    else items.push(await researchCopy(item.resource as FhirJson, { surrogateKey, asOf }));
  }
  return { items, ...(out.next ? { next: out.next } : {}), ...(withheld ? { withheld } : {}) };
}

/**
 * Research copies of every record in one patient's compartment (`patient` is the pseudonym the
 * research list gives). NotFoundError for a patient of another hospital, an unknown one, or one
 * without a research key.
 */
export async function researchPatientRecord(
  serving: Table,
  hospital: string,
  patient: string,
  asOf: string,
): Promise<FhirJson[]> {
  const resources = await patientRecord(serving, hospital, patient);
  const key = servingKeys.patient(hospital, patient);
  const surrogateKey = (await serving.get(key.pk, key.sk))?.[researchKeyAttribute];
  if (typeof surrogateKey !== 'string')
    throw new NotFoundError('no research copy of this patient (ingested before research copies)');
  return Promise.all(resources.map((r) => researchCopy(r, { surrogateKey, asOf })));
}
