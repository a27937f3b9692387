// Test support (synth/notes): tables behind the note fixtures: medications per condition (RxNorm codes as
// RxNav lists them), allergies, tumour findings and the fixture patients' names.
import { systems, type ConditionKey } from '../catalog';
import type { Genome, TrueAllergy, TrueMedication } from '../model';

type MedicationTemplate = Omit<
  TrueMedication,
  'start' | 'end' | 'adherence' | 'dispense' | 'indication'
>;

const daily = { frequency: 1, period: 1, periodUnit: 'd' } as const;
const twice = { frequency: 2, period: 1, periodUnit: 'd' } as const;

function med(
  key: string,
  code: string,
  display: string,
  dose: [number, string],
  route: TrueMedication['route'],
  timing?: TrueMedication['timing'],
  asNeeded?: boolean,
): MedicationTemplate {
  const [value, unit] = dose;
  const doseText = unit === 'mg' ? `${value} mg` : `${value} ${unit}`;
  return {
    key,
    rxnorm: { system: systems.rxnorm, code, display },
    doseText,
    doseQuantity: { value, unit },
    route,
    timing,
    asNeeded,
  };
}

// prettier-ignore
export const medicationsFor: Readonly<Partial<Record<ConditionKey, readonly MedicationTemplate[]>>> = {
  hypertension: [
    med('lisinopril-10', '314076', 'lisinopril 10 MG Oral Tablet', [10, 'mg'], 'oral', { ...daily, when: ['MORN'] }),
    med('amlodipine-5', '197361', 'amlodipine 5 MG Oral Tablet', [5, 'mg'], 'oral', daily),
    med('hydrochlorothiazide-25', '310798', 'hydrochlorothiazide 25 MG Oral Tablet', [25, 'mg'], 'oral', daily),
  ],
  'type2-diabetes': [
    med('metformin-er-500', '860975', '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet', [500, 'mg'], 'oral', { ...twice, when: ['CM', 'CV'] }),
    med('empagliflozin-10', '1545658', 'empagliflozin 10 MG Oral Tablet', [10, 'mg'], 'oral', daily),
  ],
  prediabetes: [med('metformin-500', '861007', 'metformin hydrochloride 500 MG Oral Tablet', [500, 'mg'], 'oral', daily)],
  hyperlipidaemia: [
    med('atorvastatin-20', '617310', 'atorvastatin 20 MG Oral Tablet', [20, 'mg'], 'oral', daily),
    med('simvastatin-20', '312961', 'Simvastatin 20 MG Oral Tablet', [20, 'mg'], 'oral', { ...daily, when: ['HS'] }),
  ],
  'coronary-disease': [med('aspirin-81', '243670', 'aspirin 81 MG Oral Tablet', [81, 'mg'], 'oral', daily)],
  'myocardial-infarction': [med('clopidogrel-75', '309362', 'clopidogrel 75 MG Oral Tablet', [75, 'mg'], 'oral', daily)],
  'heart-failure': [
    med('furosemide-40', '313988', 'furosemide 40 MG Oral Tablet', [40, 'mg'], 'oral', daily),
    med('metoprolol-succinate-25', '866427', '24 HR metoprolol succinate 25 MG Extended Release Oral Tablet', [25, 'mg'], 'oral', daily),
    med('sacubitril-valsartan-49-51', '1656349', 'sacubitril 49 MG / valsartan 51 MG Oral Tablet', [1, 'tablet'], 'oral', twice),
  ],
  'atrial-fibrillation': [med('apixaban-5', '1364445', 'apixaban 5 MG Oral Tablet', [5, 'mg'], 'oral', twice)],
  'deep-vein-thrombosis': [med('apixaban-5', '1364445', 'apixaban 5 MG Oral Tablet', [5, 'mg'], 'oral', twice)],
  stroke: [med('clopidogrel-75', '309362', 'clopidogrel 75 MG Oral Tablet', [75, 'mg'], 'oral', daily)],
  asthma: [
    med('albuterol-hfa', '745679', '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', [2, 'puffs'], 'inhaled', { frequency: 1, period: 4, periodUnit: 'h' }, true),
    med('fluticasone-44', '896188', 'fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler', [2, 'puffs'], 'inhaled', twice),
  ],
  copd: [med('tiotropium-18', '485032', 'tiotropium 0.018 MG Inhalation Powder', [1, 'capsule'], 'inhaled', daily)],
  depression: [med('sertraline-50', '312940', 'sertraline 50 MG Oral Tablet', [50, 'mg'], 'oral', daily)],
  anxiety: [med('escitalopram-10', '349332', 'escitalopram 10 MG Oral Tablet', [10, 'mg'], 'oral', daily)],
  adhd: [med('methylphenidate-18', '1091170', '24 HR methylphenidate hydrochloride 18 MG Extended Release Oral Tablet', [18, 'mg'], 'oral', { ...daily, when: ['MORN'] })],
  'otitis-media': [med('amoxicillin-400', '308189', 'amoxicillin 80 MG/ML Oral Suspension', [400, 'mg'], 'oral', twice)],
  'atopic-dermatitis': [med('hydrocortisone-1', '106258', 'hydrocortisone 10 MG/ML Topical Cream', [1, 'application'], 'topical', twice)],
  'type1-diabetes': [med('insulin-glargine', '261551', 'insulin glargine 100 UNT/ML Injectable Solution', [18, 'U'], 'subcutaneous', { ...daily, when: ['HS'] })],
  'breast-cancer': [med('tamoxifen-20', '198240', 'tamoxifen 20 MG Oral Tablet', [20, 'mg'], 'oral', daily)],
  'lung-cancer': [med('osimertinib-80', '1721581', 'osimertinib 80 MG Oral Tablet', [80, 'mg'], 'oral', daily)],
  'colorectal-cancer': [med('capecitabine-500', '200328', 'capecitabine 500 MG Oral Tablet', [1000, 'mg'], 'oral', twice)],
};

