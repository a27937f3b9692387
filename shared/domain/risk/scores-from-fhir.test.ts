import { readFileSync } from 'node:fs';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { ckdEpi2021 } from './ckd-epi-2021';
import { pooledCohortRisk } from './pooled-cohort';
import { scoresFromFhir } from './scores-from-fhir';

// A small synthetic record (fixtures/adult-bundle.json): a white woman born 1969-03-01 with AF and
// treated hypertension, cholesterol in mmol/L, creatinine in µmol/L, temperature in °F, vitals the
// morning of 2024-06-01, an HDL entered in error and one recorded after the scoring date.
const bundle = JSON.parse(
  readFileSync(new URL('./fixtures/adult-bundle.json', import.meta.url), 'utf8'),
) as Bundle;
const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
const at = new Date('2024-06-01T12:00:00Z');
const input = (result: ReturnType<typeof scoresFromFhir>, name: string) =>
  result.inputs.find((i) => i.name === name);

describe('Function: scoresFromFhir', () => {
  it('computes the PCE from LOINC-coded observations, converting mmol/L and citing every source', () => {
    // Act
    const result = scoresFromFhir(resources, 'ascvd-pce', at);
    // Assess
    const expected = pooledCohortRisk({
      age: 55,
      sex: 'female',
      africanAmerican: false,
      totalCholesterol: 5.5 * 38.67,
      hdl: 55,
      systolic: 142,
      treatedForHypertension: true,
      smoker: false,
      diabetes: false,
    });
    expect(result.value).toBe(Math.round(expected * 1000) / 10);
    expect(result.missing).toEqual([]);
    expect(input(result, 'totalCholesterol')).toMatchObject({ value: 5.5 * 38.67, unit: 'mg/dL' });
    expect(input(result, 'totalCholesterol')?.source).toMatch(
      /^Observation\/tc-1 2024-03-10 \(83 d old\)/,
    );
    expect(input(result, 'hdl')?.source).toMatch(/Observation\/hdl-1/);
    expect(input(result, 'systolic')).toMatchObject({ value: 142 });
    expect(input(result, 'treatedForHypertension')).toMatchObject({
      value: true,
      source: 'MedicationRequest/mr-1 2015-06-01',
    });
    expect(input(result, 'diabetes')?.source).toMatch(/no active Condition coded as diabetes/);
  });

  it('ignores data recorded after the scoring date', () => {
    const later = scoresFromFhir(resources, 'ascvd-pce', new Date('2024-07-02T00:00:00Z'));
    expect(input(later, 'hdl')?.source).toMatch(/Observation\/hdl-future/);
  });

  it('scores CHA2DS2-VASc from ICD-10 and SNOMED conditions', () => {
    const result = scoresFromFhir(resources, 'cha2ds2-vasc', at);
    expect(result).toMatchObject({ value: 2, category: 'moderate', applicable: true });
    expect(input(result, 'atrialFibrillation')?.source).toMatch(/Condition\/af-1/);
  });

  it('gives CHA2DS2-VASc its C point for heart failure coded by SNOMED CT alone: chronic congestive (88805009, as Synthea writes it) or HFrEF (703272007)', () => {
    const before = scoresFromFhir(resources, 'cha2ds2-vasc', at);
    for (const code of ['88805009', '703272007']) {
      const hf = {
        resourceType: 'Condition',
        id: `hf-${code}`,
        subject: { reference: 'Patient/p1' },
        clinicalStatus: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
          ],
        },
        code: { coding: [{ system: 'http://snomed.info/sct', code }] },
        onsetDateTime: '2020-01-01',
      } as Resource;
      const result = scoresFromFhir([...resources, hf], 'cha2ds2-vasc', at);
      expect(result.value).toBe(before.value! + 1);
      expect(input(result, 'heartFailure')?.source).toMatch(new RegExp(`Condition/hf-${code}`));
    }
  });

  it('scores HAS-BLED in AF, and marks it not applicable once the AF condition is gone', () => {
    // Arrange: the same record without its AF condition.
    const withoutAf = resources.filter((r) => !(r.resourceType === 'Condition' && r.id === 'af-1'));
    // Act
    const inAf = scoresFromFhir(resources, 'has-bled', at);
    const noAf = scoresFromFhir(withoutAf, 'has-bled', at);
    // Assess: the value is still given; only its applicability changes.
    expect(inAf).toMatchObject({ applicable: true });
    expect(input(inAf, 'atrialFibrillation')?.source).toMatch(/Condition\/af-1/);
    expect(noAf).toMatchObject({ value: inAf.value, applicable: false });
    expect(noAf.reason).toMatch(/no atrial fibrillation recorded/);
  });

  describe('HAS-BLED abnormal renal function from creatinine (Pisters 2010: ≥ 200 µmol/L)', () => {
    /** The fixture's creatinine (cr-1, 2024-05-20) as `quantity`, `daysOld` days before `at`. */
    const withCreatinine = (quantity: Record<string, unknown>, daysOld = 12) =>
      resources.map((r) =>
        r.id === 'cr-1' && r.resourceType === 'Observation'
          ? {
              ...r,
              effectiveDateTime: new Date(at.getTime() - daysOld * 86_400_000).toISOString(),
              valueQuantity: quantity,
            }
          : r,
      );
    const renal = (quantity: Record<string, unknown>, daysOld?: number) =>
      scoresFromFhir(withCreatinine(quantity, daysOld), 'has-bled', at);

    it.each([
      // [value, printed unit (no UCUM code), abnormal]
      [80, 'µmol/L', false], // U+00B5 micro sign
      [80, 'μmol/L', false], // U+03BC Greek mu
      [80, 'umol/L', false],
      [199, 'µmol/L', false],
      [200, 'μmol/L', true],
      [0.2, 'mmol/L', true],
      [2.2, 'mg/dL', false],
      [2.3, 'mg/dL', true],
      [22, 'mg/L', false], // 2.2 mg/dL (1 dL = 0.1 L)
      [30, 'mg/L', true], // 3.0 mg/dL ≈ 265 µmol/L
    ])('%s %s with no UCUM code: abnormal %s', (value, unit, abnormal) => {
      const result = renal({ value, unit });
      expect(input(result, 'abnormalRenalFunction')).toMatchObject({ value: abnormal });
      expect(input(result, 'abnormalRenalFunction')?.source).toMatch(/Observation\/cr-1/);
      expect(result.reason ?? '').not.toMatch(/unusable/);
    });

    it('refuses a creatinine unit it cannot convert, naming the field, and reports the criterion missing (never "not recorded")', () => {
      const result = renal({ value: 250, unit: 'mg/(24.h)' });
      expect(result.reason).toMatch(
        /unusable inputs: abnormalRenalFunction: creatinine unit "mg\/\(24\.h\)" is not accepted; use mg\/dL, umol\/L or mmol\/L or mg\/L/,
      );
      // The record holds a creatinine that may score the point: no HAS-BLED total is given.
      expect(result.missing).toEqual(['abnormalRenalFunction']);
      expect(result).toMatchObject({ value: null, applicable: false });
      expect(result.reason).toMatch(/missing inputs: abnormalRenalFunction/);
      expect(input(result, 'abnormalRenalFunction')).toBeUndefined();
      expect(JSON.stringify(result.inputs)).not.toMatch(/not recorded/);
    });

    it('flags a creatinine older than 90 days (maxAgeDays.creatinine) as stale', () => {
      expect(renal({ value: 250, unit: 'µmol/L' }, 120).stale).toContain('abnormalRenalFunction');
      expect(renal({ value: 250, unit: 'µmol/L' }, 30).stale).not.toContain(
        'abnormalRenalFunction',
      );
    });
  });

  it('converts creatinine in µmol/L for CKD-EPI 2021', () => {
    const result = scoresFromFhir(resources, 'egfr-ckd-epi-2021', at);
    expect(result.value).toBe(Math.round(ckdEpi2021(88 / 88.4, 55, 'female')));
  });

  it("scores NEWS2 from this morning's vitals, with °F converted", () => {
    // RR 23 → 2, SpO2 94 → 1, air → 0, SBP 142 → 0, pulse 112 → 2, alert → 0, 101.3 °F = 38.5 °C → 1.
    const result = scoresFromFhir(resources, 'news2', at);
    expect(result).toMatchObject({
      value: 6,
      category: 'medium',
      applicable: true,
      missing: [],
      stale: [],
    });
  });

  it('treats vitals older than 24 hours as stale and missing for NEWS2', () => {
    const result = scoresFromFhir(resources, 'news2', new Date('2024-06-03T12:00:00Z'));
    expect(result.stale).toContain('respiratoryRate');
    expect(result.missing).toContain('respiratoryRate');
    expect(result.value).toBeNull();
    expect(result.applicable).toBe(false);
  });

  it('uses a PHQ-9 total from the last 2 weeks and flags an older GAD-7 as stale', () => {
    expect(scoresFromFhir(resources, 'phq9', at)).toMatchObject({
      value: 12,
      category: 'moderate',
      stale: [],
    });
    const gad7 = scoresFromFhir(resources, 'gad7', at);
    expect(gad7).toMatchObject({ value: 11, stale: ['total'] });
    expect(gad7.reason).toMatch(/stale inputs: total/);
  });

  it('computes QRISK3 with the SD of recent systolic readings and a computed cholesterol ratio', () => {
    const result = scoresFromFhir(resources, 'qrisk3', at);
    expect(result.missing).toEqual([]);
    expect(input(result, 'systolicSd')?.value).toBeCloseTo(Math.SQRT2 * 4, 6);
    expect(input(result, 'cholesterolHdlRatio')?.value).toBeCloseTo((5.5 * 38.67) / 55, 6);
    expect(input(result, 'ethnicity')?.value).toBe('white');
  });

  it('reports what FINDRISC needs but the record does not hold, with the points it allows', () => {
    const result = scoresFromFhir(resources, 'findrisc', at);
    expect(result.missing).toEqual([
      'waist',
      'physicallyActive',
      'dailyFruitVegetables',
      'familyHistory',
    ]);
    // Age 55 (3), BMI 27.4 (1), lisinopril (2), no high glucose (0); the missing items add up to
    // 4 + 2 + 1 + 5: between 6 (low) and 18 (high), so no band.
    expect(result).toMatchObject({ value: 6, applicable: false });
    expect(result.category).toBeUndefined();
    expect(result.reason).toMatch(/points are a lower bound, at most 18 with them/);
  });

  it('reads FINDRISC waist and physical activity (Exercise Vital Sign) from observations', () => {
    // Arrange
    const obs = (id: string, code: string, value: number, unit: string, date: string) =>
      ({
        resourceType: 'Observation',
        id,
        status: 'final',
        subject: { reference: 'Patient/p1' },
        code: { coding: [{ system: 'http://loinc.org', code }] },
        effectiveDateTime: date,
        valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
      }) as Resource;
    const measured = [
      ...resources,
      obs('waist-1', '8280-0', 33.9, '[in_i]', '2024-05-01'),
      obs('evs-days', '89555-7', 3, 'd/wk', '2024-05-01'),
      obs('evs-min', '68516-4', 40, 'min/d', '2024-05-01'),
    ];
    // Act
    const paired = scoresFromFhir(measured, 'findrisc', at);
    const weekly = scoresFromFhir(
      [...measured, obs('evs-week', '82290-8', 240, 'min/wk', '2024-05-20')],
      'findrisc',
      at,
    );
    const hours = scoresFromFhir(
      [...measured, obs('evs-week', '82290-8', 4, 'h/wk', '2024-05-20')],
      'findrisc',
      at,
    );
    // Assess: 33.9 in = 86.1 cm, a woman's 80-88 band (3); 3 d x 40 min = 120 min/wk is inactive (2).
    expect(input(paired, 'waist')?.value).toBeCloseTo(86.106, 3);
    expect(input(paired, 'physicallyActive')).toMatchObject({ value: false });
    expect(input(paired, 'physicallyActive')?.source).toMatch(
      /3 d\/wk x .* 40 min\/d = 120 min\/wk/,
    );
    expect(paired).toMatchObject({ value: 11, missing: ['dailyFruitVegetables', 'familyHistory'] });
    expect(paired.reason).toMatch(/at most 17 with them/);
    // The newer minutes-a-week answer wins: 240 >= 210 is active.
    expect(input(weekly, 'physicallyActive')).toMatchObject({ value: true });
    expect(weekly.value).toBe(9);
    // A unit the Exercise Vital Sign does not use is not guessed at.
    expect(hours.missing).toContain('physicallyActive');
    // No days of exercise needs no minutes: inactive.
    const none = scoresFromFhir(
      [...resources, obs('evs-none', '89555-7', 0, 'd/wk', '2024-05-25')],
      'findrisc',
      at,
    );
    expect(input(none, 'physicallyActive')).toMatchObject({ value: false });
    expect(input(none, 'physicallyActive')?.source).toMatch(/Observation\/evs-none .* 0 d\/wk/);
  });

  it('reports an observation in a unit it cannot convert instead of guessing', () => {
    const odd = resources.map((r) =>
      r.id === 'cr-1' && r.resourceType === 'Observation'
        ? { ...r, valueQuantity: { value: 1, unit: 'g/L', code: 'g/L' } }
        : r,
    );
    const result = scoresFromFhir(odd, 'egfr-ckd-epi-2021', at);
    expect(result.missing).toEqual(['creatinine']);
    expect(result.reason).toMatch(/unusable inputs: creatinine: unit "g\/L" is not accepted/);
  });

  describe('PHQ-9 item 9 answered with a LOINC answer code (LL358-3)', () => {
    const patient = resources.find((r) => r.resourceType === 'Patient')!;
    const item9 = (value: Record<string, unknown>, id = 'item9'): Resource =>
      ({
        resourceType: 'Observation',
        id,
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '44260-8' }] },
        effectiveDateTime: '2024-05-30',
        ...value,
      }) as Resource;
    const phq9 = (...items: Resource[]) =>
      scoresFromFhir(
        [
          patient,
          {
            resourceType: 'Observation',
            id: 'phq9',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
            effectiveDateTime: '2024-05-30',
            valueInteger: 8,
          } as Resource,
          ...items,
        ],
        'phq9',
        at,
      );
    const answer = (code: string, display: string) => ({
      valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code, display }] },
    });

    it.each([
      ['LA6568-5', 'Not at all', 0],
      ['LA6569-3', 'Several days', 1],
      ['LA6570-1', 'More than half the days', 2],
      ['LA6571-9', 'Nearly every day', 3],
    ])('scores %s (%s) as %s', (code, display, points) => {
      const result = phq9(item9(answer(code, display)));
      expect(input(result, 'item9')).toMatchObject({ value: points });
      expect(input(result, 'item9')?.source).toMatch(/Observation\/item9 2024-05-30/);
      if (points > 0) expect(result.reason).toMatch(/item 9 positive: assess risk of self-harm/);
      else expect(result.reason ?? '').not.toMatch(/item 9/);
    });

    it('flags total 8 with item 9 "Nearly every day" for a self-harm assessment', () => {
      const result = phq9(item9(answer('LA6571-9', 'Nearly every day')));
      expect(result).toMatchObject({ value: 8, category: 'mild', applicable: true });
      expect(result.reason).toMatch(/item 9 positive: assess risk of self-harm/);
    });

    it('still reads a numeric item 9', () => {
      expect(input(phq9(item9({ valueInteger: 2 })), 'item9')).toMatchObject({ value: 2 });
    });

    it('says when item 9 is recorded but cannot be read, and still gives the total', () => {
      const result = phq9(
        item9({ valueCodeableConcept: { text: 'sometimes' } }),
        item9({ valueInteger: 0 }, 'older'),
      );
      expect(result).toMatchObject({ value: 8, applicable: true });
      expect(input(result, 'item9')).toBeUndefined();
      expect(result.missing).toEqual([]);
      expect(result.reason).toMatch(
        /unusable inputs: item9: PHQ-9 item 9 \(thoughts of self-harm, LOINC 44260-8\) is recorded but cannot be read \(answer sometimes is not one of LA6568-5, LA6569-3, LA6570-1, LA6571-9\)/,
      );
    });
  });

  it('counts a completed antihypertensive course for FINDRISC ("ever taken ... regularly")', () => {
    const patient = resources.find((r) => r.resourceType === 'Patient')!;
    const amlodipine = {
      medicationCodeableConcept: {
        coding: [{ system: 'http://www.whocc.no/atc', code: 'C08CA01', display: 'amlodipine' }],
      },
      subject: { reference: 'Patient/p1' },
    };
    const findrisc = (...meds: Resource[]) => scoresFromFhir([patient, ...meds], 'findrisc', at);
    const past = findrisc({
      resourceType: 'MedicationRequest',
      id: 'mr-old',
      status: 'completed',
      intent: 'order',
      authoredOn: '2019-01-01',
      ...amlodipine,
    } as Resource);
    expect(input(past, 'antihypertensiveMedication')).toMatchObject({
      value: true,
      source: 'MedicationRequest/mr-old 2019-01-01 (completed)',
    });
    const statement = findrisc({
      resourceType: 'MedicationStatement',
      id: 'ms-old',
      status: 'stopped',
      effectiveDateTime: '2018-03-01',
      ...amlodipine,
    } as Resource);
    expect(input(statement, 'antihypertensiveMedication')).toMatchObject({
      value: true,
      source: 'MedicationStatement/ms-old 2018-03-01 (stopped)',
    });
    const none = findrisc({
      resourceType: 'MedicationStatement',
      id: 'ms-no',
      status: 'not-taken',
      effectiveDateTime: '2018-03-01',
      ...amlodipine,
    } as Resource);
    expect(input(none, 'antihypertensiveMedication')).toMatchObject({ value: false });
  });

  it('reads QRISK3 diabetes as type 1 when both types are coded, naming the conflict', () => {
    const condition = (id: string, code: string): Resource =>
      ({
        resourceType: 'Condition',
        id,
        code: { coding: [{ system: 'http://snomed.info/sct', code }] },
      }) as Resource;
    const result = scoresFromFhir(
      [...resources, condition('t1', '46635009'), condition('t2', '44054006')],
      'qrisk3',
      at,
    );
    expect(input(result, 'type1Diabetes')).toMatchObject({ value: true });
    expect(input(result, 'type2Diabetes')).toMatchObject({ value: false });
    expect(input(result, 'type2Diabetes')?.source).toMatch(/Condition\/t2.*not used/);
    expect(result.reason).toMatch(
      /type 1 \(Condition\/t1\) and type 2 diabetes \(Condition\/t2\) are both coded; QRISK3 takes one diabetes status: type 1 used/,
    );
    const type1Only = scoresFromFhir([...resources, condition('t1', '46635009')], 'qrisk3', at);
    expect(result.value).not.toBeNull();
    expect(result.value).toBe(type1Only.value);
  });

  it('needs a Patient', () => {
    expect(() =>
      scoresFromFhir(
        resources.filter((r) => r.resourceType !== 'Patient'),
        'bmi',
        at,
      ),
    ).toThrow(/no Patient/);
  });
});

describe('PHQ-9 item 9 recorded without a total', () => {
  const patient = {
    resourceType: 'Patient',
    id: 'p1',
    birthDate: '1970-01-01',
    gender: 'female',
  } as Resource;
  const item9 = (date: string): Resource =>
    ({
      resourceType: 'Observation',
      id: 'item9',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '44260-8' }] },
      effectiveDateTime: date,
      valueInteger: 2,
    }) as Resource;

  it('names a current positive item 9 first, ahead of the missing total', () => {
    const result = scoresFromFhir([patient, item9('2024-05-30')], 'phq9', at);
    expect(result.stale).toEqual([]);
    expect(result.reason).toBe('item 9 positive: assess risk of self-harm; missing inputs: total');
  });

  it('asks for a stale positive item 9 again rather than reporting it as current', () => {
    const result = scoresFromFhir([patient, item9('2023-05-01')], 'phq9', at);
    expect(result.stale).toEqual(['item9']);
    expect(result.reason).toBe(
      'item 9 was positive in a stale answer: ask item 9 again; missing inputs: total; stale inputs: item9',
    );
  });
});
