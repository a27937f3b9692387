// Domain (synth/notes/sections): discharge-summary sections: admission and discharge diagnoses, the
// hospital course (drugs started during the stay treat the reason), condition at discharge, instructions.
import type { ConditionKey } from '../../catalog';
import type { Composer } from '../composer';
import { daysBetween, hasPresent, shiftDate } from '../context';
import { followedByPcp, specialtyOf } from '../lexicon/clinical';
import { writeMedicationName } from '../render/medications';
import {
  writeCondition,
  writeInlineList,
  writeReasonCondition,
  writeSymptom,
} from '../render/mentions';
import { writeDate } from '../render/phi';
import { referToClinician } from '../people';
import { bank, chooseDistinct, gate, render, say, type Slots } from '../template';
import { writeConditionRun } from './assessment';
import { complaintOf } from '../symptom-plan';
import { writeHeader } from './headers';
import { writeAdverseEffect } from './negation';
import { heartRateBand } from './exam';
import { shownMeasurements, writeMeasurements } from '../render/measurements';

export function writeAdmissionDiagnosis(c: Composer): void {
  writeHeader(c, 'admissionDx');
  const { reason, suspected } = c.truth;
  if (reason) writeReasonCondition(c, reason, 'present');
  else if (suspected) {
    c.b.text(c.rng.pick(['possible ', 'r/o ', 'suspected ']));
    writeCondition(c, suspected, 'possible');
  } else if (c.plan.present.length > 0) writeSymptom(c, c.plan.present[0]!, 'present');
  else c.b.text('observation');
  c.b.verbatim('\n');
}

export function writeDischargeDiagnoses(c: Composer): void {
  writeHeader(c, 'dischargeDx');
  const present = c.truth.conditions.filter((x) => x.assertion === 'present');
  const principal = present.filter((x) => x.condition.key === c.truth.reason);
  const secondary = present.filter((x) => x.condition.key !== c.truth.reason).slice(0, 4);
  // Without a catalog reason, the complaint the patient was admitted with is the principal diagnosis.
  const complaint = complaintOf(c.truth, c.plan);
  if (principal.length > 0 || complaint) {
    c.b.text(c.rng.pick(['Principal: ', 'Primary: ', '1. ', '']));
    if (principal.length > 0) writeReasonCondition(c, principal[0]!.condition.key, 'present');
    else writeSymptom(c, complaint!, 'present');
    c.b.verbatim('\n');
  }
  if (secondary.length > 0) {
    c.b.text(c.rng.pick(['Secondary: ', 'Other: ', 'Chronic: ', '']));
    writeConditionRun(c, secondary);
    c.b.verbatim('\n');
  }
  if (principal.length === 0 && secondary.length === 0 && !complaint)
    c.b.text('See above.').verbatim('\n');
}

const courseOpenings = bank(
  '{name} was admitted on {admit} with {reason}.',
  '^{sxs} on presentation; found to have {reason}.',
  'Admitted to {the medicine service|medicine|the hospitalist service|telemetry} for management of {reason}.',
  '{name} was admitted on {admit} for {evaluation|observation|further workup}.',
  'Patient admitted {admit} with {sxs}.',
);

/** A readmission's course opens on the stay it follows (1.15.0; before, as a new event). */
const readmissionCourseOpenings = bank(
  '{name} was readmitted on {admit}, {sinceDischarge} after discharge from {his} stay for {reason}, with {sxs}.',
  'Readmitted {admit} with {sxs} after a recent admission for {reason} (discharged {discharged}).',
  '{name} was readmitted on {admit} {after|following} a recent stay for {reason}.',
  'Readmitted {sinceDischarge} after discharge with {sxs}.',
  '{name} was readmitted on {admit}, {sinceDischarge} after {his} last discharge.',
);

const courseSentences = bank(
  '{He} was {started on|treated with|given} {newMed} with {good response|improvement|clinical improvement}.',
  '^{consultant} ({specialty}) was consulted{ and agreed with the plan| and followed along| for recommendations|}.',
  '^{sxs} {improved|resolved|gradually improved} over the course of the {admission|stay|hospitalization}.',
  '{Hospital course|The remainder of the stay|Course} {otherwise uneventful|was otherwise unremarkable|without complications}.',
  'By {discharge}, {he} was {ambulating independently|tolerating a regular diet|back to baseline}.',
  'By {discharge}, {he} was off supplemental oxygen{breathing}.',
  'Home {homeMed} was {continued|held on admission and resumed|continued without changes}.',
  '{Transferred|Transfer} from {hosp} on {admit}{ for higher level of care|}.',
  '{He} remained {hemodynamically stable{hemodynamic}|afebrile and stable{afebrile}|stable on room air{roomAir}}{stable} and was discharged on hospital day {los}.',
  'PT/OT evaluated {him}{adult} and recommended {home with services|home without needs|outpatient therapy}.',
);

