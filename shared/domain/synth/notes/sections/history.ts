// Domain (synth/notes/sections): chief complaint and history of present illness: who the patient is, why
// they came, the symptoms they have (present) and pertinent negatives, in many phrasings and clause orders.
import { sample, type Composer } from '../composer';
import { daysBetween, diagnosesReason, hospitalDayOf, shiftDate } from '../context';
import { symptoms, type SymptomKey } from '../lexicon/symptoms';
import { toldAt } from '../symptom-plan';
import {
  writeCondition,
  writeInlineList,
  writeReasonCondition,
  writeSymptom,
} from '../render/mentions';
import { writeAge, writeDate, writePatientName } from '../render/phi';
import { bank, chooseDistinct, gate, render, say, type Slots, type Template } from '../template';
import { wellChild } from './frame';
import { writeHeader } from './headers';
import {
  parentOf,
  parentReportsUnder,
  writeAdverseEffect,
  writeDenial,
  writeDenialClause,
} from './negation';
import { writePastConditions } from './background';

/**
 * Openings for emergency visits and admissions (>= 8). How the patient came (`Composer.arrival`) gates
 * those that say it: "admitted for" only on the ward, "transferred from" only after a transfer, "by
 * EMS" only by ambulance, "presents to the ED" never after a transfer (until 1.4.0 any of them: ED
 * notes "admitted for" or "transferred from" that then sent the patient home).
 */
const hospitalOpenings = bank(
  '{name} is {aAge} {sex} with {a history of|a PMH of|a past medical history significant for|known} {pmh} who presents with {cc}. ',
  '{age} {sexShort} w/ {pmh} p/w {cc} x {dur}. ',
  '<Patient|Pt> is {aAge} {sex} presenting to the {ED|emergency department|ER}{viaEd} with {cc}. ',
  'This is {aAge} {sex} with {pmh} admitted{onWard} for {cc}. ',
  '{name}, {aAge} {sex} with {pmh}, presents with {dur} of {cc}. ',
  '{name} is {aAge} {sex} who was in {his} usual state of health until {dur} ago, when {he} developed {cc}. ',
  'Briefly, {he} is {aAge} {sex} with {pmh} who was transferred from {hosp} with {cc}. ',
  '{name} is {aAge} {sex} who presents to the {ED|ER}{viaEd} on {visitDate} with {cc}. ',
  '{age} {sex} brought in by EMS{byEms} with {cc}. ',
);

/**
 * Openings for a readmission's H&P (`NoteTruth.readmittedAfter`): a return after the earlier stay, with
 * what brought the patient back (until 1.15.0 it opened as a new event: "presents with weakness and
 * slurred speech" three weeks after the stroke it was admitted for).
 */
const readmissionOpenings = bank(
  '{name} is {aAge} {sex} with {pmh} who was discharged on {discharged} after {an admission|a stay} for {reason} and is readmitted with {cc}. ',
  '{age} {sexShort} readmitted {sinceDischarge} after discharge {for|following} {reason}, now with {cc}. ',
  '<Patient|Pt> is {aAge} {sex} readmitted within 30 days of {his} recent admission for {reason}, presenting with {cc}. ',
  '{name} is {aAge} {sex} with {pmh}, discharged from this hospital on {discharged}, who is readmitted {sinceDischarge} later with {cc}. ',
  'Readmission. {He} was discharged on {discharged} and presents {sinceDischarge} later with {cc}. ',
);

/** A child's readmission (under 12, told with the parent, as `childOpenings`): a return after the stay. */
const childReadmissionOpenings = bank(
  '{name} is {aAge} {boy} discharged on {discharged} after {an admission|a stay} for {reason}, brought back by {his} {relRole} with {cc}. ',
  '{age} {boy} readmitted {sinceDischarge} after discharge {for|following} {reason}, now with {cc} per {relRole}. ',
  '{name} is {aAge} {boy} readmitted within 30 days of {his} recent admission for {reason}; {his} {relRole} reports {cc}. ',
  'Readmission. {name} is {aAge} {boy} discharged on {discharged}, brought back {sinceDischarge} later by {his} {relRole} with {cc}. ',
);

/** Openings for symptomatic clinic visits. */
const clinicOpenings = bank(
  '{age} {sex} with history of {pmh} who comes in complaining of {cc}. ',
  '{age} {sex} {with PMH of|w/ PMH} {pmh} here with {cc}. ',
  '{name} is {aAge} {sex} seen today for {dur} of {cc}. ',
  '{name} is {aAge} {sex} with {pmh} who reports {cc} since {his} last visit. ',
  '<Patient|Pt> is {aAge} {sex} presenting to clinic with {cc}. ',
  '{age} {sexShort} w/ {pmh} c/o {cc} x {dur}. ',
  '{name} returns with {cc}, present for {dur}. ',
);

