// Domain (synth/notes/sections): family history (Disease mentions asserted "family"; relatives' ages over
// 89 are AGE PHI) and social history (smoking at the note date, alcohol, work, home: OTHER/LOCATION/NAME PHI).
import type { ConditionKey } from '../../catalog';
import type { FamilyHistoryEntry } from '../../model';
import type { Composer } from '../composer';
import { everHad, packYearsAt, type NoteTruth } from '../context';
import { ordinal } from '../lexicon/measurements';
import { employers, femaleGivenNames, occupations, schools, schoolStage } from '../lexicon/people';
import { writeCondition, writeInlineList } from '../render/mentions';
import { writeAgeNumber, writeCity, writeYear } from '../render/phi';
import { bank, say, type Slots } from '../template';
import { writeHeader } from './headers';

const relationWords: Record<FamilyHistoryEntry['relationship'], readonly [string[], string[]]> = {
  mother: [['mother', 'mom'], []],
  father: [['father', 'dad'], []],
  sister: [['sister'], []],
  brother: [['brother'], []],
  'maternal-grandmother': [['maternal grandmother'], ['MGM']],
  'paternal-grandfather': [['paternal grandfather'], ['PGF']],
};

/** Family-history phrasings (>= 6). */
const familyItems = bank(
  '^{rel} had {dx}',
  '^{rel} with {dx}{ at {age}|}',
  '<family history|FHx> significant for {dx} in {rel}',
  '^{rel} - {dx}{ (dx age {age})|}',
  'positive family history of {dx} ({rel})',
  '{dx} in {rel}{, diagnosed at {age}|}',
  '^{rel}: {dx}',
  '{his} {rel} was diagnosed with {dx} at age {age}',
  '^{rel} {dx} at {age}',
);
/** A relative's cause of death; {age} is the age at death. */
const deceasedItems = bank(
  '^{rel} died of {dx}{ at age {age}|}',
  '^{rel} deceased ({dx}{, age {age}|})',
  '^{rel} passed away from {dx}',
  '^{rel} died{ at {age}|} of {dx}',
);
const familyNegatives = bank(
  'No family history of {neg}.',
  'Denies family history of {neg}.',
  'No known {neg} in the family.',
  'FHx negative for {neg}.',
);
const noFamilyHistory = bank(
  'Noncontributory.',
  'Non-contributory.',
  'No significant family history.',
  'Unknown.',
);

/** Conditions clinicians ask about in a family history. */
const screened: readonly ConditionKey[] = [
  'coronary-disease',
  'myocardial-infarction',
  'colorectal-cancer',
  'breast-cancer',
  'type2-diabetes',
  'stroke',
  'hypertension',
  'lung-cancer',
];

export function writeFamilyHistory(c: Composer): void {
  writeHeader(c, 'fhx');
  const entries = c.truth.patient.familyHistory;
  if (entries.length === 0) say(c.b, noFamilyHistory, c.rng);
  const write = (e: FamilyHistoryEntry): void => {
    const [long, short] = relationWords[e.relationship];
    // Only the condition that caused a death is written as its cause, with the age at death; the
    // relative's other conditions are written with their onset age.
    const death = e.causeOfDeath === true && c.rng.chance(0.6);
    const age = death ? e.deceasedAge : e.onsetAge;
    say(c.b, death ? deceasedItems : familyItems, c.rng, {
      rel: (b) => b.text(b.abbreviate(c.rng.pick(long), short)),
      dx: () => writeCondition(c, e.condition, 'family'),
      age: age !== undefined ? (b) => writeAgeNumber(b, age) : undefined,
      his: (b) => b.text(c.pronouns.possessive === 'her' ? 'Her' : 'His'),
    });
  };
  if (entries.length > 0) {
    if (c.style.lists === 'bullets' || c.style.lists === 'numbered' || c.style.lists === 'lines') {
      entries.forEach((e) => {
        if (c.style.lists === 'bullets') c.b.verbatim(`${c.style.bullet} `);
        write(e);
        c.b.verbatim('\n');
      });
    } else {
      // Clauses ("his father died of MI at age 60"): commas or semicolons, never a bare "and" (1.5.0).
      writeInlineList(c, entries, write, 'items');
      c.b.text('.');
    }
  }
  // Conditions the patient has are never written as negated, even about the family (labels stay unambiguous).
  const had = everHad(c.truth);
  const absent = screened.filter((k) => !had.has(k) && !entries.some((e) => e.condition === k));
  if (absent.length > 0 && c.rng.chance(0.4)) {
    if (!c.b.endsWithNewline()) c.b.verbatim(' ');
    say(c.b, familyNegatives, c.rng, {
      neg: () => writeCondition(c, c.rng.pick(absent), 'negated'),
    });
  }
  c.b.verbatim('\n');
}