/**
 * Reasons for a stay that may need oxygen (generator choice): lung and heart disease. Until 1.4.0 a
 * diabetes admission ended "off supplemental oxygen".
 */
const cardiorespiratory: ReadonlySet<ConditionKey> = new Set<ConditionKey>([
  'asthma',
  'copd',
  'lung-cancer',
  'heart-failure',
  'myocardial-infarction',
  'coronary-disease',
  'atrial-fibrillation',
]);

/**
 * What the discharge-day vitals the summary shows support saying (gates), by the clinical-stability
 * criteria of Halm EA et al. (JAMA 1998;279:1452): "hemodynamically stable" with a heart rate not
 * above the age's normal range (PALS 2020; 100/min from 12, as Halm) and a systolic of at least 90
 * mmHg (from 10 years; 70 + 2 x age under 10, the PALS 2020 hypotension limit); "afebrile" under 38.0
 * °C; "on room air" with SpO2 at least 90%. A claim needs its number shown (until 1.6.0 the summary
 * said them of the admission's vitals, or of none).
 */
export function dischargeStability(c: Composer): Slots {
  const value = (key: 'bloodPressurePanel' | 'bodyTemperature' | 'oxygenSaturation') =>
    c.truth.measurements.find((m) => m.key === key)?.value;
  const hasPulse = c.truth.measurements.some((m) => m.key === 'heartRate');
  const systolic = value('bloodPressurePanel');
  const age = c.truth.ageYears;
  const hypotensive = systolic !== undefined && systolic < (age >= 10 ? 90 : 70 + 2 * age);
  const temperature = value('bodyTemperature');
  const spo2 = value('oxygenSaturation');
  const slots = {
    hemodynamic: hasPulse && heartRateBand(c) !== 'fast' && !hypotensive ? gate : undefined,
    afebrile: temperature !== undefined && temperature < 38 ? gate : undefined,
    roomAir: spo2 !== undefined && spo2 >= 90 ? gate : undefined,
  };
  return { ...slots, stable: Object.values(slots).some(Boolean) ? gate : undefined };
}

/**
 * The discharge day's vital signs, when the stay has a set taken that day ("Vitals at discharge:
 * BP 124/78, HR 76..."), from a stream of their own so the rest of the summary draws as before.
 */
export function writeDischargeVitals(c: Composer): void {
  const vitals = shownMeasurements(c, true).filter(
    (m) => m.at.slice(0, 10) === c.truth.date && wardKeys.has(m.key),
  );
  if (vitals.length === 0) return;
  const v: Composer = { ...c, rng: c.rng.fork('discharge-vitals') };
  v.b.text(v.rng.pick(['Discharge vitals: ', 'Vitals at discharge: ', 'VS at discharge: ']));
  writeMeasurements(v, vitals, v.rng.chance(0.75));
}

/** The vital signs of a ward set (state/ward-vitals.ts); weight and height are the admission's. */
const wardKeys: ReadonlySet<string> = new Set([
  'bloodPressurePanel',
  'heartRate',
  'respiratoryRate',
  'oxygenSaturation',
  'bodyTemperature',
]);

function courseSlots(c: Composer, base: Slots): Slots {
  const { encounter, medications, reason } = c.truth;
  const key = reason ?? c.truth.suspected;
  const oxygen =
    (key !== undefined && cardiorespiratory.has(key)) || c.plan.present.includes('dyspnea');
  const started = medications.filter((m) => daysBetween(encounter.start, m.start) >= 0);
  const home = medications.filter((m) => daysBetween(encounter.start, m.start) < 0);
  const specialty = specialtyOf(c.truth);
  const specialist = !followedByPcp(specialty);
  let reasonIndex = -1;
  return {
    ...base,
    ...dischargeStability(c),
    reason: reason ? () => (reasonIndex = writeReasonCondition(c, reason, 'present')) : undefined,
    admit: (b) => writeDate(b, encounter.start, c.style.dateStyle, c.rng),
    discharge: (b) => writeDate(b, encounter.end, c.style.dateStyle, c.rng),
    los: (b) => b.verbatim(String(Math.max(1, daysBetween(encounter.start, encounter.end) + 1))),
    newMed:
      started.length > 0
        ? () => {
            const m = c.rng.pick(started);
            const chem = writeMedicationName(c, m);
            if (m.indication === reason && reasonIndex >= 0)
              c.b.relate('treats', chem, reasonIndex);
          }
        : undefined,
    homeMed: home.length > 0 ? () => writeMedicationName(c, c.rng.pick(home)) : undefined,
    // A consultant only from a specialty: never "Dr. X (primary care) was consulted".
    consultant: specialist ? (b) => referToClinician(b, c.staff.consultant, c.rng) : undefined,
    specialty: (b) => b.text(specialty),
    him: (b) => b.text(c.pronouns.object),
    // Gates that write nothing: "off supplemental oxygen" only after a stay for the lungs or heart or
    // with shortness of breath; PT/OT only for adults (until 1.4.0 "PT/OT evaluated her" of a
    // 19-month-old).
    breathing: oxygen ? gate : undefined,
    adult: c.truth.ageYears >= 18 ? gate : undefined,
    // Only after a transfer, and the hospital the H&P names (until 1.4.0 drawn per sentence: half the
    // summaries "transferred" a patient whose H&P "presents to the ED").
    hosp: c.arrival.hospital ? (b) => b.phiSpan(c.arrival.hospital!, 'LOCATION') : undefined,
    sxs:
      c.plan.present.length > 0
        ? () =>
            writeInlineList(
              c,
              c.plan.present.slice(0, 2),
              (s) => void writeSymptom(c, s, 'present'),
            )
        : undefined,
  };
}

