// Domain (nlp/vocabulary): diseases that are episodes rather than lasting conditions. "History of X"
// makes an episode historical; a chronic condition named after "history of" is still present (the CMS
// Chronic Conditions Data Warehouse 2024 condition categories are lasting conditions; acute events such
// as MI, stroke and VTE are recorded as past events once resolved).
import { conceptId } from './define';

// prettier-ignore
export const acuteConditions: ReadonlySet<string> = new Set(
  [
    'myocardial infarction', 'acute coronary syndrome', 'stroke', 'transient ischemic attack',
    'intracerebral hemorrhage', 'deep vein thrombosis', 'pulmonary embolism', 'venous thromboembolism',
    'thrombosis', 'pneumonia', 'urinary tract infection', 'sepsis', 'influenza', 'COVID-19',
    'otitis media', 'bronchiolitis', 'croup', 'febrile seizure', 'acute kidney injury',
    'cardiac arrest', 'diabetic ketoacidosis', 'pancreatitis', 'hemorrhage', 'gastrointestinal bleeding', 'seizure', 'status epilepticus',
    'delirium', 'rhabdomyolysis', 'shock', 'hypoglycemia', 'hyperkalemia', 'hypokalemia',
    'hyponatremia', 'Kawasaki disease', 'drug-induced liver injury', 'Stevens-Johnson syndrome',
    'acute respiratory distress syndrome', 'acute respiratory failure', 'pneumothorax',
    'acute cholecystitis', 'appendicitis', 'acute liver failure', 'acute pyelonephritis',
    'acute interstitial nephritis', 'acute bronchitis', 'gastroenteritis', 'cellulitis', 'meningitis',
    'encephalitis', 'infective endocarditis', 'bacteremia', 'cardiogenic shock',
    'ventricular tachycardia', 'ventricular fibrillation', 'aortic dissection',
    'subarachnoid hemorrhage', 'hypertensive emergency', 'pre-eclampsia', 'eclampsia',
    'drug reaction with eosinophilia and systemic symptoms', 'neuroleptic malignant syndrome',
    'serotonin syndrome', 'tumor lysis syndrome', 'heparin-induced thrombocytopenia', 'concussion',
  ].map((term) => conceptId('Disease', term)),
);
