// Domain (risk): PHQ-9 depression severity (Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity
// of a brief depression severity measure. J Gen Intern Med 2001;16:606, Table 3 severity bands), and
// its screening cut point in adolescents (Richardson LP et al. Evaluation of the PHQ-9 for detecting
// major depression among adolescents. Pediatrics 2010;126:1117-1123).
import {
  outsidePopulation,
  outsideReason,
  type PopulationCheck,
  type ScoreDefinition,
  type Values,
} from './score-definition';

/**
 * Richardson 2010 (442 youth aged 13-17, against the DISC-IV interview): a total of 11 or more
 * detected DSM-IV major depression with sensitivity 89.5% and specificity 77.5% (AUC 0.88), the
 * optimal cut point in adolescents (10 in Kroenke's adults).
 */
export const adolescentMajorDepressionCutPoint = 11;
export const adolescentAges = { from: 13, below: 18 } as const;

/** Kroenke 2001: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe. */
export function phq9Severity(total: number): string {
  if (total <= 4) return 'minimal';
  if (total <= 9) return 'mild';
  if (total <= 14) return 'moderate';
  if (total <= 19) return 'moderately-severe';
  return 'severe';
}

/**
 * Kroenke 2001 validated PHQ-9 in adults, Richardson 2010 in adolescents aged 13-17; younger children
 * are outside both.
 */
const population: PopulationCheck[] = [
  {
    inputs: ['age'],
    outside: (v) => (v.age as number) < adolescentAges.from,
    reason:
      'age under 13 years (validated in adults, Kroenke 2001, and adolescents 13-17, Richardson 2010)',
  },
];

export const phq9Score: ScoreDefinition = {
  name: 'phq9',
  title: 'PHQ-9 depression severity',
  unit: '{score}',
  reference: 'Kroenke K et al. J Gen Intern Med 2001;16:606',
  fields: [
    {
      name: 'total',
      kind: 'number',
      unit: '{score}',
      min: 0,
      max: 27,
      integer: true,
      description: 'PHQ-9 total (sum of 9 items scored 0–3)',
    },
    {
      name: 'item9',
      kind: 'number',
      unit: '{score}',
      min: 0,
      max: 3,
      integer: true,
      optional: true,
      description: 'item 9 (thoughts of self-harm), 0–3',
    },
    {
      name: 'age',
      kind: 'number',
      unit: 'a',
      min: 0,
      max: 120,
      optional: true,
      description: 'age in years (validated in adults and adolescents 13-17)',
    },
  ],
  population,
  // Item 9 asks about thoughts of being better off dead or of self-harm: any positive answer needs a
  // same-day clinical assessment whatever the total (Kroenke 2001; NICE CG90), so a recorded item 9
  // is reported even when the total is missing; a stale one asks for item 9 again, as the
  // recommender reads item 9 only from the last 14 days.
  actionableWhenIncomplete: (v: Values, stale: readonly string[]) =>
    !selfHarmPositive(v)
      ? undefined
      : stale.includes('item9')
        ? 'item 9 was positive in a stale answer: ask item 9 again'
        : selfHarmReason,
  assess(v: Values) {
    const total = v.total as number;
    const selfHarm = selfHarmPositive(v);
    const outside = outsideReason(outsidePopulation(population, v));
    const age = typeof v.age === 'number' ? v.age : undefined;
    const adolescent =
      age !== undefined && age >= adolescentAges.from && age < adolescentAges.below;
    const screen =
      total >= adolescentMajorDepressionCutPoint
        ? `adolescent 13-17: ${adolescentMajorDepressionCutPoint} or more screens positive for major depression (Richardson 2010: sensitivity 89.5%, specificity 77.5%)`
        : `adolescent 13-17: below ${adolescentMajorDepressionCutPoint}, the screen for major depression is negative (Richardson 2010)`;
    const reasons = [
      outside,
      adolescent ? screen : undefined,
      selfHarm ? selfHarmReason : undefined,
    ].filter((r): r is string => r !== undefined);
    return {
      value: total,
      category: phq9Severity(total),
      applicable: outside === undefined,
      ...(reasons.length ? { reason: reasons.join('; ') } : {}),
    };
  },
};

const selfHarmReason = 'item 9 positive: assess risk of self-harm';

function selfHarmPositive(v: Values): boolean {
  return typeof v.item9 === 'number' && v.item9 > 0;
}
