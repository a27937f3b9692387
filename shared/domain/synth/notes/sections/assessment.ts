// Domain (synth/notes/sections): assessment and plan: the problem list with per-problem plans, uncertain
// and ruled-out diagnoses ("possible pneumonia", "r/o ACS", "PE ruled out"), and planned tests.
import { measurements, type ConditionKey, type MeasurementKey } from '../../catalog';
import type { TrueMedication } from '../../model';
import { sample, type Composer, type DifferentialChoice } from '../composer';
import { daysBetween, everHad, shiftDate, type ConditionAtDate } from '../context';
import { conditionTerms } from '../lexicon/conditions';
import { differentialsFor, ruleOutStudy, type DifferentialKey } from '../lexicon/clinical';
import { writeMedicationName } from '../render/medications';
import { ddimerCutoffOf, writePlannedTest } from '../render/measurements';
import {
  writeCondition,
  writeDifferential,
  writeInlineList,
  writeReasonCondition,
  writeSymptom,
} from '../render/mentions';
import type { SymptomKey } from '../lexicon/symptoms';
import { bank, gate, say, type Slots, type Template } from '../template';
import { cancerPhase } from '../cancer';
import { complaintOf } from '../symptom-plan';
import { troponinUrl } from '../../state/cardiac-markers';
import { systemicCancerDrugKeys } from '../../state/oncology-drugs';
import { writeHeader } from './headers';

/**
 * Problem headings (>= 6 layouts), grouped by how they mark a problem: "#", "1.", "1)", "-" or no
 * mark. A note keeps to one group (until 1.5.0 each problem line had a 30% chance of any layout, so
 * one A/P read "1. CHF ...", "# HTN: ...", "- DM: ..."); weights keep each layout's share (1/7).
 */
const problemLayoutGroups: readonly (readonly [readonly Template[], number])[] = [
  [bank('# ^{dx}: {plan}'), 1],
  [bank('{n}. ^{dx} - {status}. ^{plan}'), 1],
  [bank('{n}) ^{dx}. ^{plan}'), 1],
  [bank('- ^{dx}: {plan}'), 1],
  [bank('^{dx}: {status}; {plan}', 'For {dx}, {plan}', '^{dx} ({status}) - {plan}'), 3],
];

/**
 * Plan phrasings for a problem (>= 8); `med` only when a drug treats it, `counsel` only when there is
 * counselling that fits the problem (until 1.4.0 "weight loss strategies discussed" for otitis media
 * in a 16-month-old and adherence counselling for patients on no medication).
 */
const problemPlans = bank(
  'continue {med}{ at current dose{atGoal}|}',
  'continue current dose of {med}{atGoal}',
  'stable on {med}{atGoal}{, no changes|; no side effects reported|}',
  'tolerating {med} well; continue',
  '{med} refilled{ x{3|6|12} months|}',
  'continue {med}; recheck {lab} in {labInterval}',
  'recheck {lab} {labWhen}',
  '{counsel} discussed',
  '{monitor|observe}; no changes {today|at this time}{atGoal}',
  'will follow, repeat {lab} in {labInterval}',
  'counseled on {counsel}',
  'continue to {monitor|follow}{ clinically|}',
  'no changes; {reassess|revisit} at next visit{atGoal}',
  // Not at goal by the note's own numbers: something changes (until 1.4.0 "uncontrolled - stable on
  // amlodipine; no side effects reported").
  '{increase|titrate} {med}{offGoal}{; recheck in {labInterval}|}',
  'not at goal{offGoal}; {counsel} discussed{, recheck {lab} in {labInterval}|}',
  'not at goal{offGoal}; will adjust therapy{ and recheck {lab} in {labInterval}|}',
);

/**
 * Plans for the problem that brought the patient to the ED or the ward (until 1.4.0 such problems got
 * clinic plans: "# Acute CVA: no changes; reassess at next visit", "HF exacerbation: {med} refilled").
 */
