// Domain (risk/fhir): inputs of the bedside, questionnaire and anthropometric scores (NEWS2, qSOFA,
// FINDRISC, PHQ-9, GAD-7, BMI, BMI-for-age) from a patient's FHIR record.
import type { ProvidedInput } from '../score-definition';
import {
  conditionCodes as cc,
  drugClasses as dc,
  firstDegreeRelatives,
  loinc,
  phqFrequencyAnswers,
} from './clinical-codes';
import {
  ageAt,
  codings,
  describeMeasured,
  latestAnswer,
  latestItemScore,
  latestMeasurement,
  matchesCodes,
  type PatientRecord,
} from './patient-record';
import {
  demographics,
  either,
  fromCondition,
  fromMeasured,
  fromMedicationEver,
  maxAgeDays,
  type Provided,
} from './provide';

const day = maxAgeDays.acuteVitals;
const year = maxAgeDays.cardiovascularRiskFactors;

/** Oxygen: US Core pulse-oximetry components or standalone observations of flow (L/min) or FiO2 (%). */
function supplementalOxygen(record: PatientRecord): ProvidedInput | undefined {
  const flow = latestMeasurement(record, loinc.oxygenFlow);
  const fio2 = latestMeasurement(record, loinc.inspiredOxygen);
  const latest = [flow, fio2]
    .filter((m) => m !== undefined)
    .sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  if (!latest) return undefined;
  const onOxygen = latest === flow ? latest.value > 0 : latest.value > 21;
  return { value: onOxygen, source: describeMeasured(latest), stale: latest.ageDays > day };
}

type Acvpu = 'alert' | 'new-confusion' | 'voice' | 'pain' | 'unresponsive';

/** ACVPU from a level-of-responsiveness answer; GCS 15 means alert (GCS < 15 cannot say whether confusion is new). */
function consciousness(record: PatientRecord): ProvidedInput | undefined {
  const answer = latestAnswer(record, loinc.consciousness);
  if (answer) {
    const text = [answer.concept.text, ...codings(answer.concept).map((c) => c.display)]
      .join(' ')
      .toLowerCase();
    const levels: Array<[RegExp, Acvpu]> = [
      [/unresponsive/, 'unresponsive'],
      [/pain/, 'pain'],
      [/voice|verbal/, 'voice'],
      [/confus/, 'new-confusion'],
      [/alert/, 'alert'],
    ];
    const level = levels.find(([re]) => re.test(text))?.[1];
    if (level)
      return { value: level, source: describeMeasured(answer), stale: answer.ageDays > day };
  }
  const gcs = latestMeasurement(record, loinc.glasgowComaScale);
  if (gcs?.value === 15)
    return { value: 'alert', source: `GCS 15: ${describeMeasured(gcs)}`, stale: gcs.ageDays > day };
  return undefined;
}

export function news2Inputs(record: PatientRecord): Provided {
  const latest = (codes: readonly string[]) => fromMeasured(latestMeasurement(record, codes), day);
  return {
    respiratoryRate: latest(loinc.respiratoryRate),
    spo2: latest(loinc.spo2),
    hypercapnicRespiratoryFailure: fromCondition(record, cc.hypercapnicRespiratoryFailure),
    supplementalOxygen: supplementalOxygen(record),
    systolic: latest(loinc.systolic),
    pulse: latest(loinc.pulse),
    consciousness: consciousness(record),
    temperature: latest(loinc.temperature),
    age: demographics(record).age,
    pregnant: fromCondition(record, cc.pregnancy),
  };
}

/** Sepsis-3 altered mentation: GCS < 15, or a responsiveness level other than alert. */
function alteredMentation(record: PatientRecord): ProvidedInput | undefined {
  const gcs = latestMeasurement(record, loinc.glasgowComaScale);
  const acvpu = consciousness(record);
  if (gcs && (!acvpu || !acvpu.source.includes(gcs.id)))
    return {
      value: gcs.value < 15,
      source: `GCS ${gcs.value}: ${describeMeasured(gcs)}`,
      stale: gcs.ageDays > day,
    };
  return acvpu && { ...acvpu, value: acvpu.value !== 'alert' };
}

