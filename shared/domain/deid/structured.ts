// Domain (deid): the research copy of a curated FHIR resource under HIPAA Safe Harbor (45 CFR
// 164.514(b)(2)). Ids, references and identifiers become per-hospital pseudonyms (`pseudonymousId`);
// names, telecom, photos and contacts are removed; a Patient keeps the birth year (none when 90 or
// older, flagged "90+"), the state and the 3-digit ZIP ("000" for restricted ZIP3s); every other full
// date moves by the patient's offset (-365..-1 days, so intervals survive); free text is de-identified
// with the patient's surrogates and narratives are dropped. The re-identification entries (pseudonym ->
// original identifier) go back to the caller for a separate, restricted table.
import type { KeyRing } from '../../ports/key-ring';
import type { FhirJson } from '../ingest/source-record';
import { pseudonymousId } from '../serving/resource-projection';
import { ValidationError } from '../errors';
import { deidentifyText } from './deidentify';
import { SurrogateMaker } from './surrogates';

/**
 * ZIP3s with 20,000 people or fewer (2000 Census), written "000" under Safe Harbor (B): HHS OCR,
 * "Guidance Regarding Methods for De-identification of PHI", 26 Nov 2012, section 3.4.
 */
export const restrictedZip3 = new Set([
  '036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884',
  '890', '893',
]); // prettier-ignore

/** The extension that marks a Patient aged 90 or older (Safe Harbor (C)), whose birth year is suppressed. */
export const ageOver89Extension =
  'https://caregraph.dev/fhir/StructureDefinition/deid-age-90-or-older';
const pseudonymSystem = 'urn:caregraph:pseudonym';

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
const personTypes = new Set(['Patient', 'Practitioner', 'RelatedPerson', 'Person']);
const referencePattern = /^(?:.*\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/** ZIP code -> its 3-digit prefix, or "000" for a restricted prefix (HHS guidance above). */
export function zip3(postalCode: string): string {
  const digits = postalCode.replace(/\D/g, '').slice(0, 3);
  return digits.length < 3 || restrictedZip3.has(digits) ? '000' : digits;
}

/** Whole years between `birthDate` and `asOf` (both YYYY-MM-DD or a prefix). */
function ageOn(birthDate: string, asOf: string): number {
  const [by, bm = 1, bd = 1] = birthDate.split('-').map(Number);
  const [ay, am, ad] = asOf.split('-').map(Number);
  return ay! - by! - (am! < bm || (am === bm && ad! < bd) ? 1 : 0);
}

class ResearchCopier {
  readonly entries: ReidentificationEntry[] = [];

  constructor(
    private readonly deps: StructuredDeidDeps,
    private readonly surrogates: SurrogateMaker,
    private readonly surrogateKey: string,
  ) {}

  async pseudonym(type: string, id: string): Promise<string> {
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

  async walk(value: unknown, resourceType: string, key = ''): Promise<unknown> {
    if (Array.isArray(value)) return Promise.all(value.map((v) => this.walk(v, resourceType, key)));
    if (typeof value === 'string') return this.scalar(value, key);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (removed.has(k) || k === 'authorString' || (k === 'name' && personTypes.has(resourceType)))
        continue;
      if (k === 'text' && typeof v === 'object') continue; // the narrative (text.div)
      if (k === 'display' && typeof (value as { reference?: unknown }).reference === 'string')
        continue;
      if (key === 'attachment' && (k === 'data' || k === 'url' || k === 'title')) continue;
      if (k === 'address' && resourceType !== 'Patient') continue;
      if (k === 'identifier') {
        const list = (Array.isArray(v) ? v : [v]) as { system?: string; value?: string }[];
        out[k] = await Promise.all(list.map((i) => this.identifier(i)));
        continue;
      }
      if (k === 'reference' && typeof v === 'string') {
        const m = referencePattern.exec(v);
        if (m) out[k] = `${m[1]}/${await this.pseudonym(m[1]!, m[2]!)}`;
        continue;
      }
      out[k] = await this.walk(v, resourceType, k);
    }
    return out;
  }

  /** Full dates move by the patient's offset; free text (notes, comments) is de-identified. */
  private scalar(value: string, key: string): string {
    if (/^\d{4}-\d{2}-\d{2}/.test(value) && !['id', 'code', 'value'].includes(key))
      return this.shiftDateTime(value);
    if (key === 'text' || key === 'comment' || key === 'valueString' || key === 'description')
      return deidentifyText(value, { key: this.surrogateKey }).text;
    return value;
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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(context.asOf))
    throw new ValidationError('asOf must be a date YYYY-MM-DD', 'asOf');
  if (typeof resource.resourceType !== 'string')
    throw new ValidationError('resource has no resourceType', 'resourceType');
  // Domain-separated from the patient's public pseudonym, so surrogates cannot be recomputed from it.
  const surrogateKey = await pseudonymousId(
    deps.keys,
    deps.hospital,
    'DeidSurrogateKey',
    context.patientId,
  );
  const surrogates = new SurrogateMaker(surrogateKey);
  const copier = new ResearchCopier(deps, surrogates, surrogateKey);
  const { id, resourceType } = resource;
  const body = (await copier.walk(resource, resourceType)) as FhirJson;
  const copy: FhirJson = { ...body, resourceType };
  if (typeof id === 'string') copy.id = await copier.pseudonym(resourceType, id);
  if (resourceType === 'Patient') generalisePatient(resource, copy, context.asOf);
  return { resource: copy, reidentification: dedupe(copier.entries) };
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
