// Domain (nlp/relations): the clinical knowledge relation rules lean on: the symptoms each disease
// typically presents with (NICE Clinical Knowledge Summaries 2024 topic pages: heart failure, angina/MI,
// atrial fibrillation, stroke/TIA, diabetes type 1 and 2, CKD, depression, generalised anxiety, asthma,
// COPD, lung/breast/colorectal cancer recognition NG12, DVT, otitis media, ADHD, atopic eczema) and
// well-documented drug-drug interactions (FDA-approved labelling, Drug Interactions sections, and the
// CPIC/FDA clopidogrel-omeprazole warning).
import { conceptId } from '../vocabulary/define';

const s = (term: string) => conceptId('Symptom', term);
const d = (term: string) => conceptId('Disease', term);

// prettier-ignore
const presentations: Record<string, string[]> = {
  'heart failure': ['shortness of breath', 'orthopnea', 'edema', 'fatigue', 'cough'],
  'myocardial infarction': ['chest pain', 'diaphoresis', 'nausea', 'shortness of breath'],
  'coronary artery disease': ['chest pain', 'shortness of breath', 'fatigue'],
  'acute coronary syndrome': ['chest pain', 'diaphoresis', 'nausea', 'shortness of breath'],
  'atrial fibrillation': ['palpitations', 'dizziness', 'fatigue', 'shortness of breath'],
  stroke: ['weakness', 'slurred speech', 'aphasia', 'dizziness', 'headache'],
  hypertension: ['headache', 'dizziness'],
  'type 2 diabetes': ['polyuria', 'polydipsia', 'fatigue'],
  'type 1 diabetes': ['polyuria', 'polydipsia', 'weight loss', 'fatigue'],
  prediabetes: ['fatigue'],
  'chronic kidney disease': ['fatigue', 'edema', 'loss of appetite'],
  obesity: ['fatigue', 'joint pain'],
  depression: ['low mood', 'anhedonia', 'insomnia', 'fatigue', 'poor concentration', 'loss of appetite'],
  'generalized anxiety disorder': ['insomnia', 'palpitations', 'poor concentration', 'fatigue'],
  asthma: ['wheezing', 'cough', 'shortness of breath'],
  'chronic obstructive pulmonary disease': ['shortness of breath', 'productive cough', 'wheezing'],
  'breast cancer': ['breast lump', 'fatigue', 'weight loss'],
  'non-small cell lung cancer': ['cough', 'hemoptysis', 'weight loss', 'shortness of breath', 'fatigue'],
  'lung cancer': ['cough', 'hemoptysis', 'weight loss', 'shortness of breath', 'fatigue'],
  'colorectal cancer': ['blood in stool', 'abdominal pain', 'weight loss', 'fatigue'],
  'deep vein thrombosis': ['leg pain', 'edema'],
  'pulmonary embolism': ['shortness of breath', 'chest pain', 'hemoptysis'],
  pneumonia: ['cough', 'fever', 'shortness of breath', 'productive cough'],
  'otitis media': ['ear pain', 'fever', 'nasal congestion', 'cough'],
  'attention deficit hyperactivity disorder': ['poor concentration'],
  'atopic dermatitis': ['itching', 'rash'],
};

/** Disease concept id -> the symptom concept ids it typically presents with. */
export const typicalSymptoms: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(presentations).map(([disease, list]) => [d(disease), new Set(list.map(s))]),
);

/**
 * Symptoms of `presentations` that a disease shows only in its severe form, not as it usually
 * presents: hypertension is usually without symptoms, and headache and dizziness come with very high
 * blood pressure (WHO fact sheet "Hypertension", 16 March 2023: most people with hypertension feel
 * no symptoms; very high blood pressure, usually 180/120 mmHg or more, can cause severe headache,
 * dizziness, blurred vision and chest pain; NHS "High blood pressure (hypertension): symptoms"). They
 * stay typical for associated_with; the adverse-effect guard (relations.ts indicationRelated) reads
 * them as pointing at the indication only when it is named in the symptom's sentence, for a drug
 * whose label lists the symptom.
 */
// prettier-ignore
const severePresentations: Record<string, string[]> = {
  hypertension: ['headache', 'dizziness'],
};

/** Disease concept id -> the symptom concept ids it presents with only when severe. */
export const severeOnlySymptoms: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(severePresentations).map(([disease, list]) => [d(disease), new Set(list.map(s))]),
);

const c = (term: string) => conceptId('Chemical', term);

// prettier-ignore
const interactionPairs: [string, string, string][] = [
  ['warfarin', 'aspirin', 'bleeding (warfarin USPI 7)'],
  ['warfarin', 'amiodarone', 'raised INR (warfarin USPI 7; amiodarone USPI 7)'],
  ['warfarin', 'clopidogrel', 'bleeding (clopidogrel USPI 7)'],
  ['clopidogrel', 'omeprazole', 'reduced clopidogrel activation via CYP2C19 (clopidogrel USPI boxed warning)'],
  ['simvastatin', 'amiodarone', 'myopathy; simvastatin max 20 mg (simvastatin USPI 2.3)'],
  ['simvastatin', 'diltiazem', 'myopathy (simvastatin USPI 7)'],
  ['lisinopril', 'spironolactone', 'hyperkalaemia (spironolactone USPI 7)'],
  ['lisinopril', 'potassium chloride', 'hyperkalaemia (lisinopril USPI 7)'],
  ['sertraline', 'tramadol', 'serotonin syndrome (tramadol USPI 7)'],
  ['fluoxetine', 'tramadol', 'serotonin syndrome (tramadol USPI 7)'],
  ['digoxin', 'amiodarone', 'raised digoxin (digoxin USPI 7)'],
  ['nitroglycerin', 'sildenafil', 'hypotension (sildenafil USPI 4)'],
  ['methotrexate', 'ibuprofen', 'methotrexate toxicity (methotrexate USPI 7)'],
  ['lithium', 'hydrochlorothiazide', 'lithium toxicity (lithium USPI 7)'],
];

/** Unordered drug pairs with a documented interaction: "idA|idB" (sorted) -> the effect and source. */
export const knownInteractions: ReadonlyMap<string, string> = new Map(
  interactionPairs.map(([a, b, why]) => [[c(a), c(b)].sort().join('|'), why]),
);
