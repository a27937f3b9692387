// Domain (ingest): reference integrity. Files of one batch arrive in any order (S3 events are not
// ordered), so a record whose patient, encounter, prescription or other target is not known yet is
// stored, not rejected, and counted as a warning in the report (`patient-not-yet-known`, or
// `reference-not-yet-known:<element>`); a target that never arrives shows up there. Targets are looked
// up where the serving layout keeps them: in the patient's compartment, else among the hospital's
// resources outside any compartment (Practitioner, Organization, Medication, Location...).
// Memory is fixed whatever the file size: the targets known to exist are remembered as fingerprints
// (fingerprints.ts; the last 65,536 to 131,072, 2 MiB), and older ones are looked up again in the
// table. A fingerprint collision could only spare a record its warning (at most 7e-15 per lookup).
import type { Table } from '../../ports/table';
import { FingerprintTable, fingerprintOf } from './fingerprints';
import type { FhirJson } from './source-record';
import { servingKeys } from '../serving/records';

/** At most this many references are checked per record (a Bundle-like resource can hold hundreds). */
const maxChecksPerRecord = 32;
const literal = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

export class ReferenceLinks {
  /** `Type/id` (and the patient compartment it was found in) known to exist. */
  private readonly known: FingerprintTable;
  /** Targets looked up and not found (only dangling references land here; emptied when full). */
  private readonly missing = new Set<string>();

  constructor(
    private readonly serving: Table,
    private readonly hospital: string,
    knownPerGeneration = 65_536,
    private readonly missingCapacity = 10_000,
  ) {
    this.known = new FingerprintTable(knownPerGeneration);
  }

  /** A resource stored by this file: it counts at once, though its write may still be buffered. */
  stored(type: string, id: string, patient?: string): void {
    for (const key of [`${type}/${id}`, `${patient ?? ''}|${type}/${id}`]) {
      this.known.set(fingerprintOf(key));
      this.missing.delete(key);
    }
  }

  /** Whether the patient is known (cached per file; one table read per distinct patient). */
  patientExists(patientId: string): Promise<boolean> {
    return this.exists('Patient', patientId, patientId);
  }

  /**
   * The element paths of `resource`'s literal references (other than its patient link) whose
   * target is not known, e.g. `encounter`, `basedOn[0]`.
   */
  async unresolved(resource: FhirJson, patient: string | undefined): Promise<string[]> {
    const out: string[] = [];
    for (const [path, reference] of referencesOf(resource).slice(0, maxChecksPerRecord)) {
      const match = literal.exec(reference);
      if (!match || match[1] === 'Patient') continue;
      if (!(await this.exists(match[1]!, match[2]!, patient))) out.push(path);
    }
    return out;
  }

  private async exists(type: string, id: string, patient: string | undefined): Promise<boolean> {
    const cacheKey = type === 'Patient' ? `${type}/${id}` : `${patient ?? ''}|${type}/${id}`;
    const bare = fingerprintOf(`${type}/${id}`);
    const cached = type === 'Patient' ? bare : fingerprintOf(cacheKey);
    if (this.known.has(cached) || this.known.has(bare)) return true;
    if (this.missing.has(cacheKey)) return false;
    const keys =
      type === 'Patient'
        ? [servingKeys.patient(this.hospital, id)]
        : [
            ...(patient
              ? [{ pk: servingKeys.patient(this.hospital, patient).pk, sk: `${type}#${id}` }]
              : []),
            { pk: `R#${this.hospital}#${type}`, sk: id },
          ];
    let found = false;
    for (const key of keys)
      if (!found) found = (await this.serving.get(key.pk, key.sk)) !== undefined;
    if (found) this.known.set(cached);
    else {
      if (this.missing.size >= this.missingCapacity) this.missing.clear();
      this.missing.add(cacheKey);
    }
    return found;
  }
}

/** The patient link elements, checked separately (`patient-not-yet-known`). */
const patientLinks = new Set(['subject', 'patient']);

/** Every `reference` string in a resource with the element path that holds it (arrays indexed). */
export function referencesOf(resource: FhirJson): [path: string, reference: string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (typeof value !== 'object' || value === null) return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'reference' && typeof v === 'string') out.push([path, v]);
      else if (k !== 'contained') walk(v, path ? `${path}.${k}` : k);
    }
  };
  for (const [k, v] of Object.entries(resource)) if (!patientLinks.has(k)) walk(v, k);
  return out;
}
