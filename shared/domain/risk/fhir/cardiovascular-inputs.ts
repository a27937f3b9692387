// Domain (risk/fhir): inputs of the cardiovascular and renal scores (PCE, QRISK3, CHA2DS2-VASc,
// HAS-BLED, CKD-EPI 2021) from a patient's FHIR record.
import type { Extension } from '@medplum/fhirtypes';
import { sameUnit } from '../score-definition';
import { cholesterolUnits, creatinineUmolPerMgdl, creatinineUnits } from '../units';
import { qrisk3Ethnicities } from '../qrisk3';
import {
  cdcRace,
  conditionCodes as cc,
  drugClasses as dc,
  firstDegreeRelatives,
  loinc,
  raceCodeSystems,
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

/**
 * US Core race (ombCategory and detailed codes): the codes of the CDC Race & Ethnicity code set
 * (clinical-codes.ts cdcRace; read by code, never by display text), and whether "unknown" or "asked
 * but unknown" (v3 NullFlavor UNK, ASKU) was recorded.
 */
function raceCodes(record: PatientRecord): {
  codes: string[];
  notStated: boolean;
  present: boolean;
  textOnly: boolean;
} {
  const race = record.patient?.extension?.find((e) => e.url.endsWith('us-core-race'));
  const parts: Extension[] = race?.extension ?? [];
  const codings = parts.flatMap((p) => (p.valueCoding?.code ? [p.valueCoding] : []));
  const codes = codings
    .filter(
      (c) => c.system === undefined || (raceCodeSystems as readonly string[]).includes(c.system),
    )
    .map((c) => c.code!)
    .filter((c) => c !== 'UNK' && c !== 'ASKU');
  const notStated = codings.some((c) => c.code === 'UNK' || c.code === 'ASKU');
  return { codes, notStated, present: codings.length > 0, textOnly: textOnlyRace(parts, codings) };
}

/** A race stated only as text (US Core's `text` part, no coding): stated, but not in any code set. */
function textOnlyRace(parts: Extension[], codings: readonly unknown[]): boolean {
  return codings.length === 0 && parts.some((p) => p.url === 'text' && Boolean(p.valueString));
}

const inList = (list: readonly string[], code: string) => list.includes(code);

function pceRace(record: PatientRecord): Provided[string] {
  const { codes, present } = raceCodes(record);
  const source = `Patient/${record.patient?.id ?? '?'} us-core-race${codes.length ? ` ${codes.join(', ')}` : ''}`;
  if (!present) return undefined;
  if (codes.some((c) => inList(cdcRace.black, c))) return { value: 'african-american', source };
  if (codes.length > 0 && codes.every((c) => inList(cdcRace.white, c)))
    return { value: 'white', source };
  return { value: 'other', source };
}

type QriskEthnicity = (typeof qrisk3Ethnicities)[number];

/**
 * The QRISK3 group one CDC race code names, if it names one: Asian Indian, Pakistani, Bangladeshi and
 * Chinese their own groups, another detailed Asian code "other Asian"; a Caribbean code Black
 * Caribbean, an African code Black African; the White hierarchy white; a code outside the White,
 * Asian and Black hierarchies (American Indian or Alaska Native, Native Hawaiian or Other Pacific
 * Islander, Other Race) "other". Asian (2028-9) alone is "other Asian"; Black or African American
 * (2054-5), Black (2056-0) and African American (2058-6) do not say which of QRISK3's two Black groups.
 */
function qriskGroupOf(code: string): { category: string; group?: QriskEthnicity } {
  if (inList(cdcRace.white, code)) return { category: 'white', group: 'white' };
  if (code === cdcRace.asian[0]) return { category: 'asian' }; // 2028-9 Asian: refined by a detailed code
  if (inList(cdcRace.asian, code)) {
    const named: Record<string, QriskEthnicity> = {
      [cdcRace.asianIndian]: 'indian',
      [cdcRace.pakistani]: 'pakistani',
      [cdcRace.bangladeshi]: 'bangladeshi',
      [cdcRace.chinese]: 'chinese',
    };
    return { category: 'asian', group: named[code] ?? 'other-asian' };
  }
  if (inList(cdcRace.black, code)) {
    if (inList(cdcRace.caribbean, code)) return { category: 'black', group: 'black-caribbean' };
    if (inList(cdcRace.african, code)) return { category: 'black', group: 'black-african' };
    return { category: 'black' };
  }
  return { category: code, group: 'other' };
}

/**
 * QRISK3 ethnic group from US Core race codes (CDC Race & Ethnicity code set; clinical-codes.ts
 * cdcRace), by code only. A detailed code refines its OMB category (White with English is white;
 * Black with West Indian is Black Caribbean). "Not stated" is grouped with white by QRISK3 itself.
 * Not guessed, and reported instead: Black without a detailed code (QRISK3 needs Caribbean or
 * African), and codes naming more than one QRISK3 group (QRISK3 takes one).
 */
function qriskEthnicity(record: PatientRecord): Provided[string] {
  const { codes, notStated, present, textOnly } = raceCodes(record);
  const source = `Patient/${record.patient?.id ?? '?'} us-core-race`;
  if (codes.length === 0) {
    if ((present || textOnly) && !notStated)
      return {
        value: undefined,
        source,
        unreadable: textOnly
          ? 'race is stated only as text, not coded in the CDC Race & Ethnicity code set (urn:oid:2.16.840.1.113883.6.238)'
          : 'race is not coded in the CDC Race & Ethnicity code set (urn:oid:2.16.840.1.113883.6.238)',
      };
    return {
      value: 'white',
      source: `${source}: not stated (QRISK3 groups "not stated" with white)`,
    };
  }
  const byCategory = new Map<string, Set<QriskEthnicity>>();
  for (const code of codes) {
    const { category, group } = qriskGroupOf(code);
    const groups = byCategory.get(category) ?? new Set<QriskEthnicity>();
    if (group) groups.add(group);
    byCategory.set(category, groups);
  }
  // Asian with no detailed code is QRISK3 "other Asian".
  if (byCategory.get('asian')?.size === 0) byCategory.get('asian')!.add('other-asian');
  const groups = new Set([...byCategory.values()].flatMap((g) => [...g]));
  const blackUnspecified = byCategory.get('black')?.size === 0;
  const coded = `${source} ${codes.join(', ')}`;
  if (blackUnspecified && groups.size === 0)
    return {
      value: undefined,
      source: coded,
      unreadable:
        'Black or African American without a detailed code: QRISK3 needs black-caribbean or black-african',
    };
  if (groups.size > 1 || blackUnspecified)
    return {
      value: undefined,
      source: coded,
      unreadable: `race codes ${codes.join(', ')} name more than one QRISK3 ethnic group; QRISK3 takes one`,
    };
  return { value: [...groups][0]!, source: coded };
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

/**
 * QRISK3 diabetes status, one of none, type 1 or type 2 (Hippisley-Cox 2017). A record coding both
 * types is read as type 1 (the larger main coefficient of the two, qrisk3-coefficients.ts, so the
 * risk is not understated), and the result's reason names the conflict.
 */
function qriskDiabetes(record: PatientRecord): Provided {
  const type1 = fromCondition(record, cc.type1Diabetes);
  const type2 = fromCondition(record, cc.type2Diabetes);
  if (type1.value !== true || type2.value !== true)
    return { type1Diabetes: type1, type2Diabetes: type2 };
  const note = `type 1 (${type1.source}) and type 2 diabetes (${type2.source}) are both coded; QRISK3 takes one diabetes status: type 1 used, check the diagnosis`;
  return {
    type1Diabetes: { ...type1, note },
    type2Diabetes: {
      value: false,
      source: `${type2.source}: not used, type 1 diabetes also coded`,
    },
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
    ...qriskDiabetes(record),
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
