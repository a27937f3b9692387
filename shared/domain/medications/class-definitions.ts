// Domain (medications): the drug classes caregraph recognises, each with its WHO ATC group (WHO ATC/DDD
// Index 2025) or, where ATC does not group the drugs the way a rule needs, the source the grouping
// follows. Which ingredient is in which class lives in ingredients-*.ts; a composite class
// (`includes`) is the union of other classes plus any ingredient listed under it directly.

export interface DrugClassDefinition {
  label: string;
  /** ATC codes or prefixes of the group (WHO ATC/DDD Index 2025). Empty when ATC has no group. */
  atc: readonly string[];
  /** Other classes (keys of `drugClassDefinitions`) whose ingredients belong to this one too. */
  includes?: readonly string[];
}

/** One ingredient: its name, other names it goes by, its RxNorm ingredient RXCUI and its classes. */
export interface Ingredient {
  /** Catalog name, lower case (INN, or the US name where recommend's rules use it). */
  name: string;
  /** Other names for the same ingredient (US name vs INN), lower case. */
  synonyms: readonly string[];
  /** RxNorm ingredient (IN) RXCUI, where the project's code tables already carry it. */
  rxnorm?: string;
  /** The classes the ingredient is listed under directly (composites follow from `includes`). */
  classes: readonly DrugClassKey[];
}

/** A table row: `'name|synonym'`, the RXCUI ('' when none is recorded) and the classes. */
export function ingredient(names: string, rxnorm: string, ...classes: DrugClassKey[]): Ingredient {
  const [name = '', ...synonyms] = names.split('|');
  return rxnorm ? { name, synonyms, rxnorm, classes } : { name, synonyms, classes };
}

const atcGroup = (label: string, ...atc: string[]): DrugClassDefinition => ({ label, atc });