/** Openings for hospital encounters without a presenting symptom (observation, suspected diagnosis). */
const hospitalEvaluationOpenings = bank(
  '{name} is {aAge} {sex} with {pmh} admitted for {observation|evaluation|monitoring}. ',
  '{aAge} {sex} {with PMH of|w/} {pmh}, admitted for evaluation of {possible|suspected|presumed} {suspect}. ',
  '<Patient|Pt> is {aAge} {sex} referred to the {ED|emergency department} for {further evaluation|workup}{ of {concern for|possible} {suspect}|}. ',
  '{name} presented on {visitDate} for {evaluation|observation}{ (r/o {suspect})|}. ',
);

/** Inpatient progress-note openings: the interval since the last note. */
const intervalOpenings = bank(
  'No acute events overnight. ',
  'Feels {better|about the same|somewhat improved} today. ',
  'Overnight {he} {slept well|had poor sleep|required no PRNs}. ',
  'Hospital day {hospitalDay}. {He} reports {cc} {is improving|persists|is slowly better}. ',
  'Seen and examined this morning at bedside. ',
  'Events: none. {He} is {tolerating diet|ambulating in the hallway|asking about discharge}. ',
);

const followUpOpenings = bank(
  '{name} is {aAge} {sex} with {pmh} who presents for follow-up of {reason}. ',
  '<Patient|Pt> returns for routine follow-up of {reason}. ',
  '{age} {sex} here for {a 3-month|a 6-month|a routine|an interval} follow-up of {reason}. ',
  '{name} comes in today to follow up on {reason}. ',
  'Seen today for {reason} follow-up. ',
  '{He} is here to discuss {his} {reason}. ',
  '{age} {sexShort} with {pmh}, here for {reason}. ',
  '{name} was last seen on {date} and returns for {reason}. ',
);

/**
 * A clinic visit that makes its diagnosis is an evaluation (until 1.5.0 it read "Patient returns for
 * routine follow-up of ADHD" at the visit that diagnosed it, under "CC: follow-up: ADHD").
 */
const newDiagnosisOpenings = bank(
  '{name} is {aAge} {sex} with {pmh} who presents for evaluation of {reason}. ',
  '<Patient|Pt> presents for evaluation of {reason}. ',
  '{age} {sex} seen today for evaluation of {reason}. ',
  '{age} {sexShort} with {pmh}, here for evaluation of {reason}. ',
  '{name} comes in today to discuss {reason}. ',
  '{He} is brought in by {parent} for evaluation of {reason}{minor}. ',
);

const wellnessOpenings = bank(
  '{name} is {aAge} {sex} here for {an annual physical|a routine wellness visit|a preventive care visit}. ',
  'Annual exam. {He} has no acute complaints. ',
  '<Patient|Pt> presents for {his} annual physical and feels well. ',
  '{age} {sex} presenting for routine health maintenance. ',
  '{name} is {aAge} {sex} with {pmh} here for {his} yearly check-up. ',
  'Here for a {well visit|physical|wellness exam}; no new concerns. ',
);

/** Preventive visits under 3 (well-child checks). */
const wellChildOpenings = bank(
  '{name} is {aAge} {boy} here for {his} {visitAge} well-child visit{ with {his} {relRole}|}. ',
  '{visitAge} well-child check. {His} {relRole} has no concerns. ',
  '<Patient|Pt> is {aAge} {boy} brought in by {his} {relRole} for a routine well-child check. ',
  '{age} {boy} here for a well visit; {feeding well|growing well|meeting milestones}{ per {relRole}|}. ',
);

const childOpenings = bank(
  '{name} is {aAge} {boy} brought in by {his} {relRole} for {cc}. ',
  '{age} {boy} with {cc} x {dur}, per {relRole}. ',
  '{name} is {aAge} {boy} here with {his} {relRole}, {rel}, for {cc}. ',
  '{age} {boy} presenting with {dur} of {cc}. {His} {relRole} reports {he} has been {unsettled}. ',
  '{name} is {aAge} {boy} with {pmh} who presents with {cc}. ',
);

