import { beforeAll, describe, expect, it } from 'vitest';
import type { ConditionKey } from '../catalog';
import type { CohortOptions, SynthPatient } from '../model';
import { dayFromIso } from './calendar';
import { OutcomeAccumulator } from './outcomes';
import { generatePatientState } from './patient';
import { ckdEpi2021 } from './renal';
import { bmiForAgePercentile } from '../../risk/bmi-for-age';
import { paediatricBpCategory, paediatricBpLimits } from '../../monitoring/paediatric-bp';

const options: CohortOptions = {
  patients: 20_000,
  seed: 4242,
  hospital: 'stats',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort: SynthPatient[] = [];

beforeAll(() => {
  for (let i = 0; i < options.patients; i++) cohort.push(generatePatientState(options, i));
});

const has = (p: SynthPatient, key: ConditionKey) => p.conditions.some((c) => c.key === key);
const inAges = (lo: number, hi: number) =>
  cohort.filter((p) => p.demographics.ageYears >= lo && p.demographics.ageYears <= hi);
const share = (group: SynthPatient[], test: (p: SynthPatient) => boolean) =>
  group.filter(test).length / group.length;

describe('Cohort: prevalence against published targets (20,000 patients)', () => {
  it.each([
    // [condition, ages, published prevalence, tolerance] — sources in the condition tables.
    ['hypertension', 40, 59, 0.545, 0.05], // NCHS Data Brief 364
    ['hypertension', 60, 79, 0.745, 0.05],
    ['obesity', 40, 59, 0.448, 0.04], // NCHS Data Brief 360
    ['obesity', 2, 17, 0.197, 0.035], // NHSR 158 (2–19 years)
    ['type2-diabetes', 65, 79, 0.214, 0.05], // NDSR 2023, diagnosed, 65+
    ['coronary-disease', 60, 79, 0.15, 0.04], // AHA 2020 Chart 19-1
    ['asthma', 0, 17, 0.065, 0.02], // CDC NHIS 2021
    ['adhd', 3, 17, 0.1, 0.03], // NSCH 2022
    ['ckd', 65, 100, 0.34, 0.06], // CDC CKD surveillance 2023
  ] as const)('%s at ages %i–%i is near %f', (key, lo, hi, target, tolerance) => {
    expect(Math.abs(share(inAges(lo, hi), (p) => has(p, key)) - target)).toBeLessThan(tolerance);
  });

  it('matches the age structure and current smoking of the US population', () => {
    expect(Math.abs(share(cohort, (p) => p.demographics.ageYears < 18) - 0.221)).toBeLessThan(
      0.012,
    );
    expect(share(cohort, (p) => p.demographics.ageYears >= 90)).toBeGreaterThan(0.004);
    expect(
      Math.abs(share(inAges(18, 100), (p) => p.riskFactors.smoking === 'current') - 0.116),
    ).toBeLessThan(0.015);
  });
});

describe('Cohort: acute otitis media by age (Kaur et al., Pediatrics 2017)', () => {
  it('places no episode before 6 months of age, and follows the cumulative incidence after', () => {
    // Arrange
    const months = (p: SynthPatient) =>
      (dayFromIso(options.asOf) - dayFromIso(p.demographics.birthDate)) / 30.4375;
    const episodes = cohort.flatMap((p) =>
      p.conditions
        .filter((c) => c.key === 'otitis-media')
        .map((c) => dayFromIso(c.onset) - dayFromIso(p.demographics.birthDate)),
    );
    const aom = (p: SynthPatient) => has(p, 'otitis-media');
    // Assess: onset never in the first 6 months of life (Kaur's cohort and AAP 2013 start there).
    expect(episodes.length).toBeGreaterThan(200);
    expect(Math.min(...episodes)).toBeGreaterThanOrEqual(Math.round(6 * 30.4375) + 1);
    expect(cohort.filter((p) => months(p) < 6).some(aom)).toBe(false);
    // 6-11 months: rising to 23% at 12 months (mean about 11.5%); 12-23 months: mean of 23-41.5%.
    const infants = cohort.filter((p) => months(p) >= 6 && months(p) < 12);
    const toddlers = inAges(1, 1);
    expect(infants.length).toBeGreaterThan(80);
    expect(Math.abs(share(infants, aom) - 0.115)).toBeLessThan(0.08);
    expect(Math.abs(share(toddlers, aom) - 0.32)).toBeLessThan(0.08);
  });
});

describe('Cohort: BMI-for-age of children (CDC 2000 LMS, NHANES 2017-2018)', () => {
  it('puts about 4% under the 5th percentile and 16% at the 85th-95th, as US children are', () => {
    // Arrange: the CDC percentile of each child's current BMI (riskFactors.bmiPercentile, by LMS).
    const percentiles = inAges(2, 17).flatMap((p) => p.riskFactors.bmiPercentile ?? []);
    const shareOf = (test: (pc: number) => boolean) =>
      percentiles.filter(test).length / percentiles.length;
    // Assess: Fryar, Carroll, Afful, NCHS Health E-Stats 2020: 4.1% underweight, 16.1% overweight.
    // Until 1.11.0: 12% under the 5th percentile (a lower tail far too wide) and 10% overweight.
    expect(percentiles.length).toBeGreaterThan(3000);
    expect(Math.abs(shareOf((pc) => pc < 5) - 0.041)).toBeLessThan(0.01);
    expect(Math.abs(shareOf((pc) => pc >= 85 && pc < 95) - 0.161)).toBeLessThan(0.02);
    // Extreme thinness (under the 0.1st percentile, z < -3.1) stays rare: about 2% of children until 1.11.0.
    expect(shareOf((pc) => pc < 0.1)).toBeLessThan(0.005);
  });

  it("writes the percentile the product computes from the child's BMI (risk/bmi-for-age.ts)", () => {
    let compared = 0;
    for (const p of inAges(2, 17).slice(0, 400)) {
      const birth = dayFromIso(p.demographics.birthDate);
      const bmis = p.measurements.filter((m) => m.key === 'bmi');
      for (const pc of p.measurements.filter((m) => m.key === 'bmiPercentile')) {
        const bmi = bmis.find((b) => b.at === pc.at)!;
        const ageMonths = (dayFromIso(pc.at.slice(0, 10)) - birth) / 30.4375;
        if (ageMonths < 24) continue;
        const product = bmiForAgePercentile(bmi.value, p.demographics.sex, ageMonths).percentile;
        expect(Math.abs(pc.value - product), `${p.id} ${pc.at}`).toBeLessThanOrEqual(0.2);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});

describe("Cohort: children's blood pressure (AAP 2017 Tables 4-5)", () => {
  it('keeps each child in its place as it grows: readings of years before are no higher for it', () => {
    // Arrange: every clinic reading (no ED or ward: +5 mmHg there) of a child of 3-12 years with a
    // height measured the same day, judged by the product's AAP 2017 table reading. Until 1.13.0 a
    // child's readings of 2-3 years before were the BP of its age at the export: in this cohort
    // 20.5% of those at stage 1 or 2 against 10.9% in the last year; 8.9% and 9.0% since 1.14.0.
    const asOfDay = dayFromIso(options.asOf);
    const byLag: Record<'recent' | 'older', [number, number]> = { recent: [0, 0], older: [0, 0] };
    for (const p of inAges(3, 15)) {
      const birth = dayFromIso(p.demographics.birthDate);
      const clinic = new Set(
        p.encounters
          .filter((e) => e.kind !== 'emergency' && e.kind !== 'inpatient')
          .map((e) => e.id),
      );
      for (const bp of p.measurements) {
        if (bp.key !== 'bloodPressurePanel' || !clinic.has(bp.encounterId ?? '')) continue;
        const day = dayFromIso(bp.at.slice(0, 10));
        const ageYears = Math.floor((day - birth) / 365.25);
        const height = p.measurements.find((m) => m.key === 'bodyHeight' && m.at === bp.at);
        if (ageYears < 3 || ageYears > 12 || !height) continue;
        const limits = paediatricBpLimits({
          ageYears,
          sex: p.demographics.sex,
          heightCm: height.value,
        })!;
        const lag = (asOfDay - day) / 365.25;
        if (lag >= 1 && lag < 2) continue;
        const tally = byLag[lag < 1 ? 'recent' : 'older'];
        const category = paediatricBpCategory(bp.value, bp.diastolic, limits);
        tally[0] += category === 'stage-1' || category === 'stage-2' ? 1 : 0;
        tally[1]++;
      }
    }
    const rate = ([hits, n]: [number, number]) => hits / n;
    // Assess: on a single reading about 1 child in 10 is at the 95th percentile or above, whenever
    // it was measured.
    expect(byLag.recent[1]).toBeGreaterThan(1500);
    expect(byLag.older[1]).toBeGreaterThan(1500);
    expect(Math.abs(rate(byLag.older) - rate(byLag.recent))).toBeLessThan(0.03);
    expect(rate(byLag.recent)).toBeGreaterThan(0.03);
    expect(rate(byLag.recent)).toBeLessThan(0.15);
  });
});

describe('Cohort: coherent comorbidity', () => {
  it('raises type 2 diabetes with obesity, COPD with smoking, anxiety with depression, CKD with diabetes', () => {
    const adults = inAges(40, 100);
    const ratio = (
      group: SynthPatient[],
      exposure: (p: SynthPatient) => boolean,
      key: ConditionKey,
    ) =>
      share(group.filter(exposure), (p) => has(p, key)) /
      share(
        group.filter((p) => !exposure(p)),
        (p) => has(p, key),
      );
    expect(ratio(adults, (p) => has(p, 'obesity'), 'type2-diabetes')).toBeGreaterThan(1.8);
    const nonFormer = inAges(45, 64).filter((p) => p.riskFactors.smoking !== 'former');
    expect(ratio(nonFormer, (p) => p.riskFactors.smoking === 'current', 'copd')).toBeGreaterThan(
      2.5,
    );
    expect(ratio(inAges(18, 100), (p) => has(p, 'depression'), 'anxiety')).toBeGreaterThan(3);
    expect(ratio(adults, (p) => has(p, 'type2-diabetes'), 'ckd')).toBeGreaterThan(1.5);
    expect(ratio(adults, (p) => has(p, 'hypertension'), 'heart-failure')).toBeGreaterThan(1.3);
    expect(
      cohort
        .filter((p) => has(p, 'myocardial-infarction'))
        .every((p) => has(p, 'coronary-disease')),
    ).toBe(true);
  });
});

describe('Cohort: physiology follows the conditions', () => {
  it('keeps physiology consistent with the conditions', () => {
    const adults = inAges(18, 100);
    expect(adults.filter((p) => has(p, 'obesity')).every((p) => p.riskFactors.bmi >= 30)).toBe(
      true,
    );
    expect(adults.filter((p) => !has(p, 'obesity')).every((p) => p.riskFactors.bmi < 30)).toBe(
      true,
    );
    expect(
      cohort.filter((p) => has(p, 'type2-diabetes')).every((p) => p.riskFactors.hba1c >= 6.5),
    ).toBe(true);
    expect(
      cohort
        .filter((p) => has(p, 'prediabetes'))
        .every((p) => p.riskFactors.hba1c >= 5.7 && p.riskFactors.hba1c <= 6.4),
    ).toBe(true);
    expect(adults.filter((p) => !has(p, 'ckd')).every((p) => p.riskFactors.egfr >= 60)).toBe(true);
    const stage4 = adults.filter((p) =>
      p.conditions.some((c) => c.key === 'ckd' && c.severity === '4'),
    );
    expect(stage4.every((p) => p.riskFactors.egfr >= 15 && p.riskFactors.egfr < 30)).toBe(true);
    const screenedDepressed = cohort.filter(
      (p) => has(p, 'depression') && p.riskFactors.phq9 !== undefined,
    );
    expect(screenedDepressed.every((p) => p.riskFactors.phq9! >= 10)).toBe(true);
    const children = inAges(2, 17);
    expect(
      children.filter((p) => has(p, 'obesity')).every((p) => p.riskFactors.bmiPercentile! >= 95),
    ).toBe(true);
  });

  it('reports every eGFR as CKD-EPI 2021 of the creatinine drawn with it', () => {
    let checked = 0;
    for (const p of cohort) {
      const birth = dayFromIso(p.demographics.birthDate);
      for (const m of p.measurements) {
        if (m.key !== 'egfr') continue;
        const creatinine = p.measurements.find((x) => x.key === 'creatinine' && x.at === m.at)!;
        const age = Math.floor((dayFromIso(m.at.slice(0, 10)) - birth) / 365.25);
        expect(
          Math.abs(m.value - ckdEpi2021(creatinine.value, age, p.demographics.sex)),
        ).toBeLessThanOrEqual(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('Cohort: encounters', () => {
  it('never overlaps two encounters of one patient (one place at a time), readmissions included', () => {
    let pairs = 0;
    let readmissions = 0;
    for (const p of cohort) {
      const spans = p.encounters.map((e) => [Date.parse(e.start), Date.parse(e.end)] as const);
      for (let i = 0; i < spans.length; i++) {
        expect(spans[i]![1]).toBeGreaterThan(spans[i]![0]);
        for (let j = i + 1; j < spans.length; j++) {
          pairs++;
          const [a, b] = [spans[i]!, spans[j]!];
          expect(a[0] < b[1] && b[0] < a[1], `${p.id}: encounters ${i} and ${j} overlap`).toBe(
            false,
          );
        }
      }
      if (p.outcomes.readmission30d?.event && p.outcomes.readmission30d.eventDate! < '2026-01-01')
        readmissions++;
    }
    expect(pairs).toBeGreaterThan(50_000);
    expect(readmissions).toBeGreaterThan(50);
  });
});

describe('Cohort: treatment effects follow adherence', () => {
  /** Mean of one measurement taken at least 6 months after every one of the patient's drugs of a kind started. */
  function meanTreated(
    keys: readonly string[],
    measure: 'bloodPressurePanel' | 'ldl',
    adherent: boolean,
  ): number {
    const values: number[] = [];
    for (const p of cohort) {
      const meds = p.medications.filter((m) => keys.includes(m.key) && m.end === undefined);
      if (meds.length === 0) continue;
      const adherence = meds.reduce((s, m) => s + m.adherence, 0) / meds.length;
      if (adherent ? adherence < 0.8 : adherence > 0.35) continue;
      const latestStart = Math.max(...meds.map((m) => dayFromIso(m.start)));
      const after = p.measurements.filter(
        (m) => m.key === measure && dayFromIso(m.at.slice(0, 10)) > latestStart + 180,
      );
      const untreated = measure === 'ldl' ? p.riskFactors.ldl : p.riskFactors.systolicUntreated;
      for (const m of after) values.push(m.value - untreated);
    }
    return values.reduce((s, v) => s + v, 0) / values.length;
  }

  it('lowers systolic BP in adherent treated hypertensives, barely in non-adherent ones', () => {
    const drugs = ['lisinopril-10', 'losartan-50', 'amlodipine-5', 'hydrochlorothiazide-25'];
    const adherent = meanTreated(drugs, 'bloodPressurePanel', true);
    const nonAdherent = meanTreated(drugs, 'bloodPressurePanel', false);
    expect(adherent).toBeLessThan(nonAdherent - 5);
    expect(adherent).toBeLessThan(-8);
  });

  it('lowers LDL-C on statins in proportion to adherence', () => {
    const statins = [
      'atorvastatin-10',
      'atorvastatin-20',
      'atorvastatin-40',
      'atorvastatin-80',
      'simvastatin-20',
      'rosuvastatin-5',
    ];
    expect(meanTreated(statins, 'ldl', true)).toBeLessThan(meanTreated(statins, 'ldl', false) - 25);
  });
});

describe('Cohort: outcome labels', () => {
  it('labels only eligible patients and leaves headroom below a perfect AUROC', () => {
    const acc = new OutcomeAccumulator();
    for (const p of cohort) acc.add(p);
    const summary = acc.summary();
    expect(
      cohort.every(
        (p) =>
          !p.outcomes.cvd10y || (p.demographics.ageYears >= 40 && p.demographics.ageYears <= 79),
      ),
    ).toBe(true);
    expect(cohort.every((p) => !p.outcomes.diabetes5y || !has(p, 'type2-diabetes'))).toBe(true);
    expect(
      cohort.every(
        (p) => !p.outcomes.readmission30d || p.encounters.some((e) => e.kind === 'inpatient'),
      ),
    ).toBe(true);
    expect(summary.cvd10y.bayesOptimalAuroc).toBeGreaterThan(0.7);
    expect(summary.cvd10y.bayesOptimalAuroc).toBeLessThan(0.95);
    expect(Math.abs(summary.cvd10y.prevalence - summary.cvd10y.meanProbability)).toBeLessThan(0.02);
    expect(summary.readmission30d.prevalence).toBeGreaterThan(0.08);
    expect(summary.readmission30d.prevalence).toBeLessThan(0.25);
  });

  it.each(['cvd10y', 'diabetes5y', 'readmission30d'] as const)(
    '%s: the Bayes-optimal probability integrates out only the latent term',
    (name) => {
      const outcomes = cohort.flatMap((p) => (p.outcomes[name] ? [p.outcomes[name]] : []));
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const drawnWith = outcomes.map((o) => o.probability);
      const bayes = outcomes.map((o) => o.bayesOptimalProbability);
      // The latent term is independent of the state, so over a cohort the Bayes-optimal probability
      // averages to the drawn-with one (calibration in the large) ...
      expect(outcomes.length).toBeGreaterThan(1000);
      expect(Math.abs(mean(bayes) - mean(drawnWith))).toBeLessThan(0.002);
      // ... while per patient they differ by what the latent term moved (SD 0.3 on the log-odds).
      const logit = (p: number) => Math.log(p / (1 - p));
      const shifts = outcomes
        .filter((o) => o.probability > 0.01 && o.probability < 0.9)
        .map((o) => logit(o.probability) - logit(o.bayesOptimalProbability));
      const sd = Math.sqrt(mean(shifts.map((d) => d * d)) - mean(shifts) ** 2);
      expect(sd).toBeGreaterThan(0.2);
      expect(sd).toBeLessThan(0.4);
      // Knowing the latent term ranks better than any model of the state can.
      const acc = new OutcomeAccumulator();
      for (const p of cohort) acc.add(p);
      const summary = acc.summary()[name];
      expect(summary.oracleAuroc).toBeGreaterThan(summary.bayesOptimalAuroc);
      expect(summary.bayesOptimalAuroc).toBeGreaterThan(0.6);
    },
  );
});
