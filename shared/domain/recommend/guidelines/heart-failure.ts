// Domain (recommend/guidelines): guideline-directed medical therapy for chronic heart failure — 2022
// AHA/ACC/HFSA Guideline for the Management of Heart Failure (Heidenreich PA et al. Circulation
// 2022;145:e895): LVEF categories (section 2: HFrEF <= 40 %, HFmrEF 41-49 %, HFpEF >= 50 %), stage C
// HFrEF (7.3.1 RAS inhibition, 7.3.2 beta blockers, 7.3.3 MRAs, 7.3.4 SGLT2 inhibitors), HFmrEF
// (7.7.1) and HFpEF (7.8); starting doses from Table 12 (drugs commonly used for HFrEF).
// LVEF categories: risk/lvef.ts.
import type { Candidate, EvidenceLevel, GuidelineFinding, RecommendationStrength } from '../model';
import type { Fact, PatientFacts } from '../patient-facts';
import { takes } from '../patient-facts';
import { inClass } from '../drugs';
import { drugOption, input } from './common';
import { lvefCategory, type LvefCategory } from '../../risk/lvef';

const hf2022 =
  '2022 AHA/ACC/HFSA heart failure guideline (Heidenreich PA et al. Circulation 2022;145:e895)';

/** HF with improved EF: a previous LVEF <= 40 % and a later one above 40 % (section 2). */
type Category = LvefCategory | 'HFimpEF';

type Pillar = 'ras' | 'betaBlocker' | 'mra' | 'sglt2';

interface Grade {
  strength: RecommendationStrength;
  evidence: EvidenceLevel;
  section: string;
}

/** Class of recommendation and level of evidence of each medication class, by LVEF category. */
const grades: Record<Category, Partial<Record<Pillar, Grade>>> = {
  // 7.3.1-7.3.4: each COR 1, LOE A (ARNi in NYHA II-III; switching from ACEi/ARB to ARNi 1, B-R).
  HFrEF: {
    ras: { strength: 'strong', evidence: 'A', section: '7.3.1' },
    betaBlocker: { strength: 'strong', evidence: 'A', section: '7.3.2' },
    mra: { strength: 'strong', evidence: 'A', section: '7.3.3' },
    sglt2: { strength: 'strong', evidence: 'A', section: '7.3.4' },
  },
  // 7.7.2: HFimpEF continues the HFrEF therapy, to prevent relapse of HF and LV dysfunction (1, B-R).
  HFimpEF: {
    ras: { strength: 'strong', evidence: 'B-R', section: '7.7.2' },
    betaBlocker: { strength: 'strong', evidence: 'B-R', section: '7.7.2' },
    mra: { strength: 'strong', evidence: 'B-R', section: '7.7.2' },
    sglt2: { strength: 'strong', evidence: 'B-R', section: '7.7.2' },
  },
  // 7.7.1: SGLT2i 2a (B-R); ARNi, ACEi or ARB, MRA and evidence-based beta blockers 2b (B-NR).
  HFmrEF: {
    sglt2: { strength: 'moderate', evidence: 'B-R', section: '7.7.1' },
    ras: { strength: 'weak', evidence: 'B-NR', section: '7.7.1' },
    betaBlocker: { strength: 'weak', evidence: 'B-NR', section: '7.7.1' },
    mra: { strength: 'weak', evidence: 'B-NR', section: '7.7.1' },
  },
  // 7.8: SGLT2i 2a (B-R); MRA and ARNi (or ARB) 2b (B-R), in selected patients.
  HFpEF: {
    sglt2: { strength: 'moderate', evidence: 'B-R', section: '7.8' },
    mra: { strength: 'weak', evidence: 'B-R', section: '7.8' },
    ras: { strength: 'weak', evidence: 'B-R', section: '7.8' },
  },
};

const pillarLabel: Record<Pillar, string> = {
  // One class whatever the drug: "taking ARNi, ACE inhibitor or ARB" read as taking an ARNi.
  ras: 'renin-angiotensin blockade (ARNi, ACE inhibitor or ARB)',
  betaBlocker: 'evidence-based beta blocker',
  mra: 'mineralocorticoid receptor antagonist',
  sglt2: 'SGLT2 inhibitor',
};