const symptomSentences = bank(
  '{He} reports {sxs} for the past {dur}',
  'Endorses {sxs}',
  '<Complains of|C/o> {sxs} x {dur}',
  '{He} has been experiencing {sxs} since {onsetDate}',
  'Notes worsening {sxs} over the last {dur}',
  'Positive for {sxs}',
  'Reports {sxs} that started {dur} ago',
  'Associated symptoms include {others}',
  'Also with {others}',
  '{His} main concern is {sxs}',
  'Over the past {dur} {he} has noticed {sxs}',
  '+{sxs}',
);

/**
 * Symptom sentences for a child under 4, whose symptoms a parent reports (until 1.4.0 "Over the past
 * 1 week he has noticed ear pain" of a 4-month-old). "Associated symptoms" and "also with" name only
 * symptoms the opening did not (until 1.4.0 "...for poor concentration. Associated symptoms include
 * poor concentration").
 */
const parentReportedSentences = bank(
  '{Parent} reports {sxs} for the past {dur}',
  'Per {parent}, {sxs} x {dur}',
  '{He} has had {sxs} since {onsetDate}{ per {parent}|}',
  '{Parent} has noticed {sxs} over the last {dur}',
  'Positive for {sxs}',
  'Associated symptoms include {others}',
  'Also with {others}',
  '{Parent} is most concerned about {sxs}',
  '+{sxs}',
);

/** The visit's age as a well-child schedule names it: "2-month", "15-month", "2-year". */
function visitAge(years: number, months: number): string {
  return years < 2 ? `${Math.max(1, months)}-month` : `${years}-year`;
}

/** "a" or "an" before a spoken age ("an 8-year-old", "an 11-month-old", "an 87 y/o", "a newborn"). */
export function articleForAge(years: number, months: number): string {
  const n = years < 2 ? months : years;
  const vowelSound = n === 8 || n === 11 || n === 18 || (n >= 80 && n <= 89);
  return years < 2 && months === 0 ? 'a ' : vowelSound ? 'an ' : 'a ';
}

/**
 * The words a note uses for the patient after the age ("a 45-year-old woman", "an 8 y.o. boy", "a
 * 7-month-old infant girl"): a child is never a man, woman, lady or gentleman (generator 1.2.0 and
 * earlier called 26% of children's notes' patients so), and an infant is under 1 year (until 1.4.0
 * "a 16 month old infant girl").
 */
export function personWords(female: boolean, years: number, months: number): readonly string[] {
  if (years >= 18) return female ? adultWords.female : adultWords.male;
  const child = female ? childWords.female : childWords.male;
  if (years >= 13) return child.adolescent;
  return months > 0 && months < 12 ? child.infant : child.child;
}

const adultWords = {
  female: ['female', 'woman', 'F', 'lady'],
  male: ['male', 'man', 'M', 'gentleman'],
} as const;
const childWords = {
  female: {
    infant: ['female', 'girl', 'F', 'infant girl'],
    child: ['female', 'girl', 'F'],
    adolescent: ['female', 'girl', 'F', 'adolescent female'],
  },
  male: {
    infant: ['male', 'boy', 'M', 'infant boy'],
    child: ['male', 'boy', 'M'],
    adolescent: ['male', 'boy', 'M', 'adolescent male'],
  },
} as const;

/** The slot fillers every history sentence may use (undefined when the note has nothing to say). */
export function historySlots(c: Composer): Slots {
  // One set per note (they only close over the note's own state), kept on the composer.
  return (c.historySlots ??= buildHistorySlots(c));
}

/**
 * The slots naming the patient (name, age "an 87 y/o", sex words, pronouns) and those of the history
 * itself, built as one object literal (not one spread into another: this runs for every note).
 */