const acuteProblemPlans = bank(
  '{monitor closely|serial exams}; {specialty} following',
  'treatment started; {reassess|trend labs} {in the morning|tomorrow}',
  'improving with treatment; continue current management',
  '{specialty} consulted; appreciate recommendations',
  'continue {med}; monitor response',
  'management per {specialty}{; continue to monitor|}',
);
const emergencyProblemPlans = bank(
  'treated in the ED{ with improvement|}; outpatient follow-up with {specialty}',
  '{stable|improved} after treatment in the ED; continue {med}',
  'symptoms improved; {specialty} follow-up arranged',
  'evaluated in the ED; {improved|stable} for discharge with {specialty} follow-up',
  '{improved|better} after treatment in the ED; outpatient follow-up',
  'symptomatic treatment given; {stable|improved} for discharge',
);

/**
 * Plans for a problem diagnosed at this clinic visit (until 1.4.0 a new diagnosis got maintenance
 * wording: "new type 2 diabetes (at baseline) - continue to follow", "acute otitis media: monitor; no
 * changes", while the record started a drug the next day). `startMed` is a drug for it that the
 * record starts within 30 days.
 */
const newDiagnosisPlans = bank(
  'new diagnosis; start {startMed}',
  'newly diagnosed; {startMed} started{, education provided|}',
  'new diagnosis; treatment options discussed{, will start {startMed}|}',
  'new; education provided{, {counsel} discussed|}',
  'newly diagnosed; plan reviewed with {the patient|the family}{, starting {startMed}|}',
);

/**
 * A cancer's statuses and plans by where it stands (notes/cancer.ts; until 1.5.0 a cancer had the
 * chronic-disease wording: "breast cancer (controlled) - continue to follow clinically", "monitor; no
 * changes at this time" for a stage IV cancer on no treatment). Active disease is followed by oncology
 * (NCCN: systemic therapy for stage IV; primary and adjuvant treatment in the first year); a treated
 * early-stage cancer a year on is on surveillance (ASCO survivorship guideline, Runowicz CD et al. J Clin
 * Oncol 2016;34:611). Wording is generator choice.
 */
const cancerStatuses = {
  metastatic: ['metastatic', 'stage IV', 'metastatic disease'],
  recent: ['recently diagnosed', 'on active treatment', 'under treatment'],
  surveillance: ['in remission', 'no evidence of recurrence', 'no evidence of disease'],
} as const;
const cancerPlans = {
  clinic: {
    metastatic: bank(
      'followed by oncology{; on systemic therapy|}',
      'on systemic therapy per oncology',
      'management per oncology{; appreciate recommendations|}',
      'oncology follow-up as scheduled{; symptom management discussed|}',
      'continue {med} per oncology',
    ),
    recent: bank(
      'followed by oncology',
      'treatment per oncology{; appreciate recommendations|}',
      'oncology follow-up as scheduled',
      'continue {med}; followed by oncology',
    ),
    surveillance: bank(
      'on surveillance{ per oncology|}',
      'continue surveillance{ per oncology|}',
      's/p treatment; {routine|annual} surveillance{ per oncology|}',
      'continue {med}; surveillance per oncology',
    ),
  },
  hospital: {
    metastatic: bank(
      'followed by oncology as an outpatient',
      'outpatient oncology follow-up{; continue home {med}|}',
    ),
    recent: bank('followed by oncology as an outpatient', 'outpatient oncology follow-up'),
    surveillance: bank(
      'outpatient surveillance',
      'stable; surveillance per oncology as an outpatient',
    ),
  },
};
/** A cancer this clinic visit diagnoses: referral and staging (NCCN: staging work-up before treatment). */
const newCancerPlans = bank(
  'new diagnosis; referred to oncology{ for staging and treatment|}',
  'newly diagnosed; oncology referral placed{, staging work-up ordered|}',
  'new diagnosis; discussed with the patient{, oncology referral placed|}',
);

/**
 * Plans for the patient's other problems in the ED or on the ward: the home regimen goes on (until
 * 1.4.0 they got clinic plans there: "HTN: recheck potassium in 6 months", "no changes; revisit at
 * next visit").
 */