/** Table 12 starting doses (target doses in brackets). */
const start = {
  sacubitrilValsartan:
    '49/51 mg orally twice daily (24/26 mg if ACE inhibitor/ARB-naive or at a low dose; target 97/103 mg twice daily)',
  lisinopril: '2.5-5 mg orally once daily (target 20-40 mg once daily)',
  losartan: '25-50 mg orally once daily (target 50-150 mg once daily)',
  candesartan: '4-8 mg orally once daily (target 32 mg once daily)',
  bisoprolol: '1.25 mg orally once daily (target 10 mg once daily)',
  carvedilol: '3.125 mg orally twice daily (target 25 mg twice daily; 50 mg above 85 kg)',
  metoprolol: 'metoprolol succinate 12.5-25 mg orally once daily (target 200 mg once daily)',
  spironolactone: '12.5-25 mg orally once daily (target 25-50 mg once daily)',
  eplerenone: '25 mg orally once daily (target 50 mg once daily)',
  dapagliflozin: '10 mg orally once daily',
  empagliflozin: '10 mg orally once daily',
} as const;

/** The three beta blockers shown to lower mortality in HFrEF (7.3.2); metoprolol only as succinate. */
function evidenceBasedBetaBlocker(facts: PatientFacts): boolean {
  return facts.medications.some(
    (m) =>
      m.ingredients.some((d) => d === 'bisoprolol' || d === 'carvedilol') ||
      (m.ingredients.includes('metoprolol') && /succinate|\b(?:er|xl)\b|extended/i.test(m.text)),
  );
}

function onClass(facts: PatientFacts, cls: string): boolean {
  return takes(facts, (d) => inClass(d, cls)).length > 0;
}

/**
 * The category a coded diagnosis names (I50.2- or an HFrEF concept; I50.3- or an HFpEF concept: see
 * recommend/clinical-codes.ts), read only when no LVEF is recorded. Section 2 defines the categories
 * by a measured LVEF, and a coded HFrEF records one at or below 40 % at some time. Whether it has
 * since improved (HFimpEF) cannot be told without a new one; HFimpEF keeps the HFrEF therapy (7.7.2).
 * Both phenotypes coded: none.
 */
function codedPhenotype(
  facts: PatientFacts,
): { category: 'HFrEF' | 'HFpEF'; fact: Fact<true> } | undefined {
  const reduced = facts.conditions.heartFailureReducedEf;
  const preserved = facts.conditions.heartFailurePreservedEf;
  if (reduced && !preserved) return { category: 'HFrEF', fact: reduced };
  if (preserved && !reduced) return { category: 'HFpEF', fact: preserved };
  return undefined;
}

function categorySummary(
  category: Category | undefined,
  lvef: number | undefined,
  lowest: number | undefined,
): string {
  if (!category) return 'heart failure, LVEF not recorded';
  if (lvef === undefined) return `${category} (coded diagnosis, LVEF not recorded)`;
  return `${category} (LVEF ${lvef} %${category === 'HFimpEF' ? `, lowest ${lowest} %` : ''})`;
}

