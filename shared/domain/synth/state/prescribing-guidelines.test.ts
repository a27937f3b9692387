import { describe, expect, it } from 'vitest';
import type { ConditionKey } from '../catalog';
import type { CohortOptions, SynthPatient, TrueMedication } from '../model';
import { dayFromIso, daysFromCivil } from './calendar';
import { drugs, type DrugKey } from './drugs';
import {
  activeOn,
  classOf,
  endOf,
  has,
  onsetOf,
  share,
  startOf,
  stateCohortBeforeAll,
} from './prescribing.test-helper';
import { daptDays, p2y12Inhibitors } from './vascular-prescribing';

const options: CohortOptions = {
  patients: 8000,
  seed: 43,
  hospital: 'guidelines',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const asOfDay = dayFromIso(options.asOf);
const cohort = stateCohortBeforeAll(options);

const isP2y12 = (m: TrueMedication) => p2y12Inhibitors.has(m.key as DrugKey);

describe('Prescribing: myocardial infarction (2025 ACC/AHA ACS guideline)', () => {
  const miPatients = () => cohort.filter((p) => has(p, 'myocardial-infarction'));
  /** The day after the MI admission began: what the patient goes home on. */
  const dischargeMeds = (p: SynthPatient) => {
    const day = onsetOf(p, 'myocardial-infarction') + 1;
    return p.medications.filter((m) => activeOn(m, day));
  };

  it('discharges ≈95% on aspirin and ≈90% on a P2Y12 inhibitor, not everyone', () => {
    const mi = miPatients();
    expect(mi.length).toBeGreaterThan(150);
    const antiplatelet = share(mi, (p) =>
      dischargeMeds(p).some((m) => classOf(m) === 'antiplatelet'),
    );
    const p2y12 = share(mi, (p) => dischargeMeds(p).some(isP2y12));
    const aspirin = share(mi, (p) => dischargeMeds(p).some((m) => m.key === 'aspirin-81'));
    expect(antiplatelet).toBeGreaterThan(0.93);
    expect(p2y12).toBeGreaterThan(0.82);
    expect(p2y12).toBeLessThan(0.97);
    expect(aspirin).toBeGreaterThan(0.82);
    expect(aspirin).toBeLessThan(0.99);
  });

  it('discharges ≈90% on a high-intensity statin and most on a beta-blocker', () => {
    const mi = miPatients();
    const highIntensity = new Set(['atorvastatin-40', 'atorvastatin-80']);
    expect(
      share(mi, (p) => dischargeMeds(p).some((m) => highIntensity.has(m.key))),
    ).toBeGreaterThan(0.85);
    expect(
      share(mi, (p) => dischargeMeds(p).some((m) => classOf(m) === 'beta-blocker')),
    ).toBeGreaterThan(0.8);
  });

  it('starts every drug prescribed for the MI on the admission day', () => {
    let orders = 0;
    for (const p of miPatients()) {
      const mi = onsetOf(p, 'myocardial-infarction');
      for (const m of p.medications.filter((x) => x.indication === 'myocardial-infarction')) {
        orders++;
        expect(startOf(m)).toBe(mi);
      }
    }
    expect(orders).toBeGreaterThan(500);
  });

  it('stops the P2Y12 inhibitor ≈12 months after the MI (DAPT), unless aspirin is not an option', () => {
    let ended = 0;
    for (const p of miPatients()) {
      const aspirinAllergy = p.allergies.some((a) => /aspirin/i.test(JSON.stringify(a)));
      for (const m of p.medications.filter(
        (x) => isP2y12(x) && x.indication === 'myocardial-infarction',
      )) {
        if (aspirinAllergy) continue;
        const planned = startOf(m) + daptDays;
        if (m.end === undefined) {
          // Still within its DAPT year at the export.
          expect(planned + 14).toBeGreaterThanOrEqual(asOfDay);
        } else {
          ended++;
          expect(endOf(m) - startOf(m)).toBeGreaterThanOrEqual(daptDays - 14);
          expect(endOf(m) - startOf(m)).toBeLessThanOrEqual(daptDays + 14);
        }
      }
    }
    expect(ended).toBeGreaterThan(100);
  });

  it('with an oral anticoagulant: clopidogrel, and triple therapy for at most 4 weeks', () => {
    let combined = 0;
    for (const p of miPatients()) {
      const oac = p.medications.find((m) => classOf(m) === 'anticoagulant' && !m.end);
      if (!oac) continue;
      const mi = onsetOf(p, 'myocardial-infarction');
      const p2y12 = p.medications.find(
        (m) => isP2y12(m) && m.indication === 'myocardial-infarction',
      );
      if (p2y12 && startOf(oac) < endOf(p2y12)) {
        combined++;
        expect(p2y12.key).toBe('clopidogrel-75');
      }
      // Days on an anticoagulant plus two antiplatelets.
      let triple = 0;
      for (let day = mi; day < Math.min(asOfDay, mi + 2 * 365); day++) {
        const on = p.medications.filter((m) => activeOn(m, day));
        const antiplatelets = on.filter((m) => classOf(m) === 'antiplatelet').length;
        if (antiplatelets >= 2 && on.some((m) => classOf(m) === 'anticoagulant')) triple++;
      }
      expect(triple).toBeLessThanOrEqual(28);
    }
    expect(combined).toBeGreaterThan(3);
  });

  it('leaves anticoagulated patients on the OAC alone once the DAPT year is over', () => {
    let checked = 0;
    for (const p of miPatients()) {
      if (!p.medications.some((m) => classOf(m) === 'anticoagulant' && !m.end)) continue;
      const mi = onsetOf(p, 'myocardial-infarction');
      if (asOfDay - mi < daptDays + 30) continue;
      checked++;
      const antiplatelets = p.medications.filter((m) => classOf(m) === 'antiplatelet' && !m.end);
      expect(antiplatelets.map((m) => m.key)).toEqual([]);
    }
    expect(checked).toBeGreaterThan(4);
  });

  it('keeps prasugrel from patients 75+ or after a stroke, and new P2Y12 inhibitors from before approval', () => {
    for (const p of miPatients()) {
      for (const m of p.medications.filter(isP2y12)) {
        if (m.key === 'prasugrel-10') {
          expect(p.demographics.ageYears).toBeLessThan(75);
          expect(has(p, 'stroke')).toBe(false);
          expect(startOf(m)).toBeGreaterThanOrEqual(daysFromCivil(2009, 7, 10));
        }
        if (m.key === 'ticagrelor-90')
          expect(startOf(m)).toBeGreaterThanOrEqual(daysFromCivil(2011, 7, 20));
      }
    }
  });
});

describe('Prescribing: heart failure and type 2 diabetes (2022 HF guideline, ADA 2024)', () => {
  it('gives an MRA to ≈1/3 of eligible HFrEF patients (CHAMP-HF), never with eGFR ≤ 30', () => {
    const hf = cohort.filter((p) => has(p, 'heart-failure'));
    expect(hf.length).toBeGreaterThan(150);
    // CHAMP-HF enrolled HFrEF only; HFmrEF and HFpEF get fewer (state/heart-failure.test.ts).
    const eligible = hf.filter(
      (p) =>
        p.conditions.find((c) => c.key === 'heart-failure')?.severity === 'HFrEF' &&
        p.riskFactors.egfr > 30 &&
        p.riskFactors.potassium < 5,
    );
    const mra = share(eligible, (p) =>
      p.medications.some((m) => classOf(m) === 'mineralocorticoid-receptor-antagonist'),
    );
    expect(mra).toBeGreaterThan(0.2);
    expect(mra).toBeLessThan(0.45);
    for (const p of hf)
      if (p.riskFactors.egfr <= 30)
        expect(p.medications.some((m) => m.key === 'spironolactone-25')).toBe(false);
  });

  it('gives an SGLT2 inhibitor to a realistic minority of HF patients, only after its HF approval', () => {
    const hf = cohort.filter((p) => has(p, 'heart-failure'));
    const sglt2 = share(hf, (p) => p.medications.some((m) => classOf(m) === 'sglt2-inhibitor'));
    expect(sglt2).toBeGreaterThan(0.15);
    expect(sglt2).toBeLessThan(0.5);
    for (const p of hf)
      for (const m of p.medications)
        if (m.indication === 'heart-failure' && classOf(m) === 'sglt2-inhibitor')
          expect(startOf(m)).toBeGreaterThanOrEqual(daysFromCivil(2021, 8, 18));
  });

  it('gives an SGLT2 inhibitor to ≈1/4 of type 2 diabetes with ASCVD, HF or CKD, none without', () => {
    const organs: ConditionKey[] = [
      'coronary-disease',
      'myocardial-infarction',
      'stroke',
      'heart-failure',
      'ckd',
    ];
    const t2d = cohort.filter((p) => has(p, 'type2-diabetes'));
    const indicated = t2d.filter((p) => organs.some((k) => has(p, k)));
    expect(indicated.length).toBeGreaterThan(250);
    const rate = share(indicated, (p) =>
      p.medications.some((m) => classOf(m) === 'sglt2-inhibitor' && !m.end),
    );
    expect(rate).toBeGreaterThan(0.15);
    expect(rate).toBeLessThan(0.4);
    for (const p of t2d)
      for (const m of p.medications)
        if (m.indication === 'type2-diabetes' && classOf(m) === 'sglt2-inhibitor') {
          expect(organs.some((k) => has(p, k))).toBe(true);
          expect(startOf(m)).toBeGreaterThanOrEqual(daysFromCivil(2016, 12, 2));
        }
  });
});

describe('Catalog: drugs added for guideline-directed therapy keep their RxNorm codes', () => {
  it.each([
    ['ticagrelor-90', '1116635', 'ticagrelor 90 MG Oral Tablet'],
    ['prasugrel-10', '855812', 'prasugrel 10 MG Oral Tablet'],
    ['spironolactone-25', '313096', 'spironolactone 25 MG Oral Tablet'],
    ['empagliflozin-10', '1545658', 'empagliflozin 10 MG Oral Tablet'],
  ] as const)('%s is RxCUI %s', (key, rxcui, display) => {
    expect(drugs[key].rxcui).toBe(rxcui);
    expect(drugs[key].display).toBe(display);
  });
});
