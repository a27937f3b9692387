// Domain (ingest): what every format reader yields. NDJSON, Bundles, CSV extracts and notes all become a
// stream of source records, one per input record, each a FHIR resource or a rejection with its place.
import type { ValidationError } from '../errors';

/** A FHIR R4 resource as plain JSON (the readers do not trust its shape; validation comes after). */
export type FhirJson = { resourceType: string; id?: string } & Record<string, unknown>;

export interface SourceRecord {
  /**
   * 1-based line in the file (NDJSON, CSV, VCF); a Bundle file's entry: the line its object opens
   * at (readers/bundle.ts); an entry of an NDJSON line holding a Bundle: that line.
   */
  line: number;
  /** Where in the record, for errors: e.g. `entry[3].resource` or a CSV column. */
  path?: string;
  /** For a Bundle's entries (a Bundle file or an NDJSON line holding a Bundle): the 0-based entry index. */
  entry?: number;
  resource?: FhirJson;
  /** Set when the record cannot become a resource; the reader goes on with the next one. */
  error?: ValidationError;
  /** The raw record text, for the quarantine (never logged). */
  raw?: string;
  /**
   * Report warnings (kinds) the reader found, counted at `line` when the record is stored (e.g.
   * `patient-identifier-claimed-twice`: its patient's MRN is claimed by two Patients sent as FHIR).
   */
  warnings?: string[];
  /**
   * Set when the record, once validated, is not stored: the kind it is counted under (a repair, as a
   * duplicate merged is) and warned at `line`. A CSV Patient row naming an MRN that a Patient sent as
   * FHIR claims (`patient-sent-as-fhir-kept`): that Patient's record is kept whole.
   */
  notStored?: string;
}

/** A repair applied to an accepted resource: recorded in the report, never silent. */
export interface Repair {
  path: string;
  /** Stable reason slug, e.g. `unit-converted`, `code-whitespace-trimmed`. */
  kind: string;
  detail: string;
}

/** The outcome of validating and normalising one resource. */
export interface NormalisedResource {
  resource: FhirJson;
  repairs: Repair[];
}
