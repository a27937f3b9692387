import { describe, expect, it } from 'vitest';
import type { News2Input, News2Result } from './news2-input';
import { bloodPressurePanel, glucose, hba1c, vital } from './observations.fixture';
import { normaliseObservationQuantities } from '../preprocess/observation-quantities';
import { readingsFromObservations } from './readings';
import { ageInYears, evaluateRules, sexOf } from './rules';

const now = Date.parse('2026-03-10T12:00:00Z');
const evaluate = (
  observations: Parameters<typeof readingsFromObservations>[0],
  news2?: (i: News2Input) => News2Result,
) => evaluateRules(readingsFromObservations(observations), { now, news2 });

describe('Function: evaluateRules', () => {
  it('raises an urgent hypertensive-crisis finding on a latest reading above 180 systolic', () => {
    // Act
    const { findings } = evaluate([bloodPressurePanel('bp1', '2026-03-10T08:00:00Z', 185, 100)]);
    // Assess
    const crisis = findings.find((f) => f.rule === 'bp-crisis');
    expect(crisis).toMatchObject({ severity: 'urgent', observationIds: ['bp1'] });
    expect(crisis!.source.version).toBe('2017');
  });

  it('treats a crisis reading older than 24 h as history, not a current emergency', () => {
    const { findings, evaluated } = evaluate([
      bloodPressurePanel('bp1', '2026-03-09T11:59:00Z', 185, 100),
    ]);
    expect(evaluated).toContain('bp-crisis');
    expect(findings.some((f) => f.rule === 'bp-crisis')).toBe(false);
  });

  it('judges blood pressure above target on the 4-week mean, not on one reading', () => {
    // Prepare: 150/95, 128/78, 131/82 -> mean 136.3/85 = stage 1 (a single 150/95 would be stage 2).
    const observations = [
      bloodPressurePanel('a', '2026-02-20T08:00:00Z', 150, 95),
      bloodPressurePanel('b', '2026-03-01T08:00:00Z', 128, 78),
      bloodPressurePanel('c', '2026-03-09T08:00:00Z', 131, 82),
      bloodPressurePanel('old', '2026-01-01T08:00:00Z', 190, 125), // outside the 28 days
    ];
    // Act
    const { findings, evaluated } = evaluate(observations);
    // Assess
    expect(findings.find((f) => f.rule === 'bp-above-target')).toMatchObject({
      severity: 'info',
      observationIds: ['a', 'b', 'c'],
    });
    expect(findings.some((f) => f.rule === 'bp-crisis')).toBe(false);
    expect(evaluated).toContain('bp-crisis');
  });

  it('grades hypoglycaemia by the lowest value of the last 24 h: <70 warning, <54 urgent', () => {
    // Act
    const level1 = evaluate([
      glucose('g1', '2026-03-10T07:00:00Z', 69),
      glucose('g2', '2026-03-10T09:00:00Z', 110),
    ]);
    const level2 = evaluate([glucose('g1', '2026-03-10T07:00:00Z', 53)]);
    const boundary = evaluate([glucose('g1', '2026-03-10T07:00:00Z', 70)]);
    const yesterday = evaluate([glucose('g1', '2026-03-09T11:59:00Z', 40)]);
    // Assess
    expect(level1.findings.find((f) => f.rule === 'hypoglycaemia')).toMatchObject({
      severity: 'warning',
      observationIds: ['g1'],
    });
    expect(level2.findings.find((f) => f.rule === 'hypoglycaemia')?.severity).toBe('urgent');
    expect(boundary.findings.find((f) => f.rule === 'hypoglycaemia')).toBeUndefined();
    // A value older than 24 h no longer fires, but the rule is judged, so an open alert resolves.
    expect(yesterday.evaluated).toContain('hypoglycaemia');
    expect(yesterday.findings).toEqual([]);
  });

  it('grades hyperglycaemia on the latest glucose: >180 info, >250 warning', () => {
    expect(evaluate([glucose('g', '2026-03-10T07:00:00Z', 180)]).findings).toEqual([]);
    expect(evaluate([glucose('g', '2026-03-10T07:00:00Z', 181)]).findings[0]).toMatchObject({
      rule: 'hyperglycaemia',
      severity: 'info',
    });
    expect(
      evaluate([glucose('g', '2026-03-10T07:00:00Z', 14, 'mmol/L')]).findings[0],
    ).toMatchObject({ rule: 'hyperglycaemia', severity: 'warning' });
  });

  it('grades a meter glucose in mg/dL on its ADA boundaries after ingest served it in mmol/L', () => {
    // Prepare: as ingest serves them (mg/dL -> mmol/L rounded to 2 decimals: 250 -> 13.88, which is
    // 250.06 mg/dL read back), and as a mmol/L meter sends them (no original-quantity extension).
    const served = (mgdl: number) =>
      normaliseObservationQuantities(glucose('g1', '2026-03-10T09:00:00Z', mgdl), []);
    const mmol = (value: number) => glucose('g1', '2026-03-10T09:00:00Z', value, 'mmol/L');
    const finding = (o: Parameters<typeof readingsFromObservations>[0][number], rule: string) =>
      evaluate([o]).findings.find((f) => f.rule === rule);
    // Act / Assess: ADA level 2 hyperglycaemia is >250 mg/dL, level 2 hypoglycaemia <54, level 1 <70.
    expect((served(250).valueQuantity as { value: number }).value).toBe(13.88);
    expect(finding(served(250), 'hyperglycaemia')).toMatchObject({ severity: 'info' });
    expect(finding(served(250), 'hyperglycaemia')!.reason).toContain('latest glucose 250 mg/dL');
    expect(finding(served(251), 'hyperglycaemia')).toMatchObject({ severity: 'warning' });
    expect(finding(served(181), 'hyperglycaemia')).toMatchObject({ severity: 'info' });
    expect(finding(served(180), 'hyperglycaemia')).toBeUndefined();
    expect(finding(served(54), 'hypoglycaemia')).toMatchObject({ severity: 'warning' });
    expect(finding(served(53), 'hypoglycaemia')).toMatchObject({ severity: 'urgent' });
    expect(finding(served(70), 'hypoglycaemia')).toBeUndefined();
    expect(finding(served(69), 'hypoglycaemia')).toMatchObject({ severity: 'warning' });
    // A mmol/L value is read in whole mg/dL: 13.88 -> 250 (level 1), 13.93 -> 251 (level 2).
    expect(finding(mmol(13.88), 'hyperglycaemia')).toMatchObject({ severity: 'info' });
    expect(finding(mmol(13.93), 'hyperglycaemia')).toMatchObject({ severity: 'warning' });
  });

  it('flags an HbA1c at or above 7 % within the last year as info', () => {
    expect(evaluate([hba1c('h', '2026-01-10T07:00:00Z', 7.0)]).findings[0]).toMatchObject({
      rule: 'hba1c-above-goal',
      severity: 'info',
    });
    expect(evaluate([hba1c('h', '2026-01-10T07:00:00Z', 6.9)]).findings).toEqual([]);
  });

  it('passes the latest vital signs with their times to the NEWS2 scorer and maps its category', () => {
    // Prepare: a stub scorer (plumbing only: the clinical table is risk/news2.ts).
    let seen: News2Input | undefined;
    const stub = (input: News2Input): News2Result => {
      seen = input;
      return { value: 6, category: 'medium', missing: ['consciousness'], stale: ['temperature'] };
    };
    const observations = [
      vital('rr', '2026-03-10T10:00:00Z', '9279-1', 24, '/min'),
      vital('hr', '2026-03-10T10:00:00Z', '8867-4', 112, '/min'),
      vital('hr-old', '2026-03-10T06:00:00Z', '8867-4', 80, '/min'),
      vital('temp', '2026-03-09T14:00:00Z', '8310-5', 38.4, 'Cel'),
    ];
    // Act
    const { findings } = evaluate(observations, stub);
    // Assess
    expect(seen).toMatchObject({
      respiratoryRate: { value: 24, at: '2026-03-10T10:00:00Z' },
      pulse: { value: 112, at: '2026-03-10T10:00:00Z' },
      temperature: { value: 38.4, at: '2026-03-09T14:00:00Z' },
      spo2Scale: 1,
      now: '2026-03-10T12:00:00.000Z',
    });
    expect(seen!.spo2).toBeUndefined();
    const news2 = findings.find((f) => f.rule === 'news2')!;
    expect(news2.severity).toBe('urgent');
    expect(news2.reason).toContain('partial score: missing consciousness; stale temperature');
    expect(news2.observationIds.sort()).toEqual(['hr', 'rr', 'temp']);
  });

  it('does not evaluate NEWS2 without a scorer, nor score vital signs older than 24 h', () => {
    // Prepare: a stub that would always say "high".
    let calls = 0;
    const stub = (): News2Result => {
      calls++;
      return { value: 9, category: 'high', missing: [], stale: [] };
    };
    // Act
    const noScorer = evaluate([vital('rr', '2026-03-10T10:00:00Z', '9279-1', 24, '/min')]);
    const old = evaluate([vital('rr', '2026-03-01T10:00:00Z', '9279-1', 24, '/min')], stub);
    const never = evaluate([glucose('g', '2026-03-10T07:00:00Z', 100)], stub);
    // Assess: old vitals are judged (an open NEWS2 alert resolves) without calling the scorer.
    expect(noScorer.evaluated).not.toContain('news2');
    expect(old.evaluated).toContain('news2');
    expect(old.findings).toEqual([]);
    expect(never.evaluated).not.toContain('news2');
    expect(calls).toBe(0);
  });
});

