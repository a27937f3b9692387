// Tests (recommend/guidelines): heart-failure GDMT by LVEF category, read against the 2022
// AHA/ACC/HFSA guideline's recommendations (sections 2.3, 7.3.1-7.3.4, 7.7.1, 7.8).
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { recommendFor } from '../recommend-for';
import type { RecommendationReport } from '../model';
import {
  condition,
  icd,
  loinc,
  medication,
  observation,
  patient,
  testAt as at,
} from '../patient.testkit';
import { lvefCategory } from '../../risk/lvef';

const hf = (lvef: number | undefined, ...rest: Resource[]) => [
  patient({ age: 68, sex: 'male' }),
  condition(icd.heartFailure, '84114007', '2024-01-01'),
  ...(lvef === undefined ? [] : [observation(loinc.lvef, lvef, '%', 30)]),
  observation(loinc.egfr, 65, 'mL/min/{1.73_m2}'),
  ...rest,
];
const hfReport = async (resources: Resource[]) => {
  const report = await recommendFor({}, { resources, at });
  return { report, rec: report.recommendations.find((r) => r.topic === 'heart-failure') };
};
const optionsOf = (rec: RecommendationReport['recommendations'][number] | undefined) =>
  rec?.options.map((o) => o.drugs.map((d) => d.drug).join('+')) ?? [];

describe('Function: lvefCategory (2022 AHA/ACC/HFSA section 2, classification by LVEF)', () => {
  it('HFrEF at 40 % and below, HFmrEF 41-49 %, HFpEF from 50 %', () => {
    expect([25, 40, 41, 49, 50, 65].map(lvefCategory)).toEqual([
      'HFrEF',
      'HFrEF',
      'HFmrEF',
      'HFmrEF',
      'HFpEF',
      'HFpEF',
    ]);
  });
});

