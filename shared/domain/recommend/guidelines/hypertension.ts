// Domain (recommend/guidelines): hypertension drug options — 2017 ACC/AHA/AAPA/ABC/ACPM/AGS/APhA/ASH/
// ASPC/NMA/PCNA Guideline for High Blood Pressure in Adults (Whelton PK et al. Hypertension
// 2018;71:e13). Sections cited beside each rule. Pregnancy: ACOG Practice Bulletin 222 (2020) and the
// ACOG Practice Advisory on the CHAP trial (April 2022): treat at >= 140/90, severe >= 160/110 urgently.
import type { Candidate, GuidelineFinding } from '../model';
import { isChild, type PatientFacts } from '../patient-facts';
import { usableScore } from '../patient-labs';
import { inClass } from '../drugs';
import { clamp, drugOption, input, nonDrugOption } from './common';

const acc2017 = '2017 ACC/AHA hypertension guideline (Whelton PK et al. Hypertension 2018;71:e13)';

/** The four first-line classes (section 8.1.6, COR I, LOE A), each with a usual starting dose (Table 18). */
const firstLine = [
  {
    cls: 'ace_inhibitor',
    name: 'ACE inhibitor',
    drug: 'lisinopril',
    dose: '10 mg orally once daily',
  },
  { cls: 'arb', name: 'ARB', drug: 'losartan', dose: '50 mg orally once daily' },
  {
    cls: 'calcium_channel_blocker',
    name: 'CCB',
    drug: 'amlodipine',
    dose: '5 mg orally once daily',
  },
  {
    cls: 'thiazide',
    name: 'thiazide-type diuretic',
    drug: 'chlorthalidone',
    dose: '12.5 mg orally once daily',
  },
] as const;
type FirstLine = (typeof firstLine)[number];

/** BP stage by Table 6: normal < 120/80, elevated 120-129/<80, stage 1 130-139 or 80-89, stage 2 >= 140 or >= 90. */
export function bpStage(sbp: number, dbp: number): 'normal' | 'elevated' | 'stage 1' | 'stage 2' {
  if (sbp >= 140 || dbp >= 90) return 'stage 2';
  if (sbp >= 130 || dbp >= 80) return 'stage 1';
  if (sbp >= 120) return 'elevated';
  return 'normal';
}

function classBenefit(c: FirstLine, facts: PatientFacts): { benefit: number; why: string[] } {
  let benefit = 0.6;
  const why: string[] = [];
  const adjust = (when: unknown, amount: number, reason: string) => {
    if (!when) return;
    benefit += amount;
    why.push(reason);
  };
  const ckd = facts.conditions.ckd || (facts.labs.uacr && facts.labs.uacr.value >= 300);
  const rasBlocker = c.cls === 'ace_inhibitor' || c.cls === 'arb';
  // Section 10.1: Black adults without HF or CKD: initial therapy should include a thiazide or CCB (COR I, B-R).
  const black = facts.black?.value && !facts.conditions.heartFailure && !ckd;
  adjust(
    black,
    rasBlocker ? -0.15 : 0.15,
    'Black adult without HF/CKD: thiazide or CCB first (10.1, COR I, B-R)',
  );
  // Section 9.3: CKD stage 3+ or albuminuria >= 300 mg/g: ACE inhibitor reasonable (COR IIa, B-R), ARB if not tolerated (IIb, C-EO).
  adjust(
    ckd && c.cls === 'ace_inhibitor',
    0.15,
    'CKD: ACE inhibitor to slow progression (9.3, COR IIa, B-R)',
  );
  adjust(ckd && c.cls === 'arb', 0.1, 'CKD: ARB if ACE inhibitor not tolerated (9.3, COR IIb)');
  // Section 9.6: diabetes with albuminuria: ACE inhibitor or ARB may be considered (COR IIb, B-NR).
  const diabetic = facts.conditions.type2Diabetes || facts.conditions.type1Diabetes;
  const albuminuria = facts.labs.uacr && facts.labs.uacr.value >= 30;
  adjust(
    diabetic && albuminuria && rasBlocker,
    0.1,
    'diabetes with albuminuria: ACEi/ARB (9.6, COR IIb, B-NR)',
  );
  // Section 9.4 / 2022 AHA/ACC/HFSA HF guideline: HFrEF needs renin-angiotensin blockade.
  adjust(facts.conditions.heartFailure && rasBlocker, 0.1, 'heart failure: ACEi/ARB (9.4, COR I)');
  return { benefit: clamp(benefit), why };
}

