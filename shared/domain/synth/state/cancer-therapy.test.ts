// Tests (synth/state): oral systemic cancer therapy (cancer-therapy.ts) on drawn cases of each stage
// and on a generated cohort, read against FLAURA, ADAURA, LAURA, IDEA, X-ACT, the HERCEPTIN label and
// the US approvals.
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
  trastuzumabMonitoring,
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

describe('Cancer therapy: HER2-positive breast cancer (adjuvant trastuzumab; HERCEPTIN PI)', () => {
  const her2: Genome['tumour'] = [
    { gene: 'ERBB2', alteration: 'amplification', kind: 'amplification' },
  ];
  const breast = cases('breast-cancer', her2, 8000, asOf, 12);
  const trastuzumab = (c: Case) => c.meds.filter((m) => m.key === 'trastuzumab-iv');
  // Eligible: stage I-III, diagnosed in the last 10 years, a start after the approval and before asOf.
  const eligible = breast.filter(
    (c) =>
      c.stage !== 'IV' &&
      asOfDay - c.onset <= 3652 &&
      c.onset + 21 >= approvals.trastuzumabAdjuvant &&
      c.onset + 56 < asOfDay,
  );

  it('treats 83% of stage I-III diagnosed in 10 years (Freedman 2013), none at stage IV', () => {
    expect(eligible.length).toBeGreaterThan(3000);
    const treated = eligible.filter((c) => trastuzumab(c).length === 1).length / eligible.length;
    expect(treated).toBeGreaterThan(0.8);
    expect(treated).toBeLessThan(0.86);
    for (const c of breast) if (c.stage === 'IV') expect(trastuzumab(c)).toEqual([]);
    for (const c of breast) if (asOfDay - c.onset > 3652) expect(trastuzumab(c)).toEqual([]);
  });

  it('gives 6 mg/kg every 3 weeks intravenously for 52 weeks, from 3-8 weeks after the diagnosis', () => {
    let courses = 0;
    const adherence: number[] = [];
    for (const c of breast)
      for (const order of trastuzumab(c)) {
        courses++;
        expect(order.route).toBe('intravenous');
        expect(order.rxnorm.code).toBe('224905');
        expect(order.timing).toEqual({ frequency: 1, period: 3, periodUnit: 'wk' });
        expect(order.doseQuantity).toEqual({
          value: Math.round((6 * c.weightKg) / 10) * 10,
          unit: 'mg',
        });
        expect(order.doseText).toBe(`${order.doseQuantity.value} mg`);
        expect(endOf(order)! - startOf(order)).toBe(364);
        expect(startOf(order) - c.onset).toBeGreaterThanOrEqual(21);
        expect(startOf(order) - c.onset).toBeLessThanOrEqual(56);
        expect(startOf(order)).toBeGreaterThanOrEqual(approvals.trastuzumabAdjuvant);
        // One dose per 21-day cycle from the infusion pharmacy, given on schedule but for delays.
        expect(order.dispense).toEqual({ quantity: order.doseQuantity.value, daysSupply: 21 });
        adherence.push(order.adherence);
      }
    expect(courses).toBeGreaterThan(2500);
    const mean = adherence.reduce((a, b) => a + b, 0) / adherence.length;
    expect(mean).toBeGreaterThan(0.93);
    expect(mean).toBeLessThan(0.97);
  });

  it('gives no trastuzumab without an ERBB2 amplification', () => {
    const negative = cases('breast-cancer', [], 400, asOf, 10);
    for (const c of negative) expect(trastuzumab(c)).toEqual([]);
  });
});

