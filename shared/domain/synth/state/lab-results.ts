// Domain (synth/state): laboratory results and questionnaire scores at an encounter — ordered the way
// clinicians order them (by encounter type, condition and age) and valued from the patient's physiology,
// treatment, slow trends and within-person biological variation.
import type { ConditionKey } from '../catalog';
import type { TrueMeasurement } from '../model';
import type { Rng } from '../rng';
import { uacrDue, uacrValue } from './albuminuria';
import { troponinOrdered, troponinSeries } from './cardiac-markers';
import { ddimerEligible, ddimerSample } from './d-dimer';
import { clamp, round } from './math';
import {
  hasCondition,
  measurement,
  type EncounterMoment,
  type LabHistory,
  type MeasurementPatient,
} from './measurement-context';
import { ckdEpi2021, creatinineForEgfr } from './renal';

/**
 * Within-subject biological variation (CV) from the Westgard/Ricós database (Ricós C et al. Scand J Clin
 * Lab Invest 1999;59:491): glucose 5.6%, HbA1c 1.9%, LDL-C 8.3%, HDL-C 7.1%, triglycerides 20.9%,
 * creatinine 5.9%, potassium 4.8%, ALT 19.4%.
 */
const cv = {
  glucose: 0.056,
  hba1c: 0.019,
  ldl: 0.083,
  hdl: 0.071,
  tg: 0.209,
  creatinine: 0.059,
  potassium: 0.048,
  alt: 0.194,
};

const varied = (rng: Rng, value: number, coefficient: number) =>
  value * (1 + coefficient * rng.normal());

interface LabOrders {
  metabolicPanel: boolean;
  hba1c: boolean;
  lipids: boolean;
  alt: boolean;
  questionnaires: boolean;
}

const followedWithPanel: readonly ConditionKey[] = [
  'hypertension',
  'type2-diabetes',
  'type1-diabetes',
  'ckd',
  'heart-failure',
];

/**
 * Chief complaints for which a child in the ED gets a basic metabolic panel, with the share who do
 * (generator choices): vomiting, for the moderately to severely dehydrated who need IV fluids (CDC,
 * "Managing acute gastroenteritis among children", MMWR Recomm Rep 2003;52(RR-16): serum electrolytes
 * for severe dehydration and IV rehydration, not for mild dehydration), and abdominal pain, part of
 * whose workup (appendicitis, vomiting) draws one.
 */
const childPanelComplaints: Readonly<Record<string, number>> = {
  vomiting: 0.5,
  abdominalPain: 0.3,
};

/**
 * Whether acute care draws a basic metabolic panel. Every admission and every adult in the ED does
 * (until 1.5.0 every child in the ED did too). A child in the ED does only for diabetes (DKA and
 * hyperglycaemia: ISPAD Clinical Practice Consensus Guidelines 2022, "Diabetic ketoacidosis and
 * hyperglycemic hyperosmolar state", Pediatr Diabetes 2022;23:835) or a complaint that warrants it
 * (`childPanelComplaints`); not for otitis media (AAP 2013 AOM guideline, Lieberman AS et al.,
 * Pediatrics 2013;131:e964: a clinical diagnosis), bronchiolitis or a URI (AAP 2014 bronchiolitis
 * guideline, Ralston SL et al., Pediatrics 2014;134:e1474: no routine laboratory tests), an asthma
 * exacerbation (NAEPP EPR-3 2007 and GINA 2024: laboratory studies are not routinely needed), fever with
 * a source, sore throat or rash.
 */
function acutePanel(rng: Rng, patient: MeasurementPatient, m: EncounterMoment): boolean {
  if (m.plan.kind === 'inpatient' || m.ageAt >= 18) return true;
  const reason = m.plan.reason;
  if (reason === 'type1-diabetes' || reason === 'type2-diabetes') return true;
  if (reason !== undefined) return false;
  const complaint = m.presentation?.symptoms[0];
  const share = complaint === undefined ? 0 : (childPanelComplaints[complaint] ?? 0);
  return share > 0 && rng.chance(share);
}

/**
 * Ordering: acute care gets a basic metabolic panel where it is warranted (`acutePanel`); diabetes HbA1c every 3–6 months (ADA 2024);
 * prediabetes screening at 35–70 with overweight (USPSTF 2021); lipids every 4–6 years from 20 and yearly
 * on statins (ACC/AHA 2018); PHQ-9/GAD-7 at preventive visits and mental-health follow-ups.
 */
