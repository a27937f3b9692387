// Domain (risk): HAS-BLED one-year major bleeding risk on anticoagulation (Pisters R et al. A novel
// user-friendly score (HAS-BLED) to assess 1-year risk of major bleeding in patients with atrial
// fibrillation: the Euro Heart Survey. Chest 2010;138:1093, Table 2).
import {
  atrialFibrillationPopulation,
  outsidePopulation,
  withinLimits,
  type ScoreDefinition,
  type Values,
} from './score-definition';

export interface HasBledInputs {
  /** Years; E: elderly is age > 65. */
  age: number;
  /** H: uncontrolled hypertension, systolic > 160 mmHg. */
  uncontrolledHypertension: boolean;
  /** A: chronic dialysis, renal transplant or serum creatinine ≥ 200 µmol/L. */
  abnormalRenalFunction: boolean;
  /** A: cirrhosis, or bilirubin > 2 × ULN with AST/ALT/ALP > 3 × ULN. */
  abnormalLiverFunction: boolean;
  /** S: prior stroke. */
  stroke: boolean;
  /** B: prior major bleeding or predisposition (anaemia, thrombocytopenia). */
  bleeding: boolean;
  /** L: labile INR (unstable or high INRs, time in therapeutic range < 60 %). */
  labileInr: boolean;
  /** D: concomitant antiplatelet agents or NSAIDs. */
  antiplateletOrNsaid: boolean;
  /** D: alcohol ≥ 8 drinks a week. */
  alcohol: boolean;
}

/** Points 0–9, one per criterion. */
export function hasBledPoints(x: HasBledInputs): number {
  return (
    +x.uncontrolledHypertension +
    +x.abnormalRenalFunction +
    +x.abnormalLiverFunction +
    +x.stroke +
    +x.bleeding +
    +x.labileInr +
    (x.age > 65 ? 1 : 0) +
    +x.antiplateletOrNsaid +
    +x.alcohol
  );
}

/**
 * Pisters 2010 / 2020 ESC AF guideline (section 10.2): a score ≥ 3 marks high bleeding risk (address
 * modifiable factors, review more often); 0 is low; 1–2 moderate.
 */
export function hasBledCategory(points: number): string {
  if (points === 0) return 'low';
  if (points <= 2) return 'moderate';
  return 'high';
}

const criteria = [
  ['uncontrolledHypertension', 'uncontrolled hypertension, systolic > 160 mmHg'],
  ['abnormalRenalFunction', 'dialysis, renal transplant or creatinine ≥ 200 µmol/L'],
  ['abnormalLiverFunction', 'cirrhosis or bilirubin > 2×ULN with AST/ALT/ALP > 3×ULN'],
  ['stroke', 'prior stroke'],
  ['bleeding', 'prior major bleeding or predisposition'],
  ['labileInr', 'labile INR (time in therapeutic range < 60 %)'],
  ['antiplateletOrNsaid', 'antiplatelet agents or NSAIDs'],
  ['alcohol', 'alcohol ≥ 8 drinks a week'],
] as const;

// Pisters 2010 derived HAS-BLED in adults with atrial fibrillation (Euro Heart Survey on AF); the 2020
// ESC AF guideline (section 10.2) uses it there. Outside AF the value is still given, marked not
// applicable, as CHA2DS2-VASc is: a "low" bleeding risk means nothing for a patient with no
// indication for anticoagulation.
const population = atrialFibrillationPopulation('the score was derived in AF');

export const hasBledScore: ScoreDefinition = {
  name: 'has-bled',
  title: 'HAS-BLED: 1-year major bleeding risk in atrial fibrillation',
  unit: '{score}',
  reference:
    'Pisters R et al. Chest 2010;138:1093, Table 2; category: 2020 ESC AF guideline (≥ 3 high)',
  fields: [
    {
      name: 'age',
      kind: 'number',
      unit: 'a',
      min: 0,
      max: 120,
      description: 'age in years (elderly > 65)',
    },
    {
      name: 'atrialFibrillation',
      kind: 'boolean',
      absentMeansNo: true,
      description: 'atrial fibrillation (the population the score was derived in); no point',
    },
    ...criteria.map(([name, description]) => ({
      name,
      description,
      kind: 'boolean' as const,
      absentMeansNo: true,
    })),
  ],
  population,
  assess(v: Values) {
    const x = v as unknown as HasBledInputs;
    const points = hasBledPoints(x);
    return withinLimits(points, hasBledCategory(points), outsidePopulation(population, v));
  },
};
