// Domain (deid): the research copy of a curated FHIR resource under HIPAA Safe Harbor (45 CFR
// 164.514(b)(2)). Ids, references and identifiers become per-hospital pseudonyms (`pseudonymousId`);
// names, telecom, photos and contacts are removed, decided by FHIR data type wherever the element is
// (phi-elements.ts: every Identifier, HumanName, Address, ContactPoint, identifying string such as
// Coverage.subscriberId or Device.serialNumber); a Patient keeps the birth year (none when 90 or
// older, flagged "90+"), the state and the 3-digit ZIP ("000" for restricted ZIP3s); every other full
// or YYYY-MM date moves by the patient's offset (-365..-1 days, so intervals survive); an age of 90 or
// more (an Age, an age range, a LOINC age Observation) becomes "90+" (structured-ages.ts); time zone
// extensions go; free text (every R4 string or markdown element: phi-elements.ts isFreeText) is
// de-identified with the patient's surrogates, and narratives and References' displays are dropped.
// The re-identification entries (pseudonym -> original identifier) go back to the caller for a
// separate, restricted table.
// `researchCopy` does the same for a serving record, whose ids are pseudonyms already
// (serving/resource-projection.ts): it needs no key, only the patient's research surrogate key.
import type { KeyRing } from '../../ports/key-ring';
import type { FhirJson } from '../ingest/source-record';
import { pseudonymousId } from '../serving/resource-projection';
import { ValidationError } from '../errors';
import { deidentifyElementText } from './element-text';
import {
  ageElementKeys,
  ageRangeElementKeys,
  childPath,
  isCoding,
  isFreeText,
  personTypes,
  phiElementKind,
} from './phi-elements';
import { SurrogateMaker } from './surrogates';
import {
  ageOver89Extension,
  aggregateAge,
  aggregateAgeObservation,
  aggregateAgeRange,
} from './structured-ages';
import { zip3 } from './structured-zip3';

export { restrictedZip3, zip3 } from './structured-zip3';
export { ageOver89Extension } from './structured-ages';
export const pseudonymSystem = 'urn:caregraph:pseudonym';

export interface StructuredDeidDeps {
  keys: KeyRing;
  hospital: string;
}

export interface ReidentificationEntry {
  pseudonym: string;
  /** What the pseudonym stands for: `Type/id` or an identifier `system|value`. */
  kind: 'resource' | 'identifier';
  original: string;
}

export interface StructuredDeidResult {
  resource: FhirJson;
  reidentification: ReidentificationEntry[];
}