/** Every class, keyed by the name the feature spec, the recommender and the risk inputs use. */
export const drugClassDefinitions = {
  // Cardiovascular (ATC C) and antithrombotic (B01) classes.
  ace_inhibitor: atcGroup('ACE inhibitor', 'C09A'),
  arb: atcGroup('angiotensin II receptor blocker', 'C09C'),
  calcium_channel_blocker: atcGroup('calcium channel blocker', 'C08'),
  // Thiazides (C03A) and the thiazide-like diuretics ACC/AHA 2017 Table 18 groups with them (C03BA).
  thiazide: atcGroup('thiazide or thiazide-like diuretic', 'C03A', 'C03BA'),
  beta_blocker: atcGroup('beta blocker', 'C07'),
  alpha_beta_blocker: atcGroup('alpha and beta blocker', 'C07AG'),
  loop_diuretic: atcGroup('loop diuretic', 'C03C'),
  mineralocorticoid_antagonist: atcGroup('mineralocorticoid receptor antagonist', 'C03DA'),
  potassium_sparing_diuretic: {
    label: 'potassium-sparing diuretic',
    atc: ['C03D'],
    includes: ['mineralocorticoid_antagonist'],
  },
  // Terazosin is coded G04CA03 only (urological use); ACC/AHA 2017 Table 19 lists it with doxazosin.
  alpha_blocker: atcGroup('alpha-1 blocker', 'C02CA', 'G04CA03'),
  central_alpha_agonist: atcGroup('centrally acting antiadrenergic', 'C02A'),
  direct_vasodilator: atcGroup('direct vasodilator', 'C02DB', 'C02DC'),
  renin_inhibitor: atcGroup('direct renin inhibitor', 'C09XA'),
  // Angiotensin receptor-neprilysin inhibitor: valsartan and sacubitril (C09DX04).
  arni: atcGroup('angiotensin receptor-neprilysin inhibitor', 'C09DX04'),
  // ACC/AHA 2017 hypertension guideline §8.1.6, Tables 18 (primary) and 19 (secondary agents);
  // ATC C02, C03, C07, C08, C09 (QRISK3 and Framingham "treated hypertension").
  antihypertensive: {
    label: 'antihypertensive',
    atc: ['C02', 'C03', 'C07', 'C08', 'C09'],
    includes: [
      'ace_inhibitor',
      'arb',
      'calcium_channel_blocker',
      'thiazide',
      'beta_blocker',
      'loop_diuretic',
      'potassium_sparing_diuretic',
      'alpha_blocker',
      'central_alpha_agonist',
      'direct_vasodilator',
      'renin_inhibitor',
    ],
  },
  nitrate: atcGroup('organic nitrate', 'C01DA'),
  statin: atcGroup('statin', 'C10AA'),
  fibrate_gemfibrozil: atcGroup('gemfibrozil', 'C10AB04'),
  vitamin_k_antagonist: atcGroup('vitamin K antagonist', 'B01AA'),
  // Dabigatran is a direct thrombin inhibitor (B01AE07); the factor Xa inhibitors are B01AF.
  doac: atcGroup('direct oral anticoagulant', 'B01AE07', 'B01AF'),
  anticoagulant: {
    label: 'oral anticoagulant',
    atc: ['B01AA', 'B01AE07', 'B01AF'],
    includes: ['vitamin_k_antagonist', 'doac'],
  },
  antiplatelet: {
    label: 'antiplatelet',
    atc: ['B01AC'],
    includes: ['aspirin', 'p2y12_inhibitor'],
  },
  p2y12_inhibitor: atcGroup('P2Y12 inhibitor', 'B01AC04', 'B01AC22', 'B01AC24'),
  aspirin: atcGroup('aspirin', 'B01AC06', 'N02BA01'),

  // Diabetes (A10), acid (A02).
  biguanide: atcGroup('biguanide', 'A10BA'),
  sulfonylurea: atcGroup('sulfonylurea', 'A10BB'),
  sglt2_inhibitor: atcGroup('SGLT2 inhibitor', 'A10BK'),
  glp1_agonist: atcGroup('GLP-1 receptor agonist', 'A10BJ'),
  insulin: atcGroup('insulin', 'A10A'),
  proton_pump_inhibitor: atcGroup('proton pump inhibitor', 'A02BC'),

  // Nervous system (N).
  ssri: atcGroup('selective serotonin reuptake inhibitor', 'N06AB'),
  snri: atcGroup('serotonin-noradrenaline reuptake inhibitor', 'N06AX16', 'N06AX21', 'N06AX23'),
  tricyclic_antidepressant: atcGroup('tricyclic antidepressant', 'N06AA'),
  maoi_antidepressant: atcGroup('non-selective MAO inhibitor antidepressant', 'N06AF'),
  other_antidepressant: atcGroup('other antidepressant', 'N06AX'),
  // APA MDD guideline 3rd ed. 2010, Table 4 (SSRI, SNRI, atypical, TCA, MAOI): all of ATC N06A.
  antidepressant: {
    label: 'antidepressant',
    atc: ['N06A'],
    includes: [
      'ssri',
      'snri',
      'tricyclic_antidepressant',
      'maoi_antidepressant',
      'other_antidepressant',
    ],
  },
  // MAO inhibition whatever the indication (antidepressant, N04BD antiparkinson, linezolid): the
  // serotonin-syndrome interaction (FDA labels; Lexicomp) does not depend on why it is taken.
  maoi: {
    label: 'MAO inhibitor',
    atc: ['N06AF', 'N04BD', 'J01XX08'],
    includes: ['maoi_antidepressant'],
  },
  lithium: atcGroup('lithium', 'N05AN01'),
  atypical_antipsychotic: atcGroup(
    'atypical antipsychotic',
    'N05AH03',
    'N05AH04',
    'N05AH02',
    'N05AX08',
    'N05AX12',
    'N05AX13',
    'N05AE04',
    'N05AL05',
  ),
  opioid: atcGroup('opioid', 'N02A'),
  serotonergic_opioid: atcGroup('serotonergic opioid', 'N02AX02'),
  analgesic_antipyretic: atcGroup('paracetamol', 'N02BE01'),

  // Musculoskeletal (M), respiratory (R), systemic hormones (H), genitourinary (G).
  // M01A excluding coxibs (M01AH); aspirin is its own class (antiplatelet dose).
  nsaid: atcGroup('non-steroidal anti-inflammatory drug', 'M01A'),
  cox2_inhibitor: atcGroup('COX-2 inhibitor', 'M01AH'),
  inhaled_corticosteroid: atcGroup('inhaled corticosteroid', 'R03BA'),
  short_acting_beta_agonist: atcGroup('short-acting beta-2 agonist', 'R03AC'),
  laba: atcGroup('long-acting beta-2 agonist', 'R03AC'),
  lama: atcGroup('long-acting muscarinic antagonist', 'R03BB'),
  leukotriene_antagonist: atcGroup('leukotriene receptor antagonist', 'R03DC'),
  systemic_corticosteroid: atcGroup('systemic corticosteroid', 'H02AB'),
  pde5_inhibitor: atcGroup('PDE5 inhibitor', 'G04BE03', 'G04BE08', 'G04BE09', 'G04BE10'),
  erectile_dysfunction_treatment: {
    label: 'erectile dysfunction treatment',
    atc: ['G04BE'],
    includes: ['pde5_inhibitor'],
  },

  // Anti-infectives (J), antineoplastic and immunomodulating agents (L).
  penicillin: atcGroup('penicillin', 'J01C'),
  cephalosporin: atcGroup('cephalosporin', 'J01DB', 'J01DC', 'J01DD', 'J01DE'),
  sulfonamide_antibiotic: atcGroup('sulfonamide antibiotic', 'J01E'),
  trimethoprim: atcGroup('trimethoprim', 'J01EA01'),
  macrolide: atcGroup('macrolide', 'J01FA'),
  fluoroquinolone: atcGroup('fluoroquinolone', 'J01MA'),
  tetracycline: atcGroup('tetracycline', 'J01AA'),
  nitroimidazole: atcGroup('nitroimidazole', 'J01XD', 'P01AB'),
  azole_antifungal: atcGroup('azole antifungal', 'J02AC', 'J02AB'),
  // FDA Drug Development and Drug Interactions table of substrates, inhibitors and inducers (2023).
  strong_cyp3a4_inhibitor: { label: 'strong CYP3A4 inhibitor', atc: [] },
  methotrexate: atcGroup('methotrexate', 'L01BA01', 'L04AX03'),
  endocrine_therapy: atcGroup('endocrine therapy', 'L02B'),
  // No single ATC group: kinase inhibitors (L01E), monoclonal antibodies (L01F), PARP inhibitors
  // (L01XK), KRAS G12C inhibitors and fulvestrant (L02BA03) as the recommender's oncology rules use them.
  targeted_cancer_therapy: { label: 'targeted cancer therapy', atc: [] },
  // The drugs of CPIC's gene-drug guidelines outside the classes above, so that a genotype can bear on
  // them in a medication review (CPIC DPYD 2017/2024 update, TPMT/NUDT15 2018, CYP3A5 2015,
  // CYP2B6 2019, UGT1A1 2015, CYP2C9/HLA-B phenytoin 2020, HLA carbamazepine 2017, HLA-B abacavir
  // 2014 and allopurinol 2015).
  fluoropyrimidine: atcGroup('fluoropyrimidine', 'L01BC02', 'L01BC06', 'L01BC53'),
  thiopurine: atcGroup('thiopurine', 'L01BB02', 'L01BB03', 'L04AX01'),
  calcineurin_inhibitor: atcGroup('calcineurin inhibitor', 'L04AD'),
  antiepileptic: atcGroup('antiepileptic', 'N03A'),
  antiretroviral: atcGroup(
    'HIV antiretroviral (protease inhibitor, nucleoside or non-nucleoside reverse transcriptase inhibitor)',
    'J05AE',
    'J05AF',
    'J05AG',
  ),
  xanthine_oxidase_inhibitor: atcGroup('xanthine oxidase inhibitor', 'M04AA'),
} as const satisfies Record<string, DrugClassDefinition>;

export type DrugClassKey = keyof typeof drugClassDefinitions;