const hospitalChronicPlans = bank(
  'continue home {med}',
  'stable{atGoal}; continue {med}',
  'continue home regimen',
  'no acute issues{; follow up with PCP|}',
  'chronic; {defer to PCP|outpatient management}',
);

/** Statuses that say a problem is not where it should be (`statusOf`). */
const offGoalStatuses: ReadonlySet<string> = new Set([
  'uncontrolled',
  'above goal',
  'near goal',
  'suboptimally controlled',
  'symptomatic',
  'not at goal',
  'partially controlled',
  'active',
  'persistent',
]);

/** Specialty consulted for an acute problem, by condition (generator choice). */
const acuteSpecialty: Partial<Record<ConditionKey, string>> = {
  'heart-failure': 'cardiology',
  'myocardial-infarction': 'cardiology',
  'coronary-disease': 'cardiology',
  'atrial-fibrillation': 'cardiology',
  stroke: 'neurology',
  asthma: 'pulmonology',
  copd: 'pulmonology',
  'deep-vein-thrombosis': 'hematology',
  'type1-diabetes': 'endocrinology',
  'type2-diabetes': 'endocrinology',
  ckd: 'nephrology',
  'breast-cancer': 'oncology',
  'lung-cancer': 'oncology',
  'colorectal-cancer': 'oncology',
  depression: 'psychiatry',
  anxiety: 'psychiatry',
};

/** Cardiometabolic problems that lifestyle counselling addresses (generator choice). */
const lifestyleProblems: ReadonlySet<ConditionKey> = new Set<ConditionKey>([
  'hypertension',
  'type2-diabetes',
  'prediabetes',
  'hyperlipidaemia',
  'coronary-disease',
  'myocardial-infarction',
  'stroke',
  'obesity',
  'ckd',
  'heart-failure',
]);

/** Counselling that fits a problem (empty when none does). */
function counselFor(c: Composer, key: ConditionKey, onMedication: boolean): string[] {
  const out: string[] = [];
  if (lifestyleProblems.has(key) && c.truth.ageYears >= 18)
    out.push('lifestyle modifications', 'diet and exercise');
  // Weight loss only for adults whose weight is the problem (obesity, or a BMI of 25 or more with a
  // cardiometabolic problem); a child with obesity gets family-based healthy habits instead (AAP
  // Clinical Practice Guideline for obesity in children and adolescents, 2023: intensive health
  // behavior and lifestyle treatment).
  const bmi = c.truth.measurements.find((m) => m.key === 'bmi');
  const adult = c.truth.ageYears >= 18;
  if (adult && (key === 'obesity' || (lifestyleProblems.has(key) && bmi && bmi.value >= 25)))
    out.push('weight loss strategies');
  if (!adult && key === 'obesity')
    out.push('healthy eating and activity', 'family lifestyle changes');
  if (onMedication) out.push('medication adherence');
  if (key === 'hypertension') out.push('home BP monitoring');
  if (key === 'type1-diabetes' || key === 'type2-diabetes') out.push('home glucose monitoring');
  if (key === 'asthma' || key === 'copd') out.push('inhaler technique', 'trigger avoidance');
  if (key === 'depression' || key === 'anxiety') out.push('sleep hygiene', 'coping strategies');
  return out;
}

/**
 * When a lab is rechecked. HbA1c at least every 3 months (ADA Standards of Care in Diabetes 2024,
 * section 6: at least twice a year at goal, quarterly when not at goal or after a change of therapy;
 * until 1.4.0 also "in 4 weeks"); the others from 4 weeks.
 */
function labIntervals(key: MeasurementKey | undefined): readonly string[] {
  return key === 'hba1c'
    ? ['3 months', '6 months']
    : ['4-6 weeks', '6-8 weeks', '3 months', '6 months'];
}

