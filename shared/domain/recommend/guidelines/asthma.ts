// Domain (recommend/guidelines): asthma step therapy, simplified from the Global Initiative for
// Asthma (GINA) 2024 report: Box 4-6 (adults and adolescents >= 12: Track 1 with as-needed ICS-
// formoterol reliever, Track 2 with SABA reliever), Box 4-12 (children 6-11), Box 6-5 (5 years and
// younger). The record holds no symptom-control questionnaire, so the current step is read from the
// medicines and the next step is proposed "if not well controlled" after checking technique/adherence.
// A proposed ICS-containing inhaler replaces the ICS and LABA inhalers taken (one maintenance inhaler;
// duplicates are flagged by safety/check.ts). A LABA without an ICS is no GINA step: it is
// contraindicated in asthma (safety/asthma-laba.ts) and is switched to ICS-formoterol.
import type { Candidate, GuidelineFinding } from '../model';
import type { PatientFacts } from '../patient-facts';
import { inClass } from '../drugs';
import { drugOption, input } from './common';
import { labaWithoutIcsSource } from '../safety/asthma-laba';

const gina2024 = 'GINA 2024 report (Global Strategy for Asthma Management and Prevention)';

/**
 * Current GINA step from the inhalers taken: 1 (SABA only or none), 2 (ICS), 3+ (ICS-LABA);
 * 'laba-only' for a LABA without an ICS, which is no step (contraindicated in asthma).
 */
export function currentAsthmaStep(facts: PatientFacts): 1 | 2 | 3 | 'laba-only' {
  const on = (cls: string) =>
    facts.medications.some((m) => m.ingredients.some((d) => inClass(d, cls)));
  if (on('inhaled_corticosteroid') && on('laba')) return 3;
  if (on('inhaled_corticosteroid')) return 2;
  if (on('laba')) return 'laba-only';
  return 1;
}

/** The ICS and LABA ingredients taken: an ICS-containing inhaler proposed replaces them. */
function maintenanceInhalers(facts: PatientFacts): string[] {
  return [
    ...new Set(
      facts.medications.flatMap((m) =>
        m.ingredients.filter((d) => inClass(d, 'inhaled_corticosteroid') || inClass(d, 'laba')),
      ),
    ),
  ];
}

function adolescentAdult(step: 1 | 2 | 3, replaces: string[]): Candidate[] {
  const budForm = (dose: string) => [
    { drug: 'budesonide', dose },
    { drug: 'formoterol', dose: 'in the same inhaler' },
  ];
  if (step === 1)
    return [
      drugOption(
        'Track 1: as-needed low-dose budesonide-formoterol',
        budForm('200/6 mcg 1 inhalation as needed'),
        {
          rationale:
            'preferred reliever: cuts severe exacerbations vs SABA alone (Box 4-6 steps 1-2)',
          strength: 'strong',
          evidence: 'A',
          benefit: 0.9,
          source: `${gina2024}, Box 4-6`,
          replaces,
        },
      ),
      drugOption(
        'Track 2: daily low-dose ICS + as-needed SABA',
        [
          { drug: 'fluticasone', dose: '100 mcg inhaled twice daily' },
          { drug: 'salbutamol', dose: '100 mcg 1-2 puffs as needed' },
        ],
        {
          rationale:
            'alternative if Track 1 not possible; SABA-only treatment is not recommended (Box 4-6 step 2)',
          strength: 'strong',
          evidence: 'A',
          benefit: 0.75,
          source: `${gina2024}, Box 4-6`,
          replaces,
        },
      ),
    ];
  if (step === 2)
    return [
      drugOption(
        'Track 1 step 3: low-dose budesonide-formoterol maintenance and reliever (MART)',
        budForm('200/6 mcg 1 inhalation twice daily and as needed'),
        {
          rationale: 'if not well controlled on ICS (Box 4-6 step 3)',
          strength: 'strong',
          evidence: 'A',
          benefit: 0.85,
          source: `${gina2024}, Box 4-6`,
          replaces,
        },
      ),
    ];
  return [
    drugOption(
      'Track 1 step 4: medium-dose budesonide-formoterol MART',
      budForm('200/6 mcg 2 inhalations twice daily and 1 as needed'),
      {
        rationale:
          'if not well controlled on low-dose ICS-LABA (Box 4-6 step 4); step 5: add LAMA, refer for phenotyping',
        strength: 'strong',
        evidence: 'A',
        benefit: 0.8,
        source: `${gina2024}, Box 4-6`,
        replaces,
      },
    ),
  ];
}

