// Domain (recommend/guidelines): blood pressure in children and adolescents (1-17 years), by the AAP
// 2017 guideline: Flynn JT et al. Clinical Practice Guideline for Screening and Management of High
// Blood Pressure in Children and Adolescents. Pediatrics 2017;140(3):e20171904.
// - The category: Table 3 (1-12 years by the percentiles of Tables 4-5 for age, sex and height,
//   monitoring/paediatric-bp.ts; from 13 years 120/80, 130/80 and 140/90).
// - Without a height, Table 6's screening values (the 90th percentile at the 5th height percentile):
//   a BP under them is normal at any height; one at or above them needs the height to be classified.
// - What to do: Table 7 (screening BP follow-up): elevated BP, lifestyle counselling and a recheck by
//   auscultation in 6 months; stage 1, lifestyle counselling and a recheck in 1-2 weeks; stage 2,
//   lifestyle counselling and a recheck, evaluation or referral to specialty care within 1 week, and
//   an immediate source of care (emergency department) when symptomatic or more than 30 mm Hg above
//   the 95th percentile (more than 180/120 in an adolescent).
// - Diagnosis: hypertension is diagnosed on auscultatory readings at or above the 95th percentile (130/80
//   from 13 years) at 3 different visits; the BP the recommender reads is the mean of the latest three
//   readings of the last year (patient-labs.ts), so the answer says so rather than diagnosing.
// - Treatment: when lifestyle measures fail (or with left ventricular hypertrophy, symptoms, or stage 2
//   without a modifiable cause), one of an ACE inhibitor, ARB, long-acting calcium channel blocker or
//   thiazide diuretic; the goal is below the 90th percentile, and below 130/80 from 13 years. The
//   weight-based doses (Table 13) are not encoded, so no drug option is built here: the note names the
//   classes.
import { bloodPressureCategory } from '../../monitoring/thresholds';
import {
  aboveEmergencyLevel,
  describeChild,
  paediatricBpCategory,
  paediatricBpLimits,
  screeningValues,
  type PaediatricBpLimits,
} from '../../monitoring/paediatric-bp';
import type { Candidate, GuidelineFinding } from '../model';
import { isChild, type PatientFacts } from '../patient-facts';
import { input, nonDrugOption } from './common';

const aap2017 =
  'AAP Clinical Practice Guideline for Screening and Management of High Blood Pressure in Children and Adolescents (Flynn JT et al. Pediatrics 2017;140:e20171904)';

type Category = 'normal' | 'elevated' | 'stage-1' | 'stage-2';
const label: Record<Category, string> = {
  normal: 'normal blood pressure',
  elevated: 'elevated blood pressure',
  'stage-1': 'stage 1 hypertension range',
  'stage-2': 'stage 2 hypertension range',
};

/** Table 7's follow-up for a category (undefined for normal: the next routine visit). */
function followUp(category: Category): Candidate | undefined {
  const when: Record<Exclude<Category, 'normal'>, [string, string]> = {
    elevated: ['Recheck BP by auscultation in 6 months', 'elevated BP: recheck in 6 months'],
    'stage-1': ['Recheck BP by auscultation in 1-2 weeks', 'stage 1: recheck in 1-2 weeks'],
    'stage-2': [
      'Recheck and evaluate BP, or refer to specialty care, within 1 week',
      'stage 2: recheck, evaluate or refer within 1 week',
    ],
  };
  if (category === 'normal') return undefined;
  const [text, rationale] = when[category];
  return nonDrugOption(text, {
    rationale: `${rationale}; hypertension is diagnosed on readings at or above the 95th percentile at 3 visits (Table 7)`,
    strength: 'expert',
    evidence: 'C-EO',
    benefit: category === 'stage-2' ? 0.85 : 0.7,
    source: `${aap2017}, Table 7`,
  });
}

const lifestyle = nonDrugOption(
  'Lifestyle counselling: DASH-style diet, moderate to vigorous physical activity 3-5 days a week, healthy weight',
  {
    rationale:
      'advice on the DASH diet and 30-60 minutes of moderate to vigorous activity on 3-5 days a week at the diagnosis of elevated BP or hypertension',
    strength: 'moderate',
    evidence: 'C-LD',
    benefit: 0.6,
    source: aap2017,
  },
);

