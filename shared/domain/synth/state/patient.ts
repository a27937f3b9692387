// Domain (synth/state): the use case that assembles one patient's clinical state (everything in
// SynthPatient but the genome and notes) from its own random stream; each part draws from a named fork,
// so changing one generator never shifts another's draws.
import type { CohortOptions, SynthPatient } from '../model';
import type { Rng } from '../rng';
import { patientRng } from '../rng';
import { generateAllergies } from './allergies';
import { dayFromIso, type Day } from './calendar';
import { generateConditions } from './conditions';
import { generateDemographics } from './demographics';
import { assignHeartFailurePhenotype, assignLvefCourse, markEchoVisits } from './heart-failure';
import { toTrueEncounters } from './encounter-records';
import { addReadmission, planEncounters } from './encounters';
import { familyRiskOf, generateFamilyHistory } from './family-history';
import { fastUuid } from './math';
import { consciousnessReadings } from './consciousness';
import { usualUacr } from './albuminuria';
import { generateMeasurements } from './measurements';
import { generateMedications } from './medications';
import { generateOutcomes } from './outcomes';
import { generatePhysiology } from './physiology';
import { assignPresentations } from './presentations';
import { drawSmoking } from './smoking';
import { wardVitalSigns } from './ward-vitals';
import { prescribeCancerTherapy, trastuzumabMonitoring } from './cancer-therapy';
import { preventiveMeasures } from './preventive-measures';
import { sampleTumourFindings, type CancerKey } from '../genomics/genome';

/** The cancers with tumour findings, in the genome's order (cohort.ts genotypes these patients). */
const cancerKeys: readonly CancerKey[] = ['breast-cancer', 'lung-cancer', 'colorectal-cancer'];

export { OutcomeAccumulator } from './outcomes';

/** Who the patient is and what they have: demographics, history, conditions, physiology, allergies, drugs. */
function clinicalState(rng: Rng, options: CohortOptions, index: number, asOfDay: Day) {
  const demo = generateDemographics(rng.fork('demographics'), options, index, asOfDay);
  const { sex, ageYears: age } = demo.demographics;
  const { birthDay, race, hispanic } = demo;
  const familyHistory = generateFamilyHistory(rng.fork('family-history'), age);
  const family = familyRiskOf(familyHistory);
  const smoking = drawSmoking(rng.fork('smoking'), age, sex);
  const conditionContext = { age, sex, race, hispanic, smoking, family, birthDay, asOfDay };
  const conditions = generateConditions(rng.fork('conditions'), conditionContext);
  // The HF phenotype (LVEF) from a stream of its own, so every other condition draw stays as it was.
  assignHeartFailurePhenotype(rng.fork('hf-phenotype'), conditions, sex);
  // Whether an HFrEF's LVEF improves on treatment, from a stream of its own (1.9.0).
  assignLvefCourse(rng.fork('hf-course'), conditions);
  const exactAge = (asOfDay - birthDay) / 365.25;
  const physiology = generatePhysiology(rng.fork('physiology'), {
    age,
    exactAge,
    sex,
    smoking,
    conditions,
  });
  const { riskFactors } = physiology;
  const present = new Set(conditions.map((c) => c.key));
  const { allergies, allergens } = generateAllergies(rng.fork('allergies'), age, present);
  const black = race === 'black';
  const weightKg = riskFactors.weightKg;
  const prescribing = {
    age,
    sex,
    black,
    weightKg,
    conditions,
    riskFactors,
    birthDay,
    asOfDay,
    allergens,
  };
  const medications = generateMedications(rng.fork('medications'), prescribing);
  // Systemic cancer therapy needs the tumour's findings: the genome's own draws, made again here
  // from the same fork (its bytes do not change), and its own stream after every other drug.
  const cancers = cancerKeys.filter((key) => present.has(key));
  if (cancers.length > 0) {
    const tumour = sampleTumourFindings(demo.demographics.ancestry, cancers, rng.fork('genome'));
    medications.push(...prescribeCancerTherapy(rng.fork('cancer-therapy'), prescribing, tumour));
  }
  return {
    demo,
    age,
    sex,
    black,
    family,
    familyHistory,
    conditions,
    ...physiology,
    allergies,
    medications,
  };
}

