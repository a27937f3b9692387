// Domain (preprocess): format checks for codes whose system defines a syntax or a check digit.
// A malformed code is a rejection (it cannot be mapped or searched); whitespace around it is a repair.
import { isIcd10CmCode, isLoincCode, isRxCui, isSnomedConceptId } from '../synth/fhir/codes';
import { ValidationError } from '../errors';
import { isFhirCode } from './primitives';

/** Code systems the pipeline checks, with the name used in rejection messages. */
const checkedSystems: Record<string, { name: string; isWellFormed: (code: string) => boolean }> = {
  // LOINC Users' Guide: NNNNN-C with a mod 10 check digit.
  'http://loinc.org': { name: 'LOINC', isWellFormed: isLoincCode },
  // SNOMED CT TIG 6.6-6.7: SCTID digits, partition, Verhoeff check digit.
  'http://snomed.info/sct': { name: 'SNOMED CT', isWellFormed: isSnomedConceptId },
  // RxNorm RxCUI: digits.
  'http://www.nlm.nih.gov/research/umls/rxnorm': { name: 'RxNorm', isWellFormed: isRxCui },
  // ICD-10-CM (CMS/NCHS tabular list): letter, digit, alphanumeric, optional dot and 1-4 more.
  'http://hl7.org/fhir/sid/icd-10-cm': { name: 'ICD-10-CM', isWellFormed: isIcd10CmCode },
  // WHO ICD-10 shares the shape (it never goes beyond 4 characters after the dot).
  'http://hl7.org/fhir/sid/icd-10': { name: 'ICD-10', isWellFormed: isIcd10CmCode },
};

/**
 * Checks the `code` of a Coding (or Quantity) at `path` against its `system`; returns the code to keep
 * (trimmed when the source padded it) and whether it was trimmed. Throws a ValidationError naming the
 * path, never the code, when the code is empty or malformed for its system.
 */
export function checkCode(
  system: unknown,
  code: string,
  path: string,
): { code: string; trimmed: boolean } {
  let kept = code;
  let trimmed = false;
  if (kept.length > 0 && (kept.charCodeAt(0) <= 32 || kept.charCodeAt(kept.length - 1) <= 32)) {
    kept = kept.trim();
    trimmed = true;
  }
  if (kept.length === 0) throw new ValidationError('code must not be empty', path);
  const checked = typeof system === 'string' ? checkedSystems[system] : undefined;
  if (checked !== undefined) {
    if (!checked.isWellFormed(kept))
      throw new ValidationError(`malformed ${checked.name} code`, path);
  } else if (!isFhirCode(kept)) {
    throw new ValidationError('malformed code (FHIR code datatype)', path);
  }
  return { code: kept, trimmed };
}
