// Domain (synth/fhir): is a code well formed for its system? Check digits and patterns for the code
// systems the generator writes (SNOMED CT, LOINC, ICD-10-CM, RxNorm), used by tests, by the defect
// injector (to make codes that cannot exist) and by anyone auditing an export.
import { systems } from '../catalog';

// Verhoeff dihedral-group tables (Verhoeff 1969), as the SNOMED CT Technical Implementation Guide
// (section 6.6 "Check-digit computation") prescribes for SCTIDs.
const verhoeffD = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
// Row i is the permutation of row 1 applied i times: p[i][j] = p[i-1][p[1][j]].
const verhoeffP: number[][] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
];
for (let i = 2; i < 8; i++) verhoeffP.push(verhoeffP[1]!.map((j) => verhoeffP[i - 1]![j]!));
const verhoeffInv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** The Verhoeff check digit to append to the digit string `payload`. */
export function verhoeffCheckDigit(payload: string): number {
  let c = 0;
  for (let i = 0; i < payload.length; i++) {
    const digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    c = verhoeffD[c]![verhoeffP[(i + 1) % 8]![digit]!]!;
  }
  return verhoeffInv[c]!;
}

/** True when the last digit of `digits` is its Verhoeff check digit. */
export function hasValidVerhoeff(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    c = verhoeffD[c]![verhoeffP[i % 8]![digit]!]!;
  }
  return c === 0;
}

/**
 * A SNOMED CT concept id: 6-18 digits, no leading zero, partition 00 (International) or 10
 * (extension concept), Verhoeff check digit (SNOMED CT TIG 6.6 / 6.7 "SCTID").
 */
export function isSnomedConceptId(code: string): boolean {
  if (!/^[1-9]\d{5,17}$/.test(code)) return false;
  const partition = code.slice(-3, -1);
  return (partition === '00' || partition === '10') && hasValidVerhoeff(code);
}

/** The LOINC mod 10 check digit of a LOINC item number (LOINC Users' Guide, "Check digit"). */
export function loincCheckDigit(itemNumber: string): number {
  let sum = 0;
  for (let i = 0; i < itemNumber.length; i++) {
    let digit = itemNumber.charCodeAt(itemNumber.length - 1 - i) - 48;
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** A LOINC code: `NNNNN-C` with 1-6 digits and the mod 10 check digit `C`. */
export function isLoincCode(code: string): boolean {
  const match = /^(\d{1,6})-(\d)$/.exec(code);
  return match !== null && loincCheckDigit(match[1]!) === Number(match[2]);
}

/** An ICD-10-CM code as it appears in FHIR (with the dot): letter, two characters, up to four more. */
export function isIcd10CmCode(code: string): boolean {
  return /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(code);
}

/** An RxNorm concept unique identifier (RxCUI): digits, no leading zero. */
export function isRxCui(code: string): boolean {
  return /^[1-9]\d{0,8}$/.test(code);
}

/** FHIR R4 `code` datatype: no leading or trailing whitespace, single inner spaces. */
export function isFhirCode(code: string): boolean {
  return /^[^\s]+( [^\s]+)*$/.test(code);
}

/** True when `code` is well formed for `system` (check digits where the system defines them). */
export function isWellFormedCode(system: string | undefined, code: string | undefined): boolean {
  if (code === undefined || !isFhirCode(code)) return false;
  switch (system) {
    case systems.snomed:
      return isSnomedConceptId(code);
    case systems.loinc:
      return isLoincCode(code);
    case systems.icd10cm:
      return isIcd10CmCode(code);
    case systems.rxnorm:
      return isRxCui(code);
    default:
      return true;
  }
}
