// Domain (recommend/safety): contraindications and dose limits from the patient's state — kidney
// function (eGFR, mL/min/1.73 m²; creatinine clearance for DOACs, mL/min), hepatic impairment and
// pregnancy (rules in pregnancy-and-history.ts). Each rule cites its source beside it. A rule that needs a value the record lacks says so
// (kind "missing-data") rather than passing silently.
import { inClass } from '../drugs';
import type { SafetyWarning, WarningKind, WarningSeverity } from '../model';
import { isChild, type Fact, type PatientFacts } from '../patient-facts';
import { conditionRules, pregnancyRules } from './pregnancy-and-history';

export interface Finding {
  severity: WarningSeverity;
  message: string;
  evidence: string[];
}

export interface StateRule {
  kind: WarningKind;
  drugs?: readonly string[];
  classes?: readonly string[];
  source: string;
  check(facts: PatientFacts, drug: string): Finding | undefined;
}

const at = (f: Fact<number>) => [`${f.source}: ${f.value} ${f.unit ?? ''}`.trim()];

/** eGFR bands: the first band whose upper bound (exclusive) is above the value applies. */
function byEgfr(bands: readonly [number, WarningSeverity, string][]) {
  return (facts: PatientFacts): Finding | undefined => {
    const egfr = facts.labs.egfr;
    if (!egfr) return undefined;
    const band = bands.find(([below]) => egfr.value < below);
    return band ? { severity: band[1], message: band[2], evidence: at(egfr) } : undefined;
  };
}

/**
 * CrCl bands: the first band whose bound is above the value applies; a bound marked 'at or below'
 * includes itself (a label's "CrCl <= 50").
 */
function byCrcl(bands: readonly [number, WarningSeverity, string, 'at or below'?][]) {
  return (facts: PatientFacts): Finding | undefined => {
    const clearance = facts.labs.crcl ?? facts.labs.egfr;
    if (!clearance) return undefined;
    const band = bands.find(([bound, , , inclusive]) =>
      inclusive ? clearance.value <= bound : clearance.value < bound,
    );
    if (!band) return undefined;
    const surrogate = facts.labs.crcl
      ? ''
      : ' (eGFR used: weight or creatinine missing for Cockcroft-Gault)';
    return { severity: band[1], message: band[2] + surrogate, evidence: at(clearance) };
  };
}

export const renalRules: readonly StateRule[] = [
  {
    kind: 'renal',
    drugs: ['metformin'],
    source: 'FDA Drug Safety Communication 2016-04-08 (metformin and kidney function)',
    check: byEgfr([
      [30, 'contraindicated', 'metformin is contraindicated below eGFR 30'],
      [
        45,
        'major',
        'eGFR 30-45: do not start metformin; if already taking, review benefit and halve the dose',
      ],
    ]),
  },
  {
    kind: 'renal',
    classes: ['nsaid', 'cox2_inhibitor'],
    source: 'KDIGO 2012 CKD guideline 4.4.4; AGS Beers Criteria 2023 Table 6 (avoid CrCl < 30)',
    check: byEgfr([
      [30, 'contraindicated', 'avoid NSAIDs below eGFR 30'],
      [60, 'moderate', 'eGFR < 60: avoid prolonged NSAID use'],
    ]),
  },
  {
    kind: 'renal',
    classes: ['sglt2_inhibitor'],
    source:
      'ADA Standards of Care 2025, section 11 (start SGLT2i for kidney protection at eGFR >= 20)',
    check: byEgfr([[20, 'contraindicated', 'do not start an SGLT2 inhibitor below eGFR 20']]),
  },
  {
    kind: 'renal',
    drugs: ['dabigatran'],
    // US label, as the AF guideline's dose (anticoagulation.ts): > 30 mL/min 150 mg, 15-30 mL/min
    // 75 mg twice daily, < 15 mL/min (or dialysis) no dosing recommendation.
    source:
      'Pradaxa US prescribing information 2023, section 2.3; 2023 ACC/AHA/ACCP/HRS AF guideline 6.3',
    check: byCrcl([
      [
        15,
        'contraindicated',
        'dabigatran below CrCl 15 mL/min (or on dialysis): no dosing recommendation (US label)',
      ],
      [30, 'moderate', 'CrCl 15-30 mL/min: dabigatran 75 mg twice daily (US label)', 'at or below'],
      [
        50,
        'moderate',
        'CrCl 30-50 mL/min: dabigatran 75 mg twice daily if given with dronedarone or systemic ketoconazole (P-gp inhibitors), otherwise 150 mg',
        'at or below',
      ],
    ]),
  },
  {
    kind: 'renal',
    drugs: ['rivaroxaban'],
    // Xarelto PI 2.3 (AF): CrCl > 50 20 mg, CrCl <= 50 15 mg once daily (the AF dose in
    // anticoagulation.ts uses the same <= 50).
    source: 'Xarelto US prescribing information 2023, section 2.3',
    check: byCrcl([
      [15, 'contraindicated', 'avoid rivaroxaban below CrCl 15 mL/min'],
      [
        50,
        'moderate',
        'CrCl 15-50 mL/min: rivaroxaban 15 mg once daily with the evening meal',
        'at or below',
      ],
    ]),
  },
  {
    kind: 'renal',
    drugs: ['edoxaban'],
    source: 'Savaysa US prescribing information 2023, sections 1.1, 2.1',
    check: (facts) => {
      const c = facts.labs.crcl ?? facts.labs.egfr;
      if (!c) return undefined;
      if (c.value < 15)
        return {
          severity: 'contraindicated',
          message: 'not recommended below CrCl 15 mL/min',
          evidence: at(c),
        };
      if (c.value <= 50)
        return {
          severity: 'moderate',
          message: 'CrCl 15-50 mL/min: edoxaban 30 mg once daily',
          evidence: at(c),
        };
      if (c.value > 95)
        return {
          severity: 'major',
          message: 'CrCl > 95 mL/min: reduced efficacy in AF; use another anticoagulant',
          evidence: at(c),
        };
      return undefined;
    },
  },
  {
    kind: 'renal',
    classes: ['potassium_sparing_diuretic'],
    source: '2022 AHA/ACC/HFSA heart failure guideline 7.3.3 (MRA: eGFR > 30 and K < 5.0)',
    check: byEgfr([[30, 'contraindicated', 'avoid potassium-sparing diuretics below eGFR 30']]),
  },
  {
    kind: 'renal',
    drugs: ['sulfamethoxazole', 'trimethoprim'],
    source: 'Bactrim US prescribing information 2021, section 2.2',
    check: byEgfr([
      [15, 'contraindicated', 'not recommended below CrCl 15 mL/min'],
      [30, 'moderate', 'CrCl 15-30 mL/min: half the usual dose'],
    ]),
  },
];

