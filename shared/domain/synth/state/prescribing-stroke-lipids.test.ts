import { describe, expect, it } from 'vitest';
import type { CohortOptions, SynthPatient } from '../model';
import { dayFromIso, daysFromCivil } from './calendar';
import { highIntensityStatins } from './cardiometabolic-prescribing';
import type { DrugKey } from './drugs';
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

const options: CohortOptions = {
  patients: 16000,
  seed: 43,
  hospital: 'stroke-lipids',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const asOfDay = dayFromIso(options.asOf);
const cohort = stateCohortBeforeAll(options);

const ascvd = (p: SynthPatient) =>
  (['coronary-disease', 'myocardial-infarction', 'stroke'] as const).some((k) => has(p, k));
const currentStatins = (p: SynthPatient) =>
  p.medications.filter((m) => classOf(m) === 'statin' && m.end === undefined);

describe('Prescribing: ischaemic stroke (2021 AHA/ASA secondary prevention guideline)', () => {
  /** Stroke patients whose admission lies before the export's last day. */
  const strokePatients = () =>
    cohort.filter((p) => has(p, 'stroke') && onsetOf(p, 'stroke') < asOfDay - 1);
  /** The day after the stroke admission began: prescribing cannot see the discharge date. */
  const dischargeMeds = (p: SynthPatient) =>
    p.medications.filter((m) => activeOn(m, onsetOf(p, 'stroke') + 1));
  /** AF known at the stroke or found in its work-up. */
  const afAtStroke = (p: SynthPatient) =>
    has(p, 'atrial-fibrillation') && onsetOf(p, 'atrial-fibrillation') <= onsetOf(p, 'stroke') + 14;

  it('discharges ≈97% without AF on an antiplatelet (GWTG-Stroke), not everyone', () => {
    const noAf = strokePatients().filter((p) => !afAtStroke(p));
    expect(noAf.length).toBeGreaterThan(200);
    const rate = share(noAf, (p) =>
      dischargeMeds(p).some((m) => classOf(m) === 'antiplatelet' || classOf(m) === 'anticoagulant'),
    );
    expect(rate).toBeGreaterThan(0.92);
    expect(rate).toBeLessThan(1);
  });

  it('discharges ≈90% on a statin, mostly high intensity, started on the admission day', () => {
    const stroke = strokePatients();
    const statin = share(stroke, (p) => dischargeMeds(p).some((m) => classOf(m) === 'statin'));
    const high = share(stroke, (p) =>
      dischargeMeds(p).some((m) => highIntensityStatins.has(m.key as DrugKey)),
    );
    expect(statin).toBeGreaterThan(0.85);
    expect(statin).toBeLessThan(0.99);
    expect(high).toBeGreaterThan(0.7);
  });

  it('starts every antiplatelet and statin prescribed for the stroke on the admission day', () => {
    let orders = 0;
    for (const p of strokePatients()) {
      const stroke = onsetOf(p, 'stroke');
      for (const m of p.medications.filter((x) => x.indication === 'stroke')) {
        orders++;
        expect(startOf(m)).toBe(stroke);
      }
    }
    expect(orders).toBeGreaterThan(300);
  });

  it('anticoagulates ≈90% with AF within 2 weeks, and never adds a stroke antiplatelet to the OAC', () => {
    const af = strokePatients().filter(afAtStroke);
    expect(af.length).toBeGreaterThan(10);
    const by14 = share(af, (p) =>
      p.medications.some(
        (m) => classOf(m) === 'anticoagulant' && activeOn(m, onsetOf(p, 'stroke') + 14),
      ),
    );
    expect(by14).toBeGreaterThan(0.8);
    for (const p of strokePatients()) {
      const oacs = p.medications.filter((m) => classOf(m) === 'anticoagulant');
      for (const m of p.medications.filter(
        (x) => x.indication === 'stroke' && classOf(x) === 'antiplatelet',
      ))
        for (const oac of oacs)
          expect(startOf(oac) >= endOf(m) || endOf(oac) <= startOf(m)).toBe(true);
    }
  });

  it('gives short DAPT (21 or 90 days of clopidogrel with aspirin) to a minority, only after POINT', () => {
    const point = daysFromCivil(2018, 5, 16);
    const recent = strokePatients().filter((p) => !afAtStroke(p) && onsetOf(p, 'stroke') >= point);
    const dapt = (p: SynthPatient) =>
      dischargeMeds(p).filter((m) => classOf(m) === 'antiplatelet').length >= 2;
    const rate = share(recent, dapt);
    expect(rate).toBeGreaterThan(0.1);
    expect(rate).toBeLessThan(0.4);
    let ended = 0;
    for (const p of strokePatients()) {
      for (const m of p.medications.filter(
        (x) => x.indication === 'stroke' && x.key === 'clopidogrel-75' && x.end !== undefined,
      )) {
        const onAspirin = p.medications.some(
          (x) => x.key === 'aspirin-81' && activeOn(x, startOf(m)),
        );
        if (!onAspirin) continue;
        ended++;
        expect(startOf(m)).toBeGreaterThanOrEqual(point);
        expect(endOf(m) - startOf(m)).toBeLessThanOrEqual(90);
      }
    }
    expect(ended).toBeGreaterThan(10);
  });

  it('starts no stroke clopidogrel or anticoagulant before its US approval', () => {
    for (const p of strokePatients())
      for (const m of p.medications) {
        if (m.key === 'clopidogrel-75' && m.indication === 'stroke')
          expect(startOf(m)).toBeGreaterThanOrEqual(daysFromCivil(1997, 11, 17));
        if (m.key === 'apixaban-5' && startOf(m) > onsetOf(p, 'stroke'))
          expect(startOf(m)).toBeGreaterThanOrEqual(daysFromCivil(2012, 12, 28));
      }
  });
});

describe('Prescribing: statins (2018 AHA/ACC cholesterol guideline)', () => {
  const adults2075 = (p: SynthPatient) =>
    p.demographics.ageYears >= 20 && p.demographics.ageYears <= 75;

  it('treats ≈55% with LDL-C ≥ 190 at 20–75 (MMWR 2015), a good part with a high-intensity statin', () => {
    const severe = cohort.filter((p) => !ascvd(p) && adults2075(p) && p.riskFactors.ldl >= 190);
    expect(severe.length).toBeGreaterThan(100);
    const treated = severe.filter((p) => currentStatins(p).length > 0);
    const rate = treated.length / severe.length;
    expect(rate).toBeGreaterThan(0.4);
    expect(rate).toBeLessThan(0.7);
    const high = share(treated, (p) =>
      currentStatins(p).some((m) => highIntensityStatins.has(m.key as DrugKey)),
    );
    expect(high).toBeGreaterThan(0.25);
    expect(high).toBeLessThan(0.6);
  });

  it('treats ≈55% of diabetes at 40–75 with at least a moderate-intensity statin', () => {
    const diabetes = cohort.filter(
      (p) =>
        !ascvd(p) &&
        has(p, 'type2-diabetes') &&
        p.demographics.ageYears >= 40 &&
        p.demographics.ageYears <= 75,
    );
    expect(diabetes.length).toBeGreaterThan(300);
    const rate = share(diabetes, (p) => currentStatins(p).length > 0);
    expect(rate).toBeGreaterThan(0.45);
    expect(rate).toBeLessThan(0.7);
  });

  it('keeps most stroke survivors on a high-intensity statin', () => {
    const stroke = cohort.filter((p) => has(p, 'stroke') && onsetOf(p, 'stroke') < asOfDay - 1);
    const high = share(stroke, (p) =>
      currentStatins(p).some((m) => highIntensityStatins.has(m.key as DrugKey)),
    );
    expect(high).toBeGreaterThan(0.7);
  });

  it('starts no statin before its US approval and never two statins at once', () => {
    const approved: Record<string, number> = {
      simvastatin: daysFromCivil(1991, 12, 23),
      atorvastatin: daysFromCivil(1996, 12, 17),
      rosuvastatin: daysFromCivil(2003, 8, 12),
    };
    let checked = 0;
    for (const p of cohort) {
      const statins = p.medications.filter((m) => classOf(m) === 'statin');
      for (const m of statins) {
        checked++;
        expect(startOf(m)).toBeGreaterThanOrEqual(approved[m.key.split('-')[0]!]!);
      }
      expect(statins.filter((m) => m.end === undefined).length).toBeLessThanOrEqual(1);
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
