// Domain (preprocess): format checks for codes whose system defines a syntax or a check digit.
// A malformed code is a rejection (it cannot be mapped or searched); whitespace around it is a repair.
import { isIcd10CmCode, isLoincCode, isRxCui, isSnomedConceptId } from '../synth/fhir/codes';
import { isFhirCode } from './primitives';

interface CheckedSystem {
  system: string;
  name: string;
  isWellFormed: (code: string) => boolean;
  /** Verdicts already reached: the same few hundred codes recur in every file. */
  verdicts: Map<string, boolean>;
}

const checked = (system: string, name: string, isWellFormed: (code: string) => boolean) => ({
  system,
  name,
  isWellFormed,
  verdicts: new Map<string, boolean>(),
});

/** Code systems the pipeline checks, with the name used in rejection messages. */
const checkedSystems: readonly CheckedSystem[] = [
  // LOINC Users' Guide: NNNNN-C with a mod 10 check digit.
  checked('http://loinc.org', 'LOINC', isLoincCode),
  // SNOMED CT TIG 6.6-6.7: SCTID digits, partition, Verhoeff check digit.
  checked('http://snomed.info/sct', 'SNOMED CT', isSnomedConceptId),
  // RxNorm RxCUI: digits.
  checked('http://www.nlm.nih.gov/research/umls/rxnorm', 'RxNorm', isRxCui),
  // ICD-10-CM (CMS/NCHS tabular list): letter, digit, alphanumeric, optional dot and 1-4 more.
  checked('http://hl7.org/fhir/sid/icd-10-cm', 'ICD-10-CM', isIcd10CmCode),
  // WHO ICD-10 shares the shape (it never goes beyond 4 characters after the dot).
  checked('http://hl7.org/fhir/sid/icd-10', 'ICD-10', isIcd10CmCode),
];

/** Verdicts kept per system at most: bounds memory whatever codes a file carries. */
const maxVerdicts = 10_000;

/**
 * FHIR code datatype verdicts for codes of any other system. JSON.parse hands out short strings
 * (up to 10 characters, most codes) already interned, so looking one up costs less than the pattern.
 */
const codeVerdicts = new Map<string, boolean>();

function isWellFormedIn(entry: CheckedSystem, code: string): boolean {
  let verdict = entry.verdicts.get(code);
  if (verdict === undefined) {
    verdict = entry.isWellFormed(code);
    if (entry.verdicts.size >= maxVerdicts) entry.verdicts.clear();
    entry.verdicts.set(code, verdict);
  }
  return verdict;
}

/** The checked system named `system`, if any (compared as strings: `constructor` finds nothing). */
function checkedSystem(system: unknown): CheckedSystem | undefined {
  if (typeof system !== 'string') return undefined;
  for (const entry of checkedSystems) if (entry.system === system) return entry;
  return undefined;
}

/** True when a code starts or ends with whitespace (or a control character) that trimming removes. */
export function isPaddedCode(code: string): boolean {
  return code.length > 0 && (code.charCodeAt(0) <= 32 || code.charCodeAt(code.length - 1) <= 32);
}

/**
 * Why `code` (already trimmed) is not acceptable in a Coding or Quantity of `system`, or undefined
 * when it is well formed. The reason names the rule, never the code.
 */
export function codeProblem(system: unknown, code: string): string | undefined {
  if (code.length === 0) return 'code must not be empty';
  const entry = checkedSystem(system);
  if (entry !== undefined) {
    return isWellFormedIn(entry, code) ? undefined : `malformed ${entry.name} code`;
  }
  let verdict = codeVerdicts.get(code);
  if (verdict === undefined) {
    verdict = isFhirCode(code);
    if (codeVerdicts.size >= maxVerdicts) codeVerdicts.clear();
    codeVerdicts.set(code, verdict);
  }
  return verdict ? undefined : 'malformed code (FHIR code datatype)';
}
