// Domain (synth/notes/sections): what surrounds the clinical content: the title, the identification
// block (hospital, patient name, MRN, DOB, date of service, clinicians) and the signature line, all PHI.
import type { Composer } from '../composer';
import type { NoteKind } from '../context';
import { isPhysician, referToClinician, writeClinician } from '../people';
import { writeDate, writeDateTime, writeMrn, writeOtherId, writePatientName } from '../render/phi';

const titles = {
  inpatient: [
    'History and Physical',
    'Admission H&P',
    'HISTORY AND PHYSICAL',
    'Admission Note',
    'Hospital Admission H&P',
  ],
  emergency: [
    'ED Provider Note',
    'Emergency Department H&P',
    'ED Note',
    'EMERGENCY DEPARTMENT NOTE',
  ],
  clinic: [
    'New Patient Evaluation',
    'History and Physical',
    'Clinic H&P',
    'Initial Consultation',
    'H&P',
  ],
  wellness: ['Annual Physical', 'Preventive Visit', 'Wellness Exam', 'Well Visit'],
  wellChild: ['Well Child Check', 'Well-Child Visit', 'WCC', 'Preventive Visit'],
  inpatientProgress: [
    'Progress Note',
    'Daily Progress Note',
    'Hospitalist Progress Note',
    'Medicine Progress Note',
  ],
  clinicProgress: [
    'Clinic Progress Note',
    'Follow-up Visit',
    'Office Visit',
    'SOAP Note',
    'Progress Note',
  ],
  discharge: [
    'Discharge Summary',
    'DISCHARGE SUMMARY',
    'Discharge Note',
    'Hospital Discharge Summary',
  ],
} as const;

/** The note's title, from its kind and the kind of encounter. */
export function pickTitle(c: Composer): string {
  const encounter = c.truth.encounter.kind;
  const kind: NoteKind = c.truth.kind;
  // Under 3, preventive visits are well-child checks, not annual physicals (AAP Bright Futures
  // periodicity: at 1, 2, 4, 6, 9, 12, 15, 18, 24 and 30 months).
  const wellness = wellChild(c) ? titles.wellChild : titles.wellness;
  if (kind === 'discharge-summary') return c.rng.pick(titles.discharge);
  if (kind === 'progress')
    return c.rng.pick(
      encounter === 'inpatient'
        ? titles.inpatientProgress
        : encounter === 'wellness'
          ? wellness
          : titles.clinicProgress,
    );
  if (encounter === 'wellness') return c.rng.pick(wellness);
  if (encounter === 'ambulatory') return c.rng.pick(clinicTitles(c));
  return c.rng.pick(encounter === 'inpatient' ? titles.inpatient : titles.emergency);
}

/**
 * A clinic H&P's titles. "New Patient Evaluation" only for a patient the practice has not seen in the
 * record's three years (the CPT E/M definition of a new patient: no professional services from the
 * group in the past three years), "Initial Consultation" only at the first visit for its reason (until
 * 1.5.0 both headed visits of patients seen for years).
 */
function clinicTitles(c: Composer): readonly string[] {
  const { encounter, patient } = c.truth;
  const before = patient.encounters.filter((e) => e.start < encounter.start);
  const seen = before.some((e) => e.kind === 'ambulatory' || e.kind === 'wellness');
  const seenFor = before.some((e) => e.reason !== undefined && e.reason === encounter.reason);
  return titles.clinic.filter(
    (t) =>
      !(t === 'New Patient Evaluation' && seen) &&
      !(t === 'Initial Consultation' && (seenFor || !encounter.reason)),
  );
}

/** A preventive visit of a child under 3: a well-child check (until 1.4.0 an "annual physical"). */
export function wellChild(c: Composer): boolean {
  return c.truth.encounter.kind === 'wellness' && c.truth.ageYears < 3;
}

/**
 * The identification block. Layouts: a full block (hospital, title, name/MRN/DOB, date, author) in
 * 55% of notes, a one-line banner in 30%, and only the title in 15% (e.g. a note copied into a chart).
 */
