import { describe, expect, it } from 'vitest';
import { pooledCohortRisk } from '../../risk/pooled-cohort';
import { renderDosage } from '../fhir/dosage';
import type { CohortOptions, SynthPatient, TrueMedication } from '../model';
import { addYears, dayFromIso, daysFromCivil, wholeYears } from './calendar';
import { highIntensityStatins } from './cardiometabolic-prescribing';
import type { DrugKey } from './drugs';
import {
  activeOn,
  classOf,
  has,
  onsetOf,
  share,
  startOf,
  stateCohortBeforeAll,
} from './prescribing.test-helper';

const options: CohortOptions = {
  patients: 16000,
  seed: 47,
  hospital: 'prevention',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const asOfDay = dayFromIso(options.asOf);
const cohort = stateCohortBeforeAll(options);

const birthDay = (p: SynthPatient) => dayFromIso(p.demographics.birthDate);
const glp1s = (p: SynthPatient) =>
  p.medications.filter((m) => classOf(m) === 'glp1-receptor-agonist');
const statins = (p: SynthPatient) => p.medications.filter((m) => classOf(m) === 'statin');
const ascvd = (p: SynthPatient) =>
  (['coronary-disease', 'myocardial-infarction', 'stroke'] as const).some((k) => has(p, k));

/** The PCE on the patient's untreated risk factors at the whole-year age on `day` (Goff 2013). */
function pce(p: SynthPatient, day: number): number {
  const rf = p.riskFactors;
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  return pooledCohortRisk({
    age: wholeYears(birthDay(p), day),
    sex: p.demographics.sex,
    africanAmerican: p.demographics.race.code === '2054-5', // OMB Black or African American
    totalCholesterol: clamp(rf.totalCholesterol, 130, 320),
    hdl: clamp(rf.hdl, 20, 100),
    systolic: clamp(rf.systolicUntreated, 90, 200),
    treatedForHypertension: false,
    smoker: rf.smoking === 'current',
    diabetes: has(p, 'type1-diabetes') || has(p, 'type2-diabetes'),
  });
}

describe('Prescribing: GLP-1 receptor agonists in type 2 diabetes (ADA Standards of Care 2024)', () => {
  const t2d = () => cohort.filter((p) => has(p, 'type2-diabetes'));
  const organ = (p: SynthPatient) =>
    (['coronary-disease', 'myocardial-infarction', 'stroke', 'ckd', 'heart-failure'] as const).some(
      (k) => has(p, k),
    );

  it('treats ≈15% of T2D with ASCVD or CKD (All of Us 11.9%, TriNetX pair 27%), not everyone', () => {
    const group = t2d().filter((p) => organ(p) && !has(p, 'heart-failure'));
    expect(group.length).toBeGreaterThan(400);
    const rate = share(group, (p) => glp1s(p).length > 0);
    expect(rate).toBeGreaterThan(0.09);
    expect(rate).toBeLessThan(0.22);
  });

  it('treats ≈12% of adults with T2D and obesity or high risk but no ASCVD, HF or CKD', () => {
    const group = t2d().filter(
      (p) => !organ(p) && p.demographics.ageYears >= 18 && has(p, 'obesity'),
    );
    expect(group.length).toBeGreaterThan(300);
    const rate = share(group, (p) => glp1s(p).length > 0);
    expect(rate).toBeGreaterThan(0.07);
    expect(rate).toBeLessThan(0.18);
  });

  it('keeps the SGLT2 inhibitor of every T2D patient with heart failure', () => {
    for (const p of t2d())
      if (has(p, 'heart-failure') && glp1s(p).length > 0)
        expect(p.medications.some((m) => classOf(m) === 'sglt2-inhibitor')).toBe(true);
  });

  it('gives a GLP-1 RA only for type 2 diabetes and never before its US approval', () => {
    const approved: Record<string, number> = {
      liraglutide: daysFromCivil(2010, 1, 25),
      dulaglutide: daysFromCivil(2014, 9, 18),
      semaglutide: daysFromCivil(2017, 12, 5),
    };
    let seen = 0;
    for (const p of cohort)
      for (const m of glp1s(p)) {
        seen++;
        expect(has(p, 'type2-diabetes')).toBe(true);
        expect(m.indication).toBe('type2-diabetes');
        expect(startOf(m)).toBeGreaterThanOrEqual(approved[m.key.split('-')[0]!]!);
      }
    expect(seen).toBeGreaterThan(100);
  });

  it('renders a weekly pen as a once-weekly subcutaneous dose in mg, filled as whole pens', () => {
    const weekly = cohort.flatMap(glp1s).filter((m) => m.key !== 'liraglutide-pen-6-mg-ml');
    expect(weekly.length).toBeGreaterThan(50);
    for (const m of weekly) {
      const dosage = renderDosage(m);
      expect(dosage.timing?.repeat).toMatchObject({ frequency: 1, period: 1, periodUnit: 'wk' });
      expect(dosage.timing?.repeat?.dayOfWeek).toHaveLength(1);
      expect(dosage.text).toMatch(
        /^(1|1\.5) mg subcutaneously once weekly on (Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/,
      );
      expect(dosage.doseAndRate?.[0]?.doseQuantity).toMatchObject({ unit: 'mg', code: 'mg' });
      // Ozempic 1 mg: one 3 mL pen per 28 days; Trulicity: a carton of four 0.5 mL pens per 28 days.
      const perFill = m.key === 'semaglutide-1mg-pen' ? 3 : 2;
      expect([28, 84]).toContain(m.dispense.daysSupply);
      expect(m.dispense.quantity).toBe((perFill * m.dispense.daysSupply) / 28);
    }
  });
});

describe('Prescribing: risk-based primary-prevention statins (2018 AHA/ACC cholesterol guideline)', () => {
  /** Patients treatLipids does not consider: no ASCVD, no diagnosed hyperlipidaemia, no T2D. */
  const undiagnosed = (p: SynthPatient) =>
    !ascvd(p) && !has(p, 'hyperlipidaemia') && !has(p, 'type2-diabetes');
  const riskBased = (p: SynthPatient): TrueMedication[] => (undiagnosed(p) ? statins(p) : []);

  it('starts every such statin on a day the patient is eligible, at the intensity the risk asks', () => {
    let seen = 0;
    for (const p of cohort)
      for (const m of riskBased(p)) {
        seen++;
        const start = startOf(m);
        const age = wholeYears(birthDay(p), start);
        expect(age).toBeGreaterThanOrEqual(40);
        expect(age).toBeLessThanOrEqual(75);
        expect(start).toBeGreaterThanOrEqual(daysFromCivil(2013, 11, 12));
        const high = highIntensityStatins.has(m.key as DrugKey);
        if (has(p, 'type1-diabetes')) {
          expect(m.indication).toBe('type1-diabetes');
          expect(high).toBe(false);
          continue;
        }
        expect(p.riskFactors.ldl).toBeGreaterThanOrEqual(70);
        expect(p.riskFactors.ldl).toBeLessThan(190);
        const risk = pce(p, start);
        expect(risk).toBeGreaterThanOrEqual(0.075);
        expect(high).toBe(risk >= 0.2);
      }
    expect(seen).toBeGreaterThan(200);
  });

  it('treats ≈25% at 7.5–20% and ≈41% at ≥ 20% risk (NHANES 2017–2020), not everyone', () => {
    const eligible = cohort.filter((p) => {
      const age = p.demographics.ageYears;
      const ldl = p.riskFactors.ldl;
      const last = Math.min(asOfDay - 2, addYears(birthDay(p), 76) - 1);
      return (
        undiagnosed(p) &&
        !has(p, 'type1-diabetes') &&
        age >= 40 &&
        age <= 75 &&
        ldl >= 70 &&
        ldl < 190 &&
        pce(p, last) >= 0.075
      );
    });
    const intermediate = eligible.filter((p) => pce(p, asOfDay - 2) < 0.2);
    const high = eligible.filter((p) => pce(p, asOfDay - 2) >= 0.2);
    expect(intermediate.length).toBeGreaterThan(400);
    expect(high.length).toBeGreaterThan(150);
    const onStatin = (p: SynthPatient) => statins(p).length > 0;
    expect(share(intermediate, onStatin)).toBeGreaterThan(0.19);
    expect(share(intermediate, onStatin)).toBeLessThan(0.31);
    expect(share(high, onStatin)).toBeGreaterThan(0.32);
    expect(share(high, onStatin)).toBeLessThan(0.5);
  });

  it('gives no one under 40 or without raised risk a statin unless treatLipids did', () => {
    for (const p of cohort)
      if (undiagnosed(p) && !has(p, 'type1-diabetes') && p.riskFactors.ldl < 70)
        expect(statins(p)).toHaveLength(0);
    for (const p of cohort)
      if (undiagnosed(p) && p.demographics.ageYears < 40) expect(statins(p)).toHaveLength(0);
  });

  it('never has a patient on two statins at once', () => {
    for (const p of cohort)
      for (const m of statins(p))
        expect(statins(p).filter((o) => activeOn(o, startOf(m))).length).toBeLessThanOrEqual(1);
  });

  it('gives diagnosed hyperlipidaemia at 40–75 with PCE ≥ 20% and no diabetes a high-intensity statin', () => {
    let seen = 0;
    for (const p of cohort) {
      if (!has(p, 'hyperlipidaemia') || has(p, 'type2-diabetes') || has(p, 'type1-diabetes'))
        continue;
      const diagnosis = onsetOf(p, 'hyperlipidaemia');
      const age = wholeYears(birthDay(p), diagnosis);
      if (age < 40 || age > 75 || p.riskFactors.ldl >= 190) continue;
      for (const m of statins(p))
        if (m.indication === 'hyperlipidaemia') {
          const high = highIntensityStatins.has(m.key as DrugKey);
          if (pce(p, diagnosis) >= 0.2) {
            seen++;
            expect(high).toBe(true);
          } else expect(high).toBe(false);
        }
    }
    expect(seen).toBeGreaterThan(30);
  });
});
