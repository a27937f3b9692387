// Unit tests (synth/notes/lexicon): drug names, frequencies and adverse effects as notes write them.
import { describe, expect, it } from 'vitest';
import type { TrueMedication } from '../../model';
import { adverseEffectsOf, frequencyWords, genericName } from './drugs';

const medication = (key: string, display: string): TrueMedication => ({
  key,
  rxnorm: { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1', display },
  indication: 'hypertension',
  doseText: '10 mg',
  doseQuantity: { value: 10, unit: 'mg' },
  route: 'oral',
  start: '2020-01-01',
  adherence: 1,
  dispense: { quantity: 30, daysSupply: 30 },
});

describe('Function: genericName', () => {
  it.each([
    ['lisinopril-10', 'lisinopril 10 MG Oral Tablet', 'lisinopril'],
    [
      'metformin-er-500',
      '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet',
      'metformin',
    ],
    [
      'metoprolol-succinate-25',
      '24 HR metoprolol succinate 25 MG Extended Release Oral Tablet',
      'metoprolol succinate',
    ],
    ['albuterol-hfa', '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', 'albuterol'],
    [
      'sacubitril-valsartan',
      'sacubitril 49 MG / valsartan 51 MG Oral Tablet',
      'sacubitril/valsartan',
    ],
    ['insulin-glargine', 'insulin glargine 100 UNT/ML Injectable Solution', 'insulin glargine'],
    [
      'fluticasone-44',
      'fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler',
      'fluticasone',
    ],
    ['atorvastatin-20', '', 'atorvastatin'],
  ])('names %s as a note would', (key, display, expected) => {
    expect(genericName(medication(key, display))).toBe(expected);
  });
});

describe('Function: frequencyWords', () => {
  it('writes common timings in prose and sig style', () => {
    expect(frequencyWords({ frequency: 2, period: 1, periodUnit: 'd' })[1]).toContain('BID');
    expect(frequencyWords({ frequency: 1, period: 6, periodUnit: 'h' })[1]).toContain('q6h');
    expect(frequencyWords(undefined)[0]).toEqual(['as directed']);
  });
});

describe('Function: adverseEffectsOf', () => {
  it('knows the ACE-inhibitor cough and statin myalgia, and nothing for unknown drugs', () => {
    expect(adverseEffectsOf('lisinopril')).toContain('cough');
    expect(adverseEffectsOf('atorvastatin')).toContain('myalgia');
    expect(adverseEffectsOf('unobtainium')).toEqual([]);
  });
});