const neverSmoked = bank(
  'Never smoker.',
  'Denies tobacco use.',
  'No history of smoking.',
  'Tobacco: never.',
  'Nonsmoker.',
  'Has never smoked.',
  'Never used tobacco products.',
);
const formerSmoker = bank(
  'Former smoker, quit in {year}.',
  'Ex-smoker ({py} pack-years), quit {ago} years ago.',
  'Quit smoking in {year}; {py} pack-year history.',
  'Tobacco: former, {py} pk-yr.',
  'Former {ppd} ppd smoker, quit {year}.',
  'Previously smoked; stopped in {year}.',
);
const currentSmoker = bank(
  'Current smoker, {ppd} ppd.',
  'Smokes {cpd} cigarettes/day.',
  'Active tobacco use ({py} pack-years).',
  'Tobacco: current every day smoker.',
  'Smokes about {cpd} cigarettes a day; counseled on cessation.',
  'Current smoker ({py} pk-yrs), not ready to quit.',
);
const alcohol = {
  none: bank('Denies alcohol use.', 'No EtOH.', 'Does not drink alcohol.', 'Alcohol: none.'),
  social: bank(
    'Drinks socially.',
    'Occasional EtOH.',
    'Social alcohol use, 1-2 drinks/week.',
    'Alcohol: rare.',
  ),
  moderate: bank(
    'Drinks 1-2 glasses of wine nightly.',
    'EtOH: 2-3 beers most days.',
    'Reports daily alcohol use.',
  ),
};
/**
 * Where an adult lives: alone or with the relative, the same in every note (until 1.4.0 drawn per
 * note: "lives with her wife" in 2023, "lives alone" in 2024, "with her wife" again in 2025).
 */
const homeWithRelative = bank(
  'Lives with {his} {relRole}, {rel}, in {city}.',
  'Lives in {city} with family.',
  'Resides in {city}; {relRole} {rel} is {his} emergency contact.',
  'Lives at home with {his} {relRole}.',
);
const homeAlone = bank(
  'Lives alone in {city}.',
  'Lives alone in {city}; {relRole} {rel} is {his} emergency contact.',
);
/** Retired from the age `retirementAge` gives, working before it: the same patient never both. */
const work = bank(
  'Works as {aJob} at {employer}.',
  'Employed by {employer} as {aJob}.',
  'Retired {retired}{ since {retiredYear}|}.',
  'Works as {aJob}.',
  'Works {full-time|part-time} at {employer}.',
);

/**
 * Employers that fit each occupation (generator choice; until 1.4.0 any employer went with any
 * job: "truck driver at Bluestem Elementary School", "chef at Halcyon Logistics").
 */
const employersFor: Readonly<Record<string, readonly string[]>> = {
  teacher: ['Bluestem Elementary School'],
  'truck driver': ['Halcyon Logistics', 'Brightwater Foods', 'Tri-County Transit'],
  accountant: ['Meridian Insurance Group', 'Kestrel Software', 'Halcyon Logistics'],
  'nurse aide': ['Sunrise Assisted Living'],
  electrician: ['Granite State Builders', 'the county water department'],
  'software developer': ['Kestrel Software', 'Meridian Insurance Group'],
  cashier: ['Orchard Street Hardware', 'Vantage Auto Parts', 'Brightwater Foods'],
  'construction worker': ['Granite State Builders'],
  'office manager': ['Meridian Insurance Group', 'Tri-County Transit', 'Sunrise Assisted Living'],
  mechanic: ['Vantage Auto Parts', 'Tri-County Transit', 'the county water department'],
  chef: ['Brightwater Foods', 'Sunrise Assisted Living'],
  'warehouse associate': ['Halcyon Logistics', 'Brightwater Foods', 'Orchard Street Hardware'],
};

/**
 * Per-patient choices taken from the facts' existing random indices (no new draws, so nothing else
 * moves): an adult lives alone 1 time in 4 unless the relative is a spouse or partner (generator
 * choice; about 28% of US households are one person, Census 2020), and retires at 60-67.
 */