function buildHistorySlots(c: Composer): Slots {
  const { truth, pronouns: p } = c;
  const female = truth.patient.demographics.sex === 'female';
  const { ageYears: years, ageMonths: months } = truth;
  const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
  const sexWords = personWords(female, years, months);
  const childWord =
    months > 0 && months < 12 ? `infant ${female ? 'girl' : 'boy'}` : female ? 'girl' : 'boy';
  const others = truth.conditions.filter((x) => x.condition.key !== truth.reason);
  const present = c.plan.present;
  const writePresent = (s: SymptomKey): void => void writeSymptom(c, s, 'present');
  return {
    name: (b) => writePatientName(b, truth.patient, c.rng, c.rng.chance(0.5)),
    age: (b) => writeAge(b, years, months, c.rng),
    aAge: (b) => writeAge(b.text(articleForAge(years, months)), years, months, c.rng),
    sex: (b) => b.text(c.rng.pick(sexWords)),
    // After {age}, which always carries its unit ("45 y/o"): never "yo F", which doubled it.
    sexShort: (b) => b.verbatim(c.rng.pick(female ? ['F', 'f'] : ['M', 'm'])),
    boy: (b) => b.text(childWord),
    He: (b) => b.text(cap(p.subject)),
    he: (b) => b.text(p.subject),
    his: (b) => b.text(p.possessive),
    His: (b) => b.text(cap(p.possessive)),
    dur: (b) => b.text(c.plan.onset.text),
    visitAge: (b) => b.text(visitAge(years, months)),
    // The assessment's summary line (sections/assessment.ts): the verb by setting, and gates that
    // write nothing (a regimen to be on, a visit before this one).
    presentingWith: (b) =>
      b.text(
        truth.encounter.kind === 'inpatient'
          ? c.rng.pick(['admitted with', 'admitted for'])
          : truth.encounter.kind === 'emergency'
            ? 'presenting with'
            : c.rng.pick(['here for', 'seen for']),
      ),
    regimen: truth.medications.length > 0 ? gate : undefined,
    minor: years < 18 ? gate : undefined,
    priorVisit: truth.patient.encounters.some((e) => e.start < truth.encounter.start)
      ? gate
      : undefined,
    // What a parent says of an unwell child: "fussy" only under 4 (until 1.4.0 of 8-year-olds too).
    unsettled: (b) =>
      b.text(
        years < 4
          ? c.rng.pick(['fussy', 'more irritable than usual', 'fussy and not feeding well'])
          : c.rng.pick([
              'less active than usual',
              female ? 'not herself' : 'not himself',
              'more tired than usual',
            ]),
      ),
    hospitalDay: (b) => b.verbatim(String(hospitalDayOf(truth.encounter))),
    pmh:
      others.length > 0
        ? () => writePastConditions(c, sample(c.rng, others, c.rng.int(1, 4)), 'inline')
        : undefined,
    cc: present.length > 0 || truth.reason ? () => writeComplaint(c) : undefined,
    sxs:
      present.length > 0
        ? () => writeInlineList(c, sample(c.rng, present, c.rng.int(1, 3)), writePresent)
        : undefined,
    // Symptoms the HPI has not named yet: filled per sentence by writeHpi; here only its gate.
    others: present.length > 1 ? gate : undefined,
    parent: (b) => b.text(parentOf(c)),
    Parent: (b) => {
      const parent = parentOf(c);
      b.text(parent[0]!.toUpperCase() + parent.slice(1));
    },
    reason: truth.reason ? () => writeReasonCondition(c, truth.reason!, 'present') : undefined,
    suspect: truth.suspected ? () => writeCondition(c, truth.suspected!, 'possible') : undefined,
    hosp: c.arrival.hospital ? (b) => b.phiSpan(c.arrival.hospital!, 'LOCATION') : undefined,
    viaEd: c.arrival.mode !== 'transfer' ? gate : undefined,
    byEms: c.arrival.mode === 'ems' ? gate : undefined,
    onWard: truth.encounter.kind === 'inpatient' ? gate : undefined,
    // A day before the note (symptoms since, last seen on); the visit's own day for "presented on"
    // (until 1.3.0 that too was a day 1-20 days before the visit).
    date: (b) => writeDate(b, shiftDate(truth.date, -c.rng.int(1, 20)), c.style.dateStyle, c.rng),
    visitDate: (b) => writeDate(b, truth.encounter.start, c.style.dateStyle, c.rng),
    // A readmission's earlier stay: its discharge date, and the days from it to this admission.
    discharged: truth.readmittedAfter
      ? (b) => writeDate(b, truth.readmittedAfter!, c.style.dateStyle, c.rng)
      : undefined,
    sinceDischarge: truth.readmittedAfter
      ? (b) => {
          const days = daysBetween(truth.readmittedAfter!, truth.encounter.start);
          b.text(days === 1 ? '1 day' : `${days} days`);
        }
      : undefined,
    onsetDate: (b) =>
      writeDate(
        b,
        shiftDate(toldAt(truth).slice(0, 10), -c.plan.onset.days),
        c.style.dateStyle,
        c.rng,
      ),
    relRole: (b) => b.text(truth.facts.relativeRole),
    rel: (b) => b.phiSpan(`${truth.facts.relative.given} ${truth.facts.relative.family}`, 'NAME'),
  };
}

/** The presenting complaint: the leading symptoms, else the reason condition. */
function writeComplaint(c: Composer): void {
  const present = c.plan.present;
  if (present.length === 0) {
    writeReasonCondition(c, c.truth.reason!, 'present');
    return;
  }
  writeInlineList(c, present.slice(0, 2), (s) => void writeSymptom(c, s, 'present'));
}

