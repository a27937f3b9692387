// Domain (recommend/guidelines): statin therapy — 2018 AHA/ACC/AACVPR/AAPA/ABC/ACPM/ADA/AGS/APhA/
// ASPC/NLA/PCNA Guideline on the Management of Blood Cholesterol (Grundy SM et al. Circulation
// 2019;139:e1082): section 4.1 (secondary prevention), 4.2 (LDL-C >= 190 mg/dL), 4.3 (diabetes), 4.4
// (primary prevention by 10-year ASCVD risk), Table 3 (statin intensity).
import type { Candidate, EvidenceLevel, GuidelineFinding, RecommendationStrength } from '../model';
import type { PatientFacts } from '../patient-facts';
import { usableScore } from '../patient-labs';
import { inClass } from '../drugs';
import { drugOption, input, nonDrugOption } from './common';

const aha2018 = '2018 AHA/ACC cholesterol guideline (Grundy SM et al. Circulation 2019;139:e1082)';

export type StatinIntensity = 'high' | 'moderate' | 'none';

/**
 * Primary prevention, ages 40-75 with LDL-C 70-189 mg/dL, by 10-year ASCVD risk (%) (section 4.4,
 * Figure 2): < 5 low (lifestyle), 5 to < 7.5 borderline (moderate if risk enhancers, IIb), 7.5 to < 20
 * intermediate (moderate, I, A), >= 20 high (high intensity, I, A).
 */
export function statinForRisk(riskPercent: number): {
  band: 'low' | 'borderline' | 'intermediate' | 'high';
  intensity: StatinIntensity;
  strength: RecommendationStrength;
  evidence: EvidenceLevel;
} {
  if (riskPercent >= 20)
    return { band: 'high', intensity: 'high', strength: 'strong', evidence: 'A' };
  if (riskPercent >= 7.5)
    return { band: 'intermediate', intensity: 'moderate', strength: 'strong', evidence: 'A' };
  if (riskPercent >= 5)
    return { band: 'borderline', intensity: 'moderate', strength: 'weak', evidence: 'B-R' };
  return { band: 'low', intensity: 'none', strength: 'strong', evidence: 'B-R' };
}

interface Indication {
  reason: string;
  intensity: StatinIntensity;
  strength: RecommendationStrength;
  evidence: EvidenceLevel;
  section: string;
}

/** Which statin benefit group the patient falls in, first match wins (Figure 1/2 order). */
export function statinIndication(facts: PatientFacts): Indication | undefined {
  const age = facts.age?.value;
  const ldl = facts.labs.ldl?.value;
  if (age === undefined || age < 20) return undefined;
  if (facts.conditions.clinicalAscvd)
    return age <= 75
      ? {
          reason: 'clinical ASCVD, age <= 75',
          intensity: 'high',
          strength: 'strong',
          evidence: 'A',
          section: '4.1',
        }
      : {
          reason: 'clinical ASCVD, age > 75: moderate or high intensity reasonable',
          intensity: 'moderate',
          strength: 'moderate',
          evidence: 'B-R',
          section: '4.1',
        };
  if (ldl !== undefined && ldl >= 190 && age <= 75)
    return {
      reason: `LDL-C ${ldl} mg/dL >= 190`,
      intensity: 'high',
      strength: 'strong',
      evidence: 'B-R',
      section: '4.2',
    };
  // The PCE decides only when computed inside its validated ranges (age 40-79, total cholesterol
  // 130-320, HDL 20-100, SBP 90-200; Goff 2013) from inputs of the last year (risk/fhir/provide.ts).
  const risk = usableScore(facts.scores.ascvd).score;
  if (facts.conditions.type2Diabetes && age >= 40 && age <= 75)
    return risk && risk.value >= 20
      ? {
          reason: 'diabetes 40-75 with multiple risk factors (10-year risk >= 20 %)',
          intensity: 'high',
          strength: 'weak',
          evidence: 'B-R',
          section: '4.3',
        }
      : {
          reason: 'diabetes, age 40-75',
          intensity: 'moderate',
          strength: 'strong',
          evidence: 'A',
          section: '4.3',
        };
  if (age >= 40 && age <= 75 && risk && (ldl === undefined || ldl >= 70)) {
    const r = statinForRisk(risk.value);
    return {
      reason: `10-year ASCVD risk ${risk.value} % (${r.band})`,
      intensity: r.intensity,
      strength: r.strength,
      evidence: r.evidence,
      section: '4.4',
    };
  }
  return undefined;
}

/** Table 3: daily doses that lower LDL-C >= 50 % (high) or 30-49 % (moderate). */
const regimens: Record<
  Exclude<StatinIntensity, 'none'>,
  { drug: string; dose: string; benefit: number }[]
> = {
  high: [
    { drug: 'atorvastatin', dose: '40 mg orally once daily (up to 80 mg)', benefit: 0.9 },
    { drug: 'rosuvastatin', dose: '20 mg orally once daily (up to 40 mg)', benefit: 0.9 },
  ],
  moderate: [
    { drug: 'atorvastatin', dose: '10-20 mg orally once daily', benefit: 0.75 },
    { drug: 'rosuvastatin', dose: '5-10 mg orally once daily', benefit: 0.75 },
    { drug: 'simvastatin', dose: '20-40 mg orally once daily', benefit: 0.7 },
    { drug: 'pravastatin', dose: '40-80 mg orally once daily', benefit: 0.65 },
  ],
};

