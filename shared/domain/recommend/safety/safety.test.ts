import { describe, expect, it } from 'vitest';
import {
  allergy,
  condition,
  icd,
  medication,
  observation,
  patient,
  testAt as at,
} from '../patient.testkit';
import { patientFacts } from '../patient-facts';
import { interactionWarnings } from './interactions';
import { drugWarnings } from './check';
import { adverseEventValue } from '../ranking';

const current = (drug: string) => [{ drug, source: `MedicationRequest/${drug}` }];

describe('Function: interactionWarnings', () => {
  it.each([
    ['warfarin', 'ibuprofen', 'major'],
    ['clopidogrel', 'omeprazole', 'major'],
    ['simvastatin', 'clarithromycin', 'contraindicated'],
    ['sertraline', 'phenelzine', 'contraindicated'],
    ['lisinopril', 'spironolactone', 'moderate'],
    ['methotrexate', 'trimethoprim', 'major'],
    ['lisinopril', 'losartan', 'major'],
    ['capecitabine', 'warfarin', 'major'],
    ['azathioprine', 'allopurinol', 'major'],
    ['mercaptopurine', 'allopurinol', 'major'],
    ['tacrolimus', 'clarithromycin', 'major'],
  ])('grades %s + %s as %s, naming the other drug and a source', (drug, other, severity) => {
    const [w] = interactionWarnings(drug, current(other));
    expect(w).toMatchObject({ kind: 'interaction', severity, drug });
    expect(w!.message).toContain(other);
    expect(w!.source.length).toBeGreaterThan(10);
    // Symmetric: the pair is found from either side.
    expect(interactionWarnings(other, current(drug))[0]?.severity).toBe(severity);
  });

  // FDA Drug Safety Communication 2011-06-08 (simvastatin) and the 2012-02-28 statin labelling
  // changes (Mevacor section 4): erythromycin is contraindicated with both; gemfibrozil with
  // simvastatin (contraindicated) but "avoid" (major) with lovastatin.
  it.each([
    ['simvastatin', 'erythromycin', 'contraindicated'],
    ['lovastatin', 'erythromycin', 'contraindicated'],
    ['lovastatin', 'clarithromycin', 'contraindicated'],
    ['simvastatin', 'gemfibrozil', 'contraindicated'],
    ['lovastatin', 'gemfibrozil', 'major'],
    ['atorvastatin', 'gemfibrozil', 'major'],
  ])('grades %s + %s as %s, once, citing the label source', (drug, other, severity) => {
    const warnings = interactionWarnings(drug, current(other));
    expect(warnings).toEqual([expect.objectContaining({ severity })]);
    expect(interactionWarnings(other, current(drug))).toEqual([
      expect.objectContaining({ severity }),
    ]);
    expect(warnings[0]!.source).toMatch(
      drug === 'atorvastatin'
        ? /AHA\/ACC/
        : drug === 'simvastatin'
          ? /FDA Drug Safety Communication 2011-06-08/
          : /Mevacor/,
    );
  });

  it('finds nothing for pantoprazole with clopidogrel (the recommended PPI)', () => {
    expect(interactionWarnings('clopidogrel', current('pantoprazole'))).toEqual([]);
  });
});