function livesAlone(truth: NoteTruth): boolean {
  const role = truth.facts.relativeRole;
  if (role === 'wife' || role === 'husband' || role === 'partner') return false;
  return Math.floor(truth.facts.employerIndex / 11) % 4 === 0;
}
function retirementAge(truth: NoteTruth): number {
  return 60 + (Math.floor(truth.facts.occupationIndex / 13) % 8);
}
const schoolChild = bank(
  'Lives with {his} {relRole} in {city}. Attends {school}.',
  'In {grade} at {school}. No smokers in the home.',
  'Lives at home with parents and siblings in {city}; attends {school}.',
);
/** Under 5; daycare or preschool only from 1 year (until 1.4.0 a 1-month-old "goes to daycare"). */
const youngChild = bank(
  'Goes to {daycare}. ^{relRole} {rel} is the primary caregiver.',
  'Lives with parents in {city}; stays home with {his} {relRole}.',
  'At home with {his} {relRole}, {rel}. No smoke exposure.',
);

/**
 * 12-17: an adolescent's social history: home and school; tobacco in a teenager's words, and smoking
 * only when the record says the patient smokes or smoked; no alcohol habit; from 16 sometimes a
 * part-time job, never a profession (until 1.4.0 16- and 17-year-olds got the adult one: "Reports daily
 * alcohol use", "Drinks 1-2 glasses of wine nightly", "Works as a software developer at ...").
 */
const teenHome = bank(
  'Lives with {his} {relRole}{, {rel},|} in {city}; in {grade} at {school}.',
  'In {grade} at {school}. Lives at home with {his} {relRole}.',
  'Attends {school} ({grade}). Lives with {his} {relRole}{ and siblings|} in {city}.',
  'Lives at home with {his} {relRole} in {city}. Attends {school}, {grade}.',
  'In {grade} at {school}; lives with {his} {relRole}{ and siblings|}.',
);
const teenTobacco = {
  never: bank(
    'Denies tobacco, vaping, alcohol or drug use.',
    'Does not smoke or vape. Denies alcohol or drugs.',
    'No tobacco or vape use.',
    'Never smoked; does not vape.',
    'Denies smoking, vaping or alcohol.',
  ),
  former: bank(
    'Used to smoke cigarettes; quit in {year}. Does not vape.',
    'Former smoker, quit {year}; denies vaping, alcohol or drugs.',
    'Smoked cigarettes in the past, stopped in {year}.',
    'Tobacco: former (quit {year}); no vaping now.',
  ),
  current: bank(
    'Smokes cigarettes daily; counseled on quitting{ and on vaping|}.',
    'Current smoker (cigarettes); cessation discussed with {him}.',
    'Tobacco: current, cigarettes every day. Denies alcohol or drugs.',
    'Reports smoking cigarettes every day; not ready to quit.',
  ),
};
const teenJob = bank(
  'Works part-time at {teenJob}.',
  'Has a part-time job at {teenJob}{ on weekends|}.',
  'Works weekends at {teenJob}.',
);
/** Where a 16- or 17-year-old works part-time (one per patient: the facts' employer index). */
const teenJobs: readonly string[] = [
  'a grocery store',
  'a restaurant',
  'a coffee shop',
  'a movie theater',
  'a pizza place',
  'a summer camp',
];

/**
 * The relative's role at the note's date. patientFacts draws it from the age at the cohort's as-of
 * date, and a note can be up to three years older than that: a minor at the note date lives with a
 * parent, and a patient under 30 has no son or daughter as the relative (until 1.4.0 a 17-year-old
 * "lives at home with his husband", a 16-year-old "with her daughter"). The parent is of the drawn
 * name's sex, so the name still fits; a parent or grandmother drawn for a minor stays.
 */
function relativeRoleAt(truth: NoteTruth): string {
  const { relativeRole: role, relative } = truth.facts;
  const child = role === 'daughter' || role === 'son';
  if (truth.ageYears >= 18 && !(child && truth.ageYears < 30)) return role;
  if (role === 'mother' || role === 'father' || role === 'grandmother') return role;
  return femaleGivenNames.includes(relative.given) ? 'mother' : 'father';
}

const packFractions: Readonly<Record<number, string>> = { 0.25: '1/4', 0.5: '1/2', 0.75: '3/4' };

/** Packs a day as notes write them: 5 cigarettes "1/4", 15 "3/4", 30 "1.5" (a pack is 20). */
function packsPerDay(cigarettes: number): string {
  const packs = cigarettes / 20;
  return packFractions[packs] ?? String(packs);
}

