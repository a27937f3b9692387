// Domain (synth/state): what an adult's preventive visit measures beyond the vital signs (1.10.0):
// waist circumference and the Exercise Vital Sign. Drawn from a stream of their own after every other
// measurement, so no earlier value or Observation id moves; the product's FINDRISC reads both
// (risk/fhir/bedside-inputs.ts).
//
// Waist circumference (LOINC 8280-0, cm) follows the visit's BMI:
//   waist = mean[sex] + 2.2 cm x (BMI - mean BMI[sex]) + the patient's own offset + N(0, 1) cm.
// The means are the US adults' of NHANES 2015-2016 (Fryar CD et al. Mean body weight, height, waist
// circumference, and body mass index among adults: United States, 1999-2000 through 2015-2016. Natl
// Health Stat Report 2018;122): men BMI 29.1 kg/m2, waist 102.1 cm; women BMI 29.6 kg/m2, waist
// 98.0 cm. The slope (2.2 cm per kg/m2) and the patient's offset (SD 6 cm) are project calibrations:
// BMI then explains about 80 % of the variance of waist (r about 0.9), as in the NHANES-based
// regression of Bozeman SR et al. (BMC Med Res Methodol 2012;12:115), whose coefficients are not
// reproduced here. The visit-to-visit 1 cm is tape-measure error (project choice).
//
// Exercise Vital Sign (HL7 Physical Activity IG 1.0.0: LOINC 89555-7 days a week of moderate to
// strenuous exercise, 68516-4 minutes on those days): each adult has a habit, in the shares Coleman KJ
// et al. found over 1,537,798 patients' EVS (Med Sci Sports Exerc 2012;44:2071): 36.3 % completely
// inactive (0 min a week), 33.3 % insufficiently active (1-149), 30.4 % sufficiently active (150 or
// more). A visit's answer is the habit, or a day more or fewer 30 % of the time (project choice).
import type { Sex, TrueEncounter, TrueMeasurement } from '../model';
import type { Rng } from '../rng';
import { dayFromIso, type Day } from './calendar';
import { clamp, round } from './math';
import { measurement } from './measurement-context';

/** Fryar 2018 (NHSR 122), NHANES 2015-2016 adults 20+: mean BMI (kg/m2) and waist (cm). */
export const nhanesMeans: Readonly<Record<Sex, { bmi: number; waistCm: number }>> = {
  male: { bmi: 29.1, waistCm: 102.1 },
  female: { bmi: 29.6, waistCm: 98.0 },
};
/** cm of waist per kg/m2 of BMI, and the SD of a patient's own offset (project calibration). */
export const waistPerBmi = 2.2;
export const waistOffsetSdCm = 6;

/** Coleman 2012: completely inactive, insufficiently active, sufficiently active. */
export const exerciseHabitShares = { inactive: 0.363, insufficient: 0.333, sufficient: 0.304 };

export type ExerciseLevel = keyof typeof exerciseHabitShares;

export interface ExerciseHabit {
  level: ExerciseLevel;
  daysPerWeek: number;
  minutesPerDay: number;
}

/** Minutes a session, as patients answer (round numbers). */
const sessionMinutes = [10, 15, 20, 30, 40, 45, 60, 90];

/** A habit of `level`: days and minutes whose product lies in the level's band. */
export function drawExerciseHabit(rng: Rng): ExerciseHabit {
  const u = rng.next();
  const level: ExerciseLevel =
    u < exerciseHabitShares.inactive
      ? 'inactive'
      : u < exerciseHabitShares.inactive + exerciseHabitShares.insufficient
        ? 'insufficient'
        : 'sufficient';
  if (level === 'inactive') return { level, daysPerWeek: 0, minutesPerDay: 0 };
  const daysPerWeek = level === 'insufficient' ? rng.int(1, 5) : rng.int(3, 7);
  const fits = sessionMinutes.filter((m) =>
    level === 'insufficient' ? daysPerWeek * m < 150 : daysPerWeek * m >= 150,
  );
  return { level, daysPerWeek, minutesPerDay: rng.pick(fits) };
}

/** Waist circumference (cm, one decimal) at a BMI, with the patient's offset and the tape's error. */
export function waistAt(rng: Rng, sex: Sex, bmi: number, offsetCm: number): number {
  const mean = nhanesMeans[sex];
  const waist = mean.waistCm + waistPerBmi * (bmi - mean.bmi) + offsetCm + rng.normal(0, 1);
  return round(clamp(waist, 50, 200), 1);
}

/**
 * Waist and the Exercise Vital Sign at each adult wellness visit that has a BMI, at the time of its
 * vital signs. `measurements` are the patient's measurements so far (the BMI is read from them).
 */
export function preventiveMeasures(
  rng: Rng,
  patient: { sex: Sex; birthDay: Day },
  encounters: readonly TrueEncounter[],
  measurements: readonly TrueMeasurement[],
): TrueMeasurement[] {
  const bmiByEncounter = new Map<string, TrueMeasurement>();
  for (const m of measurements) if (m.key === 'bmi') bmiByEncounter.set(m.encounterId ?? '', m);
  const offsetCm = rng.normal(0, waistOffsetSdCm);
  const habit = drawExerciseHabit(rng);
  const out: TrueMeasurement[] = [];
  for (const encounter of encounters) {
    const bmi = bmiByEncounter.get(encounter.id);
    if (encounter.kind !== 'wellness' || !bmi) continue;
    const ageAt = (dayFromIso(encounter.start) - patient.birthDay) / 365.25;
    if (ageAt < 18) continue;
    out.push(
      measurement(
        'waistCircumference',
        waistAt(rng, patient.sex, bmi.value, offsetCm),
        bmi.at,
        encounter.id,
      ),
    );
    const shift = rng.chance(0.3) ? (rng.chance(0.5) ? 1 : -1) : 0;
    const days = clamp(habit.daysPerWeek + shift, 0, 7);
    const minutes = days === 0 ? 0 : habit.minutesPerDay || 20;
    out.push(measurement('exerciseDaysPerWeek', days, bmi.at, encounter.id));
    out.push(measurement('exerciseMinutesPerDay', minutes, bmi.at, encounter.id));
  }
  return out;
}
