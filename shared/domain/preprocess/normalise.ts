// Domain (preprocess): the ingest step between reading and storing. One resource in, the resource
// validated (FHIR R4 structure, code formats, plausibility) and normalised (trimmed codes, canonical
// UCUM units) out, with every repair listed; or a ValidationError naming the element path.
import { ValidationError } from '../errors';
import type { NormalisedResource, Repair } from '../ingest/source-record';
import { copyJsonTree } from './json-tree';
import { normaliseObservationQuantities } from './observation-quantities';
import { checkStructure } from './structure';

export { canonicalUnits } from './canonical-units';
export { plausibleRanges } from './plausible-ranges';
export { originalCodingUrl, originalQuantityUrl } from './observation-quantities';

/**
 * Validates and normalises one FHIR R4 resource from an untrusted source. The input is not mutated.
 * Lab and vital-sign quantities come out in the canonical UCUM unit of their LOINC concept
 * (`canonicalUnits`: e.g. glucose mmol/L, creatinine umol/L, weight kg, temperature Cel), the
 * original kept in an `original-quantity` extension; values outside `plausibleRanges` (checked after
 * conversion) are rejected. Throws ValidationError with `path` = the FHIR element path; messages
 * never contain record values. Hand-written checks, about 10 µs per Observation.
 */
export function validateAndNormalise(resource: unknown): NormalisedResource {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    throw new ValidationError('must be a JSON object');
  }
  const repairs: Repair[] = [];
  const copy = copyJsonTree(resource, '', repairs) as Record<string, unknown>;
  const checked = checkStructure(copy);
  if (checked.resourceType === 'Observation') normaliseObservationQuantities(checked, repairs);
  return { resource: checked, repairs };
}
