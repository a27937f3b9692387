// Domain (synth/state): vital signs and body measurements at an encounter — the patient's physiology on
// that day (growth, slow trends, treatment) plus visit-to-visit noise, kept physiologically plausible.
import type { TrueMeasurement } from '../model';
import type { Rng } from '../rng';
import { bmiPercentile, childBmi, childBmiZ, childHeightCm, infantWeightKg } from './anthropometry';
import { clamp, interpolate, round } from './math';
import {
  hasCondition,
  measurement,
  type EncounterMoment,
  type MeasurementPatient,
} from './measurement-context';
import { childHeartRate, childRespiratoryRate } from './physiology';

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
        bmiPercentile(childBmiZ(patient.sex, m.ageAt, bmi)),
        m.vitalsAt,
        m.encounterId,
      ),
    );
  }
  return out;
}

/**
 * Blood pressure from age 3 (AAP 2017 CPG): untreated level minus treatment effect, a 0.6 mmHg/yr adult
 * trend, visit-to-visit noise SD 7/5 mmHg (Muntner P et al. Hypertension 2011;57:160) and +5 mmHg in
 * acute care; clamped to plausible ranges with pulse pressure ≥ 15.
 */
function bloodPressure(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
): TrueMeasurement | undefined {
  if (m.ageAt < 3) return undefined;
  const rf = patient.riskFactors;
  const trend = patient.age >= 18 ? 0.6 * m.yearsBefore : 0;
  const acute = m.acute ? 5 : 0;
  const sys = clamp(
    rf.systolicUntreated - trend - m.effects.systolicDrop + acute + rng.normal(0, 7),
    75,
    230,
  );
  const dia = clamp(
    rf.diastolicUntreated - m.effects.diastolicDrop + acute / 2 + rng.normal(0, 5),
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
): TrueMeasurement[] {
  const child = m.ageAt < 18;
  const hrBase = child ? interpolate(childHeartRate, m.ageAt) : patient.riskFactors.heartRate;
  const hr = clamp(
    hrBase - m.effects.heartRateDrop + (m.acute ? 12 : 0) + rng.normal(0, 6),
    40,
    190,
  );
  const rrBase = child ? interpolate(childRespiratoryRate, m.ageAt) : 16;
  const rr = clamp(
    rrBase + (respiratoryDistress(m) ? 7 : m.acute ? 2 : 0) + rng.normal(0, 1.5),
    8,
    60,
  );
  // SpO2 97–99% in health; COPD typically 88–95%; worse during exacerbations (BTS oxygen guideline 2017).
  const copd = hasCondition(patient, 'copd');
  const spo2 = clamp(
    (copd ? 94 : 97.8) - (respiratoryDistress(m) ? 4 : 0) + rng.normal(0, copd ? 1.5 : 0.8),
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
  const t = febrile ? 38 + 1.5 * rng.next() : clamp(rng.normal(36.8, 0.25), 35.9, 37.6);
  return measurement('bodyTemperature', round(t, 1), m.vitalsAt, m.encounterId);
}

/** All vital signs of one encounter. */
export function vitalSigns(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
  first: boolean,
): TrueMeasurement[] {
  const bp = bloodPressure(rng, patient, m);
  return [
    ...(bp ? [bp] : []),
    ...cardioRespiratory(rng, patient, m),
    temperature(rng, m),
    ...bodyMeasurements(rng, patient, m, first),
  ];
}