/** Labs a plan rechecks for each condition. */
const recheck: Partial<Record<ConditionKey, MeasurementKey>> = {
  'type2-diabetes': 'hba1c',
  'type1-diabetes': 'hba1c',
  prediabetes: 'hba1c',
  hyperlipidaemia: 'ldl',
  ckd: 'creatinine',
  'coronary-disease': 'ldl',
  depression: 'phq9',
  anxiety: 'gad7',
  hypertension: 'potassium',
  'heart-failure': 'potassium',
};

function statusOf(c: Composer, key: ConditionKey): string {
  if (key === c.truth.reason && c.truth.acute) return c.rng.pick(['acute', 'active', 'improving']);
  const a1c = c.truth.measurements.find((m) => m.key === 'hba1c');
  if (a1c && (key === 'type2-diabetes' || key === 'type1-diabetes'))
    return a1c.value >= 8 ? 'uncontrolled' : 'controlled';
  // Blood pressure by the reading the note shows (until 1.4.0 "controlled" at 162/97): 2017
  // ACC/AHA guideline, treatment goal < 130/80 mm Hg; stage 2 from 140/90.
  const bp = c.truth.measurements.find((m) => m.key === 'bloodPressurePanel');
  if (bp && key === 'hypertension') {
    const diastolic = bp.diastolic ?? 0;
    if (bp.value >= 140 || diastolic >= 90) return c.rng.pick(['uncontrolled', 'above goal']);
    if (bp.value >= 130 || diastolic >= 80)
      return c.rng.pick(['near goal', 'suboptimally controlled']);
    return c.rng.pick(['controlled', 'at goal', 'stable']);
  }
  // Weight and the mood scores by what the note shows (until 1.4.0 "obesity, well controlled" at a
  // BMI of 43.7 and "depression, improving" at a PHQ-9 of 17). Bands: PHQ-9 (Kroenke, Spitzer &
  // Williams, J Gen Intern Med 2001) and GAD-7 (Spitzer et al., Arch Intern Med 2006) cut points 5,
  // 10 and 15; obesity is a BMI of 30 or more in adults (WHO).
  if (key === 'obesity') {
    const bmi = c.truth.measurements.find((m) => m.key === 'bmi');
    return c.truth.ageYears < 18 || !bmi || bmi.value >= 30
      ? c.rng.pick(['active', 'persistent', 'not at goal'])
      : c.rng.pick(['improving', 'improved with weight loss']);
  }
  const score = c.truth.measurements.find(
    (m) => (key === 'depression' && m.key === 'phq9') || (key === 'anxiety' && m.key === 'gad7'),
  );
  if (score) {
    if (score.value >= 15) return c.rng.pick(['uncontrolled', 'symptomatic', 'not at goal']);
    if (score.value >= 10) return c.rng.pick(['not at goal', 'partially controlled']);
    if (score.value >= 5) return c.rng.pick(['mild symptoms', 'improving']);
    return c.rng.pick(['in remission', 'stable', 'controlled']);
  }
  return c.rng.pick(['stable', 'chronic, stable', 'controlled', 'at baseline']);
}

/** A drug for `key` the record starts at this visit or within the next 30 days. */
function drugStartedFor(c: Composer, key: ConditionKey): TrueMedication | undefined {
  const from = c.truth.encounter.start.slice(0, 10);
  const until = shiftDate(from, 30);
  return c.truth.patient.medications.find(
    (m) => m.indication === key && m.start >= from && m.start <= until,
  );
}

