// Domain (serving): the de-identified record the pipeline keeps of ANY FHIR resource. Ids and
// references become per-hospital pseudonyms; direct identifiers and free text are removed (they stay
// only in the raw bucket). HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) guide what is dropped:
// by element name below, and by FHIR data type wherever the element is (deid/phi-elements.ts). Free
// text is every R4 string or markdown element (deid/phi-elements.ts isFreeText, as for the research
// copy); the only free text kept is what a reader of the serving record needs, de-identified with
// category tags ("[NAME]"): the display of a Reference that cannot point at a person (a display-only
// medicationReference names the drug for reminders and recommendations) and
// `servingTextElements`. A Coding's display, the code system's text for its code, is kept as it is.
import type { KeyRing } from '../../ports/key-ring';
import type { FhirJson } from '../ingest/source-record';
import { isUsZip, zip3 } from '../deid/structured-zip3';
import { deidentifyElementText } from '../deid/element-text';
import {
  childPath,
  isCoding,
  isFreeText,
  isImpersonalReference,
  personTypes,
  phiElementKind,
} from '../deid/phi-elements';

/** Elements dropped wherever they appear: names, contact details, identifiers, narrative and notes. */
const droppedEverywhere = new Set([
  'text',
  'identifier',
  'note',
  'telecom',
  'address',
  'photo',
  'contact',
  'contained',
]);
/**
 * Patient extensions kept: US Core race, ethnicity and birth sex, and the FHIR core `timezone`, which
 * reminders need to fire at the patient's local time. An IANA zone can cover less than a state
 * (America/Kentucky/Monticello is one county), so the research copy drops it (deid/structured.ts
 * timeZoneExtensions); the serving record is not a Safe Harbor copy and keeps it.
 */
const keptPatientExtensions = new Set([
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity',
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex',
  'http://hl7.org/fhir/StructureDefinition/timezone',
]);
/**
 * Free text kept (de-identified with category tags) because a reader of the serving record needs it,
 * by element path, with the reader.
 */
export const servingTextElements: Readonly<Record<string, string>> = {
  'Observation.component.valueString':
    'recommend/tumour-findings.ts: the gene studied or the DNA or amino-acid change (48018-6, 48005-3, 48019-4)',
};
const patientKept = ['gender', 'birthDate', 'deceasedBoolean', 'deceasedDateTime', 'maritalStatus'];

const referencePattern =
  /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** Hex characters kept of the HMAC-SHA256: 128 bits. */
export const pseudonymHexLength = 32;

/** Pseudonymous id of a resource: HMAC-SHA256 under the hospital's key of `Type/id`, first 128 bits in hex. */
export async function pseudonymousId(
  keys: KeyRing,
  hospital: string,
  type: string,
  id: string,
): Promise<string> {
  return (await keys.pseudonym(hospital, `${type}/${id}`)).slice(0, pseudonymHexLength);
}

/** Pseudonyms cached per projector (one per file), so a patient's id is hashed once. */
/** Pseudonyms cached per projector (one file's ingest). */
const pseudonymCacheSize = 16_384;