/** "Chief Complaint: shortness of breath" / quoted patient words / "f/u HTN". */
export function writeChiefComplaint(c: Composer): void {
  writeHeader(c, 'cc');
  const { present } = c.plan;
  if (present.length > 0 && c.rng.chance(0.3)) {
    // The patient's words, quoted: "chest pain for 2 days", "my wheezing".
    c.b.verbatim('"');
    c.b.text(c.rng.pick(['my ', '', '']));
    writeSymptom(c, present[0]!, 'present');
    const { text } = c.plan.onset;
    c.b.text(c.rng.pick([` for ${text}`, ' is worse', '', ` x ${text}`]));
    c.b.verbatim('"\n');
  } else if (present.length > 0) {
    writeComplaint(c);
    c.b.verbatim('\n');
  } else if (c.truth.reason) {
    if (diagnosesReason(c.truth))
      c.b.text(c.rng.pick(['evaluation of ', 'eval of ', 'evaluate ', 'discuss ']));
    else
      c.b.text(c.b.abbreviate('follow-up', ['f/u', 'F/U'])).text(c.rng.pick([' of ', ' ', ': ']));
    writeReasonCondition(c, c.truth.reason, 'present');
    c.b.verbatim('\n');
  } else {
    c.b
      .text(
        c.rng.pick(
          wellChild(c)
            ? ['Well-child check', 'Well child visit', 'WCC', 'Routine visit']
            : ['Annual physical', 'Routine visit', 'Wellness exam', 'Health maintenance'],
        ),
      )
      .verbatim('\n');
  }
}

function openings(c: Composer, interval: boolean): readonly Template[] {
  if (interval) return intervalOpenings;
  const hospital = c.truth.encounter.kind === 'inpatient' || c.truth.encounter.kind === 'emergency';
  // A readmission is told as one at any age (until 1.16.1 a child's opened as a new presentation).
  if (c.truth.readmittedAfter && hospital && c.plan.present.length > 0)
    return c.truth.ageYears < 12 ? childReadmissionOpenings : readmissionOpenings;
  if (c.truth.ageYears < 12 && c.plan.present.length > 0) return childOpenings;
  if (c.plan.present.length > 0) return hospital ? hospitalOpenings : clinicOpenings;
  if (hospital && !c.truth.reason) return hospitalEvaluationOpenings;
  if (c.truth.reason) return diagnosesReason(c.truth) ? newDiagnosisOpenings : followUpOpenings;
  return wellChild(c) ? wellChildOpenings : wellnessOpenings;
}

/** The HPI: an opening, symptom sentences (with trailing denials), an adverse effect, denials. */
export function writeHpi(c: Composer, withHeader = true): void {
  if (withHeader) writeHeader(c, 'hpi');
  const slots = historySlots(c);
  const interval = c.truth.kind === 'progress' && c.truth.encounter.kind === 'inpatient';
  const hpiStart = c.b.length;
  say(c.b, openings(c, interval), c.rng, slots);
  const sentences =
    c.plan.present.length > 1 ? c.rng.int(1, 2 + c.style.verbosity) : c.plan.present.length;
  const young = c.truth.ageYears < parentReportsUnder;
  const sentenceBank = young ? parentReportedSentences : symptomSentences;
  for (const sentence of chooseDistinct(sentenceBank, c.rng, slots, sentences)) {
    if (sentence.slots.includes('others')) {
      // "Associated symptoms include" only what the HPI has not named (by code, not by the text,
      // which may carry a typo); the sentence is left out when nothing is left.
      const named = (k: SymptomKey): boolean =>
        c.b.entities.some(
          (e) => e.start >= hpiStart && e.assertion === 'present' && e.code === symptoms[k].code,
        );
      const rest = c.plan.present.filter((k) => !named(k));
      if (rest.length === 0) continue;
      render(c.b, sentence, c.rng, {
        ...slots,
        others: () =>
          writeInlineList(c, sample(c.rng, rest, c.rng.int(1, 2)), (k) => {
            writeSymptom(c, k, 'present');
          }),
      });
    } else render(c.b, sentence, c.rng, slots);
    if (c.rng.chance(0.3)) writeDenialClause(c);
    c.b.text('. ');
  }
  writeAdverseEffect(c);
  for (let i = 0; i < 1 + c.style.verbosity; i++) if (c.rng.chance(0.75)) writeDenial(c, 4);
  c.b.verbatim('\n');
}
