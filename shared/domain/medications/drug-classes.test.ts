import { describe, expect, it } from 'vitest';
import { drugs as seedDrugs } from '../kg/seed/concepts';
import { cpicDrugs } from '../pgx/cpic-recommendations';
import { cardiometabolicDrugs } from '../nlp/vocabulary/drugs-cardiometabolic';
import {
  oncologyAndOtherDrugs,
  respiratoryAndMentalHealthDrugs,
} from '../nlp/vocabulary/drugs-general';
import {
  canonicalIngredient,
  classesOfIngredient,
  drugClassDefinitions,
  ingredientCatalog,
  ingredientNamed,
  ingredientsNamedIn,
  ingredientsOfClass,
  isInClass,
  namesOfClass,
  wholeWordPattern,
  type DrugClassKey,
} from './drug-classes';

const classKeys = Object.keys(drugClassDefinitions) as DrugClassKey[];

describe('Table: the drug-class catalog', () => {
  it('gives every class at least one ingredient and every ingredient at least one class', () => {
    // Act
    const empty = classKeys.filter((cls) => ingredientsOfClass(cls).length === 0);
    const classless = ingredientCatalog.filter((i) => i.classes.length === 0);
    // Assess
    expect(empty).toEqual([]);
    expect(classless).toEqual([]);
  });

  it('only includes classes it defines, and lists every name once in lower case', () => {
    const included = classKeys.flatMap((k) => [
      ...((drugClassDefinitions[k] as { includes?: readonly string[] }).includes ?? []),
    ]);
    expect(included.filter((k) => !classKeys.includes(k as DrugClassKey))).toEqual([]);
    const names = ingredientCatalog.flatMap((i) => [i.name, ...i.synonyms]);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n !== n.toLowerCase())).toEqual([]);
  });

  it('records the same RxNorm RXCUI as the NLP vocabulary and the knowledge-graph seed', () => {
    // Prepare: every RXCUI the other project tables record, by any of their names.
    const recorded = new Map<string, string>();
    for (const c of [
      ...cardiometabolicDrugs,
      ...respiratoryAndMentalHealthDrugs,
      ...oncologyAndOtherDrugs,
    ])
      if (c.codes.rxnorm) for (const s of c.synonyms) recorded.set(s.toLowerCase(), c.codes.rxnorm);
    for (const d of Object.values(seedDrugs))
      if (d.codes.rxnorm) recorded.set(d.label.toLowerCase(), d.codes.rxnorm);
    // Act
    const disagreeing = ingredientCatalog.filter((i) =>
      [i.name, ...i.synonyms].some((n) => recorded.has(n) && recorded.get(n) !== i.rxnorm),
    );
    // Assess
    expect(disagreeing.map((i) => [i.name, i.rxnorm])).toEqual([]);
    expect(ingredientCatalog.filter((i) => i.rxnorm).length).toBeGreaterThan(80);
  });

  it('knows every drug of the encoded CPIC guidelines, so a genotype can bear on what a patient takes', () => {
    // A drug the catalog does not know is never an ingredient of a medication, and so never meets
    // its CPIC recommendation in a medication review (capecitabine and DPYD, azathioprine and TPMT...).
    const unknown = cpicDrugs().filter((d) => ingredientNamed(d)?.name !== d);
    expect(unknown).toEqual([]);
    expect(ingredientsNamedIn('capecitabine 500 MG Oral Tablet')).toEqual(['capecitabine']);
    expect(ingredientsNamedIn('5-fluorouracil 50 MG/ML Injectable Solution')).toEqual([
      'fluorouracil',
    ]);
    expect(classesOfIngredient('tioguanine')).toEqual(['thiopurine']);
  });
});

describe('Function: classesOfIngredient', () => {
  it('adds the composite classes an ingredient falls under through `includes`', () => {
    expect(classesOfIngredient('spironolactone')).toEqual([
      'antihypertensive',
      'mineralocorticoid_antagonist',
      'potassium_sparing_diuretic',
    ]);
    expect(classesOfIngredient('clopidogrel')).toEqual(['antiplatelet', 'p2y12_inhibitor']);
    expect(classesOfIngredient('warfarin')).toEqual(['anticoagulant', 'vitamin_k_antagonist']);
  });

  it('resolves synonyms and ignores case, and knows nothing of an unknown name', () => {
    expect(classesOfIngredient('Albuterol')).toEqual(['short_acting_beta_agonist']);
    expect(canonicalIngredient('Glibenclamide')).toBe('glyburide');
    expect(canonicalIngredient('acetaminophen')).toBe('paracetamol');
    expect(classesOfIngredient('unobtainium')).toEqual([]);
  });
});

