// Domain (deid): the free text of a FHIR element (a valueString, a comment, a Reference's display)
// de-identified as text (deidentify.ts), by the research copy (structured.ts, surrogates) and the
// serving projection (serving/resource-projection.ts, category tags). Strings in which detection found
// nothing are remembered, as most of them repeat ("Take with food").
import { deidentifyText, type DeidOptions } from './deidentify';

/**
 * Strings in which de-identification found nothing (detection depends neither on the patient nor on
 * the replacement), so each is scanned once: at most `cleanTextMaxEntries` of up to
 * `cleanTextMaxChars` (about 6 MB).
 */
const cleanText = new Set<string>();
const cleanTextMaxEntries = 20_000;
const cleanTextMaxChars = 160;

/** `value` de-identified under `options` (deidentifyText), or as it is when it holds no PHI. */
export function deidentifyElementText(value: string, options: DeidOptions): string {
  if (cleanText.has(value)) return value;
  const { text, phi } = deidentifyText(value, options);
  if (phi.length === 0 && value.length <= cleanTextMaxChars) {
    if (cleanText.size >= cleanTextMaxEntries) cleanText.clear();
    cleanText.add(value);
  }
  return text;
}
