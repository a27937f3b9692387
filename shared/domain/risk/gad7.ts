// Domain (risk): GAD-7 anxiety severity (Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure
// for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092).
import {
  outsidePopulation,
  withinLimits,
  type PopulationCheck,
  type ScoreDefinition,
  type Values,
} from './score-definition';

/** Spitzer 2006: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. */
export function gad7Severity(total: number): string {
  if (total <= 4) return 'minimal';
  if (total <= 9) return 'mild';
  if (total <= 14) return 'moderate';
  return 'severe';
}

/** Spitzer 2006 validated GAD-7 in adult primary-care patients. */
const population: PopulationCheck[] = [
  { inputs: ['age'], outside: (v) => (v.age as number) < 18, reason: 'age under 18 years' },
];

export const gad7Score: ScoreDefinition = {
  name: 'gad7',
  title: 'GAD-7 anxiety severity',
  unit: '{score}',
  reference: 'Spitzer RL et al. Arch Intern Med 2006;166:1092',
  fields: [
    {
      name: 'total',
      kind: 'number',
      unit: '{score}',
      min: 0,
      max: 21,
      integer: true,
      description: 'GAD-7 total (sum of 7 items scored 0–3)',
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
  population,
  assess(v: Values) {
    const total = v.total as number;
    return withinLimits(total, gad7Severity(total), outsidePopulation(population, v));
  },
};