function child6to11(step: 1 | 2 | 3, replaces: string[]): Candidate[] {
  if (step === 1)
    return [
      drugOption(
        'Daily low-dose ICS + as-needed SABA',
        [
          { drug: 'fluticasone', dose: '50 mcg inhaled twice daily' },
          { drug: 'salbutamol', dose: '100 mcg 1-2 puffs as needed' },
        ],
        {
          rationale: 'children 6-11 step 2 (Box 4-12)',
          strength: 'strong',
          evidence: 'A',
          benefit: 0.85,
          source: `${gina2024}, Box 4-12`,
          replaces,
        },
      ),
    ];
  return [
    drugOption(
      'Low-dose budesonide-formoterol MART (100/6)',
      [
        { drug: 'budesonide', dose: '100/6 mcg 1 inhalation daily and as needed' },
        { drug: 'formoterol', dose: 'in the same inhaler' },
      ],
      {
        rationale: 'children 6-11 step 3 (Box 4-12); step 4: refer for expert advice',
        strength: 'strong',
        evidence: 'B-R',
        benefit: 0.8,
        source: `${gina2024}, Box 4-12`,
        replaces,
      },
    ),
  ];
}

function under6(replaces: string[]): Candidate[] {
  return [
    drugOption(
      'Daily low-dose ICS + as-needed SABA (spacer)',
      [
        {
          drug: 'budesonide',
          dose: 'nebulised 500 mcg daily or fluticasone 50 mcg twice daily by spacer',
        },
        { drug: 'salbutamol', dose: '100 mcg 2 puffs by spacer as needed' },
      ],
      {
        rationale: 'children 5 years and younger, step 2 (Box 6-5)',
        strength: 'strong',
        evidence: 'A',
        benefit: 0.8,
        source: `${gina2024}, Box 6-5`,
        replaces,
      },
    ),
  ];
}

export function asthmaFinding(facts: PatientFacts): GuidelineFinding | undefined {
  if (!facts.conditions.asthma || !facts.age) return undefined;
  const current = currentAsthmaStep(facts);
  const labaOnly = current === 'laba-only';
  // A LABA alone is switched to ICS-containing treatment: the low-dose ICS-formoterol MART of step 3
  // (Box 4-6, 4-12) replaces it; under 6, daily ICS (Box 6-5) and a referral.
  const step = labaOnly ? 2 : current;
  const age = facts.age.value;
  const replaces = maintenanceInhalers(facts);
  const candidates =
    age >= 12
      ? adolescentAdult(step, replaces)
      : age >= 6
        ? child6to11(step, replaces)
        : step === 1 || labaOnly
          ? under6(replaces)
          : [];
  return {
    topic: 'asthma',
    title: 'Asthma step therapy',
    guideline: { name: 'GINA', version: '2024', citation: gina2024 },
    summary: labaOnly
      ? 'on a LABA without an inhaled corticosteroid: no GINA step, contraindicated in asthma (risk of asthma-related death); switch to ICS-containing treatment now'
      : `current step ${step === 3 ? '3 or above (ICS-LABA)' : step === 2 ? '2 (ICS)' : '1 (SABA only or no controller)'}; ${step === 1 ? 'start ICS-containing treatment' : 'step up only if not well controlled after checking technique, adherence and triggers'}`,
    candidates,
    inputs: [
      input('asthma', facts.conditions.asthma),
      input('age', facts.age),
      ...facts.medications
        .filter((m) =>
          m.ingredients.some(
            (d) =>
              inClass(d, 'inhaled_corticosteroid') ||
              inClass(d, 'laba') ||
              inClass(d, 'short_acting_beta_agonist'),
          ),
        )
        .map((m) => ({ name: 'inhaler', value: m.ingredients.join('+'), source: m.source })),
    ],
    notes: [
      labaOnly ? `LABA without an ICS in asthma: ${labaWithoutIcsSource}` : '',
      step === 1
        ? 'SABA-only treatment is no longer recommended for any age >= 6 (GINA since 2019)'
        : '',
      age < 6 && (step > 1 || labaOnly)
        ? 'under 6 on controller therapy: refer for expert advice before stepping up (Box 6-5)'
        : '',
    ].filter(Boolean),
  };
}