function socialSlots(c: Composer): Slots {
  const { truth } = c;
  const f = truth.facts;
  const year = Number(truth.date.slice(0, 4));
  return {
    year: (b) => writeYear(b, f.quitYear),
    ago: (b) => b.verbatim(String(Math.max(1, year - f.quitYear))),
    py: (b) =>
      b.verbatim(String(packYearsAt(f, truth.smoking === 'current' ? 'current' : 'former', year))),
    ppd: (b) => b.verbatim(packsPerDay(f.cigarettesPerDay)),
    cpd: (b) => b.verbatim(String(f.cigarettesPerDay)),
    his: (b) => b.text(c.pronouns.possessive),
    him: (b) => b.text(c.pronouns.object),
    relRole: (b) => b.text(relativeRoleAt(truth)),
    rel: (b) => b.phiSpan(`${f.relative.given} ${f.relative.family}`, 'NAME'),
    city: (b) => writeCity(b, truth.patient),
    // "an electrician", "a teacher" (until 1.3.0 always "a").
    aJob:
      truth.ageYears < retirementAge(truth)
        ? (b) => {
            const job = occupations[f.occupationIndex % occupations.length]!;
            b.text(`${/^[aeiou]/.test(job) ? 'an' : 'a'} ${job}`);
          }
        : undefined,
    retired:
      truth.ageYears >= retirementAge(truth)
        ? (b) => b.text(occupations[f.occupationIndex % occupations.length]!)
        : undefined,
    retiredYear: (b) =>
      writeYear(
        b,
        Math.min(
          year,
          Number(truth.patient.demographics.birthDate.slice(0, 4)) + retirementAge(truth),
        ),
      ),
    employer:
      truth.ageYears < retirementAge(truth)
        ? (b) => {
            const job = occupations[f.occupationIndex % occupations.length]!;
            const pool = employersFor[job] ?? employers;
            b.phiSpan(pool[f.employerIndex % pool.length]!, 'OTHER');
          }
        : undefined,
    school: (b) => {
      const pool = schools[schoolStage(truth.ageYears)];
      b.phiSpan(pool[f.employerIndex % pool.length]!, 'OTHER');
    },
    // US grades by age: kindergarten at 5, 1st grade at 6 (until 1.4.0 a 5-year-old was in "1st"),
    // through 12th at 17 (until 1.4.0 the grades stopped at 10th, when no one over 15 was graded).
    grade: (b) =>
      b.text(
        truth.ageYears <= 5 ? 'kindergarten' : `${ordinal(Math.min(12, truth.ageYears - 5))} grade`,
      ),
    teenJob: (b) => b.text(teenJobs[f.employerIndex % teenJobs.length]!),
    daycare:
      truth.ageYears >= 1
        ? (b) => b.text(truth.ageYears >= 3 ? c.rng.pick(['daycare', 'preschool']) : 'daycare')
        : undefined,
  };
}

export function writeSocialHistory(c: Composer): void {
  writeHeader(c, 'shx');
  const { truth } = c;
  const slots = socialSlots(c);
  if (truth.ageYears < 12) {
    say(c.b, truth.ageYears < 5 ? youngChild : schoolChild, c.rng, slots);
    c.b.verbatim('\n');
    return;
  }
  const lines = c.style.lists === 'lines' || c.style.lists === 'bullets';
  if (truth.ageYears < 18) {
    // An adolescent's (until 1.4.0 the adult history from 16, the school child's at 12-15).
    say(c.b, teenHome, c.rng, slots);
    c.b.verbatim(lines ? '\n' : ' ');
    say(c.b, teenTobacco[truth.smoking], c.rng, slots);
    if (truth.ageYears >= 16 && c.rng.chance(0.4)) {
      c.b.verbatim(lines ? '\n' : ' ');
      say(c.b, teenJob, c.rng, slots);
    }
    c.b.verbatim('\n');
    return;
  }
  const smoking = { never: neverSmoked, former: formerSmoker, current: currentSmoker }[
    truth.smoking
  ];
  const parts = [
    () => say(c.b, smoking, c.rng, slots),
    () => say(c.b, alcohol[truth.facts.alcohol], c.rng),
    () => say(c.b, livesAlone(truth) ? homeAlone : homeWithRelative, c.rng, slots),
    () => say(c.b, work, c.rng, slots),
  ];
  const order = c.rng.chance(0.5) ? [0, 1, 2, 3] : [2, 3, 0, 1];
  order.slice(0, 2 + c.style.verbosity).forEach((i, n) => {
    if (n > 0) c.b.verbatim(lines ? '\n' : ' ');
    parts[i]!();
  });
  c.b.verbatim('\n');
}
