// Cancers among prevalent survivors (1.6.0): the years since diagnosis depend on the stage through SEER
// 5-year relative survival (other-condition-specs.ts, conditions.ts drawCancer), so a distant-stage (IV)
// cancer is a recent one and survivors diagnosed long ago are mostly early stage.
import { describe, expect, it } from 'vitest';
import type { ConditionKey } from '../catalog';
import type { CohortOptions, Sex, TrueCondition } from '../model';
import { Rng } from '../rng';
import { dayFromIso } from './calendar';
import { generateConditions, type ConditionContext } from './conditions';
import { generatePatientState } from './patient';

const asOf = '2026-01-01';
const asOfDay = dayFromIso(asOf);
const cancers: ConditionKey[] = ['breast-cancer', 'lung-cancer', 'colorectal-cancer'];
const yearsSince = (c: TrueCondition) => (asOfDay - dayFromIso(c.onset)) / 365.25;

/**
 * Conditions of 30,000 adults of 50–89 at high cancer risk (smokers with a family history), drawn through
 * the condition model only: enough cancers of each stage to compare stages.
 */
function highRiskCancers(): TrueCondition[] {
  const out: TrueCondition[] = [];
  for (let i = 0; i < 30_000; i++) {
    const rng = new Rng(2026, i);
    const age = 50 + (i % 40);
    const sex: Sex = i % 3 === 0 ? 'male' : 'female';
    const ctx: ConditionContext = {
      age,
      sex,
      race: 'white',
      hispanic: false,
      smoking: 'current',
      family: { diabetes: false, prematureCad: false, breastCancer: true, colorectalCancer: true },
      birthDay: asOfDay - Math.round((age + 0.5) * 365.25),
      asOfDay,
    };
    for (const c of generateConditions(rng, ctx)) if (cancers.includes(c.key)) out.push(c);
  }
  return out;
}

const drawn = highRiskCancers();
const of = (key: ConditionKey, stage: string) =>
  drawn.filter((c) => c.key === key && c.severity === stage);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('Cancer: stage and years since diagnosis', () => {
  it.each(cancers)('%s: a stage IV cancer is rarely diagnosed more than 10 years ago', (key) => {
    const stageIV = of(key, 'IV');
    expect(stageIV.length).toBeGreaterThan(30);
    // Exponential excess hazard fitted to SEER distant-stage 5-year relative survival (≤ 32%): the
    // share alive 10 years on is ≤ 10%, and fewer still among prevalent patients (≈3% here).
    const old = stageIV.filter((c) => yearsSince(c) > 10).length / stageIV.length;
    expect(old).toBeLessThan(0.08);
  });

  it.each(cancers)('%s: stage IV survivors were diagnosed more recently than stage I', (key) => {
    const early = of(key, 'I').map(yearsSince);
    const late = of(key, 'IV').map(yearsSince);
    expect(early.length).toBeGreaterThan(30);
    expect(median(late)).toBeLessThan(0.6 * median(early));
  });

  it('survivors diagnosed over 10 years ago are overwhelmingly early stage', () => {
    const old = drawn.filter((c) => yearsSince(c) > 10);
    expect(old.length).toBeGreaterThan(100);
    const stageIV = old.filter((c) => c.severity === 'IV').length / old.length;
    expect(stageIV).toBeLessThan(0.02);
  });

  it('distant-stage cancers are rarer among survivors than at diagnosis (SEER: breast 6%, lung 47%)', () => {
    const shareIV = (key: ConditionKey) => {
      const all = drawn.filter((c) => c.key === key);
      return all.filter((c) => c.severity === 'IV').length / all.length;
    };
    expect(shareIV('breast-cancer')).toBeLessThan(0.05);
    expect(shareIV('lung-cancer')).toBeLessThan(0.35);
  });
});

describe('Cancer: generated patients (4,000)', () => {
  const options: CohortOptions = {
    patients: 4000,
    seed: 77,
    hospital: 'cancer',
    dirtyRate: 0,
    asOf,
  };
  it('gives every cancer a stage and a diagnosis after age 25 and before asOf', () => {
    let count = 0;
    for (let i = 0; i < options.patients; i++) {
      const p = generatePatientState(options, i);
      const birth = dayFromIso(p.demographics.birthDate);
      for (const c of p.conditions) {
        if (!cancers.includes(c.key)) continue;
        count++;
        expect(c.severity).toMatch(/^(I|II|III|IV)$/);
        expect(dayFromIso(c.onset)).toBeGreaterThanOrEqual(birth + Math.round(25 * 365.25) - 1);
        expect(dayFromIso(c.onset)).toBeLessThan(asOfDay);
        if (c.severity === 'IV') expect(yearsSince(c)).toBeLessThan(15);
      }
    }
    expect(count).toBeGreaterThan(20);
  });
});
