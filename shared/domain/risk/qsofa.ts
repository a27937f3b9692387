// Domain (risk): quick SOFA (Seymour CW et al. Assessment of clinical criteria for sepsis, JAMA
// 2016;315:762; Singer M et al. The Third International Consensus Definitions for Sepsis and Septic
// Shock (Sepsis-3), JAMA 2016;315:801, Box 4).
import {
  outsidePopulation,
  outsideReason,
  withinLimits,
  type Assessment,
  type PopulationCheck,
  type ScoreDefinition,
  type Values,
} from './score-definition';
import { pressureUnits, rateUnits } from './units';

export interface QsofaInputs {
  /** Breaths per minute; ≥ 22 scores. */
  respiratoryRate: number;
  /** mmHg; ≤ 100 scores. */
  systolic: number;
  /** Altered mentation (GCS < 15); scores 1. */
  alteredMentation: boolean;
}

/** Points 0–3 for the criteria present: RR ≥ 22/min, altered mentation, SBP ≤ 100 mmHg. */
export function qsofaPoints(v: Partial<QsofaInputs>): number {
  return (
    (v.respiratoryRate !== undefined && v.respiratoryRate >= 22 ? 1 : 0) +
    (v.systolic !== undefined && v.systolic <= 100 ? 1 : 0) +
    (v.alteredMentation === true ? 1 : 0)
  );
}

/** Sepsis-3: ≥ 2 points identifies adults with suspected infection at greater risk of poor outcome. */
export function qsofaCategory(points: number): string {
  return points >= 2 ? 'high' : 'low';
}

/** Seymour 2016 derived qSOFA in adults (≥ 18 y) with suspected infection. */
const population: PopulationCheck[] = [
  { inputs: ['age'], outside: (v) => (v.age as number) < 18, reason: 'age under 18 years' },
];

function assessPartial(v: Values, missing: string[]): Assessment {
  const outside = outsideReason(outsidePopulation(population, v));
  if (missing.length === 3)
    return {
      value: null,
      applicable: false,
      reason: [outside, `no current observations (missing ${missing.join(', ')})`]
        .filter((r): r is string => r !== undefined)
        .join('; '),
    };
  const points = qsofaPoints(v as Partial<QsofaInputs>);
  // With criteria missing, a positive result is already certain at 2; a low one is not.
  const certain = points >= 2 || points + missing.length < 2;
  return {
    value: points,
    ...(certain ? { category: qsofaCategory(points) } : {}),
    applicable: false,
    reason: [outside, `incomplete (missing ${missing.join(', ')}): points are a lower bound`]
      .filter((r): r is string => r !== undefined)
      .join('; '),
  };
}

export const qsofaScore: ScoreDefinition = {
  name: 'qsofa',
  title: 'qSOFA (Sepsis-3) bedside criteria',
  unit: '{score}',
  reference: 'Seymour CW et al. JAMA 2016;315:762; Singer M et al. (Sepsis-3) JAMA 2016;315:801',
  staleIsMissing: true,
  fields: [
    {
      name: 'respiratoryRate',
      kind: 'number',
      unit: '/min',
      min: 0,
      max: 80,
      convert: rateUnits,
      description: 'respiration rate, breaths/min',
    },
    {
      name: 'systolic',
      kind: 'number',
      unit: 'mm[Hg]',
      min: 30,
      max: 300,
      convert: pressureUnits,
      description: 'systolic blood pressure',
    },
    { name: 'alteredMentation', kind: 'boolean', description: 'altered mentation (GCS < 15)' },
    {
      name: 'age',
      kind: 'number',
      unit: 'a',
      min: 0,
      max: 120,
      optional: true,
      description: 'age in years (validated in adults)',
    },
  ],
  population,
  assess(v: Values) {
    const points = qsofaPoints(v as Partial<QsofaInputs>);
    return withinLimits(points, qsofaCategory(points), outsidePopulation(population, v));
  },
  assessPartial,
};