function monotherapy(c: FirstLine, facts: PatientFacts, addOn: boolean): Candidate {
  const { benefit, why } = classBenefit(c, facts);
  return drugOption(
    `${addOn ? 'Add ' : ''}${c.name} (${c.drug})`,
    [{ drug: c.drug, dose: c.dose }],
    {
      rationale: [
        addOn
          ? 'add a first-line class not yet used (8.1.6)'
          : 'first-line class (8.1.6, COR I, LOE A)',
        ...why,
      ].join('; '),
      strength: 'strong',
      evidence: 'A',
      benefit,
      source: `${acc2017}, section 8.1.6`,
    },
  );
}

function combinations(classes: readonly FirstLine[], facts: PatientFacts): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < classes.length; i++)
    for (let j = i + 1; j < classes.length; j++) {
      const [a, b] = [classes[i]!, classes[j]!];
      // ACE inhibitor + ARB is harmful (8.1.6, COR III: Harm, LOE A): never proposed.
      if (
        new Set([a.cls, b.cls]).size === 2 &&
        [a.cls, b.cls].includes('ace_inhibitor') &&
        [a.cls, b.cls].includes('arb')
      )
        continue;
      const benefit = (classBenefit(a, facts).benefit + classBenefit(b, facts).benefit) / 2 + 0.25;
      out.push(
        drugOption(
          `${a.name} + ${b.name} (${a.drug} + ${b.drug})`,
          [
            { drug: a.drug, dose: a.dose },
            { drug: b.drug, dose: b.dose },
          ],
          {
            rationale:
              'stage 2 and > 20/10 mmHg above target: start two first-line agents of different classes (8.1.6.1, COR I, C-EO)',
            strength: 'strong',
            evidence: 'C-EO',
            benefit,
            source: `${acc2017}, section 8.1.6.1`,
          },
        ),
      );
    }
  return out;
}

const acogPregnancy =
  'ACOG Practice Bulletin 222, Gestational Hypertension and Preeclampsia (2020); ACOG Practice Advisory, Clinical Guidance for the Integration of the Findings of the Chronic Hypertension and Pregnancy (CHAP) Study (April 2022)';

/**
 * In pregnancy antihypertensives start at >= 140/90 mmHg (CHAP: treating mild chronic hypertension to
 * < 140/90 improved outcomes; ACOG 2022 advisory), and severe hypertension, >= 160/110, is treated
 * urgently, within 30-60 minutes (ACOG Committee Opinion 767, 2019; Practice Bulletin 222).
 */
export const pregnancyThreshold = { sbp: 140, dbp: 90, severeSbp: 160, severeDbp: 110 } as const;

function pregnancyOptions(): Candidate[] {
  const acog = acogPregnancy;
  return [
    drugOption('Labetalol', [{ drug: 'labetalol', dose: '100 mg orally twice daily, titrate' }], {
      rationale: 'first-line in pregnancy',
      strength: 'strong',
      evidence: 'B-R',
      benefit: 0.8,
      source: acog,
    }),
    drugOption(
      'Nifedipine extended-release',
      [{ drug: 'nifedipine', dose: '30 mg orally once daily' }],
      {
        rationale: 'first-line in pregnancy',
        strength: 'strong',
        evidence: 'B-R',
        benefit: 0.8,
        source: acog,
      },
    ),
  ];
}