function problemSlots(c: Composer, item: ConditionAtDate, n: number): Slots {
  const key = item.condition.key;
  // A cancer's plan names its systemic therapy before a pain reliever ("continue Tagrisso per oncology").
  const medication =
    c.truth.medications.find((m) => m.indication === key && systemicCancerDrugKeys.has(m.key)) ??
    c.truth.medications.find((m) => m.indication === key);
  const lab = recheck[key];
  let dx = -1;
  const counsel = counselFor(c, key, medication !== undefined);
  const kind = c.truth.encounter.kind;
  const clinic = kind === 'ambulatory' || kind === 'wellness';
  const acute = key === c.truth.reason && c.truth.acute && !clinic;
  const isNew =
    clinic &&
    key === c.truth.reason &&
    item.condition.onset >= c.truth.encounter.start.slice(0, 10);
  const started = isNew ? drugStartedFor(c, key) : undefined;
  const phase = cancerPhase(item.condition, c.truth.encounter.start);
  const cancer =
    phase === undefined || acute || isNew
      ? undefined
      : phase === 'surveillance'
        ? 'surveillance'
        : item.condition.severity === 'IV'
          ? 'metastatic'
          : 'recent';
  const plans = cancer
    ? cancerPlans[clinic ? 'clinic' : 'hospital'][cancer]
    : isNew
      ? phase
        ? newCancerPlans
        : newDiagnosisPlans
      : clinic
        ? problemPlans
        : !acute
          ? hospitalChronicPlans
          : kind === 'emergency'
            ? emergencyProblemPlans
            : acuteProblemPlans;
  const specialty = acuteSpecialty[key];
  // One status per problem, drawn before its line is written, so its plan can agree with it.
  const status = isNew
    ? c.rng.pick(['new', 'newly diagnosed'])
    : cancer
      ? c.rng.pick(cancerStatuses[cancer])
      : statusOf(c, key);
  const offGoal = offGoalStatuses.has(status);
  const slots: Slots = {
    dx: () =>
      (dx =
        key === c.truth.reason
          ? writeReasonCondition(c, key, item.assertion)
          : writeCondition(c, key, item.assertion)),
    n: (b) => b.verbatim(String(n)),
    status: (b) => b.text(status),
    // Gates that write nothing: plans that say all is well only when the status does, and the
    // reverse (until 1.4.0 "Depression, uncontrolled. Monitor; no changes today").
    atGoal: offGoal ? undefined : gate,
    offGoal: offGoal ? gate : undefined,
    startMed: started ? () => c.b.relate('treats', writeMedicationName(c, started), dx) : undefined,
    med: medication
      ? () => c.b.relate('treats', writeMedicationName(c, medication), dx)
      : undefined,
    lab: lab ? () => writePlannedTest(c, lab) : undefined,
    labInterval: (b) => b.text(c.rng.pick(labIntervals(lab))),
    labWhen: (b) =>
      b.text(
        c.rng.pick([
          ...labIntervals(lab).map((i) => `in ${i}`),
          'at next visit',
          'prior to follow-up',
        ]),
      ),
    counsel: counsel.length > 0 ? (b) => b.text(c.rng.pick(counsel)) : undefined,
    specialty: specialty ? (b) => b.text(specialty) : undefined,
    // The plan sentence fills its own slots from this object (no problem plan uses {plan}).
    plan: () => say(c.b, plans, c.rng, slots),
  };
  return slots;
}

/**
 * The complaint of an ED visit or a stay without a catalog reason, as the first problem: what the
 * workup showed and what happens next, by where the patient is (>= 4 phrasings each).
 */
const complaintPlans = {
  emergency: bank(
    '{workup unremarkable|no acute findings|labs reassuring{drewLabs}}; discharge home with return precautions',
    'treated symptomatically in the ED{ with improvement|}; {discharge home|safe for discharge}',
    '{no acute findings|workup unremarkable}; safe for discharge{ with outpatient follow-up|}',
    'improved after treatment; discharge home{ with outpatient follow-up|}',
  ),
  admission: bank(
    'admit for observation{; serial exams|}',
    'admit to medicine{; monitor on telemetry|}',
    'initial workup unremarkable; observe overnight',
    'supportive care; {reassess|trend labs} in the morning',
  ),
  // "Tomorrow" only when the stay ends the next day (until 1.4.0 said of stays with five days to go).
  stay: bank(
    'improving; continue supportive care',
    'resolved; plan discharge{ tomorrow{tomorrow}|}',
    'workup unremarkable so far; continue to monitor',
    'better today; {continue current management|anticipate discharge{ tomorrow{tomorrow}|}}',
  ),
};

