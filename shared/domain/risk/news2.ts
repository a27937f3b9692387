// Domain (risk): National Early Warning Score 2 (Royal College of Physicians. National Early Warning
// Score (NEWS) 2: Standardising the assessment of acute-illness severity in the NHS. London: RCP, 2017;
// Chart 1 (scoring), Chart 2 (thresholds and triggers)).
import {
  outsidePopulation,
  outsideReason,
  type Assessment,
  type PopulationCheck,
  type ScoreDefinition,
  type Values,
} from './score-definition';
import { pressureUnits, rateUnits, temperatureUnits } from './units';

export const consciousnessLevels = [
  'alert',
  'new-confusion',
  'voice',
  'pain',
  'unresponsive',
] as const;

export interface News2Inputs {
  /** Breaths per minute. */
  respiratoryRate: number;
  /** SpO2, %. */
  spo2: number;
  /** Use SpO2 scale 2: hypercapnic respiratory failure with a prescribed target of 88–92 %. */
  hypercapnicRespiratoryFailure: boolean;
  /** On supplemental oxygen (any device) rather than air. */
  supplementalOxygen: boolean;
  /** mmHg. */
  systolic: number;
  /** Beats per minute. */
  pulse: number;
  /** ACVPU; new confusion scores as C. */
  consciousness: (typeof consciousnessLevels)[number];
  /** °C. */
  temperature: number;
}

// Chart 1 bands. Values are charted as whole numbers (temperature to 0.1 °C), then banded.
export function respirationPoints(rate: number): number {
  const r = Math.round(rate);
  if (r <= 8) return 3;
  if (r <= 11) return 1;
  if (r <= 20) return 0;
  if (r <= 24) return 2;
  return 3;
}

/** SpO2 scale 1 (default) and scale 2 (hypercapnic respiratory failure; high SpO2 on oxygen scores). */
export function oxygenSaturationPoints(spo2: number, scale2: boolean, onOxygen: boolean): number {
  const s = Math.round(spo2);
  if (!scale2) return s <= 91 ? 3 : s <= 93 ? 2 : s <= 95 ? 1 : 0;
  if (s <= 83) return 3;
  if (s <= 85) return 2;
  if (s <= 87) return 1;
  if (s <= 92 || !onOxygen) return 0;
  return s <= 94 ? 1 : s <= 96 ? 2 : 3;
}

export function systolicPoints(systolic: number): number {
  const s = Math.round(systolic);
  if (s <= 90) return 3;
  if (s <= 100) return 2;
  if (s <= 110) return 1;
  if (s <= 219) return 0;
  return 3;
}

export function pulsePoints(pulse: number): number {
  const p = Math.round(pulse);
  if (p <= 40) return 3;
  if (p <= 50) return 1;
  if (p <= 90) return 0;
  if (p <= 110) return 1;
  if (p <= 130) return 2;
  return 3;
}

export function temperaturePoints(celsius: number): number {
  const t = Math.round(celsius * 10) / 10;
  if (t <= 35.0) return 3;
  if (t <= 36.0) return 1;
  if (t <= 38.0) return 0;
  if (t <= 39.0) return 1;
  return 2;
}

/** Points per parameter for the parameters present. */
export function news2Parameters(v: Partial<News2Inputs>): Record<string, number> {
  const points: Record<string, number> = {};
  if (v.respiratoryRate !== undefined)
    points.respiratoryRate = respirationPoints(v.respiratoryRate);
  if (v.spo2 !== undefined)
    points.spo2 = oxygenSaturationPoints(
      v.spo2,
      v.hypercapnicRespiratoryFailure === true,
      v.supplementalOxygen === true,
    );
  if (v.supplementalOxygen !== undefined) points.supplementalOxygen = v.supplementalOxygen ? 2 : 0;
  if (v.systolic !== undefined) points.systolic = systolicPoints(v.systolic);
  if (v.pulse !== undefined) points.pulse = pulsePoints(v.pulse);
  if (v.consciousness !== undefined) points.consciousness = v.consciousness === 'alert' ? 0 : 3;
  if (v.temperature !== undefined) points.temperature = temperaturePoints(v.temperature);
  return points;
}