export function writeIdentification(c: Composer, title: string): void {
  const { b, rng, truth } = c;
  const layout = rng.next();
  if (layout >= 0.85) {
    b.verbatim(`${title}\n`);
    return;
  }
  if (layout >= 0.55) {
    b.verbatim(`${title} - `);
    writePatientName(b, truth.patient, rng);
    b.verbatim(' (');
    writeMrn(b, truth.patient, rng);
    b.verbatim(') ');
    writeDate(b, truth.authoredAt, c.style.dateStyle, rng);
    b.verbatim('\n');
    return;
  }
  b.phiSpan(truth.facts.hospital, 'LOCATION').verbatim('\n');
  b.verbatim(`${title}\n`);
  b.text(rng.pick(['Patient: ', 'Name: ', 'Pt: ', 'Patient name: ']));
  writePatientName(b, truth.patient, rng);
  b.verbatim(rng.chance(0.5) ? '\n' : '    ');
  writeMrn(b, truth.patient, rng);
  b.verbatim(rng.chance(0.5) ? '\n' : '    ');
  b.text(rng.pick(['DOB: ', 'Date of birth: ', 'D.O.B. ']));
  writeDate(b, truth.patient.demographics.birthDate, c.style.dateStyle, rng);
  b.verbatim('\n');
  if (rng.chance(0.3)) {
    writeOtherId(b, rng);
    b.verbatim('\n');
  }
  b.text(rng.pick(['Date of service: ', 'DOS: ', 'Visit date: ', 'Date: ']));
  writeDate(b, truth.authoredAt, c.style.dateStyle, rng);
  b.verbatim('\n');
  // "Attending:" names the attending, the other labels the note's author (who signs it); only a
  // physician is an "Attending:" or a "Physician:". Until 1.3.0 every label named the attending.
  const label = rng.pick(['Attending: ', 'Provider: ', 'Author: ', 'Physician: ']);
  const named = label === 'Attending: ' ? c.staff.attending : c.staff.author;
  const physicianOnly = label === 'Attending: ' || label === 'Physician: ';
  b.text(physicianOnly && !isPhysician(named) ? 'Provider: ' : label);
  writeClinician(b, named, rng);
  b.verbatim('\n');
  if (rng.chance(0.4)) {
    b.text(rng.pick(['PCP: ', 'Primary care: ', 'Referring: ']));
    writeClinician(b, truth.facts.pcp, rng);
    b.verbatim('\n');
  }
  b.verbatim('\n');
}

/**
 * The signature block: the author's; "seen and discussed with" the attending only when someone else
 * (a resident, NP or PA) wrote the note; sometimes a copy to the PCP, unless the PCP wrote it.
 */
export function writeSignature(c: Composer): void {
  const { b, rng, truth } = c;
  b.verbatim('\n');
  const form = rng.int(0, 3);
  switch (form === 2 && c.staff.author === c.staff.attending ? 0 : form) {
    case 0:
      b.text('Electronically signed by ');
      writeClinician(b, c.staff.author, rng);
      b.text(' on ');
      writeDateTime(b, truth.authoredAt, c.style.dateStyle);
      break;
    case 1:
      writeClinician(b, c.staff.author, rng);
      b.verbatim('\n');
      writeDateTime(b, truth.authoredAt, c.style.dateStyle);
      break;
    case 2:
      b.text(
        rng.pick(['Seen and discussed with ', 'Patient seen with ', 'Discussed with attending ']),
      );
      referToClinician(b, c.staff.attending, rng);
      b.text('. ');
      writeClinician(b, c.staff.author, rng);
      break;
    default:
      b.text('-- ');
      writeClinician(b, c.staff.author, rng);
  }
  b.verbatim('\n');
  if (rng.chance(0.2) && c.staff.author !== truth.facts.pcp) {
    b.text(rng.pick(['cc: ', 'CC: ', 'Copy to: ']));
    writeClinician(b, truth.facts.pcp, rng);
    b.verbatim('\n');
  }
}
