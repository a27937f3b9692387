// Domain (recommend/guidelines): P2Y12 inhibitor choice after an acute coronary syndrome — 2016
// ACC/AHA Guideline Focused Update on Duration of Dual Antiplatelet Therapy (Levine GN et al. JACC
// 2016;68:1082), section 4 (ACS: ticagrelor or prasugrel reasonable in preference to clopidogrel,
// COR IIa, LOE B-R; DAPT for at least 12 months, COR I), with CYP2C19 genotype from CPIC 2022 (pgx
// module) weighing in through the ranking's PGx factor and safety warnings. More than 12 months after
// the ACS, single antiplatelet therapy: 2023 AHA/ACC chronic coronary disease guideline (Virani SS et
// al. Circulation 2023;148:e9), section 4.3.1. A patient taking an oral anticoagulant: 2021 North
// American consensus (Angiolillo DJ et al. Circulation 2021;143:583) at every time after the ACS.
import type { GuidelineFinding } from '../model';
import { daysSince, isChild, takes, type PatientFacts } from '../patient-facts';
import { inClass } from '../drugs';
import { drugOption, input, nonDrugOption } from './common';

const dapt2016 = '2016 ACC/AHA DAPT focused update (Levine GN et al. JACC 2016;68:1082)';
const ccd2023 =
  '2023 AHA/ACC chronic coronary disease guideline (Virani SS et al. Circulation 2023;148:e9)';

/** Days after an ACS during which DAPT is given (at least 12 months, 2016 update section 4.1). */
export const daptDays = 365;

const consensus2021 =
  '2021 North American consensus on antithrombotic therapy in AF patients undergoing PCI (Angiolillo DJ et al. Circulation 2021;143:583)';

/**
 * Days after the ACS that aspirin may stay with clopidogrel and an anticoagulant (triple therapy):
 * aspirin during the peri-PCI period (the hospital stay) for all, continued up to 30 days only at high
 * thrombotic and low bleeding risk (2021 North American consensus; AUGUSTUS).
 */
export const periPciDays = 30;

function onAnticoagulant(facts: PatientFacts): boolean {
  return takes(facts, (d) => inClass(d, 'anticoagulant')).length > 0;
}

/** DAPT options for a patient with an ACS on record (12 months of DAPT, section 4.1). */
export function antiplateletFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const acs = facts.conditions.acuteCoronarySyndrome;
  if (!acs || isChild(facts)) return undefined;
  const sinceAcs = daysSince(acs.onset, facts.at);
  if (sinceAcs !== undefined && sinceAcs > daptDays) return longTermAntiplatelet(facts, acs);
  // With an oral anticoagulant, at any time in the first 12 months (or with no onset to time it):
  // clopidogrel is the P2Y12 inhibitor, never prasugrel or ticagrelor (2021 North American consensus).
  if (onAnticoagulant(facts)) return anticoagulatedAntiplatelet(facts, acs, sinceAcs);
  const replaces = facts.medications.flatMap((m) =>
    m.ingredients.filter((d) => inClass(d, 'p2y12_inhibitor') || d === 'aspirin'),
  );
  const aspirin = { drug: 'aspirin', dose: '81 mg orally once daily' };
  const lowWeight = (facts.labs.weightKg?.value ?? Infinity) < 60;
  const o = (
    label: string,
    drug: string,
    dose: string,
    benefit: number,
    strength: 'strong' | 'moderate',
    rationale: string,
  ) =>
    drugOption(label, [{ drug, dose }, aspirin], {
      rationale,
      strength,
      evidence: 'B-R',
      benefit,
      source: `${dapt2016}, section 4.1`,
      replaces,
    });
  const cyp2c19 = facts.pgx?.profile.genes.find((g) => g.gene === 'CYP2C19');
  return {
    topic: 'acute-coronary-syndrome',
    title: 'Dual antiplatelet therapy after acute coronary syndrome',
    guideline: {
      name: 'ACC/AHA Dual Antiplatelet Therapy Focused Update',
      version: '2016',
      citation: dapt2016,
    },
    summary: `ACS on record: aspirin plus a P2Y12 inhibitor for at least 12 months unless bleeding risk is high${cyp2c19 ? `; CYP2C19 ${cyp2c19.diplotype} (${cyp2c19.phenotype})` : ''}`,
    candidates: [
      o(
        'Ticagrelor + aspirin',
        'ticagrelor',
        '90 mg orally twice daily (180 mg load)',
        0.9,
        'moderate',
        'ticagrelor reasonable in preference to clopidogrel after ACS (4.1, COR IIa, B-R; PLATO)',
      ),
      o(
        'Prasugrel + aspirin',
        'prasugrel',
        lowWeight
          ? '5 mg orally once daily (weight < 60 kg; 60 mg load)'
          : '10 mg orally once daily (60 mg load)',
        0.88,
        'moderate',
        'prasugrel reasonable after PCI for ACS without high bleeding risk or prior stroke/TIA (4.1, COR IIa, B-R; TRITON-TIMI 38)',
      ),
      o(
        'Clopidogrel + aspirin',
        'clopidogrel',
        '75 mg orally once daily (300-600 mg load)',
        0.7,
        'strong',
        'clopidogrel with aspirin for 12 months after ACS (4.1, COR I)',
      ),
    ],
    inputs: [
      input('acute coronary syndrome', acs),
      input('weight', facts.labs.weightKg),
      input('prior stroke/TIA', facts.conditions.stroke),
      input(
        'CYP2C19',
        cyp2c19 && {
          value: `${cyp2c19.diplotype} ${cyp2c19.phenotype}`,
          source: cyp2c19.source === 'outside' ? 'outside call' : 'VCF',
        },
      ),
    ],
    notes: [
      'aspirin dose with ticagrelor must be <= 100 mg/day (Brilinta boxed warning)',
      ...(sinceAcs === undefined
        ? [
            'the ACS has no onset date: DAPT is for the first 12 months after it, then aspirin alone',
          ]
        : []),
    ],
  };
}

