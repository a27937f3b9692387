import { describe, expect, it } from 'vitest';
import { paediatricDoses as doses, weightBasedDose } from './paediatric-dosing';
import { bpStage } from './hypertension';
import { statinForRisk } from './lipids';
import { oacIndication } from './anticoagulation';
import { phq9Step } from './mental-health';

describe('Function: weightBasedDose', () => {
  it('gives 45 mg/kg per dose of amoxicillin twice daily (AAP 2013: 90 mg/kg/day) for a 15 kg child', () => {
    expect(weightBasedDose(doses.amoxicillin, 15)).toMatchObject({
      perDoseMg: 675,
      perDayMg: 1350,
    });
  });

  it('caps amoxicillin at 2 g per dose for a 50 kg adolescent', () => {
    expect(weightBasedDose(doses.amoxicillin, 50)).toMatchObject({
      perDoseMg: 2000,
      capped: 'per dose',
    });
  });

  it('caps paracetamol at 1 g per dose and 4 g per day at 70 kg', () => {
    expect(weightBasedDose(doses.paracetamol, 70)).toMatchObject({
      perDoseMg: 1000,
      perDayMg: 4000,
      capped: 'per dose',
    });
  });

  it('keeps ibuprofen within 40 mg/kg/day at 10 mg/kg three times a day', () => {
    const d = weightBasedDose(doses.ibuprofen, 12);
    expect(d).toMatchObject({ perDoseMg: 120, perDayMg: 360 });
  });

  it('states the regimen in mg/kg when no weight is recorded', () => {
    expect(weightBasedDose(doses.cefdinir, undefined)).toMatch(/^7 mg\/kg .*weight needed/);
  });
});

describe('Guideline thresholds at their boundaries', () => {
  it('stages blood pressure by the 2017 ACC/AHA Table 6', () => {
    expect([
      bpStage(129, 79),
      bpStage(130, 79),
      bpStage(139, 89),
      bpStage(139, 90),
      bpStage(140, 70),
    ]).toEqual(['elevated', 'stage 1', 'stage 1', 'stage 2', 'stage 2']);
  });

  it('bands 10-year ASCVD risk at 5, 7.5 and 20 % (2018 AHA/ACC)', () => {
    expect([4.9, 5, 7.4, 7.5, 19.9, 20].map((r) => statinForRisk(r).intensity)).toEqual([
      'none',
      'moderate',
      'moderate',
      'moderate',
      'moderate',
      'high',
    ]);
    expect([4.9, 5, 7.5, 20].map((r) => statinForRisk(r).band)).toEqual([
      'low',
      'borderline',
      'intermediate',
      'high',
    ]);
  });

  it('recommends anticoagulation at CHA2DS2-VASc 2 for men and 3 for women (2023 AF guideline)', () => {
    expect([oacIndication(1, 'male'), oacIndication(2, 'male')]).toEqual([
      'reasonable',
      'recommended',
    ]);
    expect([
      oacIndication(1, 'female'),
      oacIndication(2, 'female'),
      oacIndication(3, 'female'),
    ]).toEqual(['not indicated', 'reasonable', 'recommended']);
  });

  it('steps PHQ-9 at 5, 10, 15 and 20', () => {
    expect([4, 5, 10, 15, 20].map(phq9Step)).toEqual([
      'none',
      'mild',
      'moderate',
      'moderately severe',
      'severe',
    ]);
  });
});
