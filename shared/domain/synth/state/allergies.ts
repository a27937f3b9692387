// Domain (synth/state): recorded allergies and intolerances at published prevalences, coded as SNOMED CT
// substances or RxNorm ingredients (the US Core AllergyIntolerance code bindings), with SNOMED reactions.
import type { ConditionKey } from '../catalog';
import { systems } from '../catalog';
import type { Coding, TrueAllergy } from '../model';
import type { Rng } from '../rng';

const sct = (code: string, display: string): Coding => ({ system: systems.snomed, code, display });
const rxn = (code: string, display: string): Coding => ({ system: systems.rxnorm, code, display });

/** SNOMED CT clinical findings used as reaction manifestations. */
export const reactions = {
  urticaria: sct('126485001', 'Urticaria'),
  rash: sct('271807003', 'Eruption of skin'),
  angioedema: sct('41291007', 'Angioedema'),
  anaphylaxis: sct('39579001', 'Anaphylaxis'),
  itching: sct('418290006', 'Itching'),
  nausea: sct('422587007', 'Nausea'),
  wheezing: sct('56018004', 'Wheezing'),
  sneezing: sct('76067001', 'Sneezing'),
  conjunctivitis: sct('9826008', 'Conjunctivitis'),
} as const;

export type AllergenKey =
  | 'penicillin'
  | 'sulfonamide'
  | 'codeine'
  | 'aspirin'
  | 'lisinopril'
  | 'peanut'
  | 'milk'
  | 'egg'
  | 'latex'
  | 'bee-venom'
  | 'pollen'
  | 'dust-mite';

interface Allergen {
  substance: Coding;
  category: TrueAllergy['category'];
  /** Prevalence in children and adults. */
  prevalence: readonly [number, number];
  /** Share of records with high criticality. */
  highCriticality: number;
  reactions: readonly (readonly [Coding, number])[];
  /** Atopic conditions that raise the odds (OR). */
  atopy?: readonly (readonly [ConditionKey, number])[];
}

const r = reactions;

/**
 * Prevalence of recorded allergy labels. Drugs: Macy E, Poon KYT. Am J Med 2009;122:778 (Kaiser
 * Permanente: penicillin 7.9%, sulfonamide antibiotics 4.3%, codeine 1.7%, aspirin/NSAIDs ≈1.5%,
 * ACE inhibitors ≈0.3%) and Shenoy ES et al. JAMA 2019;321:188 (≈10% report penicillin allergy).
 * Foods: Gupta RS et al. Pediatrics 2018;142:e20181235 (children: peanut 2.2%, milk 1.9%, egg 0.9%) and
 * JAMA Netw Open 2019;2:e185630 (adults: peanut 1.8%, milk 1.9%, egg 0.8%); eczema raises the odds
 * ≈2.5-fold (Tsakok T et al. JACI 2016;137:1071). Latex ≈1% (Wu M et al. Allergy Asthma Immunol Res
 * 2016;8:287 systematic review). Hymenoptera systemic reactions ≈1% (Golden DB. JACI 2007;119:1263).
 * Seasonal pollen and dust mite allergy lists: a modelling approximation of allergic rhinitis records.
 */
