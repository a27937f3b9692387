// Domain (monitoring): which NEWS2 SpO2 scale a patient is scored on, from their record.
//
// RCP NEWS2 (Royal College of Physicians, December 2017), Chart 1 and section "SpO2 scale 2": scale 2
// is for patients with a prescribed oxygen saturation target of 88-92 %, e.g. in hypercapnic
// respiratory failure confirmed on blood gas analysis; the decision is a clinician's, recorded in the
// patient's notes; everyone else is scored on scale 1. Using scale 2 wrongly hides hypoxaemia (SpO2
// 88 % scores 3 on scale 1 and 0 on scale 2), so the monitor chooses scale 2 only on a recorded
// clinical decision, one of:
//   1. an active Goal (lifecycleStatus active or accepted) whose target measures SpO2 (LOINC 59408-5
//      or 2708-6, as readings.ts) with detailRange low 88 and high 92 (%): the prescribed target;
//   2. an active Condition coded as hypercapnic respiratory failure (ICD-10-CM J96.02, J96.12, J96.22,
//      J96.92; risk/fhir/clinical-codes.ts), the same criterion the NEWS2 of GET /patients/{id}/risk
//      uses (risk/fhir/bedside-inputs.ts), so the two never score one patient on different scales.
// Anything else, including no record at all, is scale 1. The scale and its basis are stated in the
// NEWS2 alert's reason.
import type { Condition, Goal, Resource } from '@medplum/fhirtypes';
import type { FhirJson } from '../ingest/source-record';
import { conditionCodes } from '../risk/fhir/clinical-codes';
import { activeCondition, patientRecord } from '../risk/fhir/patient-record';

export interface Spo2ScaleChoice {
  scale: 1 | 2;
  /** Why, in clinical words and without identifiers, for the alert's reason. */
  basis: string;
}

/** LOINC codes of SpO2 a Goal target may measure (the codes readings.ts reads as `spo2`). */
export const spo2GoalLoinc = ['59408-5', '2708-6'] as const;
/** RCP NEWS2 2017: scale 2 is for a prescribed target range of 88-92 %. */
export const scale2TargetRange = { low: 88, high: 92 } as const;

const scale1: Spo2ScaleChoice = { scale: 1, basis: 'no prescribed 88-92 % SpO2 target recorded' };

/** The patient's SpO2 scale at `at` from their Goals and Conditions (other resources are ignored). */
export function spo2ScaleOf(resources: readonly FhirJson[], at: Date): Spo2ScaleChoice {
  if (resources.some((r) => r.resourceType === 'Goal' && isScale2Target(r as unknown as Goal)))
    return { scale: 2, basis: 'prescribed SpO2 target 88-92 % recorded' };
  const conditions = resources.filter((r) => r.resourceType === 'Condition');
  const record = patientRecord(conditions as unknown as Condition[] as Resource[], at);
  if (activeCondition(record, conditionCodes.hypercapnicRespiratoryFailure))
    return { scale: 2, basis: 'hypercapnic respiratory failure recorded' };
  return scale1;
}

function isScale2Target(goal: Goal): boolean {
  if (goal.lifecycleStatus !== 'active' && goal.lifecycleStatus !== 'accepted') return false;
  return (goal.target ?? []).some(
    (t) =>
      (t.measure?.coding ?? []).some(
        (c) =>
          c.system === 'http://loinc.org' &&
          (spo2GoalLoinc as readonly string[]).includes(c.code ?? ''),
      ) &&
      isPercent(t.detailRange?.low?.unit ?? t.detailRange?.low?.code) &&
      t.detailRange?.low?.value === scale2TargetRange.low &&
      t.detailRange?.high?.value === scale2TargetRange.high,
  );
}

const isPercent = (unit: string | undefined) => unit === undefined || unit === '%';