/**
 * More than 12 months after the ACS (2023 CCD guideline, 4.3.1): low-dose aspirin 81 mg daily for a
 * patient with no indication for oral anticoagulation (recommendation 1; COR 1, LOE A). Nothing is
 * proposed to a patient already on aspirin or a P2Y12 inhibitor, nor to one on an anticoagulant
 * (recommendation 14: anticoagulant monotherapy may be considered, 2b). Extended DAPT up to 3 years
 * after an MI at low bleeding risk (recommendation 4, 2b) is a clinician's choice, noted, not proposed.
 */
function longTermAntiplatelet(
  facts: PatientFacts,
  acs: NonNullable<PatientFacts['conditions']['acuteCoronarySyndrome']>,
): GuidelineFinding | undefined {
  const onAntiplatelet = takes(facts, (d) => d === 'aspirin' || inClass(d, 'p2y12_inhibitor'));
  if (onAntiplatelet.length > 0 || onAnticoagulant(facts)) return undefined;
  return {
    topic: 'acute-coronary-syndrome',
    title: 'Antiplatelet therapy more than 12 months after acute coronary syndrome',
    guideline: {
      name: 'AHA/ACC Chronic Coronary Disease Guideline',
      version: '2023',
      citation: ccd2023,
    },
    summary: `ACS on ${acs.onset}, more than 12 months ago: low-dose aspirin long term; none taken`,
    candidates: [
      drugOption('Aspirin (low dose)', [{ drug: 'aspirin', dose: '81 mg orally once daily' }], {
        rationale:
          'low-dose aspirin 81 mg (75-100 mg) daily in chronic coronary disease without an indication for anticoagulation (4.3.1, COR 1, LOE A)',
        strength: 'strong',
        evidence: 'A',
        benefit: 0.85,
        source: `${ccd2023}, section 4.3.1`,
      }),
    ],
    inputs: [input('acute coronary syndrome', acs)],
    notes: [
      'extended DAPT up to 3 years after an MI may be reasonable at low bleeding risk (4.3.1, COR 2b); adding clopidogrel to aspirin without a recent ACS or PCI brings no benefit (COR 3: No Benefit)',
    ],
  };
}