function labOrders(rng: Rng, patient: MeasurementPatient, m: EncounterMoment): LabOrders {
  const { kind, reason } = m.plan;
  const adult = m.ageAt >= 18;
  const diabetic =
    hasCondition(patient, 'type2-diabetes') || hasCondition(patient, 'type1-diabetes');
  const office = kind === 'ambulatory' || kind === 'wellness';
  const onStatin = patient.medications.some((med) => med.key.includes('statin'));
  const followUp = reason !== undefined && followedWithPanel.includes(reason);
  const screenA1c =
    adult &&
    m.ageAt >= 35 &&
    (hasCondition(patient, 'obesity') || hasCondition(patient, 'prediabetes') || m.ageAt >= 45);
  const lipidReason =
    reason === 'hyperlipidaemia' || reason === 'coronary-disease' || reason === 'type2-diabetes';
  const lipids =
    adult &&
    ((kind === 'wellness' && rng.chance(m.ageAt >= 40 ? 0.6 : 0.3)) ||
      (office && (lipidReason || onStatin) && rng.chance(0.45)));
  const mental = reason === 'depression' || reason === 'anxiety';
  return {
    metabolicPanel: office
      ? adult && ((followUp && rng.chance(0.6)) || (kind === 'wellness' && rng.chance(0.5)))
      : acutePanel(rng, patient, m),
    hba1c:
      (diabetic && office && rng.chance(0.85)) ||
      (diabetic && !office && rng.chance(0.3)) ||
      (kind === 'wellness' && screenA1c && rng.chance(0.5)),
    lipids,
    alt: adult && ((lipids && rng.chance(0.5)) || (kind === 'inpatient' && rng.chance(0.5))),
    questionnaires:
      patient.riskFactors.phq9 !== undefined &&
      m.ageAt >= 12 &&
      ((kind === 'wellness' && rng.chance(0.8)) || mental),
  };
}

/** HbA1c on the day: untreated level, +0.1 %/yr drift in diabetes (UKPDS), minus treatment, plus variation. */
function hba1cOn(rng: Rng, patient: MeasurementPatient, m: EncounterMoment): number {
  const drift = hasCondition(patient, 'type2-diabetes') ? 0.1 * m.yearsBefore : 0;
  const floor = hasCondition(patient, 'type2-diabetes') ? 5.6 : 4.0;
  return clamp(
    varied(rng, Math.max(floor, patient.riskFactors.hba1c - drift - m.effects.hba1cDrop), cv.hba1c),
    4.0,
    15,
  );
}

/** Glucose from the day's HbA1c (ADAG), non-fasting and stress-raised ≈15% in acute care. */
function glucoseFrom(rng: Rng, hba1c: number, acute: boolean): number {
  const base = 28.7 * hba1c - 46.7 - 12;
  return clamp(varied(rng, base * (acute ? 1.15 : 1), cv.glucose), 45, 600);
}

/**
 * Creatinine drawn around the true value on the day (eGFR declining ≈1/yr, ≈2.5/yr from CKD 3a; KDIGO
 * 2012), and eGFR computed from the reported creatinine with CKD-EPI 2021 — so every reported pair is
 * consistent. Children get creatinine only: the 98979-8 eGFR code is specifically CKD-EPI 2021 (adults).
 */
function kidneyPanel(rng: Rng, patient: MeasurementPatient, m: EncounterMoment): TrueMeasurement[] {
  const rf = patient.riskFactors;
  const at = m.labsAt;
  const id = m.encounterId;
  if (m.ageAt < 18)
    return [measurement('creatinine', round(varied(rng, rf.creatinine, cv.creatinine), 2), at, id)];
  const stage = patient.conditions.find((c) => c.key === 'ckd')?.severity;
  const decline = stage && stage !== '1' && stage !== '2' ? 2.5 : 1;
  const age = Math.floor(m.labsAgeAt);
  const trueEgfr = Math.min(rf.egfr + decline * m.yearsBefore, 140);
  const creatinine = round(
    clamp(varied(rng, creatinineForEgfr(trueEgfr, age, patient.sex), cv.creatinine), 0.3, 15),
    2,
  );
  return [
    measurement('creatinine', creatinine, at, id),
    measurement('egfr', Math.round(ckdEpi2021(creatinine, age, patient.sex)), at, id),
  ];
}

