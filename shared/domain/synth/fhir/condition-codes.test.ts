// Tests (synth/fhir): ICD-10-CM codes follow what the truth knows (generator 1.16.0): CKD by stage,
// hypertensive CKD / heart disease and diabetic CKD as combination codes (ICD-10-CM Official
// Guidelines for Coding and Reporting FY2024 I.C.14.a.1, I.C.9.a.1-3, I.A.15; FY2025 tabular list),
// and every module that reads conditions still recognises them.
import type { Condition } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { conditionFlags } from '../../features/spec';
import { conditionCodes } from '../../risk/fhir/clinical-codes';
import { matchesCodes } from '../../risk/fhir/patient-record';
import { recordedCodes, recordedEntries } from '../catalog';
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

/**
 * The ICD-10-CM code the guidelines give a condition of this patient, with the conditions diagnosed
 * by `by` (YYYY-MM-DD; undefined: at the export), or undefined: not checked.
 */
function expectedIcd10(
  c: TrueCondition,
  all: readonly TrueCondition[],
  by?: string,
): string | undefined {
  const known = all.filter((x) => by === undefined || x.onset <= by);
  const ckd = known.find((x) => x.key === 'ckd');
  const hf = known.some((x) => x.key === 'heart-failure');
  const stage5 = ckd?.severity === '5';
  if (c.key === 'ckd') return stageCode[c.severity!];
  if (c.key === 'hypertension') {
    if (ckd && hf) return stage5 ? 'I13.2' : 'I13.0';
    if (ckd) return stage5 ? 'I12.0' : 'I12.9';
    return hf ? 'I11.0' : 'I10';
  }
  if (c.key === 'type2-diabetes') return ckd ? 'E11.22' : 'E11.9';
  if (c.key === 'type1-diabetes') return ckd ? 'E10.22' : 'E10.9';
  // ICD-10-CM FY2024 J45.20-J45.50 (uncomplicated) by NAEPP severity; F32.1 / F32.2 by PHQ-9 band.
  if (c.key === 'asthma')
    return (
      {
        intermittent: 'J45.20',
        'mild persistent': 'J45.30',
        'moderate persistent': 'J45.40',
        'severe persistent': 'J45.50',
      }[c.severity ?? ''] ?? 'J45.909'
    );
  if (c.key === 'depression')
    return (
      { moderate: 'F32.1', 'moderately severe': 'F32.2', severe: 'F32.2' }[c.severity ?? ''] ??
      'F32.9'
    );
  return undefined;
}

/** The conditions a combination code names beside the coded one. */
function componentsOf(code: string, all: readonly TrueCondition[]): TrueCondition[] {
  const keys: TrueCondition['key'][] = code.startsWith('I13')
    ? ['ckd', 'heart-failure']
    : code.startsWith('I11')
      ? ['heart-failure']
      : ['ckd'];
  return keys.map((k) => all.find((x) => x.key === k)!);
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
    let combinations = 0;
    let later = 0;
    for (let index = 0; index < options.patients; index++) {
      // Act
      const rendered = renderCohortPatient(options, index);
      const truth = rendered.patient.conditions;
      const resources = (rendered.ndjson.get('Condition.ndjson') ?? []).map(
        (line) => JSON.parse(String(line)) as Condition,
      );

      // Assess: the first resources are the truth's conditions in order, each coded as at its
      // onset; then one combination entry per condition whose combination code began later.
      const expectedCombinations = truth.flatMap((c) => {
        const atExport = expectedIcd10(c, truth);
        return atExport !== undefined && atExport !== expectedIcd10(c, truth, c.onset)
          ? [{ c, code: atExport }]
          : [];
      });
      expect(resources.length).toBe(truth.length + expectedCombinations.length);
      truth.forEach((c, i) => {
        const resource = resources[i]!;
        expect(resource.onsetDateTime).toBe(c.onset);
        const [snomed, icd] = resource.code!.coding!;
        const expected = expectedIcd10(c, truth, c.onset);
        if (expected === undefined) return;
        expect(icd!.system).toBe('http://hl7.org/fhir/sid/icd-10-cm');
        expect(icd!.code, `${c.key} ${c.severity ?? ''} of patient ${index}`).toBe(expected);
        seen.set(expected, (seen.get(expected) ?? 0) + 1);
        if (!featureFlagOf[c.key]) return;
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
      // A combination entry begins when its last component does: never before either (1.17.0).
      expectedCombinations.forEach(({ c, code }, j) => {
        const resource = resources[truth.length + j]!;
        const [snomed, icd] = resource.code!.coding!;
        expect(icd!.code, `patient ${index}`).toBe(code);
        expect(snomed!.code).toBe(resources[truth.indexOf(c)]!.code!.coding![0]!.code);
        const onsets = [c, ...componentsOf(code, truth)].map((x) => x.onset);
        const latest = onsets.reduce((a, b) => (a > b ? a : b));
        expect(resource.onsetDateTime, `${code} of patient ${index}`).toBe(latest);
        for (const onset of onsets) expect(resource.onsetDateTime! >= onset).toBe(true);
        expect(resource.clinicalStatus!.coding![0]!.code).toBe(c.status);
        if (c.key === 'hypertension')
          expect(matchesCodes(resource.code, conditionCodes.hypertension)).toBe(true);
        seen.set(code, (seen.get(code) ?? 0) + 1);
        combinations++;
        if (latest > c.onset) later++;
      });
      // Every combination-coded Condition (I11-I13, E1x.22) of the export begins no earlier than
      // each of its components' own entries (the N18.- and I50.- Conditions).
      for (const r of resources) {
        const code = r.code!.coding![1]!.code!;
        if (!/^(I1[123]|E1[01]\.22)/.test(code)) continue;
        const own = truth.find(
          (c) =>
            c.key ===
            (code.startsWith('E10')
              ? 'type1-diabetes'
              : code.startsWith('E11')
                ? 'type2-diabetes'
                : 'hypertension'),
        )!;
        for (const part of [own, ...componentsOf(code, truth)])
          expect(r.onsetDateTime! >= part.onset, `${code} of patient ${index}`).toBe(true);
      }
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
    // Most combinations began after the hypertension or diabetes did, so get an entry of their own.
    expect(combinations).toBeGreaterThan(20);
    expect(later).toBe(combinations);
  });
});