export function qsofaInputs(record: PatientRecord): Provided {
  return {
    respiratoryRate: fromMeasured(latestMeasurement(record, loinc.respiratoryRate), day),
    systolic: fromMeasured(latestMeasurement(record, loinc.systolic), day),
    alteredMentation: alteredMentation(record),
    age: demographics(record).age,
  };
}

const secondDegree = new Set([
  'GRMTH',
  'GRFTH',
  'MGRMTH',
  'MGRFTH',
  'PGRMTH',
  'PGRFTH',
  'GRPRN',
  'AUNT',
  'UNCLE',
  'MAUNT',
  'PAUNT',
  'MUNCLE',
  'PUNCLE',
  'COUSN',
  'MCOUSN',
  'PCOUSN',
]);

/** FINDRISC family history of diabetes from FamilyMemberHistory; none recorded at all is missing. */
function diabetesFamilyHistory(record: PatientRecord): ProvidedInput | undefined {
  if (record.familyHistory.length === 0) return undefined;
  let found: { value: string; source: string } = {
    value: 'none',
    source: `no diabetes in ${record.familyHistory.length} FamilyMemberHistory`,
  };
  for (const f of record.familyHistory) {
    if (!(f.condition ?? []).some((c) => matchesCodes(c.code, cc.diabetes))) continue;
    const relation = codings(f.relationship).map((c) => c.code ?? '');
    const source = `FamilyMemberHistory/${f.id ?? '?'}`;
    if (relation.some((r) => firstDegreeRelatives.has(r))) return { value: 'first-degree', source };
    if (relation.some((r) => secondDegree.has(r))) found = { value: 'second-degree', source };
  }
  return found;
}

/** Ever high glucose: prediabetes or gestational diabetes recorded, or an HbA1c ≥ 5.7 % (ADA 2024 prediabetes). */
function highGlucoseHistory(record: PatientRecord): ProvidedInput {
  const prediabetes = fromCondition(
    record,
    {
      label: 'prediabetes or gestational diabetes',
      snomed: ['15777000', '11687002'],
      icd10: ['R73', 'O24.4'],
    },
    true,
  );
  const hba1c = latestMeasurement(record, ['4548-4']);
  const high =
    hba1c && hba1c.value >= 5.7
      ? { value: true, source: describeMeasured(hba1c) }
      : { value: false, source: 'no HbA1c ≥ 5.7 %' };
  return either(prediabetes, high);
}

/** The Exercise Vital Sign's units as the PA IG writes them (and as ingest canonicalises them). */
const expectedUnits = {
  days: ['d/wk', '/wk', '{days}/wk', '{score}'],
  minutesPerDay: ['min/d', 'min', '{score}'],
  minutesPerWeek: ['min/wk', '{score}'],
} as const satisfies Record<string, readonly string[]>;
const inUnits = (units: readonly string[], m: { unit: string }) => units.includes(m.unit);

/**
 * FINDRISC "at least 30 minutes of physical activity daily" from the Exercise Vital Sign (HL7
 * Physical Activity IG 1.0.0): the newest of minutes a week (82290-8) or days a week x minutes a day
 * (89555-7, 68516-4, recorded together; 0 days alone is 0 minutes), read as active at 210 minutes a
 * week (30 x 7) or more. The
 * EVS counts moderate-to-strenuous exercise only, not the everyday activity FINDRISC also counts, so
 * it can read an active patient as inactive (2 points), never the reverse. A unit other than the
 * IG's is not guessed at: the input is then missing.
 */
