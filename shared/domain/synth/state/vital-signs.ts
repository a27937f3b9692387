// Domain (synth/state): vital signs and body measurements at an encounter — the patient's physiology on
// that day (growth, slow trends, treatment) plus visit-to-visit noise, kept physiologically plausible.
import type { TrueMeasurement } from '../model';
import type { Rng } from '../rng';
import { childBmi, childBmiPercentile, childHeightCm, infantWeightKg } from './anthropometry';
import { clamp, interpolate, round } from './math';
import {
  hasCondition,
  measurement,
  type EncounterMoment,
  type MeasurementPatient,
} from './measurement-context';
import { childBpAgeShift, childHeartRate, childRespiratoryRate } from './physiology';

function bodySize(patient: MeasurementPatient, m: EncounterMoment, rng: Rng) {
  const { body, sex } = patient;
  if (patient.age >= 18) {
    // Systolic rises ≈0.6 mmHg/yr in adults; weight drifts by the patient's own trend (see physiology).
    const heightCm = round(body.adultHeightCm, 1);
    const weightKg = round(
      (body.adultBmi * heightCm * heightCm) / 1e4 -
        body.weightTrend * m.yearsBefore +
        rng.normal(0, 0.8),
      1,
    );
    return { heightCm, weightKg };
  }
  const heightCm = round(childHeightCm(sex, m.ageAt, body.heightZ), 1);
  if (m.ageAt < 2) {
    const z = patient.age < 2 ? body.sizeZ : 0;
    return { heightCm, weightKg: round(infantWeightKg(sex, m.ageAt, z), 2) };
  }
  const bmi = childBmi(sex, m.ageAt, patient.age >= 2 ? body.sizeZ : 0);
  return { heightCm, weightKg: round((bmi * heightCm * heightCm) / 1e4, 1) };
}

function bodyMeasurements(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
  first: boolean,
): TrueMeasurement[] {
  const { heightCm, weightKg } = bodySize(patient, m, rng);
  const out = [measurement('bodyWeight', weightKg, m.vitalsAt, m.encounterId)];
  const adult = patient.age >= 18;
  // Adults are measured for height at preventive visits and first contact; children at every visit.
  if (!adult || first || m.plan.kind === 'wellness')
    out.push(measurement('bodyHeight', heightCm, m.vitalsAt, m.encounterId));
  const bmi = round(weightKg / (heightCm / 100) ** 2, 1);
  out.push(measurement('bmi', bmi, m.vitalsAt, m.encounterId));
  if (!adult && m.ageAt >= 2) {
    out.push(
      measurement(
        'bmiPercentile',
        childBmiPercentile(patient.sex, m.ageAt, bmi),
        m.vitalsAt,
        m.encounterId,
      ),
    );
  }
  return out;
}

/**
 * Reading-to-reading noise (SD) of each vital sign: blood pressure 7/5 mmHg visit to visit (Muntner P
 * et al. Hypertension 2011;57:160); heart rate 6/min, respiratory rate 1.5/min, SpO2 0.8% (1.5% with
 * COPD) and temperature 0.25 °C (project choices). Ward sets use the same (state/ward-vitals.ts).
 */
export const vitalNoise = {
  systolic: 7,
  diastolic: 5,
  heartRate: 6,
  respiratoryRate: 1.5,
  spo2: 0.8,
  spo2Copd: 1.5,
  temperature: 0.25,
} as const;

/** Oral temperature in health, °C (the mean of the noise above). */
export const usualTemperature = 36.8;

/** Usual vital signs: mmHg, /min, /min, %, °C. */
export interface UsualVitals {
  systolic: number;
  diastolic: number;
  heartRate: number;
  respiratoryRate: number;
  spo2: number;
  temperature: number;
}

/** The part of an encounter the patient's usual vital signs depend on. */
export type UsualMoment = Pick<EncounterMoment, 'ageAt' | 'yearsBefore' | 'effects'>;

/**
 * The patient's usual (not acutely ill) vital signs on an encounter's day, before noise: blood
 * pressure (mmHg) untreated minus the treatment effect and a 0.6 mmHg/yr adult trend, heart rate
 * (/min) minus a beta-blocker's effect, respiratory rate (/min), SpO2 (%; COPD 94, BTS oxygen
 * guideline 2017) and temperature (°C). An acute encounter adds its offsets to these.
 */
