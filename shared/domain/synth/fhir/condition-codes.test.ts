// Tests (synth/fhir): ICD-10-CM codes follow what the truth knows (generator 1.16.0): CKD by stage,
// hypertensive CKD / heart disease and diabetic CKD as combination codes (ICD-10-CM Official
// Guidelines for Coding and Reporting FY2024 I.C.14.a.1, I.C.9.a.1-3, I.A.15; FY2025 tabular list),
// and every module that reads conditions still recognises them.
import type { Condition } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { conditionFlags } from '../../features/spec';
import { conditionCodes } from '../../risk/fhir/clinical-codes';
import { matchesCodes } from '../../risk/fhir/patient-record';
import { recordedCodes } from '../catalog';
import { renderCohortPatient } from '../cohort';
import type { TrueCondition } from '../model';

/** ICD-10-CM FY2025: N18.- by KDIGO G stage (N18.6 is ESRD on dialysis, not modelled). */
const stageCode: Record<string, string> = {
  '1': 'N18.1',
  '2': 'N18.2',
  '3a': 'N18.31',
  '3b': 'N18.32',
  '4': 'N18.4',
  '5': 'N18.5',
};

/** The ICD-10-CM code the guidelines give a condition of this patient (undefined: not checked). */
function expectedIcd10(c: TrueCondition, all: readonly TrueCondition[]): string | undefined {
  const ckd = all.find((x) => x.key === 'ckd');
  const hf = all.some((x) => x.key === 'heart-failure');
  const stage5 = ckd?.severity === '5';
  if (c.key === 'ckd') return stageCode[c.severity!];
  if (c.key === 'hypertension') {
    if (ckd && hf) return stage5 ? 'I13.2' : 'I13.0';
    if (ckd) return stage5 ? 'I12.0' : 'I12.9';
    return hf ? 'I11.0' : 'I10';
  }
  if (c.key === 'type2-diabetes') return ckd ? 'E11.22' : 'E11.9';
  return undefined;
}

const flag = (key: string) => {
  const f = conditionFlags.find((x) => x.key === key)!;
  return { label: key, snomed: f.snomed, icd10: f.icd10 };
};
const featureFlagOf: Partial<Record<TrueCondition['key'], string>> = {
  hypertension: 'hypertension',
  ckd: 'ckd',
  'type2-diabetes': 'type2_diabetes',
  'heart-failure': 'heart_failure',
};

describe('Function: renderPatientResources — ICD-10-CM of CKD, hypertension and diabetes (1.16.0)', () => {
  it('codes CKD by its stage, hypertension and type 2 diabetes with CKD or heart failure as combinations, all still recognised', () => {
    // Arrange: patients 0-399 of seed 7
    const options = { seed: 7, patients: 400, hospital: 'test', dirtyRate: 0, asOf: '2026-01-01' };
    const seen = new Map<string, number>();
    for (let index = 0; index < options.patients; index++) {
      // Act
      const rendered = renderCohortPatient(options, index);
      const truth = rendered.patient.conditions;
      const resources = (rendered.ndjson.get('Condition.ndjson') ?? []).map(
        (line) => JSON.parse(String(line)) as Condition,
      );

      // Assess: the resources are the truth's conditions in order
      expect(resources.length).toBe(truth.length);
      truth.forEach((c, i) => {
        const resource = resources[i]!;
        const [snomed, icd] = resource.code!.coding!;
        const expected = expectedIcd10(c, truth);
        if (expected === undefined) return;
        expect(icd!.system).toBe('http://hl7.org/fhir/sid/icd-10-cm');
        expect(icd!.code, `${c.key} ${c.severity ?? ''} of patient ${index}`).toBe(expected);
        seen.set(expected, (seen.get(expected) ?? 0) + 1);
        // SNOMED CT is unchanged
        expect(snomed!.code).toBe(
          { hypertension: '38341003', ckd: '709044004', 'type2-diabetes': '44054006' }[
            c.key as 'ckd'
          ],
        );
        // ...and the feature flags, the risk scores and the recommender still recognise it
        expect(matchesCodes(resource.code, flag(featureFlagOf[c.key]!))).toBe(true);
        if (c.key === 'hypertension')
          expect(matchesCodes(resource.code, conditionCodes.hypertension)).toBe(true);
        if (c.key === 'type2-diabetes')
          expect(matchesCodes(resource.code, conditionCodes.type2Diabetes)).toBe(true);
        if (c.key === 'ckd')
          expect(matchesCodes(resource.code, conditionCodes.chronicKidneyDisease3to5)).toBe(
            !['1', '2'].includes(c.severity!),
          );
      });
      // The heart failure's own I50.- entry is kept beside I11.0 / I13.- ("use additional code").
      if (truth.some((c) => c.key === 'heart-failure'))
        expect(
          resources.some((r) => r.code!.coding![1]!.code!.startsWith('I50')),
          `patient ${index}`,
        ).toBe(true);
    }
    // The cohort has every stage 1-4 and each combination but stage 5 (0.5-3% of CKD; below).
    for (const code of ['N18.1', 'N18.2', 'N18.31', 'N18.32', 'N18.4', 'I12.9', 'I11.0', 'I13.0'])
      expect(seen.get(code), code).toBeGreaterThan(0);
    expect(seen.get('E11.22')).toBeGreaterThan(5);
    expect(seen.get('I10')).toBeGreaterThan(50);
    expect(seen.get('E11.9')).toBeGreaterThan(5);
  });
});

describe('Function: recordedCodes', () => {
  const htn: TrueCondition = { key: 'hypertension', onset: '2010-01-01', status: 'active' };
  const t2d: TrueCondition = { key: 'type2-diabetes', onset: '2012-01-01', status: 'active' };
  const ckd5: TrueCondition = { key: 'ckd', onset: '2020-01-01', status: 'active', severity: '5' };
  const hf: TrueCondition = {
    key: 'heart-failure',
    onset: '2021-01-01',
    status: 'active',
    severity: 'HFrEF',
  };

  it('gives stage 5 CKD N18.5 and the stage 5 combinations I12.0 and I13.2', () => {
    expect(recordedCodes(ckd5, [htn, ckd5]).icd10.code).toBe('N18.5');
    expect(recordedCodes(htn, [htn, ckd5]).icd10.code).toBe('I12.0');
    expect(recordedCodes(htn, [htn, ckd5, hf]).icd10.code).toBe('I13.2');
    expect(recordedCodes(t2d, [t2d, ckd5]).icd10.code).toBe('E11.22');
    expect(recordedCodes(hf, [htn, ckd5, hf]).icd10.code).toBe('I50.22');
  });

  it('keeps the unspecified codes without a stage or a second condition', () => {
    const unstaged: TrueCondition = { key: 'ckd', onset: '2020-01-01', status: 'active' };
    expect(recordedCodes(unstaged, [unstaged]).icd10.code).toBe('N18.9');
    expect(recordedCodes(htn, [htn, t2d]).icd10.code).toBe('I10');
    expect(recordedCodes(t2d, [t2d, htn, hf]).icd10.code).toBe('E11.9');
    expect(recordedCodes(htn, [htn, unstaged]).icd10.code).toBe('I12.9');
    expect(recordedCodes(htn, [htn, { ...ckd5, status: 'resolved' }]).icd10.code).toBe('I10');
    expect(recordedCodes(htn, [htn, ckd5, hf]).snomed.code).toBe('38341003');
  });
});
