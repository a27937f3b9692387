// Domain (recommend/guidelines): type 2 diabetes glucose-lowering options — American Diabetes
// Association, Standards of Care in Diabetes—2025 (Diabetes Care 2025;48(Suppl 1)): section 6
// (glycaemic goals), section 9 (pharmacologic approaches, Figure 9.3), section 10 (CVD), section 11
// (CKD), section 13 (older adults), section 15 (Management of Diabetes in Pregnancy).
import type { Candidate, GuidelineFinding } from '../model';
import { isChild, type PatientFacts } from '../patient-facts';
import { inClass } from '../drugs';
import { drugOption, input } from './common';

const ada2025 = 'ADA Standards of Care in Diabetes 2025 (Diabetes Care 2025;48 Suppl 1)';

/**
 * HbA1c goal (%): < 7 for most non-pregnant adults (section 6); < 8 for older adults (>= 75 here,
 * standing in for "complex/intermediate health", section 13) where hypoglycaemia risk outweighs benefit.
 */
export function hba1cTarget(age: number | undefined): number {
  return age !== undefined && age >= 75 ? 8 : 7;
}

function compelling(facts: PatientFacts) {
  const egfr = facts.labs.egfr?.value;
  const uacr = facts.labs.uacr?.value;
  return {
    ascvd: !!facts.conditions.clinicalAscvd,
    heartFailure: !!facts.conditions.heartFailure,
    ckd:
      !!facts.conditions.ckd ||
      (egfr !== undefined && egfr < 60) ||
      (uacr !== undefined && uacr >= 30),
  };
}

function candidatesFor(facts: PatientFacts, aboveTarget: boolean): Candidate[] {
  const c = compelling(facts);
  const on = (cls: string) =>
    facts.medications.some((m) => m.ingredients.some((d) => inClass(d, cls)));
  const out: Candidate[] = [];
  if (!on('biguanide'))
    out.push(
      drugOption(
        'Metformin',
        [
          {
            drug: 'metformin',
            dose: '500 mg orally once daily with a meal, titrate to 1000 mg twice daily',
          },
        ],
        {
          rationale:
            'effective, safe and inexpensive first-line glucose lowering; may lower CV events (section 9, Figure 9.3)',
          strength: 'strong',
          evidence: 'A',
          benefit: aboveTarget ? 0.75 : 0.4,
          source: `${ada2025}, section 9`,
        },
      ),
    );
  if (!on('sglt2_inhibitor')) {
    const reasons = [
      c.heartFailure && 'heart failure (section 10, A)',
      c.ckd && 'CKD with eGFR >= 20 (section 11, A)',
      c.ascvd && 'established ASCVD (section 10, A)',
    ].filter(Boolean);
    out.push(
      drugOption(
        'SGLT2 inhibitor (empagliflozin)',
        [{ drug: 'empagliflozin', dose: '10 mg orally once daily' }],
        {
          rationale: reasons.length
            ? `proven cardiorenal benefit independent of HbA1c: ${reasons.join(', ')}`
            : 'add-on glucose lowering with low hypoglycaemia risk and weight loss',
          strength: 'strong',
          evidence: 'A',
          benefit: c.heartFailure || c.ckd ? 0.95 : c.ascvd ? 0.85 : aboveTarget ? 0.6 : 0.3,
          source: `${ada2025}, sections 9-11`,
        },
      ),
    );
  }
  if (!on('glp1_agonist')) {
    const reasons = [
      c.ascvd && 'established ASCVD (section 10, A)',
      c.ckd && 'CKD (section 11: semaglutide, FLOW 2024)',
    ].filter(Boolean);
    out.push(
      drugOption(
        'GLP-1 RA (semaglutide)',
        [{ drug: 'semaglutide', dose: '0.25 mg subcutaneously weekly, titrate to 1 mg' }],
        {
          rationale: reasons.length
            ? `proven cardiovascular benefit: ${reasons.join(', ')}`
            : 'high glucose-lowering efficacy and weight loss',
          strength: 'strong',
          evidence: 'A',
          benefit: c.ascvd ? 0.9 : c.ckd ? 0.75 : aboveTarget ? 0.65 : 0.3,
          source: `${ada2025}, sections 9-10`,
        },
      ),
    );
  }
  return out;
}