describe('Function: renderPatientResources — ICD-10-CM of asthma and depression by severity (1.17.0)', () => {
  it('codes asthma J45.20-J45.50 and depression F32.1/F32.2 by the true severity, SNOMED CT the catalog concept', () => {
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
      // Assess
      truth.forEach((c, i) => {
        if (c.key !== 'asthma' && c.key !== 'depression') return;
        const [snomed, icd] = resources[i]!.code!.coding!;
        const expected = expectedIcd10(c, truth)!;
        expect(icd!.code, `${c.key} ${c.severity} of patient ${index}`).toBe(expected);
        expect(snomed!.code).toBe(c.key === 'asthma' ? '195967001' : '370143000');
        seen.set(`${c.severity} ${expected}`, (seen.get(`${c.severity} ${expected}`) ?? 0) + 1);
        // The feature flag still reads it; QRISK3 reads moderate and severe depression as SMI.
        expect(matchesCodes(resources[i]!.code, flag(c.key))).toBe(true);
        if (c.key === 'depression')
          expect(matchesCodes(resources[i]!.code, conditionCodes.severeMentalIllness)).toBe(true);
      });
    }
    for (const pair of [
      'intermittent J45.20',
      'mild persistent J45.30',
      'moderate persistent J45.40',
      'moderate F32.1',
      'moderately severe F32.2',
      'severe F32.2',
    ])
      expect(seen.get(pair), pair).toBeGreaterThan(0);
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

  it('codes asthma and depression by severity, the unspecified code without one', () => {
    const asthma = (severity?: string): TrueCondition => ({
      key: 'asthma',
      onset: '2010-01-01',
      status: 'active',
      ...(severity ? { severity } : {}),
    });
    const mdd = (severity?: string): TrueCondition => ({
      ...asthma(severity),
      key: 'depression',
    });
    const icd = (c: TrueCondition) => recordedCodes(c, [c]).icd10.code;
    expect(
      [
        'intermittent',
        'mild persistent',
        'moderate persistent',
        'severe persistent',
        undefined,
      ].map((s) => icd(asthma(s))),
    ).toEqual(['J45.20', 'J45.30', 'J45.40', 'J45.50', 'J45.909']);
    expect(['moderate', 'moderately severe', 'severe', undefined].map((s) => icd(mdd(s)))).toEqual([
      'F32.1',
      'F32.2',
      'F32.2',
      'F32.9',
    ]);
    expect(recordedCodes(asthma('severe persistent'), []).snomed.code).toBe('195967001');
    expect(recordedCodes(mdd('severe'), []).snomed.code).toBe('370143000');
  });
});

describe('Function: recordedEntries', () => {
  const htn: TrueCondition = { key: 'hypertension', onset: '2010-01-01', status: 'active' };
  const ckd: TrueCondition = { key: 'ckd', onset: '2015-06-01', status: 'active', severity: '3a' };
  const hf: TrueCondition = {
    key: 'heart-failure',
    onset: '2020-03-01',
    status: 'active',
    severity: 'HFpEF',
  };
  const t2d: TrueCondition = { key: 'type2-diabetes', onset: '2012-01-01', status: 'active' };
  const entries = (c: TrueCondition, all: TrueCondition[]) =>
    recordedEntries(c, all).map((e) => `${e.icd10.code} ${e.onset}`);

  it('dates a combination from its last component, keeping the first entry at its own onset', () => {
    expect(entries(htn, [htn, hf])).toEqual(['I10 2010-01-01', 'I11.0 2020-03-01']);
    expect(entries(htn, [htn, ckd])).toEqual(['I10 2010-01-01', 'I12.9 2015-06-01']);
    expect(entries(htn, [htn, ckd, hf])).toEqual(['I10 2010-01-01', 'I13.0 2020-03-01']);
    expect(entries(t2d, [t2d, ckd])).toEqual(['E11.9 2012-01-01', 'E11.22 2015-06-01']);
    // CKD before the hypertension: I12.9 from the hypertension's onset, I13.0 from the HF's.
    const lateHtn = { ...htn, onset: '2017-01-01' };
    expect(entries(lateHtn, [lateHtn, ckd, hf])).toEqual(['I12.9 2017-01-01', 'I13.0 2020-03-01']);
    // The last to be diagnosed: one entry, the combination from its own onset.
    const lastHtn = { ...htn, onset: '2021-01-01' };
    expect(entries(lastHtn, [lastHtn, ckd, hf])).toEqual(['I13.0 2021-01-01']);
    expect(entries(ckd, [htn, ckd, hf])).toEqual(['N18.31 2015-06-01']);
    expect(entries(hf, [htn, ckd, hf])).toEqual(['I50.32 2020-03-01']);
  });
});
