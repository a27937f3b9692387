// Domain (synth/notes/sections): what comes next: return precautions (hypothetical symptoms), planned
// studies and screening (hypothetical procedures), follow-up appointments, and contact details (PHI).
import type { Composer } from '../composer';
import { daysBetween, hasPresent, shiftDate } from '../context';
import { followedByPcp, specialtyOf, workupFor, type ProcedureKey } from '../lexicon/clinical';
import type { SymptomKey } from '../lexicon/symptoms';
import { presentationSymptoms } from '../symptom-plan';
import { writeMedicationName } from '../render/medications';
import { listIsPlural, writeInlineList, writeProcedure, writeSymptom } from '../render/mentions';
import {
  writeAddress,
  writeClinicPhone,
  writeDate,
  writeEmail,
  writeIp,
  writePatientPhone,
  writePortalUrl,
} from '../render/phi';
import { referToClinician } from '../people';
import { bank, say } from '../template';

/**
 * Return precautions (>= 8 phrasings); the symptoms are hypothetical. The verbs after the list agree
 * with it (`listIsPlural`; until 1.4.0 "if fever and vomiting develops"), and for a child under 12
 * it is the parent who calls.
 */
const precautions = bank(
  'Call if {sxs} or other concerns.',
  'Advised to seek care for any {sxs}.',
  'Return precautions reviewed, including {sxs}.',
  'Watch for {sxs}.',
);
/**
 * Back to the ED only from an ED visit or a stay, or for an emergency sign (until 1.4.0 clinic notes
 * said "Return to the ED if trouble focusing, vomiting develop").
 */
const edPrecautions = bank('Return to the ED if {sxs} {develop}.');
/**
 * Urgency fits the symptoms (until 1.4.0 "In case of nasal congestion, call 911" and "If CP occurs, he
 * should call the clinic"): 911 only when every symptom listed is an emergency warning sign, the
 * clinic only when none is.
 */
const emergencyPrecautions = bank('In case of {sxs}, call 911.');
const clinicPrecautions = bank('If {sxs} {develop}, {caller} should call the clinic.');

/**
 * Warning signs that call for emergency care rather than a call to the clinic (generator choice,
 * after common ED discharge instructions): chest pain, shortness of breath, fainting, coughing up
 * blood, blood in the stool.
 */
const emergencySigns: ReadonlySet<SymptomKey> = new Set<SymptomKey>([
  'chestPain',
  'dyspnea',
  'syncope',
  'hemoptysis',
  'bloodInStool',
]);
/**
 * Phrasings that say the symptoms are already there ("should chest pain worsen"): only for symptoms
 * the patient has at this visit (until 1.3.0 also for warning signs the patient never had).
 */
const worseningPrecautions = bank(
  'Should {sxs} worsen, {he} will return.',
  '{Caller} knows to come back if {sxs} {recur}.',
  'If {sxs} {recur}, use {med}.',
);

/** Warning symptoms every return-precaution list may name, for adults and for young children. */
const adultWarnings: readonly SymptomKey[] = [
  'chestPain',
  'dyspnea',
  'fever',
  'syncope',
  'vomiting',
];
const childWarnings: readonly SymptomKey[] = ['fever', 'vomiting', 'rash', 'dyspnea', 'diarrhea'];