describe('Function: drugWarnings', () => {
  const facts = (
    extra: Parameters<typeof patientFacts>[0],
    age = 50,
    sex: 'female' | 'male' = 'male',
  ) => patientFacts([patient({ age, sex }), ...extra], at);

  it('does not carry a sulfonamide antibiotic allergy over to furosemide (no cross-reactivity)', () => {
    const f = facts([allergy('Sulfonamide', 'Rash', '387406002')]);
    expect(drugWarnings('sulfamethoxazole', f)[0]).toMatchObject({
      kind: 'allergy',
      severity: 'contraindicated',
    });
    expect(drugWarnings('furosemide', f)).toEqual([]);
  });

  it('treats eGFR 30-45 as "do not start metformin" and >= 45 as no renal finding', () => {
    const at40 = facts([observation('98979-8', 40, 'mL/min/{1.73_m2}')]);
    expect(drugWarnings('metformin', at40)[0]).toMatchObject({ kind: 'renal', severity: 'major' });
    expect(
      drugWarnings('metformin', facts([observation('98979-8', 45, 'mL/min/{1.73_m2}')])),
    ).toEqual([]);
  });

  it('weighs trastuzumab against heart failure and the LVEF (HERCEPTIN boxed warning, HERA LVEF >= 55 %)', () => {
    const lvef = (value: number) => facts([observation('10230-1', value, '%', 30)], 55, 'female');
    const severity = (f: ReturnType<typeof facts>) =>
      drugWarnings('trastuzumab', f).find((w) => w.kind === 'condition')?.severity;
    expect(severity(lvef(62))).toBeUndefined();
    expect(severity(lvef(55))).toBeUndefined();
    expect(severity(lvef(54))).toBe('moderate');
    expect(severity(lvef(50))).toBe('moderate');
    expect(severity(lvef(49))).toBe('major');
    const withHf = facts([condition(icd.heartFailure, '84114007', '2024-01-01')], 60, 'female');
    expect(severity(withHf)).toBe('major');
    // No LVEF: measure it first.
    const none = drugWarnings('trastuzumab', facts([], 55, 'female'));
    expect(none.find((w) => w.kind === 'condition')).toMatchObject({
      severity: 'caution',
      message: expect.stringMatching(/^no LVEF in the last 2 years/),
    });
  });

  it('withholds trastuzumab on an LVEF fall from the pre-treatment value (HERCEPTIN PI 2.2 worked cases)', () => {
    // On trastuzumab since 2025-01-01 (the order's authoredOn); pre-treatment LVEF 160 days before
    // testAt (2024-12-23), the latest 30 days before it.
    const onTrastuzumab = (baseline: number, latest: number | undefined) =>
      facts(
        [
          medication('trastuzumab 420 MG Injection'),
          observation('10230-1', baseline, '%', 160),
          ...(latest === undefined ? [] : [observation('10230-1', latest, '%', 30)]),
        ],
        52,
        'female',
      );
    const warning = (f: ReturnType<typeof facts>) =>
      drugWarnings('trastuzumab', f).find((w) => w.kind === 'condition');
    // A fall of 16 points or more, whatever the value.
    expect(warning(onTrastuzumab(62, 46))).toMatchObject({
      severity: 'major',
      message: expect.stringMatching(
        /^withhold trastuzumab for at least 4 weeks: LVEF 46 %.*16 points below the pre-treatment 62 %.*a fall of 16 or more/,
      ),
    });
    expect(warning(onTrastuzumab(70, 54))?.severity).toBe('major');
    // Below the lower limit of normal (50 %) with a fall of 10 or more.
    expect(warning(onTrastuzumab(60, 45))).toMatchObject({
      severity: 'major',
      message: expect.stringMatching(
        /15 points below the pre-treatment 60 %.*below 50 % with a fall of 10 or more/,
      ),
    });
    expect(warning(onTrastuzumab(59, 49))?.message).toMatch(/^withhold/);
    // Within the limits: continue, and the pre-treatment entry criterion (55 %) no longer applies.
    expect(warning(onTrastuzumab(62, 51))).toBeUndefined(); // fall 11, not below normal
    expect(warning(onTrastuzumab(58, 49))).toBeUndefined(); // below normal, fall 9
    expect(warning(onTrastuzumab(65, 50))).toBeUndefined(); // fall 15, at normal
    // Only the pre-treatment reading: the pre-treatment checks, as for a proposed drug.
    expect(warning(onTrastuzumab(53, undefined))?.severity).toBe('moderate');
    // Not taking trastuzumab: a low LVEF is the entry criterion's concern, not a fall.
    const notOn = facts(
      [observation('10230-1', 62, '%', 160), observation('10230-1', 46, '%', 30)],
      52,
      'female',
    );
    expect(warning(notOn)?.message).toMatch(/below the 55 % the adjuvant trials required/);
  });

  it('asks for an eGFR when a renally dosed drug has none', () => {
    expect(drugWarnings('metformin', facts([]))[0]).toMatchObject({
      kind: 'missing-data',
      severity: 'caution',
    });
  });

  it('asks no healthy child for an eGFR before ibuprofen, but a child with CKD', () => {
    const missing = (f: ReturnType<typeof facts>) =>
      drugWarnings('ibuprofen', f).filter((w) => w.kind === 'missing-data');
    expect(missing(facts([], 4))).toEqual([]);
    expect(missing(facts([condition('N18.3')], 4))).toHaveLength(1);
    expect(missing(facts([], 18))).toHaveLength(1);
  });

  it('applies Beers 2023 to glyburide at 65 but not at 64', () => {
    expect(drugWarnings('glyburide', facts([], 65)).map((w) => w.kind)).toContain('age');
    expect(drugWarnings('glyburide', facts([], 64)).map((w) => w.kind)).not.toContain('age');
  });

  it('flags a second statin as duplicate therapy', () => {
    const f = facts([medication('simvastatin 20 MG Oral Tablet')]);
    expect(drugWarnings('atorvastatin', f)).toContainEqual(
      expect.objectContaining({ kind: 'duplicate', severity: 'major' }),
    );
    expect(drugWarnings('atorvastatin', f, [], ['simvastatin'])).toEqual([]);
  });

  it('contraindicates a DOAC with a mechanical heart valve', () => {
    const f = facts([condition('Z95.2')]);
    expect(drugWarnings('apixaban', f)[0]).toMatchObject({
      kind: 'condition',
      severity: 'contraindicated',
    });
  });

  it('contraindicates ibuprofen under 6 months and aspirin under 16 years', () => {
    const infant = patientFacts([patient({ age: 0, months: 4, sex: 'female' })], at);
    expect(drugWarnings('ibuprofen', infant)[0]).toMatchObject({
      kind: 'age',
      severity: 'contraindicated',
    });
    expect(drugWarnings('aspirin', facts([], 15))[0]).toMatchObject({
      kind: 'age',
      severity: 'contraindicated',
    });
    expect(
      drugWarnings(
        'aspirin',
        facts(
          [icd.hypertension].map((c) => condition(c)),
          16,
        ),
      ),
    ).toEqual([]);
  });
});

