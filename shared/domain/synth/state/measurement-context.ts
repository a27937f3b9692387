// Domain (synth/state): what the measurement generators know about a patient and one encounter, and the
// helper that stamps a value with its catalog unit and local time.
import type { MeasurementKey } from '../catalog';
import { measurements as catalogMeasurements } from '../catalog';
import type { Sex, TrueCondition, TrueMeasurement, TrueMedication, RiskFactors } from '../model';
import type { Day, UsZone } from './calendar';
import type { Presentation } from '../notes/lexicon/presentations';
import type { EncounterPlan } from './encounters';
import type { BodyProfile } from './physiology';
import type { TreatmentEffects } from './treatment-effects';

export interface MeasurementPatient {
  sex: Sex;
  /** Completed years at asOf. */
  age: number;
  birthDay: Day;
  asOfDay: Day;
  zone: UsZone;
  conditions: readonly TrueCondition[];
  medications: readonly TrueMedication[];
  riskFactors: RiskFactors;
  body: BodyProfile;
  /** The patient's usual spot urine albumin-to-creatinine ratio, mg/g (state/albuminuria.ts). */
  usualUacr: number;
}

export interface EncounterMoment {
  plan: EncounterPlan;
  encounterId: string;
  /** Fractional age on the encounter day. */
  ageAt: number;
  /**
   * Age in years on the day the specimens are drawn (an admission's the next morning): the age an
   * eGFR equation takes (until 1.5.0 the encounter's, a year off when a birthday fell in between).
   */
  labsAgeAt: number;
  /** Years between the encounter and asOf (≥ 0), for slow trends. */
  yearsBefore: number;
  effects: TreatmentEffects;
  acute: boolean;
  /** The complaint of an ED visit or stay without a catalog reason (state/presentations.ts). */
  presentation?: Presentation;
  /** Local ISO times for vitals and for specimens. */
  vitalsAt: string;
  labsAt: string;
}

/** What earlier encounters of the patient ordered, for tests repeated at intervals (oldest first). */
export interface LabHistory {
  /** Day of the last urine albumin-to-creatinine ratio. */
  lastUacrDay?: Day;
}

/** Whether the patient has the condition (active or resolved). */
export function hasCondition(patient: MeasurementPatient, key: TrueCondition['key']): boolean {
  return patient.conditions.some((c) => c.key === key);
}

/** A TrueMeasurement in the catalog unit of `key`, stamped with its local time and encounter. */
export function measurement(
  key: MeasurementKey,
  value: number,
  at: string,
  encounterId: string,
  diastolic?: number,
): TrueMeasurement {
  const m: TrueMeasurement = { key, at, value, unit: catalogMeasurements[key].unit, encounterId };
  if (diastolic !== undefined) m.diastolic = diastolic;
  return m;
}