export function writeReturnPrecautions(c: Composer): void {
  const warnings = c.truth.ageYears < 12 ? childWarnings : adultWarnings;
  const pool = [...new Set([...presentationSymptoms(c.truth), ...warnings])];
  const items = pool.filter(() => c.rng.chance(0.35)).slice(0, 3);
  if (items.length === 0) items.push(c.rng.pick(pool));
  const rescue = c.truth.medications.find((m) => m.asNeeded);
  const present = items.every((s) => c.plan.present.includes(s));
  // A symptom the patient already has can only get worse (until 1.4.0 "If nausea occurs, he should
  // call the clinic" to a patient with nausea, "Return to the ED if shortness of breath; wheezing
  // develop" after a COPD admission).
  const worsening = items.some((s) => c.plan.present.includes(s));
  const child = c.truth.ageYears < 12;
  const caller = child
    ? `${c.pronouns.possessive} ${c.truth.facts.relativeRole}`
    : c.pronouns.subject;
  const emergent = items.filter((s) => emergencySigns.has(s)).length;
  const kind = c.truth.encounter.kind;
  const templates = [
    ...precautions,
    ...(kind === 'emergency' || kind === 'inpatient' || emergent > 0 ? edPrecautions : []),
    ...(emergent === items.length ? emergencyPrecautions : []),
    ...(emergent === 0 ? clinicPrecautions : []),
    ...(present ? worseningPrecautions : []),
  ];
  let plural = false;
  say(c.b, templates, c.rng, {
    sxs: () => {
      const join = writeInlineList(c, items, (s) => void writeSymptom(c, s, 'hypothetical'), true);
      plural = listIsPlural(c, join);
    },
    develop: (b) =>
      b.text(
        c.rng.pick(
          worsening
            ? plural
              ? ['worsen', 'do not improve', 'get worse']
              : ['worsens', 'does not improve', 'gets worse']
            : plural
              ? ['develop', 'occur']
              : ['develops', 'occurs'],
        ),
      ),
    recur: (b) => b.text(c.rng.pick(plural ? ['recur', 'return'] : ['recurs', 'returns'])),
    caller: (b) => b.text(caller),
    Caller: (b) => b.text(caller[0]!.toUpperCase() + caller.slice(1)),
    he: (b) => b.text(c.pronouns.subject),
    med: rescue ? () => writeMedicationName(c, rescue) : undefined,
  });
  c.b.verbatim('\n');
}

const plannedStudies = bank(
  'Will obtain {proc}.',
  'Plan {proc} {when}.',
  'Order {proc}.',
  'Consider {proc} if no improvement.',
  '{proc} pending.',
  'Schedule {proc}.',
);
const screening = bank(
  'Due for {proc}; ordered.',
  '{proc} recommended{ this year|}.',
  'Discussed {proc}; {he} will schedule.',
  'Overdue for {proc}.',
);

/**
 * A planned study for the presentation, or age-appropriate screening (USPSTF 2021/2024 ages) at a
 * clinic visit only (until 1.4.0 also in ED and admission notes: "Discussed colonoscopy; he will
 * schedule" in the ED).
 */
export function writePlannedStudy(c: Composer): void {
  const reason = c.truth.reason;
  const options: ProcedureKey[] =
    reason && !c.truth.acute ? [...(workupFor[reason] ?? [])].filter((p) => p !== 'pci') : [];
  const { ageYears } = c.truth;
  const kind = c.truth.encounter.kind;
  const clinic = kind === 'ambulatory' || kind === 'wellness';
  const screeningOptions: ProcedureKey[] = [];
  // Screening is for people without the cancer (USPSTF colorectal 2021, breast 2024); a patient with it
  // has surveillance instead (1.6.0; until 1.5.0 "plan screening mammogram" for a breast cancer).
  if (clinic && ageYears >= 45 && ageYears <= 75 && !hasPresent(c.truth, 'colorectal-cancer'))
    screeningOptions.push('colonoscopy');
  if (
    clinic &&
    c.truth.patient.demographics.sex === 'female' &&
    ageYears >= 40 &&
    ageYears <= 74 &&
    !hasPresent(c.truth, 'breast-cancer')
  )
    screeningOptions.push('mammogram');
  if (options.length > 0 && c.rng.chance(0.6)) {
    say(c.b, plannedStudies, c.rng, {
      proc: () => writeProcedure(c, c.rng.pick(options), 'hypothetical'),
      // "before discharge" only on the ward (until 1.4.0 in clinic notes too).
      when: (b) =>
        b.text(
          kind === 'inpatient'
            ? c.rng.pick(['in the morning', 'before discharge'])
            : c.rng.pick(['as outpatient', 'before the next visit']),
        ),
    });
  } else if (screeningOptions.length > 0 && c.rng.chance(0.5)) {
    c.b.capitalise();
    say(c.b, screening, c.rng, {
      proc: () => writeProcedure(c, c.rng.pick(screeningOptions), 'hypothetical'),
      he: (b) => b.text(c.pronouns.subject),
    });
  } else return;
  c.b.verbatim('\n');
}

