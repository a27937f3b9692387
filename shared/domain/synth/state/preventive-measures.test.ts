// Unit tests (synth/state): waist circumference and the Exercise Vital Sign at adults' wellness visits,
// and the product's FINDRISC reading them from the rendered record.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { scoresFromFhir } from '../../risk/scores-from-fhir';
import { renderCohortPatient } from '../cohort';
import { Rng } from '../rng';
import { dayFromIso } from './calendar';
import { generatePatientState } from './patient';
import {
  drawExerciseHabit,
  exerciseHabitShares,
  nhanesMeans,
  waistAt,
} from './preventive-measures';

const options = { seed: 23, patients: 400, hospital: 'h', dirtyRate: 0, asOf: '2026-01-01' };
const preventive = ['waistCircumference', 'exerciseDaysPerWeek', 'exerciseMinutesPerDay'];

describe('Function: drawExerciseHabit', () => {
  it('draws the Coleman 2012 shares, each habit inside its band of minutes a week', () => {
    // Arrange
    const rng = new Rng(5);
    const n = 20_000;
    const count = { inactive: 0, insufficient: 0, sufficient: 0 };
    // Act
    for (let i = 0; i < n; i++) {
      const habit = drawExerciseHabit(rng);
      count[habit.level]++;
      const minutes = habit.daysPerWeek * habit.minutesPerDay;
      // Assess: the band of each level
      if (habit.level === 'inactive') expect(minutes).toBe(0);
      else if (habit.level === 'insufficient') expect(minutes > 0 && minutes < 150).toBe(true);
      else expect(minutes).toBeGreaterThanOrEqual(150);
      expect(habit.daysPerWeek).toBeLessThanOrEqual(7);
    }
    for (const level of Object.keys(count) as (keyof typeof count)[])
      expect(Math.abs(count[level] / n - exerciseHabitShares[level])).toBeLessThan(0.015);
  });
});

describe('Function: waistAt', () => {
  it('gives the NHANES 2015-2016 mean waist at the mean BMI, and 2.2 cm more per kg/m2', () => {
    const rng = new Rng(9);
    const mean = (sex: 'male' | 'female', bmi: number) => {
      let sum = 0;
      for (let i = 0; i < 4000; i++) sum += waistAt(rng, sex, bmi, 0);
      return sum / 4000;
    };
    expect(mean('male', nhanesMeans.male.bmi)).toBeCloseTo(102.1, 0);
    expect(mean('female', nhanesMeans.female.bmi)).toBeCloseTo(98.0, 0);
    expect(mean('female', nhanesMeans.female.bmi + 5) - 98.0).toBeCloseTo(11, 0);
  });
});

describe('Function: generatePatientState (preventive measures)', () => {
  const cohort = Array.from({ length: options.patients }, (_, i) =>
    generatePatientState(options, i),
  );

  it('measures waist and asks the Exercise Vital Sign at every adult wellness visit, and nowhere else', () => {
    let visits = 0;
    for (const p of cohort) {
      const birthDay = dayFromIso(p.demographics.birthDate);
      for (const e of p.encounters) {
        const keys = p.measurements.filter((m) => m.encounterId === e.id).map((m) => m.key);
        const adult = (dayFromIso(e.start) - birthDay) / 365.25 >= 18;
        const expected = e.kind === 'wellness' && adult && keys.includes('bmi');
        for (const key of preventive)
          expect(keys.filter((k) => k === key).length).toBe(expected ? 1 : 0);
        if (!expected) continue;
        visits++;
        const bmi = p.measurements.find((m) => m.encounterId === e.id && m.key === 'bmi')!;
        const at = (key: string) =>
          p.measurements.find((m) => m.encounterId === e.id && m.key === key)!;
        expect(at('waistCircumference').at).toBe(bmi.at);
        const days = at('exerciseDaysPerWeek').value;
        const minutes = at('exerciseMinutesPerDay').value;
        expect(days >= 0 && days <= 7).toBe(true);
        expect(minutes === 0).toBe(days === 0);
      }
    }
    expect(visits).toBeGreaterThan(100);
  });

  it('follows BMI: waist is higher for the obese than for normal weight', () => {
    const byBand = { normal: [] as number[], obese: [] as number[] };
    for (const p of cohort)
      for (const w of p.measurements.filter((m) => m.key === 'waistCircumference')) {
        const bmi = p.measurements.find((m) => m.encounterId === w.encounterId && m.key === 'bmi')!;
        if (bmi.value < 25) byBand.normal.push(w.value);
        else if (bmi.value >= 30) byBand.obese.push(w.value);
      }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(byBand.normal.length).toBeGreaterThan(20);
    expect(byBand.obese.length).toBeGreaterThan(20);
    expect(mean(byBand.obese) - mean(byBand.normal)).toBeGreaterThan(15);
  });
});

describe('Function: renderCohortPatient (FINDRISC from the record)', () => {
  it('gives FINDRISC its waist and physical activity for adults 35-64 seen for a check-up this year', () => {
    // Arrange: adults of the FINDRISC ages with a wellness visit in the year before asOf.
    const asOf = new Date(`${options.asOf}T00:00:00Z`);
    let scored = 0;
    for (let i = 0; i < 150; i++) {
      const state = generatePatientState(options, i);
      const age = state.demographics.ageYears;
      const recent = state.encounters.some(
        (e) => e.kind === 'wellness' && asOf.getTime() - Date.parse(e.start) < 365 * 86_400_000,
      );
      if (age < 35 || age > 64 || !recent) continue;
      const rendered = renderCohortPatient(options, i);
      const bundle = JSON.parse(rendered.bundle.join('')) as Bundle;
      const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
      // Act
      const result = scoresFromFhir(resources, 'findrisc', asOf);
      // Assess: only the diet item (no FHIR code) and perhaps family history are left missing.
      expect(result.missing).not.toContain('waist');
      expect(result.missing).not.toContain('physicallyActive');
      expect(result.missing).toContain('dailyFruitVegetables');
      expect(result.value).not.toBeNull();
      scored++;
    }
    expect(scored).toBeGreaterThan(5);
  });
});
