import { describe, expect, it } from 'vitest';
import { antihypertensiveClasses, drugClassOf, fillsOf, medicationsOf } from './medications';

const rxnorm = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const concept = (code: string, display: string) => ({
  coding: [{ system: rxnorm, code, display }],
});
const request = (
  id: string,
  code: string,
  display: string,
  authoredOn: string,
  status = 'active',
) => ({
  resourceType: 'MedicationRequest',
  id,
  status,
  intent: 'order',
  medicationCodeableConcept: concept(code, display),
  authoredOn,
});
const dispense = (
  id: string,
  code: string,
  display: string,
  whenHandedOver: string,
  days: number,
) => ({
  resourceType: 'MedicationDispense',
  id,
  status: 'completed',
  medicationCodeableConcept: concept(code, display),
  whenHandedOver,
  daysSupply: { value: days, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
});

describe('Function: drugClassOf', () => {
  it.each([
    ['lisinopril 10 MG Oral Tablet', 'ace-inhibitor'],
    ['losartan potassium 50 MG Oral Tablet', 'arb'],
    ['amlodipine 5 MG Oral Tablet', 'calcium-channel-blocker'],
    ['hydrochlorothiazide 25 MG Oral Tablet', 'thiazide'],
    ['24 HR metoprolol succinate 25 MG Extended Release Oral Tablet', 'beta-blocker'],
    ['glipizide 5 MG Oral Tablet', 'sulfonylurea'],
    ['insulin glargine 100 UNT/ML Injectable Solution', 'insulin'],
    ['sertraline 50 MG Oral Tablet', 'antidepressant'],
    ['metformin hydrochloride 500 MG Oral Tablet', 'other'],
  ])('classifies "%s" as %s', (name, drugClass) => {
    expect(drugClassOf(name)).toBe(drugClass);
  });
});

describe('Function: medicationsOf and fillsOf', () => {
  it('merges requests and dispenses of one RxNorm code and keeps the earliest start', () => {
    // Prepare
    const resources = [
      request('r1', '314076', 'lisinopril 10 MG Oral Tablet', '2025-06-01'),
      dispense('d1', '314076', 'lisinopril 10 MG Oral Tablet', '2025-06-02T10:00:00+01:00', 30),
      dispense('d2', '310490', 'glipizide 5 MG Oral Tablet', '2025-07-01T10:00:00Z', 90),
      request(
        'r2',
        '861007',
        'metformin hydrochloride 500 MG Oral Tablet',
        '2024-01-01',
        'stopped',
      ),
    ];
    // Act
    const meds = medicationsOf(resources);
    const fills = fillsOf(resources);
    // Assess
    expect(meds.map((m) => [m.display, m.drugClass, m.active, m.startedAt, m.resourceIds])).toEqual(
      [
        ['glipizide 5 MG Oral Tablet', 'sulfonylurea', true, '2025-07-01T10:00:00Z', ['d2']],
        ['lisinopril 10 MG Oral Tablet', 'ace-inhibitor', true, '2025-06-01', ['r1', 'd1']],
        ['metformin hydrochloride 500 MG Oral Tablet', 'other', false, '2024-01-01', ['r2']],
      ],
    );
    expect(fills).toEqual([
      { medication: `${rxnorm}|314076`, date: '2025-06-02T10:00:00+01:00', daysSupply: 30 },
      { medication: `${rxnorm}|310490`, date: '2025-07-01T10:00:00Z', daysSupply: 90 },
    ]);
  });
});

// Classes now come from medications/drug-classes.ts; where the old stems and the other tables
// disagreed, the choices below are deliberate (reasons in that module and its tests).
describe('Function: drugClassOf (one drug-class table)', () => {
  it.each([
    // A combination takes the first class in precedence order, as before.
    ['lisinopril 20 MG / hydrochlorothiazide 12.5 MG Oral Tablet', 'thiazide'],
    ['sacubitril 49 MG / valsartan 51 MG Oral Tablet', 'arb'],
    ['moexipril hydrochloride 7.5 MG Oral Tablet', 'ace-inhibitor'],
    ['lercanidipine 10 MG Oral Tablet', 'calcium-channel-blocker'],
    ['bendroflumethiazide 2.5 MG Oral Tablet', 'thiazide'],
    ['sotalol hydrochloride 80 MG Oral Tablet', 'beta-blocker'],
    ['labetalol hydrochloride 100 MG Oral Tablet', 'beta-blocker'],
    ['doxazosin 4 MG Oral Tablet', 'other-antihypertensive'],
    ['amiloride hydrochloride 5 MG Oral Tablet', 'other-antihypertensive'],
    ['tolbutamide 500 MG Oral Tablet', 'sulfonylurea'],
    ['phenelzine 15 MG Oral Tablet', 'antidepressant'],
    ['desvenlafaxine 50 MG Extended Release Oral Tablet', 'antidepressant'],
    ['selegiline hydrochloride 5 MG Oral Capsule', 'other'],
    ['timolol 5 MG/ML Ophthalmic Solution', 'other'],
  ])('classifies "%s" as %s', (name, drugClass) => {
    expect(drugClassOf(name)).toBe(drugClass);
  });

  it('counts the secondary antihypertensives of ACC/AHA 2017 Table 19 as antihypertensive', () => {
    for (const name of ['doxazosin 4 MG', 'clonidine 0.1 MG', 'hydralazine 25 MG', 'aliskiren'])
      expect(antihypertensiveClasses.has(drugClassOf(name))).toBe(true);
    expect(antihypertensiveClasses.has(drugClassOf('timolol 0.5 % Ophthalmic'))).toBe(false);
  });
});