describe('Cancer therapy: LVEF monitoring on trastuzumab (HERCEPTIN PI 2.1 and 5.1)', () => {
  const course = (start: string): TrueMedication => ({
    key: 'trastuzumab-iv',
    rxnorm: {
      system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
      code: '224905',
      display: 'trastuzumab',
    },
    indication: 'breast-cancer',
    doseText: '420 mg',
    doseQuantity: { value: 420, unit: 'mg' },
    route: 'intravenous',
    timing: { frequency: 1, period: 3, periodUnit: 'wk' },
    start,
    end: isoDate(dayFromIso(start) + 364),
    adherence: 0.95,
    dispense: { quantity: 420, daysSupply: 21 },
  });

  it('measures before the first dose, every 3 months, at completion, then every 6 months for 2 years', () => {
    // A course of 2023-03-01 to 2024-02-29, the export on 2026-01-01.
    // A patient without cardiotoxicity (Rng(4)): readings of a normal heart.
    const { readings, cardiotoxicity } = trastuzumabMonitoring(
      new Rng(4),
      [course('2023-03-01')],
      asOfDay,
    );
    expect(cardiotoxicity).toBeUndefined();
    const days = readings.map((r) => dayFromIso(r.date) - dayFromIso('2023-03-01'));
    expect(days[0]).toBeLessThan(0);
    expect(days[0]).toBeGreaterThanOrEqual(-14);
    expect(days.slice(1)).toEqual([91, 182, 273, 364, 546, 728, 910]);
    // The last, 1,092 days after the start, is after the export.
    expect(dayFromIso('2023-03-01') + 1092).toBeGreaterThan(asOfDay);
    for (const r of readings) {
      expect(r.value).toBeGreaterThanOrEqual(50);
      expect(r.value).toBeLessThanOrEqual(75);
    }
  });

  it('keeps only the record’s three years before the export, and draws nothing without trastuzumab', () => {
    // A course of 2021-06-01: the readings before 2023-01-02 are outside the record.
    const early = trastuzumabMonitoring(new Rng(3), [course('2021-06-01')], asOfDay).readings;
    for (const r of early) expect(dayFromIso(r.date)).toBeGreaterThanOrEqual(asOfDay - 3 * 365);
    expect(early.length).toBeGreaterThan(0);
    // A course still running at the export: no reading on or after it.
    const running = trastuzumabMonitoring(new Rng(3), [course('2025-08-01')], asOfDay).readings;
    expect(running.map((r) => r.date < asOf)).toEqual(running.map(() => true));
    expect(running.length).toBe(2);
    const rng = new Rng(9);
    expect(trastuzumabMonitoring(rng, [], asOfDay)).toEqual({ readings: [] });
    expect(rng.next()).toBe(new Rng(9).next());
  });

  it('gives trastuzumab cardiotoxicity at the HERA rates of HERCEPTIN PI Table 6, falling on treatment and recovering after it', () => {
    // A course of 2023-03-01 to 2024-02-29 for 6,000 patients; every reading of the record is seen.
    const start = dayFromIso('2023-03-01');
    const end = start + 364;
    let severe = 0;
    let moderate = 0;
    const n = 6000;
    for (let seed = 0; seed < n; seed++) {
      const { readings, cardiotoxicity } = trastuzumabMonitoring(
        new Rng(seed),
        [course('2023-03-01')],
        asOfDay,
      );
      const baseline = readings[0]!.value;
      const lowest = Math.min(...readings.map((r) => r.value));
      if (!cardiotoxicity) {
        // Without it no reading falls 10 points below the pre-treatment one (±4 each).
        expect(baseline - lowest).toBeLessThanOrEqual(8);
        continue;
      }
      const { onset, fallPoints } = cardiotoxicity;
      if (fallPoints >= 20) severe++;
      else moderate++;
      expect(fallPoints).toBeGreaterThanOrEqual(10);
      expect(fallPoints).toBeLessThanOrEqual(28);
      const onsetDay = dayFromIso(onset);
      expect(onsetDay).toBeGreaterThan(start);
      expect(onsetDay).toBeLessThanOrEqual(end);
      // The completion reading is after the onset: it shows the whole fall (±4 on both readings).
      const atEnd = readings.find((r) => dayFromIso(r.date) === end)!;
      expect(baseline - atEnd.value).toBeGreaterThanOrEqual(fallPoints - 8);
      expect(baseline - atEnd.value).toBeLessThanOrEqual(fallPoints + 8);
      // 18 months after completion (the record's last) an eighth of it is left (halved 3 times).
      const last = readings.at(-1)!;
      expect(dayFromIso(last.date) - end).toBe(546);
      expect(baseline - last.value).toBeLessThanOrEqual(Math.round(fallPoints / 8) + 8);
    }
    // Table 6, Study 3 Herceptin arm: >= 20 points 3.5 %, 10 to < 20 points 22.4 % (binomial 4 SD).
    expect(Math.abs(severe / n - 0.035)).toBeLessThan(4 * Math.sqrt((0.035 * 0.965) / n));
    expect(Math.abs(moderate / n - 0.224)).toBeLessThan(4 * Math.sqrt((0.224 * 0.776) / n));
  });
});
