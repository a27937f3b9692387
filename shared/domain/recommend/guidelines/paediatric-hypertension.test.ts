// Tests (recommend): a child's blood pressure by AAP 2017 (Flynn et al., Pediatrics 2017), through
// recommendFor, against the guideline's own tables.
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { recommendFor } from '../recommend-for';
import {
  bp,
  condition,
  icd,
  observation,
  patient,
  recommendationOn,
  testAt as at,
} from '../patient.testkit';

const height = (cm: number, daysAgo = 10) => observation('8302-2', cm, 'cm', daysAgo);
const hypertensionOf = async (resources: Resource[]) =>
  recommendationOn(await recommendFor({}, { resources, at }), 'hypertension');
// Table 4, a boy of 10 at 141.3 cm (50th height percentile): 90th 112/74, 95th 116/77, 95th + 12
// 128/89, 95th + 30 146/107.
const boy10 = (systolic: number, diastolic: number, extra: Resource[] = []) => [
  patient({ age: 10, sex: 'male' }),
  height(141.3),
  ...bp(systolic, diastolic),
  ...extra,
];

describe('Function: recommendFor — blood pressure in a child (AAP 2017)', () => {
  it('places a boy of 10 at 117/70 in the stage 1 range and asks for a recheck in 1-2 weeks (Table 7)', async () => {
    const htn = (await hypertensionOf(boy10(117, 70)))!;
    expect(htn.guideline).toMatchObject({ version: '2017' });
    expect(htn.guideline.citation).toMatch(/Flynn JT et al\. Pediatrics 2017/);
    expect(htn.summary).toBe(
      'stage 1 hypertension range: mean 117/70 mmHg for a boy of 10 years at the 50th height percentile (90th percentile 112/74, 95th 116/77 mm Hg; Tables 4-5)',
    );
    // Table 7 asks for both (their order is the ranking's).
    expect(htn.options.map((o) => o.label).sort()).toEqual([
      expect.stringMatching(/^Lifestyle counselling: DASH-style diet/),
      'Recheck BP by auscultation in 1-2 weeks',
    ]);
    expect(htn.options.every((o) => o.kind === 'non-drug')).toBe(true);
    expect(htn.notes.join(' ')).toMatch(/a category, not a diagnosis/);
  });

  it('follows Table 7 by category: elevated 6 months, stage 2 within 1 week, none when normal', async () => {
    const elevated = (await hypertensionOf(boy10(113, 70)))!;
    expect(elevated.summary).toMatch(/^elevated blood pressure: mean 113\/70/);
    const recheck = (r: typeof elevated) => r.options.find((o) => o.label.startsWith('Re'))!.label;
    expect(recheck(elevated)).toBe('Recheck BP by auscultation in 6 months');
    const stage2 = (await hypertensionOf(boy10(128, 70)))!;
    expect(stage2.summary).toMatch(/^stage 2 hypertension range/);
    expect(recheck(stage2)).toBe(
      'Recheck and evaluate BP, or refer to specialty care, within 1 week',
    );
    expect(stage2.notes.join(' ')).not.toMatch(/emergency/);
    expect(await hypertensionOf(boy10(111, 73))).toBeUndefined();
  });

  it('says to refer at once more than 30 mm Hg above the 95th percentile', async () => {
    const htn = (await hypertensionOf(boy10(147, 80)))!;
    expect(htn.notes.join(' ')).toMatch(
      /immediate source of care, such as an emergency department/,
    );
    const at146 = (await hypertensionOf(boy10(146, 80)))!;
    expect(at146.notes.join(' ')).not.toMatch(/emergency/);
  });

  it('reads the height column and the sex: the same BP differs for a tall boy and for a girl', async () => {
    // Table 4, age 10, 152.7 cm (95th height percentile): 95th percentile 121/78 -> 117/70 elevated.
    const tall = (await hypertensionOf([
      patient({ age: 10, sex: 'male' }),
      height(153),
      ...bp(117, 70),
    ]))!;
    expect(tall.summary).toMatch(/^elevated blood pressure: .*95th height percentile/);
    // Table 5, a girl of 10 at 141 cm (50th): 90th 112/73, 95th 116/76 -> 112/60 elevated.
    const girl = (await hypertensionOf([
      patient({ age: 10, sex: 'female' }),
      height(141),
      ...bp(112, 60),
    ]))!;
    expect(girl.summary).toMatch(/^elevated blood pressure: mean 112\/60 mmHg for a girl of 10/);
  });

  it('without a recent height, screens by Table 6 and asks for the height', async () => {
    // Table 6, a boy of 10: 108/72.
    const noHeight = (s: number, d: number, heightDaysAgo?: number) => [
      patient({ age: 10, sex: 'male' }),
      ...(heightDaysAgo === undefined ? [] : [height(141.3, heightDaysAgo)]),
      ...bp(s, d),
    ];
    const above = (await hypertensionOf(noHeight(108, 60)))!;
    expect(above.summary).toBe(
      'mean 108/60 mmHg: at or above the Table 6 screening value of 108/72 mmHg; no height of the last 180 days to classify it',
    );
    expect(above.options.map((o) => o.label)).toEqual([
      'Measure height and classify the BP by the AAP 2017 percentile tables',
    ]);
    expect(await hypertensionOf(noHeight(107, 71))).toBeUndefined();
    expect((await hypertensionOf(noHeight(100, 72)))!.summary).toMatch(/at or above the Table 6/);
    // Hypertension on record: the height is asked for even below the screening values.
    const diagnosed = [...noHeight(100, 60), condition(icd.hypertension)];
    expect((await hypertensionOf(diagnosed))!.summary).toMatch(/below the Table 6 screening value/);
    // A height of 200 days ago is too old for a growing child.
    expect((await hypertensionOf(noHeight(117, 70, 200)))!.summary).toMatch(/Table 6/);
    expect((await hypertensionOf(noHeight(117, 70, 170)))!.summary).toMatch(/^stage 1/);
  });

  it('uses the adult-aligned thresholds from 13 years (Table 3), and the adult guideline from 18', async () => {
    const teen = (s: number, d: number) => [patient({ age: 15, sex: 'female' }), ...bp(s, d)];
    expect((await hypertensionOf(teen(124, 70)))!.summary).toMatch(
      /^elevated blood pressure: mean 124\/70 mmHg from 13 years/,
    );
    expect((await hypertensionOf(teen(132, 70)))!.summary).toMatch(/^stage 1 hypertension range/);
    expect((await hypertensionOf(teen(185, 100)))!.notes.join(' ')).toMatch(/above 180\/120/);
    expect((await hypertensionOf(teen(150, 121)))!.notes.join(' ')).toMatch(/above 180\/120/);
    expect((await hypertensionOf(teen(180, 120)))!.notes.join(' ')).not.toMatch(/above 180\/120/);
    // 13 is the first year of the adult-aligned thresholds (Table 3: "aged >=13 y").
    const thirteen = [patient({ age: 13, sex: 'male' }), height(160), ...bp(121, 70)];
    expect((await hypertensionOf(thirteen))!.summary).toMatch(
      /^elevated blood pressure: .*from 13 years/,
    );
    expect(await hypertensionOf(teen(118, 78))).toBeUndefined();
    // At 18 the adult ACC/AHA rule applies (hypertension recorded, stage 2).
    const adult = (await hypertensionOf([
      patient({ age: 18, sex: 'female' }),
      condition(icd.hypertension),
      ...bp(146, 88),
    ]))!;
    expect(adult.guideline.name).toMatch(/^ACC\/AHA/);
  });

  it('gives a child with hypertension on record its treatment goal and the drug classes, without doses', async () => {
    const onRecord = (await hypertensionOf(boy10(110, 70, [condition(icd.hypertension)])))!;
    expect(onRecord.summary).toMatch(/^normal blood pressure: mean 110\/70/);
    expect(onRecord.options).toEqual([]);
    expect(onRecord.notes.join(' ')).toMatch(
      /treatment goal is below the 90th percentile for age, sex and height; .*ACE inhibitor, ARB, long-acting calcium channel blocker or thiazide diuretic/,
    );
    expect(onRecord.inputs.find((i) => i.name === 'hypertension')!.value).toBe(true);
  });

  it('leaves infants and children of unknown sex alone under 13', async () => {
    expect(
      await hypertensionOf([
        patient({ age: 0, months: 8, sex: 'male' }),
        height(70),
        ...bp(120, 80),
      ]),
    ).toBeUndefined();
    const unknownSex = { ...(patient({ age: 10, sex: 'male' }) as object), gender: 'unknown' };
    expect(
      await hypertensionOf([unknownSex as Resource, height(141.3), ...bp(140, 90)]),
    ).toBeUndefined();
  });
});
