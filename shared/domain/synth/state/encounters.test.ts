// Tests (synth/state): when preventive visits fall. Generator 1.6.0 puts them on their schedule; the
// spacing check fails on 1.5.0, which drew each on a random day (adult "annual physicals" 9 days
// apart, in 620 of 1,505 consecutive pairs under 6 months).
import { describe, expect, it } from 'vitest';
import { generatePatientState } from './patient';

const options = { patients: 2000, seed: 73, hospital: 'visits', dirtyRate: 0, asOf: '2026-01-01' };
const patients = Array.from({ length: options.patients }, (_, i) =>
  generatePatientState(options, i),
);
const dayMs = 86_400_000;
const yearsAt = (birthDate: string, date: string): number =>
  (Date.parse(date.slice(0, 10)) - Date.parse(birthDate)) / dayMs / 365.25;

describe('Synthetic patients: preventive visits', () => {
  it('space preventive visits from 3 years at least 10 months apart, as a yearly visit is', () => {
    let pairs = 0;
    for (const p of patients) {
      const visits = p.encounters
        .filter((e) => e.kind === 'wellness')
        .map((e) => e.start.slice(0, 10))
        .sort();
      for (let i = 1; i < visits.length; i++) {
        if (yearsAt(p.demographics.birthDate, visits[i - 1]!) < 3) continue;
        const days = (Date.parse(visits[i]!) - Date.parse(visits[i - 1]!)) / dayMs;
        expect(days, `${p.id}: ${visits[i - 1]} then ${visits[i]}`).toBeGreaterThanOrEqual(300);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(500);
  });

  it('see infants at the Bright Futures ages: several visits in the first year, 3 weeks apart after 2 months', () => {
    let infants = 0;
    for (const p of patients) {
      const visits = p.encounters
        .filter((e) => e.kind === 'wellness')
        .map((e) => e.start.slice(0, 10))
        .filter((d) => yearsAt(p.demographics.birthDate, d) < 1)
        .sort();
      if (visits.length === 0) continue;
      for (let i = 1; i < visits.length; i++) {
        // A week apart in the first two months (3-5 days, then by 1 month), 3 weeks after.
        const newborn = yearsAt(p.demographics.birthDate, visits[i]!) * 365.25 < 61;
        expect(
          (Date.parse(visits[i]!) - Date.parse(visits[i - 1]!)) / dayMs,
          `${p.id}: ${visits[i - 1]} then ${visits[i]}`,
        ).toBeGreaterThanOrEqual(newborn ? 7 : 20);
      }
      if (yearsAt(p.demographics.birthDate, options.asOf) >= 1.2 && visits.length >= 4) infants++;
    }
    expect(infants).toBeGreaterThan(5);
  });
});
