// Tests (synth/notes): what the notes of real generated patients say about the encounter itself (why
// the patient came, who saw them, when the note was written, for how long the symptoms have lasted)
// agrees with the true state. Generator 1.4.0 fixed the first group (each check fails on 1.3.0), 1.5.0
// the last (each fails on 1.4.0).
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import type { SynthNote, SynthPatient } from '../model';
import { patientRng } from '../rng';
import { ageOn, notesInContext, shownReading, withoutPhi } from './realism.test-helper';
import { daysBetween, patientFacts } from './context';
import { familyNames, femaleGivenNames, maleGivenNames, schools } from './lexicon/people';
import { symptoms } from './lexicon/symptoms';
import { differentials } from './lexicon/clinical';
import { conditions, measurements as measurementCatalog, type MeasurementKey } from '../catalog';
import { encounterTeam, isPhysician, noteAuthor, pickPerson } from './people';
import { Rng } from '../rng';

const options = {
  patients: 500,
  seed: 43,
  hospital: 'encounters',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

function factsOf(patient: SynthPatient) {
  return patientFacts(
    patient,
    patientRng(options.seed, patient.index).fork('notes').fork('note-facts'),
  );
}

/** The clinician family name a line of a note names (the lexicon's names; case-insensitive). */
function familyIn(line: string): string | undefined {
  const upper = line.toUpperCase();
  return familyNames.find((f) => upper.includes(f.toUpperCase()));
}

const notesWith = (test: (patient: SynthPatient, note: SynthNote) => boolean) =>
  cohort.flatMap(({ patient, notes }) =>
    notes.filter((note) => test(patient, note)).map((note) => ({ patient, note })),
  );

describe('Notes of ED visits and stays without a catalog reason', () => {
  const reasonless = notesWith((patient, note) => {
    const encounter = patient.encounters.find((e) => e.id === note.encounterId)!;
    return (encounter.kind === 'emergency' || encounter.kind === 'inpatient') && !encounter.reason;
  });

  it('state a complaint the patient has, never a wellness visit (1.3.0 wrote "Annual physical")', () => {
    expect(reasonless.length).toBeGreaterThan(150);
    const wellness =
      /Annual physical|Routine visit|Wellness exam|Health maintenance|no active issues|age-appropriate screening|adult exam\./i;
    for (const { note } of reasonless) {
      expect(withoutPhi(note), note.id).not.toMatch(wellness);
      expect(withoutPhi(note), note.id).not.toMatch(/(?:Dx|Diagnosis):?\s+observation\b/i);
      expect(
        note.entities.some((e) => e.type === 'Symptom' && e.assertion === 'present'),
        note.id,
      ).toBe(true);
    }
  });
});

const specialties = new Set(
  'cardiology endocrinology gastroenterology hematology nephrology neurology oncology orthopedics psychiatry pulmonology'.split(
    ' ',
  ),
);

describe('Notes of generated patients', () => {
  const all = cohort.flatMap(({ patient, notes }) => notes.map((note) => ({ patient, note })));

  it('call the patient "him" or "her" by their sex (1.3.0 drew either)', () => {
    let checked = 0;
    for (const { patient, note } of all) {
      for (const m of withoutPhi(note).matchAll(/\b(?:see|evaluated) (him|her)\b/gi)) {
        expect(m[1]!.toLowerCase(), note.id).toBe(
          patient.demographics.sex === 'female' ? 'her' : 'him',
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('sign with the clinician the header names as author, and never call an NP or PA the attending', () => {
    let compared = 0;
    for (const { note } of all) {
      expect(note.text, note.id).not.toMatch(/^(?:Attending|Physician): .*\b(?:NP|PA-C)$/m);
      const header = /^(?:Provider|Author|Physician): (.+)$/m.exec(note.text);
      const signed = /^(?:Electronically signed by (.+) on |-- (.+)$)/m.exec(note.text);
      if (header && signed) {
        expect(familyIn(signed[1] ?? signed[2]!), note.id).toBe(familyIn(header[1]!));
        compared++;
      }
      // "Seen and discussed with" someone else than the author.
      const cosigned =
        /^(?:Seen and discussed with|Patient seen with|Discussed with attending) (.+?)\. (.+)$/m.exec(
          note.text,
        );
      if (cosigned) expect(familyIn(cosigned[2]!), note.id).not.toBe(familyIn(cosigned[1]!));
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('send the patient to the PCP for primary care and to someone else for a specialty', () => {
    let checked = 0;
    for (const { patient, note } of all) {
      const pcp = factsOf(patient).pcp.family;
      for (const m of note.text.matchAll(/See (.+?) \(([a-z ]+)\) within/g)) {
        const family = familyIn(m[1]!);
        const specialty = m[2]!.toLowerCase();
        if (specialty === 'primary care' || specialty === 'pediatrics')
          expect(family, note.id).toBe(pcp);
        else if (specialties.has(specialty)) expect(family, note.id).not.toBe(pcp);
        else continue; // a typo in the specialty's name ("primary csre")
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('give an inpatient progress note the hospital day it was written on (1.3.0: day 2-4 on admission)', () => {
    let checked = 0;
    for (const { patient, note } of all) {
      const m = /Hospital day (\d+)/.exec(note.text);
      if (!m) continue;
      const encounter = patient.encounters.find((e) => e.id === note.encounterId)!;
      expect(Number(m[1]), note.id).toBe(daysBetween(encounter.start, note.date) + 1);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('give the symptoms one duration per note (1.3.0 drew one per mention)', () => {
    const span =
      '(2 days|3 days|several days|1 week|2 weeks|48 hours|4 days|4 weeks|5 days|10 days)';
    const phrasings = new RegExp(
      `(?:\\bx|for the past|until|started|over the last|present for|presents with|seen today for|Over the past|presenting with) ${span}`,
      'g',
    );
    let multiple = 0;
    for (const { note } of all) {
      const spans = new Set([...withoutPhi(note).matchAll(phrasings)].map((m) => m[1]));
      expect(spans.size, `${note.id}: ${[...spans].join(', ')}`).toBeLessThanOrEqual(1);
      if ([...withoutPhi(note).matchAll(phrasings)].length > 1) multiple++;
    }
    expect(multiple).toBeGreaterThan(50);
  });

  it('write "an" before an occupation that starts with a vowel', () => {
    const text = all.map(({ note }) => withoutPhi(note)).join('\n');
    expect(text).not.toMatch(/\ba (?:electrician|accountant|office manager)\b/);
    expect(text).toMatch(/\ban (?:electrician|accountant|office manager)\b/);
  });

  it('give a relative a given name that fits the relationship (1.3.0: "her father, Greta")', () => {
    let checked = 0;
    for (const { patient } of cohort) {
      const { relative, relativeRole } = factsOf(patient);
      if (['wife', 'daughter', 'sister', 'mother', 'grandmother'].includes(relativeRole))
        expect(femaleGivenNames).toContain(relative.given);
      else if (['husband', 'son', 'father'].includes(relativeRole))
        expect(maleGivenNames).toContain(relative.given);
      else continue;
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('Function: encounterTeam and noteAuthor', () => {
  it('staff the ED and the ward with a physician attending, and a consultant named unlike the PCP', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 2000; i++) {
      const pcp = pickPerson(rng);
      const kind = rng.pick(['emergency', 'inpatient', 'ambulatory', 'wellness'] as const);
      const team = encounterTeam(kind, pcp, rng);
      expect(isPhysician(team.consultant)).toBe(true);
      expect(team.consultant.family).not.toBe(pcp.family);
      expect(team.consultant.family).not.toBe(team.attending.family);
      const author = noteAuthor(kind, team, rng);
      if (kind === 'emergency' || kind === 'inpatient') {
        expect(isPhysician(team.attending)).toBe(true);
        if (author !== team.attending) expect(author.family).not.toBe(team.attending.family);
      } else {
        expect(author).toBe(team.attending);
      }
    }
  });
});

describe('Notes and names of generated patients (generator 1.4.0, second round)', () => {
  it('never repeat a sign\'s qualifier ("end-expiratory expiratory wheezes", "pitting pitting edema")', () => {
    let signs = 0;
    for (const { note } of cohort.flatMap(({ notes }) => notes.map((note) => ({ note })))) {
      expect(note.text, note.id).not.toMatch(/\b(expiratory|pitting|eczematous) \1\b/i);
      signs += (note.text.match(/\b(?:expiratory|pitting) (?:wheezes|edema)\b/gi) ?? []).length;
    }
    expect(signs).toBeGreaterThan(20);
  });

  it('never give a patient the same first and middle name ("Pamela Pamela Morris")', () => {
    const middles = cohort.filter(({ patient }) => patient.demographics.name.given.length > 1);
    expect(middles.length).toBeGreaterThan(100);
    for (const { patient } of middles) {
      const [first, middle] = patient.demographics.name.given;
      expect(middle).not.toBe(first);
    }
  });

  it('make a preventive visit under 3 a well-child check, and orient no one under 5 "x3"', () => {
    let wellChild = 0;
    for (const { patient, notes } of cohort) {
      for (const note of notes) {
        const encounter = patient.encounters.find((e) => e.id === note.encounterId)!;
        const age = ageOn(patient.demographics.birthDate, note.date);
        const text = withoutPhi(note);
        if (age < 18) expect(text, note.id).not.toMatch(/adult exam/i);
        if (age < 5)
          expect(text, note.id).not.toMatch(/A&O ?x ?3|AAOx3|oriented x ?3|Alert and oriented/i);
        if (age < 3 && encounter.kind === 'wellness') {
          expect(text, note.id).not.toMatch(/annual|yearly|\ba physical\b|health maintenance/i);
          wellChild++;
        }
      }
    }
    expect(wellChild).toBeGreaterThan(20);
  });
});

/** Employers each occupation may name (by hand, as family-social.ts should pair them). */
const employersForTest: Record<string, string[]> = {
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

/** Surfaces of the symptom lexicon that are grammatically plural (listed by hand, not by rule). */
const pluralSymptomTerms = new Set([
  'chills',
  'shaking chills',
  'fevers',
  'febrile episodes',
  'wheezes',
  'palpitations',
  'headaches',
  'myalgias',
  'muscle aches',
  'loose stools',
  'sweats',
  'loss of interest in usual activities',
  'no longer enjoying hobbies',
]);
const singularExceptions = new Set([
  'loss of interest in usual activities',
  'no longer enjoying hobbies',
]);
const symptomSurfaces = new Set(
  Object.values(symptoms).flatMap((s) => [...s.terms, ...s.short].map((t) => t.toLowerCase())),
);

describe('Notes of generated patients, generator 1.5.0', () => {
  const all = notesInContext(cohort);

  it('call only a child under 4 "fussy" (1.4.0: of 8-year-olds too)', () => {
    let checked = 0;
    for (const { note, age, text } of all) {
      for (const m of text.matchAll(/reports (?:he|she) has been ([a-z ]+)\./g)) {
        checked++;
        if (age >= 4) expect(m[1], `${note.id} at ${age}`).not.toMatch(/fussy|irritable|feeding/);
        else expect(m[1], `${note.id} at ${age}`).toMatch(/fussy|irritable/);
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('send a child to a school and a grade that fit the age, and an infant to no daycare', () => {
    const stageOf = (name: string) =>
      (['elementary', 'middle', 'high'] as const).filter((stage) => schools[stage].includes(name));
    let schoolNamed = 0;
    let graded = 0;
    for (const { note, age, text } of all) {
      for (const span of note.phi) {
        const stages = stageOf(span.text);
        if (stages.length === 0 || stages.length === 3) continue;
        schoolNamed++;
        const expected = age <= 10 ? 'elementary' : age <= 13 ? 'middle' : 'high';
        expect(stages, `${note.id}: ${span.text} at ${age}`).toContain(expected);
      }
      for (const m of text.matchAll(/\bIn (kindergarten|(\d+)(?:st|nd|rd|th) grade)\b/gi)) {
        graded++;
        expect(m[2] === undefined ? 0 : Number(m[2]), `${note.id}: ${m[0]} at ${age}`).toBe(
          age - 5,
        );
      }
      if (/\bdaycare\b/i.test(text)) expect(age, note.id).toBeGreaterThanOrEqual(1);
      if (/\bpreschool\b/i.test(text)) expect(age, note.id).toBeGreaterThanOrEqual(3);
    }
    expect(schoolNamed).toBeGreaterThan(10);
    expect(graded).toBeGreaterThan(3);
  });

  it('never call an in-person visit a telehealth or virtual visit (1.4.0 did, then examined)', () => {
    for (const { note, text } of all)
      expect(text, note.id).not.toMatch(/telehealth|virtual visit|video visit/i);
    expect(
      all.filter(({ text }) => /check-in|questionnaire completed online/i.test(text)).length,
    ).toBeGreaterThan(5);
  });

  it('have a parent, not a child under 12, call the clinic or come back', () => {
    let parents = 0;
    for (const { note, age, text } of all) {
      if (age >= 12) continue;
      expect(text, note.id).not.toMatch(
        /\b(?:he|she) should call the clinic|\b(?:He|She) knows to come back/i,
      );
      if (/\b(?:his|her) (?:mother|father|grandmother) (?:should call|knows to)/i.test(text))
        parents++;
    }
    expect(parents).toBeGreaterThan(3);
  });

  it('make the verb after a list of symptoms agree with it ("if chills develop", "if fever develops")', () => {
    let checked = 0;
    for (const { note } of all) {
      for (const m of note.text.matchAll(/ (develops?|occurs?|recurs?|returns?)\b/g)) {
        const last = note.entities.find((e) => e.end === m.index && e.type === 'Symptom');
        if (!last || !symptomSurfaces.has(last.text.toLowerCase())) continue;
        const previous = note.entities.findLast(
          (e) => e.type === 'Symptom' && e.end <= last.start && last.start - e.end <= 6,
        );
        const between = previous ? note.text.slice(previous.end, last.start) : '';
        const join = /[.\n]/.test(between) ? '' : between;
        const surface = last.text.toLowerCase();
        const plural =
          (join !== '' && !/ or |\//.test(join)) ||
          (pluralSymptomTerms.has(surface) && !singularExceptions.has(surface));
        expect(
          m[1]!.endsWith('s') ? 'singular' : 'plural',
          `${note.id}: ${note.text.slice(last.start - 30, m.index + m[0].length)}`,
        ).toBe(plural ? 'plural' : 'singular');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('send the patient from the ED to their own doctors within days, not "return to clinic"', () => {
    const emergency = all.filter(({ encounter }) => encounter.kind === 'emergency');
    expect(emergency.length).toBeGreaterThan(100);
    for (const { note, text } of emergency)
      expect(text, note.id).not.toMatch(
        /Return to clinic|\bRTC\b|see (?:him|her|the patient) back|Next visit in/i,
      );
  });

  const hasBy = (patient: SynthPatient, date: string, ...keys: string[]) =>
    patient.conditions.some((x) => keys.includes(x.key) && x.onset <= date.slice(0, 10));
  const onMedicationOn = (patient: SynthPatient, date: string) =>
    patient.medications.some(
      (m) => m.start <= date.slice(0, 10) && (!m.end || m.end >= date.slice(0, 10)),
    );

  it('plan the stay in ward notes, never clinic follow-up or screening (1.4.0: "RTC 1 week")', () => {
    const ward = all.filter(
      ({ encounter, note }) => encounter.kind === 'inpatient' && note.kind !== 'discharge-summary',
    );
    expect(ward.length).toBeGreaterThan(40);
    for (const { note, text } of ward) {
      expect(text, note.id).not.toMatch(
        /Return to (?:the ED|clinic)|call 911|should call the clinic|\bRTC\b|Next visit in|Due for|Overdue for|will schedule/i,
      );
      // Several words, as a typo may hit one of them ("Dspo: home with services").
      expect(text, note.id).toMatch(
        /Dispo|Admit|discharge|inpatient|length of stay|Code status|home|Anticipate|case management/i,
      );
    }
  });

  it('recommend screening only at clinic visits (1.4.0: colonoscopy in the ED)', () => {
    let clinic = 0;
    for (const { note, encounter, text } of all) {
      const screening =
        /Due for [^.;]+; ordered|recommended this year|; (?:he|she) will schedule|Overdue for/i;
      if (encounter.kind === 'ambulatory' || encounter.kind === 'wellness') {
        if (screening.test(text)) clinic++;
      } else expect(text, note.id).not.toMatch(screening);
    }
    expect(clinic).toBeGreaterThan(20);
  });

  it('book the next visit when its setting would (a year after a physical, the schedule for infants)', () => {
    let wellness = 0;
    let infants = 0;
    for (const { note, encounter, age, text, patient } of all) {
      const intervals = [
        ...text.matchAll(
          /(?:RTC|Return to clinic in|Next visit in|back in|(?:Follow up|F\/u) with [^.\n]*? in) (\d+)(?:-\d+)? (day|week|month|year)s?\b/gi,
        ),
      ];
      if (encounter.kind === 'wellness' && age >= 3) {
        for (const m of intervals) expect(m[0], note.id).toMatch(/1 year|12 months/i);
        wellness++;
      }
      if (encounter.kind === 'wellness' && age < 3) {
        for (const m of intervals) {
          expect(m[2]!.toLowerCase(), `${note.id}: ${m[0]}`).toBe('month');
          expect(Number(m[1]), `${note.id}: ${m[0]}`).toBeLessThanOrEqual(6);
          infants++;
        }
      }
      if (/for a BP check/.test(text))
        expect(hasBy(patient, note.date, 'hypertension'), note.id).toBe(true);
      if (/for medication review/.test(text))
        expect(onMedicationOn(patient, note.date), note.id).toBe(true);
    }
    expect(wellness).toBeGreaterThan(100);
    expect(infants).toBeGreaterThan(5);
  });

  it('call 911 only for emergency signs, and the clinic only for others (1.4.0: 911 for congestion)', () => {
    const emergencyCodes = new Set(
      (['chestPain', 'dyspnea', 'syncope', 'hemoptysis', 'bloodInStool'] as const).map(
        (k) => symptoms[k].code,
      ),
    );
    let n911 = 0;
    let clinic = 0;
    for (const { note } of all) {
      for (const m of note.text.matchAll(
        /In case of ([^\n]*?), call 911|If ([^\n]*?) (?:develops?|occurs?), \w+(?: \w+)? should call the clinic/gi,
      )) {
        const start = m.index;
        const end = start + m[0].length;
        const inside = note.entities.filter(
          (e) => e.type === 'Symptom' && e.start >= start && e.end <= end,
        );
        expect(inside.length, note.id).toBeGreaterThan(0);
        const emergent = inside.filter((e) => emergencyCodes.has(e.code!)).length;
        if (/911/.test(m[0])) {
          expect(emergent, `${note.id}: ${m[0]}`).toBe(inside.length);
          n911++;
        } else {
          expect(emergent, `${note.id}: ${m[0]}`).toBe(0);
          clinic++;
        }
      }
    }
    expect(n911).toBeGreaterThan(10);
    expect(clinic).toBeGreaterThan(10);
  });

  it('give discharge instructions that fit the patient (1.4.0: daily weights without heart failure)', () => {
    const summaries = all.filter(({ note }) => note.kind === 'discharge-summary');
    expect(summaries.length).toBeGreaterThan(30);
    let checked = 0;
    for (const { note, patient, age, text } of summaries) {
      if (/Weigh yourself daily/i.test(text)) {
        expect(hasBy(patient, note.date, 'heart-failure'), note.id).toBe(true);
        checked++;
      }
      if (/Diabetic diet|Carb-controlled diet/i.test(text)) {
        expect(hasBy(patient, note.date, 'type2-diabetes', 'type1-diabetes'), note.id).toBe(true);
        checked++;
      }
      if (/No driving/i.test(text)) {
        expect(age, note.id).toBeGreaterThanOrEqual(18);
        const syncope = note.entities.some(
          (e) => e.code === symptoms.syncope.code && e.assertion === 'present',
        );
        expect(syncope || hasBy(patient, note.date, 'stroke'), note.id).toBe(true);
      }
      if (/Take all medications as prescribed/i.test(text)) {
        expect(onMedicationOn(patient, note.date), note.id).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('counsel on what fits the problem and the patient (1.4.0: weight loss for otitis media)', () => {
    let weight = 0;
    let adherence = 0;
    for (const { note, patient, age, text } of all) {
      for (const line of text.split('\n')) {
        if (/weight loss strategies/i.test(line)) {
          expect(age, `${note.id}: ${line}`).toBeGreaterThanOrEqual(18);
          weight++;
        }
        if (/medication adherence|adherence discussed/i.test(line)) {
          expect(onMedicationOn(patient, note.date), `${note.id}: ${line}`).toBe(true);
          adherence++;
        }
        // HbA1c no sooner than every 3 months (ADA Standards of Care 2024, section 6).
        expect(line, note.id).not.toMatch(
          /(?:a1c|glycated hemoglobin|glycohemoglobin)[^.;\n]*? in \d+(?:-\d+)? weeks/i,
        );
      }
    }
    expect(weight).toBeGreaterThan(5);
    expect(adherence).toBeGreaterThan(5);
  });

  it('call hypertension controlled only when the note\'s BP is (1.4.0: "controlled" at 162/97)', () => {
    let checked = 0;
    for (const { note, patient, text } of all) {
      const bp = shownReading(patient, note, 'bloodPressurePanel');
      if (!bp) continue;
      const high = bp.value >= 140 || (bp.diastolic ?? 0) >= 90;
      // The status a problem line gives hypertension: "Essential hypertension (uncontrolled)",
      // "HTN - at goal", "hypertension: controlled".
      for (const m of text.matchAll(
        /(?:\bHTN|hypertension)\s*(?:\(|-|:)\s*(uncontrolled|above goal|suboptimally controlled|near goal|controlled|at goal)\b/gi,
      )) {
        const status = m[1]!.toLowerCase();
        if (status === 'controlled' || status === 'at goal')
          expect(high, `${note.id}: ${bp.value}/${bp.diastolic}: ${m[0]}`).toBe(false);
        if (status === 'uncontrolled' || status === 'above goal') {
          expect(high, `${note.id}: ${bp.value}/${bp.diastolic}: ${m[0]}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('plan the problem that brought the patient in as an acute one (1.4.0: "Acute CVA: reassess at next visit")', () => {
    let checked = 0;
    for (const { note, encounter, text } of all) {
      if (!encounter.reason || (encounter.kind !== 'emergency' && encounter.kind !== 'inpatient'))
        continue;
      if (note.kind === 'discharge-summary') continue;
      const code = conditions[encounter.reason].snomed.code;
      // Each line of the A&P, with its offset in the note (masking PHI keeps offsets).
      let start = text.search(/Assessment|Impression|\bA\/P|\bA&P|^Plan/im);
      for (const line of text.slice(start).split('\n')) {
        const lineStart = start;
        start += line.length + 1;
        const mentions = note.entities.some(
          (e) =>
            e.code === code &&
            e.start >= lineStart &&
            e.end <= lineStart + line.length &&
            e.assertion === 'present',
        );
        if (!mentions) continue;
        expect(line, note.id).not.toMatch(/next visit|refilled|in \d+ months|no changes/i);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('sum up by the setting (1.4.0: "admitted with" at a clinic, "doing well" in the ED)', () => {
    for (const { note, encounter, patient, text } of all) {
      const clinic = encounter.kind === 'ambulatory' || encounter.kind === 'wellness';
      if (clinic) expect(text, note.id).not.toMatch(/ admitted (?:with|for) /i);
      else
        expect(text, note.id).not.toMatch(/(?:Overall|In general|Today) (?:doing well|improved)/i);
      if (/on current regimen/i.test(text))
        expect(onMedicationOn(patient, note.date), note.id).toBe(true);
    }
  });

  it('weigh no adult diagnosis in a child, and leave no emergency open in the ED', () => {
    const adult = new Set<string>(
      ['heart-failure', 'myocardial-infarction', 'atrial-fibrillation', 'stroke'].map(
        (k) => conditions[k as keyof typeof conditions].snomed.code,
      ),
    );
    for (const k of ['acuteCoronarySyndrome', 'pulmonaryEmbolism'] as const)
      adult.add(differentials[k].code);
    const emergency = new Set<string>([...adult, differentials.appendicitis.code]);
    let ed = 0;
    for (const { note, age, encounter } of all) {
      for (const e of note.entities) {
        if (e.assertion !== 'possible' && e.assertion !== 'negated') continue;
        if (age < 18 && e.type === 'Disease' && e.assertion === 'possible')
          expect(adult.has(e.code!), `${note.id}: ${e.text}`).toBe(false);
        if (encounter.kind === 'emergency' && e.assertion === 'possible' && e.type === 'Disease') {
          // The encounter's own suspected reason is not a differential the note weighs.
          if (encounter.reason && conditions[encounter.reason].snomed.code === e.code) continue;
          expect(emergency.has(e.code!), `${note.id}: ${e.text}`).toBe(false);
          ed++;
        }
      }
    }
    expect(ed).toBeGreaterThan(10);
  });

  it('tell one story of how the patient came, in every note of a stay (1.4.0: transferred and walked in)', () => {
    const byEncounter = new Map<string, typeof all>();
    for (const item of all) {
      if (item.encounter.kind !== 'inpatient' && item.encounter.kind !== 'emergency') continue;
      const list = byEncounter.get(item.encounter.id) ?? [];
      list.push(item);
      byEncounter.set(item.encounter.id, list);
    }
    let transfers = 0;
    for (const notes of byEncounter.values()) {
      const hospitals = new Set<string>();
      let walkedIn = false;
      for (const { note, encounter } of notes) {
        for (const m of note.text.matchAll(/\b(?:transferred|transfer) from /gi)) {
          const span = note.phi.find((p) => p.start === m.index + m[0].length);
          expect(span, note.id).toBeDefined();
          hospitals.add(span!.text);
        }
        if (/(?:presents|presenting) to the (?:ED|ER|emergency)|brought in by EMS/i.test(note.text))
          walkedIn = true;
        if (encounter.kind === 'emergency')
          expect(withoutPhi(note), note.id).not.toMatch(
            /transferred from|\badmitted (?:for|with)\b/i,
          );
      }
      expect(hospitals.size, notes[0]!.note.id).toBeLessThanOrEqual(1);
      if (hospitals.size > 0) {
        expect(walkedIn, notes[0]!.note.id).toBe(false);
        transfers++;
      }
    }
    expect(transfers).toBeGreaterThan(0);
  });

  it('have a parent report a young child\'s symptoms (1.4.0: a 4-month-old "has noticed ear pain")', () => {
    let parents = 0;
    for (const { note, age, text } of all) {
      if (age >= 4) continue;
      expect(text, note.id).not.toMatch(
        /\b(?:he|she) (?:reports|denies|specifically denies|has noticed)\b|\b(?:patient|pt) denies|\bendorses\b|\bcomplains of\b|no complaints of|main concern is/i,
      );
      if (
        /\b(?:his|her) (?:mother|father|grandmother|parent) (?:reports|has noticed|is most concerned)|\bper (?:his|her) (?:mother|father|grandmother|parent)/i.test(
          text,
        )
      )
        parents++;
    }
    expect(parents).toBeGreaterThan(10);
  });

  it('list as associated only symptoms the opening did not name (1.4.0 repeated the complaint)', () => {
    let checked = 0;
    for (const { note } of all) {
      for (const m of note.text.matchAll(/(?:Associated symptoms include|Also with) /g)) {
        const after = note.entities.find((e) => e.start === m.index + m[0].length);
        if (!after) continue;
        const lineStart = note.text.lastIndexOf('\n', m.index) + 1;
        const earlier = note.entities.filter(
          (e) =>
            e.type === 'Symptom' &&
            e.start >= lineStart &&
            e.end <= m.index &&
            e.assertion === 'present',
        );
        expect(
          earlier.map((e) => e.code),
          `${note.id}: ${note.text.slice(lineStart, m.index + 60)}`,
        ).not.toContain(after.code);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('call only a child under 1 an infant, and do no spirometry under 6 (1.4.0: both)', () => {
    let infants = 0;
    for (const { note, age, text } of all) {
      if (/\binfant (?:girl|boy)\b/i.test(text)) {
        expect(age, note.id).toBe(0);
        infants++;
      }
      if (age < 6)
        for (const e of note.entities)
          if (e.type === 'Procedure' && e.assertion === 'present')
            expect(e.text.toLowerCase(), note.id).not.toMatch(/spiro|pft|pulmonary function/);
    }
    expect(infants).toBeGreaterThan(5);
  });

  it('head labs "BMP/lipids" only when lipids are shown (1.4.0: over a creatinine)', () => {
    const lipidCodes = new Set<string>(
      (['totalCholesterol', 'ldl', 'hdl', 'triglycerides'] as const).map(
        (k) => measurementCatalog[k].loinc,
      ),
    );
    let checked = 0;
    for (const { note } of all) {
      for (const m of note.text.matchAll(/BMP\/lipids \(/gi)) {
        const end = note.text.indexOf('\n\n', m.index);
        const block = note.entities.filter(
          (e) => e.type === 'LabTest' && e.start > m.index && (end < 0 || e.start < end),
        );
        expect(
          block.some((e) => lipidCodes.has(e.code!)),
          note.id,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('qualify atrial fibrillation as the note shows it (1.4.0: "with RVR" at a rate of 72)', () => {
    let acuteAf = 0;
    for (const { note, patient, encounter, text } of all) {
      if (encounter.reason === 'atrial-fibrillation' && encounter.kind !== 'ambulatory') acuteAf++;
      if (/rapid ventricular response|\bRVR\b/i.test(text)) {
        const rate = shownReading(patient, note, 'heartRate');
        expect(rate?.value ?? 0, note.id).toBeGreaterThan(100);
      }
      if (/new-onset (?:atrial fibrillation|afib|a-fib|af)\b/i.test(text)) {
        const af = patient.conditions.find((x) => x.key === 'atrial-fibrillation')!;
        expect(af.onset >= encounter.start.slice(0, 10), note.id).toBe(true);
      }
    }
    // The qualifiers are rare once they must fit (none in this fixture); the checks above fail
    // when either gate is removed.
    expect(acuteAf).toBeGreaterThan(3);
  });

  /** The A&P lines of a note that mention a present Disease entity, with that entity's code. */
  const problemLines = (note: SynthNote, text: string) => {
    const out: { line: string; codes: string[] }[] = [];
    let start = text.search(/Assessment|Impression|\bA\/P|\bA&P|^Plan/im);
    if (start < 0) return out;
    for (const line of text.slice(start).split('\n')) {
      const lineStart = start;
      start += line.length + 1;
      const codes = note.entities
        .filter(
          (e) =>
            e.type === 'Disease' &&
            e.assertion === 'present' &&
            e.start >= lineStart &&
            e.end <= lineStart + line.length,
        )
        .map((e) => e.code!);
      if (codes.length > 0) out.push({ line, codes });
    }
    return out;
  };

  it('plan a diagnosis made at this visit as new (1.4.0: "new type 2 diabetes (at baseline)")', () => {
    let checked = 0;
    for (const { note, encounter, patient, text } of all) {
      if (encounter.kind !== 'ambulatory' && encounter.kind !== 'wellness') continue;
      if (!encounter.reason) continue;
      const condition = patient.conditions.find((x) => x.key === encounter.reason);
      if (!condition || condition.onset < encounter.start.slice(0, 10)) continue;
      const code = conditions[encounter.reason].snomed.code;
      for (const { line, codes } of problemLines(note, text)) {
        if (!codes.includes(code) || codes.length > 1) continue;
        expect(line, note.id).not.toMatch(
          /no changes|at baseline|chronic, stable|continue to (?:monitor|follow)|next visit|refilled|tolerating/i,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('give weight and mood problems the status their numbers show (1.4.0: "obesity, well controlled" at BMI 43.7)', () => {
    let checked = 0;
    for (const { note, patient, age, text } of all) {
      const at = (key: MeasurementKey) => shownReading(patient, note, key);
      const bmi = at('bmi');
      const phq9 = at('phq9');
      const gad7 = at('gad7');
      for (const { line, codes } of problemLines(note, text)) {
        if (codes.length !== 1) continue;
        const calm =
          /\b(?:well controlled|controlled|in remission|stable|at baseline|improving)\b/i.test(
            line.replace(/uncontrolled|partially controlled/gi, ''),
          );
        if (codes[0] === conditions.obesity.snomed.code && (age < 18 || (bmi && bmi.value >= 30))) {
          expect(calm, `${note.id}: BMI ${bmi?.value}: ${line}`).toBe(false);
          checked++;
        }
        if (codes[0] === conditions.depression.snomed.code && phq9 && phq9.value >= 15) {
          expect(calm, `${note.id}: PHQ-9 ${phq9.value}: ${line}`).toBe(false);
          checked++;
        }
        if (codes[0] === conditions.anxiety.snomed.code && gad7 && gad7.value >= 15) {
          expect(calm, `${note.id}: GAD-7 ${gad7.value}: ${line}`).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('keep clinic plans out of ED and ward notes (1.4.0: "HTN: recheck potassium in 6 months" inpatient)', () => {
    let checked = 0;
    for (const { note, encounter, text } of all) {
      if (encounter.kind !== 'emergency' && encounter.kind !== 'inpatient') continue;
      if (note.kind === 'discharge-summary') continue;
      for (const { line } of problemLines(note, text)) {
        expect(line, note.id).not.toMatch(
          /next visit|refilled|in \d+(?:-\d+)? months|prior to follow-up/i,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('plan a discharge "tomorrow" only the day before it (1.4.0: five days before)', () => {
    let checked = 0;
    for (const { note, encounter, text } of all) {
      if (encounter.kind !== 'inpatient' || note.kind !== 'progress') continue;
      if (/discharge(?: home)? tomorrow/i.test(text)) {
        expect(daysBetween(note.date, encounter.end), note.id).toBe(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("keep an adult's home and work the same across notes, and jobs with fitting employers", () => {
    let patients = 0;
    let paired = 0;
    for (const { patient, notes } of cohort) {
      const texts = notes.map((n) => withoutPhi(n));
      const alone = texts.some((t) => /Lives alone/i.test(t));
      const withSomeone = texts.some((t) =>
        /Lives with (?:his|her) (?:wife|husband|partner|daughter|son|sister)|Lives at home with (?:his|her) (?:wife|husband|partner|daughter|son|sister)|with family\./i.test(
          t,
        ),
      );
      expect(alone && withSomeone, patient.id).toBe(false);
      const retiredAt = notes
        .filter((n) => /\bRetired\b/.test(withoutPhi(n)))
        .map((n) => n.date.slice(0, 10));
      const workingAt = notes
        .filter((n) => /Works as|Employed by|Works (?:full|part)-time/.test(withoutPhi(n)))
        .map((n) => n.date.slice(0, 10));
      // Working after retiring never happens (retiring between visits may).
      if (retiredAt.length > 0 && workingAt.length > 0) {
        expect(
          workingAt.every((d) => d < retiredAt.reduce((a, b) => (a < b ? a : b))),
          patient.id,
        ).toBe(true);
      }
      if (alone || withSomeone) patients++;
      for (const note of notes) {
        for (const m of note.text.matchAll(/Works as an? ([a-z ]+?) at |Employed by /g)) {
          const span = note.phi.find((p) => p.start === m.index + m[0].length);
          // A typo in the occupation ("office mamager") leaves it out.
          if (!span || !m[1] || !employersForTest[m[1]]) continue;
          expect(employersForTest[m[1]], `${note.id}: ${m[1]} at ${span.text}`).toContain(
            span.text,
          );
          paired++;
        }
      }
    }
    expect(patients).toBeGreaterThan(100);
    expect(paired).toBeGreaterThan(10);
  });
});
