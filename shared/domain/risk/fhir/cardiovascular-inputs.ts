// Domain (risk/fhir): inputs of the cardiovascular and renal scores (PCE, QRISK3, CHA2DS2-VASc,
// HAS-BLED, CKD-EPI 2021) from a patient's FHIR record.
import type { Extension } from '@medplum/fhirtypes';
import { sameUnit } from '../score-definition';
import { cholesterolUnits, creatinineUmolPerMgdl, creatinineUnits } from '../units';
import {
  conditionCodes as cc,
  drugClasses as dc,
  firstDegreeRelatives,
  loinc,
  smokingAnswers,
} from './clinical-codes';
import {
  codings,
  latestAnswer,
  latestMeasurement,
  matchesCodes,
  measurements,
  type PatientRecord,
} from './patient-record';
import {
  demographics,
  either,
  fromCondition,
  fromMeasured,
  fromMedication,
  maxAgeDays,
  type Provided,
} from './provide';

const year = maxAgeDays.cardiovascularRiskFactors;

type SmokingStatus = 'never' | 'former' | 'light' | 'heavy' | 'currentAmountUnknown';

function smokingStatus(
  record: PatientRecord,
): { status?: SmokingStatus; source: string; stale: boolean } | undefined {
  const answer = latestAnswer(record, loinc.smokingStatus);
  if (!answer) return undefined;
  const codes = codings(answer.concept).map((c) => c.code ?? '');
  const status = (Object.keys(smokingAnswers) as SmokingStatus[]).find((k) =>
    (smokingAnswers[k] as readonly string[]).some((code) => codes.includes(code)),
  );
  const stale = answer.ageDays > year;
  return {
    status,
    stale,
    source: `${answer.id} ${answer.date.toISOString().slice(0, 10)} (${answer.ageDays} d old)`,
  };
}

/** US Core race: OMB category and detailed codes (CDC Race & Ethnicity code set, urn:oid:2.16.840.1.113883.6.238). */
function raceCodings(record: PatientRecord): { codes: string[]; text: string } {
  const race = record.patient?.extension?.find((e) => e.url.endsWith('us-core-race'));
  const parts: Extension[] = race?.extension ?? [];
  const codes = parts.flatMap((p) => (p.valueCoding?.code ? [p.valueCoding.code] : []));
  const text = parts.map((p) => p.valueCoding?.display ?? p.valueString ?? '').join(' ');
  return { codes, text };
}

function pceRace(record: PatientRecord): Provided[string] {
  const { codes } = raceCodings(record);
  const source = `Patient/${record.patient?.id ?? '?'} us-core-race`;
  if (codes.length === 0) return undefined;
  if (codes.includes('2054-5')) return { value: 'african-american', source };
  if (codes.length === 1 && codes[0] === '2106-3') return { value: 'white', source };
  return { value: 'other', source };
}

/** QRISK3 ethnic groups; "not stated" is grouped with white by QRISK3 itself. */
function qriskEthnicity(record: PatientRecord): Provided[string] {
  const { codes, text } = raceCodings(record);
  const source = `Patient/${record.patient?.id ?? '?'} us-core-race`;
  const named: Array<[RegExp, string]> = [
    [/\bindian\b/i, 'indian'],
    [/pakistani/i, 'pakistani'],
    [/bangladeshi/i, 'bangladeshi'],
    [/chinese/i, 'chinese'],
    [/caribbean|west indian|jamaican|haitian|barbadian|trinidadian/i, 'black-caribbean'],
    [/\bafrican\b(?! american)/i, 'black-african'],
  ];
  const match = named.find(([re]) => re.test(text));
  if (match) return { value: match[1], source };
  if (codes.length === 0 || codes.includes('UNK') || codes.includes('ASKU'))
    return {
      value: 'white',
      source: `${source}: not stated (QRISK3 groups "not stated" with white)`,
    };
  if (codes.includes('2054-5')) return undefined; // Black Caribbean or Black African: QRISK3 needs which.
  if (codes.every((c) => c === '2106-3')) return { value: 'white', source };
  if (codes.includes('2028-9')) return { value: 'other-asian', source };
  return { value: 'other', source };
}

function lipids(record: PatientRecord): Provided {
  return {
    totalCholesterol: fromMeasured(latestMeasurement(record, loinc.totalCholesterol), year),
    hdl: fromMeasured(latestMeasurement(record, loinc.hdl), year),
  };
}

export function pooledCohortInputs(record: PatientRecord): Provided {
  const smoking = smokingStatus(record);
  return {
    ...demographics(record),
    race: pceRace(record),
    ...lipids(record),
    systolic: fromMeasured(latestMeasurement(record, loinc.systolic), year),
    treatedForHypertension: fromMedication(record, dc.antihypertensive),
    smoker:
      smoking?.status === undefined
        ? undefined
        : {
            value: !['never', 'former'].includes(smoking.status),
            source: smoking.source,
            stale: smoking.stale,
          },
    diabetes: fromCondition(record, cc.diabetes),
    priorAscvd: fromCondition(record, cc.cardiovascularDisease, true),
  };
}