describe('Function: adverseEventValue', () => {
  it('is 1 without warnings, 0 with a contraindication, and lower with more warnings', () => {
    const w = (severity: 'major' | 'contraindicated') => ({
      kind: 'renal' as const,
      severity,
      drug: 'x',
      message: 'm',
      source: 's',
    });
    expect(adverseEventValue([])).toBe(1);
    expect(adverseEventValue([w('contraindicated')])).toBe(0);
    expect(adverseEventValue([w('major'), w('major')])).toBeLessThan(
      adverseEventValue([w('major')]),
    );
  });
});

describe('Function: pgxFit', () => {
  it('reads CPIC "desired starting dose" as standard dosing and "avoid" as a conflict', async () => {
    const { pgxFit } = await import('./check');
    const { pgxProfile } = await import('../../pgx/profile');
    const { genomeGenotypes } = await import('../../pgx/genotypes.testkit');
    const normal = patientFacts([patient({ age: 50, sex: 'male' })], at, {
      pgx: pgxProfile(genomeGenotypes()),
    });
    expect(pgxFit('atorvastatin', normal)).toMatchObject({ value: 1 });
    const poor = patientFacts([patient({ age: 50, sex: 'male' })], at, {
      pgx: pgxProfile(genomeGenotypes({ CYP2C19: ['*2', '*2'] })),
    });
    expect(pgxFit('clopidogrel', poor)).toMatchObject({ value: 0, warning: { severity: 'major' } });
  });
});
