import { describe, expect, it } from 'vitest';
import type { FhirJson } from '../ingest/source-record';
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

describe('Function: medicationsOf (orders that do not ask for the drug, FHIR R4 doNotPerform and intent)', () => {
  it.each([
    { doNotPerform: true },
    { intent: 'proposal' },
    { intent: 'plan' },
    { intent: 'option' },
  ])('neither lists nor activates a request with %o', (extra) => {
    const meds = medicationsOf([
      { ...request('r1', '855332', 'warfarin sodium 5 MG Oral Tablet', '2026-01-01'), ...extra },
    ]);
    expect(meds).toEqual([]);
  });

  it('keeps a drug active by its real order when a "do not perform" request of it also exists', () => {
    const meds = medicationsOf([
      request('r1', '314076', 'lisinopril 10 MG Oral Tablet', '2026-01-01'),
      {
        ...request('r2', '314076', 'lisinopril 10 MG Oral Tablet', '2026-03-01'),
        doNotPerform: true,
      },
    ]);
    expect(meds.map((m) => [m.active, m.startedAt, m.resourceIds])).toEqual([
      [true, '2026-01-01', ['r1']],
    ]);
  });

  it('accepts every order intent (original-order, reflex-order, filler-order, instance-order)', () => {
    for (const intent of ['original-order', 'reflex-order', 'filler-order', 'instance-order'])
      expect(
        medicationsOf([
          { ...request('r1', '314076', 'lisinopril 10 MG Oral Tablet', '2026-01-01'), intent },
        ]).map((m) => m.active),
      ).toEqual([true]);
  });
});

describe('Function: medicationsOf startedAt (the current episode)', () => {
  it('dates a drug restarted after a stopped order from the restart, not the old order', () => {
    const meds = medicationsOf([
      request('old', '314076', 'lisinopril 10 MG Oral Tablet', '2024-01-10', 'stopped'),
      dispense('d0', '314076', 'lisinopril 10 MG Oral Tablet', '2024-01-11', 30),
      request('new', '314076', 'lisinopril 10 MG Oral Tablet', '2026-03-21'),
      request('new2', '314076', 'lisinopril 10 MG Oral Tablet', '2026-03-25'),
    ]);
    expect(meds.map((m) => [m.active, m.startedAt])).toEqual([[true, '2026-03-21']]);
  });

  it('leaves the start unknown when the active order is undated, never an older episode date', () => {
    const undated = { ...request('new', '314076', 'lisinopril 10 MG Oral Tablet', '') };
    delete (undated as { authoredOn?: string }).authoredOn;
    const meds = medicationsOf([
      request('old', '314076', 'lisinopril 10 MG Oral Tablet', '2024-01-10', 'stopped'),
      undated,
    ]);
    expect(meds).toHaveLength(1);
    expect(meds[0]!.active).toBe(true);
    expect(meds[0]!.startedAt).toBeUndefined();
  });
});

describe('Function: medicationsOf and fillsOf (medicationReference)', () => {
  const lisinopril = concept('314076', 'lisinopril 10 MG Oral Tablet');
  const byReference = (
    r: FhirJson & { medicationCodeableConcept?: unknown },
    reference: object,
  ): FhirJson => {
    const { medicationCodeableConcept: _c, ...rest } = r;
    return { ...rest, medicationReference: reference };
  };

  it('resolves a reference to a record Medication, for orders and fills alike', () => {
    const resources = [
      { resourceType: 'Medication', id: 'med1', code: lisinopril },
      byReference(request('r1', '', '', '2026-01-05'), { reference: 'Medication/med1' }),
      ...['2026-01-05', '2026-02-04'].map((d, i) =>
        byReference(dispense(`d${i}`, '', '', d, 30), { reference: 'Medication/med1' }),
      ),
    ];
    expect(
      medicationsOf(resources).map((m) => [m.key, m.drugClass, m.active, m.resourceIds]),
    ).toEqual([[`${rxnorm}|314076`, 'ace-inhibitor', true, ['r1', 'd0', 'd1']]]);
    expect(fillsOf(resources).map((f) => f.medication)).toEqual([
      `${rxnorm}|314076`,
      `${rxnorm}|314076`,
    ]);
  });

  it('resolves a contained Medication ("#id"), and falls back to the reference display', () => {
    const contained = {
      ...byReference(request('r1', '', '', '2026-01-05'), { reference: '#m' }),
      contained: [{ resourceType: 'Medication', id: 'm', code: lisinopril }],
    };
    const displayed = byReference(dispense('d1', '', '', '2026-01-05', 30), {
      display: 'Amlodipine 5 MG Oral Tablet',
    });
    const meds = medicationsOf([contained, displayed]);
    expect(meds.map((m) => [m.key, m.display, m.drugClass])).toEqual([
      ['amlodipine 5 mg oral tablet', 'Amlodipine 5 MG Oral Tablet', 'calcium-channel-blocker'],
      [`${rxnorm}|314076`, 'lisinopril 10 MG Oral Tablet', 'ace-inhibitor'],
    ]);
  });

  it('keeps an order and fills whose reference resolves to nothing, flagged unresolved', () => {
    const resources = [
      byReference(request('r1', '', '', '2026-01-05'), { reference: 'Medication/gone' }),
      byReference(dispense('d1', '', '', '2026-01-05', 30), { reference: 'Medication/gone' }),
    ];
    const meds = medicationsOf(resources);
    expect(meds).toEqual([
      expect.objectContaining({
        key: 'unresolved|Medication/gone',
        drugClass: 'other',
        active: true,
        resourceIds: ['r1', 'd1'],
        unresolved: expect.stringContaining('Medication/gone does not resolve'),
      }),
    ]);
    expect(fillsOf(resources).map((f) => f.medication)).toEqual(['unresolved|Medication/gone']);
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