export function usualVitals(patient: MeasurementPatient, m: UsualMoment): UsualVitals {
  const rf = patient.riskFactors;
  const child = m.ageAt < 18;
  const trend = patient.age >= 18 ? 0.6 * m.yearsBefore : 0;
  // A child's usual BP (drawn at its age at asOf) follows the 50th-percentile curves back to the
  // encounter's age.
  const growth =
    patient.age < 18
      ? childBpAgeShift((patient.asOfDay - patient.birthDay) / 365.25, m.ageAt)
      : { systolic: 0, diastolic: 0 };
  return {
    systolic: rf.systolicUntreated + growth.systolic - trend - m.effects.systolicDrop,
    diastolic: rf.diastolicUntreated + growth.diastolic - m.effects.diastolicDrop,
    heartRate:
      (child ? interpolate(childHeartRate, m.ageAt) : rf.heartRate) - m.effects.heartRateDrop,
    respiratoryRate: child ? interpolate(childRespiratoryRate, m.ageAt) : 16,
    spo2: hasCondition(patient, 'copd') ? 94 : 97.8,
    temperature: usualTemperature,
  };
}

/**
 * Blood pressure from age 3 (AAP 2017 CPG): the usual level (usualVitals), visit-to-visit noise and
 * +5 mmHg in acute care; clamped to plausible ranges with pulse pressure ≥ 15.
 */
function bloodPressure(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
  usual: UsualVitals,
): TrueMeasurement | undefined {
  if (m.ageAt < 3) return undefined;
  const acute = m.acute ? 5 : 0;
  const sys = clamp(usual.systolic + acute + rng.normal(0, vitalNoise.systolic), 75, 230);
  const dia = clamp(
    usual.diastolic + acute / 2 + rng.normal(0, vitalNoise.diastolic),
    35,
    Math.min(130, sys - 15),
  );
  return measurement(
    'bloodPressurePanel',
    Math.round(sys),
    m.vitalsAt,
    m.encounterId,
    Math.round(dia),
  );
}

function respiratoryDistress(m: EncounterMoment): boolean {
  const r = m.plan.reason;
  return m.acute && (r === 'asthma' || r === 'copd' || r === 'heart-failure');
}

function cardioRespiratory(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
  usual: UsualVitals,
): TrueMeasurement[] {
  const hr = clamp(
    usual.heartRate + (m.acute ? 12 : 0) + rng.normal(0, vitalNoise.heartRate),
    40,
    190,
  );
  const rr = clamp(
    usual.respiratoryRate +
      (respiratoryDistress(m) ? 7 : m.acute ? 2 : 0) +
      rng.normal(0, vitalNoise.respiratoryRate),
    8,
    60,
  );
  // SpO2 97–99% in health; COPD typically 88–95%; worse during exacerbations (BTS oxygen guideline 2017).
  const copd = hasCondition(patient, 'copd');
  const spo2 = clamp(
    usual.spo2 -
      (respiratoryDistress(m) ? 4 : 0) +
      rng.normal(0, copd ? vitalNoise.spo2Copd : vitalNoise.spo2),
    82,
    100,
  );
  return [
    measurement('heartRate', Math.round(hr), m.vitalsAt, m.encounterId),
    measurement('respiratoryRate', Math.round(rr), m.vitalsAt, m.encounterId),
    measurement('oxygenSaturation', Math.round(spo2), m.vitalsAt, m.encounterId),
  ];
}

/** Oral temperature 36.8 ± 0.25 °C; AOM visits are febrile ≈60% of the time (Kaur 2017). */
function temperature(rng: Rng, m: EncounterMoment): TrueMeasurement {
  const febrile = m.plan.reason === 'otitis-media' && rng.chance(0.6);
  const t = febrile
    ? 38 + 1.5 * rng.next()
    : clamp(rng.normal(usualTemperature, vitalNoise.temperature), 35.9, 37.6);
  return measurement('bodyTemperature', round(t, 1), m.vitalsAt, m.encounterId);
}

/** All vital signs of one encounter. */
export function vitalSigns(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
  first: boolean,
): TrueMeasurement[] {
  const usual = usualVitals(patient, m);
  const bp = bloodPressure(rng, patient, m, usual);
  return [
    ...(bp ? [bp] : []),
    ...cardioRespiratory(rng, patient, m, usual),
    temperature(rng, m),
    ...bodyMeasurements(rng, patient, m, first),
  ];
}
