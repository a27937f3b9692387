// Domain (kg/seed): curated indications (drug treats disease). Each row names its source: the US FDA
// prescribing information (Indications and Usage section, as on DailyMed 2024) and, where the
// drug is a guideline-recommended therapy, the guideline and year.
import type { DiseaseKey, DrugKey } from './concepts';

export type IndicationRow = readonly [drug: DrugKey, disease: DiseaseKey, source: string];

const FDA = 'FDA label, Indications and Usage';
const HTN = `${FDA}; ACC/AHA 2017 high blood pressure guideline`;
const HF = `${FDA}; AHA/ACC/HFSA 2022 heart failure guideline`;
const AF = `${FDA}; ACC/AHA/ACCP/HRS 2023 atrial fibrillation guideline`;
const LIPID = `${FDA}; ACC/AHA 2018 blood cholesterol guideline`;
const ACS = `${FDA}; ACC/AHA 2025 acute coronary syndromes guideline`;
const VTE = `${FDA}; CHEST 2021 antithrombotic therapy for VTE guideline`;
const DM = `${FDA}; ADA Standards of Care in Diabetes 2024, section 9`;
const MDD = `${FDA}; APA practice guideline for major depressive disorder, 3rd ed. 2010`;
const PSY = `${FDA}; APA practice guideline for schizophrenia, 3rd ed. 2020`;
const ADHD = `${FDA}; AAP 2019 ADHD clinical practice guideline`;
const ASTHMA = `${FDA}; GINA 2024 report`;
const GOUT = `${FDA}; ACR 2020 gout management guideline`;
const AOM = `${FDA}; AAP 2013 acute otitis media guideline`;
const TB = `${FDA}; ATS/CDC/IDSA 2016 drug-susceptible tuberculosis guideline`;