const followUps = bank(
  '<Follow up|F/u> with {clinician} in {interval}{ for {purpose}|}.',
  'RTC {interval}{ or sooner PRN|}.',
  'Return to clinic in {interval}{ or sooner as needed|, sooner if worse|}.',
  '{Follow-up appointment|Appointment scheduled|Next appointment} with {clinician} on {date}{|{ at|,} {appointmentTime}}.',
  'F/u {date} with {clinician}{; clinic {phone}|}.',
  'Next visit in {interval}. {Call|Please call|Contact the office at} {phone} with {questions|concerns|any problems}.',
  'See {specialist} ({specialty}) within {specialistInterval}.',
  '{Will see|We will see} {him} back in {interval}{ with labs|}.',
  'Follow up with {specialty} as scheduled{ ({date})|}.',
);

/**
 * Follow-up after an ED visit: with the patient's own doctors, within days (until 1.4.0 ED notes said
 * "Return to clinic in 3 months" and "We will see him back", as if written at a clinic).
 */
const emergencyFollowUps = bank(
  '<Follow up|F/u> with {his} PCP, {pcp}, in {soon}{ for recheck|}.',
  'Follow up with primary care in {soon}.',
  '<Follow up|F/u> with PCP within {soon}{ or return to the ED as above|}.',
  'See {specialist} ({specialty}) within {specialistInterval}.',
  'Follow up with {specialty} as an outpatient{ in {specialistInterval}|}.',
  'Discharged home; f/u with {pcp} in {soon}.',
  'Outpatient follow-up with {pcp} in {soon}{; clinic {phone}|}.',
);

/** A preventive visit books the next preventive visit, not a specialist. */
const wellnessFollowUps = followUps.filter(
  (t) => !t.slots.includes('specialist') && !t.slots.includes('specialty'),
);

/** Follow-up after a stay: seen again within about two weeks, as transitional care asks. */
const dischargeFollowUps = bank(
  '<Follow up|F/u> with {clinician} in {interval}{ for {purpose}|}.',
  '{Follow-up appointment|Appointment scheduled} with {clinician} on {date}{|{ at|,} {appointmentTime}}.',
  'F/u {date} with {clinician}{; clinic {phone}|}.',
  'See {specialist} ({specialty}) within {specialistInterval}.',
  'Follow up with {specialty} as scheduled{ ({date})|}.',
  'PCP follow-up ({pcp}) within {interval}{ for {purpose}|}.',
);

/**
 * Recommended preventive visits under 3, in months of age: AAP/Bright Futures "Recommendations for
 * Preventive Pediatric Health Care" (periodicity schedule, 2024): newborn (3-5 days), 1, 2, 4, 6, 9,
 * 12, 15, 18, 24 and 30 months, 3 years.
 */
const wellChildVisitMonths = [1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36] as const;

/**
 * When, and what for, a note books the next visit, by setting (until 1.4.0 every setting drew from
 * "1 week" to "6 months" and any purpose: a newborn to "RTC 6 months", a preventive visit to "1 week",
 * a 5-month-old back "for a BP check", a patient on no medication back "for medication review").
 */
interface NextVisit {
  /** Interval for the primary-care or clinic follow-up ("1 week", "2 months"). */
  interval: readonly string[];
  /** Interval for a specialist. */
  specialist: readonly string[];
  /** Days from the note date to a booked appointment [min, max]. */
  days: readonly [number, number];
  purposes: readonly string[];
}

