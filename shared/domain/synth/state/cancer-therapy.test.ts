// Tests (synth/state): oral systemic cancer therapy (cancer-therapy.ts) on drawn cases of each stage
// and on a generated cohort, read against FLAURA, ADAURA, LAURA, IDEA, X-ACT and the US approvals.
import { describe, expect, it } from 'vitest';
import type { ConditionKey } from '../catalog';
import type { Genome, RiskFactors, TrueMedication } from '../model';
import { Rng } from '../rng';
import { dayFromIso, isoDate } from './calendar';
import {
  approvals,
  bodySurfaceArea,
  capecitabineTablets,
  prescribeCancerTherapy,
} from './cancer-therapy';
import type { PrescribingContext } from './order-book';
import { endOf, startOf } from './prescribing.test-helper';

const egfr: Genome['tumour'] = [{ gene: 'EGFR', alteration: 'L858R', kind: 'snv' }];
const stages = ['I', 'II', 'III', 'IV'] as const;

interface Case {
  stage: string;
  onset: number;
  age: number;
  heightCm: number;
  weightKg: number;
  meds: TrueMedication[];
}

/** `n` patients with `key` at each stage in turn, diagnosed uniformly over the `years` before asOf. */
function cases(
  key: ConditionKey,
  tumour: Genome['tumour'],
  n: number,
  asOf: string,
  years: number,
): Case[] {
  const asOfDay = dayFromIso(asOf);
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const draw = new Rng(2026, i);
    const age = 40 + draw.int(0, 49);
    const onset = asOfDay - 1 - Math.floor(draw.next() * years * 365.25);
    const heightCm = 150 + draw.int(0, 40);
    const weightKg = 50 + draw.int(0, 60);
    const stage = stages[i % 4]!;
    const ctx: PrescribingContext = {
      age,
      sex: 'female',
      black: false,
      weightKg,
      conditions: [{ key, onset: isoDate(onset), status: 'active', severity: stage }],
      riskFactors: { heightCm, weightKg } as RiskFactors,
      birthDay: asOfDay - Math.round((age + 0.5) * 365.25),
      asOfDay,
      allergens: new Set(),
    };
    const meds = prescribeCancerTherapy(new Rng(7, i), ctx, tumour);
    out.push({ stage, onset, age, heightCm, weightKg, meds });
  }
  return out;
}

const asOf = '2026-01-01';
const asOfDay = dayFromIso(asOf);
const osimertinib = (c: Case) => c.meds.filter((m) => m.key === 'osimertinib-80');
const capecitabine = (c: Case) => c.meds.filter((m) => m.key === 'capecitabine-500');

describe('Cancer therapy: EGFR L858R NSCLC (osimertinib; NCCN NSCLC v5.2024)', () => {
  const lung = cases('lung-cancer', egfr, 8000, asOf, 15);

  it('puts every stage IV patient started after the April 2018 approval on osimertinib 80 mg daily', () => {
    const eligible = lung.filter(
      (c) =>
        c.stage === 'IV' &&
        c.onset + 14 >= approvals.osimertinibMetastatic &&
        c.onset + 42 < asOfDay,
    );
    expect(eligible.length).toBeGreaterThan(400);
    for (const c of eligible) {
      const [order, ...more] = osimertinib(c);
      expect(more).toEqual([]);
      expect(order?.doseText).toBe('80 mg');
      expect(order?.timing).toMatchObject({ frequency: 1, period: 1, periodUnit: 'd' });
      // Started 2-6 weeks after diagnosis (tumour sequencing first).
      expect(startOf(order!) - c.onset).toBeGreaterThanOrEqual(14);
      expect(startOf(order!) - c.onset).toBeLessThanOrEqual(42);
    }
  });

  it('starts no osimertinib before the approval of its indication, and none without EGFR L858R', () => {
    let courses = 0;
    for (const c of lung)
      for (const m of osimertinib(c)) {
        courses++;
        const adjuvant = m.end !== undefined && endOf(m) - startOf(m) === 3 * 365 + 1;
        const approved =
          c.stage === 'IV'
            ? approvals.osimertinibMetastatic
            : adjuvant
              ? approvals.osimertinibAdjuvant
              : approvals.osimertinibUnresectableStageIII;
        expect(startOf(m)).toBeGreaterThanOrEqual(approved);
        expect(c.stage).not.toBe('I');
      }
    expect(courses).toBeGreaterThan(1000);
    const wildType = cases('lung-cancer', [], 400, asOf, 15);
    expect(wildType.flatMap(osimertinib)).toEqual([]);
  });

  it('gives stage II and resected stage III 3 years of adjuvant osimertinib (ADAURA)', () => {
    const adjuvant = lung
      .filter((c) => c.stage === 'II')
      .flatMap(osimertinib)
      .filter((m) => startOf(m) < asOfDay);
    expect(adjuvant.length).toBeGreaterThan(300);
    for (const m of adjuvant) expect(endOf(m) - startOf(m)).toBe(3 * 365 + 1);
  });

  it('stops first-line osimertinib at progression, half by FLAURA’s median 18.9 months', () => {
    const months19 = Math.round(18.9 * 30.44);
    const observed = lung
      .filter((c) => c.stage === 'IV')
      .flatMap(osimertinib)
      .filter((m) => startOf(m) < asOfDay - months19);
    expect(observed.length).toBeGreaterThan(300);
    const running = observed.filter((m) => endOf(m) - startOf(m) > months19).length;
    expect(running / observed.length).toBeGreaterThan(0.43);
    expect(running / observed.length).toBeLessThan(0.57);
  });
});

