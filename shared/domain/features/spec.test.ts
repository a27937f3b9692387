import { describe, expect, it } from 'vitest';
import { extractRawFeatures } from './extract';
import { flagFeatureNames, medicationClasses } from './spec';

const at = new Date('2026-06-01T00:00:00Z');
const request = (id: string, display: string) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'active',
  authoredOn: '2026-01-01',
  medicationCodeableConcept: {
    coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1', display }],
  },
});
const flagsOf = (display: string) => {
  const v = extractRawFeatures([{ resourceType: 'Patient', id: 'p1' }, request('m1', display)], at);
  return Object.entries(v.features)
    .filter(([k, f]) => k.startsWith('medication_') && f.value === 1)
    .map(([k]) => k);
};

describe('Table: medicationClasses (from medications/drug-classes.ts)', () => {
  it('keeps the 19 medication flags in their vector order', () => {
    expect(flagFeatureNames().filter((n) => n.startsWith('medication_'))).toEqual([
      'medication_ace_inhibitor',
      'medication_arb',
      'medication_calcium_channel_blocker',
      'medication_thiazide',
      'medication_beta_blocker',
      'medication_loop_diuretic',
      'medication_statin',
      'medication_biguanide',
      'medication_sulfonylurea',
      'medication_sglt2_inhibitor',
      'medication_glp1_agonist',
      'medication_insulin',
      'medication_anticoagulant',
      'medication_antiplatelet',
      'medication_ssri',
      'medication_inhaled_corticosteroid',
      'medication_short_acting_beta_agonist',
      'medication_proton_pump_inhibitor',
      'medication_opioid',
    ]);
  });

  it.each([
    // Recognised before, unchanged.
    ['lisinopril 10 MG Oral Tablet', ['medication_ace_inhibitor']],
    ['albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', ['medication_short_acting_beta_agonist']],
    ['glibenclamide 5 MG Oral Tablet', ['medication_sulfonylurea']],
    // Added from the adherence and risk tables (see medications/drug-classes.test.ts).
    ['labetalol hydrochloride 100 MG Oral Tablet', ['medication_beta_blocker']],
    ['fluvoxamine maleate 50 MG Oral Tablet', ['medication_ssri']],
    ['acenocoumarol 4 MG Oral Tablet', ['medication_anticoagulant']],
    ['cilostazol 100 MG Oral Tablet', ['medication_antiplatelet']],
    ['metolazone 5 MG Oral Tablet', ['medication_thiazide']],
    // A class with no flag of its own stays unflagged.
    ['spironolactone 25 MG Oral Tablet', []],
    ['timolol 5 MG/ML Ophthalmic Solution', []],
  ])('flags an active "%s" as %j', (display, flags) => {
    expect(flagsOf(display)).toEqual(flags);
  });

  it('names the ATC groups of each class in provenance', () => {
    const atc = Object.fromEntries(medicationClasses.map((c) => [c.key, c.atc]));
    expect(atc.thiazide).toBe('C03A/C03BA');
    expect(atc.anticoagulant).toBe('B01AA/B01AE07/B01AF');
    expect(atc.statin).toBe('C10AA');
  });
});
