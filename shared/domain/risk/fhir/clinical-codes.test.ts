import type { MedicationRequest } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { drugClasses } from './clinical-codes';
import { patientRecord } from './patient-record';
import { fromMedication } from './provide';

const at = new Date('2026-01-01T00:00:00Z');
const request = (id: string, display: string, atc?: string): MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  authoredOn: '2025-06-01',
  medicationCodeableConcept: {
    coding: atc
      ? [{ system: 'http://www.whocc.no/atc', code: atc }]
      : [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1', display }],
  },
});
const on = (display: string, cls: keyof typeof drugClasses, atc?: string) =>
  fromMedication(patientRecord([request('m1', display, atc)], at), drugClasses[cls]).value;

describe('Table: drugClasses (risk inputs from the one drug-class table)', () => {
  it.each([
    // Listed before: unchanged.
    ['lisinopril 10 MG Oral Tablet', 'antihypertensive'],
    ['doxazosin 4 MG Oral Tablet', 'antihypertensive'],
    ['warfarin sodium 5 MG Oral Tablet', 'vitaminKAntagonist'],
    ['olanzapine 10 MG Oral Tablet', 'atypicalAntipsychotic'],
    ['alprostadil 20 MCG Injectable Solution', 'erectileDysfunctionTreatment'],
    ['naproxen 500 MG Oral Tablet', 'antiplateletOrNsaid'],
    // Only the adherence table knew these; treated hypertension now counts them too.
    ['nicardipine 20 MG Oral Capsule', 'antihypertensive'],
    ['eprosartan 600 MG Oral Tablet', 'antihypertensive'],
    ['chlorothiazide 500 MG Oral Tablet', 'antihypertensive'],
  ] as const)('counts an active "%s" as %s', (display, cls) => {
    expect(on(display, cls)).toBe(true);
  });

  it('does not count eye-drop timolol as treated hypertension', () => {
    expect(on('timolol 5 MG/ML Ophthalmic Solution', 'antihypertensive')).toBe(false);
  });

  it('still matches an ATC-coded medicine by group prefix', () => {
    expect(on('', 'antihypertensive', 'C07AA07')).toBe(true);
    expect(on('', 'antiplateletOrNsaid', 'M01AE01')).toBe(true);
    expect(on('', 'vitaminKAntagonist', 'B01AF01')).toBe(false);
  });

  it('needs an oral form for "regular oral corticosteroid" (QRISK3)', () => {
    expect(on('prednisolone 5 MG Oral Tablet', 'oralCorticosteroid')).toBe(true);
    expect(on('hydrocortisone 10 MG/ML Topical Cream', 'oralCorticosteroid')).toBe(false);
  });

  it('says what it looked for when nothing matches', () => {
    const none = fromMedication(patientRecord([], at), drugClasses.antihypertensive);
    expect(none).toEqual({
      value: false,
      source: 'no active antihypertensive MedicationRequest/MedicationStatement',
    });
  });
});