function complaintSlots(c: Composer, complaint: SymptomKey, n: number): Slots {
  const stage =
    c.truth.encounter.kind === 'emergency'
      ? 'emergency'
      : c.truth.kind === 'progress'
        ? 'stay'
        : 'admission';
  return {
    dx: () => writeSymptom(c, complaint, 'present'),
    n: (b) => b.verbatim(String(n)),
    status: (b) =>
      b.text(c.rng.pick(stage === 'stay' ? ['improving', 'resolving'] : ['acute', 'new'])),
    plan: () =>
      say(c.b, complaintPlans[stage], c.rng, {
        tomorrow: daysBetween(c.truth.date, c.truth.encounter.end) === 1 ? gate : undefined,
        // "Labs reassuring" only when blood was drawn (since 1.6.0 a child's earache draws none).
        drewLabs: c.truth.measurements.some((m) => measurements[m.key].category === 'laboratory')
          ? gate
          : undefined,
      }),
  };
}

/** Uncertain diagnoses (assertion "possible"; >= 6 phrasings) and ruled-out ones ("negated"). */
const possible = bank(
  'possible {ddx}',
  'concern for {ddx}',
  'cannot rule out {ddx}',
  '<rule out|r/o> {ddx}',
  'questionable {ddx}',
  'suspicious for {ddx}',
  'differential includes {ddx}',
  'low suspicion for {ddx}, will monitor',
);
const ruledOut = bank(
  '{ddx} ruled out',
  'no evidence of {ddx}',
  '{ddx} was ruled out',
  'negative workup for {ddx}',
  'doubt {ddx}',
  'not consistent with {ddx}',
);

/**
 * Diagnoses of adults that a child's note does not weigh (until 1.4.0 "suspicious for heart failure"
 * in a 3-year-old with asthma, "possible atrial fibrillation" with a child's anxiety).
 */
const adultDifferentials: ReadonlySet<DifferentialKey | ConditionKey> = new Set<
  DifferentialKey | ConditionKey
>([
  'heart-failure',
  'myocardial-infarction',
  'acuteCoronarySyndrome',
  'atrial-fibrillation',
  'pulmonaryEmbolism',
  'stroke',
]);

/**
 * Emergencies an ED note cannot leave open when it sends the patient home: there they are ruled out
 * (until 1.4.0 "suspicious for appendicitis" and then "discharge home").
 */
const emergencyDifferentials: ReadonlySet<DifferentialKey | ConditionKey> = new Set<
  DifferentialKey | ConditionKey
>([...adultDifferentials, 'appendicitis']);

/**
 * Differential diagnoses the note may raise: never a condition the patient has had. A clinic note
 * does not weigh a stroke or a pulmonary embolism (`ruleOutStudy`): it has no CT to rule one out
 * and would send the patient to the ED, not leave it "possible" (generator choice). A PE is weighed
 * only where the encounter drew a D-dimer (state/d-dimer.ts: the clinician suspected one; until 1.6.0
 * a PE was weighed and ruled out by CTPA alone).
 */
function differentialsOf(
  c: Composer,
  troponin: ReturnType<typeof troponinVerdict>,
  ddimer: DdimerVerdict,
): (DifferentialKey | ConditionKey)[] {
  const key = c.truth.reason ?? c.truth.suspected;
  const had = everHad(c.truth);
  const kind = c.truth.encounter.kind;
  const clinic = kind === 'ambulatory' || kind === 'wellness';
  const weighed = key ? (differentialsFor[key] ?? []) : (c.truth.presentation?.differentials ?? []);
  return weighed.filter(
    (d) =>
      (!(d in conditionTerms) || !had.has(d as ConditionKey)) &&
      (c.truth.ageYears >= 18 || !adultDifferentials.has(d)) &&
      !(clinic && (ruleOutStudy[d] || coronaryDifferentials.has(d))) &&
      // An ED visit that ends at home has ruled ACS out by its troponins, or does not weigh it.
      !(kind === 'emergency' && coronaryDifferentials.has(d) && troponin !== 'normal') &&
      !(d === 'pulmonaryEmbolism' && ddimer === 'none'),
  );
}