/** The hospital course: 3-6 sentences, admission sentence first. */
export function writeHospitalCourse(c: Composer, base: Slots): void {
  writeHeader(c, 'hospitalCourse');
  const slots = courseSlots(c, base);
  say(c.b, c.truth.readmittedAfter ? readmissionCourseOpenings : courseOpenings, c.rng, slots);
  const count = 2 + c.style.verbosity + c.rng.int(0, 1);
  for (const sentence of chooseDistinct(courseSentences, c.rng, slots, count)) {
    c.b.verbatim(' ');
    render(c.b, sentence, c.rng, slots);
  }
  if (c.plan.adverseEffect) c.b.verbatim(' ');
  writeAdverseEffect(c);
  c.b.verbatim('\n');
}

const conditions = bank(
  'Stable.',
  'Good.',
  'Improved.',
  'Stable for discharge home.',
  'Hemodynamically stable{hemodynamic}, ambulatory.',
  'Fair; discharged to home with services.',
);

export function writeDischargeCondition(c: Composer): void {
  writeHeader(c, 'condition');
  say(c.b, conditions, c.rng, dischargeStability(c));
  c.b.verbatim('\n');
}

/**
 * Discharge instructions, each only for the patients it fits (until 1.4.0 any of them went to anyone:
 * "Weigh yourself daily" without heart failure, a "Diabetic diet" without diabetes, "No driving" for a
 * 1-year-old, "Take all medications" with none). Generator choices, after common discharge teaching:
 * a diabetic diet with diabetes, low sodium with heart failure, hypertension or CKD, heart-healthy
 * with coronary disease, a past MI, stroke or hyperlipidaemia; daily weights with heart failure; no
 * driving for an adult after syncope or a stroke; "as prescribed" only with medications.
 */
const generalInstructions = bank('{diet}. Activity as tolerated.');
const medicationInstructions = bank('Take all medications as prescribed.');
const heartFailureInstructions = bank(
  'Weigh yourself daily{; call if weight increases by more than 3 lb in a day|}.',
);
const drivingInstructions = bank('No driving until cleared by {his} doctor.');

function dietOf(c: Composer): string {
  if (c.truth.ageYears < 12) return c.rng.pick(['Regular diet for age', 'Regular diet']);
  if (hasPresent(c.truth, 'type2-diabetes', 'type1-diabetes'))
    return c.rng.pick(['Diabetic diet', 'Carb-controlled diet']);
  if (hasPresent(c.truth, 'heart-failure', 'hypertension', 'ckd'))
    return c.rng.pick(['Low-sodium diet', '2 g sodium diet']);
  if (hasPresent(c.truth, 'coronary-disease', 'myocardial-infarction', 'stroke', 'hyperlipidaemia'))
    return 'Heart-healthy diet';
  return 'Regular diet';
}

export function writeDischargeInstructions(c: Composer): void {
  writeHeader(c, 'instructions');
  const drive =
    c.truth.ageYears >= 18 && (c.plan.present.includes('syncope') || hasPresent(c.truth, 'stroke'));
  const templates = [
    ...generalInstructions,
    ...(c.truth.medications.length > 0 ? medicationInstructions : []),
    ...(hasPresent(c.truth, 'heart-failure') ? heartFailureInstructions : []),
    ...(drive ? drivingInstructions : []),
  ];
  say(c.b, templates, c.rng, {
    his: (b) => b.text(c.pronouns.possessive),
    diet: (b) => b.text(dietOf(c)),
  });
  c.b.verbatim(' ');
}

/** "Admission Date: ... Discharge Date: ..." */
export function writeStayDates(c: Composer): void {
  const { encounter } = c.truth;
  c.b.text(c.rng.pick(['Admission Date: ', 'Date of Admission: ', 'Admitted: ', 'Admit date: ']));
  writeDate(c.b, encounter.start, c.style.dateStyle, c.rng);
  c.b.verbatim(c.rng.chance(0.5) ? '\n' : '   ');
  c.b.text(c.rng.pick(['Discharge Date: ', 'Date of Discharge: ', 'Discharged: ', 'D/C date: ']));
  writeDate(c.b, shiftDate(encounter.end, 0), c.style.dateStyle, c.rng);
  c.b.verbatim('\n');
}