/**
 * Type 2 diabetes in pregnancy (ADA Standards of Care 2025, section 15): insulin is the preferred
 * agent (it does not cross the placenta); metformin and glyburide cross the placenta and are not
 * first line (flagged by safety/pregnancy-and-history.ts), SGLT2 inhibitors and GLP-1 RAs are not
 * recommended. Goals differ from the non-pregnant ones: fasting glucose 70-95 mg/dL and 1-h
 * postprandial 110-140 or 2-h 100-120 mg/dL; A1C < 6 % if reached without significant hypoglycaemia,
 * relaxed to < 7 % if needed. Always a finding: diabetes in pregnancy needs a specialist plan.
 */
function pregnancyFinding(facts: PatientFacts): GuidelineFinding {
  const hba1c = facts.labs.hba1c;
  const onInsulin = facts.medications.some((m) => m.ingredients.some((d) => inClass(d, 'insulin')));
  const section15 = `${ada2025}, section 15 (Management of Diabetes in Pregnancy)`;
  return {
    topic: 'type-2-diabetes',
    title: 'Type 2 diabetes in pregnancy',
    guideline: { name: 'ADA Standards of Care in Diabetes', version: '2025', citation: ada2025 },
    summary: `pregnant with type 2 diabetes${hba1c ? `, HbA1c ${hba1c.value} %` : ''}: insulin is preferred${onInsulin ? ' (taken: titrate to the pregnancy goals)' : ''}; goals fasting 70-95 mg/dL, 1-h postprandial 110-140 or 2-h 100-120 mg/dL, A1C < 6 % if safely reached (< 7 % if needed)`,
    candidates: onInsulin
      ? []
      : [
          drugOption(
            'Insulin',
            [
              {
                drug: 'insulin',
                dose: 'individualised basal and prandial insulin, titrated to the pregnancy glucose goals (diabetes-in-pregnancy team)',
              },
            ],
            {
              rationale:
                'insulin is the preferred agent for type 2 diabetes in pregnancy: it does not cross the placenta (section 15)',
              strength: 'strong',
              evidence: 'A',
              benefit: 0.9,
              source: section15,
            },
          ),
        ],
    inputs: [
      input('pregnancy', facts.pregnant),
      input('HbA1c', hba1c),
      input('eGFR', facts.labs.egfr),
      input('age', facts.age),
    ],
    notes: [
      'metformin and glyburide cross the placenta: not first-line agents in pregnancy (section 15); SGLT2 inhibitors and GLP-1 RAs are not recommended',
      'refer to a diabetes-in-pregnancy (maternal-fetal medicine) team; self-monitor fasting and postprandial glucose (section 15)',
    ],
  };
}

/** Options for an adult with type 2 diabetes above the HbA1c goal or with a compelling indication. */
export function diabetesFinding(facts: PatientFacts): GuidelineFinding | undefined {
  if (!facts.conditions.type2Diabetes || isChild(facts)) return undefined;
  if (facts.pregnant) return pregnancyFinding(facts);
  const target = hba1cTarget(facts.age?.value);
  const hba1c = facts.labs.hba1c;
  const aboveTarget = !hba1c || hba1c.value >= target;
  const c = compelling(facts);
  const candidates = candidatesFor(facts, aboveTarget);
  const organProtection =
    (c.ascvd || c.heartFailure || c.ckd) &&
    candidates.some((x) => x.benefit >= 0.75 && x.drugs[0]!.drug !== 'metformin');
  if (!aboveTarget && !organProtection) return undefined;
  const summary = hba1c
    ? `HbA1c ${hba1c.value} % against a goal of < ${target} %${organProtection ? '; cardiorenal indication for SGLT2i/GLP-1 RA' : ''}`
    : 'type 2 diabetes with no HbA1c in the last year: measure (section 6: at least twice a year)';
  const notes = [
    hba1c && hba1c.value >= target + 1.5
      ? 'HbA1c >= 1.5 % above goal: consider starting combination therapy (section 9)'
      : '',
    hba1c && hba1c.value >= 10
      ? 'HbA1c >= 10 % or symptomatic hyperglycaemia: consider insulin (section 9)'
      : '',
    'goals are individualised: less stringent where hypoglycaemia risk or limited life expectancy (section 6)',
  ].filter(Boolean);
  return {
    topic: 'type-2-diabetes',
    title: 'Type 2 diabetes glucose lowering',
    guideline: { name: 'ADA Standards of Care in Diabetes', version: '2025', citation: ada2025 },
    summary,
    candidates,
    inputs: [
      input('HbA1c', hba1c),
      input('eGFR', facts.labs.egfr),
      input('albumin/creatinine ratio', facts.labs.uacr),
      input('clinical ASCVD', facts.conditions.clinicalAscvd),
      input('heart failure', facts.conditions.heartFailure),
      input('age', facts.age),
    ],
    notes,
  };
}