/**
 * Acute coronary syndromes and MI, which a troponin rules in or out (Fourth Universal Definition of
 * MI, Thygesen et al., Circulation 2018;138:e618; 2021 AHA/ACC chest pain guideline, Gulati et al.,
 * Circulation 2021;144:e368). A clinic note does not weigh them: it would send the patient to the ED
 * rather than leave ACS "suspected" until a visit weeks later (until 1.5.0 "Concern for acute coronary
 * syndrome ... Next visit in 2 weeks"; generator choice).
 */
const coronaryDifferentials: ReadonlySet<DifferentialKey | ConditionKey> = new Set<
  DifferentialKey | ConditionKey
>(['acuteCoronarySyndrome', 'myocardial-infarction']);

/**
 * The encounter's hs troponin I draws against the patient's sex-specific 99th percentile upper
 * reference limit (state/cardiac-markers.ts): every draw at or under it is "normal", any above it
 * "raised", none drawn "none".
 */
function troponinVerdict(c: Composer): 'normal' | 'raised' | 'none' {
  const draws = c.truth.measurements.filter((m) => m.key === 'troponin');
  if (draws.length === 0) return 'none';
  const url = troponinUrl[c.truth.patient.demographics.sex];
  return draws.every((m) => m.value <= url) ? 'normal' : 'raised';
}

/**
 * The encounter's D-dimer against its cut-off (500 ng/mL FEU to 50 years, age x 10 above: ADJUST-PE,
 * Righini M et al., JAMA 2014;311:1117; 2019 ESC PE guideline, Konstantinides SV et al., Eur Heart J
 * 2020;41:543, section 4.3): "negative" under it, "positive" at or above it, "none" when not drawn.
 */
export type DdimerVerdict = 'negative' | 'positive' | 'none';

export function ddimerVerdict(c: Composer): DdimerVerdict {
  const draw = c.truth.measurements.find((m) => m.key === 'ddimer');
  if (!draw) return 'none';
  return draw.value < ddimerCutoffOf(c.truth) ? 'negative' : 'positive';
}

/**
 * The differentials the note weighs, decided once (the workup, written before the A/P, shows the
 * negative study of each ruled-out stroke or PE: sections/results.ts). One, sometimes two: one still
 * possible and one ruled out; in the ED every emergency is ruled out before the patient goes home.
 */
export function differentialPlan(c: Composer): DifferentialChoice[] {
  if (c.differentials) return c.differentials;
  const plan: DifferentialChoice[] = [];
  c.differentials = plan;
  const troponin = troponinVerdict(c);
  const ddimer = ddimerVerdict(c);
  const options = differentialsOf(c, troponin, ddimer);
  if (options.length === 0 || c.rng.chance(0.15)) return plan;
  const chosen = sample(c.rng, options, options.length > 1 && c.rng.chance(0.4) ? 2 : 1);
  let negated = c.rng.chance(0.5);
  const emergency = c.truth.encounter.kind === 'emergency';
  for (const key of chosen) {
    if (emergency && emergencyDifferentials.has(key)) negated = true;
    // ACS or MI is ruled out only by troponins under the limit; otherwise it stays possible.
    if (coronaryDifferentials.has(key) && troponin !== 'normal') negated = false;
    // A D-dimer under the cut-off excludes PE when the clinical probability is not high (2019 ESC
    // PE guideline, section 4.3; ACEP 2018 clinical policy, Wolf SJ et al., Ann Emerg Med
    // 2018;71:e59): it is not left "possible"; a positive one leaves it open until a CTPA
    // (sections/results.ts writes which ruled it out).
    if (key === 'pulmonaryEmbolism' && ddimer === 'negative') negated = true;
    plan.push({ key, assertion: negated ? 'negated' : 'possible' });
    negated = !negated;
  }
  return plan;
}