/**
 * RCP 2017 Chart 2 clinical risk: aggregate 0–4 low; a score of 3 in any single parameter (with an
 * aggregate below 5) low–medium; aggregate 5–6 medium; 7 or more high.
 */
export function news2ClinicalRisk(aggregate: number, anySingleThree: boolean): string {
  if (aggregate >= 7) return 'high';
  if (aggregate >= 5) return 'medium';
  if (anySingleThree) return 'low-medium';
  return 'low';
}

/** RCP 2017: NEWS2 is not validated in children (< 16) or in pregnancy. */
const population: PopulationCheck[] = [
  { inputs: ['age'], outside: (v) => (v.age as number) < 16, reason: 'age under 16 years' },
  { inputs: ['pregnant'], outside: (v) => v.pregnant === true, reason: 'pregnancy' },
];

function news2Assessment(v: Values, missing: string[]): Assessment {
  const points = Object.values(news2Parameters(v as Partial<News2Inputs>));
  const outside = outsideReason(outsidePopulation(population, v));
  if (points.length === 0)
    return {
      value: null,
      applicable: false,
      reason: [outside, `no current observations (missing ${missing.join(', ')})`]
        .filter((r): r is string => r !== undefined)
        .join('; '),
    };
  const aggregate = points.reduce((a, b) => a + b, 0);
  const category = news2ClinicalRisk(aggregate, points.includes(3));
  const reasons = [
    outside,
    missing.length
      ? `incomplete (missing ${missing.join(', ')}): aggregate and risk are lower bounds`
      : undefined,
  ].filter((r): r is string => r !== undefined);
  return {
    value: aggregate,
    category,
    applicable: reasons.length === 0,
    ...(reasons.length ? { reason: reasons.join('; ') } : {}),
  };
}

export const news2Score: ScoreDefinition = {
  name: 'news2',
  title: 'NEWS2: National Early Warning Score 2',
  unit: '{score}',
  reference:
    'Royal College of Physicians. National Early Warning Score (NEWS) 2, London 2017: Charts 1 and 2',
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
      name: 'spo2',
      kind: 'number',
      unit: '%',
      min: 30,
      max: 100,
      description: 'oxygen saturation by pulse oximetry',
    },
    {
      name: 'hypercapnicRespiratoryFailure',
      kind: 'boolean',
      absentMeansNo: true,
      description: 'use SpO2 scale 2 (prescribed target 88–92 %)',
    },
    { name: 'supplementalOxygen', kind: 'boolean', description: 'on oxygen (true) or air (false)' },
    {
      name: 'systolic',
      kind: 'number',
      unit: 'mm[Hg]',
      min: 30,
      max: 300,
      convert: pressureUnits,
      description: 'systolic blood pressure',
    },
    {
      name: 'pulse',
      kind: 'number',
      unit: '/min',
      min: 10,
      max: 250,
      convert: rateUnits,
      description: 'pulse, beats/min',
    },
    {
      name: 'consciousness',
      kind: 'enum',
      values: consciousnessLevels,
      description: 'ACVPU (new-confusion scores as C)',
    },
    {
      name: 'temperature',
      kind: 'number',
      unit: 'Cel',
      min: 25,
      max: 45,
      convert: temperatureUnits,
      description: 'temperature',
    },
    {
      name: 'age',
      kind: 'number',
      unit: 'a',
      min: 0,
      max: 120,
      optional: true,
      description: 'age in years (validated ≥ 16)',
    },
    {
      name: 'pregnant',
      kind: 'boolean',
      optional: true,
      description: 'pregnant (NEWS2 not validated)',
    },
  ],
  population,
  assess: (v) => news2Assessment(v, []),
  assessPartial: news2Assessment,
};
