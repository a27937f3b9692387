// Tests (synth/notes): how the notes of real generated patients write a BMI percentile, flag a child's
// lab results and tell an adolescent's social history. Generator 1.5.0 fixed all three; each check
// fails on 1.4.0 ("BMI percentile 54th percentile", "73th", "100%"; "Creat 0.46 (L)" of a 5-year-old;
// "Drinks 1-2 glasses of wine nightly" of a 16-year-old, "lives at home with his husband" at 17).
import { describe, expect, it } from 'vitest';
import type { MeasurementKey } from '../catalog';
import { renderCohortPatient } from '../cohort';
import type { SynthNote, SynthPatient, TrueMeasurement } from '../model';
import { patientRng } from '../rng';
import { generatePatientState } from '../state/patient';
import { ageOn, withoutPhi } from './realism.test-helper';
import { patientFacts } from './context';
import { ordinal, percentileRank } from './lexicon/measurements';
import { employers } from './lexicon/people';
import { referenceLimits } from './render/measurements';

const options = {
  patients: 500,
  seed: 59,
  hospital: 'measures',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

const dayMs = 86_400_000;

interface Read {
  patient: SynthPatient;
  note: SynthNote;
  age: number;
  ageDays: number;
  text: string;
  measurements: TrueMeasurement[];
}

const readsOf = (patients: typeof cohort): Read[] =>
  patients.flatMap(({ patient, notes }) =>
    notes.map((note) => ({
      patient,
      note,
      age: ageOn(patient.demographics.birthDate, note.date),
      ageDays: Math.round(
        (Date.parse(note.date.slice(0, 10)) - Date.parse(patient.demographics.birthDate)) / dayMs,
      ),
      text: withoutPhi(note),
      measurements: patient.measurements.filter((m) => m.encounterId === note.encounterId),
    })),
  );
const all: Read[] = readsOf(cohort);

/**
 * Children draw fewer blood tests since 1.6.0 (none for a child's earache or wheeze in the ED:
 * state/lab-results.ts), so the lab-flag checks read more children: those with labs among the first
 * 2,000 patients of the same cohort (the rest of this file reads the first 500).
 */
const labChildren: Read[] = readsOf(
  Array.from({ length: 2000 }, (_, i) => i)
    .filter((i) => {
      const state = generatePatientState(options, i);
      return (
        state.demographics.ageYears < 21 &&
        state.measurements.some((m) => m.key === 'creatinine' || m.key === 'glucoseMass')
      );
    })
    .map((i) => renderCohortPatient(options, i)),
).filter((r) => r.age < 18);

/** The suffix English gives a number, written out here independently of `ordinal`. */
function suffixOf(n: number): string {
  if ([11, 12, 13].includes(n % 100)) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}

/** The latest measurement of `key` at the note's encounter (the one notes show). */
function latest(read: Read, key: MeasurementKey): TrueMeasurement | undefined {
  return read.measurements
    .filter((m) => m.key === key)
    .reduce<TrueMeasurement | undefined>((a, m) => (!a || a.at <= m.at ? m : a), undefined);
}

describe('Functions: ordinal and percentileRank', () => {
  it('write English ordinals, and a percentile from the 1st to the 99th', () => {
    const cases: [number, string][] = [
      [1, '1st'],
      [2, '2nd'],
      [3, '3rd'],
      [4, '4th'],
      [11, '11th'],
      [12, '12th'],
      [13, '13th'],
      [21, '21st'],
      [23, '23rd'],
      [73, '73rd'],
      [92, '92nd'],
      [99, '99th'],
      [111, '111th'],
    ];
    for (const [n, text] of cases) expect(ordinal(n)).toBe(text);
    expect(percentileRank(100)).toEqual({ bound: '>', rank: 99 });
    expect(percentileRank(99.6)).toEqual({ bound: '>', rank: 99 });
    expect(percentileRank(99.4)).toEqual({ bound: '', rank: 99 });
    expect(percentileRank(0.3)).toEqual({ bound: '<', rank: 1 });
    expect(percentileRank(54.2)).toEqual({ bound: '', rank: 54 });
  });
});

describe('BMI percentiles in notes of generated children', () => {
  it('are written once as a percentile, with the right ordinal, never over the 99th (1.4.0: "54th percentile" after "BMI percentile", "73th", "100%")', () => {
    const numberForm =
      /\bBMI(?:-for-age)? percentile(?::|-| of| was| is)? ?([<>]?)(\d+)((?:st|nd|rd|th)\b)?/g;
    const ordinalForm =
      /\bBMI[- ]for[- ]age(?::| at the| above the| below the)? ?([<>]?)(\d+)(st|nd|rd|th) percentile/g;
    let numbers = 0;
    let ordinals = 0;
    const seen = new Set<string>();
    for (const read of all) {
      const { note, text } = read;
      expect(text, note.id).not.toMatch(
        /percentile\W{0,3}(?:of |was |is )?[<>]?\d+(?:st|nd|rd|th)\b/i,
      );
      expect(text, note.id).not.toMatch(/\b\d+(?:st|nd|rd|th) percentile percentile/i);
      const truth = latest(read, 'bmiPercentile');
      for (const m of [...text.matchAll(numberForm)]) {
        numbers++;
        expect(m[3], `${note.id}: ${m[0]}`).toBeUndefined();
        const n = Number(m[2]);
        expect(n, `${note.id}: ${m[0]}`).toBeGreaterThanOrEqual(1);
        expect(n, `${note.id}: ${m[0]}`).toBeLessThanOrEqual(99);
        expect(truth, note.id).toBeDefined();
        const shown = percentileRank(truth!.value);
        expect(`${m[1]}${n}`, `${note.id}: ${m[0]} of ${truth!.value}`).toBe(
          `${shown.bound}${shown.rank}`,
        );
        seen.add(m[1] ? 'bound' : 'plain');
      }
      for (const m of [...text.matchAll(ordinalForm)]) {
        ordinals++;
        const n = Number(m[2]);
        expect(m[3], `${note.id}: ${m[0]}`).toBe(suffixOf(n));
        expect(n, `${note.id}: ${m[0]}`).toBeLessThanOrEqual(99);
        const shown = percentileRank(truth!.value);
        const bound = m[1] || (/above the/.test(m[0]) ? '>' : /below the/.test(m[0]) ? '<' : '');
        expect(`${bound}${n}`, `${note.id}: ${m[0]} of ${truth!.value}`).toBe(
          `${shown.bound}${shown.rank}`,
        );
        seen.add(`ordinal-${m[3]}`);
      }
    }
    expect(numbers).toBeGreaterThan(50);
    expect(ordinals).toBeGreaterThan(50);
    // Percentiles above the 99th and ordinals of each suffix were met (so the checks above bite).
    expect([...seen].sort()).toEqual(
      ['bound', 'ordinal-nd', 'ordinal-rd', 'ordinal-st', 'ordinal-th', 'plain'].sort(),
    );
  });
});

/** Published pediatric limits (the sources render/measurements.ts cites), restated for the check. */
function childCreatinine(days: number, sex: 'female' | 'male'): [number, number] {
  const years = days / 365.25;
  if (days < 15) return [0.3, 0.9];
  if (years < 2) return [0.1, 0.3];
  if (years < 5) return [0.2, 0.4];
  if (years < 12) return [0.3, 0.6];
  if (years < 15) return [0.4, 0.8];
  return sex === 'male' ? [0.6, 1.0] : [0.5, 0.8];
}

/** A lab value in a note and the flag written after it, if any ("(L)", " H", "*", ", low"). */
function flagged(
  text: string,
  names: string,
  value: string,
): { value: number; flag: '' | 'H' | 'L' | '*' }[] {
  const re = new RegExp(
    `\\b(?:${names})(?::|-| of| was| is)? ?(${value})(?![\\d.])(?: ?mg/dL)?( \\(([HL])\\)| ([HL])\\b|\\*|, (low|elevated))?`,
    'g',
  );
  return [...text.matchAll(re)].map((m) => {
    const word = m[5] === 'low' ? 'L' : m[5] === 'elevated' ? 'H' : undefined;
    const flag = (m[3] ?? m[4] ?? word ?? (m[2] === '*' ? '*' : '')) as '' | 'H' | 'L' | '*';
    return { value: Number(m[1]), flag };
  });
}

describe('Lab flags in notes of generated children', () => {
  const children = labChildren;

  it('judge a child\'s creatinine by pediatric limits, never low by adult ones (1.4.0: "Creat 0.46 (L)" at 5)', () => {
    let checked = 0;
    let belowAdult = 0;
    for (const { note, text, ageDays, patient } of children) {
      const [lo, hi] = childCreatinine(ageDays, patient.demographics.sex);
      for (const { value, flag } of flagged(text, 'Cr|Creat|creatinine', '\\d+\\.\\d\\d')) {
        checked++;
        if (value < 0.5) belowAdult++;
        const label = `${note.id}: creatinine ${value} ${flag} at ${ageDays} days`;
        if (value >= lo && value <= hi) expect(flag, label).toBe('');
        else if (flag === 'L') expect(value, label).toBeLessThan(lo);
        else if (flag === 'H') expect(value, label).toBeGreaterThan(hi);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(belowAdult).toBeGreaterThan(15);
  });

  it('flag a child\'s non-fasting glucose only outside the pediatric interval (1.4.0: "BG 106 H" at 4)', () => {
    let checked = 0;
    let overAdult = 0;
    for (const { note, text, ageDays } of children) {
      const [lo, hi] = ageDays < 30 ? [55, 115] : ageDays < 365.25 ? [55, 123] : [56, 145];
      const names = 'BG|Glu|glucose|blood glucose|blood sugar';
      for (const { value, flag } of flagged(text, names, '\\d{2,3}')) {
        checked++;
        if (value > 99) overAdult++;
        if (value >= lo && value <= hi)
          expect(flag, `${note.id}: glucose ${value} ${flag}`).toBe('');
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(overAdult).toBeGreaterThan(10);
  });

  it('take reference limits by age: CALIPER creatinine, pediatric glucose and infant potassium; no eGFR flag in children; adults unchanged', () => {
    const day = (years: number) => Math.round(years * 365.25);
    expect(referenceLimits('creatinine', 10, 'male')).toEqual([0.3, 0.9]);
    expect(referenceLimits('creatinine', day(1), 'female')).toEqual([0.1, 0.3]);
    expect(referenceLimits('creatinine', day(5.5), 'female')).toEqual([0.3, 0.6]);
    expect(referenceLimits('creatinine', day(13), 'male')).toEqual([0.4, 0.8]);
    expect(referenceLimits('creatinine', day(16), 'male')).toEqual([0.6, 1.0]);
    expect(referenceLimits('creatinine', day(16), 'female')).toEqual([0.5, 0.8]);
    expect(referenceLimits('creatinine', day(18.1), 'female')).toEqual([0.5, 1.2]);
    expect(referenceLimits('glucoseMass', day(4), 'male')).toEqual([56, 145]);
    expect(referenceLimits('glucoseMass', day(40), 'male')).toEqual([70, 99]);
    expect(referenceLimits('potassium', day(0.5), 'male')).toEqual([3.5, 6.1]);
    expect(referenceLimits('potassium', day(8), 'male')).toEqual([3.5, 5.1]);
    expect(referenceLimits('egfr', day(12), 'male')).toBeUndefined();
    expect(referenceLimits('egfr', day(40), 'male')).toEqual([60, 999]);
    expect(referenceLimits('totalCholesterol', day(12), 'female')).toEqual([0, 169]);
    expect(referenceLimits('triglycerides', day(8), 'female')).toEqual([0, 74]);
  });
});

describe('Social history in notes of generated adolescents', () => {
  const teens = all.filter((r) => r.age >= 12 && r.age < 18);
  const adultRoles = ['wife', 'husband', 'daughter', 'son', 'sister', 'partner'];
  const factsOf = (patient: SynthPatient) =>
    patientFacts(patient, patientRng(options.seed, patient.index).fork('notes').fork('note-facts'));

  it('never give a 12-17-year-old an adult habit, job or household, nor anyone under 30 a son or daughter as the relative (1.4.0: nightly wine, a software developer, "his husband")', () => {
    let parentOfAdultRole = 0;
    for (const { note, text, patient } of teens) {
      expect(text, note.id).not.toMatch(
        /\b(?:wine|beers?|EtOH|drinks socially|alcohol use\b|daily alcohol)/i,
      );
      expect(text, note.id).not.toMatch(/\bWorks as\b|\bEmployed by\b|\bRetired\b|Lives alone/i);
      expect(text, note.id).not.toMatch(
        /\b(?:his|her) (?:wife|husband|daughter|son|sister|partner)\b|\b(?:wife|husband|daughter|son|partner) #+ is (?:his|her) emergency contact/i,
      );
      for (const span of note.phi)
        expect(employers, `${note.id}: ${span.text}`).not.toContain(span.text);
      if (
        adultRoles.includes(factsOf(patient).relativeRole) &&
        /\b(?:his|her) (?:mother|father)\b/.test(text)
      )
        parentOfAdultRole++;
    }
    expect(teens.length).toBeGreaterThan(150);
    // Nor is a son or daughter the relative of anyone under 30.
    for (const { note, text, age } of all.filter((r) => r.age >= 18 && r.age < 30))
      expect(text, `${note.id} at ${age}`).not.toMatch(
        /\b(?:his|her) (?:daughter|son)\b|\b(?:daughter|son) #+ is (?:his|her) emergency contact/i,
      );
    // Patients adult at the cohort's date, minors at the note's: their relative is written as a parent.
    expect(parentOfAdultRole).toBeGreaterThan(3);
  });

  it("write a teenager's school and grade (12th at 17), tobacco only as the record has it, and a part-time job from 16", () => {
    let graded = 0;
    let gradedOver15 = 0;
    let jobs = 0;
    let smokers = 0;
    const jobOf = new Map<string, string>();
    for (const { note, text, age, patient } of all) {
      for (const m of text.matchAll(/\b(\d+)(st|nd|rd|th) grade\b/g)) {
        graded++;
        expect(Number(m[1]), `${note.id}: ${m[0]} at ${age}`).toBe(age - 5);
        expect(m[2], `${note.id}: ${m[0]}`).toBe(suffixOf(Number(m[1])));
        if (age >= 16) gradedOver15++;
      }
      if (age < 12 || age >= 18) continue;
      const status = patient.riskFactors.smoking;
      const smokes =
        /\b(?:smokes|smoking cigarettes|current smoker|former smoker|used to smoke|smoked cigarettes|Tobacco: (?:current|former))\b/i;
      if (status === 'never') expect(text, note.id).not.toMatch(smokes);
      else if (smokes.test(text)) smokers++;
      expect(text, note.id).not.toMatch(/pack-?years?|\bppd\b|pk-yrs?/i);
      // "on weekends" may carry a typo ("on weekensd"): any one word after "on" ends the job's name.
      const job =
        /\b(?:part-time job at|part-time at|weekends at) (a [a-z ]+?)(?: on [a-z]+)?\./.exec(text);
      if (job) {
        jobs++;
        expect(age, `${note.id}: ${job[0]}`).toBeGreaterThanOrEqual(16);
        const before = jobOf.get(patient.id);
        if (before) expect(job[1], note.id).toBe(before);
        jobOf.set(patient.id, job[1]!);
      }
    }
    expect(graded).toBeGreaterThan(30);
    expect(gradedOver15).toBeGreaterThan(10);
    expect(jobs).toBeGreaterThan(2);
    expect(smokers).toBeGreaterThan(0);
  });
});
