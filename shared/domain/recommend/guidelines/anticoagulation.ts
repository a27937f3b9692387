// Domain (recommend/guidelines): stroke prevention in atrial fibrillation — 2023 ACC/AHA/ACCP/HRS
// Guideline for the Diagnosis and Management of Atrial Fibrillation (Joglar JA et al. Circulation
// 2024;149:e1), section 6.1-6.3; DOAC doses from the US prescribing information cited beside each.
// CHA2DS2-VASc and HAS-BLED are computed by the risk module.
import type { Candidate, GuidelineFinding } from '../model';
import type { PatientFacts } from '../patient-facts';
import { inClass } from '../drugs';
import { drugOption, input } from './common';

const af2023 = '2023 ACC/AHA/ACCP/HRS AF guideline (Joglar JA et al. Circulation 2024;149:e1)';

/**
 * Oral anticoagulation by CHA2DS2-VASc (section 6.1-6.2): men >= 2 / women >= 3 recommended (COR 1,
 * LOE A); men 1 / women 2 reasonable (COR 2a, LOE A); below that not indicated.
 */
export function oacIndication(
  score: number,
  sex: 'female' | 'male',
): 'recommended' | 'reasonable' | 'not indicated' {
  const nonSex = sex === 'female' ? score - 1 : score;
  if (nonSex >= 2) return 'recommended';
  if (nonSex === 1) return 'reasonable';
  return 'not indicated';
}

/**
 * Apixaban 2.5 mg twice daily when 2 of: age >= 80, weight <= 60 kg, creatinine >= 1.5 mg/dL
 * (Eliquis PI 2021, 2.2). A criterion whose value is not recorded (no weight in a year, no creatinine
 * within 90 days) is unknown, not "not met": when the unknown ones could make 2, the dose cannot be
 * confirmed and the text says which values are needed.
 */
export function apixabanDose(facts: PatientFacts): string {
  const criteria = [
    { name: 'age', value: facts.age?.value, met: (v: number) => v >= 80 },
    { name: 'weight', value: facts.labs.weightKg?.value, met: (v: number) => v <= 60 },
    { name: 'creatinine', value: facts.labs.creatinine?.value, met: (v: number) => v >= 1.5 },
  ];
  const met = criteria.filter((c) => c.value !== undefined && c.met(c.value)).length;
  const unknown = criteria.filter((c) => c.value === undefined).map((c) => c.name);
  if (met >= 2) return '2.5 mg orally twice daily (dose-reduction criteria met)';
  if (met + unknown.length >= 2)
    return `5 mg orally twice daily, or 2.5 mg if 2 of age >= 80, weight <= 60 kg, creatinine >= 1.5 mg/dL: dose cannot be confirmed without a current ${unknown.join(' and ')}`;
  return '5 mg orally twice daily';
}

function doacCandidates(facts: PatientFacts, strength: 'strong' | 'moderate'): Candidate[] {
  const crcl = facts.labs.crcl?.value ?? facts.labs.egfr?.value;
  const reduced = crcl !== undefined && crcl <= 50;
  const doac = (label: string, drug: string, dose: string, benefit: number, label2: string) =>
    drugOption(label, [{ drug, dose }], {
      rationale: 'DOAC preferred over warfarin (6.3, COR 1, LOE A)',
      strength,
      evidence: 'A',
      benefit,
      source: `${af2023}, section 6.3; ${label2}`,
    });
  return [
    // ARISTOTLE: less major bleeding than warfarin, hence the slightly higher benefit.
    doac('Apixaban', 'apixaban', apixabanDose(facts), 0.92, 'Eliquis PI 2021'),
    doac(
      'Rivaroxaban',
      'rivaroxaban',
      reduced
        ? '15 mg orally once daily with the evening meal (CrCl <= 50)'
        : '20 mg orally once daily with the evening meal',
      0.88,
      'Xarelto PI 2023',
    ),
    // Pradaxa US PI 2023, 2.3: CrCl > 30 150 mg, CrCl 15-30 75 mg twice daily; below 15 (or on
    // dialysis) no dosing recommendation can be given: not offered (safety/contraindications.ts agrees).
    ...(crcl !== undefined && crcl < 15
      ? []
      : [
          doac(
            'Dabigatran',
            'dabigatran',
            crcl !== undefined && crcl <= 30
              ? '75 mg orally twice daily (CrCl 15-30, US label)'
              : '150 mg orally twice daily',
            0.86,
            'Pradaxa PI 2023, section 2.3',
          ),
        ]),
    doac(
      'Edoxaban',
      'edoxaban',
      reduced ? '30 mg orally once daily (CrCl 15-50)' : '60 mg orally once daily',
      0.86,
      'Savaysa PI 2023',
    ),
  ];
}

