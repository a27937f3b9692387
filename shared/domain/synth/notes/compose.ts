// Domain (synth/notes): the three note layouts (history and physical, progress note, discharge summary),
// assembled from the section writers with optional sections and orders varying by the note's style.
import type { Composer } from './composer';
import { writeAssessmentPlan } from './sections/assessment';
import { writeFamilyHistory, writeSocialHistory } from './sections/family-social';
import { writePmh, writePsh } from './sections/background';
import {
  writeAdmissionDiagnosis,
  writeDischargeCondition,
  writeDischargeDiagnoses,
  writeDischargeVitals,
  writeDischargeInstructions,
  writeHospitalCourse,
  writeStayDates,
} from './sections/discharge';
import { writeExam } from './sections/exam';
import {
  writeContactDetails,
  writeFollowUp,
  writeInpatientDisposition,
  writePlannedStudy,
  writeReturnPrecautions,
} from './sections/follow-up';
import { writeHeader } from './sections/headers';
import { historySlots, writeChiefComplaint, writeHpi } from './sections/history';
import {
  writeAllergies,
  writeDischargeMedications,
  writeMedications,
} from './sections/medications';
import { writeGenomics, writeLabs, writeWorkup } from './sections/results';
import { writeRos } from './sections/ros';
import { writeIdentification, writeSignature } from './sections/frame';

/**
 * Optional-section rates by verbosity (terse/usual/verbose): PSH 0.4/0.8/1, family history
 * 0.4/0.8/1, social history 0.5/0.9/1, ROS 0.4/0.85/1; background sections come before or after the
 * medication list with equal probability.
 */
const optionalRates = {
  psh: [0.4, 0.8, 1],
  fhx: [0.4, 0.8, 1],
  shx: [0.5, 0.9, 1],
  ros: [0.4, 0.85, 1],
} as const;

function maybe(c: Composer, section: keyof typeof optionalRates): boolean {
  return c.rng.chance(optionalRates[section][c.style.verbosity]);
}

function writeBackground(c: Composer): void {
  const history = (): void => {
    writePmh(c);
    if (maybe(c, 'psh')) writePsh(c);
  };
  const medications = (): void => {
    writeMedications(c);
    writeAllergies(c);
  };
  const social = (): void => {
    if (maybe(c, 'fhx')) writeFamilyHistory(c);
    if (maybe(c, 'shx')) writeSocialHistory(c);
  };
  const order = c.rng.chance(0.5) ? [history, medications, social] : [history, social, medications];
  for (const part of order) part();
}

function writeResults(c: Composer): void {
  writeLabs(c);
  writeWorkup(c);
  writeGenomics(c);
}

function writeClosing(c: Composer): void {
  writePlannedStudy(c);
  if (c.truth.encounter.kind === 'inpatient') {
    // A note written on the ward plans the stay, not the visit after it (until 1.4.0 admission and
    // progress notes ended with return precautions and "RTC 1 week", as a clinic note does).
    writeInpatientDisposition(c);
  } else {
    if (c.truth.acute || c.rng.chance(0.3)) writeReturnPrecautions(c);
    writeFollowUp(c);
  }
  writeContactDetails(c);
  writeSignature(c);
}

export function writeHistoryAndPhysical(c: Composer, title: string): void {
  writeIdentification(c, title);
  writeChiefComplaint(c);
  writeHpi(c);
  writeBackground(c);
  if (maybe(c, 'ros')) writeRos(c);
  writeExam(c);
  writeResults(c);
  writeAssessmentPlan(c, historySlots(c));
  writeClosing(c);
}

export function writeProgressNote(c: Composer, title: string): void {
  writeIdentification(c, title);
  writeHeader(c, c.truth.encounter.kind === 'inpatient' ? 'interval' : 'subjective');
  writeHpi(c, false);
  if (c.style.verbosity > 0 && c.rng.chance(0.5)) writeMedications(c);
  if (c.rng.chance(0.5)) writeHeader(c, 'objective');
  writeExam(c);
  writeResults(c);
  writeAssessmentPlan(c, historySlots(c));
  writeClosing(c);
}

export function writeDischargeSummary(c: Composer, title: string): void {
  writeIdentification(c, title);
  writeStayDates(c);
  writeAdmissionDiagnosis(c);
  writeDischargeDiagnoses(c);
  if (c.style.verbosity > 0) writeHpi(c);
  writeHospitalCourse(c, historySlots(c));
  writeWorkup(c);
  writeGenomics(c);
  writeDischargeMedications(c);
  if (c.rng.chance(0.6)) writeAllergies(c);
  writeDischargeVitals(c);
  writeDischargeCondition(c);
  writeDischargeInstructions(c);
  writeReturnPrecautions(c);
  writeHeader(c, 'followUp');
  writeFollowUp(c);
  writeContactDetails(c);
  writeSignature(c);
}
