// Domain (recommend): the drug catalog the recommender and its safety checks speak — each ingredient
// with its therapeutic classes. Classes the feature spec already defines (features/spec.ts
// `medicationClasses`, WHO ATC/DDD Index 2025 groups) are reused as they are; the classes below are
// the extra groupings the safety rules need (interactions, cross-sensitivity, renal dosing), each an
// ATC group (WHO ATC/DDD Index 2025) or, where ATC does not group them, the mechanism the rule cites.
import { medicationClasses } from '../features/spec';

const extraClasses: Readonly<Record<string, readonly string[]>> = {
  // M01A excluding coxibs (M01AH) and aspirin; aspirin is its own class (antiplatelet dose).
  nsaid: ['ibuprofen', 'naproxen', 'diclofenac', 'meloxicam', 'indomethacin', 'ketorolac'],
  cox2_inhibitor: ['celecoxib', 'etoricoxib'], // M01AH
  p2y12_inhibitor: ['clopidogrel', 'prasugrel', 'ticagrelor'], // B01AC04/22/24
  doac: ['apixaban', 'rivaroxaban', 'dabigatran', 'edoxaban'], // B01AF, B01AE07
  vitamin_k_antagonist: ['warfarin'], // B01AA
  potassium_sparing_diuretic: ['spironolactone', 'eplerenone', 'amiloride', 'triamterene'], // C03D
  macrolide: ['clarithromycin', 'erythromycin', 'azithromycin'], // J01FA
  // Strong CYP3A4 inhibitors: FDA Drug Development and Drug Interactions table of substrates,
  // inhibitors and inducers (2023 update).
  strong_cyp3a4_inhibitor: [
    'clarithromycin',
    'itraconazole',
    'ketoconazole',
    'posaconazole',
    'voriconazole',
    'ritonavir',
  ],
  maoi: ['phenelzine', 'tranylcypromine', 'isocarboxazid', 'selegiline', 'rasagiline', 'linezolid'],
  snri: ['venlafaxine', 'duloxetine'], // N06AX16/21
  penicillin: [
    'amoxicillin',
    'ampicillin',
    'penicillin',
    'piperacillin',
    'flucloxacillin',
    'dicloxacillin',
  ], // J01C
  cephalosporin: [
    'cefdinir',
    'cefuroxime',
    'cefpodoxime',
    'ceftriaxone',
    'cephalexin',
    'cefadroxil',
    'cefazolin',
  ], // J01DB-DE
  sulfonamide_antibiotic: ['sulfamethoxazole', 'sulfadiazine'], // J01E
  trimethoprim: ['trimethoprim'],
  methotrexate: ['methotrexate'],
  nitrate: ['nitroglycerin', 'isosorbide'], // C01DA
  pde5_inhibitor: ['sildenafil', 'tadalafil'],
  lithium: ['lithium'],
  alpha_beta_blocker: ['labetalol'],
  serotonergic_opioid: ['tramadol'],
  fibrate_gemfibrozil: ['gemfibrozil'],
  laba: ['formoterol', 'salmeterol', 'vilanterol'], // R03AC
  lama: ['tiotropium'], // R03BB
  leukotriene_antagonist: ['montelukast'], // R03DC
  fluoroquinolone: ['ciprofloxacin', 'levofloxacin'],
  tetracycline: ['doxycycline', 'tetracycline', 'minocycline'],
  analgesic_antipyretic: ['paracetamol'],
  azole_antifungal: ['fluconazole', 'ketoconazole', 'itraconazole', 'posaconazole', 'voriconazole'],
  nitroimidazole: ['metronidazole'],
  endocrine_therapy: ['tamoxifen', 'letrozole', 'anastrozole'],
  aspirin: ['aspirin'],
  ssri_extra: ['fluoxetine', 'fluvoxamine'],
  targeted_cancer_therapy: [
    'osimertinib',
    'alectinib',
    'dabrafenib',
    'trametinib',
    'encorafenib',
    'cetuximab',
    'sotorasib',
    'adagrasib',
    'trastuzumab',
    'pertuzumab',
    'olaparib',
    'alpelisib',
    'fulvestrant',
  ],
};

/** Other names clinicians and RxNorm use for the same ingredient (US name -> catalog name). */
const synonyms: Readonly<Record<string, string>> = {
  acetaminophen: 'paracetamol',
  albuterol: 'salbutamol',
  glibenclamide: 'glyburide',
  cefalexin: 'cephalexin',
};

const classesByDrug = new Map<string, Set<string>>();
function add(drug: string, cls: string): void {
  const set = classesByDrug.get(drug) ?? new Set<string>();
  set.add(cls);
  classesByDrug.set(drug, set);
}
for (const m of medicationClasses) for (const drug of m.ingredients) add(drug, m.key);
for (const [cls, drugs] of Object.entries(extraClasses)) for (const drug of drugs) add(drug, cls);
// fluoxetine and fluvoxamine are SSRIs (N06AB03/08) missing from the feature spec's list.
for (const drug of extraClasses.ssri_extra!) add(drug, 'ssri');
classesByDrug.get('fluoxetine')?.delete('ssri_extra');
classesByDrug.get('fluvoxamine')?.delete('ssri_extra');

const known = [...classesByDrug.keys(), ...Object.keys(synonyms)].sort(
  (a, b) => b.length - a.length,
);
const ingredientPattern = new RegExp(`\\b(${known.join('|')})\\b`, 'gi');

/** Canonical catalog name of an ingredient (synonyms resolved, lower case). */
export function canonicalDrug(name: string): string {
  const lower = name.toLowerCase();
  return synonyms[lower] ?? lower;
}

/** The therapeutic classes of an ingredient (empty for an unknown one). */
export function classesOf(drug: string): string[] {
  return [...(classesByDrug.get(canonicalDrug(drug)) ?? [])].sort();
}

/** True when the ingredient is in `cls`. */
export function inClass(drug: string, cls: string): boolean {
  return classesByDrug.get(canonicalDrug(drug))?.has(cls) ?? false;
}

/** Every catalog ingredient named (as a whole word) in a medication's name or text, de-duplicated. */
export function ingredientsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(ingredientPattern)) found.add(canonicalDrug(match[1]!));
  // Trimethoprim named with sulfamethoxazole (co-trimoxazole) carries both ingredients.
  if (/co-?trimoxazole/i.test(text)) found.add('sulfamethoxazole').add('trimethoprim');
  return [...found].sort();
}

/** Every ingredient the catalog knows (for property tests and documentation). */
export function catalogDrugs(): string[] {
  return [...classesByDrug.keys()].sort();
}