// prettier-ignore
export const allergyOptions: readonly TrueAllergy[] = [
  { substance: { system: systems.rxnorm, code: '70618', display: 'Penicillin' }, category: 'medication', reaction: { system: systems.snomed, code: '126485001', display: 'Urticaria' }, criticality: 'high' },
  { substance: { system: systems.rxnorm, code: '10180', display: 'Sulfamethoxazole' }, category: 'medication', reaction: { system: systems.snomed, code: '271807003', display: 'Eruption of skin' }, criticality: 'low' },
  { substance: { system: systems.snomed, code: '256349002', display: 'Peanut' }, category: 'food', reaction: { system: systems.snomed, code: '39579001', display: 'Anaphylaxis' }, criticality: 'high' },
];

/** Tumour findings per cancer: [tumour entry, somatic call]. Coordinates GRCh38. */
// prettier-ignore
export const tumourFor: Readonly<Partial<Record<ConditionKey, Genome>>> = {
  'lung-cancer': {
    diplotypes: [],
    variants: [{ chrom: 'chr7', pos: 55191822, id: 'rs121434568', ref: 'T', alt: 'G', genotype: '0/1', gene: 'EGFR', somatic: { vaf: 0.31, hgvsp: 'p.Leu858Arg' } }],
    tumour: [{ gene: 'EGFR', alteration: 'L858R', kind: 'snv' }],
  },
  'breast-cancer': { diplotypes: [], variants: [], tumour: [{ gene: 'ERBB2', alteration: 'amplification', kind: 'amplification' }] },
  'colorectal-cancer': {
    diplotypes: [],
    variants: [{ chrom: 'chr12', pos: 25245350, id: 'rs121913529', ref: 'C', alt: 'T', genotype: '0/1', gene: 'KRAS', somatic: { vaf: 0.27, hgvsp: 'p.Gly12Asp' } }],
    tumour: [{ gene: 'KRAS', alteration: 'G12D', kind: 'snv' }, { gene: 'ALK', alteration: 'fusion', kind: 'fusion' }],
  },
};

// prettier-ignore
export const fixtureGiven = {
  female: ['Wilhelmina', 'Rosalba', 'Henrietta', 'Marguerite', 'Philippa', 'Anastasia', 'Lucrezia', 'Evangeline', 'Gwendolyn', 'Ottilie'],
  male: ['Bartholomew', 'Cornelius', 'Ezekiel', 'Lysander', 'Maximilian', 'Fitzgerald', 'Barnaby', 'Leopoldo', 'Ambrose', 'Cuthbert'],
};
// prettier-ignore
export const fixtureFamily = ['Vanderbilt', 'Okafor', 'Lindholm', 'Castellano', 'Marchetti', 'Wainwright', 'Ferreira', 'Haddad', 'Kuznetsov', 'Takahashi', 'Oyelaran', 'Brannigan'];
