// Test helpers (synth/state): reading a generated cohort's prescriptions against a guideline.
import { beforeAll } from 'vitest';
import type { ConditionKey } from '../catalog';
import type { CohortOptions, SynthPatient, TrueMedication } from '../model';
import { dayFromIso } from './calendar';
import { drugs, type DrugKey } from './drugs';
import type { DrugClass } from './medication-catalog';
import { generatePatientState } from './patient';

/** The patient states of the cohort `options`, generated once before the suite's tests run. */
export function stateCohortBeforeAll(options: CohortOptions): SynthPatient[] {
  const cohort: SynthPatient[] = [];
  beforeAll(() => {
    for (let i = 0; i < options.patients; i++) cohort.push(generatePatientState(options, i));
  });
  return cohort;
}

export const has = (p: SynthPatient, key: ConditionKey): boolean =>
  p.conditions.some((c) => c.key === key);
export const onsetOf = (p: SynthPatient, key: ConditionKey): number =>
  dayFromIso(p.conditions.find((c) => c.key === key)!.onset);
export const classOf = (m: TrueMedication): DrugClass => drugs[m.key as DrugKey].drugClass;
export const startOf = (m: TrueMedication): number => dayFromIso(m.start);
export const endOf = (m: TrueMedication): number =>
  m.end ? dayFromIso(m.end) : Number.POSITIVE_INFINITY;
/** Taken on `day` (started on or before it, not yet ended). */
export const activeOn = (m: TrueMedication, day: number): boolean =>
  startOf(m) <= day && endOf(m) > day;
/** The share of `group` that passes `test`. */
export const share = (group: SynthPatient[], test: (p: SynthPatient) => boolean): number =>
  group.filter(test).length / group.length;