function warfarin(facts: PatientFacts, onlyChoice: boolean): Candidate {
  const cpic = facts.pgx?.cpic.find((r) => r.drug === 'warfarin');
  return drugOption(
    'Warfarin (INR 2.0-3.0)',
    [
      {
        drug: 'warfarin',
        dose: cpic ? `dose to INR 2.0-3.0; ${cpic.action}` : 'dose to INR 2.0-3.0',
      },
    ],
    {
      rationale: onlyChoice
        ? 'moderate-severe mitral stenosis or mechanical valve: warfarin, DOACs are contraindicated (6.3)'
        : 'alternative when a DOAC is contraindicated or unaffordable (6.3)',
      strength: 'strong',
      evidence: 'A',
      benefit: onlyChoice ? 0.9 : 0.7,
      source: `${af2023}, section 6.3`,
    },
  );
}

/** Anticoagulation options for AF not yet anticoagulated, when CHA2DS2-VASc indicates it. */
export function anticoagulationFinding(facts: PatientFacts): GuidelineFinding | undefined {
  if (!facts.conditions.atrialFibrillation || !facts.sex) return undefined;
  if (facts.medications.some((m) => m.ingredients.some((d) => inClass(d, 'anticoagulant'))))
    return undefined;
  const score = facts.scores.cha2ds2vasc;
  const bleed = facts.scores.hasbled;
  const inputs = [
    input('CHA2DS2-VASc', score && { value: score.value, source: score.source }),
    input('HAS-BLED', bleed && { value: bleed.value, source: bleed.source }),
    input('creatinine clearance', facts.labs.crcl),
    input('eGFR', facts.labs.egfr),
    input('weight', facts.labs.weightKg),
    input('sex', facts.sex),
  ];
  if (!score) return undefined;
  const indication = oacIndication(score.value, facts.sex.value);
  if (indication === 'not indicated') return undefined;
  const valve = facts.conditions.mitralStenosisOrMechanicalValve;
  const strength = indication === 'recommended' ? 'strong' : 'moderate';
  const candidates = valve
    ? [warfarin(facts, true)]
    : [...doacCandidates(facts, strength), warfarin(facts, false)];
  const notes = [
    bleed && bleed.value >= 3
      ? `HAS-BLED ${bleed.value} (high): address modifiable bleeding risks (uncontrolled BP, NSAIDs/antiplatelets, alcohol, labile INR); a high score is not by itself a reason to withhold anticoagulation (6.3)`
      : '',
    facts.labs.crcl
      ? ''
      : 'creatinine clearance not computable (needs weight and creatinine): DOAC doses use eGFR instead',
    (facts.labs.crcl ?? facts.labs.egfr) && (facts.labs.crcl ?? facts.labs.egfr)!.value < 15
      ? 'CrCl below 15 mL/min: dabigatran not offered (Pradaxa US PI 2023, 2.3: no dosing recommendation)'
      : '',
    'left atrial appendage occlusion is an option when long-term anticoagulation is contraindicated (6.8, COR 2a)',
  ].filter(Boolean);
  return {
    topic: 'atrial-fibrillation',
    title: 'Stroke prevention in atrial fibrillation',
    guideline: {
      name: 'ACC/AHA/ACCP/HRS Atrial Fibrillation Guideline',
      version: '2023',
      citation: af2023,
    },
    summary: `CHA2DS2-VASc ${score.value} (${facts.sex.value}): oral anticoagulation ${indication}`,
    candidates,
    inputs,
    notes,
  };
}