/** Intensity of a statin the patient takes, from Table 3 and the dose in its name (mg). */
export function currentIntensity(facts: PatientFacts): StatinIntensity {
  const highDose: Record<string, number> = { atorvastatin: 40, rosuvastatin: 20 };
  let best: StatinIntensity = 'none';
  for (const m of facts.medications) {
    const statin = m.ingredients.find((d) => /statin$/.test(d) && d !== 'nystatin');
    if (!statin) continue;
    const mg = Number(/(\d+(?:\.\d+)?)\s*mg/i.exec(m.text)?.[1] ?? NaN);
    best =
      highDose[statin] !== undefined && mg >= highDose[statin]!
        ? 'high'
        : best === 'high'
          ? 'high'
          : 'moderate';
  }
  return best;
}

/**
 * Primary prevention at 40-75 with LDL-C unknown or >= 70 where the 10-year risk on record cannot be
 * used (stale inputs or outside the PCE's validated ranges): no statin decision, and why.
 */
function unusableRiskFinding(facts: PatientFacts, why: string): GuidelineFinding {
  return {
    topic: 'lipids',
    title: 'Cholesterol lowering (statin)',
    guideline: { name: 'AHA/ACC Blood Cholesterol Guideline', version: '2018', citation: aha2018 },
    summary: `10-year ASCVD risk not usable for a statin decision: ${why}; measure current lipids and blood pressure and recompute`,
    candidates: [],
    inputs: [
      input('10-year ASCVD risk', undefined),
      input('LDL-C', facts.labs.ldl),
      input('age', facts.age),
    ],
    notes: [
      "primary prevention at 40-75 years is decided by the 10-year ASCVD risk (section 4.4), which needs current inputs inside the Pooled Cohort Equations' validated ranges",
    ],
  };
}

/** Statin options when the patient is in a benefit group and not already at the indicated intensity. */
export function lipidFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const indication = statinIndication(facts);
  const riskWhy = usableScore(facts.scores.ascvd).why;
  const age = facts.age?.value;
  const ldl = facts.labs.ldl?.value;
  if (
    !indication &&
    riskWhy &&
    age !== undefined &&
    age >= 40 &&
    age <= 75 &&
    (ldl === undefined || ldl >= 70)
  )
    return unusableRiskFinding(facts, riskWhy);
  if (!indication) return undefined;
  const current = currentIntensity(facts);
  const rank = { none: 0, moderate: 1, high: 2 };
  if (rank[current] >= rank[indication.intensity] && indication.intensity !== 'none')
    return undefined;
  if (indication.intensity === 'none' && current !== 'none') return undefined;
  const source = `${aha2018}, section ${indication.section}`;
  const lifestyle = nonDrugOption('Heart-healthy lifestyle', {
    rationale: 'the foundation of risk reduction at every risk level (section 4.4, COR I)',
    strength: 'strong',
    evidence: 'B-R',
    benefit: indication.intensity === 'none' ? 0.8 : 0.3,
    source,
  });
  const replaces = facts.medications.flatMap((m) =>
    m.ingredients.filter((d) => inClass(d, 'statin')),
  );
  const candidates: Candidate[] =
    indication.intensity === 'none'
      ? []
      : regimens[indication.intensity].map((r) =>
          drugOption(
            `${indication.intensity}-intensity statin (${r.drug})`,
            [{ drug: r.drug, dose: r.dose }],
            {
              rationale: `${indication.reason}: ${indication.intensity}-intensity statin`,
              strength: indication.strength,
              evidence: indication.evidence,
              benefit: r.benefit,
              source,
              replaces,
            },
          ),
        );
  return {
    topic: 'lipids',
    title: 'Cholesterol lowering (statin)',
    guideline: { name: 'AHA/ACC Blood Cholesterol Guideline', version: '2018', citation: aha2018 },
    summary: `${indication.reason}: ${indication.intensity === 'none' ? 'lifestyle, no statin' : `${indication.intensity}-intensity statin`}${current !== 'none' ? ` (currently ${current} intensity)` : ''}`,
    candidates: [...candidates, lifestyle],
    inputs: [
      input(
        '10-year ASCVD risk',
        facts.scores.ascvd && {
          value: facts.scores.ascvd.value,
          unit: '%',
          source: riskWhy ? `${riskWhy}: not used` : facts.scores.ascvd.source,
        },
      ),
      input('LDL-C', facts.labs.ldl),
      input('clinical ASCVD', facts.conditions.clinicalAscvd),
      input('diabetes', facts.conditions.type2Diabetes),
      input('age', facts.age),
    ],
    notes: [
      indication.section === '4.4' && indication.strength === 'weak'
        ? 'borderline risk: a statin is reasonable when risk enhancers are present (family history of premature ASCVD, LDL-C >= 160 mg/dL, CKD, metabolic syndrome...; section 4.4.2); a coronary artery calcium score can refine the decision'
        : '',
      riskWhy ? `10-year ASCVD risk not used: ${riskWhy}` : '',
    ].filter(Boolean),
  };
}