function nextVisit(c: Composer): NextVisit {
  const { truth } = c;
  const kind = truth.encounter.kind;
  const onMedication = truth.medications.length > 0;
  if (kind === 'wellness' && truth.ageYears < 3) {
    const next = wellChildVisitMonths.find((m) => m > truth.ageMonths) ?? 36;
    const months = Math.max(1, next - truth.ageMonths);
    const visit = next >= 24 && next % 12 === 0 ? `${next / 12}-year` : `${next}-month`;
    return {
      interval: [months === 1 ? '1 month' : `${months} months`],
      specialist: ['1 month', '2-3 months'],
      days: [months * 30 - 5, months * 30 + 5],
      purposes: [`the ${visit} well-child visit`, `${visit} well-child check`, 'vaccines'],
    };
  }
  if (kind === 'wellness')
    return {
      interval: ['1 year', '12 months'],
      specialist: ['1 month', '3 months'],
      days: [330, 400],
      purposes: ['the next annual exam', 'a routine physical'],
    };
  const purposes = [
    'recheck',
    ...(truth.ageYears >= 18 ? ['labs'] : []),
    ...(hasPresent(truth, 'hypertension') ? ['a BP check'] : []),
    ...(onMedication ? ['medication review'] : []),
  ];
  if (kind === 'inpatient')
    return {
      interval: ['1 week', '7-10 days', '1-2 weeks', '2 weeks'],
      specialist: ['1-2 weeks', '2 weeks', '2-4 weeks'],
      days: [5, 14],
      purposes,
    };
  if (kind === 'emergency')
    return {
      interval: ['2-3 days', '3-5 days', '1 week', '48-72 hours', '1-2 weeks'],
      specialist: ['1 week', '1-2 weeks', '2-4 weeks'],
      days: [2, 14],
      purposes,
    };
  return {
    interval: ['1 week', '1-2 weeks', '2 weeks', '4 weeks', '1 month', '3 months', '6 months'],
    specialist: ['2 weeks', '4 weeks', '1 month', '3 months'],
    days: [5, 90],
    purposes,
  };
}

export function writeFollowUp(c: Composer): void {
  const specialty = specialtyOf(c.truth);
  const { pcp } = c.truth.facts;
  const kind = c.truth.encounter.kind;
  const next = nextVisit(c);
  const templates =
    kind === 'emergency'
      ? emergencyFollowUps
      : kind === 'inpatient'
        ? dischargeFollowUps
        : kind === 'wellness'
          ? wellnessFollowUps
          : followUps;
  say(c.b, templates, c.rng, {
    clinician: (b) => referToClinician(b, c.rng.chance(0.7) ? pcp : c.staff.consultant, c.rng),
    // Under its specialty's name: the PCP for primary care and pediatrics, else the consultant (until
    // 1.3.0 the PCP was sent to "(endocrinology)" and a consultant to "(primary care)").
    specialist: (b) =>
      referToClinician(b, followedByPcp(specialty) ? pcp : c.staff.consultant, c.rng),
    him: (b) => b.text(c.rng.chance(0.3) ? 'the patient' : c.pronouns.object),
    his: (b) => b.text(c.pronouns.possessive),
    pcp: (b) => referToClinician(b, pcp, c.rng),
    soon: (b) => b.text(c.rng.pick(next.interval)),
    interval: (b) => b.text(c.rng.pick(next.interval)),
    specialistInterval: (b) => b.text(c.rng.pick(next.specialist)),
    purpose: next.purposes.length > 0 ? (b) => b.text(c.rng.pick(next.purposes)) : undefined,
    date: (b) =>
      writeDate(
        b,
        shiftDate(c.truth.date, c.rng.int(next.days[0], next.days[1])),
        c.style.dateStyle,
        c.rng,
      ),
    // A clock time next to a date is part of the date element (i2b2 DATE convention).
    appointmentTime: (b) =>
      b.phiSpan(c.rng.pick(['9:00', '10:30 AM', '2:15 pm', '15:40', '8:45am']), 'DATE'),
    phone: (b) => writeClinicPhone(b, c.rng),
    specialty: (b) => b.text(specialty),
  });
  c.b.verbatim('\n');
}

/**
 * The plan for the stay in an admission or progress note (generator choices): where the patient goes,
 * for how long, and the code status.
 */
const admissionDispositions = bank(
  'Dispo: admit to {service}{; anticipated LOS {los}|}.',
  'Admit to {service}. Expected length of stay {los}.',
  'Code status: full code. Dispo: inpatient{, anticipate {los} stay|}.',
  'Admit; {DVT prophylaxis|VTE prophylaxis} per protocol. Anticipate discharge in {los}.',
);
const progressDispositions = bank(
  'Dispo: continue inpatient care; anticipate discharge {when}.',
  'Anticipate discharge home {when} if stable.',
  'Continue current management; discharge planning with case management.',
  'Dispo: {home|home with services} when {medically stable|cleared by PT}.',
  'Remains inpatient. Code status: full code.',
);

