import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CohortOptions,
  SynthPatient,
  TrueCondition,
  TrueEncounter,
  TrueMedication,
} from '../model';
import { Rng } from '../rng';
import { dayFromIso, daysFromCivil } from './calendar';
import {
  assignLvefCourse,
  improvedBy,
  lvefBounds,
  lvefCategory,
  lvefOn,
  markEchoVisits,
  phenotypeOf,
  type HeartFailurePhenotype,
} from './heart-failure';
import { generatePatientState } from './patient';
import { classOf, endOf, share, startOf } from './prescribing.test-helper';

const options: CohortOptions = {
  patients: 12000,
  seed: 61,
  hospital: 'hf-phenotype',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const asOfDay = dayFromIso(options.asOf);
const hf: SynthPatient[] = [];
let others: SynthPatient[] = [];

beforeAll(() => {
  const all: SynthPatient[] = [];
  for (let i = 0; i < options.patients; i++) all.push(generatePatientState(options, i));
  for (const p of all) if (p.conditions.some((c) => c.key === 'heart-failure')) hf.push(p);
  others = all.filter((p) => !hf.includes(p));
});

const heartFailure = (p: SynthPatient): TrueCondition =>
  p.conditions.find((c) => c.key === 'heart-failure')!;
const phenotype = (p: SynthPatient): HeartFailurePhenotype => phenotypeOf(heartFailure(p))!;
const ofPhenotype = (k: HeartFailurePhenotype) => hf.filter((p) => phenotype(p) === k);
const isArni = (m: TrueMedication) => classOf(m) === 'arni';
const isAceiOrArb = (m: TrueMedication) => classOf(m) === 'ace-inhibitor' || classOf(m) === 'arb';
const current = (m: TrueMedication) => m.end === undefined;

describe('Heart-failure phenotype (2022 AHA/ACC/HFSA LVEF categories)', () => {
  it('gives every HF patient an LVEF inside the category it records, and no one else an LVEF', () => {
    expect(hf.length).toBeGreaterThan(250);
    for (const p of hf) {
      const c = heartFailure(p);
      expect(c.ejectionFraction).toBeDefined();
      expect(Number.isInteger(c.ejectionFraction)).toBe(true);
      expect(lvefCategory(c.ejectionFraction!)).toBe(c.severity);
      const [lo, hi] = lvefBounds[phenotype(p)];
      expect(c.ejectionFraction).toBeGreaterThanOrEqual(lo);
      expect(c.ejectionFraction).toBeLessThanOrEqual(hi);
    }
    for (const p of [...hf, ...others])
      for (const c of p.conditions)
        if (c.key !== 'heart-failure') expect(c.ejectionFraction).toBeUndefined();
  });

  it('makes about half HFpEF, a seventh HFmrEF and the rest HFrEF (community cohorts, GWTG-HF)', () => {
    const preserved = share(hf, (p) => phenotype(p) === 'HFpEF');
    const mildly = share(hf, (p) => phenotype(p) === 'HFmrEF');
    expect(preserved).toBeGreaterThan(0.4);
    expect(preserved).toBeLessThan(0.6);
    expect(mildly).toBeGreaterThan(0.05);
    expect(mildly).toBeLessThan(0.18);
    expect(1 - preserved - mildly).toBeGreaterThan(0.28);
  });

  it('makes HFpEF likelier in women and HFrEF likelier after an MI (Framingham)', () => {
    const pef = (g: SynthPatient[]) => share(g, (p) => phenotype(p) === 'HFpEF');
    const women = hf.filter((p) => p.demographics.sex === 'female');
    const men = hf.filter((p) => p.demographics.sex === 'male');
    expect(pef(women) - pef(men)).toBeGreaterThan(0.1);
    const mi = hf.filter((p) => p.conditions.some((c) => c.key === 'myocardial-infarction'));
    const noMi = hf.filter((p) => !mi.includes(p));
    expect(pef(noMi) - pef(mi)).toBeGreaterThan(0.1);
  });
});

describe('Heart-failure therapy by phenotype (2022 AHA/ACC/HFSA)', () => {
  it('gives sacubitril/valsartan only in HFrEF, twice daily, never before its July 2015 approval', () => {
    let orders = 0;
    for (const p of hf)
      for (const m of p.medications.filter(isArni)) {
        orders++;
        expect(phenotype(p)).toBe('HFrEF');
        expect(m.indication).toBe('heart-failure');
        expect(m.timing?.frequency).toBe(2);
        expect(startOf(m)).toBeGreaterThanOrEqual(daysFromCivil(2015, 7, 7));
        expect(m.key).toBe(
          p.riskFactors.egfr < 30 ? 'sacubitril-valsartan-24-26' : 'sacubitril-valsartan-49-51',
        );
      }
    for (const p of others) expect(p.medications.some(isArni)).toBe(false);
    expect(orders).toBeGreaterThan(15);
  });

  it('never gives an ARNI with an ACEi or ARB, and stops an ACEi 36 hours before it', () => {
    let switched = 0;
    for (const p of hf)
      for (const arni of p.medications.filter(isArni))
        for (const m of p.medications.filter(isAceiOrArb)) {
          const overlap = startOf(m) < endOf(arni) && startOf(arni) < endOf(m);
          expect(overlap, `${m.key} ${m.start}–${m.end} with ARNI from ${arni.start}`).toBe(false);
          if (classOf(m) === 'ace-inhibitor' && endOf(m) <= startOf(arni)) {
            expect(startOf(arni) - endOf(m)).toBeGreaterThanOrEqual(2);
            if (m.indication === 'heart-failure') switched++;
          }
        }
    expect(switched).toBeGreaterThan(2);
  });

  it('has ≈13–30% of HFrEF patients on an ARNI at the export (CHAMP-HF 13% in 2015–2017, rising)', () => {
    const rate = share(ofPhenotype('HFrEF'), (p) =>
      p.medications.some((m) => isArni(m) && current(m)),
    );
    expect(rate).toBeGreaterThan(0.12);
    expect(rate).toBeLessThan(0.3);
  });

  it('gives HF beta-blockers and MRAs mainly in HFrEF, none of the former for HFpEF itself', () => {
    const forHf = (p: SynthPatient, c: string) =>
      p.medications.some((m) => m.indication === 'heart-failure' && classOf(m) === c);
    const bb = (g: SynthPatient[]) => share(g, (p) => forHf(p, 'beta-blocker'));
    const mra = (g: SynthPatient[]) =>
      share(
        g.filter((p) => p.riskFactors.egfr > 30 && p.riskFactors.potassium < 5),
        (p) => forHf(p, 'mineralocorticoid-receptor-antagonist'),
      );
    expect(bb(ofPhenotype('HFrEF'))).toBeGreaterThan(0.7);
    expect(bb(ofPhenotype('HFpEF'))).toBe(0);
    expect(mra(ofPhenotype('HFrEF'))).toBeGreaterThan(0.2);
    expect(mra(ofPhenotype('HFpEF'))).toBeLessThan(mra(ofPhenotype('HFrEF')) - 0.08);
    const rasForHf = (g: SynthPatient[]) =>
      share(g, (p) =>
        p.medications.some(
          (m) => m.indication === 'heart-failure' && (isAceiOrArb(m) || isArni(m)),
        ),
      );
    expect(rasForHf(ofPhenotype('HFpEF'))).toBe(0);
    expect(rasForHf(ofPhenotype('HFrEF'))).toBeGreaterThan(0.6);
  });

  it('puts about two thirds of HFpEF on a beta-blocker, each for a comorbidity (Yum 2019: 68%)', () => {
    const onBetaBlocker = (p: SynthPatient) =>
      p.medications.filter((m) => classOf(m) === 'beta-blocker' && current(m));
    const hfpef = ofPhenotype('HFpEF');
    expect(hfpef.length).toBeGreaterThan(150);
    const rate = share(hfpef, (p) => onBetaBlocker(p).length > 0);
    expect(rate).toBeGreaterThan(0.58);
    expect(rate).toBeLessThan(0.78);
    const indications = new Set(hfpef.flatMap((p) => onBetaBlocker(p).map((m) => m.indication)));
    expect([...indications].sort()).toEqual([
      'atrial-fibrillation',
      'coronary-disease',
      'hypertension',
      'myocardial-infarction',
    ]);
    const withoutIndication = hfpef.filter(
      (p) =>
        !(
          [
            'atrial-fibrillation',
            'coronary-disease',
            'hypertension',
            'myocardial-infarction',
          ] as const
        ).some((k) => p.conditions.some((c) => c.key === k)),
    );
    expect(withoutIndication.every((p) => onBetaBlocker(p).length === 0)).toBe(true);
    // One beta-blocker at a time.
    expect(hfpef.every((p) => onBetaBlocker(p).length <= 1)).toBe(true);
  });

  it('gives HFmrEF and HFpEF an SGLT2 inhibitor only after its any-EF approval (24 Feb 2022)', () => {
    let given = 0;
    for (const p of hf) {
      if (phenotype(p) === 'HFrEF') continue;
      for (const m of p.medications)
        if (m.indication === 'heart-failure' && classOf(m) === 'sglt2-inhibitor') {
          given++;
          expect(startOf(m)).toBeGreaterThanOrEqual(daysFromCivil(2022, 2, 24));
        }
    }
    expect(given).toBeGreaterThan(5);
    expect(asOfDay).toBeGreaterThan(daysFromCivil(2022, 2, 24));
  });
});

const hfrEf = (ejectionFraction: number, onset = '2020-01-01'): TrueCondition => ({
  key: 'heart-failure',
  onset,
  status: 'active',
  severity: 'HFrEF',
  ejectionFraction,
});
const monthsBetween = (from: string, to: string) =>
  (dayFromIso(to) - dayFromIso(from)) / (365.25 / 12);

describe('LVEF course: HF with improved EF (Universal Definition 2021; 2022 AHA/ACC/HFSA Table 4)', () => {
  const draws = 20000;
  const courses = Array.from({ length: draws }, (_, i) => {
    const c = hfrEf(10 + (i % 31));
    assignLvefCourse(new Rng(i + 1), [c]);
    return c;
  });
  const improved = courses.filter((c) => c.improvedEf !== undefined);

  it('improves 22.64% of HFrEF (He Y et al. 2021 pooled prevalence)', () => {
    expect(improved.length / draws).toBeGreaterThan(0.2164);
    expect(improved.length / draws).toBeLessThan(0.2364);
  });

  it('rises at least 10 points to above 40% and at most 65% (the definition)', () => {
    for (const c of improved) {
      const to = c.improvedEf!.ejectionFraction;
      expect(to - c.ejectionFraction!).toBeGreaterThanOrEqual(10);
      expect(to).toBeGreaterThan(40);
      expect(to).toBeLessThanOrEqual(65);
      // The phenotype stays the one diagnosed, and the therapy with it (section 7.7.2).
      expect(c.severity).toBe('HFrEF');
    }
  });

  it('gets there 3 months or more after the diagnosis, 65% within 12 months (Huang L et al. 2025)', () => {
    const months = improved.map((c) => monthsBetween(c.onset, c.improvedEf!.date));
    // 3 months, 91.3 days, rounded to a day.
    for (const c of improved)
      expect(dayFromIso(c.improvedEf!.date) - dayFromIso(c.onset)).toBeGreaterThanOrEqual(91);
    const within12 = months.filter((m) => m <= 12).length / months.length;
    expect(within12).toBeGreaterThan(0.62);
    expect(within12).toBeLessThan(0.68);
  });

  it('draws nothing for HFmrEF, HFpEF or patients without heart failure', () => {
    for (const severity of ['HFmrEF', 'HFpEF']) {
      const rng = new Rng(5);
      const c: TrueCondition = { ...hfrEf(45), severity };
      assignLvefCourse(rng, [c]);
      expect(c.improvedEf).toBeUndefined();
      expect(rng.next()).toBe(new Rng(5).next());
    }
  });

  it('reads the LVEF of a day on a straight line from the diagnosis to the improved value', () => {
    const c: TrueCondition = {
      ...hfrEf(30, '2024-01-01'),
      improvedEf: { ejectionFraction: 50, date: '2025-01-01' },
    };
    expect(lvefOn(c, '2023-06-01')).toBe(30);
    expect(lvefOn(c, '2024-01-01')).toBe(30);
    // 2024-07-02 is day 183 of 366: 30 + 20 × 0.5 = 40, not yet improved (> 40 needed).
    expect(lvefOn(c, '2024-07-02')).toBe(40);
    expect(improvedBy(c, '2024-07-02')).toBe(false);
    expect(lvefOn(c, '2024-07-20')).toBe(41);
    expect(improvedBy(c, '2024-07-20')).toBe(true);
    expect(lvefOn(c, '2025-01-01')).toBe(50);
    expect(lvefOn(c, '2026-01-01')).toBe(50);
    // Without a course: the LVEF at diagnosis, never "improved".
    expect(lvefOn(hfrEf(30), '2026-01-01')).toBe(30);
    expect(improvedBy(hfrEf(30), '2026-01-01')).toBe(false);
  });
});

describe('Echo visits (2022 AHA/ACC/HFSA section 4.4, recommendations 2, 3 and 8)', () => {
  const visit = (id: string, start: string, reason?: TrueEncounter['reason']): TrueEncounter => ({
    id,
    kind: 'ambulatory',
    start: `${start}T09:00:00-05:00`,
    end: `${start}T09:30:00-05:00`,
    ...(reason ? { reason } : {}),
    noteKinds: ['progress'],
  });

  it('echoes the diagnosing visit and an HFrEF’s first follow-up 90 or more days later, no other', () => {
    // 2024-03-02 is a Saturday: the diagnosing visit moved to Friday 2024-03-01 (encounters.ts).
    const encounters = [
      visit('a', '2024-03-01', 'heart-failure'),
      visit('b', '2024-04-15', 'heart-failure'),
      visit('c', '2024-05-30', 'hypertension'),
      visit('d', '2024-05-31', 'heart-failure'),
      visit('e', '2024-09-01', 'heart-failure'),
    ];
    markEchoVisits([hfrEf(30, '2024-03-02')], encounters);
    expect(encounters.map((e) => e.echo)).toEqual([
      'diagnosis',
      undefined,
      undefined,
      'repeat',
      undefined,
    ]);
  });

  it('gives HFmrEF and HFpEF the diagnosing echo only', () => {
    const encounters = [
      visit('a', '2024-03-04', 'heart-failure'),
      visit('b', '2024-09-01', 'heart-failure'),
    ];
    markEchoVisits([{ ...hfrEf(45, '2024-03-04'), severity: 'HFmrEF' }], encounters);
    expect(encounters.map((e) => e.echo)).toEqual(['diagnosis', undefined]);
  });

  it('marks visits of a generated cohort: every HFrEF follow-up echo 90 days or more after diagnosis', () => {
    let repeats = 0;
    for (const p of hf) {
      const c = heartFailure(p);
      for (const e of p.encounters) {
        if (e.echo === undefined) continue;
        expect(e.kind).toBe('ambulatory');
        expect(e.reason).toBe('heart-failure');
        const days = dayFromIso(e.start.slice(0, 10)) - dayFromIso(c.onset);
        if (e.echo === 'diagnosis') expect(Math.abs(days)).toBeLessThanOrEqual(1);
        else {
          expect(c.severity).toBe('HFrEF');
          expect(days).toBeGreaterThanOrEqual(90);
          repeats++;
        }
      }
    }
    expect(repeats).toBeGreaterThan(10);
  });
});