// Where the three tables this module replaces disagreed, the choice made and why (ATC: WHO ATC/DDD
// Index 2025; ACC/AHA 2017 hypertension guideline Tables 18-19).
describe('Decisions: ingredients the old tables disagreed on', () => {
  it.each<[string, DrugClassKey, string]>([
    ['trandolapril', 'ace_inhibitor', 'risk list only; ATC C09AA10'],
    ['moexipril', 'ace_inhibitor', 'adherence -pril stem only; ATC C09AA13'],
    ['azilsartan', 'arb', 'risk list only; ATC C09CA09'],
    ['eprosartan', 'arb', 'adherence -sartan stem only; ATC C09CA02'],
    ['nicardipine', 'calcium_channel_blocker', 'adherence only; ATC C08CA04'],
    ['isradipine', 'calcium_channel_blocker', 'adherence only; ATC C08CA03'],
    ['lercanidipine', 'calcium_channel_blocker', 'risk only; ATC C08CA13'],
    ['metolazone', 'thiazide', 'adherence and risk, not features; thiazide-like, Table 18'],
    ['chlorothiazide', 'thiazide', 'adherence only; ATC C03AA04'],
    ['bendroflumethiazide', 'thiazide', 'risk only; ATC C03AA01'],
    ['labetalol', 'beta_blocker', 'recommend had it only as alpha-beta blocker; ATC C07AG01'],
    ['nadolol', 'beta_blocker', 'adherence stem and risk, not features; ATC C07AA12'],
    ['sotalol', 'beta_blocker', 'no table named it (-alol escapes the -olol stem); ATC C07AA07'],
    ['tolbutamide', 'sulfonylurea', 'adherence only; ATC A10BB03'],
    ['fluvoxamine', 'ssri', 'adherence and recommend, not features; ATC N06AB08'],
    ['desvenlafaxine', 'snri', 'adherence only; an SNRI (N06AX23) for the serotonin rules'],
    ['phenelzine', 'antidepressant', 'recommend MAOI only; ATC N06AF03, APA 2010 Table 4'],
    ['acenocoumarol', 'anticoagulant', 'risk VKA only; ATC B01AA07'],
    ['dipyridamole', 'antiplatelet', 'risk only; ATC B01AC07'],
    ['cilostazol', 'antiplatelet', 'risk only; ATC B01AC23'],
    ['etodolac', 'nsaid', 'risk only; ATC M01AB08'],
    ['vardenafil', 'pde5_inhibitor', 'risk ED list only; ATC G04BE09'],
    ['doxazosin', 'antihypertensive', 'risk only; alpha-1 blocker, Table 19'],
    ['amiloride', 'antihypertensive', 'risk and recommend, not adherence; Table 19'],
  ])('puts %s in %s (%s)', (drug, cls) => {
    expect(isInClass(drug, cls)).toBe(true);
  });

  it('leaves out the beta blockers prescribed as eye drops (timolol), which the -olol stem matched', () => {
    // Ophthalmic timolol (S01ED01) does not treat hypertension and no consumer reads the route.
    expect(classesOfIngredient('timolol')).toEqual([]);
    expect(ingredientsNamedIn('timolol 5 MG/ML Ophthalmic Solution')).toEqual([]);
  });

  it('keeps MAO inhibitors used outside depression out of the antidepressants', () => {
    expect(isInClass('selegiline', 'maoi')).toBe(true);
    expect(isInClass('linezolid', 'maoi')).toBe(true);
    expect(isInClass('selegiline', 'antidepressant')).toBe(false);
    expect(isInClass('linezolid', 'antidepressant')).toBe(false);
  });

  it('keeps alprostadil an erectile dysfunction treatment but not a PDE5 inhibitor', () => {
    expect(isInClass('alprostadil', 'erectile_dysfunction_treatment')).toBe(true);
    expect(isInClass('alprostadil', 'pde5_inhibitor')).toBe(false);
  });
});

describe('Function: ingredientsNamedIn', () => {
  it('finds each ingredient of a combination product as a whole word', () => {
    expect(
      ingredientsNamedIn('lisinopril 20 MG / hydrochlorothiazide 12.5 MG Oral Tablet'),
    ).toEqual(['hydrochlorothiazide', 'lisinopril']);
    expect(ingredientsNamedIn('sacubitril 49 MG / valsartan 51 MG Oral Tablet')).toEqual([
      'sacubitril',
      'valsartan',
    ]);
    expect(classesOfIngredient('sacubitril')).toEqual(['arni']);
  });

  it('does not match an ingredient inside a longer word', () => {
    expect(ingredientsNamedIn('enalaprilat 1.25 MG/ML Injectable Solution')).toEqual([]);
    expect(wholeWordPattern(namesOfClass('insulin')).test('insulinoma')).toBe(false);
  });
});
