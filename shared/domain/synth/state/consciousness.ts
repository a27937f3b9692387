// Domain (synth/state): the level of consciousness (ACVPU, RCP NEWS2 2017) recorded with each
// encounter's vital signs. Drawn from its own stream and appended after every other measurement, so
// adding it left the rest of a cohort's bytes unchanged for existing seeds.
import type { TrueEncounter, TrueMeasurement } from '../model';
import type { Rng } from '../rng';
import type { Day } from './calendar';
import type { EncounterPlan } from './encounters';
import { measurement } from './measurement-context';

/**
 * ACVPU levels in NEWS2 order (RCP NEWS2 2017, chart 1): Alert, new Confusion, Voice, Pain,
 * Unresponsive. A reading's `value` is the index (0 = A ... 4 = U), the convention the monitoring
 * readings use too.
 */
export const acvpuLevels = ['alert', 'confusion', 'voice', 'pain', 'unresponsive'] as const;
export type AcvpuLevel = (typeof acvpuLevels)[number];

/** Chance of each non-alert level at one vital-signs set; the rest is Alert. */
interface LevelOdds {
  confusion: number;
  voice: number;
  pain: number;
  unresponsive: number;
}

/**
 * New confusion (delirium) by age at an ED visit or admission: about 8-10% of ED patients 65 and
 * over (Han JH et al. Acad Emerg Med 2009;16:193-200) and 14-24% of older patients on admission
 * (Inouye SK. N Engl J Med 2006;354:1157-65), so 8% at 65-79 and 18% at 80+. Under 65 (2%) and
 * under 18 (0.5%) are project choices (delirium is uncommon there).
 */
const acuteConfusionByAge: readonly (readonly [number, number])[] = [
  [80, 0.18],
  [65, 0.08],
  [18, 0.02],
  [0, 0.005],
];

/**
 * Clinic and wellness visits: new confusion is rare (project choice: 0.2% under 65, 0.5% at 65-79,
 * 1.5% at 80+, to keep a few confused outpatients in a cohort); a patient who responds only to voice
 * or pain is not seen in clinic, so V/P/U occur only in acute care.
 */
const clinicConfusionByAge: readonly (readonly [number, number])[] = [
  [80, 0.015],
  [65, 0.005],
  [0, 0.002],
];

/**
 * Reduced responsiveness (V, P, U) at an ED visit or admission: 1.2%, 0.4% and 0.2% (project
 * choices, of the order of the share of acute medical admissions with GCS below 15).
 */
const acuteReduced = { voice: 0.012, pain: 0.004, unresponsive: 0.002 } as const;

/**
 * How the patient's state on the day moves the odds (project choices): an acute stroke makes
 * confusion 3x and reduced responsiveness 8x as likely; hypoxaemia (SpO2 <= 88%) or fever
 * (>= 38.0 °C) at the same set doubles confusion and voice-only responses (hypoxia and infection are
 * leading precipitants of delirium, Inouye 2006).
 */
const strokeConfusion = 3;
const strokeReduced = 8;
const physiologicStress = 2;
const hypoxaemiaSpo2 = 88;
const feverCelsius = 38;

function byAge(table: readonly (readonly [number, number])[], age: number): number {
  return table.find(([from]) => age >= from)![1];
}

/** The odds of each non-alert level for one vital-signs set. */
export function levelOdds(
  age: number,
  kind: TrueEncounter['kind'],
  reason: TrueEncounter['reason'],
  vitals: { spo2?: number; temperatureCelsius?: number },
): LevelOdds {
  const acute = kind === 'emergency' || kind === 'inpatient';
  if (!acute)
    return { confusion: byAge(clinicConfusionByAge, age), voice: 0, pain: 0, unresponsive: 0 };
  const stroke = reason === 'stroke';
  const stressed =
    (vitals.spo2 !== undefined && vitals.spo2 <= hypoxaemiaSpo2) ||
    (vitals.temperatureCelsius !== undefined && vitals.temperatureCelsius >= feverCelsius);
  const confusion =
    byAge(acuteConfusionByAge, age) *
    (stroke ? strokeConfusion : 1) *
    (stressed ? physiologicStress : 1);
  const reduced = stroke ? strokeReduced : 1;
  return {
    confusion,
    voice: acuteReduced.voice * reduced * (stressed ? physiologicStress : 1),
    pain: acuteReduced.pain * reduced,
    unresponsive: acuteReduced.unresponsive * reduced,
  };
}

/** One draw: the most severe level first, so a single uniform picks the level. */
export function drawLevel(rng: Rng, odds: LevelOdds): AcvpuLevel {
  let u = rng.next();
  for (const level of ['unresponsive', 'pain', 'voice', 'confusion'] as const) {
    u -= odds[level];
    if (u < 0) return level;
  }
  return 'alert';
}

/**
 * One ACVPU reading per encounter, at the time of that encounter's vital signs, drawn from `rng`
 * (the patient's 'consciousness' stream). `measurements` are the encounter vitals already generated
 * (SpO2 and temperature set the physiological stress); plans and encounters are in the same order.
 */
export function consciousnessReadings(
  rng: Rng,
  birthDay: Day,
  plans: readonly EncounterPlan[],
  encounters: readonly TrueEncounter[],
  measurements: readonly TrueMeasurement[],
): TrueMeasurement[] {
  const vitalsByEncounter = new Map<string, TrueMeasurement[]>();
  for (const m of measurements) {
    if (m.key !== 'heartRate' && m.key !== 'oxygenSaturation' && m.key !== 'bodyTemperature')
      continue;
    const list = vitalsByEncounter.get(m.encounterId ?? '');
    if (list) list.push(m);
    else vitalsByEncounter.set(m.encounterId ?? '', [m]);
  }
  const out: TrueMeasurement[] = [];
  encounters.forEach((encounter, i) => {
    const vitals = vitalsByEncounter.get(encounter.id);
    if (!vitals) return;
    const value = (key: TrueMeasurement['key']) => vitals.find((m) => m.key === key)?.value;
    const age = (plans[i]!.day - birthDay) / 365.25;
    const odds = levelOdds(age, encounter.kind, encounter.reason, {
      spo2: value('oxygenSaturation'),
      temperatureCelsius: value('bodyTemperature'),
    });
    const level = drawLevel(rng, odds);
    out.push(measurement('consciousness', acvpuLevels.indexOf(level), vitals[0]!.at, encounter.id));
  });
  return out;
}