const allergens: Record<AllergenKey, Allergen> = {
  penicillin: {
    substance: sct('764146007', 'Penicillin'),
    category: 'medication',
    prevalence: [0.05, 0.09],
    highCriticality: 0.05,
    reactions: [
      [r.urticaria, 0.4],
      [r.rash, 0.38],
      [r.itching, 0.12],
      [r.angioedema, 0.06],
      [r.anaphylaxis, 0.04],
    ],
  },
  sulfonamide: {
    substance: sct('387406002', 'Sulfonamide'),
    category: 'medication',
    prevalence: [0.01, 0.043],
    highCriticality: 0.03,
    reactions: [
      [r.rash, 0.7],
      [r.urticaria, 0.2],
      [r.itching, 0.1],
    ],
  },
  codeine: {
    substance: rxn('2670', 'codeine'),
    category: 'medication',
    prevalence: [0, 0.017],
    highCriticality: 0.02,
    reactions: [
      [r.nausea, 0.6],
      [r.itching, 0.3],
      [r.rash, 0.1],
    ],
  },
  aspirin: {
    substance: rxn('1191', 'aspirin'),
    category: 'medication',
    prevalence: [0.002, 0.015],
    highCriticality: 0.1,
    reactions: [
      [r.urticaria, 0.4],
      [r.angioedema, 0.2],
      [r.wheezing, 0.4],
    ],
  },
  lisinopril: {
    substance: rxn('29046', 'lisinopril'),
    category: 'medication',
    prevalence: [0, 0.003],
    highCriticality: 0.6,
    reactions: [[r.angioedema, 1]],
  },
  peanut: {
    substance: sct('762952008', 'Peanut'),
    category: 'food',
    prevalence: [0.022, 0.018],
    highCriticality: 0.6,
    reactions: [
      [r.urticaria, 0.45],
      [r.angioedema, 0.15],
      [r.anaphylaxis, 0.15],
      [r.itching, 0.15],
      [r.wheezing, 0.1],
    ],
    atopy: [['atopic-dermatitis', 2.5]],
  },
  milk: {
    substance: sct('3718001', "Cow's milk"),
    category: 'food',
    prevalence: [0.019, 0.019],
    highCriticality: 0.15,
    reactions: [
      [r.urticaria, 0.35],
      [r.rash, 0.35],
      [r.nausea, 0.3],
    ],
    atopy: [['atopic-dermatitis', 2.5]],
  },
  egg: {
    substance: sct('102263004', 'Eggs (edible)'),
    category: 'food',
    prevalence: [0.009, 0.008],
    highCriticality: 0.2,
    reactions: [
      [r.urticaria, 0.5],
      [r.rash, 0.3],
      [r.nausea, 0.2],
    ],
    atopy: [['atopic-dermatitis', 2.5]],
  },
  latex: {
    substance: sct('111088007', 'Latex'),
    category: 'environment',
    prevalence: [0.002, 0.01],
    highCriticality: 0.2,
    reactions: [
      [r.urticaria, 0.5],
      [r.itching, 0.4],
      [r.anaphylaxis, 0.1],
    ],
  },
  'bee-venom': {
    substance: sct('288328004', 'Bee venom'),
    category: 'environment',
    prevalence: [0.004, 0.01],
    highCriticality: 0.5,
    reactions: [
      [r.urticaria, 0.4],
      [r.angioedema, 0.3],
      [r.anaphylaxis, 0.3],
    ],
  },
  pollen: {
    substance: sct('256259004', 'Pollen'),
    category: 'environment',
    prevalence: [0.04, 0.06],
    highCriticality: 0,
    reactions: [
      [r.sneezing, 0.6],
      [r.conjunctivitis, 0.4],
    ],
    atopy: [
      ['asthma', 2],
      ['atopic-dermatitis', 1.5],
    ],
  },
  'dust-mite': {
    substance: sct('260147004', 'House dust mite'),
    category: 'environment',
    prevalence: [0.02, 0.03],
    highCriticality: 0,
    reactions: [
      [r.sneezing, 0.7],
      [r.wheezing, 0.3],
    ],
    atopy: [['asthma', 2]],
  },
};

export const allergenKeys = Object.keys(allergens) as AllergenKey[];

/** Draws allergies from the 'allergies' stream; returns the records and the allergen keys (for prescribing). */
export function generateAllergies(
  rng: Rng,
  age: number,
  conditions: ReadonlySet<ConditionKey>,
): { allergies: TrueAllergy[]; allergens: Set<AllergenKey> } {
  const allergies: TrueAllergy[] = [];
  const keys = new Set<AllergenKey>();
  for (const key of allergenKeys) {
    const a = allergens[key];
    let p = a.prevalence[age < 18 ? 0 : 1];
    for (const [condition, or] of a.atopy ?? [])
      if (conditions.has(condition)) p = (p * or) / (1 - p + p * or);
    if (!rng.chance(p)) continue;
    keys.add(key);
    allergies.push({
      substance: a.substance,
      category: a.category,
      reaction: rng.weighted(a.reactions),
      criticality: rng.chance(a.highCriticality) ? 'high' : 'low',
    });
  }
  return { allergies, allergens: keys };
}