const removed = new Set(['telecom', 'photo', 'contact', 'contained']);
const referencePattern = /^(?:.*\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;
const pseudonymousReference = /^[A-Z][A-Za-z]+\/[0-9a-f]{32}$/;
/**
 * A value that is wholly a FHIR date of day precision, dateTime or instant (YYYY-MM-DD, then perhaps a
 * time and a zone): shifted as a date. A string that only begins with one ("2024-03-05 called ...")
 * is text, de-identified as text when its element is free text.
 */
const fullDate =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
/**
 * Extensions that name the patient's time zone or its UTC offset (FHIR core `timezone`, `tz-code`,
 * `tz-offset`). An IANA zone can cover less than a state (America/Kentucky/Monticello, one county), and
 * a zone's or an offset's part of a state split between two zones (Kentucky, Indiana, the Dakotas...)
 * is a subdivision smaller than a state beside the state the copy keeps, so the copy drops them all
 * (Safe Harbor (B)); the serving record keeps the zone, which reminders need.
 */
export const timeZoneExtensions: ReadonlySet<string> = new Set([
  'http://hl7.org/fhir/StructureDefinition/timezone',
  'http://hl7.org/fhir/StructureDefinition/tz-code',
  'http://hl7.org/fhir/StructureDefinition/tz-offset',
]);

/** Whole years between `birthDate` and `asOf` (both YYYY-MM-DD or a prefix). */
function ageOn(birthDate: string, asOf: string): number {
  const [by, bm = 1, bd = 1] = birthDate.split('-').map(Number);
  const [ay, am, ad] = asOf.split('-').map(Number);
  return ay! - by! - (am! < bm || (am === bm && ad! < bd) ? 1 : 0);
}

/** How ids are handled: pseudonymised from originals, or kept because they are pseudonyms already. */
interface Pseudonymiser {
  resource(type: string, id: string): Promise<string>;
  identifier(id: { system?: string; value?: string }): Promise<FhirJson | undefined>;
}

/** Originals: every id, reference and identifier becomes a pseudonym, and is remembered for re-identification. */
class OriginalIds implements Pseudonymiser {
  readonly entries: ReidentificationEntry[] = [];

  constructor(private readonly deps: StructuredDeidDeps) {}

  async resource(type: string, id: string): Promise<string> {
    const value = await pseudonymousId(this.deps.keys, this.deps.hospital, type, id);
    this.entries.push({ pseudonym: value, kind: 'resource', original: `${type}/${id}` });
    return value;
  }

  async identifier(id: { system?: string; value?: string }): Promise<FhirJson> {
    const original = `${id.system ?? ''}|${id.value ?? ''}`;
    const value = await pseudonymousId(this.deps.keys, this.deps.hospital, 'Identifier', original);
    this.entries.push({ pseudonym: value, kind: 'identifier', original });
    return { system: pseudonymSystem, value } as unknown as FhirJson;
  }
}

/** Serving records: ids are pseudonyms already; an identifier that is not one is dropped, never passed on. */
const servingIds: Pseudonymiser = {
  resource: async (_type, id) => id,
  identifier: async (id) =>
    id.system === pseudonymSystem && /^[0-9a-f]{32}$/.test(id.value ?? '')
      ? (id as FhirJson)
      : undefined,
};

class ResearchCopier {
  constructor(
    private readonly ids: Pseudonymiser,
    private readonly surrogates: SurrogateMaker,
    private readonly surrogateKey: string,
  ) {}

  /**
   * `path` is the element path of `value` from the resource root (`Device.udiCarrier`), which with the
   * key decides an element's FHIR data type (phi-elements.ts).
   */
  async walk(value: unknown, resourceType: string, path: string, key = ''): Promise<unknown> {
    if (Array.isArray(value))
      return Promise.all(value.map((v) => this.walk(v, resourceType, path, key)));
    if (typeof value === 'string') return this.scalar(value, path, key);
    if (typeof value !== 'object' || value === null) return value;
    // A resource inside this one (`contained`, a Bundle's entry) is copied as one of its own: its
    // type's rules, and its id pseudonymised like any resource id.
    const nested = value as FhirJson;
    if (key !== '' && typeof nested.resourceType === 'string') {
      const copy = (await this.walk(nested, nested.resourceType, nested.resourceType)) as FhirJson;
      if (typeof nested.id !== 'string') return copy;
      return { ...copy, id: await this.ids.resource(nested.resourceType, nested.id) };
    }
    const out: Record<string, unknown> = {};
    const coding = isCoding(value, key);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (removed.has(k) || k === 'authorString' || (k === 'name' && personTypes.has(resourceType)))
        continue;
      if (k === 'text' && typeof v === 'object') continue; // the narrative (text.div)
      // A Coding's display is the code system's text for its code ("Denver developmental
      // screening"), not free text: kept as it is, so it never disagrees with the code. Any other
      // display in patient data is a Reference's (R4 has displays only on Coding, Reference,
      // RelatedArtifact and terminology resources: fhir-phi-elements.test.ts), which names its target,
      // often a person ("Amara Okafor") with no cue the de-identifier could find: dropped.
      if (k === 'display' || k === '_display') {
        if (!coding) continue;
        out[k] =
          typeof v === 'string' ? v : await this.walk(v, resourceType, childPath(path, k, v), k);
        continue;
      }
      // Time zone extensions: a zone or an offset can name a place smaller than a state.
      if (k === 'extension' && Array.isArray(v)) {
        const kept = v.filter(
          (e: { url?: unknown }) => typeof e?.url !== 'string' || !timeZoneExtensions.has(e.url),
        );
        if (kept.length) out[k] = await this.walk(kept, resourceType, childPath(path, k, kept), k);
        continue;
      }
      if (key === 'attachment' && (k === 'data' || k === 'url' || k === 'title')) continue;
      if (key === 'signature' && k === 'data') continue; // the signature itself ((P)/(Q))
      if (k === 'address' && resourceType !== 'Patient') continue;
      // By data type, whatever the element's name (Safe Harbor, 45 CFR 164.514(b)(2)(i)): every
      // Identifier ((G)-(M), (R): `identifier`, Specimen.accessionIdentifier, ServiceRequest.requisition,
      // an extension's valueIdentifier...) is pseudonymised, or dropped when it cannot be; every
      // HumanName (A), Address (B) and ContactPoint ((D)-(F), (N)), as in an extension's valueHumanName,
      // valueAddress or valueContactPoint, goes (the Patient's own address is generalised after the
      // walk, generalisePatient); so do the numbers R4 types as strings (Coverage.subscriberId (I),
      // Device.serialNumber and UDI (M)); an Attachment keeps no content, link or title.
      const kind = phiElementKind(path, k);
      if (kind === 'Identifier' && !k.startsWith('_')) {
        const kept = await this.identifiers(v);
        if (kept !== undefined) out[k] = kept;
        continue;
      }
      if (kind === 'Attachment') {
        out[k] = await this.walk(v, resourceType, childPath(path, k, v), 'attachment');
        continue;
      }
      if (kind) continue;
      if (k === 'reference' && typeof v === 'string') {
        const reference = await this.reference(v);
        if (reference) out[k] = reference;
        continue;
      }
      const copy = await this.walk(v, resourceType, childPath(path, k, v), k);
      // Ages of 90 or more become "90+" (Safe Harbor (C)), found by R4 type (an Age, an age range).
      if (ageElementKeys.has(k)) out[k] = aggregateAge(copy);
      else if (ageRangeElementKeys.has(k)) out[k] = aggregateAgeRange(copy);
      else out[k] = copy;
    }
    // An Observation or component coded as an age (LOINC 30525-0 Age...): its value likewise.
    return 'code' in out ? aggregateAgeObservation(out) : out;
  }

  /**
   * The pseudonymised copy of an Identifier element (one or a list, kept as it came), or undefined
   * when none is left. Only objects are identifiers; a string under such a key is dropped.
   */
  private async identifiers(value: unknown): Promise<unknown> {
    const list = (Array.isArray(value) ? value : [value]).filter(
      (i): i is { system?: string; value?: string } => typeof i === 'object' && i !== null,
    );
    const kept = (await Promise.all(list.map((i) => this.ids.identifier(i)))).filter(Boolean);
    if (!kept.length) return undefined;
    return Array.isArray(value) ? kept : kept[0];
  }

  private async reference(value: string): Promise<string | undefined> {
    if (this.ids === servingIds) return pseudonymousReference.test(value) ? value : undefined;
    const m = referencePattern.exec(value);
    return m ? `${m[1]}/${await this.ids.resource(m[1]!, m[2]!)}` : undefined;
  }

  /**
   * Dates move by the patient's offset; free text (notes, comments) is de-identified. Safe Harbor
   * (45 CFR 164.514(b)(2)(i)(C)) removes every element of a date but the year: a full date keeps its
   * month and day only in the patient's shifted frame. So does a partial date YYYY-MM (FHIR date and
   * dateTime of month precision, `onsetDateTime: "2019-07"`): it moves by the same offset, from the
   * middle of its month, and keeps month precision. Left as it was, its month would sit unshifted
   * next to shifted full dates and give the offset, hence every true date, away; reducing it to the
   * year would not (the year is kept) but would lose what the shift keeps: the order and intervals
   * of the patient's dates, to within half a month. A year alone (YYYY) is kept, as (C) allows.
   */
  private scalar(value: string, path: string, key: string): string {
    const isDate = !['id', 'code', 'value'].includes(key);
    if (isDate && fullDate.test(value)) return this.shiftDateTime(value);
    if (isDate && /^\d{4}-\d{2}$/.test(value)) return this.shiftYearMonth(value, key);
    // Free text that starts with a date ("2024-03-05 called daughter Mary Okafor at 617-555-0142")
    // is text: the de-identifier shifts the dates in it by the same offset and replaces the rest.
    if (isFreeText(path, key)) return this.freeText(value);
    // Any other element beginning with a date (a dateTime written "2024-03-05 10:00"): the date moves.
    if (isDate && /^\d{4}-\d{2}-\d{2}/.test(value)) return this.shiftDateTime(value);
    return value;
  }

  /**
   * Free text de-identified with the patient's surrogates. Text found clean once (a code's display,
   * "Take with food") is remembered, as most free text in a record repeats the terminology's.
   */
  private freeText(value: string): string {
    return deidentifyElementText(value, { key: this.surrogateKey });
  }

  /**
   * YYYY-MM moved by the offset, from the 15th of the month, or from its first day for a Period's
   * `start` and its last day for its `end`, so that a shifted Period never ends before it starts
   * (FHIR R4 Period invariant per-1) whatever precision its other end has; only the year when the
   * month is not one.
   */
  private shiftYearMonth(value: string, key: string): string {
    const month = Number(value.slice(5, 7));
    if (month < 1 || month > 12) return value.slice(0, 4);
    const date = new Date(Date.UTC(2000, month - 1, key === 'start' ? 1 : 15));
    date.setUTCFullYear(Number(value.slice(0, 4)));
    if (key === 'end') date.setUTCMonth(date.getUTCMonth() + 1, 0); // the month's last day
    date.setUTCDate(date.getUTCDate() + this.surrogates.dateOffsetDays);
    return date.toISOString().slice(0, 7);
  }

  private shiftDateTime(value: string): string {
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return value.slice(0, 4);
    date.setUTCDate(date.getUTCDate() + this.surrogates.dateOffsetDays);
    return date.toISOString().slice(0, 10) + value.slice(10);
  }
}