describe('Function: recommendFor — heart failure (2022 AHA/ACC/HFSA)', () => {
  it('HFrEF on lisinopril and metoprolol tartrate: switch to an ARNi, an evidence-based beta blocker, an MRA and an SGLT2 inhibitor', async () => {
    // Act
    const { rec } = await hfReport(
      hf(
        30,
        medication('lisinopril 10 MG Oral Tablet'),
        medication('metoprolol tartrate 25 MG Oral Tablet'),
        observation(loinc.potassium, 4.2, 'mmol/L'),
      ),
    );
    // Assess
    // On lisinopril: the RAS class, named as a class (not "taking ARNi").
    expect(rec!.summary).toBe(
      'HFrEF (LVEF 30 %); taking renin-angiotensin blockade (ARNi, ACE inhibitor or ARB)',
    );
    const arni = rec!.options.find((o) => o.drugs[0]!.drug === 'sacubitril')!;
    expect(arni).toMatchObject({ strength: 'strong', evidence: 'B-R' });
    expect(arni.rationale).toMatch(/36 hours/);
    // The switch replaces lisinopril: no ACE inhibitor interaction is held against it.
    expect(arni.warnings.filter((w) => w.kind === 'interaction')).toEqual([]);
    expect(optionsOf(rec)).toEqual(
      expect.arrayContaining([
        'carvedilol',
        'bisoprolol',
        'metoprolol',
        'spironolactone',
        'eplerenone',
        'dapagliflozin',
        'empagliflozin',
      ]),
    );
    expect(optionsOf(rec)).not.toContain('lisinopril');
    expect(rec!.notes.join(' ')).toMatch(/metoprolol without "succinate"/);
    for (const o of rec!.options) expect(o.source).toMatch(/Heidenreich PA/);
  });

  it('proposes nothing to a patient with HFrEF on all four classes', async () => {
    const { rec } = await hfReport(
      hf(
        35,
        medication('sacubitril 49 MG / valsartan 51 MG Oral Tablet'),
        medication('carvedilol 12.5 MG Oral Tablet'),
        medication('spironolactone 25 MG Oral Tablet'),
        medication('dapagliflozin 10 MG Oral Tablet'),
      ),
    );
    expect(rec).toBeUndefined();
  });

  it('offers no MRA at potassium 5.3 (COR 3: Harm above 5.0), and says why', async () => {
    const { rec } = await hfReport(
      hf(
        30,
        medication('sacubitril 49 MG / valsartan 51 MG Oral Tablet'),
        observation(loinc.potassium, 5.3, 'mmol/L'),
      ),
    );
    expect(optionsOf(rec)).not.toContain('spironolactone');
    expect(optionsOf(rec)).not.toContain('eplerenone');
    expect(rec!.notes.join(' ')).toMatch(/potassium 5\.3/);
  });

  it('HFpEF (LVEF 60 %): an SGLT2 inhibitor (2a), an MRA or ARNi only weakly (2b), no beta blocker for HF', async () => {
    const { rec } = await hfReport(hf(60, observation(loinc.potassium, 4.4, 'mmol/L')));
    const sglt2 = rec!.options.find((o) => o.drugs[0]!.drug === 'dapagliflozin')!;
    expect(sglt2).toMatchObject({ strength: 'moderate', evidence: 'B-R' });
    expect(rec!.options.find((o) => o.drugs[0]!.drug === 'spironolactone')).toMatchObject({
      strength: 'weak',
    });
    expect(optionsOf(rec)).not.toContain('carvedilol');
    // 7.8 grades an ARNi or an ARB (candesartan) in HFpEF, not an ACE inhibitor.
    expect(optionsOf(rec)).toEqual(expect.arrayContaining(['sacubitril+valsartan', 'candesartan']));
    expect(optionsOf(rec)).not.toContain('lisinopril');
  });

  it('reads LVEF from the echo report’s method-specific LOINC codes, never from a range’s lower limit', async () => {
    const coded = (code: string, value: number, daysAgo: number) => [
      patient({ age: 68, sex: 'male' }),
      condition(icd.heartFailure, '84114007', '2024-01-01'),
      observation(code, value, '%', daysAgo),
    ];
    // 18043-0 "LVEF by US", 77891-0 "by US.2D+Calculated by Teichholz method", 77889-4 "by
    // US.M-mode+Calculated by cube method", 104255-5 "by US.3D.A3C+Estimated".
    for (const code of ['18043-0', '77891-0', '77889-4', '104255-5']) {
      const { rec } = await hfReport(coded(code, 32, 30));
      expect(rec!.summary, code).toMatch(/^HFrEF \(LVEF 32 %\)/);
    }
    // An improvement across codes: 10230-1 two years ago, 18043-0 now.
    const { rec: improved } = await hfReport([
      ...coded('18043-0', 46, 30),
      observation(loinc.lvef, 33, '%', 800),
    ]);
    expect(improved!.summary).toMatch(/^HFimpEF \(LVEF 46 %, lowest 33 %\)/);
    // 104258-9 is "Left ventricular Ejection fraction - lower limit by US.2D.A2C+Estimated".
    const { rec: bound } = await hfReport(coded('104258-9', 32, 30));
    expect(bound!.summary).toMatch(/LVEF not recorded/);
  });

  it('HFimpEF (LVEF 30 % two years ago, 45 % now): continues all four HFrEF classes (section 7.7.2, COR 1)', async () => {
    const { rec } = await hfReport([
      ...hf(
        45,
        medication('carvedilol 12.5 MG Oral Tablet'),
        observation(loinc.potassium, 4.1, 'mmol/L'),
      ),
      observation(loinc.lvef, 30, '%', 800),
    ]);
    expect(rec!.summary).toMatch(/^HFimpEF \(LVEF 45 %, lowest 30 %\)/);
    const sglt2 = rec!.options.find((o) => o.drugs[0]!.drug === 'dapagliflozin')!;
    expect(sglt2).toMatchObject({ strength: 'strong', evidence: 'B-R' });
    expect(optionsOf(rec)).toEqual(
      expect.arrayContaining(['sacubitril+valsartan', 'spironolactone']),
    );
    // Read as HFmrEF (its latest LVEF alone), the same patient would get only weak MRA and RAS options.
    const { rec: mr } = await hfReport(
      hf(
        45,
        medication('carvedilol 12.5 MG Oral Tablet'),
        observation(loinc.potassium, 4.1, 'mmol/L'),
      ),
    );
    expect(mr!.summary).toMatch(/^HFmrEF/);
    expect(mr!.options.find((o) => o.drugs[0]!.drug === 'spironolactone')).toMatchObject({
      strength: 'weak',
    });
  });

  it('knows heart failure recorded as SNOMED CT chronic congestive heart failure alone (88805009, as Synthea writes it)', async () => {
    const [person, , ...rest] = hf(30, observation(loinc.potassium, 4.0, 'mmol/L'));
    const chronicChf = {
      ...(condition(icd.heartFailure) as Extract<Resource, { resourceType: 'Condition' }>),
      code: { coding: [{ system: 'http://snomed.info/sct', code: '88805009' }] },
    };
    const { rec } = await hfReport([person!, chronicChf, ...rest]);
    expect(rec!.summary).toMatch(/^HFrEF \(LVEF 30 %\)/);
  });

  it('without an LVEF proposes only the SGLT2 inhibitor and asks for an echocardiogram', async () => {
    const { report, rec } = await hfReport(hf(undefined));
    expect(optionsOf(rec).sort()).toEqual(['dapagliflozin', 'empagliflozin']);
    expect(rec!.notes.join(' ')).toMatch(/echocardiogram/);
    expect(report.missing).toContain('LVEF');
  });

  describe('without an LVEF, the phenotype of a coded diagnosis (ICD-10-CM I50.2-/I50.3- inclusion terms)', () => {
    const coded = (icd10: string | undefined, snomed: string | undefined, lvef?: number) => {
      const [person, , ...rest] = hf(lvef, observation(loinc.potassium, 4.1, 'mmol/L'));
      const hfCondition = condition(icd10 ?? icd.heartFailure, snomed) as Extract<
        Resource,
        { resourceType: 'Condition' }
      >;
      // SNOMED CT alone when no ICD-10-CM code is given.
      if (!icd10) hfCondition.code!.coding = hfCondition.code!.coding!.slice(1);
      return [person!, hfCondition, ...rest];
    };

    it('I50.22 chronic systolic HF (HFrEF): all four HFrEF classes, each COR 1, and an echo to confirm', async () => {
      const { report, rec } = await hfReport(coded('I50.22', undefined));
      expect(rec!.summary).toBe(
        'HFrEF (coded diagnosis, LVEF not recorded); taking none of the guideline classes',
      );
      expect(optionsOf(rec)).toEqual(
        expect.arrayContaining([
          'sacubitril+valsartan',
          'carvedilol',
          'spironolactone',
          'dapagliflozin',
        ]),
      );
      const sglt2 = rec!.options.find((o) => o.drugs[0]!.drug === 'dapagliflozin')!;
      expect(sglt2).toMatchObject({ strength: 'strong', evidence: 'A' });
      expect(rec!.notes.join(' ')).toMatch(
        /HFrEF is the coded diagnosis \(Condition\/cond-\d+ onset 2024-01-01\); an echocardiogram confirms/,
      );
      expect(rec!.notes.join(' ')).toMatch(/taken together/);
      expect(report.missing).toContain('LVEF');
    });

    it('SNOMED CT 703272007 alone (HF with reduced EF) is heart failure, and HFrEF', async () => {
      const { rec } = await hfReport(coded(undefined, '703272007'));
      expect(rec!.summary).toMatch(/^HFrEF \(coded diagnosis/);
    });

    it('I50.32 chronic diastolic HF (HFpEF): the SGLT2 inhibitor 2a, no beta blocker and no ACE inhibitor', async () => {
      const { rec } = await hfReport(coded('I50.32', '446221000'));
      expect(rec!.summary).toMatch(/^HFpEF \(coded diagnosis/);
      expect(rec!.options.find((o) => o.drugs[0]!.drug === 'dapagliflozin')).toMatchObject({
        strength: 'moderate',
        evidence: 'B-R',
      });
      expect(optionsOf(rec)).not.toContain('carvedilol');
      expect(optionsOf(rec)).not.toContain('lisinopril');
      expect(optionsOf(rec)).toContain('candesartan');
    });

    it('a recorded LVEF decides over the code: I50.22 with LVEF 60 % is HFpEF', async () => {
      const { rec } = await hfReport(coded('I50.22', undefined, 60));
      expect(rec!.summary).toMatch(/^HFpEF \(LVEF 60 %\)/);
    });

    it('both phenotypes coded: no category, only the SGLT2 inhibitor, and says why', async () => {
      const [person, hfCondition, ...rest] = coded('I50.22', undefined);
      const { rec } = await hfReport([person!, hfCondition!, condition('I50.32'), ...rest]);
      expect(rec!.summary).toMatch(/^heart failure, LVEF not recorded/);
      expect(optionsOf(rec).sort()).toEqual(['dapagliflozin', 'empagliflozin']);
      expect(rec!.notes.join(' ')).toMatch(/both reduced and preserved/);
    });
  });

  it('flags sacubitril/valsartan taken with an ACE inhibitor as contraindicated (Entresto PI section 4)', async () => {
    const { report } = await hfReport(
      hf(
        30,
        medication('sacubitril 49 MG / valsartan 51 MG Oral Tablet'),
        medication('lisinopril 10 MG Oral Tablet'),
      ),
    );
    const alert = report.medicationReview.find((a) => a.drug === 'sacubitril')!;
    expect(alert.warnings).toContainEqual(
      expect.objectContaining({ kind: 'interaction', severity: 'contraindicated' }),
    );
  });
});
