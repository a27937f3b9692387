// Domain (deid): the Safe Harbor geographic rule for ZIP codes (45 CFR 164.514(b)(2)(i)(B)): only the
// first three digits may stay, and not even those where the 3-digit area holds 20,000 people or fewer.
// Used by the research copy (structured.ts) and by the serving projection, which keeps the same ZIP3.

/**
 * ZIP3s with 20,000 people or fewer (2000 Census), written "000" under Safe Harbor (B): HHS OCR,
 * "Guidance Regarding Methods for De-identification of PHI", 26 Nov 2012, section 3.4.
 */
export const restrictedZip3 = new Set([
  '036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884',
  '890', '893',
]); // prettier-ignore

/** ZIP code -> its 3-digit prefix, or "000" for a restricted prefix (HHS guidance above). */
export function zip3(postalCode: string): string {
  const digits = postalCode.replace(/\D/g, '').slice(0, 3);
  return digits.length < 3 || restrictedZip3.has(digits) ? '000' : digits;
}

/** A US ZIP or ZIP+4 (`02169`, `02169-1234`); other countries' postcodes have no ZIP3 rule. */
export function isUsZip(postalCode: string, country?: string): boolean {
  const us = country === undefined || /^(US|USA|United States)$/i.test(country.trim());
  return us && /^\d{5}(?:-?\d{4})?$/.test(postalCode.trim());
}