export class ResourceProjector {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly keys: KeyRing,
    private readonly hospital: string,
  ) {}

  /** HMAC-SHA256 pseudonym of `Type/id` under the hospital's key (first 128 bits, hex). */
  async pseudonym(type: string, id: string): Promise<string> {
    const key = `${type}/${id}`;
    let value = this.cache.get(key);
    if (!value) {
      value = await pseudonymousId(this.keys, this.hospital, type, id);
      // Bounded whatever the file size (about 2 MiB): the repeated targets (a patient's subject
      // references) come close together in an export, and a miss only costs one HMAC.
      if (this.cache.size >= pseudonymCacheSize) this.cache.clear();
      this.cache.set(key, value);
    }
    return value;
  }

  async project(resource: FhirJson): Promise<FhirJson> {
    const id = resource.id ? await this.pseudonym(resource.resourceType, resource.id) : undefined;
    if (resource.resourceType === 'Patient') return this.projectPatient(resource, id);
    const body = (await this.walk(
      resource,
      resource.resourceType,
      resource.resourceType,
    )) as FhirJson;
    return { ...body, resourceType: resource.resourceType, ...(id ? { id } : {}) };
  }

  private projectPatient(p: FhirJson, id: string | undefined): FhirJson {
    const out: FhirJson = { resourceType: 'Patient', ...(id ? { id } : {}) };
    const extensions = ((p.extension as { url?: string }[] | undefined) ?? []).filter((e) =>
      keptPatientExtensions.has(e.url ?? ''),
    );
    if (extensions.length) out.extension = extensions;
    for (const k of patientKept) if (p[k] !== undefined) out[k] = p[k];
    const addresses = generalisedAddresses(p.address);
    if (addresses.length) out.address = addresses;
    return out;
  }

  /**
   * `path` is the element path of `value` from the resource root (`Device.udiCarrier`), which with the
   * key decides an element's FHIR data type (deid/phi-elements.ts).
   */
  private async walk(
    value: unknown,
    resourceType: string,
    path: string,
    key = '',
  ): Promise<unknown> {
    if (Array.isArray(value))
      return Promise.all(value.map((v) => this.walk(v, resourceType, path, key)));
    if (typeof value !== 'object' || value === null) return value;
    // A resource inside this one (`contained`, a Bundle's entry, a Parameters' parameter) is
    // projected as a resource of its own: its id pseudonymised, a Patient reduced as any Patient.
    if (key !== '' && typeof (value as FhirJson).resourceType === 'string')
      return this.project(value as FhirJson);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (droppedEverywhere.has(k) || (k === 'name' && personTypes.has(resourceType))) continue;
      // By data type, whatever the element's name (Safe Harbor, 45 CFR 164.514(b)(2)(i)): every
      // Identifier (G)-(M),(R), HumanName (A), Address (B) and ContactPoint (D)-(F),(N), as in an
      // extension's valueAddress, Specimen.accessionIdentifier or ServiceRequest.requisition, and the
      // numbers R4 types as strings (Coverage.subscriberId (I), Device.serialNumber and UDI (M)) go;
      // an Attachment (photographs (Q), documents) keeps no content, link or title.
      const kind = phiElementKind(path, k);
      if (kind && kind !== 'Attachment') continue;
      if (k === 'display' || k === '_display') {
        const display = await this.display(value as FhirJson, resourceType, path, key, [k, v]);
        if (display !== undefined) out[k] = display;
        continue;
      }
      // Free text (valueString, conclusion, Dosage.patientInstruction, Communication.payload
      // .contentString, comment, description, title...), by R4 type: dropped, unless a reader needs it.
      if (isFreeText(path, k) && (typeof v === 'string' || isStringList(v))) {
        if (`${path}.${k}` in servingTextElements) out[k] = tagged(v);
        continue;
      }
      if (key === 'attachment' && (k === 'data' || k === 'url' || k === 'title')) continue;
      // An Annotation's author given as text is a person's name (A); a Signature's data is the
      // signature itself (a biometric or image, (P)/(Q)), wherever either appears.
      if (k === 'authorString' || (key === 'signature' && k === 'data')) continue;
      if (k === 'reference' && typeof v === 'string') {
        const projected = await this.projectReference(v);
        if (projected) out.reference = projected;
        continue;
      }
      if (kind === 'Attachment') {
        out[k] = await this.walk(v, resourceType, childPath(path, k, v), 'attachment');
        continue;
      }
      out[k] = await this.walk(v, resourceType, childPath(path, k, v), k);
    }
    return out;
  }

  /**
   * What is kept of the display `k` (or its extensions, `_display`) of `parent`, the element `key` at
   * `path`: a Coding's as it is; a Reference's only when it has no link (a linked one is read through
   * its link) and R4 lets it point at no person (phi-elements.ts isImpersonalReference: a
   * medicationReference names a drug; a performer, an actor or an extension's valueReference may name
   * a person), de-identified. Any other display is free text, dropped.
   */
  private async display(
    parent: FhirJson,
    resourceType: string,
    path: string,
    key: string,
    [k, v]: [string, unknown],
  ): Promise<unknown> {
    if (isCoding(parent, key))
      return typeof v === 'string' ? v : this.walk(v, resourceType, childPath(path, k, v), k);
    if (typeof parent.reference === 'string' || !isImpersonalReference(path, key)) return undefined;
    return typeof v === 'string' ? tagged(v) : undefined;
  }

  private async projectReference(reference: string): Promise<string | undefined> {
    const match = referencePattern.exec(reference);
    if (!match) return undefined; // conditional, contained or opaque references carry no usable link here
    return `${match[1]}/${await this.pseudonym(match[1]!, match[2]!)}`;
  }
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.some((v) => typeof v === 'string');
}

/**
 * Free text the serving record keeps, de-identified with category tags ("[NAME]", "[PHONE]"): the
 * serving record has no per-patient key for surrogates, and a tag shows a reader what was removed.
 */
function tagged(value: unknown): unknown {
  if (typeof value === 'string') return deidentifyElementText(value, { replacement: 'tag' });
  return Array.isArray(value)
    ? value.filter((v) => typeof v === 'string').map((v) => tagged(v))
    : undefined;
}

type Address = { state?: string; postalCode?: string; country?: string };

/**
 * What a Patient's addresses may keep under Safe Harbor (45 CFR 164.514(b)(2)(i)(B)): the state, the
 * country and, for a US ZIP, its first three digits ("000" for restricted ZIP3s, structured-zip3.ts).
 * Lines, city, district and non-US postcodes are dropped; an address left empty is dropped.
 */
function generalisedAddresses(value: unknown): Address[] {
  const out: Address[] = [];
  for (const a of (Array.isArray(value) ? value : []) as Address[]) {
    const kept: Address = {
      ...(typeof a.state === 'string' ? { state: a.state } : {}),
      ...(typeof a.postalCode === 'string' && isUsZip(a.postalCode, a.country)
        ? { postalCode: zip3(a.postalCode) }
        : {}),
      ...(typeof a.country === 'string' ? { country: a.country } : {}),
    };
    if (Object.keys(kept).length) out.push(kept);
  }
  return out;
}

/** The patient a resource belongs to (its compartment), from its own id or its subject/patient reference. */
export function patientOf(resource: FhirJson): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  for (const k of ['subject', 'patient', 'beneficiary']) {
    const ref = (resource[k] as { reference?: string } | undefined)?.reference;
    const match = ref ? referencePattern.exec(ref) : null;
    if (match?.[1] === 'Patient') return match[2];
  }
  return undefined;
}

/** When a resource was clinically relevant, for time-ordered queries (FHIR R4 element per type). */
export function clinicalTime(r: FhirJson): string | undefined {
  const period = (p: unknown) => (p as { start?: string } | undefined)?.start;
  const candidates = [
    r.effectiveDateTime,
    r.effectiveInstant,
    period(r.effectivePeriod),
    r.issued,
    r.onsetDateTime,
    period(r.onsetPeriod),
    r.recordedDate,
    r.authoredOn,
    period(r.period),
    r.performedDateTime,
    period(r.performedPeriod),
    r.occurrenceDateTime,
    r.whenHandedOver,
    r.date,
    r.dateAsserted,
    period(r.effectivePeriod),
  ];
  return candidates.find((c): c is string => typeof c === 'string');
}
