import { describe, expect, it } from 'vitest';
import { catalogDrugs, classesOf, inClass, ingredientsIn } from './drugs';
import { interactionWarnings } from './safety/interactions';

const current = (drug: string) => [{ drug, source: `MedicationRequest/${drug}` }];

describe('Function: the recommender catalog (from medications/drug-classes.ts)', () => {
  it('resolves the US and INN names to one catalog name', () => {
    expect(ingredientsIn('Acetaminophen 500 MG / albuterol')).toEqual([
      'paracetamol',
      'salbutamol',
    ]);
    expect(ingredientsIn('co-trimoxazole 960 mg')).toEqual(['sulfamethoxazole', 'trimethoprim']);
    expect(classesOf('glibenclamide')).toEqual(['sulfonylurea']);
  });

  it('answers false for a class the table does not define', () => {
    expect(inClass('fluoxetine', 'ssri_extra')).toBe(false);
    expect(inClass('fluoxetine', 'ssri')).toBe(true);
  });

  it('knows the drugs only the risk and adherence tables knew before', () => {
    expect(catalogDrugs()).toEqual(expect.arrayContaining(['olanzapine', 'prednisolone']));
    expect(ingredientsIn('doxazosin 4 MG Oral Tablet')).toEqual(['doxazosin']);
  });
});

describe('Decisions: safety rules that now see drugs the old catalog missed', () => {
  it.each([
    // desvenlafaxine: an SNRI (N06AX23) only the adherence table listed.
    ['desvenlafaxine', 'phenelzine', 'contraindicated'],
    // vardenafil: a PDE5 inhibitor (G04BE09) only the risk table listed.
    ['vardenafil', 'nitroglycerin', 'contraindicated'],
    // etodolac: an NSAID (M01AB08) only the risk table listed.
    ['etodolac', 'lithium', 'major'],
    // metolazone: thiazide-like (C03BA08), missing from the feature spec's thiazides.
    ['metolazone', 'lithium', 'major'],
  ])('grades %s + %s as %s', (drug, other, severity) => {
    expect(interactionWarnings(drug, current(other))[0]).toMatchObject({ severity, drug });
  });

  it('does not treat alprostadil like a PDE5 inhibitor with a nitrate', () => {
    expect(interactionWarnings('alprostadil', current('nitroglycerin'))).toEqual([]);
  });

  it('counts labetalol as a beta blocker (C07AG01), not only an alpha-beta blocker', () => {
    expect(classesOf('labetalol')).toEqual(
      expect.arrayContaining(['alpha_beta_blocker', 'beta_blocker']),
    );
  });
});
