// Domain (recommend/safety): pregnancy and past-condition contraindications, in the same rule shape
// as the renal and hepatic rules (contraindications.ts). Sources beside each rule.
import type { WarningSeverity } from '../model';
import { takes, type Fact, type PatientFacts } from '../patient-facts';
import type { Finding, StateRule } from './contraindications';

const pregnancyRule = (
  severity: WarningSeverity,
  message: string,
  source: string,
  match: { drugs?: string[]; classes?: string[] },
): StateRule => ({
  kind: 'pregnancy',
  ...match,
  source,
  check: (f) => f.pregnant && { severity, message, evidence: [f.pregnant.source] },
});

export const pregnancyRules: readonly StateRule[] = [
  pregnancyRule(
    'contraindicated',
    'ACE inhibitors and ARBs cause fetal renal toxicity (boxed warning)',
    'FDA boxed warning (ACE inhibitor/ARB labels); ACOG Practice Bulletin 203 (2019)',
    { classes: ['ace_inhibitor', 'arb'] },
  ),
  pregnancyRule(
    'contraindicated',
    'warfarin is teratogenic (embryopathy); use LMWH unless a mechanical valve requires it',
    'Coumadin US prescribing information 2017, section 4; 2020 ACC/AHA valvular heart disease guideline',
    { classes: ['vitamin_k_antagonist'] },
  ),
  pregnancyRule(
    'major',
    'stop statins in most pregnant patients (FDA 2021 label change removed the contraindication)',
    'FDA Drug Safety Communication 2021-07-20 (statins in pregnancy)',
    { classes: ['statin'] },
  ),
  pregnancyRule(
    'contraindicated',
    'methotrexate is abortifacient and teratogenic',
    'Methotrexate US prescribing information 2020, boxed warning',
    { drugs: ['methotrexate'] },
  ),
  pregnancyRule(
    'major',
    'DOACs are not recommended in pregnancy (insufficient data; LMWH preferred)',
    '2023 ACC/AHA/ACCP/HRS AF guideline; ISTH guidance 2016',
    { classes: ['doac'] },
  ),
  pregnancyRule(
    'major',
    'SGLT2 inhibitors and GLP-1 RAs are not recommended in pregnancy; insulin is preferred',
    'ADA Standards of Care 2025, section 15',
    { classes: ['sglt2_inhibitor', 'glp1_agonist'] },
  ),
  pregnancyRule(
    'major',
    'crosses the placenta: not a first-line agent in pregnancy; insulin is preferred (continuing it with insulin is a specialist decision)',
    'ADA Standards of Care 2025, section 15 (Management of Diabetes in Pregnancy: metformin and glyburide cross the placenta)',
    { drugs: ['metformin', 'glyburide'] },
  ),
  pregnancyRule(
    'major',
    'avoid NSAIDs from 20 weeks (fetal renal dysfunction, oligohydramnios)',
    'FDA Drug Safety Communication 2020-10-15 (NSAIDs at 20 weeks or later)',
    { classes: ['nsaid', 'cox2_inhibitor'] },
  ),
  pregnancyRule(
    'contraindicated',
    'tetracyclines stain fetal teeth and bone',
    'BNF tetracyclines monograph 2024',
    { classes: ['tetracycline'] },
  ),
  pregnancyRule(
    'major',
    'targeted cancer therapies cause embryo-fetal toxicity; specialist decision',
    'Respective US prescribing information, section 5 (embryo-fetal toxicity)',
    { classes: ['targeted_cancer_therapy'] },
  ),
];

/**
 * HERCEPTIN (trastuzumab) US prescribing information (Genentech; section 2.2 Dose Modifications,
 * Cardiomyopathy): withhold for at least 4 weeks for a fall in LVEF of 16 or more percentage points
 * from the pre-treatment value, or an LVEF below the lower limit of normal with a fall of 10 or more
 * points; section 5.1: repeat the LVEF every 4 weeks while withheld. It may be resumed if within 4-8
 * weeks the LVEF is back within normal limits and at most 15 points below baseline; discontinue for a
 * decline lasting more than 8 weeks. The lower limit of normal is the institution's; 50 % here, the
 * normal the label itself uses (section 5.1: "recovery to a normal LVEF (defined as >= 50%)").
 */
export const trastuzumabLvef = {
  fallPoints: 16,
  fallBelowNormalPoints: 10,
  lowerLimitOfNormal: 50,
};

/**
 * The patient's LVEF course on trastuzumab, when the record shows one: a pre-treatment LVEF (the
 * latest on or before the course started) and a later one. `withhold` is set when the latest meets
 * section 2.2's criteria; undefined when the patient is not on trastuzumab or either reading is
 * missing (then the pre-treatment checks apply).
 */
