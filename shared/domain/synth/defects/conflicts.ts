// Domain (synth/defects): the second copy of a duplicated record. Most duplicates are exact re-sends;
// the rest keep the id but disagree on content, as when an interface replays an older or amended version.
import type { Rng } from '../rng';
import type { Json, Mutation } from './mutations';

/** Change `copy` so it conflicts with the original (same id); undefined when no conflict applies. */
export function makeConflicting(copy: Json, rng: Rng): Mutation | undefined {
  const quantity = copy.valueQuantity as { value?: number; code?: string } | undefined;
  if (typeof quantity?.value === 'number') {
    const before = quantity.value;
    // Questionnaire totals are whole points; percentages (SpO2, BMI percentile) and scores are
    // bounded, so their conflicting copy moves towards the middle of the scale and stays possible
    // (an amended SpO2 of 103 % would be an impossible value, a different defect).
    const score = quantity.code === '{score}';
    const count = wholeCounts.get(quantity.code ?? '');
    const step = score
      ? 1
      : Math.abs(before) >= 10 || count
        ? Math.max(1, Math.round(Math.abs(before) * 0.05))
        : 0.3;
    // Drawn whatever the scale, so every later draw of the cohort stays where it was.
    const coin = rng.chance(0.5);
    const up = score
      ? before < 1
      : quantity.code === '%'
        ? before < 50
        : count
          ? // A count at the end of its range moves inwards (0 d/wk -> 1, 7 d/wk -> 6).
            before - step < count.min || (coin && before + step <= count.max)
          : // No other quantity goes below 0 (a creatinine of 0.2 mg/dL becomes 0.5, not -0.1).
            coin || before - step < 0;
    quantity.value = Math.round((before + (up ? step : -step)) * 10) / 10;
    return {
      path: 'valueQuantity.value',
      detail: `same id, valueQuantity.value ${before} -> ${quantity.value}`,
    };
  }
  const clinical = (copy.clinicalStatus as { coding?: { code?: string }[] } | undefined)
    ?.coding?.[0];
  if (copy.resourceType === 'Condition' && clinical?.code) {
    const before = clinical.code;
    clinical.code = before === 'active' ? 'resolved' : 'active';
    return {
      path: 'clinicalStatus.coding[0].code',
      detail: `same id, clinicalStatus ${before} -> ${clinical.code}`,
    };
  }
  const status = conflictingStatus[copy.resourceType as string];
  if (status && copy[status.element] !== undefined) {
    const before = copy[status.element];
    copy[status.element] = before === status.values[0] ? status.values[1] : status.values[0];
    return {
      path: status.element,
      detail: `same id, ${status.element} ${String(before)} -> ${String(copy[status.element])}`,
    };
  }
  return undefined;
}

/**
 * Whole-number counts by UCUM code and their possible range: a conflicting copy moves by a whole
 * number (1 below 30) and stays in range. Days a week of the Exercise Vital Sign (89555-7, 0-7),
 * minutes a day (68516-4; a day has 1,440), and rates per minute (heart and respiratory rate).
 * Until generator 1.15.0 a count under 10 moved by 0.3 either way: 0 d/wk became -0.3 and 7 became 7.3.
 */
const wholeCounts = new Map<string, { min: number; max: number }>([
  ['d/wk', { min: 0, max: 7 }],
  ['min/d', { min: 0, max: 1440 }],
  ['/min', { min: 0, max: Number.POSITIVE_INFINITY }],
]);

/** A status-like element per type and two valid values to flip between. */
const conflictingStatus: Record<string, { element: string; values: [string, string] }> = {
  Observation: { element: 'status', values: ['final', 'amended'] },
  Encounter: { element: 'status', values: ['finished', 'cancelled'] },
  MedicationRequest: { element: 'status', values: ['active', 'stopped'] },
  MedicationDispense: { element: 'status', values: ['completed', 'cancelled'] },
  AllergyIntolerance: { element: 'criticality', values: ['low', 'high'] },
  FamilyMemberHistory: { element: 'status', values: ['completed', 'partial'] },
  DocumentReference: { element: 'docStatus', values: ['final', 'amended'] },
  Patient: { element: 'gender', values: ['female', 'male'] },
};