// prettier-ignore
export const indications: readonly IndicationRow[] = [
  ['lisinopril', 'hypertension', HTN], ['lisinopril', 'hf', HF], ['lisinopril', 'mi', FDA],
  ['enalapril', 'hypertension', HTN], ['enalapril', 'hf', HF],
  ['ramipril', 'hypertension', HTN], ['ramipril', 'mi', FDA], ['ramipril', 'stroke', 'FDA label (reduction in risk of MI, stroke, death)'],
  ['losartan', 'hypertension', HTN], ['losartan', 'ckd', 'FDA label (diabetic nephropathy)'],
  ['valsartan', 'hypertension', HTN], ['valsartan', 'hf', HF],
  ['sacubitrilValsartan', 'hf', HF],
  ['amlodipine', 'hypertension', HTN], ['amlodipine', 'cad', FDA], ['amlodipine', 'angina', FDA],
  ['diltiazem', 'hypertension', HTN], ['diltiazem', 'angina', FDA], ['diltiazem', 'af', AF],
  ['verapamil', 'hypertension', HTN], ['verapamil', 'angina', FDA], ['verapamil', 'af', AF],
  ['metoprolol', 'hypertension', HTN], ['metoprolol', 'hf', HF], ['metoprolol', 'angina', FDA], ['metoprolol', 'mi', FDA], ['metoprolol', 'af', AF],
  ['carvedilol', 'hf', HF], ['carvedilol', 'hypertension', HTN], ['carvedilol', 'mi', FDA],
  ['hydrochlorothiazide', 'hypertension', HTN],
  ['furosemide', 'hf', HF], ['furosemide', 'ckd', 'FDA label (edema of renal disease)'], ['furosemide', 'hypertension', FDA],
  ['spironolactone', 'hf', HF], ['spironolactone', 'hypertension', HTN],
  ['digoxin', 'hf', HF], ['digoxin', 'af', AF],
  ['amiodarone', 'af', 'ACC/AHA/ACCP/HRS 2023 atrial fibrillation guideline (off-label rhythm control)'],
  ['nitroglycerin', 'angina', FDA],
  ['aspirin', 'mi', ACS], ['aspirin', 'cad', 'ACC/AHA 2019 primary prevention / 2023 chronic coronary disease guidelines'], ['aspirin', 'stroke', 'AHA/ASA 2021 secondary stroke prevention guideline'],
  ['clopidogrel', 'acs', ACS], ['clopidogrel', 'mi', FDA], ['clopidogrel', 'stroke', FDA],
  ['ticagrelor', 'acs', ACS], ['ticagrelor', 'mi', FDA],
  ['prasugrel', 'acs', ACS],
  ['warfarin', 'af', AF], ['warfarin', 'dvt', VTE], ['warfarin', 'pe', VTE],
  ['apixaban', 'af', AF], ['apixaban', 'dvt', VTE], ['apixaban', 'pe', VTE],
  ['rivaroxaban', 'af', AF], ['rivaroxaban', 'dvt', VTE], ['rivaroxaban', 'pe', VTE], ['rivaroxaban', 'cad', FDA],
  ['heparin', 'dvt', VTE], ['heparin', 'pe', VTE],
  ['atorvastatin', 'hyperlipidemia', LIPID], ['atorvastatin', 'cad', LIPID],
  ['simvastatin', 'hyperlipidemia', LIPID], ['simvastatin', 'cad', LIPID],
  ['rosuvastatin', 'hyperlipidemia', LIPID], ['rosuvastatin', 'cad', LIPID],
  ['pravastatin', 'hyperlipidemia', LIPID], ['pravastatin', 'cad', LIPID],
  ['ezetimibe', 'hyperlipidemia', LIPID],
  ['gemfibrozil', 'hyperlipidemia', FDA],
  ['metformin', 't2dm', DM],
  ['insulinGlargine', 't2dm', DM], ['insulinGlargine', 't1dm', 'FDA label; ADA Standards of Care in Diabetes 2024, section 9'],
  ['glipizide', 't2dm', DM], ['glyburide', 't2dm', DM], ['pioglitazone', 't2dm', DM], ['sitagliptin', 't2dm', DM],
  ['empagliflozin', 't2dm', DM], ['empagliflozin', 'hf', HF], ['empagliflozin', 'ckd', `${FDA}; KDIGO 2024 CKD guideline`],
  ['dapagliflozin', 't2dm', DM], ['dapagliflozin', 'hf', HF], ['dapagliflozin', 'ckd', `${FDA}; KDIGO 2024 CKD guideline`],
  ['liraglutide', 't2dm', DM], ['liraglutide', 'obesity', 'FDA label (Saxenda)'],
  ['semaglutide', 't2dm', DM], ['semaglutide', 'obesity', 'FDA label (Wegovy)'],
  ['levothyroxine', 'hypothyroidism', `${FDA}; ATA 2014 hypothyroidism guideline`],
  ['allopurinol', 'gout', GOUT], ['allopurinol', 'hyperuricemia', FDA],
  ['colchicine', 'gout', GOUT],
  ['sertraline', 'mdd', MDD], ['citalopram', 'mdd', MDD], ['escitalopram', 'mdd', MDD], ['escitalopram', 'gad', FDA],
  ['fluoxetine', 'mdd', MDD], ['paroxetine', 'mdd', MDD], ['paroxetine', 'gad', FDA],
  ['venlafaxine', 'mdd', MDD], ['venlafaxine', 'gad', FDA], ['bupropion', 'mdd', MDD],
  ['amitriptyline', 'mdd', FDA], ['nortriptyline', 'mdd', FDA], ['phenelzine', 'mdd', FDA],
  ['lithium', 'bipolar', `${FDA}; CANMAT/ISBD 2018 bipolar disorder guideline`],
  ['quetiapine', 'schizophrenia', PSY], ['quetiapine', 'bipolar', FDA],
  ['olanzapine', 'schizophrenia', PSY], ['olanzapine', 'bipolar', FDA],
  ['risperidone', 'schizophrenia', PSY], ['risperidone', 'bipolar', FDA],
  ['aripiprazole', 'schizophrenia', PSY], ['aripiprazole', 'bipolar', FDA], ['aripiprazole', 'mdd', 'FDA label (adjunct in MDD)'],
  ['haloperidol', 'schizophrenia', PSY], ['clozapine', 'schizophrenia', 'FDA label (treatment-resistant schizophrenia)'],
  ['methylphenidate', 'adhd', ADHD], ['atomoxetine', 'adhd', ADHD],
  ['lamotrigine', 'epilepsy', FDA], ['lamotrigine', 'bipolar', FDA],
  ['valproate', 'epilepsy', FDA], ['valproate', 'bipolar', FDA],
  ['carbamazepine', 'epilepsy', FDA], ['oxcarbazepine', 'epilepsy', FDA], ['phenytoin', 'epilepsy', FDA],
  ['codeine', 'pain', FDA], ['tramadol', 'pain', FDA], ['morphine', 'pain', FDA],
  ['ibuprofen', 'pain', FDA], ['ibuprofen', 'rheumatoidArthritis', FDA], ['celecoxib', 'rheumatoidArthritis', FDA], ['celecoxib', 'pain', FDA],
  ['acetaminophen', 'pain', 'FDA OTC monograph (analgesic)'],
  ['ondansetron', 'vomiting', FDA],
  ['omeprazole', 'gerd', `${FDA}; ACG 2022 GERD guideline`], ['lansoprazole', 'gerd', FDA], ['pantoprazole', 'gerd', FDA], ['dexlansoprazole', 'gerd', FDA],
  ['albuterol', 'asthma', ASTHMA], ['albuterol', 'copd', `${FDA}; GOLD 2024 report`],
  ['montelukast', 'asthma', ASTHMA], ['fluticasone', 'asthma', ASTHMA],
  ['tamoxifen', 'breastCancer', FDA], ['letrozole', 'breastCancer', FDA], ['anastrozole', 'breastCancer', FDA],
  ['trastuzumab', 'breastCancer', 'FDA label (HER2-overexpressing breast cancer)'],
  ['imatinib', 'cml', 'FDA label (Ph+ CML)'], ['imatinib', 'all', 'FDA label (Ph+ ALL)'],
  ['fluorouracil', 'colorectalCancer', FDA], ['fluorouracil', 'breastCancer', FDA],
  ['capecitabine', 'colorectalCancer', FDA], ['capecitabine', 'breastCancer', FDA],
  ['irinotecan', 'colorectalCancer', FDA], ['cisplatin', 'nsclc', 'FDA label; NCCN NSCLC (platinum doublet)'],
  ['doxorubicin', 'breastCancer', FDA], ['doxorubicin', 'all', FDA],
  ['cyclophosphamide', 'breastCancer', FDA], ['cyclophosphamide', 'nhl', FDA],
  ['methotrexate', 'all', FDA], ['methotrexate', 'rheumatoidArthritis', `${FDA}; ACR 2021 RA guideline`],
  ['mercaptopurine', 'all', FDA], ['azathioprine', 'rheumatoidArthritis', FDA], ['azathioprine', 'graftRejection', 'FDA label (renal homotransplantation)'],
  ['rituximab', 'nhl', FDA], ['rituximab', 'rheumatoidArthritis', FDA],
  ['tacrolimus', 'graftRejection', 'FDA label (prophylaxis of organ rejection)'],
  ['abacavir', 'hiv', FDA], ['efavirenz', 'hiv', FDA], ['atazanavir', 'hiv', FDA],
  ['voriconazole', 'aspergillosis', FDA],
  ['rifampin', 'tuberculosis', TB], ['isoniazid', 'tuberculosis', TB],
  ['amoxicillin', 'otitisMedia', AOM], ['ceftriaxone', 'otitisMedia', AOM],
  ['rasburicase', 'hyperuricemia', 'FDA label (plasma uric acid in tumour lysis)'],
  ['primaquine', 'malaria', 'FDA label (P. vivax radical cure)'], ['dapsone', 'leprosy', FDA],
  ['ivacaftor', 'cysticFibrosis', 'FDA label (CFTR gating mutations)'],
  ['hydrocortisone', 'atopicDermatitis', 'FDA label (topical corticosteroid-responsive dermatoses)'],
];