function qriskSmoking(record: PatientRecord): Provided[string] {
  const smoking = smokingStatus(record);
  if (!smoking?.status) return undefined;
  const base = { source: smoking.source, stale: smoking.stale };
  if (smoking.status === 'never') return { ...base, value: 'non-smoker' };
  if (smoking.status === 'former') return { ...base, value: 'ex-smoker' };
  if (smoking.status !== 'currentAmountUnknown') return { ...base, value: smoking.status };
  const perDay = latestMeasurement(record, loinc.cigarettesPerDay);
  const packs = latestMeasurement(record, loinc.packsPerDay);
  const cigarettes = perDay?.value ?? (packs ? packs.value * 20 : undefined);
  if (cigarettes === undefined) return undefined; // a current smoker, amount unknown: QRISK3 needs it
  const value = cigarettes < 10 ? 'light' : cigarettes < 20 ? 'moderate' : 'heavy';
  return { value, source: `${smoking.source}; ${(perDay ?? packs)!.id} ${cigarettes}/day` };
}

/** Angina or heart attack in a first-degree relative before 60 (FamilyMemberHistory onsetAge). */
function familyHistoryCvd(record: PatientRecord): Provided[string] {
  for (const f of record.familyHistory) {
    const relation = codings(f.relationship).map((c) => c.code ?? '');
    if (!relation.some((r) => firstDegreeRelatives.has(r))) continue;
    const early = (f.condition ?? []).find(
      (c) =>
        matchesCodes(c.code, cc.coronaryEvent) &&
        typeof c.onsetAge?.value === 'number' &&
        c.onsetAge.value < 60,
    );
    if (early) return { value: true, source: `FamilyMemberHistory/${f.id ?? '?'}` };
  }
  return {
    value: false,
    source: 'no FamilyMemberHistory of angina or heart attack before 60 in a first-degree relative',
  };
}

/** Population SD of the systolic readings of the last 5 years (QRISK3: SD of ≥ 2 recent readings). */
function systolicSd(record: PatientRecord): Provided[string] {
  const readings = measurements(record, loinc.systolic).filter((m) => m.ageDays <= 5 * 365);
  if (readings.length < 2) return undefined;
  const values = readings.map((m) => m.value);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
  return { value: sd, source: `SD of ${values.length} systolic readings from the last 5 years` };
}

/** Total/HDL cholesterol: a recorded ratio, else computed from the latest TC and HDL in any unit. */
function cholesterolRatio(record: PatientRecord): Provided[string] {
  const recorded = fromMeasured(latestMeasurement(record, loinc.cholesterolHdlRatio), year);
  if (recorded) return recorded;
  const { totalCholesterol: tc, hdl } = lipids(record);
  if (!tc || !hdl) return undefined;
  const mgdl = (p: NonNullable<Provided[string]>) =>
    sameUnit(p.unit ?? '', 'mmol/L')
      ? cholesterolUnits['mmol/L'](p.value as number)
      : (p.value as number);
  return {
    value: mgdl(tc) / mgdl(hdl),
    source: `total ${tc.source} / HDL ${hdl.source}`,
    stale: tc.stale === true || hdl.stale === true,
  };
}

export function qrisk3Inputs(record: PatientRecord): Provided {
  return {
    ...demographics(record),
    ethnicity: qriskEthnicity(record),
    smoking: qriskSmoking(record),
    bmi: fromMeasured(latestMeasurement(record, loinc.bmi), year),
    cholesterolHdlRatio: cholesterolRatio(record),
    systolic: fromMeasured(latestMeasurement(record, loinc.systolic), year),
    systolicSd: systolicSd(record),
    treatedHypertension: fromMedication(record, dc.antihypertensive),
    atrialFibrillation: fromCondition(record, cc.atrialFibrillation),
    atypicalAntipsychotic: fromMedication(record, dc.atypicalAntipsychotic),
    corticosteroids: fromMedication(record, dc.oralCorticosteroid),
    erectileDysfunction: either(
      fromCondition(record, cc.erectileDysfunction),
      fromMedication(record, dc.erectileDysfunctionTreatment),
    ),
    migraine: fromCondition(record, cc.migraine),
    rheumatoidArthritis: fromCondition(record, cc.rheumatoidArthritis),
    chronicKidneyDisease: fromCondition(record, cc.chronicKidneyDisease3to5),
    severeMentalIllness: fromCondition(record, cc.severeMentalIllness),
    sle: fromCondition(record, cc.sle),
    type1Diabetes: fromCondition(record, cc.type1Diabetes),
    type2Diabetes: fromCondition(record, cc.type2Diabetes),
    familyHistoryCvd: familyHistoryCvd(record),
    priorCvd: fromCondition(record, cc.cardiovascularDisease, true),
  };
}

