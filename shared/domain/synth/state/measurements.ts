// Domain (synth/state): the measurement series across a patient's encounters, oldest first — vital signs
// at every encounter, labs and questionnaires where a clinician would have ordered them.
import type { TrueEncounter, TrueMeasurement } from '../model';
import type { Rng } from '../rng';
import { localDateTime } from './calendar';
import type { EncounterPlan } from './encounters';
import { labResults } from './lab-results';
import type { EncounterMoment, LabHistory, MeasurementPatient } from './measurement-context';
import { effectsOn } from './treatment-effects';
import { vitalSigns } from './vital-signs';

function momentOf(
  patient: MeasurementPatient,
  plan: EncounterPlan,
  encounter: TrueEncounter,
  rng: Rng,
): EncounterMoment {
  const effects = effectsOn(patient.medications, plan.day, patient.riskFactors.systolicUntreated);
  // Vitals within the first 15 minutes; specimens a little later (next morning for admissions).
  const vitalsMinute = plan.startMinute + rng.int(3, 15);
  const labsMinute = plan.kind === 'inpatient' ? 1440 + 360 : plan.startMinute + rng.int(16, 45);
  const presentation = encounter.presentation;
  const labsOffset = Math.min(labsMinute, (plan.endDay - plan.day) * 1440 + plan.endMinute);
  return {
    plan,
    encounterId: encounter.id,
    ageAt: (plan.day - patient.birthDay) / 365.25,
    labsAgeAt: (plan.day + Math.floor(labsOffset / 1440) - patient.birthDay) / 365.25,
    yearsBefore: Math.max(0, (patient.asOfDay - plan.day) / 365.25),
    effects,
    acute: plan.kind === 'inpatient' || plan.kind === 'emergency',
    ...(presentation ? { presentation } : {}),
    vitalsAt: localDateTime(patient.zone, plan.day, vitalsMinute),
    labsAt: localDateTime(patient.zone, plan.day, labsOffset),
  };
}

/**
 * Generates the measurement series from the 'measurements' stream (plans and encounters in the same
 * order, oldest first); `presentations` are the complaints of ED visits and stays without a reason.
 */
export function generateMeasurements(
  rng: Rng,
  patient: MeasurementPatient,
  plans: readonly EncounterPlan[],
  encounters: readonly TrueEncounter[],
): TrueMeasurement[] {
  const out: TrueMeasurement[] = [];
  const history: LabHistory = {};
  plans.forEach((plan, i) => {
    const moment = momentOf(patient, plan, encounters[i]!, rng);
    out.push(
      ...vitalSigns(rng, patient, moment, i === 0),
      ...labResults(rng, patient, moment, history),
    );
  });
  return out;
}