function writeDifferentialLine(c: Composer): void {
  if (c.truth.suspected) {
    c.b.capitalise();
    say(c.b, possible, c.rng, { ddx: () => writeCondition(c, c.truth.suspected!, 'possible') });
    c.b.text('.').verbatim('\n');
  }
  const plan = differentialPlan(c);
  if (plan.length === 0) return;
  for (const { key, assertion } of plan) {
    c.b.capitalise();
    say(c.b, assertion === 'negated' ? ruledOut : possible, c.rng, {
      ddx: () => writeDifferential(c, key, assertion),
    });
    c.b.text('.').verbatim(c.rng.chance(0.5) ? ' ' : '\n');
  }
  c.b.verbatim('\n');
}

/**
 * One-line summaries. The verb follows the setting and "doing well" is for clinic visits only (until
 * 1.4.0 "admitted with" in clinic notes and "today doing well" in an HF exacerbation's ED note);
 * "on current regimen" needs a regimen and "unchanged from prior" a prior visit.
 */
const summaries = bank(
  '{age} {sex} with {pmh} {presentingWith} {reason}.',
  'In summary, {he} is {aAge} {sex} with {reason}{ and {pmh}|}.',
  // No status here: the problem's own line gives it (until 1.4.0 "MDD, improving." above a PHQ-9
  // of 15 and a problem line saying otherwise).
  '^{reason}{, on treatment{regimen}|; see below|}.',
  '{Assessment|Impression}: {age} {sex} with {pmh}.',
);
const clinicSummaryBank = [
  ...summaries,
  ...bank(
    '{Overall|In general|Today} {doing well|stable|improved}{ on current regimen{regimen}|}.',
    '{Overall|In general} unchanged from prior{priorVisit}.',
  ),
];

/** The A/P section: a summary, the problems (reason first), differentials, planned studies. */
export function writeAssessmentPlan(c: Composer, summarySlots: Slots): void {
  writeHeader(c, 'assessmentPlan');
  if (c.truth.conditions.length > 0 && c.rng.chance(0.6)) {
    const kind = c.truth.encounter.kind;
    const clinic = kind === 'ambulatory' || kind === 'wellness';
    say(c.b, clinic ? clinicSummaryBank : summaries, c.rng, summarySlots);
    c.b.verbatim('\n');
  }
  const present = c.truth.conditions.filter((x) => x.assertion === 'present');
  const ordered = [
    ...present.filter((x) => x.condition.key === c.truth.reason),
    ...present.filter((x) => x.condition.key !== c.truth.reason),
  ];
  const shown = ordered.slice(0, 2 + c.style.verbosity * 2);
  const layouts = c.rng.weighted(problemLayoutGroups);
  const layout = c.rng.pick(layouts);
  // The complaint that brought the patient in comes first (its symptom is in the plan's present list).
  const complaint = complaintOf(c.truth, c.plan);
  if (complaint) {
    say(c.b, [layout], c.rng, complaintSlots(c, complaint, 1));
    c.b.verbatim('\n');
  }
  const first = complaint ? 2 : 1;
  shown.forEach((item, i) => {
    const slots = problemSlots(c, item, i + first);
    say(c.b, c.rng.chance(0.7) ? [layout] : layouts, c.rng, slots);
    c.b.verbatim('\n');
  });
  writeDifferentialLine(c);
  if (shown.length === 0 && !c.truth.suspected && !complaint) {
    c.b.text(c.rng.pick(['Healthy ', 'Well ', 'Routine ']));
    c.b
      .text(
        c.rng.pick([
          // Until 1.4.0 a child could have a "Healthy adult exam."
          c.truth.ageYears >= 18 ? 'adult exam.' : 'child check; growth and development reviewed.',
          'visit; age-appropriate screening reviewed.',
          'check; no active issues.',
        ]),
      )
      .verbatim('\n');
  }
}

/** Lists conditions inline (used by discharge diagnoses and summaries). */
export function writeConditionRun(c: Composer, items: readonly ConditionAtDate[]): void {
  writeInlineList(c, items, (x) => void writeCondition(c, x.condition.key, x.assertion));
}
