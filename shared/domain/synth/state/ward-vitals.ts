// Domain (synth/state): the vital signs of an inpatient stay after its admission set: one set every 12
// hours on the ward, each value returning from the admission's toward the patient's usual level, with
// a level of consciousness. Drawn from its own stream and appended after every other measurement, so
// the rest of a cohort's bytes stay as they were for existing seeds.
import type { TrueEncounter, TrueMeasurement } from '../model';
import type { Rng } from '../rng';
import { dayFromIso, localDateTime } from './calendar';
import type { EncounterPlan } from './encounters';
import { clamp, round } from './math';
import { measurement, type MeasurementPatient } from './measurement-context';
import { effectsOn } from './treatment-effects';
import { usualVitals, vitalNoise, type UsualVitals } from './vital-signs';

/**
 * Ward sets at about 06:00 and 18:00 local time (minute of the day; each set within the hour after):
 * every 12 hours, the minimum for adults on an acute ward (NICE CG50 2007, "Acutely ill patients in
 * hospital", section 1.1: observations at least every 12 hours unless a senior decides otherwise)
 * and for a NEWS2 score of 0 (RCP NEWS2 2017, chart 4: minimum 12-hourly). The clock times, before
 * the 07:00 shift handover, are project choices; so is one cadence for all (NEWS2 asks 4-6-hourly
 * at a score of 1-4, not modelled: every set costs six Observations in the benchmarked output).
 */
export const wardRoundMinutes: readonly number[] = [360, 1080];

/** A ward set is at least 2 hours after the admission set (project choice: not a near-repeat of it). */
const minutesAfterAdmission = 120;

/**
 * The acute excess over the usual level halves every 24 hours (project choice after Halm EA et al.,
 * JAMA 1998;279:1452: in 686 adults admitted with pneumonia the median time to a heart rate ≤ 100/min
 * and a systolic ≥ 90 mmHg was 2 days, to a respiratory rate ≤ 24/min, SpO2 ≥ 90% and temperature
 * ≤ 37.2 °C 3 days). Between sets a value moves as an Ornstein-Uhlenbeck process: toward the usual
 * level by that decay, with fresh noise so that its spread about the usual level tends to the
 * visit-to-visit noise (vitalNoise); readings of one stay are serially correlated.
 */
const halfLifeDays = 1;

/**
 * A confused, voice-, pain- or un-responsive patient improves by one ACVPU level with a chance of 17%
 * a day: delirium then persists to discharge in about 45% of a 4.3-day stay (the generator's mean),
 * as in older hospital patients (44.7% at discharge, Cole MG et al. Age Ageing 2009;38:19-26).
 * Steps from V, P or U are the same project choice; new delirium during the stay is not modelled.
 */
const recoveryPerDay = 0.17;

/** One vital sign as it moves between sets: its latest unrounded value and its usual level. */
interface Track {
  value: number;
  usual: number;
  sd: number;
}

/** Moves `t` on by `decay` (the share of its excess left) and returns the new value. */
function step(rng: Rng, t: Track, decay: number): number {
  t.value =
    t.usual + (t.value - t.usual) * decay + rng.normal(0, t.sd * Math.sqrt(1 - decay * decay));
  return t.value;
}

/** The minute since day 0 of a local ISO date-time (YYYY-MM-DDTHH:MM...). */
function minuteOf(iso: string): number {
  return dayFromIso(iso) * 1440 + Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
}

/** Set times of a stay: each round strictly inside (admission set + 2 h, discharge). */
function setMinutes(rng: Rng, plan: EncounterPlan, admittedAt: number): number[] {
  const out: number[] = [];
  const end = plan.endDay * 1440 + plan.endMinute;
  for (let day = plan.day; day <= plan.endDay; day++) {
    for (const round of wardRoundMinutes) {
      const at = day * 1440 + round + rng.int(0, 59);
      if (at >= admittedAt + minutesAfterAdmission && at < end) out.push(at);
    }
  }
  return out;
}

/** The admission set of an encounter (its first heart rate's time), by key. */
function admissionSet(
  encounterId: string,
  measurements: readonly TrueMeasurement[],
): Map<TrueMeasurement['key'], TrueMeasurement> | undefined {
  const pulse = measurements.find((m) => m.key === 'heartRate' && m.encounterId === encounterId);
  if (!pulse) return undefined;
  const set = new Map<TrueMeasurement['key'], TrueMeasurement>();
  for (const m of measurements)
    if (m.encounterId === encounterId && m.at === pulse.at && !set.has(m.key)) set.set(m.key, m);
  return set;
}

