import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { adultWithHypertensionAndDiabetes, asAnotherPatient, fixtureAsOf } from './fixtures';
import { renderPatientResources } from './resources';
import {
  chooseUnits,
  creatinineUmolPerMgdl,
  glucoseMgdlPerMmol,
  lbPerKg,
  reportValue,
  unitMixes,
} from './units';

describe('Function: chooseUnits', () => {
  it.each(Object.entries(unitMixes))(
    'reports %s in alternate units for the documented share of patients (within 2.5 points)',
    (_name, mix) => {
      // Act
      const patients = 4000;
      let alternate = 0;
      for (let i = 0; i < patients; i++)
        if (chooseUnits('general-east', `patient-${i}`).get(mix.key)) alternate++;

      // Assess
      expect(Math.abs(alternate / patients - mix.alternateShare)).toBeLessThan(0.025);
    },
  );

  it('keeps a patient on one unit per quantity, and lets hospitals differ', () => {
    // Act
    const again = [...chooseUnits('general-east', 'p-1')];
    const elsewhere = Array.from({ length: 50 }, (_, i) =>
      chooseUnits('st-mary', `p-${i}`).get('bodyWeight'),
    );
    const here = Array.from({ length: 50 }, (_, i) =>
      chooseUnits('general-east', `p-${i}`).get('bodyWeight'),
    );

    // Assess
    expect([...chooseUnits('general-east', 'p-1')]).toEqual(again);
    expect(elsewhere).not.toEqual(here);
  });
});

describe('Function: reportValue', () => {
  const alternate = new Map(Object.values(unitMixes).map((m) => [m.key, true]));

  it.each([
    ['glucoseMass', 148, '14749-6', 'mmol/L', 148 / glucoseMgdlPerMmol, 1],
    ['bodyWeight', 98.4, '29463-7', '[lb_av]', 98.4 * lbPerKg, 1],
    ['bodyTemperature', 37, '8310-5', '[degF]', 98.6, 1],
    ['creatinine', 1.42, '14682-9', 'umol/L', 1.42 * creatinineUmolPerMgdl, 0],
  ] as const)('converts %s %d to %s %s', (key, value, loinc, ucum, expected, decimals) => {
    // Act
    const reported = reportValue(key, value, alternate);

    // Assess
    expect(reported).toMatchObject({ loinc, code: ucum });
    expect(Math.abs(reported.value - expected)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
  });

  it('leaves primary units as generated, rounded as reported', () => {
    expect(reportValue('glucoseMass', 147.6, new Map())).toMatchObject({
      value: 148,
      code: 'mg/dL',
      loinc: '2345-7',
    });
    expect(reportValue('potassium', 4.56, new Map())).toMatchObject({ value: 4.6, code: 'mmol/L' });
  });
});

describe('Function: renderPatientResources (unit mixing)', () => {
  it('mixes glucose units across a cohort with values matching the truth', () => {
    // Prepare
    const cohort = Array.from({ length: 800 }, (_, i) =>
      asAnotherPatient(adultWithHypertensionAndDiabetes(), i),
    );

    // Act
    const glucose = cohort.map((patient) => {
      const observations = renderPatientResources(patient, [], { asOf: fixtureAsOf }).filter(
        (r): r is Observation =>
          r.resourceType === 'Observation' &&
          /^(2345-7|14749-6)$/.test(r.code?.coding?.[0]?.code ?? ''),
      );
      return observations.map((o) => [
        o.code!.coding![0]!.code,
        o.valueQuantity!.code,
        o.valueQuantity!.value,
      ]);
    });

    // Assess: one unit per patient, 25 +- 4 % in mmol/L, and 148 mg/dL shown as 8.2 mmol/L.
    const moles = glucose.filter((rows) => rows.every(([loinc]) => loinc === '14749-6'));
    const mass = glucose.filter((rows) => rows.every(([loinc]) => loinc === '2345-7'));
    expect(moles.length + mass.length).toBe(cohort.length);
    expect(Math.abs(moles.length / cohort.length - 0.25)).toBeLessThan(0.04);
    expect(new Set(moles.flat().map(([, ucum, value]) => `${ucum} ${value}`))).toEqual(
      new Set(['mmol/L 8.2']),
    );
    expect(new Set(mass.flat().map(([, ucum, value]) => `${ucum} ${value}`))).toEqual(
      new Set(['mg/dL 148']),
    );
  });
});
