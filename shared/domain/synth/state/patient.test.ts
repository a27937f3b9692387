import { describe, expect, it } from 'vitest';
import { conditions as catalogConditions, measurements as catalogMeasurements } from '../catalog';
import type { CohortOptions, SynthPatient } from '../model';
import { dayFromIso } from './calendar';
import { generatePatientState } from './patient';

const options: CohortOptions = {
  patients: 1000,
  seed: 20260101,
  hospital: 'general',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort: SynthPatient[] = Array.from({ length: 1500 }, (_, i) =>
  generatePatientState(options, i),
);
const asOfDay = dayFromIso(options.asOf);

/** Conditions a child may have: the paediatric category plus asthma, obesity and (older children) mood disorders. */
const paediatricConditions = new Set([
  'otitis-media',
  'adhd',
  'atopic-dermatitis',
  'type1-diabetes',
  'asthma',
  'obesity',
  'depression',
  'anxiety',
]);
const paediatricDrugs = new Set([
  'amoxicillin-80-mg-ml',
  'albuterol-hfa',
  'fluticasone-44',
  'methylphenidate-5',
  'methylphenidate-10',
  'insulin-glargine-100',
  'hydrocortisone-1-cream',
  'sertraline-25',
  'sertraline-50',
  'fluoxetine-10',
  'fluoxetine-20',
  'escitalopram-10',
]);

describe('Function: generatePatientState', () => {
  it('gives a deep-equal patient for the same seed and index, in any order', () => {
    expect(generatePatientState(options, 17)).toEqual(cohort[17]);
    expect(JSON.stringify(generatePatientState(options, 3))).toBe(JSON.stringify(cohort[3]));
  });

  it('gives different patients for different indices and seeds, and leaves the genome to its generator', () => {
    expect(cohort[1]).not.toEqual(cohort[2]);
    expect(generatePatientState({ ...options, seed: 1 }, 1)).not.toEqual(cohort[1]);
    expect(cohort.every((p) => p.genome === undefined)).toBe(true);
  });

  it('gives every patient a unique id and MRN', () => {
    expect(new Set(cohort.map((p) => p.id)).size).toBe(cohort.length);
    expect(new Set(cohort.map((p) => p.demographics.mrn)).size).toBe(cohort.length);
  });

  it('writes well-formed codes: SNOMED CT and RxNorm digits, ICD-10-CM and LOINC patterns, OMB race codes', () => {
    const bad: string[] = [];
    const check = (ok: boolean, what: string) => ok || bad.push(what);
    for (const p of cohort) {
      for (const c of p.conditions) {
        check(/^\d{6,18}$/.test(catalogConditions[c.key].snomed.code), `SNOMED ${c.key}`);
        check(
          /^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/.test(catalogConditions[c.key].icd10.code),
          `ICD-10-CM ${c.key}`,
        );
      }
      for (const m of p.medications)
        check(/^\d{4,8}$/.test(m.rxnorm.code) && m.rxnorm.display.length > 0, `RxNorm ${m.key}`);
      for (const a of p.allergies)
        check(/^\d{3,18}$/.test(a.substance.code), `substance ${a.substance.display}`);
      for (const a of p.allergies)
        check(/^\d{6,18}$/.test(a.reaction.code), `reaction ${a.reaction.display}`);
      for (const m of p.measurements)
        check(/^\d+-\d$/.test(catalogMeasurements[m.key].loinc), `LOINC ${m.key}`);
      check(/^\d{4}-\d$/.test(p.demographics.race.code), `race ${p.demographics.race.code}`);
      check(/^\d{3}-555-01\d\d$/.test(p.demographics.phone), `phone ${p.demographics.phone}`);
      check(
        /^[a-z]+\.[a-z']+\d+@example\.(com|org)$/.test(p.demographics.email),
        `email ${p.demographics.email}`,
      );
    }
    expect(bad).toEqual([]);
  });
});

describe('Function: generatePatientState — dates and children', () => {
  it('dates every onset after birth and before asOf, and every medication after its indication', () => {
    let riskBasedStatins = 0;
    for (const p of cohort) {
      const birth = dayFromIso(p.demographics.birthDate);
      for (const c of p.conditions) {
        const onset = dayFromIso(c.onset);
        expect(onset).toBeGreaterThan(birth);
        expect(onset).toBeLessThan(asOfDay);
      }
      for (const m of p.medications) {
        const indication = p.conditions.find((c) => c.key === m.indication);
        if (!indication) {
          // The one order whose indication is not a diagnosis: a risk-based primary-prevention statin
          // (state/cardiometabolic-prevention.ts), given 'hyperlipidaemia' as its reason code, to an
          // adult of 40-75 at the start without ASCVD, diabetes or diagnosed hyperlipidaemia.
          expect(m.indication, `${m.key} without its indication`).toBe('hyperlipidaemia');
          expect(m.key).toMatch(/^(atorva|rosuva|simva|prava)statin-/);
          const keys = new Set(p.conditions.map((c) => c.key));
          for (const k of ['coronary-disease', 'myocardial-infarction', 'stroke', 'type2-diabetes'])
            expect(keys.has(k as never)).toBe(false);
          const ageAtStart = (dayFromIso(m.start) - birth) / 365.25;
          expect(ageAtStart).toBeGreaterThanOrEqual(40);
          expect(ageAtStart).toBeLessThan(76);
          riskBasedStatins++;
        } else expect(m.start >= indication.onset).toBe(true);
        expect(dayFromIso(m.start)).toBeLessThan(asOfDay);
        if (m.end) expect(m.end > m.start).toBe(true);
      }
    }
    // The exception is rare: a few per cent of adults (the rule's own checks are in prescribing-prevention).
    expect(riskBasedStatins).toBeGreaterThan(0);
    expect(riskBasedStatins).toBeLessThan(cohort.length * 0.05);
  });

  it('keeps children to paediatric conditions and drugs, with weight-based doses in range', () => {
    const children = cohort.filter((p) => p.demographics.ageYears < 18);
    expect(children.length).toBeGreaterThan(200);
    for (const child of children) {
      for (const c of child.conditions) expect(paediatricConditions.has(c.key)).toBe(true);
      for (const m of child.medications) {
        expect(paediatricDrugs.has(m.key)).toBe(true);
        const kg = child.riskFactors.weightKg;
        // AAP 2013 AOM: 90 mg/kg/day in two doses, capped at 2 g per dose (volume rounded down).
        if (m.key === 'amoxicillin-80-mg-ml')
          expect((m.doseQuantity.value * 80 * 2) / kg).toBeLessThanOrEqual(90 + 1e-9);
        // Methylphenidate IR ≤ 0.6 mg/kg per dose in this generator (≈0.3 mg/kg target); never > 20 mg.
        if (m.key.startsWith('methylphenidate'))
          expect(parseFloat(m.doseText)).toBeLessThanOrEqual(Math.max(5, 0.6 * kg));
        if (m.key === 'insulin-glargine-100')
          expect(m.doseQuantity.value / kg).toBeLessThanOrEqual(0.45);
      }
    }
  });
});

describe('Function: generatePatientState — encounters and measurements', () => {
  it('plans 2–8 encounters inside the three-year window, with measurements inside their encounter', () => {
    const problems: string[] = [];
    const windowStart = asOfDay - 3 * 365 - 1;
    for (const p of cohort) {
      if (p.encounters.length < 2 || p.encounters.length > 8)
        problems.push(`${p.index}: ${p.encounters.length} encounters`);
      const byId = new Map(p.encounters.map((e) => [e.id, e]));
      for (const e of p.encounters) {
        const day = dayFromIso(e.start.slice(0, 10));
        if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:00[-+]\d\d:\d\d$/.test(e.start))
          problems.push(`${p.index}: start ${e.start}`);
        if (Date.parse(e.end) <= Date.parse(e.start))
          problems.push(`${p.index}: ${e.start} → ${e.end}`);
        if (day < windowStart || day >= asOfDay)
          problems.push(`${p.index}: encounter on ${e.start}`);
        if (e.kind === 'inpatient' && !e.noteKinds.includes('discharge-summary'))
          problems.push(`${p.index}: no discharge summary`);
      }
      for (const m of p.measurements) {
        const e = byId.get(m.encounterId!);
        const at = Date.parse(m.at);
        if (!e || at < Date.parse(e.start) || at > Date.parse(e.end))
          problems.push(`${p.index}: ${m.key} at ${m.at}`);
        if (m.unit !== catalogMeasurements[m.key].unit)
          problems.push(`${p.index}: ${m.key} in ${m.unit}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('Function: generatePatientState — plausibility', () => {
  it('keeps vital signs physiologically plausible', () => {
    const ranges: Record<string, [number, number]> = {
      bloodPressurePanel: [70, 240],
      heartRate: [35, 200],
      respiratoryRate: [6, 70],
      oxygenSaturation: [80, 100],
      bodyTemperature: [35, 41],
      hba1c: [4, 15],
      egfr: [3, 200],
      potassium: [2.5, 7],
    };
    const problems = cohort.flatMap((p) =>
      p.measurements
        .filter((m) => {
          const range = ranges[m.key];
          const outside = range !== undefined && (m.value < range[0] || m.value > range[1]);
          return outside || (m.key === 'bloodPressurePanel' && !(m.diastolic! < m.value));
        })
        .map((m) => `${p.index}: ${m.key} ${m.value}/${m.diastolic ?? ''}`),
    );
    expect(problems).toEqual([]);
  });
});
