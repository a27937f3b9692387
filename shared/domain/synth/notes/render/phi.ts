// Domain (synth/notes/render): writes the patient's identifiers (names, dates, ages over 89, MRN, phone,
// address, email, portal URL, IP) into a note, each as a PHI span in the HIPAA Safe Harbor categories.
import type { SynthPatient } from '../../model';
import type { Rng } from '../../rng';
import type { NoteBuilder } from '../builder';

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** Date layouts; a note keeps one style for most dates (`dateStyle`) and strays now and then. */
export const dateStyleCount = 8;

/** Formats YYYY-MM-DD in style `style` (0..dateStyleCount-1). */
export function formatDate(iso: string, style: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const month = monthNames[m - 1]!;
  switch (style) {
    case 0:
      return `${pad(m)}/${pad(d)}/${y}`;
    case 1:
      return `${m}/${d}/${y}`;
    case 2:
      return `${m}/${d}/${String(y).slice(2)}`;
    case 3:
      return iso.slice(0, 10);
    case 4:
      return `${month} ${d}, ${y}`;
    case 5:
      return `${d} ${month.slice(0, 3)} ${y}`;
    case 6:
      return `${month.slice(0, 3)} ${d}, ${y}`;
    default:
      return `${pad(m)}-${pad(d)}-${y}`;
  }
}

/** A full date as DATE PHI, usually in the note's style. */
export function writeDate(b: NoteBuilder, iso: string, style: number, rng: Rng): void {
  const chosen = rng.chance(0.85) ? style : rng.int(0, dateStyleCount - 1);
  b.phiSpan(formatDate(iso, chosen), 'DATE');
}

/** A year alone ("in 2015"): DATE PHI (the i2b2 convention; Safe Harbor would allow the year). */
export function writeYear(b: NoteBuilder, year: number): void {
  b.phiSpan(String(year), 'DATE');
}

/** Month and year ("03/2018", "March 2018"). */
export function writeMonthYear(b: NoteBuilder, iso: string, rng: Rng): void {
  const m = Number(iso.slice(5, 7));
  const text = rng.chance(0.5)
    ? `${pad(m)}/${iso.slice(0, 4)}`
    : `${monthNames[m - 1]} ${iso.slice(0, 4)}`;
  b.phiSpan(text, 'DATE');
}

/** Date and time ("03/14/2024 14:32"), as one DATE span. */
export function writeDateTime(b: NoteBuilder, isoDateTime: string, style: number): void {
  b.phiSpan(`${formatDate(isoDateTime, style)} ${isoDateTime.slice(11, 16)}`, 'DATE');
}

/** An age: only values over 89 are PHI (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(C)); the number is the span. */
export function writeAgeNumber(b: NoteBuilder, years: number): void {
  if (years > 89) b.phiSpan(String(years), 'AGE');
  else b.verbatim(String(years));
}

/** "67-year-old", "67 y/o", "18-month-old"... */
export function writeAge(b: NoteBuilder, years: number, months: number, rng: Rng): void {
  if (years < 2) {
    if (months === 0) b.text('newborn');
    else
      b.verbatim(String(months)).text(rng.pick(['-month-old', ' month old', ' mo old', '-mo-old']));
    return;
  }
  writeAgeNumber(b, years);
  b.text(rng.pick(['-year-old', ' y/o', 'yo', ' yo', ' year old', ' y.o.', '-yr-old', ' yr old']));
}

/** The patient's name in one of its written forms; the name tokens are the span. */
export function writePatientName(
  b: NoteBuilder,
  patient: SynthPatient,
  rng: Rng,
  formal = false,
): void {
  const { given, family, prefix } = patient.demographics.name;
  const first = given[0] ?? '';
  const child = patient.demographics.ageYears < 18;
  if (formal && !child) {
    const title =
      prefix ?? (patient.demographics.sex === 'female' ? rng.pick(['Ms.', 'Mrs.']) : 'Mr.');
    b.text(`${title} `).phiSpan(family, 'NAME');
    return;
  }
  switch (rng.int(0, 4)) {
    case 0:
      b.phiSpan(`${first} ${family}`, 'NAME');
      return;
    case 1:
      b.phiSpan(`${family}, ${first}`, 'NAME');
      return;
    case 2:
      b.phiSpan(`${family.toUpperCase()}, ${given.join(' ').toUpperCase()}`, 'NAME');
      return;
    case 3:
      b.phiSpan([...given, family].join(' '), 'NAME');
      return;
    default:
      b.phiSpan(first, 'NAME');
  }
}

/** The MRN with one of its labels. */
export function writeMrn(b: NoteBuilder, patient: SynthPatient, rng: Rng): void {
  b.text(rng.pick(['MRN: ', 'MRN ', 'MR#: ', 'Med Rec #: ', 'Medical record number: ']));
  b.phiSpan(patient.demographics.mrn, 'ID');
}

/** Another identifier (account, encounter or insurance number): ID PHI. */
export function writeOtherId(b: NoteBuilder, rng: Rng): void {
  b.text(rng.pick(['Acct #: ', 'CSN: ', 'Visit #: ', 'Member ID: ']));
  b.phiSpan(String(rng.int(100_000_000, 999_999_999)), 'ID');
}

/** The patient's phone, mostly as recorded, sometimes re-punctuated. */
export function writePatientPhone(b: NoteBuilder, patient: SynthPatient, rng: Rng): void {
  const phone = patient.demographics.phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length !== 10 || rng.chance(0.7)) {
    b.phiSpan(phone, 'PHONE');
    return;
  }
  const [a, x, n] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  b.phiSpan(rng.pick([`(${a}) ${x}-${n}`, `${a}-${x}-${n}`, `${a}.${x}.${n}`]), 'PHONE');
}

/** A clinic or call-back number in the fictional 555-01xx range. */
export function writeClinicPhone(b: NoteBuilder, rng: Rng): void {
  const area = rng.pick(['617', '508', '413', '774', '978']);
  b.phiSpan(`(${area}) 555-01${pad(rng.int(0, 99))}`, 'PHONE');
}

/** The full postal address as one LOCATION span. */
export function writeAddress(b: NoteBuilder, patient: SynthPatient): void {
  const a = patient.demographics.address;
  b.phiSpan(`${a.line.join(', ')}, ${a.city}, ${a.state} ${a.postalCode}`, 'LOCATION');
}

export function writeCity(b: NoteBuilder, patient: SynthPatient): void {
  b.phiSpan(patient.demographics.address.city, 'LOCATION');
}

export function writeEmail(b: NoteBuilder, patient: SynthPatient): void {
  b.phiSpan(patient.demographics.email, 'EMAIL');
}

/** A patient-portal link that embeds the MRN (URL PHI). */
export function writePortalUrl(b: NoteBuilder, patient: SynthPatient): void {
  const host = patient.hospital.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'hospital';
  b.phiSpan(`https://mychart.${host}.example.org/patient/${patient.demographics.mrn}`, 'URL');
}

/** A client IP address (online check-in) in the RFC 5737 documentation ranges. */
export function writeIp(b: NoteBuilder, rng: Rng): void {
  const prefix = rng.pick(['192.0.2', '198.51.100', '203.0.113']);
  b.phiSpan(`${prefix}.${rng.int(1, 254)}`, 'IP');
}