export function cha2ds2VascInputs(record: PatientRecord): Provided {
  return {
    ...demographics(record),
    atrialFibrillation: fromCondition(record, cc.atrialFibrillation),
    heartFailure: fromCondition(record, cc.heartFailure),
    hypertension: either(
      fromCondition(record, cc.hypertension),
      fromMedication(record, dc.antihypertensive),
    ),
    diabetes: fromCondition(record, cc.diabetes),
    strokeOrTia: fromCondition(record, cc.strokeOrTia, true),
    vascularDisease: fromCondition(record, cc.vascularDisease, true),
  };
}

/** Labile INR: on a VKA with < 60 % of the last 6 months' INRs in range 2–3 (a proxy for TTR < 60 %). */
function labileInr(record: PatientRecord): Provided[string] {
  const vka = fromMedication(record, dc.vitaminKAntagonist);
  if (vka.value !== true)
    return { value: false, source: `${vka.source}: labile INR does not apply` };
  const inrs = measurements(record, loinc.inr).filter((m) => m.ageDays <= 183);
  if (inrs.length < 3) return undefined;
  const inRange = inrs.filter((m) => m.value >= 2 && m.value <= 3).length / inrs.length;
  return {
    value: inRange < 0.6,
    source: `${Math.round(100 * inRange)} % of ${inrs.length} INRs in 2–3 over 6 months`,
  };
}

/** Creatinine in mg/dL from a value in mg/dL or a unit of `creatinineUnits` (UCUM code or printed). */
function creatinineMgdl(value: number, unit: string): number | undefined {
  if (sameUnit(unit, 'mg/dL')) return value;
  const convert = Object.entries(creatinineUnits).find(([u]) => sameUnit(u, unit))?.[1];
  return convert?.(value);
}

/**
 * HAS-BLED "abnormal renal function": chronic dialysis or renal transplant (a Condition), or serum
 * creatinine ≥ 200 µmol/L (Pisters R et al. Chest 2010;138:1093, Table 2). The latest creatinine is
 * read in any unit `creatinineUnits` converts (units.ts; UCUM code or printed form, µ or μ); another
 * unit is refused, naming the field. A creatinine older than maxAgeDays.creatinine (90 d, as for
 * CKD-EPI; provide.ts) is flagged stale.
 */
function abnormalRenalFunction(record: PatientRecord): Provided[string] {
  const dialysis = fromCondition(record, cc.dialysisOrTransplant);
  if (dialysis.value === true) return dialysis;
  const creatinine = latestMeasurement(record, loinc.creatinine);
  if (!creatinine) return { value: false, source: `${dialysis.source}; no creatinine on record` };
  const measured = fromMeasured(creatinine, maxAgeDays.creatinine)!;
  const mgdl = creatinineMgdl(creatinine.value, creatinine.unit);
  if (mgdl === undefined)
    return {
      value: undefined,
      source: measured.source,
      unreadable: `creatinine unit "${creatinine.unit}" is not accepted; use mg/dL, ${Object.keys(creatinineUnits).join(' or ')}`,
    };
  const high = mgdl >= 200 / creatinineUmolPerMgdl; // 200 µmol/L in mg/dL (KDIGO 88.4, units.ts)
  return {
    value: high,
    source: `creatinine ${high ? '≥' : '<'} 200 µmol/L: ${measured.source}${high ? '' : `; ${dialysis.source}`}`,
    stale: measured.stale,
  };
}

export function hasBledInputs(record: PatientRecord): Provided {
  const sbp = fromMeasured(latestMeasurement(record, loinc.systolic), year);
  return {
    age: demographics(record).age,
    atrialFibrillation: fromCondition(record, cc.atrialFibrillation),
    uncontrolledHypertension: sbp && {
      value: Number(sbp.value) > 160,
      source: `systolic ${sbp.value}: ${sbp.source}`,
      stale: sbp.stale,
    },
    abnormalRenalFunction: abnormalRenalFunction(record),
    abnormalLiverFunction: fromCondition(record, cc.cirrhosis),
    stroke: fromCondition(record, cc.stroke, true),
    bleeding: fromCondition(record, cc.majorBleeding, true),
    labileInr: labileInr(record),
    antiplateletOrNsaid: fromMedication(record, dc.antiplateletOrNsaid),
    alcohol: fromCondition(record, cc.alcoholMisuse),
  };
}

export function ckdEpiInputs(record: PatientRecord): Provided {
  return {
    ...demographics(record),
    creatinine: fromMeasured(latestMeasurement(record, loinc.creatinine), maxAgeDays.creatinine),
  };
}
