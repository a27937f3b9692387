// Domain (recommend/safety): recorded allergies against a proposed drug — the allergen itself, its
// class, and known cross-sensitivities. Source for every rule below unless stated: Khan DA et al.
// Drug allergy: a 2022 practice parameter update, J Allergy Clin Immunol 2022;150:1333-1393
// (AAAAI/ACAAI Joint Task Force on Practice Parameters).
import { classesOf, inClass, ingredientsIn } from '../drugs';
import type { SafetyWarning } from '../model';
import type { PatientFacts, RecordedAllergy } from '../patient-facts';

const parameter2022 =
  'AAAAI/ACAAI drug allergy practice parameter 2022 (Khan DA et al. JACI 2022;150:1333)';

interface AllergyGroup {
  name: string;
  /** Recognises the group in the allergy's text (substance name) or codes. */
  text: RegExp;
  codes: readonly string[];
  /** Drugs of these classes are the allergen class itself. */
  classes: readonly string[];
}

// Codes: SNOMED CT substances/disorders (International 2025-01) and RxNorm ingredients.
const groups: readonly AllergyGroup[] = [
  {
    name: 'penicillin',
    text: /penicillin|amoxicillin|ampicillin|piperacillin|flucloxacillin|dicloxacillin/,
    codes: ['764146007', '373270004', '91936005', '7980', '723', '733'],
    classes: ['penicillin'],
  },
  {
    name: 'cephalosporin',
    text: /cephalosporin|cef|ceph/,
    codes: ['373262009', '294530006'],
    classes: ['cephalosporin'],
  },
  {
    // Antibiotic sulfonamides only: non-antibiotic sulfonamides (furosemide, thiazides, celecoxib)
    // do not cross-react and need no avoidance (2022 parameter, sulfonamide section).
    name: 'sulfonamide antibiotic',
    text: /sulfonamide|sulfa\b|sulpha|sulfamethoxazole|co-?trimoxazole|bactrim/,
    codes: ['387406002', '10180', '91939003'],
    classes: ['sulfonamide_antibiotic'],
  },
  {
    name: 'NSAID or aspirin',
    text: /aspirin|nsaid|ibuprofen|naproxen|diclofenac|anti-inflammatory/,
    codes: ['1191', '387458008', '293586001', '5640', '7258', '3355'],
    classes: ['nsaid', 'aspirin'],
  },
  {
    name: 'ACE inhibitor',
    text: /ace inhibitor|pril\b|lisinopril|enalapril|ramipril|captopril|perindopril/,
    codes: ['29046', '3827', '35296', '1998'],
    classes: ['ace_inhibitor'],
  },
];

function groupsOf(allergy: RecordedAllergy): AllergyGroup[] {
  return groups.filter(
    (g) => g.text.test(allergy.text) || allergy.codes.some((c) => g.codes.includes(c)),
  );
}

function crossSensitivity(
  group: AllergyGroup,
  drug: string,
  allergy: RecordedAllergy,
): Omit<SafetyWarning, 'kind' | 'drug' | 'evidence'> | undefined {
  if (group.name === 'penicillin' && inClass(drug, 'cephalosporin')) {
    // Aminopenicillin R1 side chain shared by cephalexin, cefadroxil (and cefaclor): avoid them.
    const similar = ['cephalexin', 'cefadroxil', 'cefaclor'].includes(drug);
    return {
      severity: similar || allergy.severe ? 'major' : 'caution',
      message: similar
        ? `${drug} shares the aminopenicillin side chain: avoid after a penicillin allergy`
        : allergy.severe
          ? `penicillin allergy with an immediate-type reaction: a cephalosporin with a dissimilar side chain only after allergy assessment`
          : `penicillin allergy (not immediate-type): cephalosporin cross-reactivity is about 1-2 %; may be given with observation`,
      source: parameter2022,
    };
  }
  if (group.name === 'cephalosporin' && inClass(drug, 'penicillin'))
    return {
      severity: 'caution',
      message: 'cephalosporin allergy: penicillin cross-reactivity is low; check side chains',
      source: parameter2022,
    };
  if (group.name === 'NSAID or aspirin' && inClass(drug, 'cox2_inhibitor'))
    return {
      severity: 'caution',
      message: 'NSAID/aspirin hypersensitivity: selective COX-2 inhibitors are usually tolerated',
      source: parameter2022,
    };
  if (group.name === 'ACE inhibitor' && inClass(drug, 'arb'))
    return {
      severity: 'moderate',
      message:
        'ACE inhibitor allergy (angioedema): ARBs carry a small risk of recurrent angioedema',
      source:
        '2017 ACC/AHA hypertension guideline (Whelton PK et al. Hypertension 2018;71:e13), section 8.1.6',
    };
  return undefined;
}

/** Allergy and cross-sensitivity warnings for `drug` from the patient's recorded allergies. */
export function allergyWarnings(drug: string, facts: PatientFacts): SafetyWarning[] {
  const warnings: SafetyWarning[] = [];
  for (const allergy of facts.allergies) {
    const evidence = [allergy.source];
    const named = ingredientsIn(allergy.text).includes(drug);
    const matched = groupsOf(allergy);
    const sameClass = matched.some((g) => g.classes.some((c) => classesOf(drug).includes(c)));
    if (named || sameClass) {
      warnings.push({
        kind: 'allergy',
        severity: 'contraindicated',
        drug,
        message: named
          ? `recorded allergy to ${drug}`
          : `recorded ${matched.map((g) => g.name).join('/')} allergy; ${drug} is in that class`,
        source: parameter2022,
        evidence,
      });
      continue;
    }
    for (const group of matched) {
      const cross = crossSensitivity(group, drug, allergy);
      if (cross) warnings.push({ kind: 'cross-sensitivity', drug, evidence, ...cross });
    }
  }
  return warnings;
}
