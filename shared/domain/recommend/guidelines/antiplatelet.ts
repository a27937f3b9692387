// Domain (recommend/guidelines): P2Y12 inhibitor choice after an acute coronary syndrome — 2016
// ACC/AHA Guideline Focused Update on Duration of Dual Antiplatelet Therapy (Levine GN et al. JACC
// 2016;68:1082), section 4 (ACS: ticagrelor or prasugrel reasonable in preference to clopidogrel,
// COR IIa, LOE B-R; DAPT for at least 12 months, COR I), with CYP2C19 genotype from CPIC 2022 (pgx
// module) weighing in through the ranking's PGx factor and safety warnings.
import type { GuidelineFinding } from '../model';
import type { PatientFacts } from '../patient-facts';
import { inClass } from '../drugs';
import { drugOption, input } from './common';

const dapt2016 = '2016 ACC/AHA DAPT focused update (Levine GN et al. JACC 2016;68:1082)';

/** DAPT options for a patient with an ACS on record (12 months of DAPT, section 4.1). */
export function antiplateletFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const acs = facts.conditions.acuteCoronarySyndrome;
  if (!acs || (facts.age && facts.age.value < 18)) return undefined;
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
    notes: ['aspirin dose with ticagrelor must be <= 100 mg/day (Brilinta boxed warning)'],
  };
}
