// Domain (synth/state): how long a resolved condition lasts. One table for every rendering of it: the
// FHIR Condition's abatementDateTime (fhir/conditions.ts) and whether a note calls it present or
// history (notes/context.ts `conditionsAt`), so the two always agree.
import { conditions, type ConditionKey } from '../catalog';
import type { TrueCondition, TrueEncounter } from '../model';

/**
 * Days from onset to abatement of a resolved condition. The model says a condition resolved but not
 * when, so this is a rendering convention (typical course): otitis media 10 days (AAP 2013 AOM
 * guideline, 10-day course), DVT 90 days (CHEST 2021: 3 months of anticoagulation), acute MI and
 * stroke 28 days (the acute phase); other acute conditions 30 days, chronic ones 365 days. Until
 * generator 1.15.0 notes called every acute condition present for 30 days whatever this table said
 * (an otitis media present 20 days after its Condition abated; a DVT history from day 31 of 90).
 */
const abatementDays: Partial<Record<ConditionKey, number>> = {
  'otitis-media': 10,
  'deep-vein-thrombosis': 90,
  'myocardial-infarction': 28,
  stroke: 28,
};

/** Days from onset to abatement of a resolved condition of `key`. */
export function daysToAbatement(key: ConditionKey): number {
  return abatementDays[key] ?? (conditions[key].chronic ? 365 : 30);
}

/**
 * The last day (YYYY-MM-DD) a resolved condition is present, before any cap at the export date: its
 * onset plus `daysToAbatement`, or the discharge from a later stay or visit for it, whichever is later
 * (a readmission for a stroke 35 days after it keeps the stroke present to that discharge: a condition
 * a patient is in hospital for has not resolved). Undefined for an active condition: present to the end.
 */
export function abatementDate(
  condition: TrueCondition,
  encounters: readonly TrueEncounter[],
): string | undefined {
  if (condition.status !== 'resolved') return undefined;
  const onset = condition.onset.slice(0, 10);
  let last = shiftDays(onset, daysToAbatement(condition.key));
  for (const e of encounters) {
    const end = e.end.slice(0, 10);
    if (e.reason === condition.key && e.start.slice(0, 10) >= onset && end > last) last = end;
  }
  return last;
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}