/** Options for an adult with hypertension whose mean BP is above the < 130/80 target (8.1.5). */
export function hypertensionFinding(facts: PatientFacts): GuidelineFinding | undefined {
  if (!facts.conditions.hypertension || isChild(facts)) return undefined;
  const { sbp, dbp } = facts.labs;
  const inputs = [
    input('systolic BP', sbp),
    input('diastolic BP', dbp),
    input('hypertension', facts.conditions.hypertension),
    input('Black race', facts.black),
    input('CKD', facts.conditions.ckd),
    input('albumin/creatinine ratio', facts.labs.uacr),
  ];
  const base = {
    topic: 'hypertension' as const,
    title: 'Blood pressure treatment',
    guideline: {
      name: 'ACC/AHA High Blood Pressure in Adults',
      version: '2017',
      citation: acc2017,
    },
    inputs,
  };
  if (!sbp || !dbp)
    return {
      ...base,
      summary:
        'hypertension recorded but no blood pressure in the last year: measure before changing treatment',
      candidates: [],
      notes: ['section 4: base decisions on the average of >= 2 readings on >= 2 occasions'],
    };
  const stage = bpStage(sbp.value, dbp.value);
  if (facts.pregnant) return pregnancyFinding(facts, base, sbp.value, dbp.value);
  if (sbp.value < 130 && dbp.value < 80) return undefined;
  const used = firstLine.filter((c) =>
    facts.medications.some((m) => m.ingredients.some((d) => inClass(d, c.cls))),
  );
  const unused = firstLine.filter(
    (c) =>
      !used.includes(c) &&
      !(used.some((u) => u.cls === 'ace_inhibitor') && c.cls === 'arb') &&
      !(used.some((u) => u.cls === 'arb') && c.cls === 'ace_inhibitor'),
  );
  const lifestyle = nonDrugOption(
    'Lifestyle: DASH diet, sodium < 1500 mg/day, weight loss, activity, alcohol limit',
    {
      rationale:
        'nonpharmacological therapy for every adult with elevated BP or hypertension (6.2, COR I, LOE A)',
      strength: 'strong',
      evidence: 'A',
      benefit: stage === 'stage 1' && !highRisk(facts) ? 0.7 : 0.3,
      source: `${acc2017}, section 6.2`,
    },
  );
  const candidates: Candidate[] =
    used.length > 0
      ? unused.map((c) => monotherapy(c, facts, true))
      : stage === 'stage 1' && !highRisk(facts)
        ? []
        : [
            ...firstLine.map((c) => monotherapy(c, facts, false)),
            ...(stage === 'stage 2' && (sbp.value - 130 > 20 || dbp.value - 80 > 10)
              ? combinations(firstLine, facts)
              : []),
          ];
  const notes = [
    used.length ? `on ${used.map((u) => u.name).join(', ')}: add a class not yet used (8.1.6)` : '',
    stage === 'stage 1' && !highRisk(facts) && !used.length
      ? 'stage 1 with 10-year ASCVD risk < 10 % and no CVD/diabetes/CKD: lifestyle first, reassess in 3-6 months (8.1.4, COR I)'
      : '',
    'ACE inhibitor + ARB is never proposed (8.1.6, COR III: Harm)',
  ].filter(Boolean);
  return {
    ...base,
    summary: `${stage} hypertension: mean ${sbp.value}/${dbp.value} mmHg, target < 130/80 (8.1.5)`,
    candidates: [...candidates, lifestyle],
    notes,
  };
}

/**
 * A pregnant patient with hypertension (ACOG 2020/2022): labetalol or nifedipine from 140/90, urgent
 * treatment from 160/110; below 140/90 no antihypertensive is proposed (the < 130/80 adult target
 * does not apply in pregnancy), and ACE inhibitors/ARBs are flagged by the pregnancy rules.
 */
function pregnancyFinding(
  facts: PatientFacts,
  base: Omit<GuidelineFinding, 'summary' | 'candidates' | 'notes'>,
  sbp: number,
  dbp: number,
): GuidelineFinding {
  const t = pregnancyThreshold;
  const severe = sbp >= t.severeSbp || dbp >= t.severeDbp;
  const treat = sbp >= t.sbp || dbp >= t.dbp;
  return {
    ...base,
    guideline: {
      name: 'ACOG hypertension in pregnancy',
      version: '2020 / 2022',
      citation: acogPregnancy,
    },
    summary: severe
      ? `pregnant: mean ${sbp}/${dbp} mmHg, severe range (>= ${t.severeSbp}/${t.severeDbp}): urgent treatment and same-day obstetric assessment`
      : treat
        ? `pregnant: mean ${sbp}/${dbp} mmHg, at or above the ${t.sbp}/${t.dbp} treatment threshold: labetalol or nifedipine, goal < ${t.sbp}/${t.dbp}`
        : `pregnant: mean ${sbp}/${dbp} mmHg, below the ${t.sbp}/${t.dbp} treatment threshold in pregnancy: no antihypertensive proposed; keep monitoring`,
    candidates: treat ? pregnancyOptions() : [],
    notes: [
      severe
        ? 'severe hypertension in pregnancy (>= 160/110 persisting 15 minutes): treat within 30-60 minutes with IV labetalol or hydralazine or immediate-release oral nifedipine (ACOG Committee Opinion 767)'
        : '',
      'in pregnancy antihypertensives start at >= 140/90 (ACOG Practice Advisory 2022 after CHAP), not at the adult 130/80',
    ].filter(Boolean),
  };
}

/**
 * Section 8.1.4: drug therapy for stage 1 when clinical CVD or 10-year ASCVD risk >= 10 % (diabetes
 * and CKD count as high risk, 9.3/9.6). The risk counts only when current and inside the PCE's
 * validated ranges (patient-labs.ts usableScore).
 */
function highRisk(facts: PatientFacts): boolean {
  const ascvd = usableScore(facts.scores.ascvd).score;
  return !!(
    facts.conditions.clinicalAscvd ||
    facts.conditions.type2Diabetes ||
    facts.conditions.ckd ||
    (ascvd && ascvd.value >= 10)
  );
}