describe('Cancer therapy: stage III colorectal cancer (adjuvant capecitabine)', () => {
  const crc = cases('colorectal-cancer', [], 24000, asOf, 10).filter((c) => c.stage === 'III');

  it('treats 66% (NCDB) × 40% (capecitabine rather than FOLFOX) of those diagnosed in 10 years', () => {
    const started = crc.filter((c) => c.onset + 84 < asOfDay);
    expect(started.length).toBeGreaterThan(5000);
    const rate = started.filter((c) => capecitabine(c).length > 0).length / started.length;
    // 0.264 expected; ±0.025 is about four standard errors at n = 6000.
    expect(rate).toBeGreaterThan(0.239);
    expect(rate).toBeLessThan(0.289);
  });

  it('never lets a course outlast its plan: 4 or 8 cycles of 21 days, 8 from age 70 (X-ACT)', () => {
    const courses = crc.flatMap((c) => capecitabine(c).map((m) => ({ c, m })));
    expect(courses.length).toBeGreaterThan(800);
    let short = 0;
    for (const { c, m } of courses) {
      const days = endOf(m) - startOf(m);
      expect([84, 168]).toContain(days);
      if (days === 84) short++;
      expect(m.timing?.cycle).toEqual({ daysOn: 14, cycleDays: 21 });
      expect(m.dispense).toEqual({ quantity: m.doseQuantity.value * 28, daysSupply: 21 });
      const ageAtStart = c.age - (asOfDay - startOf(m)) / 365.25;
      const mgPerM2 = ageAtStart >= 70 ? 1250 : 1000;
      if (ageAtStart >= 70) expect(days).toBe(168);
      // The BSA dose to the nearest 500 mg tablet, whatever the DPYD genotype (not tested).
      const bsaDose = mgPerM2 * bodySurfaceArea(c.heightCm, c.weightKg);
      expect(Math.abs(m.doseQuantity.value * 500 - bsaDose)).toBeLessThanOrEqual(250);
      expect(m.doseQuantity.value).toBe(capecitabineTablets(mgPerM2, c.heightCm, c.weightKg));
    }
    // IDEA: low-risk (3 months of CAPOX) about 60% of those under 70.
    expect(short / courses.length).toBeGreaterThan(0.15);
  });

  it('starts no adjuvant capecitabine before its June 2005 approval', () => {
    const early = cases('colorectal-cancer', [], 8000, '2010-01-01', 10);
    const starts = early.flatMap(capecitabine).map(startOf);
    expect(starts.length).toBeGreaterThan(100);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(approvals.capecitabineAdjuvantColon);
    const firstDiagnosis = dayFromIso('2000-01-01');
    expect(early.some((c) => c.stage === 'III' && c.onset < firstDiagnosis + 1500)).toBe(true);
  });
});

describe('Cancer therapy: capecitabine dose by body-surface area', () => {
  it('takes the Mosteller BSA of a published example and rounds the dose to 500 mg tablets', () => {
    // Mosteller RD, N Engl J Med 1987;317:1098: BSA = sqrt(height cm x weight kg / 3600); 180 cm and
    // 80 kg give sqrt(4) = 2.00 m², 160 cm and 60 kg 1.63 m².
    expect(bodySurfaceArea(180, 80)).toBe(2);
    expect(bodySurfaceArea(160, 60)).toBeCloseTo(1.633, 3);
    // XELODA PI 2.2: 1250 mg/m² twice daily; at 2.00 m² 2,500 mg, five 500 mg tablets; 1000 mg/m²
    // (CAPOX) at 1.63 m² 1,633 mg, three tablets (1,500 mg) to the nearest tablet.
    expect(capecitabineTablets(1250, 180, 80)).toBe(5);
    expect(capecitabineTablets(1000, 160, 60)).toBe(3);
  });
});