/** "for a boy of 10 years at the 50th height percentile (90th percentile 112/74, 95th 116/77 mm Hg; Tables 4-5)". */
function describeLimits(l: PaediatricBpLimits): string {
  return `for ${describeChild(l)} (90th percentile ${l.systolic.p90}/${l.diastolic.p90}, 95th ${l.systolic.p95}/${l.diastolic.p95} mm Hg; Tables 4-5)`;
}

/**
 * A child's (1-17 years) blood pressure by AAP 2017: its category and Table 7's follow-up; for a
 * child with hypertension on record, the treatment goal. Undefined for an adult, an infant, a normal
 * BP without hypertension on record, or no BP of the last year.
 */
export function paediatricBpFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const age = facts.age?.value;
  if (!isChild(facts) || age === undefined || age < 1) return undefined;
  const { sbp, dbp, heightCm } = facts.labs;
  if (!sbp || !dbp) return undefined;
  const diagnosed = facts.conditions.hypertension;
  const base = {
    topic: 'hypertension' as const,
    title: 'Blood pressure in a child or adolescent',
    guideline: {
      name: 'AAP high blood pressure in children and adolescents',
      version: '2017',
      citation: aap2017,
    },
    inputs: [
      input('systolic BP', sbp),
      input('diastolic BP', dbp),
      input('age', facts.age),
      input('sex', facts.sex),
      input('height', heightCm),
      input('hypertension', diagnosed),
    ],
  };
  const bp = `mean ${sbp.value}/${dbp.value} mmHg`;
  const meanNote =
    'the BP is the mean of the latest readings of the last year: a category, not a diagnosis (diagnosis needs readings at 3 visits, Table 7)';
  let category: Category;
  let basis: string;
  let emergency: boolean;
  if (age >= 13) {
    const adult = bloodPressureCategory(sbp.value, dbp.value) ?? 'normal';
    category = adult === 'crisis' ? 'stage-2' : adult;
    basis = 'from 13 years: 120/<80 elevated, 130/80 stage 1, 140/90 stage 2 (Table 3)';
    emergency = adult === 'crisis';
  } else {
    const sex = facts.sex?.value;
    if (!sex) return undefined;
    const screen = screeningValues(age, sex)!;
    const belowScreen = sbp.value < screen.systolic && dbp.value < screen.diastolic;
    if (!heightCm) {
      if (belowScreen && !diagnosed) return undefined;
      return {
        ...base,
        summary: `${bp}: ${belowScreen ? 'below' : 'at or above'} the Table 6 screening value of ${screen.systolic}/${screen.diastolic} mmHg; no height of the last 180 days to classify it`,
        candidates: [
          nonDrugOption('Measure height and classify the BP by the AAP 2017 percentile tables', {
            rationale:
              "under 13 the BP category depends on the child's height percentile (Tables 4-5); Table 6 only screens",
            strength: 'expert',
            evidence: 'C-EO',
            benefit: 0.7,
            source: `${aap2017}, Tables 4-6`,
          }),
        ],
        notes: [meanNote],
      };
    }
    const limits = paediatricBpLimits({ ageYears: age, sex, heightCm: heightCm.value })!;
    category = paediatricBpCategory(sbp.value, dbp.value, limits) ?? 'normal';
    basis = describeLimits(limits);
    emergency = aboveEmergencyLevel(sbp.value, dbp.value, limits);
  }
  if (category === 'normal' && !diagnosed) return undefined;
  const next = followUp(category);
  const goal =
    age >= 13 ? 'below 130/80 mmHg' : 'below the 90th percentile for age, sex and height';
  return {
    ...base,
    summary: `${label[category]}: ${bp} ${basis}`,
    candidates: category === 'normal' ? [] : [...(next ? [next] : []), lifestyle],
    notes: [
      category === 'normal' ? '' : meanNote,
      emergency
        ? 'more than 30 mm Hg above the 95th percentile (or above 180/120 from 13 years): refer to an immediate source of care, such as an emergency department (Table 7)'
        : '',
      diagnosed
        ? `hypertension on record: the treatment goal is ${goal}; when lifestyle measures fail (or with LV hypertrophy, symptoms, or stage 2 without a modifiable cause) start an ACE inhibitor, ARB, long-acting calcium channel blocker or thiazide diuretic at a weight-based dose (AAP 2017; doses not encoded here)`
        : '',
    ].filter(Boolean),
  };
}
