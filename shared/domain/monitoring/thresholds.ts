// Domain (monitoring): published threshold categories for blood pressure, glucose and HbA1c. Each
// table names its guideline and version beside the numbers.

export interface GuidelineSource {
  guideline: string;
  version: string;
}

/** 2017 ACC/AHA high blood pressure guideline: Whelton PK et al. Hypertension 2018;71:e13-e115, Table 6. */
export const accAha2017: GuidelineSource = {
  guideline:
    'ACC/AHA Guideline for High Blood Pressure in Adults (Whelton et al., Hypertension 2018;71:e13)',
  version: '2017',
};

/** ADA Standards of Care in Diabetes—2024, Diabetes Care 2024;47(Suppl 1), Section 6 (Glycemic Goals and Hypoglycemia). */
export const ada2024: GuidelineSource = {
  guideline:
    'ADA Standards of Care in Diabetes, Section 6 Glycemic Goals and Hypoglycemia (Diabetes Care 2024;47 Suppl 1)',
  version: '2024',
};

/**
 * AAP 2017 paediatric hypertension guideline: Flynn JT et al. Pediatrics 2017;140(3):e20171904. From 13
 * years, Table 3 classifies BP by the adult thresholds (elevated 120-129/<80, stage 1 130/80-139/89,
 * stage 2 >= 140/90); under 13, by percentiles for age, sex and height (Tables 4-5, paediatric-bp.ts:
 * `aap2017Percentiles`).
 */
export const aap2017: GuidelineSource = {
  guideline:
    'AAP Clinical Practice Guideline for High Blood Pressure in Children and Adolescents (Flynn et al., Pediatrics 2017;140:e20171904), Table 3 (13 years and older)',
  version: '2017',
};

/** The same guideline under 13: Table 3's percentile categories, Tables 4-5, Table 7's referral level. */
export const aap2017Percentiles: GuidelineSource = {
  guideline:
    'AAP Clinical Practice Guideline for High Blood Pressure in Children and Adolescents (Flynn et al., Pediatrics 2017;140:e20171904), Tables 3-5 and 7 (1-12 years, by age, sex and height percentile)',
  version: '2017',
};

/** ADA Standards of Care 2024, Section 14: an HbA1c goal < 7 % for many children and adolescents with diabetes. */
export const ada2024Children: GuidelineSource = {
  guideline:
    'ADA Standards of Care in Diabetes, Section 14 Children and Adolescents (Diabetes Care 2024;47 Suppl 1)',
  version: '2024',
};

export type BloodPressureCategory = 'normal' | 'elevated' | 'stage-1' | 'stage-2' | 'crisis';

/**
 * The ACC/AHA 2017 category of one blood pressure, or of an average of readings (systolic and
 * diastolic in mm[Hg]). Table 6 of the guideline: normal <120 and <80; elevated 120-129 and <80;
 * stage 1 130-139 or 80-89; stage 2 >=140 or >=90. Hypertensive crisis (section 11.2): systolic >180
 * and/or diastolic >120. When the two fall in different categories the higher one applies (Table 6
 * footnote). A missing value is left out; both missing -> undefined.
 */
export function bloodPressureCategory(
  systolic: number | undefined,
  diastolic: number | undefined,
): BloodPressureCategory | undefined {
  const s = systolic === undefined ? undefined : systolicCategory(systolic);
  const d = diastolic === undefined ? undefined : diastolicCategory(diastolic);
  if (s === undefined) return d;
  if (d === undefined) return s;
  return bpOrder.indexOf(s) >= bpOrder.indexOf(d) ? s : d;
}

const bpOrder: readonly BloodPressureCategory[] = [
  'normal',
  'elevated',
  'stage-1',
  'stage-2',
  'crisis',
];

function systolicCategory(mmHg: number): BloodPressureCategory {
  if (mmHg > 180) return 'crisis';
  if (mmHg >= 140) return 'stage-2';
  if (mmHg >= 130) return 'stage-1';
  if (mmHg >= 120) return 'elevated';
  return 'normal';
}

/** Diastolic alone never makes "elevated": that category requires diastolic <80 (Table 6). */
function diastolicCategory(mmHg: number): BloodPressureCategory {
  if (mmHg > 120) return 'crisis';
  if (mmHg >= 90) return 'stage-2';
  if (mmHg >= 80) return 'stage-1';
  return 'normal';
}

/** ACC/AHA 2017 recommendation 8.1.5: BP target <130/80 mm Hg for most adults on treatment. */
export const bloodPressureTarget = { systolic: 130, diastolic: 80 } as const;

/** A treatment goal: BP below `systolic`/`diastolic` mm[Hg], with its source and how to say it. */
export interface BloodPressureGoal {
  systolic: number;
  diastolic: number;
  source: GuidelineSource;
  /** e.g. "the <130/80 mm[Hg] target". */
  describe: string;
}

/** The adult goal (ACC/AHA 2017 rec. 8.1.5). */
export const adultBloodPressureGoal: BloodPressureGoal = {
  ...bloodPressureTarget,
  source: accAha2017,
  describe: 'the <130/80 mm[Hg] target',
};

/**
 * AAP 2017 (Flynn et al.), the key action statement on the treatment goal: lower systolic and
 * diastolic BP to below the 90th percentile, and below 130/80 mm Hg in adolescents of 13 years and
 * older.
 */
export const aap2017TreatmentGoal: GuidelineSource = {
  guideline:
    'AAP Clinical Practice Guideline for High Blood Pressure in Children and Adolescents (Flynn et al., Pediatrics 2017;140:e20171904), treatment goal: <90th percentile, <130/80 mm Hg from 13 years',
  version: '2017',
};

/** True when a BP (mm[Hg]) is at or above a treatment goal (default the ACC/AHA 2017 <130/<80). */
export function aboveBloodPressureTarget(
  systolic: number,
  diastolic: number | undefined,
  goal: { systolic: number; diastolic: number } = bloodPressureTarget,
): boolean {
  return systolic >= goal.systolic || (diastolic !== undefined && diastolic >= goal.diastolic);
}

export type GlucoseCategory =
  | 'hypoglycaemia-level-2'
  | 'hypoglycaemia-level-1'
  | 'in-range'
  | 'hyperglycaemia-level-1'
  | 'hyperglycaemia-level-2';

/**
 * ADA 2024 glucose category of one glucose value in mg/dL. Hypoglycaemia (Section 6, Table 6.4):
 * level 1 <70 and >=54, level 2 <54 mg/dL (level 3 is a clinical event, not a value). Hyperglycaemia
 * as the time-above-range bands of the CGM consensus adopted in Section 7 (Battelino et al., Diabetes
 * Care 2019;42:1593): level 1 >180-250, level 2 >250 mg/dL. 70-180 is the target range.
 */
export function glucoseCategory(mgPerDl: number): GlucoseCategory {
  if (mgPerDl < 54) return 'hypoglycaemia-level-2';
  if (mgPerDl < 70) return 'hypoglycaemia-level-1';
  if (mgPerDl > 250) return 'hyperglycaemia-level-2';
  if (mgPerDl > 180) return 'hyperglycaemia-level-1';
  return 'in-range';
}

/** ADA 2024 recommendation 6.5a: an HbA1c goal of <7 % (53 mmol/mol) for many nonpregnant adults. */
export const hba1cGoalPercent = 7;

/** True when an HbA1c (NGSP %) is at or above a goal (default the ADA 2024 <7 %). */
export function hba1cAboveGoal(percent: number, goalPercent = hba1cGoalPercent): boolean {
  return percent >= goalPercent;
}
