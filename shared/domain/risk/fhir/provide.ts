// Domain (risk/fhir): turn query answers into provided score inputs with provenance, flagging stale
// values against each score's documented maximum age.
import type { ProvidedInput } from '../score-definition';
import type { ConditionCodes, DrugClass } from './clinical-codes';
import {
  activeCondition,
  activeMedication,
  ageAt,
  conditionHistory,
  describeCondition,
  describeMeasured,
  describeMedication,
  medicationEver,
  type Measured,
  type PatientRecord,
} from './patient-record';

export type Provided = Record<string, ProvidedInput | undefined>;

/**
 * Maximum ages (days) before an input is reported stale. Vital signs for acute scores: 1 day (NEWS2
 * describes the current physiological state; RCP 2017). Lipids, blood pressure, BMI and smoking for
 * 10-year risk scores: 365 days. Creatinine for eGFR: 90 days (KDIGO 2012 defines CKD over > 3 months,
 * and dosing decisions need a current value). PHQ-9 and GAD-7: 14 days (both ask about the last 2 weeks).
 * Children's BMI: 90 days (they grow).
 */
export const maxAgeDays = {
  acuteVitals: 1,
  cardiovascularRiskFactors: 365,
  creatinine: 90,
  questionnaire: 14,
  childBmi: 90,
} as const;

/** A measured value, flagged stale when older than `maxAge` days. */
export function fromMeasured(m: Measured | undefined, maxAge: number): ProvidedInput | undefined {
  if (!m) return undefined;
  const stale = m.ageDays > maxAge;
  return {
    value: m.value,
    unit: m.unit,
    source: `${describeMeasured(m)}${stale ? `, older than ${maxAge} d` : ''}`,
    stale,
  };
}

/** True with the Condition as source, or false stating what was looked for. */
export function fromCondition(
  record: PatientRecord,
  codes: ConditionCodes,
  history = false,
): ProvidedInput {
  const found = history ? conditionHistory(record, codes) : activeCondition(record, codes);
  return found
    ? { value: true, source: describeCondition(found) }
    : { value: false, source: `no ${history ? '' : 'active '}Condition coded as ${codes.label}` };
}

export function fromMedication(record: PatientRecord, drugClass: DrugClass): ProvidedInput {
  const found = activeMedication(record, drugClass);
  return found
    ? { value: true, source: describeMedication(found) }
    : {
        value: false,
        source: `no active ${drugClass.label} MedicationRequest/MedicationStatement`,
      };
}

/**
 * A criterion asked as "ever" (FINDRISC: "have you ever taken medication for high blood pressure
 * regularly?"): true for an active medicine of the class or a finished one (completed or stopped).
 */
export function fromMedicationEver(record: PatientRecord, drugClass: DrugClass): ProvidedInput {
  const found = medicationEver(record, drugClass);
  if (!found)
    return {
      value: false,
      source: `no ${drugClass.label} MedicationRequest/MedicationStatement, active or finished`,
    };
  const ended = found.status === 'completed' || found.status === 'stopped';
  return {
    value: true,
    source: `${describeMedication(found)}${ended ? ` (${found.status})` : ''}`,
  };
}

/** Either of two findings makes the criterion true. */
export function either(a: ProvidedInput, b: ProvidedInput): ProvidedInput {
  if (a.value === true) return a;
  if (b.value === true) return b;
  return { value: false, source: `${a.source}; ${b.source}` };
}

/** Age in completed years and sex from the Patient resource. */
export function demographics(record: PatientRecord): Provided {
  const p = record.patient;
  const age = ageAt(record);
  const source = `Patient/${p?.id ?? '?'}`;
  return {
    age: age ? { value: age.years, source: `${source} birthDate` } : undefined,
    sex:
      p?.gender === 'female' || p?.gender === 'male'
        ? { value: p.gender, source: `${source} gender` }
        : undefined,
  };
}
