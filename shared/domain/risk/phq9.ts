// Domain (risk): PHQ-9 depression severity (Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity
// of a brief depression severity measure. J Gen Intern Med 2001;16:606, Table 3 severity bands).
import type { ScoreDefinition, Values } from './score-definition';

/** Kroenke 2001: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe. */
export function phq9Severity(total: number): string {
  if (total <= 4) return 'minimal';
  if (total <= 9) return 'mild';
  if (total <= 14) return 'moderate';
  if (total <= 19) return 'moderately-severe';
  return 'severe';
}

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
      description: 'age in years (validated in adults)',
    },
  ],
  assess(v: Values) {
    const total = v.total as number;
    // Item 9 asks about thoughts of being better off dead or of self-harm: any positive answer needs a
    // same-day clinical assessment whatever the total (Kroenke 2001; NICE CG90).
    const selfHarm = typeof v.item9 === 'number' && v.item9 > 0;
    // Kroenke 2001 validated PHQ-9 in adults; adolescents use the PHQ-A.
    const child = typeof v.age === 'number' && v.age < 18;
    const reasons = [
      child ? 'outside the validated population: age under 18 years (use PHQ-A)' : undefined,
      selfHarm ? 'item 9 positive: assess risk of self-harm' : undefined,
    ].filter((r): r is string => r !== undefined);
    return {
      value: total,
      category: phq9Severity(total),
      applicable: !child,
      ...(reasons.length ? { reason: reasons.join('; ') } : {}),
    };
  },
};