describe('Function: evaluateRules — paediatric limits', () => {
  const at = (ageYears: number | undefined) => (ageYears === undefined ? {} : { ageYears });
  const judge = (
    observations: Parameters<typeof readingsFromObservations>[0],
    ageYears: number | undefined,
    news2?: (i: News2Input) => News2Result,
  ) => evaluateRules(readingsFromObservations(observations), { now, news2, ...at(ageYears) });
  // A 3-year-old's ordinary vital signs (RR 30, HR 130) score 3 + 2 on the adult NEWS2 chart.
  const toddlerVitals = [
    vital('rr', '2026-03-10T10:00:00Z', '9279-1', 30, '/min'),
    vital('hr', '2026-03-10T10:00:00Z', '8867-4', 130, '/min'),
  ];
  const scorer = (): News2Result => ({
    value: 5,
    category: 'medium',
    missing: [],
    stale: [],
  });

  it('does not score NEWS2 under 16 (RCP 2017: not validated in children), and does from 16', () => {
    const child = judge(toddlerVitals, 15, scorer);
    expect(child.evaluated).not.toContain('news2');
    expect(child.findings).toEqual([]);
    expect(judge(toddlerVitals, 16, scorer).findings.map((f) => f.rule)).toEqual(['news2']);
    expect(judge(toddlerVitals, undefined, scorer).findings.map((f) => f.rule)).toEqual(['news2']);
  });

  it('judges BP above target by AAP 2017 Table 3 at 13-17, and under 13 not without a sex and a height', () => {
    // Mean 134/84 over the 4 weeks: stage 1 by the thresholds adults and adolescents share.
    const readings = [
      bloodPressurePanel('a', '2026-03-01T08:00:00Z', 136, 85),
      bloodPressurePanel('b', '2026-03-08T08:00:00Z', 132, 83),
    ];
    const twelve = judge(readings, 12);
    expect(twelve.evaluated).not.toContain('bp-above-target');
    expect(twelve.findings).toEqual([]);
    const thirteen = judge(readings, 13).findings.find((f) => f.rule === 'bp-above-target')!;
    expect(thirteen.severity).toBe('info');
    expect(thirteen.source.guideline).toMatch(/^AAP .*Flynn et al., Pediatrics 2017/);
    expect(thirteen.source.guideline).toMatch(/13 years and older/);
    const adult = judge(readings, 18).findings.find((f) => f.rule === 'bp-above-target')!;
    expect(adult.source.guideline).toMatch(/^ACC\/AHA/);
  });

  describe('under 13, by the AAP 2017 percentile tables', () => {
    const child = (
      observations: Parameters<typeof readingsFromObservations>[0],
      ageYears: number,
      sex?: 'male' | 'female',
    ) =>
      evaluateRules(readingsFromObservations(observations), {
        now,
        ageYears,
        ...(sex ? { sex } : {}),
      });
    const height = (cm: number, at = '2026-02-01T08:00:00Z') => vital('h', at, '8302-2', cm, 'cm');
    // Table 4, a boy of 10 at 141.3 cm (50th height percentile): 90th 112/74, 95th 116/77,
    // 95th + 12 128/89, 95th + 30 146/107.
    const bp = (s: number, d: number) => [
      bloodPressurePanel('a', '2026-03-01T08:00:00Z', s, d),
      bloodPressurePanel('b', '2026-03-08T08:00:00Z', s, d),
    ];
    const target = (r: ReturnType<typeof child>) =>
      r.findings.find((f) => f.rule === 'bp-above-target');

    it('grades the 4-week mean: below the 95th no finding, stage 1 info, stage 2 warning', () => {
      const elevated = child([height(141.3), ...bp(114, 70)], 10, 'male');
      expect(elevated.evaluated).toContain('bp-above-target');
      expect(target(elevated)).toBeUndefined();
      const stage1 = target(child([height(141.3), ...bp(116, 70)], 10, 'male'))!;
      expect(stage1).toMatchObject({ severity: 'info', observationIds: ['a', 'b'] });
      expect(stage1.reason).toBe(
        'mean blood pressure over 28 days 116/70 mm[Hg] (2 readings) is stage 1 hypertension (95th percentile 116/77 mm[Hg] for a boy of 10 years at the 50th height percentile)',
      );
      expect(stage1.source.guideline).toMatch(/Tables 3-5 and 7 \(1-12 years/);
      expect(target(child([height(141.3), ...bp(100, 89)], 10, 'male'))!.severity).toBe('warning');
      expect(target(child([height(141.3), ...bp(127, 88)], 10, 'male'))!.severity).toBe('info');
    });

    it('reads the height column: the same BP is stage 1 for a short boy and normal for a tall one', () => {
      // Table 4, age 10: 95th percentile systolic 112 at 130.2 cm (5th), 121 at 152.7 cm (95th).
      expect(target(child([height(130), ...bp(115, 60)], 10, 'male'))).toBeDefined();
      expect(target(child([height(153), ...bp(115, 60)], 10, 'male'))).toBeUndefined();
      // Table 5 for a girl of 10 at 130 cm: 95th percentile 113/75.
      expect(target(child([height(130), ...bp(113, 60)], 10, 'female'))).toBeDefined();
      expect(target(child([height(130), ...bp(112, 60)], 10, 'female'))).toBeUndefined();
    });

    it('is not evaluated without a sex, without a height of the last 180 days, or under 1 year', () => {
      const readings = [...bp(130, 90)];
      expect(child([height(141.3), ...readings], 10).evaluated).not.toContain('bp-above-target');
      expect(child(readings, 10, 'male').evaluated).not.toContain('bp-above-target');
      const stale = child([height(141.3, '2025-09-10T08:00:00Z'), ...readings], 10, 'male');
      expect(stale.evaluated).not.toContain('bp-above-target');
      const recent = child([height(141.3, '2025-09-12T08:00:00Z'), ...readings], 10, 'male');
      expect(target(recent)!.severity).toBe('warning');
      expect(child([height(75), ...readings], 0, 'male').evaluated).not.toContain(
        'bp-above-target',
      );
    });

    it('raises a crisis more than 30 mm Hg above the 95th percentile (Table 7), below the adult limits', () => {
      // 147/80 is far below the adult crisis range (>180/>120) but 31 above this boy's 95th (116).
      const latest = (s: number, d: number) =>
        bloodPressurePanel('now', '2026-03-10T08:00:00Z', s, d);
      const crisis = child([height(141.3), latest(147, 80)], 10, 'male').findings.find(
        (f) => f.rule === 'bp-crisis',
      )!;
      expect(crisis).toMatchObject({ severity: 'urgent', observationIds: ['now'] });
      expect(crisis.reason).toMatch(
        /more than 30 mm Hg above the 95th percentile \(95th percentile 116\/77/,
      );
      expect(crisis.source.guideline).toMatch(/Tables 3-5 and 7/);
      const at146 = child([height(141.3), latest(146, 107)], 10, 'male');
      expect(at146.findings.some((f) => f.rule === 'bp-crisis')).toBe(false);
      const diastolic = child([height(141.3), latest(120, 108)], 10, 'male');
      expect(diastolic.findings.some((f) => f.rule === 'bp-crisis')).toBe(true);
      // At 13 the adolescent's emergency is the adult one (>180/120): 147/80 is stage 2, no crisis.
      const thirteen = child([height(160), latest(147, 80)], 13, 'male');
      expect(thirteen.findings.some((f) => f.rule === 'bp-crisis')).toBe(false);
    });
  });

  it('still raises a hypertensive crisis at any age', () => {
    const crisis = judge([bloodPressurePanel('c', '2026-03-10T08:00:00Z', 185, 100)], 9);
    expect(crisis.findings.map((f) => f.rule)).toEqual(['bp-crisis']);
  });

  it('cites ADA Section 14 for the HbA1c goal of a child, Section 6 for an adult', () => {
    const h = [hba1c('h', '2026-01-10T07:00:00Z', 7.6)];
    expect(judge(h, 12).findings[0]!.source.guideline).toMatch(/Section 14 Children/);
    expect(judge(h, 40).findings[0]!.source.guideline).toMatch(/Section 6 /);
  });
});

describe('Function: sexOf', () => {
  it('takes FHIR Patient.gender male or female, and nothing else', () => {
    expect(sexOf({ resourceType: 'Patient', gender: 'female' })).toBe('female');
    expect(sexOf({ resourceType: 'Patient', gender: 'male' })).toBe('male');
    expect(sexOf({ resourceType: 'Patient', gender: 'other' })).toBeUndefined();
    expect(sexOf({ resourceType: 'Patient' })).toBeUndefined();
    expect(sexOf(undefined)).toBeUndefined();
  });
});

describe('Function: ageInYears', () => {
  it('counts whole years from the birth date, a partial date from its first day', () => {
    const patient = (birthDate?: string) => ({ resourceType: 'Patient', birthDate });
    expect(ageInYears(patient('2010-03-11'), now)).toBe(15);
    expect(ageInYears(patient('2010-03-10'), now)).toBe(16);
    expect(ageInYears(patient('2010'), now)).toBe(16);
    expect(ageInYears(patient(), now)).toBeUndefined();
    expect(ageInYears(undefined, now)).toBeUndefined();
  });
});