export const hepaticRules: readonly StateRule[] = [
  {
    kind: 'hepatic',
    classes: ['statin'],
    source:
      'Statin US prescribing information (e.g. Lipitor 2022, section 4: active liver disease / decompensated cirrhosis)',
    check: (f) =>
      f.hepaticImpairment && {
        severity: 'major',
        message: 'statins are contraindicated in decompensated cirrhosis or acute liver failure',
        evidence: [f.hepaticImpairment.source],
      },
  },
  {
    kind: 'hepatic',
    drugs: ['metformin'],
    source:
      'Glucophage US prescribing information 2018, section 5.1 (hepatic impairment: lactic acidosis)',
    check: (f) =>
      f.hepaticImpairment && {
        severity: 'major',
        message: 'avoid metformin in hepatic impairment (lactic acidosis)',
        evidence: [f.hepaticImpairment.source],
      },
  },
  {
    kind: 'hepatic',
    classes: ['nsaid', 'cox2_inhibitor', 'vitamin_k_antagonist', 'doac'],
    source: 'BNF hepatic impairment monographs (NSAIDs, warfarin, DOACs), 2024',
    check: (f) =>
      f.hepaticImpairment && {
        severity: 'major',
        message: 'hepatic impairment raises bleeding risk; avoid or use with specialist advice',
        evidence: [f.hepaticImpairment.source],
      },
  },
  {
    kind: 'hepatic',
    drugs: ['paracetamol'],
    source: 'BNF paracetamol monograph 2024 (hepatic impairment: dose-related toxicity)',
    check: (f) =>
      f.hepaticImpairment && {
        severity: 'moderate',
        message: 'hepatic impairment: limit paracetamol (e.g. 2 g/day in adults)',
        evidence: [f.hepaticImpairment.source],
      },
  },
];

function applies(rule: StateRule, drug: string): boolean {
  return (
    (rule.drugs?.includes(drug) ?? false) || (rule.classes?.some((c) => inClass(drug, c)) ?? false)
  );
}

/**
 * A child with no kidney disease on record: no eGFR is asked for. The renal rules' thresholds are
 * adult eGFRs (CKD-EPI is validated from 18; children need a paediatric equation such as CKiD U25,
 * KDIGO 2024), and a healthy child is not tested for creatinine before ibuprofen (project policy:
 * until 2026-12 every child offered ibuprofen got a "needs a current eGFR" caution).
 */
function healthyChild(facts: PatientFacts): boolean {
  return isChild(facts) && !facts.conditions.ckd;
}

/** Renal, hepatic, pregnancy and past-condition findings for `drug` in this patient. */
export function stateWarnings(drug: string, facts: PatientFacts): SafetyWarning[] {
  const warnings: SafetyWarning[] = [];
  for (const rule of [...renalRules, ...hepaticRules, ...pregnancyRules, ...conditionRules]) {
    if (!applies(rule, drug)) continue;
    const finding = rule.check(facts, drug);
    if (finding) warnings.push({ kind: rule.kind, drug, source: rule.source, ...finding });
    else if (rule.kind === 'renal' && !facts.labs.egfr && !healthyChild(facts))
      warnings.push({
        kind: 'missing-data',
        severity: 'caution',
        drug,
        message: `${drug} needs a current eGFR (none within 90 days) to check renal dosing`,
        source: rule.source,
      });
  }
  return warnings;
}