function tracks(
  admitted: Map<TrueMeasurement['key'], TrueMeasurement>,
  usual: UsualVitals,
  copd: boolean,
) {
  const start = (key: TrueMeasurement['key'], fallback: number): number =>
    admitted.get(key)?.value ?? fallback;
  const bp = admitted.get('bloodPressurePanel');
  return {
    bp: bp ? { value: bp.value, usual: usual.systolic, sd: vitalNoise.systolic } : undefined,
    dia: bp
      ? { value: bp.diastolic ?? usual.diastolic, usual: usual.diastolic, sd: vitalNoise.diastolic }
      : undefined,
    hr: {
      value: start('heartRate', usual.heartRate),
      usual: usual.heartRate,
      sd: vitalNoise.heartRate,
    },
    rr: {
      value: start('respiratoryRate', usual.respiratoryRate),
      usual: usual.respiratoryRate,
      sd: vitalNoise.respiratoryRate,
    },
    spo2: {
      value: start('oxygenSaturation', usual.spo2),
      usual: usual.spo2,
      sd: copd ? vitalNoise.spo2Copd : vitalNoise.spo2,
    },
    temp: {
      value: start('bodyTemperature', usual.temperature),
      usual: usual.temperature,
      sd: vitalNoise.temperature,
    },
  };
}

/** The ward sets of one stay, oldest first: BP (from age 3), pulse, RR, SpO2, temperature, ACVPU. */
function staySets(
  rng: Rng,
  patient: MeasurementPatient,
  plan: EncounterPlan,
  encounterId: string,
  admitted: Map<TrueMeasurement['key'], TrueMeasurement>,
): TrueMeasurement[] {
  const pulse = admitted.get('heartRate')!;
  const admittedAt = minuteOf(pulse.at);
  const usual = usualVitals(patient, {
    ageAt: (plan.day - patient.birthDay) / 365.25,
    yearsBefore: Math.max(0, (patient.asOfDay - plan.day) / 365.25),
    effects: effectsOn(patient.medications, plan.day, patient.riskFactors.systolicUntreated),
  });
  const copd = patient.conditions.some((c) => c.key === 'copd');
  const t = tracks(admitted, usual, copd);
  let level = admitted.get('consciousness')?.value ?? 0;
  const out: TrueMeasurement[] = [];
  let previous = admittedAt;
  for (const minute of setMinutes(rng, plan, admittedAt)) {
    const days = (minute - previous) / 1440;
    previous = minute;
    const decay = 0.5 ** (days / halfLifeDays);
    const at = localDateTime(patient.zone, Math.floor(minute / 1440), minute % 1440);
    // A child under 3 has no blood pressure at admission, so none on the ward either.
    let bp: [number, number] | undefined;
    if (t.bp && t.dia) {
      const sys = clamp(step(rng, t.bp, decay), 75, 230);
      bp = [sys, clamp(step(rng, t.dia, decay), 35, Math.min(130, sys - 15))];
    }
    const hr = clamp(step(rng, t.hr, decay), 40, 190);
    const rr = clamp(step(rng, t.rr, decay), 8, 60);
    const spo2 = clamp(step(rng, t.spo2, decay), 82, 100);
    // A fever may stay above the healthy range while it settles; otherwise the outpatient bounds.
    const expected = t.temp.usual + (t.temp.value - t.temp.usual) * decay;
    const temp = clamp(step(rng, t.temp, decay), 35.9, Math.max(37.6, expected));
    if (level > 0 && rng.chance(1 - (1 - recoveryPerDay) ** days)) level--;
    if (bp)
      out.push(
        measurement('bloodPressurePanel', Math.round(bp[0]), at, encounterId, Math.round(bp[1])),
      );
    out.push(
      measurement('heartRate', Math.round(hr), at, encounterId),
      measurement('respiratoryRate', Math.round(rr), at, encounterId),
      measurement('oxygenSaturation', Math.round(spo2), at, encounterId),
      measurement('bodyTemperature', round(temp, 1), at, encounterId),
      measurement('consciousness', level, at, encounterId),
    );
  }
  return out;
}

/**
 * The ward sets of every inpatient stay, oldest first, from `rng` (the patient's 'ward-vitals'
 * stream). `measurements` are the encounters' own (each stay's admission set, with its ACVPU level,
 * is where the stay's values start); plans and encounters are in the same order.
 */
export function wardVitalSigns(
  rng: Rng,
  patient: MeasurementPatient,
  plans: readonly EncounterPlan[],
  encounters: readonly TrueEncounter[],
  measurements: readonly TrueMeasurement[],
): TrueMeasurement[] {
  const out: TrueMeasurement[] = [];
  plans.forEach((plan, i) => {
    if (plan.kind !== 'inpatient') return;
    const encounter = encounters[i]!;
    const admitted = admissionSet(encounter.id, measurements);
    if (admitted)
      out.push(...staySets(rng.fork(encounter.id), patient, plan, encounter.id, admitted));
  });
  return out;
}
