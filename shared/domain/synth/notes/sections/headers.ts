// Domain (synth/notes/sections): section headers in their many written forms ("HPI:", "History of Present
// Illness", "HISTORY OF PRESENT ILLNESS:"), chosen per note style so a note's layout is consistent.
import type { Composer } from '../composer';

export type SectionKey =
  | 'cc'
  | 'hpi'
  | 'pmh'
  | 'psh'
  | 'meds'
  | 'allergies'
  | 'fhx'
  | 'shx'
  | 'ros'
  | 'exam'
  | 'labs'
  | 'assessmentPlan'
  | 'hospitalCourse'
  | 'dischargeMeds'
  | 'followUp'
  | 'dischargeDx'
  | 'admissionDx'
  | 'procedures'
  | 'genomics'
  | 'subjective'
  | 'objective'
  | 'instructions'
  | 'condition'
  | 'interval';

/** [spelled-out titles, short titles]. */
// prettier-ignore
const titles: Readonly<Record<SectionKey, readonly [readonly string[], readonly string[]]>> = {
  cc: [['Chief Complaint', 'Reason for Visit', 'Presenting Complaint'], ['CC', 'RFV']],
  hpi: [['History of Present Illness', 'History of present illness', 'Present Illness'], ['HPI']],
  pmh: [['Past Medical History', 'Medical History', 'Active Problems'], ['PMH', 'PMHx', 'Problem List']],
  psh: [['Past Surgical History', 'Surgical History'], ['PSH', 'PSHx']],
  meds: [['Medications', 'Current Medications', 'Home Medications', 'Outpatient Medications'], ['Meds', 'Home meds', 'Current meds']],
  allergies: [['Allergies', 'Drug Allergies', 'Allergies and Intolerances'], ['ALL', 'Allergies']],
  fhx: [['Family History', 'Family Medical History'], ['FHx', 'FH']],
  shx: [['Social History', 'Social and Behavioral History'], ['SHx', 'SH', 'Social']],
  ros: [['Review of Systems', 'Systems Review'], ['ROS']],
  exam: [['Physical Exam', 'Physical Examination', 'Examination'], ['PE', 'Exam']],
  labs: [['Laboratory Data', 'Labs', 'Results', 'Pertinent Results', 'Data'], ['Labs', 'Data']],
  assessmentPlan: [['Assessment and Plan', 'Assessment & Plan', 'Impression and Plan', 'Impression/Plan'], ['A/P', 'A&P', 'Plan']],
  hospitalCourse: [['Hospital Course', 'Brief Hospital Course', 'Summary of Hospitalization'], ['Hosp course', 'Course']],
  dischargeMeds: [['Discharge Medications', 'Medications at Discharge', 'Discharge Medication List'], ['D/C meds', 'Discharge meds']],
  followUp: [['Follow-up', 'Follow-up Appointments', 'Follow Up Instructions'], ['F/u', 'FU']],
  dischargeDx: [['Discharge Diagnoses', 'Discharge Diagnosis', 'Final Diagnoses'], ['D/C Dx', 'Discharge Dx']],
  admissionDx: [['Admission Diagnosis', 'Admitting Diagnosis', 'Reason for Admission'], ['Admit Dx']],
  procedures: [['Procedures', 'Procedures Performed', 'Studies'], ['Procedures']],
  genomics: [['Molecular Pathology', 'Genomic Testing', 'Tumor Genomics', 'Molecular Profiling'], ['NGS', 'Molecular']],
  subjective: [['Subjective', 'Interval History'], ['S']],
  objective: [['Objective'], ['O']],
  instructions: [['Discharge Instructions', 'Patient Instructions', 'Return Precautions'], ['Instructions', 'Pt instructions']],
  // A condition, never under "Disposition" (until 1.4.0 "Disposition - Good.").
  condition: [['Condition at Discharge', 'Discharge Condition'], ['Condition']],
  interval: [['Interval History', 'Overnight Events', 'Events'], ['Interval hx', 'O/N']],
};

/** Writes the header for `section` in the note's style, followed by a newline or an inline space. */
export function writeHeader(c: Composer, section: SectionKey): void {
  const [long, short] = titles[section];
  const { headers, inlineHeaders } = c.style;
  const title = headers === 'short' && c.rng.chance(0.8) ? c.rng.pick(short) : c.rng.pick(long);
  if (c.style.verbosity > 0 && c.rng.chance(0.5)) c.b.verbatim('\n');
  if (headers === 'upper') c.b.verbatim(title.toUpperCase());
  else if (headers === 'plain') c.b.verbatim(title[0] + title.slice(1).toLowerCase());
  else c.b.verbatim(title);
  if (headers === 'plain') {
    c.b.verbatim('\n');
    return;
  }
  c.b.verbatim(c.rng.chance(0.15) ? ' -' : ':');
  c.b.verbatim(inlineHeaders ? ' ' : '\n');
}