function metabolicPanel(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
  hba1c: number,
): TrueMeasurement[] {
  const k = clamp(
    varied(rng, patient.riskFactors.potassium + m.effects.potassiumShift, cv.potassium),
    2.8,
    6.8,
  );
  return [
    measurement(
      'glucoseMass',
      Math.round(glucoseFrom(rng, hba1c, m.acute)),
      m.labsAt,
      m.encounterId,
    ),
    ...kidneyPanel(rng, patient, m),
    measurement('potassium', round(k, 1), m.labsAt, m.encounterId),
  ];
}

/** Lipid panel with total cholesterol recomputed from the reported fractions (Friedewald), statin effect applied. */
function lipidPanel(rng: Rng, patient: MeasurementPatient, m: EncounterMoment): TrueMeasurement[] {
  const rf = patient.riskFactors;
  const ldl = Math.round(clamp(varied(rng, rf.ldl * m.effects.ldlFactor, cv.ldl), 20, 400));
  const hdl = Math.round(clamp(varied(rng, rf.hdl, cv.hdl), 15, 130));
  const tg = Math.round(clamp(rf.triglycerides * Math.exp(cv.tg * rng.normal()), 25, 2000));
  const at = m.labsAt;
  return [
    measurement('totalCholesterol', Math.round(ldl + hdl + tg / 5), at, m.encounterId),
    measurement('hdl', hdl, at, m.encounterId),
    measurement('ldl', ldl, at, m.encounterId),
    measurement('triglycerides', tg, at, m.encounterId),
  ];
}

function questionnaireScores(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
): TrueMeasurement[] {
  const rf = patient.riskFactors;
  const score = (base: number, max: number) =>
    Math.round(clamp(base * m.effects.symptomFactor + rng.normal(0, 1.5), 0, max));
  return [
    measurement('phq9', score(rf.phq9 ?? 0, 27), m.vitalsAt, m.encounterId),
    measurement('gad7', score(rf.gad7 ?? 0, 21), m.vitalsAt, m.encounterId),
  ];
}

/**
 * Laboratory results and questionnaire totals of one encounter; `history` carries what earlier
 * encounters ordered (and is updated). Troponin, D-dimer and UACR draw from forks of `rng`, so they do
 * not move the other labs' draws.
 */
export function labResults(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
  history: LabHistory = {},
): TrueMeasurement[] {
  const orders = labOrders(rng, patient, m);
  const out: TrueMeasurement[] = [];
  const hba1c = hba1cOn(rng, patient, m);
  if (orders.metabolicPanel) out.push(...metabolicPanel(rng, patient, m, hba1c));
  if (orders.hba1c) out.push(measurement('hba1c', round(hba1c, 1), m.labsAt, m.encounterId));
  if (orders.lipids) out.push(...lipidPanel(rng, patient, m));
  if (orders.alt) {
    const alt = Math.round(
      clamp(patient.riskFactors.alt * Math.exp(cv.alt * rng.normal()), 5, 400),
    );
    out.push(measurement('alt', alt, m.labsAt, m.encounterId));
  }
  if (troponinOrdered(m)) out.push(...troponinSeries(rng.fork('troponin'), patient, m));
  if (ddimerEligible(m)) out.push(...ddimerSample(rng.fork('ddimer'), patient, m));
  if (uacrDue(patient, m, history)) {
    history.lastUacrDay = m.plan.day;
    out.push(measurement('uacr', uacrValue(rng.fork('uacr'), patient), m.labsAt, m.encounterId));
  }
  if (orders.questionnaires) out.push(...questionnaireScores(rng, patient, m));
  // Tobacco use is documented at preventive visits from 12 (USPSTF 2021); value 0 never, 1 former, 2 current.
  if (m.plan.kind === 'wellness' && m.ageAt >= 12) {
    const code = { never: 0, former: 1, current: 2 }[patient.riskFactors.smoking];
    out.push(measurement('smokingStatus', code, m.vitalsAt, m.encounterId));
  }
  return out;
}