type ClinicalState = ReturnType<typeof clinicalState>;

/** What happened around the patient: encounters, outcome labels (with any readmission stay) and measurements. */
function careAndOutcomes(rng: Rng, s: ClinicalState, asOfDay: Day) {
  const { age, sex, black, conditions, riskFactors, medications } = s;
  const birthDay = s.demo.birthDay;
  let plans = planEncounters(rng.fork('encounters'), { age, birthDay, asOfDay, conditions });
  const familyDiabetes = s.family.diabetes;
  const outcomeContext = {
    age,
    sex,
    black,
    asOfDay,
    conditions,
    riskFactors,
    medications,
    familyDiabetes,
    plans,
  };
  const drawn = generateOutcomes(rng.fork('outcomes'), outcomeContext);
  if (drawn.readmissionDay !== undefined) {
    plans = addReadmission(
      rng.fork('readmission'),
      plans,
      drawn.readmissionDay,
      drawn.readmissionReason,
      asOfDay,
    );
  }
  const zone = s.demo.place.zone;
  const encounters = toTrueEncounters(rng.fork('encounter-ids'), plans, zone);
  markEchoVisits(conditions, encounters);
  const patient = {
    sex,
    age,
    birthDay,
    asOfDay,
    zone,
    conditions,
    medications,
    riskFactors,
    body: s.body,
    usualUacr: usualUacr(rng.fork('albuminuria'), conditions),
  };
  // The complaint of each ED visit and stay without a reason, before what it orders.
  assignPresentations(rng.fork('presentations'), s.demo.demographics.birthDate, encounters);
  const measurements = generateMeasurements(rng.fork('measurements'), patient, plans, encounters);
  // ACVPU readings come last, from their own stream (see state/consciousness.ts).
  measurements.push(
    ...consciousnessReadings(rng.fork('consciousness'), birthDay, plans, encounters, measurements),
  );
  // Each stay's ward sets after them, from their own stream (see state/ward-vitals.ts).
  measurements.push(
    ...wardVitalSigns(rng.fork('ward-vitals'), patient, plans, encounters, measurements),
  );
  // Adults' waist and Exercise Vital Sign at wellness visits, from their own stream (1.10.0).
  measurements.push(
    ...preventiveMeasures(rng.fork('preventive-measures'), patient, encounters, measurements),
  );
  return { encounters, measurements, outcomes: drawn.outcomes };
}

/**
 * The clinical state of patient `index` of the cohort: deterministic from `patientRng(seed, index)`, so the
 * same options and index always give a deep-equal patient, in any order and without the rest of the
 * cohort (streaming). `genome` is left undefined for the genomics generator.
 */
export function generatePatientState(options: CohortOptions, index: number): SynthPatient {
  const rng = patientRng(options.seed, index);
  const asOfDay = dayFromIso(options.asOf);
  const id = fastUuid(rng.fork('id'));
  const state = clinicalState(rng, options, index, asOfDay);
  const care = careAndOutcomes(rng, state, asOfDay);
  // Cardiac monitoring on trastuzumab, from a stream of its own (1.9.0).
  const { readings: lvefReadings, cardiotoxicity } = trastuzumabMonitoring(
    rng.fork('lvef-monitoring'),
    state.medications,
    asOfDay,
  );
  return {
    index,
    id,
    hospital: options.hospital,
    demographics: state.demo.demographics,
    conditions: state.conditions,
    riskFactors: state.riskFactors,
    medications: state.medications,
    allergies: state.allergies,
    familyHistory: state.familyHistory,
    encounters: care.encounters,
    measurements: care.measurements,
    outcomes: care.outcomes,
    ...(lvefReadings.length > 0 ? { lvefReadings } : {}),
    ...(cardiotoxicity ? { trastuzumabCardiotoxicity: cardiotoxicity } : {}),
  };
}