/** YYYY-MM-DD `days` after a full onset date (undefined for a partial or missing one). */
function dayAfter(onset: string | undefined, days: number): string | undefined {
  if (!onset || !/^\d{4}-\d{2}-\d{2}/.test(onset)) return undefined;
  return new Date(Date.parse(onset.slice(0, 10)) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An ACS in the last 12 months (or undated) in a patient taking an oral anticoagulant (2021 North
 * American consensus, Angiolillo DJ et al. Circulation 2021;143:583): clopidogrel is the P2Y12
 * inhibitor with an OAC; prasugrel and ticagrelor are avoided (a taken one is replaced, and flagged by
 * the interaction table). Aspirin: in the first 30 days after the ACS, continued with clopidogrel and
 * the OAC only at high thrombotic and low bleeding risk, and stopped by day 30 (time-limited triple
 * therapy); otherwise clopidogrel with the OAC and no aspirin (AUGUSTUS: aspirin bleeds more without
 * fewer ischaemic events), for up to 12 months. With no onset date the 30 days cannot be timed:
 * clopidogrel without aspirin, and a note. Nothing when the patient already takes clopidogrel alone
 * with the OAC.
 */
function anticoagulatedAntiplatelet(
  facts: PatientFacts,
  acs: NonNullable<PatientFacts['conditions']['acuteCoronarySyndrome']>,
  sinceAcs: number | undefined,
): GuidelineFinding | undefined {
  const early = sinceAcs !== undefined && sinceAcs <= periPciDays;
  const aspirinUntil = dayAfter(acs.onset, periPciDays);
  const onClopidogrel = takes(facts, (d) => d === 'clopidogrel').length > 0;
  const onAspirin = takes(facts, (d) => d === 'aspirin').length > 0;
  const otherP2y12 = facts.medications.flatMap((m) =>
    m.ingredients.filter((d) => inClass(d, 'p2y12_inhibitor') && d !== 'clopidogrel'),
  );
  const others = facts.medications.flatMap((m) =>
    m.ingredients.filter(
      (d) => d === 'aspirin' || (inClass(d, 'p2y12_inhibitor') && d !== 'clopidogrel'),
    ),
  );
  const whenAcs = acs.onset ? `on ${acs.onset}` : 'with no onset date';
  // Early, aspirin with clopidogrel is still allowed (time-limited): only another P2Y12 inhibitor
  // needs changing; later, aspirin too.
  const toStop = early ? otherP2y12 : others;
  if (onClopidogrel && toStop.length === 0 && !(early && onAspirin)) return undefined;
  const clopidogrel = { drug: 'clopidogrel', dose: '75 mg orally once daily' };
  const aspirinLimit = aspirinUntil ? `stop it by ${aspirinUntil}` : 'stop it by day 30';
  const candidates = [
    ...(onClopidogrel && toStop.length
      ? [
          nonDrugOption(
            `Stop ${[...new Set(toStop)].join(' and ')}: clopidogrel with the anticoagulant${early ? '' : ' alone'}`,
            {
              rationale: early
                ? 'on an anticoagulant after an ACS: clopidogrel is the P2Y12 inhibitor; prasugrel and ticagrelor are avoided'
                : 'on an anticoagulant more than 30 days after the ACS: a P2Y12 inhibitor (clopidogrel) with the anticoagulant, without aspirin, for up to 12 months',
              strength: 'strong',
              evidence: 'B-R',
              benefit: 0.85,
              source: consensus2021,
            },
          ),
        ]
      : []),
    ...(onClopidogrel && early && onAspirin && toStop.length === 0
      ? [
          nonDrugOption(
            `Continue clopidogrel with the anticoagulant; aspirin only at high thrombotic and low bleeding risk, ${aspirinLimit}`,
            {
              rationale:
                'triple therapy is time-limited: aspirin no longer than 30 days after the ACS, then clopidogrel with the anticoagulant alone',
              strength: 'strong',
              evidence: 'B-R',
              benefit: 0.85,
              source: consensus2021,
            },
          ),
        ]
      : []),
    ...(onClopidogrel
      ? []
      : [
          drugOption('Clopidogrel with the anticoagulant (no aspirin)', [clopidogrel], {
            rationale: early
              ? 'on an anticoagulant after an ACS: clopidogrel with the anticoagulant, aspirin stopped after the peri-PCI period, for most patients; prasugrel and ticagrelor are avoided'
              : 'on an anticoagulant more than 30 days after the ACS (or with the ACS undated): clopidogrel with the anticoagulant, without aspirin, for up to 12 months after the ACS, then the anticoagulant alone',
            strength: 'strong',
            evidence: 'B-R',
            benefit: 0.85,
            source: consensus2021,
            replaces: others,
          }),
          ...(early
            ? [
                drugOption(
                  `Clopidogrel + aspirin with the anticoagulant (aspirin time-limited: ${aspirinLimit})`,
                  [
                    clopidogrel,
                    {
                      drug: 'aspirin',
                      dose: `81 mg orally once daily, no longer than 30 days after the ACS${aspirinUntil ? ` (until ${aspirinUntil})` : ''}`,
                    },
                  ],
                  {
                    rationale:
                      'high thrombotic and low bleeding risk only: aspirin may continue with clopidogrel and the anticoagulant up to 30 days after the ACS',
                    strength: 'weak',
                    evidence: 'B-R',
                    benefit: 0.7,
                    source: consensus2021,
                    replaces: otherP2y12,
                  },
                ),
              ]
            : []),
        ]),
  ];
  return {
    topic: 'acute-coronary-syndrome',
    title: 'Antiplatelet therapy after acute coronary syndrome, on an anticoagulant',
    guideline: {
      name: 'North American consensus on antithrombotic therapy in AF and PCI',
      version: '2021',
      citation: consensus2021,
    },
    summary: early
      ? `ACS ${whenAcs}, within 30 days, while taking an oral anticoagulant: clopidogrel with it (not prasugrel or ticagrelor); aspirin only up to 30 days after the ACS, at high thrombotic risk`
      : `ACS ${whenAcs} while taking an oral anticoagulant: clopidogrel with it, no aspirin, until 12 months after the ACS`,
    candidates,
    inputs: [input('acute coronary syndrome', acs)],
    notes: [
      'prasugrel and ticagrelor are not combined with an anticoagulant (bleeding); clopidogrel is the P2Y12 inhibitor (2021 North American consensus)',
      sinceAcs === undefined
        ? 'the ACS has no onset date: aspirin with clopidogrel and the anticoagulant is only for the first 30 days after it; record the onset'
        : '',
      'the consensus addresses patients who had a PCI; the record does not say whether this ACS was treated with one',
    ].filter(Boolean),
  };
}
