import { readFileSync } from 'node:fs';
import type { Bundle, Condition, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { RiskScoreName } from './registry';
import { cha2ds2VascScore } from './cha2ds2-vasc';
import { pooledCohortScore } from './pooled-cohort';
import { evaluateScore } from './score-definition';
import { scoreFromInputs, scoresFromFhir } from './scores-from-fhir';

// A patient the inputs present already place outside a score's validated population is told so even
// when other inputs are missing: the missing ones could not make the score apply. A population check
// whose own input is missing cannot fail, so those patients are only asked for the missing inputs.

interface Case {
  score: RiskScoreName;
  input: Record<string, unknown>;
  missing: string[];
  /** The population reasons expected; none means the result must stay "missing inputs". */
  outside: string[];
}

const pceBase = {
  sex: 'female',
  race: 'white',
  systolic: 120,
  treatedForHypertension: false,
  smoker: false,
};

const outsideCases: Array<[string, Case]> = [
  [
    'ascvd-pce with known ASCVD and no lipids (secondary prevention)',
    {
      score: 'ascvd-pce',
      input: { ...pceBase, age: 60, priorAscvd: true },
      missing: ['totalCholesterol', 'hdl'],
      outside: ['known clinical ASCVD (secondary prevention: the PCE do not apply)'],
    },
  ],
  [
    'ascvd-pce at 85 with no lipids',
    {
      score: 'ascvd-pce',
      input: { ...pceBase, age: 85 },
      missing: ['totalCholesterol', 'hdl'],
      outside: ['age outside 40–79 years'],
    },
  ],
  [
    'ascvd-pce with every failing check the inputs present decide, in order',
    {
      score: 'ascvd-pce',
      input: { ...pceBase, age: 30, systolic: 210, priorAscvd: true },
      missing: ['totalCholesterol', 'hdl'],
      outside: [
        'age outside 40–79 years',
        'systolic BP outside 90–200 mmHg',
        'known clinical ASCVD (secondary prevention: the PCE do not apply)',
      ],
    },
  ],
  [
    'qrisk3 with known CVD and no cholesterol/HDL ratio',
    {
      score: 'qrisk3',
      input: { age: 60, sex: 'male', priorCvd: true },
      missing: [
        'ethnicity',
        'smoking',
        'bmi',
        'cholesterolHdlRatio',
        'systolic',
        'systolicSd',
        'treatedHypertension',
      ],
      outside: ['known cardiovascular disease'],
    },
  ],
  [
    'qrisk3 at 90 with a BMI from weight and height above 40',
    {
      score: 'qrisk3',
      input: { age: 90, sex: 'female', weight: 130, height: 160 },
      missing: [
        'ethnicity',
        'smoking',
        'cholesterolHdlRatio',
        'systolic',
        'systolicSd',
        'treatedHypertension',
      ],
      outside: ['age outside 25–84 years', 'BMI outside 20–40 kg/m2'],
    },
  ],
  [
    'cha2ds2-vasc with no atrial fibrillation recorded and no age',
    {
      score: 'cha2ds2-vasc',
      input: { sex: 'female', hypertension: true },
      missing: ['age'],
      outside: ['no atrial fibrillation recorded (the score is validated in non-valvular AF)'],
    },
  ],
  [
    'cha2ds2-vasc in a child with AF and no sex',
    {
      score: 'cha2ds2-vasc',
      input: { age: 12, atrialFibrillation: true },
      missing: ['sex'],
      outside: ['age under 18 years'],
    },
  ],
  [
    'has-bled with no atrial fibrillation recorded and no age',
    {
      score: 'has-bled',
      input: { stroke: true },
      missing: ['age'],
      outside: ['no atrial fibrillation recorded (the score was derived in AF)'],
    },
  ],
  [
    'egfr-ckd-epi-2021 in a child with no creatinine',
    {
      score: 'egfr-ckd-epi-2021',
      input: { age: 10, sex: 'male' },
      missing: ['creatinine'],
      outside: ['age under 18 years (use a paediatric equation such as CKiD)'],
    },
  ],
  [
    'phq9 in a child with no total',
    {
      score: 'phq9',
      input: { age: 10, item9: 0 },
      missing: ['total'],
      outside: [
        'age under 13 years (validated in adults, Kroenke 2001, and adolescents 13-17, Richardson 2010)',
      ],
    },
  ],
  [
    'gad7 in an adolescent with no total',
    {
      score: 'gad7',
      input: { age: 15 },
      missing: ['total'],
      outside: ['age under 18 years'],
    },
  ],
  [
    'bmi in a child with neither BMI nor height',
    {
      score: 'bmi',
      input: { age: 12, weight: 40 },
      missing: ['bmi'],
      outside: ['age under 18 years (use bmi-for-age)'],
    },
  ],
  [
    'bmi-for-age at 18 months with no BMI',
    {
      score: 'bmi-for-age',
      input: { ageMonths: 18, sex: 'male' },
      missing: ['bmi'],
      outside: ['age outside 24–240.5 months (2–20 years)'],
    },
  ],
  [
    'findrisc at 70 with no sex (no points can be given)',
    {
      score: 'findrisc',
      input: { age: 70, bmi: 27 },
      missing: [
        'sex',
        'waist',
        'physicallyActive',
        'dailyFruitVegetables',
        'antihypertensiveMedication',
        'highGlucoseHistory',
        'familyHistory',
      ],
      outside: ['age outside 35–64 years'],
    },
  ],
];

const unknownCases: Array<[string, Case]> = [
  [
    'ascvd-pce with no lipids, inside the population',
    {
      score: 'ascvd-pce',
      input: { ...pceBase, age: 60 },
      missing: ['totalCholesterol', 'hdl'],
      outside: [],
    },
  ],
  [
    'ascvd-pce with no age and no lipids (the age check cannot fail)',
    {
      score: 'ascvd-pce',
      input: pceBase,
      missing: ['age', 'totalCholesterol', 'hdl'],
      outside: [],
    },
  ],
  [
    'qrisk3 with no age and no BMI',
    {
      score: 'qrisk3',
      input: {
        sex: 'male',
        ethnicity: 'white',
        smoking: 'non-smoker',
        cholesterolHdlRatio: 4,
        systolic: 130,
        systolicSd: 5,
        treatedHypertension: false,
      },
      missing: ['age', 'bmi'],
      outside: [],
    },
  ],
  [
    'cha2ds2-vasc in AF with no age',
    {
      score: 'cha2ds2-vasc',
      input: { sex: 'male', atrialFibrillation: true },
      missing: ['age'],
      outside: [],
    },
  ],
  [
    'has-bled in AF with no age',
    {
      score: 'has-bled',
      input: { atrialFibrillation: true },
      missing: ['age'],
      outside: [],
    },
  ],
  [
    'egfr-ckd-epi-2021 with no age',
    {
      score: 'egfr-ckd-epi-2021',
      input: { sex: 'female', creatinine: 1 },
      missing: ['age'],
      outside: [],
    },
  ],
  ['phq9 with no total and no age', { score: 'phq9', input: {}, missing: ['total'], outside: [] }],
  [
    'phq9 in an adult with no total',
    { score: 'phq9', input: { age: 30 }, missing: ['total'], outside: [] },
  ],
  [
    'gad7 in an adult with no total',
    { score: 'gad7', input: { age: 40 }, missing: ['total'], outside: [] },
  ],
  [
    'bmi in an adult with no height',
    { score: 'bmi', input: { age: 40, weight: 80 }, missing: ['bmi'], outside: [] },
  ],
  [
    'bmi-for-age at 5 years with no BMI',
    {
      score: 'bmi-for-age',
      input: { ageMonths: 60, sex: 'female' },
      missing: ['bmi'],
      outside: [],
    },
  ],
];

describe('Function: evaluateScore, population checks with inputs missing', () => {
  it.each(outsideCases)(
    '%s: says it is outside the validated population, ahead of the inputs still missing',
    (_, { score, input, missing, outside }) => {
      const result = scoreFromInputs(score, input);
      expect(result).toMatchObject({
        value: null,
        applicable: false,
        missing,
        outsidePopulation: outside,
      });
      expect(result.reason).toBe(
        `outside the validated population: ${outside.join('; ')}; missing inputs: ${missing.join(', ')} (the score would not apply with them either)`,
      );
    },
  );

  it.each(unknownCases)(
    '%s: stays "missing inputs", the population being unknown',
    (_, { score, input, missing }) => {
      const result = scoreFromInputs(score, input);
      expect(result).toMatchObject({ value: null, applicable: false, missing });
      expect(result.reason).toBe(`missing inputs: ${missing.join(', ')}`);
      expect(result).not.toHaveProperty('outsidePopulation');
    },
  );

  it('keeps a recorded but unreadable population input unknown, never outside', () => {
    // priorAscvd counts as absent when not recorded; recorded but unreadable, it is missing instead.
    const result = evaluateScore(
      pooledCohortScore,
      {
        age: { value: 60, source: 'Patient/p' },
        sex: { value: 'male', source: 'Patient/p' },
      },
      new Set(['priorAscvd']),
    );
    expect(result.missing).toContain('priorAscvd');
    expect(result.reason).toMatch(/^missing inputs: /);
    expect(result).not.toHaveProperty('outsidePopulation');
  });

  it('keeps an unreadable atrial fibrillation unknown: the AF check cannot fail without it', () => {
    const result = evaluateScore(
      cha2ds2VascScore,
      { sex: { value: 'female', source: 'Patient/p' } },
      new Set(['atrialFibrillation']),
    );
    expect(result.missing).toEqual(['age', 'atrialFibrillation']);
    expect(result.reason).toBe('missing inputs: age, atrialFibrillation');
    expect(result).not.toHaveProperty('outsidePopulation');
  });

  it('lists the population reasons for complete inputs too, beside the value', () => {
    const result = scoreFromInputs('ascvd-pce', {
      ...pceBase,
      age: 60,
      totalCholesterol: 200,
      hdl: 50,
      priorAscvd: true,
    });
    expect(result.value).not.toBeNull();
    expect(result).toMatchObject({
      applicable: false,
      outsidePopulation: ['known clinical ASCVD (secondary prevention: the PCE do not apply)'],
    });
    expect(
      scoreFromInputs('ascvd-pce', { ...pceBase, age: 60, totalCholesterol: 200, hdl: 50 }),
    ).not.toHaveProperty('outsidePopulation');
  });
});

describe('Additive bedside scores: population checks with inputs missing', () => {
  it('news2 in a child with observations missing says the age ahead of the lower bound', () => {
    const result = scoreFromInputs('news2', { age: 12, respiratoryRate: 26 });
    expect(result).toMatchObject({
      value: 3,
      applicable: false,
      outsidePopulation: ['age under 16 years'],
    });
    expect(result.reason).toMatch(
      /^outside the validated population: age under 16 years; incomplete \(missing spo2, /,
    );
  });

  it('news2 in pregnancy with no observation at all still says pregnancy', () => {
    const result = scoreFromInputs('news2', { pregnant: true });
    expect(result).toMatchObject({
      value: null,
      applicable: false,
      outsidePopulation: ['pregnancy'],
    });
    expect(result.reason).toMatch(
      /^outside the validated population: pregnancy; no current observations \(missing /,
    );
  });

  it('news2 in an adult with observations missing is only incomplete', () => {
    const result = scoreFromInputs('news2', { age: 40, respiratoryRate: 26 });
    expect(result.reason).toMatch(/^incomplete \(missing /);
    expect(result).not.toHaveProperty('outsidePopulation');
  });

  it('qsofa in a child with a criterion missing says the age', () => {
    const result = scoreFromInputs('qsofa', { age: 10, respiratoryRate: 24, systolic: 95 });
    expect(result).toMatchObject({
      value: 2,
      applicable: false,
      outsidePopulation: ['age under 18 years'],
    });
    expect(result.reason).toBe(
      'outside the validated population: age under 18 years; incomplete (missing alteredMentation): points are a lower bound',
    );
  });

  it('qsofa in a child with no observation at all says the age', () => {
    const result = scoreFromInputs('qsofa', { age: 10 });
    expect(result.reason).toBe(
      'outside the validated population: age under 18 years; no current observations (missing respiratoryRate, systolic, alteredMentation)',
    );
  });

  it('qsofa in an adult or with no age with a criterion missing is only incomplete', () => {
    for (const input of [{ age: 40, respiratoryRate: 24 }, { respiratoryRate: 24 }]) {
      const result = scoreFromInputs('qsofa', input);
      expect(result.reason).toMatch(/^incomplete \(missing systolic, alteredMentation\)/);
      expect(result).not.toHaveProperty('outsidePopulation');
    }
  });

  it('findrisc at 70 with items missing says the age ahead of the lower bound', () => {
    const result = scoreFromInputs('findrisc', { age: 70, sex: 'male', bmi: 27 });
    expect(result).toMatchObject({ value: 5, outsidePopulation: ['age outside 35–64 years'] });
    expect(result.reason).toMatch(
      /^outside the validated population: age outside 35–64 years; incomplete \(missing waist, /,
    );
  });

  it('findrisc with no age and no sex stays "missing inputs"', () => {
    const result = scoreFromInputs('findrisc', { bmi: 27 });
    expect(result.reason).toMatch(/^missing inputs: age, sex, /);
    expect(result).not.toHaveProperty('outsidePopulation');
  });
});

describe('Function: scoresFromFhir (GET /patients/{id}/risk), population checks with inputs missing', () => {
  // fixtures/adult-bundle.json: a woman aged 55 on 2024-06-01 with lipids; here without them.
  const bundle = JSON.parse(
    readFileSync(new URL('./fixtures/adult-bundle.json', import.meta.url), 'utf8'),
  ) as Bundle;
  const noLipids = (bundle.entry ?? [])
    .map((e) => e.resource as Resource)
    .filter((r) => !(r.id === 'tc-1' || r.id?.startsWith('hdl-')));
  const at = new Date('2024-06-01T12:00:00Z');
  const myocardialInfarction: Condition = {
    resourceType: 'Condition',
    id: 'mi-1',
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
      ],
    },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '22298006' }] },
    subject: { reference: 'Patient/p1' },
    onsetDateTime: '2020-01-10',
  };

  it('a recorded myocardial infarction and no lipids: secondary prevention, not "order lipids"', () => {
    const result = scoresFromFhir([...noLipids, myocardialInfarction], 'ascvd-pce', at);
    expect(result).toMatchObject({
      value: null,
      applicable: false,
      missing: ['totalCholesterol', 'hdl'],
      outsidePopulation: ['known clinical ASCVD (secondary prevention: the PCE do not apply)'],
    });
    expect(result.reason).toMatch(
      /^outside the validated population: known clinical ASCVD .*; missing inputs: totalCholesterol, hdl/,
    );
  });

  it('no ASCVD recorded and no lipids: the lipids are missing', () => {
    const result = scoresFromFhir(noLipids, 'ascvd-pce', at);
    expect(result.reason).toBe('missing inputs: totalCholesterol, hdl');
    expect(result).not.toHaveProperty('outsidePopulation');
  });
});
