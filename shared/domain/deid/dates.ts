// Domain (deid): moves a written date by a whole number of days and writes it back in its own layout
// ("7/23" -> "6/2", "March 14, 2024" -> "January 23, 2024", "2024-03-14" -> "2024-01-23"), so the
// intervals between a patient's dates survive de-identification.

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** Month-and-day dates without a year are moved within this leap year, so 2/29 stays valid. */
const referenceYear = 2000;
const dayMs = 86_400_000;

const pad = (n: number, like: string) => String(n).padStart(like.length >= 2 ? 2 : 1, '0');

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return monthNames.findIndex((m) => m.startsWith(w.slice(0, 3)) && m.startsWith(w));
}

function writeMonth(original: string, month: number): string {
  const full = monthNames[month]!;
  const bare = original.replace(/\.$/, '');
  const abbreviated = bare.length < monthNames[monthIndex(bare)]!.length;
  let word = !abbreviated
    ? full
    : bare.length === 4 && full === 'september'
      ? 'sept'
      : full.slice(0, 3);
  if (bare === bare.toUpperCase()) word = word.toUpperCase();
  else if (/^[A-Z]/.test(bare)) word = word[0]!.toUpperCase() + word.slice(1);
  return word + (original.endsWith('.') ? '.' : '');
}

function shifted(year: number, month: number, day: number, days: number): Date {
  return new Date(Date.UTC(year, month, day) + days * dayMs);
}

function fullYear(text: string): number {
  const n = Number(text.replace(/\D/g, ''));
  if (text.replace(/\D/g, '').length === 4) return n;
  return n > 30 ? 1900 + n : 2000 + n;
}

function writeYear(like: string, year: number): string {
  const apostrophe = like.startsWith("'") ? "'" : '';
  const digits = like.replace(/\D/g, '');
  return apostrophe + (digits.length === 4 ? String(year) : String(year % 100).padStart(2, '0'));
}

/**
 * `date` moved by `days` (negative moves earlier), in the same layout; undefined when the text is not a
 * date layout this function knows (the caller then replaces it with a tag).
 */
export function shiftDate(date: string, days: number): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(date);
  if (m) {
    const d = shifted(Number(m[1]), Number(m[2]) - 1, Number(m[3]), days);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, '00')}-${pad(d.getUTCDate(), '00')}${m[4]}`;
  }
  m = /^(\d{1,2}\/\d{1,2})(\s*[-/]\s*)(\d{1,2}\/\d{1,2})$/.exec(date); // a range: 10/03/10/04, 9/16-9/20
  if (m) return `${shiftDate(m[1]!, days)}${m[2]}${shiftDate(m[3]!, days)}`;
  m = /^(\d{1,2})([/-])(\d{1,2})(?:([/.-])(\d{2,4}))?$/.exec(date);
  if (m) {
    const year = m[5] ? fullYear(m[5]) : referenceYear;
    const d = shifted(year, Number(m[1]) - 1, Number(m[3]), days);
    const head = `${pad(d.getUTCMonth() + 1, m[1]!)}${m[2]}${pad(d.getUTCDate(), m[3]!)}`;
    return m[5] ? `${head}${m[4]}${writeYear(m[5], d.getUTCFullYear())}` : head;
  }
  m = /^(\d{1,2})\/(\d{2,4})$/.exec(date); // month/year: move the middle of the month
  if (m) {
    const d = shifted(fullYear(m[2]!), Number(m[1]) - 1, 15, days);
    return `${pad(d.getUTCMonth() + 1, m[1]!)}/${writeYear(m[2]!, d.getUTCFullYear())}`;
  }
  return shiftWrittenDate(date, days);
}

function shiftWrittenDate(date: string, days: number): string | undefined {
  // "March 14, 2024", "Mar 14th", "Sept. 3 '95"
  let m = /^([A-Za-z]+\.?)(\s+)(\d{1,2})(st|nd|rd|th)?(?:(,?\s+)('?\d{2,4}))?$/i.exec(date);
  if (m && monthIndex(m[1]!) >= 0) {
    const year = m[6] ? fullYear(m[6]) : referenceYear;
    const d = shifted(year, monthIndex(m[1]!), Number(m[3]), days);
    const suffix = m[4] ? ordinalSuffix(d.getUTCDate(), m[4]) : '';
    const tail = m[6] ? `${m[5] ?? ' '}${writeYear(m[6], d.getUTCFullYear())}` : '';
    return `${writeMonth(m[1]!, d.getUTCMonth())}${m[2]}${d.getUTCDate()}${suffix}${tail}`;
  }
  // "14 March 2024", "3rd of May"
  m = /^(\d{1,2})(st|nd|rd|th)?(\s+(?:of\s+)?)([A-Za-z]+\.?)(,?\s+)?(\d{4})?$/i.exec(date);
  if (m && monthIndex(m[4]!) >= 0) {
    const year = m[6] ? Number(m[6]) : referenceYear;
    const d = shifted(year, monthIndex(m[4]!), Number(m[1]), days);
    const suffix = m[2] ? ordinalSuffix(d.getUTCDate(), m[2]) : '';
    const tail = m[6] ? `${m[5] ?? ' '}${d.getUTCFullYear()}` : '';
    return `${d.getUTCDate()}${suffix}${m[3]}${writeMonth(m[4]!, d.getUTCMonth())}${tail}`;
  }
  // "March 2024", "nov. 2016", "November"
  m = /^([A-Za-z]+\.?)(?:(,?\s+(?:of\s+)?)(\d{4}))?$/i.exec(date);
  if (m && monthIndex(m[1]!) >= 0) {
    const year = m[3] ? Number(m[3]) : referenceYear;
    const d = shifted(year, monthIndex(m[1]!), 15, days);
    const tail = m[3] ? `${m[2]}${d.getUTCFullYear()}` : '';
    return `${writeMonth(m[1]!, d.getUTCMonth())}${tail}`;
  }
  // "the 11th": a day of an unknown month moves by the offset within a 31-day month
  m = /^(\d{1,2})(st|nd|rd|th)$/i.exec(date);
  if (m) {
    const d = shifted(referenceYear, 0, Number(m[1]), days % 31);
    return `${d.getUTCDate()}${ordinalSuffix(d.getUTCDate(), m[2]!)}`;
  }
  // a year alone
  m = /^('?)(\d{2}|\d{4})$/.exec(date);
  if (m) return writeYear(date, shifted(fullYear(m[2]!), 6, 1, days).getUTCFullYear());
  return undefined;
}

function ordinalSuffix(day: number, like: string): string {
  const s =
    day % 10 === 1 && day !== 11
      ? 'st'
      : day % 10 === 2 && day !== 12
        ? 'nd'
        : day % 10 === 3 && day !== 13
          ? 'rd'
          : 'th';
  return like === like.toUpperCase() ? s.toUpperCase() : s;
}
