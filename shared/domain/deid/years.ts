// Domain (deid): years standing alone ("in 1992", "MI '92", "CVA 74'", "'09 PTCA", "NQWMI 13."). HIPAA
// Safe Harbor (45 CFR 164.514(b)(2)(i)(C)) keeps the year of a date, so these are reported only on
// request and flagged `yearOnly`. Look-alikes stay out: decades ("HR 70's"), head-of-bed angles and
// minutes ("HOB 30'", "x 30'"), clock times ("~ 1930") and doses ("2000 units").
import type { Candidate } from './model';
import { collect } from './patterns';

/** A four-digit year 1930-2049 that is not a time ("at 1930", "~ 1930"), a dose or a lab value ("ck 2000"). */
const fourDigitYear =
  /(?<![\d/.-]|(?:at|@|approx\.?|by|until|from|to|~|ck|cpk|plts?|wbc|bs|fsbs|glucose|ldh)\s*)(?:19[3-9]\d|20[0-4]\d)(?![\d/-]|\.\d|\s*(?:mg|mcg|ml|cc|units?|u\b|kcal|cal\b|g\b|%|hrs?\b|h\b))/gi;
/** '92 and 92': a two-digit year with an apostrophe, not a decade (70's) or an angle or minutes (HOB 30'). */
const apostropheYear =
  /(?<=['’])\d{2}\b(?!['’])|(?<!\b(?:hob|x|q|for|@)\s*)\b\d{2}(?=['’](?![sS]))/gi;
/**
 * Events of a past medical history that are dated by a year in nursing notes: infarcts, strokes,
 * revascularisation, devices and operations (-ectomy, -otomy, -ostomy, -plasty).
 */
const historyEvent =
  '(?:n?q?wmi|[aisp]?mi|n?stemi|cva|tia|cabg|ptca|pci|stents?|stented|cath|avr|mvr|ppm|aicd|icd|dx|diagnosed|surgery|repair|transplant|[a-z]+(?:ectomy|otomy|ostomy|plasty))';
/** "CVA 74", "NQWMI 13.", "CABG in 93 at": an event, then a bare two-digit year ending the phrase. */
const eventThenYear = new RegExp(
  `\\b${historyEvent}\\s+(?:in\\s+|on\\s+)?(\\d{2})(?=\\s*(?:[.,;:)]|$|\\s(?:at|in|with|w|and|to|for|s\\/p|c\\/b)\\b))`,
  'gim',
);
/** "09 PTCA to LCX", "13 stent": a bare two-digit year opening an event of the history. */
const yearThenEvent = new RegExp(
  `(?<=(?:^|[.,;:(]|\\band)\\s*)(\\d{2})\\s+${historyEvent}\\b`,
  'gim',
);

/**
 * Years standing alone: four-digit years (1930-2049) are `yearOnly`, kept unless asked for. Two-digit
 * years ('92, or beside a history event: "CVA 74'", "13 stent") are reported as dates: a bare two-digit
 * number is not certainly a year, and annotators of nursing notes (PhysioNet deid gold standard) label
 * such history dates as dates more often than as years, so removing them is the safe side.
 */
export function findYears(text: string): Candidate[] {
  return [
    ...collect(text, fourDigitYear, 'DATE').map((c) => ({ ...c, yearOnly: true })),
    ...collect(text, apostropheYear, 'DATE'),
    ...collect(text, eventThenYear, 'DATE', 1),
    ...collect(text, yearThenEvent, 'DATE', 1),
  ];
}