/**
 * A clinician's estimate of a stay of `nights` nights: a range that contains it (until 1.4.0 drawn
 * from "1-2 days" to "2-4 days" whatever the stay: "Expected length of stay 1-2 days" for 7 days).
 */
function losEstimates(nights: number): readonly string[] {
  if (nights <= 1) return ['1-2 days', '24-48 hours'];
  if (nights === 2) return ['1-2 days', '2-3 days', '48-72 hours', '2-4 days'];
  return [
    `${nights - 1}-${nights} days`,
    `${nights}-${nights + 1} days`,
    `${nights - 1}-${nights + 1} days`,
  ];
}

/**
 * When a progress note expects the discharge, from the true discharge date (until 1.4.0 "Anticipate
 * discharge home tomorrow" on 5/19 for a discharge on 5/24): "tomorrow" only for the next day.
 */
function dischargeWhen(days: number): readonly string[] {
  if (days <= 0) return ['today', 'later today'];
  if (days === 1) return ['tomorrow', 'in 1 day'];
  return [`in ${days} days`, `in ${days - 1}-${days} days`, `in ${days}-${days + 1} days`];
}

export function writeInpatientDisposition(c: Composer): void {
  const admission = c.truth.kind === 'history-and-physical';
  const { encounter } = c.truth;
  const nights = daysBetween(encounter.start, encounter.end);
  const remaining = daysBetween(c.truth.date, encounter.end);
  say(c.b, admission ? admissionDispositions : progressDispositions, c.rng, {
    los: (b) => b.text(c.rng.pick(losEstimates(nights))),
    when: (b) => b.text(c.rng.pick(dischargeWhen(remaining))),
    service: (b) =>
      b.text(
        c.rng.pick(
          c.truth.ageYears < 18
            ? ['pediatrics', 'the pediatric floor', 'the pediatric hospitalist service']
            : ['medicine', 'telemetry', 'the medical floor', 'the hospitalist service'],
        ),
      ),
  });
  c.b.verbatim('\n');
}

/**
 * Contact and channel details a note sometimes records. Rates per note: patient phone 20%, portal email
 * 8%, portal URL 5%, address 6%, online check-in IP 4% (ambulatory only).
 */
export function writeContactDetails(c: Composer): void {
  const { patient } = c.truth;
  const ambulatory =
    c.truth.encounter.kind === 'ambulatory' || c.truth.encounter.kind === 'wellness';
  if (c.rng.chance(0.2)) {
    c.b.text(
      c.rng.pick([
        'Best contact number: ',
        'Patient can be reached at ',
        'Phone: ',
        'Call-back number ',
      ]),
    );
    writePatientPhone(c.b, patient, c.rng);
    c.b.verbatim('\n');
  }
  if (c.rng.chance(0.08)) {
    c.b.text(
      c.rng.pick(['Portal message sent to ', 'Results will be emailed to ', 'Email on file: ']),
    );
    writeEmail(c.b, patient);
    c.b.verbatim('\n');
  }
  if (c.rng.chance(0.05)) {
    c.b.text(
      c.rng.pick([
        'Visit summary available at ',
        'Patient portal: ',
        'After-visit summary posted to ',
      ]),
    );
    writePortalUrl(c.b, patient);
    c.b.verbatim('\n');
  }
  if (c.rng.chance(0.06)) {
    c.b.text(c.rng.pick(['Address on file: ', 'Home address: ', 'Lives at ']));
    writeAddress(c.b, patient);
    c.b.verbatim('\n');
  }
  if (ambulatory && c.rng.chance(0.04)) {
    // An online check-in before the visit, not a virtual visit: the note examines the patient in
    // person (until 1.4.0 it called the visit a "telehealth video visit" and then examined the patient).
    const parenthesised = c.rng.chance(0.5);
    c.b.text(
      parenthesised
        ? 'Pre-visit questionnaire completed online (client address '
        : 'eCheck-in completed via patient portal from IP ',
    );
    writeIp(c.b, c.rng);
    c.b.verbatim(parenthesised ? ')\n' : '.\n');
  }
}