/**
 * The research copy of `resource` and the re-identification entries its pseudonyms need. `patientId`
 * is the id of the patient the resource belongs to (it keys the date offset and the surrogates);
 * `asOf` (YYYY-MM-DD) is the date ages are computed at.
 */
export async function deidentifyResource(
  deps: StructuredDeidDeps,
  resource: FhirJson,
  context: { patientId: string; asOf: string },
): Promise<StructuredDeidResult> {
  checkInput(resource, context.asOf);
  // Domain-separated from the patient's public pseudonym, so surrogates cannot be recomputed from it.
  const surrogateKey = await pseudonymousId(
    deps.keys,
    deps.hospital,
    deidSurrogateLabel,
    context.patientId,
  );
  const ids = new OriginalIds(deps);
  const copy = await copyOf(resource, ids, surrogateKey, context.asOf);
  if (typeof resource.id === 'string')
    copy.id = await ids.resource(resource.resourceType, resource.id);
  return { resource: copy, reidentification: dedupe(ids.entries) };
}

/** The label of the surrogate key of originals (as in ingest/note-curation.ts): a key derivation. */
export const deidSurrogateLabel = 'DeidSurrogateKey';

/**
 * The label of a patient's research surrogate key (`researchSurrogateKey`): a key derivation, not a
 * pseudonym of anything, so it never belongs in the re-identification table.
 */