/** Guideline-directed medical therapy the patient with heart failure does not yet take. */
export function heartFailureFinding(facts: PatientFacts): GuidelineFinding | undefined {
  if (!facts.conditions.heartFailure) return undefined;
  const lvef = facts.labs.lvef;
  // The lowest LVEF ever recorded (the newest of equal ones): HF with improved EF is read from it.
  const lowest = (facts.labs.lvefReadings ?? []).reduce<Fact<number> | undefined>(
    (min, x) => (min && min.value <= x.value ? min : x),
    undefined,
  );
  const coded = codedPhenotype(facts);
  const category: Category | undefined = !lvef
    ? coded?.category
    : lvef.value > 40 && lowest !== undefined && lowest.value <= 40
      ? 'HFimpEF'
      : lvefCategory(lvef.value);
  const egfr = facts.labs.egfr?.value;
  const potassium = facts.labs.potassium?.value;
  const onArni = onClass(facts, 'arni');
  const onAceiOrArb = onClass(facts, 'ace_inhibitor') || (onClass(facts, 'arb') && !onArni);
  const on: Record<Pillar, boolean> = {
    ras: onArni || onAceiOrArb,
    betaBlocker: evidenceBasedBetaBlocker(facts),
    mra: onClass(facts, 'mineralocorticoid_antagonist'),
    sglt2: onClass(facts, 'sglt2_inhibitor'),
  };
  const notes: string[] = [];
  // Without an LVEF only the SGLT2 inhibitor is graded across every category (1, 2a, 2a).
  const gradeOf: Partial<Record<Pillar, Grade>> = category
    ? grades[category]
    : { sglt2: { strength: 'moderate', evidence: 'B-R', section: '7.3.4, 7.7.1, 7.8' } };
  if (!category)
    notes.push(
      'LVEF not recorded in the last 2 years: an echocardiogram classifies the heart failure (section 4.1, COR 1) and decides the rest of its therapy',
    );
  else if (!lvef)
    notes.push(
      `LVEF not recorded in the last 2 years: ${category} is the coded diagnosis (${coded!.fact.source}); an echocardiogram confirms the current LVEF (section 4.1, COR 1)`,
    );
  if (!lvef && facts.conditions.heartFailureReducedEf && facts.conditions.heartFailurePreservedEf)
    notes.push(
      'the record codes both reduced and preserved ejection fraction: the category is left to an echocardiogram (section 4.1, COR 1)',
    );
  const candidates: Candidate[] = [];
  const option = (
    pillar: Pillar,
    label: string,
    drugs: { drug: string; dose: string }[],
    benefit: number,
    extra: { replaces?: string[]; rationale?: string; evidence?: EvidenceLevel } = {},
  ) => {
    const g = gradeOf[pillar]!;
    candidates.push(
      drugOption(label, drugs, {
        rationale:
          extra.rationale ??
          `${category ?? 'heart failure'}: ${pillarLabel[pillar]} (section ${g.section})`,
        strength: g.strength,
        evidence: extra.evidence ?? g.evidence,
        benefit,
        source: `${hf2022}, section ${g.section}; Table 12 (doses)`,
        ...(extra.replaces?.length ? { replaces: extra.replaces } : {}),
      }),
    );
  };

  if (gradeOf.ras && !onArni) {
    const replaces = facts.medications.flatMap((m) =>
      m.ingredients.filter((d) => inClass(d, 'ace_inhibitor') || inClass(d, 'arb')),
    );
    option(
      'ras',
      'ARNi (sacubitril/valsartan)',
      [
        { drug: 'sacubitril', dose: start.sacubitrilValsartan },
        { drug: 'valsartan', dose: 'in the same tablet' },
      ],
      0.95,
      {
        replaces,
        ...(onAceiOrArb && (category === 'HFrEF' || category === 'HFimpEF')
          ? {
              rationale:
                'HFrEF on an ACE inhibitor or ARB: replace it with an ARNi (section 7.3.1, COR 1, B-R); stop an ACE inhibitor 36 hours before the first dose',
              evidence: 'B-R' as const,
            }
          : {}),
      },
    );
    // HFrEF and HFmrEF: an ACE inhibitor, or an ARB, where an ARNi is not feasible (7.3.1, 7.7.1).
    // HFpEF grades only the ARNi and an ARB (7.8: candesartan, CHARM-Preserved), not an ACE inhibitor.
    if (!onAceiOrArb && category !== 'HFpEF')
      option(
        'ras',
        'ACE inhibitor (lisinopril), where an ARNi is not feasible',
        [{ drug: 'lisinopril', dose: start.lisinopril }],
        0.8,
      );
    if (!onAceiOrArb)
      option(
        'ras',
        category === 'HFpEF'
          ? 'ARB (candesartan), in selected patients'
          : 'ARB (losartan), where an ARNi is not feasible and ACE inhibitors are not tolerated',
        category === 'HFpEF'
          ? [{ drug: 'candesartan', dose: start.candesartan }]
          : [{ drug: 'losartan', dose: start.losartan }],
        0.75,
      );
  }
  if (gradeOf.betaBlocker && !on.betaBlocker) {
    // Not on an evidence-based beta blocker, so any metoprolol taken is not the succinate.
    if (takes(facts, (d) => d === 'metoprolol').length)
      notes.push(
        'metoprolol without "succinate" or an extended-release form is not one of the three beta blockers shown to lower mortality in HFrEF (section 7.3.2)',
      );
    const replaces = facts.medications.flatMap((m) =>
      m.ingredients.filter((d) => inClass(d, 'beta_blocker')),
    );
    option(
      'betaBlocker',
      'Beta blocker (carvedilol)',
      [{ drug: 'carvedilol', dose: start.carvedilol }],
      0.9,
      { replaces },
    );
    option(
      'betaBlocker',
      'Beta blocker (bisoprolol)',
      [{ drug: 'bisoprolol', dose: start.bisoprolol }],
      0.9,
      { replaces },
    );
    option(
      'betaBlocker',
      'Beta blocker (metoprolol succinate)',
      [{ drug: 'metoprolol', dose: start.metoprolol }],
      0.9,
      { replaces },
    );
  }
  if (gradeOf.mra && !on.mra) {
    // 7.3.3: an MRA needs eGFR > 30 mL/min/1.73 m² and potassium < 5.0 mEq/L (COR 3: Harm otherwise).
    if ((egfr !== undefined && egfr <= 30) || (potassium !== undefined && potassium >= 5))
      notes.push(
        `no mineralocorticoid receptor antagonist: eGFR ${egfr ?? 'unknown'}, potassium ${potassium ?? 'unknown'} (it needs eGFR > 30 and potassium < 5.0; otherwise COR 3: Harm, section 7.3.3)`,
      );
    else {
      if (egfr === undefined || potassium === undefined)
        notes.push(
          'check eGFR and potassium before an MRA (eGFR > 30, potassium < 5.0; section 7.3.3)',
        );
      option(
        'mra',
        'MRA (spironolactone)',
        [{ drug: 'spironolactone', dose: start.spironolactone }],
        0.85,
      );
      option('mra', 'MRA (eplerenone)', [{ drug: 'eplerenone', dose: start.eplerenone }], 0.85);
    }
  }
  if (gradeOf.sglt2 && !on.sglt2) {
    option(
      'sglt2',
      'SGLT2 inhibitor (dapagliflozin)',
      [{ drug: 'dapagliflozin', dose: start.dapagliflozin }],
      0.9,
    );
    option(
      'sglt2',
      'SGLT2 inhibitor (empagliflozin)',
      [{ drug: 'empagliflozin', dose: start.empagliflozin }],
      0.9,
    );
  }
  if (!candidates.length) return undefined;

  const sbp = facts.labs.sbp?.value;
  if (sbp !== undefined && sbp < 100)
    notes.push(
      `systolic BP ${sbp} mmHg: start one drug at a time at the lowest dose (section 7.3.8)`,
    );
  if (category === 'HFrEF' || category === 'HFimpEF')
    notes.push(
      'the four classes are taken together, not as alternatives: start each missing class and titrate to target doses (section 7.3.8; the order may vary)',
    );
  const taking = (Object.keys(on) as Pillar[]).filter((p) => on[p]).map((p) => pillarLabel[p]);
  return {
    topic: 'heart-failure',
    title: 'Heart failure: guideline-directed medical therapy',
    guideline: { name: 'AHA/ACC/HFSA Heart Failure Guideline', version: '2022', citation: hf2022 },
    summary: `${categorySummary(category, lvef?.value, lowest?.value)}; taking ${taking.length ? taking.join('; ') : 'none of the guideline classes'}`,
    candidates,
    inputs: [
      input('heart failure', facts.conditions.heartFailure),
      input('LVEF', lvef),
      ...(!lvef && coded ? [input('coded phenotype', coded.fact)] : []),
      ...(category === 'HFimpEF' ? [input('lowest LVEF', lowest)] : []),
      input('eGFR', facts.labs.egfr),
      input('potassium', facts.labs.potassium),
      input('systolic BP', facts.labs.sbp),
    ],
    notes,
  };
}
