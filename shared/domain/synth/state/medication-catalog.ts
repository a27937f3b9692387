// Domain (synth/state): the medicine catalog's shape and where codes were checked; the entries live in
// cardiometabolic-drugs.ts and other-drugs.ts. RxNorm clinical drugs (SCD), names in current RxNorm style.
import type { TrueMedication } from '../model';

export type DrugClass =
  | 'ace-inhibitor'
  | 'arb'
  /** Angiotensin receptor-neprilysin inhibitor (sacubitril/valsartan): RAS blockade with ACEi and ARB. */
  | 'arni'
  | 'calcium-channel-blocker'
  | 'thiazide'
  | 'beta-blocker'
  | 'loop-diuretic'
  | 'statin'
  | 'biguanide'
  | 'sulfonylurea'
  | 'insulin'
  | 'anticoagulant'
  | 'antiplatelet'
  | 'mineralocorticoid-receptor-antagonist'
  | 'sglt2-inhibitor'
  | 'glp1-receptor-agonist'
  | 'ssri'
  | 'short-acting-beta-agonist'
  | 'inhaled-corticosteroid'
  | 'stimulant'
  | 'endocrine-therapy'
  | 'egfr-tyrosine-kinase-inhibitor'
  | 'fluoropyrimidine'
  /** Anti-HER2 monoclonal antibody (trastuzumab), infused. */
  | 'her2-antibody'
  | 'proton-pump-inhibitor'
  | 'opioid-analgesic'
  | 'antibiotic'
  | 'topical-corticosteroid';

export interface CatalogDrug {
  rxcui: string;
  display: string;
  drugClass: DrugClass;
  route: TrueMedication['route'];
  /** Strength of one dose unit, e.g. 10 mg per tablet, 80 mg per mL, 0.09 mg per actuation. */
  strength: { value: number; unit: string };
  /** A combination product's dose per unit as labelled ("49/51 mg"), where `strength` names one ingredient. */
  doseLabel?: string;
  /**
   * What one dose unit is called in doseQuantity. Pen injectors dose in mg of drug ("semaglutide 1 mg
   * subcutaneously once weekly"), as prescribers write them; their strength is then 1 mg per mg.
   */
  doseUnit: 'tablet' | 'capsule' | 'mL' | 'puff' | 'U' | 'application' | 'mg';
  /**
   * A pen injector: mL of solution per pen at mgPerMl (the RxNorm name's volume and concentration), and
   * pens per dispensed pack. Fills are whole packs, their quantity in mL (the NCPDP billing unit of pens).
   */
  pen?: { mL: number; mgPerMl: number; perPack: number };
  /** Where the code and name were checked (see the report of the synth state work). */
  checked: string;
  /** Fractional LDL-C lowering at full adherence (statins; Law MR et al. BMJ 2003;326:1423, Table 2). */
  ldlLowering?: number;
}

export const openFda = 'openFDA NDC directory: a single-strength product maps to this RXCUI';
export const syntheaBundle = 'Synthea R4 bundles in shared/data (MedicationRequest coding)';
export const syntheaCosts =
  'Synthea src/main/resources/costs/medications.csv (RxNorm code and name)';