export const researchSurrogateLabel = 'ResearchSurrogateKey';

/**
 * The per-patient key of research copies made from serving records: HMAC-SHA256 under the hospital's
 * key of the patient's pseudonym (32 hex characters). It fixes the patient's date offset (-365..-1
 * days) and free-text surrogates; whoever holds it can undo the date shift, so it is computed at
 * ingest and stored beside the serving Patient, never returned by the API.
 */
export async function researchSurrogateKey(
  keys: KeyRing,
  hospital: string,
  patientPseudonym: string,
): Promise<string> {
  return pseudonymousId(keys, hospital, researchSurrogateLabel, patientPseudonym);
}

/**
 * The research copy of a serving record (ids and references are pseudonyms already and stay as they
 * are; names, telecom and non-pseudonymous identifiers go; dates shift by the patient's offset; a
 * Patient keeps birth year or "90+", state and ZIP3). `surrogateKey` is the patient's
 * `researchSurrogateKey`; `asOf` (YYYY-MM-DD) is the date ages are computed at.
 */
export async function researchCopy(
  record: FhirJson,
  context: { surrogateKey: string; asOf: string },
): Promise<FhirJson> {
  checkInput(record, context.asOf);
  const copy = await copyOf(record, servingIds, context.surrogateKey, context.asOf);
  if (typeof record.id === 'string') copy.id = record.id;
  return copy;
}

function checkInput(resource: FhirJson, asOf: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new ValidationError('asOf must be a date YYYY-MM-DD', 'asOf');
  if (typeof resource.resourceType !== 'string')
    throw new ValidationError('resource has no resourceType', 'resourceType');
}

async function copyOf(
  resource: FhirJson,
  ids: Pseudonymiser,
  surrogateKey: string,
  asOf: string,
): Promise<FhirJson> {
  const copier = new ResearchCopier(ids, new SurrogateMaker(surrogateKey), surrogateKey);
  const { resourceType } = resource;
  const body = (await copier.walk(resource, resourceType, resourceType)) as FhirJson;
  const copy: FhirJson = { ...body, resourceType };
  delete copy.id;
  if (resourceType === 'Patient') generalisePatient(resource, copy, asOf);
  return copy;
}

function generalisePatient(original: FhirJson, copy: FhirJson, asOf: string): void {
  const birthDate = typeof original.birthDate === 'string' ? original.birthDate : undefined;
  delete copy.birthDate;
  if (birthDate && ageOn(birthDate, asOf) > 89) {
    const extensions = (copy.extension as unknown[] | undefined) ?? [];
    copy.extension = [...extensions, { url: ageOver89Extension, valueString: '90+' }];
  } else if (birthDate) copy.birthDate = birthDate.slice(0, 4);
  if (typeof original.deceasedDateTime === 'string')
    copy.deceasedDateTime = original.deceasedDateTime.slice(0, 4);
  const addresses =
    (original.address as { state?: string; postalCode?: string; country?: string }[]) ?? [];
  if (addresses.length)
    copy.address = addresses.map((a) => ({
      ...(a.state ? { state: a.state } : {}),
      ...(a.postalCode ? { postalCode: zip3(a.postalCode) } : {}),
      ...(a.country ? { country: a.country } : {}),
    }));
  else delete copy.address;
}

function dedupe(entries: ReidentificationEntry[]): ReidentificationEntry[] {
  const seen = new Map<string, ReidentificationEntry>();
  for (const e of entries) seen.set(`${e.kind}:${e.pseudonym}`, e);
  return [...seen.values()];
}