function trastuzumabLvefCourse(f: PatientFacts): { withhold?: Finding } | undefined {
  const started = takes(f, (d) => d === 'trastuzumab')
    .flatMap((m) => (m.started ? [m.started] : []))
    .sort()[0];
  const readings = f.labs.lvefReadings ?? [];
  if (!started) return undefined;
  const latest = readings[0];
  const baseline = readings.find((r) => r.date <= started);
  if (!latest || !baseline || latest.date <= started) return undefined;
  const fall = baseline.value - latest.value;
  const { fallPoints, fallBelowNormalPoints, lowerLimitOfNormal } = trastuzumabLvef;
  const belowNormal = latest.value < lowerLimitOfNormal;
  if (fall < fallPoints && !(belowNormal && fall >= fallBelowNormalPoints)) return {};
  return {
    withhold: {
      severity: 'major',
      message: `withhold trastuzumab for at least 4 weeks: LVEF ${latest.value} % on ${latest.date}, ${fall} points below the pre-treatment ${baseline.value} % (${fall >= fallPoints ? `a fall of ${fallPoints} or more` : `below ${lowerLimitOfNormal} % with a fall of ${fallBelowNormalPoints} or more`}; section 2.2). Repeat the LVEF every 4 weeks; resume only if within 4-8 weeks it is back to ${lowerLimitOfNormal} % or more and at most 15 points below baseline, otherwise discontinue`,
      evidence: [
        `${baseline.source}: ${baseline.value} % (pre-treatment)`,
        `${latest.source}: ${latest.value} %`,
      ],
    },
  };
}

const history = (f: Fact<true> | undefined, message: string): Finding | undefined =>
  f && { severity: 'contraindicated', message, evidence: [f.source] };

export const conditionRules: readonly StateRule[] = [
  {
    kind: 'condition',
    drugs: ['prasugrel'],
    source: 'Effient (prasugrel) US prescribing information 2021, boxed warning and section 4',
    check: (f) =>
      history(f.conditions.stroke, 'prasugrel is contraindicated after a stroke or TIA'),
  },
  {
    kind: 'condition',
    drugs: ['ticagrelor', 'prasugrel'],
    source: 'Brilinta US prescribing information 2021, section 4; Effient 2021, section 4',
    check: (f) =>
      history(
        f.conditions.intracranialHaemorrhage,
        'contraindicated after intracranial haemorrhage',
      ),
  },
  {
    kind: 'condition',
    classes: ['doac'],
    source: '2023 ACC/AHA/ACCP/HRS AF guideline, section 6.3 (mechanical valve: DOACs COR 3: Harm)',
    check: (f) =>
      history(
        f.conditions.mitralStenosisOrMechanicalValve,
        'DOACs are contraindicated with a mechanical heart valve or moderate-severe mitral stenosis',
      ),
  },
  {
    kind: 'condition',
    drugs: ['trastuzumab'],
    source:
      'HERCEPTIN (trastuzumab) US prescribing information, boxed warning, section 2.2 (cardiomyopathy: when to withhold) and section 5.1 (cardiomyopathy: evaluate LVEF before and during treatment); HERA enrolled LVEF >= 55% (Piccart-Gebhart MJ et al. NEJM 2005;353:1659)',
    check: (f) => {
      const onTreatment = trastuzumabLvefCourse(f);
      if (onTreatment?.withhold) return onTreatment.withhold;
      const hf = f.conditions.heartFailure;
      if (hf)
        return {
          severity: 'major',
          message:
            'trastuzumab causes left ventricular dysfunction and heart failure (boxed warning): with heart failure, a cardiology review first and LVEF every 3 months',
          evidence: [hf.source],
        };
      // On treatment within the section 2.2 limits: the entry criterion below no longer applies.
      if (onTreatment) return undefined;
      const lvef = f.labs.lvef;
      if (!lvef)
        return {
          severity: 'caution',
          message:
            'no LVEF in the last 2 years: measure it before trastuzumab and every 3 months during it (boxed warning)',
          evidence: [],
        };
      if (lvef.value >= 55) return undefined;
      return {
        severity: lvef.value < 50 ? 'major' : 'moderate',
        message: `LVEF ${lvef.value} %, below the 55 % the adjuvant trials required: trastuzumab's cardiomyopathy risk (boxed warning) needs a cardiology review`,
        evidence: [`${lvef.source}: ${lvef.value} %`],
      };
    },
  },
  {
    kind: 'condition',
    classes: ['nsaid'],
    source: 'ACG 2022 peptic ulcer bleeding guideline; AGS Beers Criteria 2023',
    check: (f) =>
      f.conditions.pepticUlcerOrGiBleed && {
        severity: 'major',
        message:
          'history of peptic ulcer or GI bleeding: avoid NSAIDs (or add a PPI if unavoidable)',
        evidence: [f.conditions.pepticUlcerOrGiBleed.source],
      },
  },
];