function physicallyActive(record: PatientRecord): ProvidedInput | undefined {
  const days = latestMeasurement(record, loinc.exerciseDaysPerWeek);
  const perDay = latestMeasurement(record, loinc.exerciseMinutesPerDay);
  const perWeek = latestMeasurement(record, loinc.exerciseMinutesPerWeek);
  const paired =
    days && perDay && Math.abs(days.date.getTime() - perDay.date.getTime()) <= 86_400_000
      ? { days, perDay }
      : undefined;
  const useWeek = perWeek && (!days || perWeek.date >= days.date);
  if (useWeek) {
    if (!inUnits(expectedUnits.minutesPerWeek, perWeek)) return undefined;
    return activity(perWeek.value, `${describeMeasured(perWeek)} ${perWeek.value} min/wk`, perWeek);
  }
  // No days of exercise answers the question alone (the minutes are then often not asked).
  if (days && days.value === 0 && inUnits(expectedUnits.days, days))
    return activity(0, `${describeMeasured(days)} 0 d/wk`, days);
  if (!paired) return undefined;
  if (
    !inUnits(expectedUnits.days, paired.days) ||
    !inUnits(expectedUnits.minutesPerDay, paired.perDay)
  )
    return undefined;
  const minutes = paired.days.value * paired.perDay.value;
  return activity(
    minutes,
    `${describeMeasured(paired.days)} ${paired.days.value} d/wk x ${describeMeasured(paired.perDay)} ${paired.perDay.value} min/d = ${minutes} min/wk`,
    paired.days,
  );
}

function activity(minutesPerWeek: number, source: string, m: { ageDays: number }): ProvidedInput {
  const stale = m.ageDays > year;
  return {
    value: minutesPerWeek >= 210,
    source: `${source} (active at >= 210)${stale ? `, older than ${year} d` : ''}`,
    stale,
  };
}

export function findriscInputs(record: PatientRecord): Provided {
  return {
    ...demographics(record),
    bmi: fromMeasured(latestMeasurement(record, loinc.bmi), year),
    waist: fromMeasured(latestMeasurement(record, loinc.waist), year),
    physicallyActive: physicallyActive(record),
    // Lindström & Tuomilehto 2003: "ever taken antihypertensive medication regularly".
    antihypertensiveMedication: fromMedicationEver(record, dc.antihypertensive),
    highGlucoseHistory: highGlucoseHistory(record),
    familyHistory: diabetesFamilyHistory(record),
  };
}

/**
 * A PHQ-9 item scored 0-3, numeric or as a LOINC LL358-3 answer (clinical-codes.ts
 * phqFrequencyAnswers). An item recorded with an answer that cannot be scored is refused, naming it,
 * so the result says it is there and unread instead of leaving it out silently.
 */
function questionnaireItem(
  record: PatientRecord,
  codes: readonly string[],
  label: string,
): ProvidedInput | undefined {
  const item = latestItemScore(record, codes, phqFrequencyAnswers);
  if (!item) return undefined;
  if ('unreadable' in item)
    return {
      value: undefined,
      source: describeMeasured(item),
      unreadable: `${label} is recorded but cannot be read (${item.unreadable}): review the answer`,
    };
  return fromMeasured(item, maxAgeDays.questionnaire);
}

export function phq9Inputs(record: PatientRecord): Provided {
  return {
    total: fromMeasured(latestMeasurement(record, loinc.phq9), maxAgeDays.questionnaire),
    item9: questionnaireItem(
      record,
      loinc.phq9Item9,
      'PHQ-9 item 9 (thoughts of self-harm, LOINC 44260-8)',
    ),
    age: demographics(record).age,
  };
}

export function gad7Inputs(record: PatientRecord): Provided {
  return {
    total: fromMeasured(latestMeasurement(record, loinc.gad7), maxAgeDays.questionnaire),
    age: demographics(record).age,
  };
}

function anthropometry(record: PatientRecord, maxAge: number): Provided {
  return {
    bmi: fromMeasured(latestMeasurement(record, loinc.bmi), maxAge),
    weight: fromMeasured(latestMeasurement(record, loinc.weight), maxAge),
    height: fromMeasured(latestMeasurement(record, loinc.height), maxAge),
  };
}

export function bmiInputs(record: PatientRecord): Provided {
  return { ...anthropometry(record, year), age: demographics(record).age };
}

/** Age in months at the BMI (or weight) measurement, as the CDC charts use it. */
export function bmiForAgeInputs(record: PatientRecord): Provided {
  const measured = latestMeasurement(record, loinc.bmi) ?? latestMeasurement(record, loinc.weight);
  const age = measured && ageAt(record, measured.date);
  return {
    ...anthropometry(record, maxAgeDays.childBmi),
    sex: demographics(record).sex,
    ageMonths: age && {
      value: Math.round(age.months * 100) / 100,
      source: `Patient/${record.patient?.id ?? '?'} birthDate to ${measured!.id}`,
    },
  };
}
