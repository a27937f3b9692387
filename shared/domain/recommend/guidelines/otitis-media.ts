// Domain (recommend/guidelines): acute otitis media in children 6 months to 12 years — AAP Clinical
// Practice Guideline: The Diagnosis and Management of Acute Otitis Media (Lieberthal AS et al.
// Pediatrics 2013;131:e964): KAS 2 (treat pain), KAS 3 (observation option), KAS 4A (amoxicillin),
// Table 5 (alternatives, penicillin allergy). Doses: paediatric-dosing.ts. The guideline covers 6
// months to 12 years; under 3 months an infant with otitis media (a febrile illness) is referred for a
// same-day assessment instead (NICE NG143 fever in under 5s; AAP 2021 febrile infant guideline).

/** Under this age (months) otitis media or its pain is referred, not treated from the record. */
export const referBelowMonths = 3;

const febrileInfant =
  'NICE NG143 Fever in under 5s (2019, updated 2021), 1.2 and 1.5 (under 3 months with a temperature of 38 °C or more: high risk, same-day assessment); AAP Clinical Practice Guideline for well-appearing febrile infants 8-60 days (Pantell RH et al. Pediatrics 2021;148:e2021052228)';

function referral(): Candidate {
  return nonDrugOption('Same-day in-person assessment (refer: infant under 3 months)', {
    rationale:
      'under 3 months, otitis media or fever needs a same-day assessment for serious bacterial infection; treatment, and the antibiotic and its route, follow that assessment',
    strength: 'strong',
    evidence: 'C-EO',
    benefit: 0.95,
    source: febrileInfant,
  });
}
import type { Candidate, GuidelineFinding } from '../model';
import type { PatientFacts } from '../patient-facts';
import { drugOption, input, nonDrugOption } from './common';
import { doseText, paediatricDoses as doses } from './paediatric-dosing';

const aap2013 =
  'AAP acute otitis media guideline 2013 (Lieberthal AS et al. Pediatrics 2013;131:e964)';

function penicillinAllergy(facts: PatientFacts) {
  return facts.allergies.find(
    (a) =>
      /penicillin|amoxicillin|ampicillin/.test(a.text) ||
      a.codes.includes('764146007') ||
      a.codes.includes('91936005'),
  );
}

function antibiotics(facts: PatientFacts, weight: number | undefined): Candidate[] {
  const allergy = penicillinAllergy(facts);
  const out: Candidate[] = [
    drugOption(
      'High-dose amoxicillin',
      [{ drug: 'amoxicillin', dose: doseText(doses.amoxicillin, weight) }],
      {
        rationale:
          'first-line when antibiotics are chosen and no amoxicillin in the past 30 days (KAS 4A, strong, grade B)',
        strength: 'strong',
        evidence: 'B-R',
        benefit: 0.9,
        source: `${aap2013}, KAS 4A`,
      },
    ),
  ];
  if (!allergy) return out;
  const alt = (drug: keyof typeof doses, label: string, benefit: number) =>
    drugOption(label, [{ drug, dose: doseText(doses[drug], weight) }], {
      rationale:
        'alternative initial antibiotic for penicillin allergy (Table 5); cross-reactivity with penicillin is low',
      strength: 'moderate',
      evidence: 'B-NR',
      benefit,
      source: `${aap2013}, Table 5`,
    });
  out.push(
    alt('cefdinir', 'Cefdinir', 0.8),
    alt('cefuroxime', 'Cefuroxime axetil', 0.78),
    alt('cefpodoxime', 'Cefpodoxime', 0.78),
    alt('ceftriaxone', 'Ceftriaxone IM', 0.7),
  );
  if (allergy.severe)
    out.push(
      drugOption(
        'Azithromycin',
        [{ drug: 'azithromycin', dose: doseText(doses.azithromycin, weight) }],
        {
          rationale:
            'immediate-type penicillin allergy: a macrolide avoids beta-lactams (limited efficacy against pneumococcus and H. influenzae)',
          strength: 'weak',
          evidence: 'C-LD',
          benefit: 0.55,
          source: `${aap2013}, Table 5 discussion`,
        },
      ),
    );
  return out;
}

/**
 * Why no absolute dose: no weight, or one too old for a child (patient-labs.ts weightMaxAgeDays: 30
 * days under 2 years, 90 days at 2-17, a project choice); either way a current weight is needed.
 */
