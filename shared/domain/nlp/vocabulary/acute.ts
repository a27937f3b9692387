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
    'acute systolic heart failure', 'acute diastolic heart failure', 'acute decompensated heart failure',
    'type 2 myocardial infarction', 'myocardial infarction with nonobstructive coronary arteries',
    'spontaneous coronary artery dissection', 'type a aortic dissection', 'type b aortic dissection',
    'acute limb ischemia', 'hypertensive crisis', 'acute tubular necrosis', 'renal infarction',
    'alcoholic ketoacidosis', 'hyperosmolar hyperglycemic state', 'euglycemic diabetic ketoacidosis',
    'thyroid storm', 'adrenal crisis', 'acute blood loss anemia', 'sickle cell crisis',
    'acute chest syndrome', 'neutropenic sepsis', 'severe sepsis', 'neonatal sepsis',
    'toxic shock syndrome', 'transfusion-related acute lung injury', 'alcohol withdrawal seizure',
    'first unprovoked seizure', 'breakthrough seizure', 'intentional overdose', 'acute dystonia',
    'myasthenic crisis', 'manic episode', 'major depressive episode', 'acute subdural hematoma',
    'intracranial hemorrhage', 'cerebral venous sinus thrombosis', 'spinal cord infarction',
    'brain abscess', 'spinal epidural abscess', 'liver abscess', 'peritonsillar abscess', 'abscess',
    'skin abscess', 'acute rheumatic fever', 'upper respiratory tract infection',
    'lower respiratory tract infection', 'acute sinusitis', 'bacterial pneumonia', 'viral pneumonia',
    'rsv pneumonia', 'covid-19 pneumonia', 'ventilator-associated pneumonia',
    'hospital-acquired pneumonia', 'pneumocystis pneumonia', 'food poisoning',
    'clostridioides difficile infection',
  ].map((term) => conceptId('Disease', term)),
);
