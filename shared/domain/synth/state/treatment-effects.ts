// Domain (synth/state): how the medications a patient takes move their measurements on a given day —
// each effect scaled by the adherence the patient truly achieves (poor adherence ≈ no effect).
import type { TrueMedication } from '../model';
import { dayFromIso, type Day } from './calendar';
import { drugs, type DrugKey } from './drugs';
import type { DrugClass } from './medication-catalog';

export interface TreatmentEffects {
  /** mmHg lowered. */
  systolicDrop: number;
  diastolicDrop: number;
  /** Multiplier on LDL-C (1 = untreated). */
  ldlFactor: number;
  /** HbA1c percentage points lowered (negative values raise it: insulin under-use in type 1). */
  hba1cDrop: number;
  /** beats/min lowered. */
  heartRateDrop: number;
  /** mmol/L shift in potassium. */
  potassiumShift: number;
  /** Multiplier on PHQ-9 / GAD-7 totals. */
  symptomFactor: number;
}

/**
 * Standard-dose BP lowering by class, mmHg systolic/diastolic (Law MR, Morris JK, Wald NJ. BMJ
 * 2009;338:b1665, Table 2: thiazide 8.8/4.4, beta-blocker 9.2/6.7, ACEi 8.5/4.7, ARB 10.3/5.7, CCB 8.8/5.9);
 * effects add across classes, and grow ≈1 mmHg per 10 mmHg higher pre-treatment systolic (same source).
 */
const bpLowering: Partial<Record<DrugClass, readonly [number, number]>> = {
  thiazide: [8.8, 4.4],
  'beta-blocker': [9.2, 6.7],
  'ace-inhibitor': [8.5, 4.7],
  arb: [10.3, 5.7],
  // Sacubitril/valsartan: 3.2 mmHg systolic below enalapril (PARADIGM-HF, McMurray JJV et al. NEJM
  // 2014;371:993); diastolic as the ARB's (generator choice).
  arni: [11.7, 5.7],
  'calcium-channel-blocker': [8.8, 5.9],
  'loop-diuretic': [4, 2],
};

/**
 * HbA1c lowering at full adherence: metformin 1.1% (Hirst JA et al. Diabetologia 2012;55:1578), sulfonylurea
 * add-on 1.0% (Hirst JA et al. Diabetes Care 2013;36:3325 report ≈1.5% as monotherapy); GLP-1 RAs added to
 * metformin: semaglutide 1 mg 1.8% and dulaglutide 1.5 mg 1.4% (SUSTAIN 7, Pratley RE et al. Lancet
 * Diabetes Endocrinol 2018;6:275), liraglutide 1.2–1.8 mg 1.0% (LEAD-2, Nauck M et al. Diabetes Care
 * 2009;32:84). Weight is not moved by any drug here (the state's weight is one value).
 */
const hba1cLowering: Partial<Record<DrugKey, number>> = {
  'metformin-500': 1.1,
  'metformin-er-500': 1.1,
  'glipizide-5': 1.0,
  'semaglutide-1mg-pen': 1.8,
  'dulaglutide-1.5mg-pen': 1.4,
  'liraglutide-pen-6-mg-ml': 1.0,
};

/** Effects start after ≈2 weeks of therapy (steady state for most chronic drugs) and stop at `end`. */
function activeOn(med: TrueMedication, day: Day): boolean {
  const start = dayFromIso(med.start);
  return day >= start + 14 && (med.end === undefined || day <= dayFromIso(med.end));
}

export function noTreatment(): TreatmentEffects {
  return {
    systolicDrop: 0,
    diastolicDrop: 0,
    ldlFactor: 1,
    hba1cDrop: 0,
    heartRateDrop: 0,
    potassiumShift: 0,
    symptomFactor: 1,
  };
}

/**
 * Treatment effects on `day` for a patient whose untreated systolic BP is `untreatedSystolic`. Statins
 * lower LDL-C by their intensity (ACC/AHA 2018: high ≥50%, moderate 30–49%); beta-blockers slow the heart
 * ≈10/min; RAS blockers raise potassium ≈0.15 mmol/L, thiazide and loop diuretics lower it ≈0.3; SSRIs
 * roughly halve symptom scores in responders (≈45% mean reduction, modelling assumption from response
 * rates in Cipriani A et al. Lancet 2018;391:1357). Type 1 diabetes: each missed share of insulin adds
 * up to 3 HbA1c points.
 */
export function effectsOn(
  meds: readonly TrueMedication[],
  day: Day,
  untreatedSystolic: number,
): TreatmentEffects {
  const e = noTreatment();
  for (const med of meds) {
    if (!activeOn(med, day)) continue;
    const drug = drugs[med.key as DrugKey];
    const a = med.adherence;
    const bp = bpLowering[drug.drugClass];
    if (bp) {
      e.systolicDrop += a * Math.max(0, bp[0] + 0.1 * (untreatedSystolic - 154));
      e.diastolicDrop += a * bp[1];
    }
    if ('ldlLowering' in drug) e.ldlFactor *= 1 - drug.ldlLowering * a;
    e.hba1cDrop += a * (hba1cLowering[med.key as DrugKey] ?? 0);
    if (drug.drugClass === 'insulin') e.hba1cDrop -= 3 * (1 - a);
    if (drug.drugClass === 'beta-blocker') e.heartRateDrop += 10 * a;
    if (drug.drugClass === 'ace-inhibitor' || drug.drugClass === 'arb' || drug.drugClass === 'arni')
      e.potassiumShift += 0.15 * a;
    if (drug.drugClass === 'thiazide' || drug.drugClass === 'loop-diuretic')
      e.potassiumShift -= 0.3 * a;
    if (drug.drugClass === 'ssri') e.symptomFactor *= 1 - 0.45 * a;
  }
  return e;
}