function missingWeightNote(facts: PatientFacts): string {
  const stale = facts.labs.unusable?.find((u) => u.startsWith('weight:'));
  return stale
    ? `${stale}; doses in mg/kg only`
    : 'weight missing: record a current weight before dosing';
}

export function otitisMediaFinding(facts: PatientFacts): GuidelineFinding | undefined {
  if (!facts.conditions.otitisMedia || !facts.age || facts.age.value >= 13) return undefined;
  const months = facts.ageMonths ?? facts.age.value * 12;
  const weight = facts.labs.weightKg?.value;
  const allergy = penicillinAllergy(facts);
  const young = months < referBelowMonths;
  const observe = nonDrugOption('Observation with follow-up in 48-72 h (non-severe AOM)', {
    rationale:
      'non-severe AOM: observation is an option at 6-23 months if unilateral, and at >= 24 months (KAS 3, recommendation, grade B)',
    strength: 'moderate',
    evidence: 'B-R',
    benefit: months >= 24 ? 0.6 : 0.45,
    source: `${aap2013}, KAS 3`,
  });
  return {
    topic: 'otitis-media',
    title: 'Acute otitis media',
    guideline: { name: 'AAP Acute Otitis Media', version: '2013', citation: aap2013 },
    summary: `acute otitis media at ${facts.age.value} years${weight ? `, ${weight} kg` : ', no current weight'}${allergy ? `, penicillin allergy (${allergy.severe ? 'immediate-type' : 'not immediate-type'})` : ''}`,
    candidates: young
      ? [referral()]
      : [...antibiotics(facts, weight), ...(months >= 6 ? [observe] : [])],
    inputs: [
      input('otitis media', facts.conditions.otitisMedia),
      input('age', facts.age),
      input('weight', facts.labs.weightKg),
      ...(allergy ? [{ name: 'penicillin allergy', value: true, source: allergy.source }] : []),
    ],
    notes: [
      young
        ? `under ${referBelowMonths} months: refer for a same-day assessment; no antibiotic is proposed from the record (${febrileInfant})`
        : months < 6
          ? 'under 6 months: outside the AAP 2013 guideline; assess and treat in person'
          : '',
      'duration: 10 days under 2 years, 7 days at 2-5 years, 5-7 days at 6 years and older (KAS 4A)',
      weight ? '' : missingWeightNote(facts),
    ].filter(Boolean),
  };
}

/** Pain relief for a child with otitis media (KAS 2: assess and treat pain, strong, grade B). */
export function paediatricAnalgesiaFinding(facts: PatientFacts): GuidelineFinding | undefined {
  if (!facts.conditions.otitisMedia || !facts.age || facts.age.value >= 13) return undefined;
  const weight = facts.labs.weightKg?.value;
  const months = facts.ageMonths ?? facts.age.value * 12;
  const young = months < referBelowMonths;
  const option = (drug: 'paracetamol' | 'ibuprofen') =>
    drugOption(
      drug === 'paracetamol' ? 'Paracetamol (acetaminophen)' : 'Ibuprofen',
      [{ drug, dose: doseText(doses[drug], weight) }],
      {
        rationale: `analgesia for otitis media pain (KAS 2); ${doses[drug].source}`,
        strength: 'strong',
        evidence: 'B-R',
        benefit: 0.8,
        source: `${aap2013}, KAS 2; ${doses[drug].source}`,
      },
    );
  return {
    topic: 'paediatric-analgesia',
    title: 'Pain relief (weight-based dosing)',
    guideline: {
      name: 'AAP Acute Otitis Media (KAS 2) with BNFc doses',
      version: '2013 / 2024-25',
      citation: aap2013,
    },
    summary: weight ? `weight ${weight} kg` : 'no current weight: doses in mg/kg only',
    // Under 3 months the referral comes first; the analgesics stay listed with their age warnings
    // (paediatric-dosing.ts minimum ages, enforced by safety/age.ts).
    candidates: [...(young ? [referral()] : []), option('paracetamol'), option('ibuprofen')],
    inputs: [input('weight', facts.labs.weightKg), input('age', facts.age)],
    notes: young
      ? [
          `under ${referBelowMonths} months: refer for a same-day assessment; paracetamol's dosing table starts at ${doses.paracetamol.minAgeMonths} months (${doses.paracetamol.source})`,
        ]
      : [],
  };
}
