// Domain (ingest): CSV extracts link rows by business identifiers (an MRN), not resource ids. Patients
// from a CSV take an id derived from their identifier, and logical references `{ type: 'Patient',
// identifier }` become literal `Patient/{that id}`, so rows of different files meet on one patient.
// At ingest the identifier first resolves through the hospital's links (patient-identifiers.ts): an
// MRN that a Patient sent as FHIR claims resolves to that Patient's own id.
import type { FhirJson } from './source-record';
import { deterministicUuid } from './readers/resource-id';

/** An identifier as a record names it (either part may be missing). */
export interface Identifier {
  system?: string;
  value?: string;
}

/** An identifier with its system and value (an MRN). */
export interface PatientIdentifier {
  system: string;
  value: string;
}

/** The patient an identifier names: its id, and a report warning for the record, if any. */
export interface ResolvedPatient {
  id: string;
  warning?: string;
  /** True when `id` is a Patient sent as FHIR that claims the identifier (patient-identifiers.ts). */
  sentAsFhir?: boolean;
}

/** Resolves an identifier to the patient it names within one hospital. */
export type PatientResolver = (identifier: Identifier) => Promise<ResolvedPatient>;

/** The id a patient known by `identifier` gets, within one hospital. */
export function patientIdForIdentifier(hospital: string, identifier: Identifier): string {
  return deterministicUuid(
    hospital,
    'Patient-identifier',
    identifier.system ?? '',
    identifier.value ?? '',
  );
}

/** The resolver that knows no links: every identifier names the patient of its derived id. */
export function derivedPatients(hospital: string): PatientResolver {
  return (identifier) => Promise.resolve({ id: patientIdForIdentifier(hospital, identifier) });
}

/**
 * `resource` with its patient identifiers resolved (a Patient's id from its first identifier with a
 * system and value; every logical Patient reference made literal), and the warnings they gave.
 * `sentAsFhir`: the resource is a Patient whose identifier resolved to a Patient sent as FHIR.
 */
export async function resolveLogicalPatientReferences(
  resource: FhirJson,
  resolve: PatientResolver,
): Promise<{ resource: FhirJson; warnings: string[]; sentAsFhir?: boolean }> {
  const warnings = new Set<string>();
  const idOf = async (identifier: Identifier) => {
    const resolved = await resolve(identifier);
    if (resolved.warning) warnings.add(resolved.warning);
    return resolved.id;
  };
  if (resource.resourceType === 'Patient') {
    const identifier = (resource.identifier as Identifier[] | undefined)?.find(
      (i) => i.system && i.value,
    );
    if (!identifier) return { resource, warnings: [] };
    const resolved = await resolve(identifier);
    return {
      resource: { ...resource, id: resolved.id },
      warnings: resolved.warning ? [resolved.warning] : [],
      ...(resolved.sentAsFhir ? { sentAsFhir: true } : {}),
    };
  }
  const out = (await rewrite(resource, idOf)) as FhirJson;
  return { resource: out, warnings: [...warnings] };
}

/**
 * The identifiers resolveLogicalPatientReferences asks `resolve` for in `resource`, in order (the
 * same walk), so a chunk of records can have them resolved together first (PatientIdentifiers.prefetch).
 */
export async function logicalPatientIdentifiers(resource: FhirJson): Promise<Identifier[]> {
  const found: Identifier[] = [];
  await resolveLogicalPatientReferences(resource, (identifier) => {
    found.push(identifier);
    return Promise.resolve({ id: '' });
  });
  return found;
}

async function rewrite(
  value: unknown,
  idOf: (identifier: Identifier) => Promise<string>,
): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((v) => rewrite(v, idOf)));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  const identifier = obj.identifier as Identifier | undefined;
  if (obj.type === 'Patient' && obj.reference === undefined && identifier?.value) {
    return { ...obj, reference: `Patient/${await idOf(identifier)}` };
  }
  const entries = await Promise.all(
    Object.entries(obj).map(async ([k, v]) => [k, await rewrite(v, idOf)] as const),
  );
  return Object.fromEntries(entries);
}
