// Domain (nlp/relations/adverse): well-established adverse effects of drugs and chemicals (see index.ts).
// This file: cardiovascular, blood and haematology, diabetes, endocrine and metabolic, renal and
// electrolyte, respiratory and gastrointestinal drugs.
import type { AdverseEffectRow } from './types';

const BW_WP = 'Boxed Warning; Warnings and Precautions';
const WP_AR = 'Warnings and Precautions; Adverse Reactions';
const BW_WP_AR = 'Boxed Warning; Warnings and Precautions; Adverse Reactions';
const BNF = 'BNF: side-effects (common/serious)';
const GG = "Goodman & Gilman's The Pharmacological Basis of Therapeutics, 14th ed.";

// Shared effect lists of drug classes (each row's label lists them).
const ACEI =
  'angioedema|ACE inhibitor-induced angioedema|cough|ACE inhibitor-induced cough|hypotension|hyperkalemia|acute kidney injury|teratogenicity|oligohydramnios|cholestasis';
const ARB =
  'hypotension|hyperkalemia|acute kidney injury|angioedema|teratogenicity|oligohydramnios';
const STATIN =
  'myopathy|rhabdomyolysis|drug-induced myopathy|statin-associated muscle symptoms|myalgias|drug-induced liver injury|hyperglycemia|memory loss';
const LOOP =
  'hypokalemia|hyponatremia|hypomagnesemia|hypocalcemia|metabolic alkalosis|dehydration|hypovolemia|hypotension|hearing loss|tinnitus|hyperuricemia|gout|hyperglycemia';
const THIAZIDE =
  'hypokalemia|hyponatremia|hypomagnesemia|hypercalcemia|hyperuricemia|gout|hyperglycemia|hyperlipidemia|photosensitivity|pancreatitis';
const SU = 'hypoglycemia|weight gain|hemolytic anemia|cholestasis|neonatal hypoglycemia';
const GLIPTIN =
  'pancreatitis|hypersensitivity reaction|angioedema|Stevens-Johnson syndrome|joint pain|bullous pemphigoid|hypoglycemia';
const GLIFLOZIN =
  'diabetic ketoacidosis|euglycemic diabetic ketoacidosis|hypovolemia|hypotension|acute kidney injury|urosepsis|acute pyelonephritis|necrotizing fasciitis|vulvovaginal candidiasis|balanitis|urinary tract infection|hypoglycemia';
const GLP1 =
  'medullary thyroid cancer|pancreatitis|cholelithiasis|cholecystitis|acute kidney injury|hypoglycemia|nausea|vomiting|diarrhea';
const INSULIN =
  'hypoglycemia|hypokalemia|weight gain|lipodystrophy|lipohypertrophy|injection site reaction|hypersensitivity reaction|edema';
// Hydrocortisone and cortisone are themselves replacement therapy for adrenal insufficiency, so
// that effect is listed only for the other glucocorticoids.
const GLUCOCORTICOID_CORE =
  'drug-induced Cushing syndrome|hyperglycemia|drug-induced diabetes|osteoporosis|glucocorticoid-induced osteoporosis|osteonecrosis|drug-induced myopathy|peptic ulcer disease|drug-induced glaucoma|drug-induced cataract|psychosis|hypertension|hypokalemia|growth suppression';
const GLUCOCORTICOID = `${GLUCOCORTICOID_CORE}|adrenal insufficiency`;
const INHALED_STEROID =
  'oral candidiasis|hoarseness|pneumonia|adrenal insufficiency|osteoporosis|growth suppression|glaucoma|cataract';
const BISPHOSPHONATE =
  'esophagitis|esophageal ulcer|pill esophagitis|dysphagia|hypocalcemia|musculoskeletal pain|osteonecrosis of the jaw|atypical femoral fracture|uveitis|scleritis';
const ESTROGEN =
  'endometrial cancer|endometrial hyperplasia|breast cancer|stroke|myocardial infarction|deep vein thrombosis|pulmonary embolism|venous thromboembolism|dementia|cholelithiasis|hypertriglyceridemia|pancreatitis';
const COC =
  'venous thromboembolism|deep vein thrombosis|pulmonary embolism|stroke|myocardial infarction|hypertension|cholelithiasis|cholestasis|hypertriglyceridemia|migraine|depression|metrorrhagia';
const ANABOLIC =
  'peliosis hepatis|hepatocellular carcinoma|cholestasis|hyperlipidemia|virilization|hirsutism|acne vulgaris|edema';
const PPI =
  'acute interstitial nephritis|Clostridioides difficile infection|bone fracture|hip fracture|cutaneous lupus erythematosus|systemic lupus erythematosus|hypomagnesemia|hypocalcemia|hypokalemia|vitamin B12 deficiency anemia';
const BETA_AGONIST =
  'tachycardia|palpitations|cardiac arrhythmia|hypokalemia|hyperglycemia|tremor|nervousness';
const ANTIMUSCARINIC_INHALED =
  'angle-closure glaucoma|urinary retention|xerostomia|blurred vision|hypersensitivity reaction';
const SEDATING_ANTIHISTAMINE =
  'somnolence|xerostomia|urinary retention|blurred vision|constipation|confusion';
const BETA_BLOCKER =
  'bradycardia|atrioventricular block|hypotension|bronchospasm|fatigue|dizziness|peripheral coldness|Raynaud phenomenon|erectile dysfunction';
const DHP_CCB = 'edema|flushing|headache|palpitations|dizziness|hypotension';
const ESA =
  'myocardial infarction|stroke|venous thromboembolism|thrombosis|heart failure|hypertension|hypertensive encephalopathy|seizure|pure red cell aplasia';
const THROMBOLYTIC =
  'hemorrhage|intracranial hemorrhage|gastrointestinal bleeding|cardiac arrhythmia|hypersensitivity reaction';
const DOAC =
  'hemorrhage|intracranial hemorrhage|gastrointestinal bleeding|epidural hematoma|anticoagulant-associated bleeding';
const LMWH =
  'epidural hematoma|hemorrhage|heparin-induced thrombocytopenia|thrombocytopenia|hyperkalemia|osteoporosis|hematoma';
const ALPHA_BLOCKER = 'hypotension|syncope|dizziness|palpitations|somnolence|priapism|edema';
const SETRON =
  'long QT syndrome|serotonin syndrome|constipation|headache|hypersensitivity reaction';
const FIBRATE = 'myopathy|rhabdomyolysis|cholelithiasis|drug-induced liver injury|pancreatitis';

// prettier-ignore
export const cardiometabolicAdverseEffects: readonly AdverseEffectRow[] = [
  // Antiarrhythmics
  ['amiodarone', 'pulmonary fibrosis|interstitial lung disease|amiodarone pulmonary toxicity|hypothyroidism|amiodarone-induced hypothyroidism|hyperthyroidism|amiodarone-induced thyrotoxicosis|drug-induced liver injury|bradycardia|atrioventricular block|torsades de pointes|optic neuropathy|peripheral neuropathy|photosensitivity|skin discoloration', `FDA label (amiodarone): ${BW_WP_AR}`],
  ['dronedarone', 'heart failure|stroke|drug-induced liver injury|interstitial lung disease|bradycardia|long QT syndrome|acute kidney injury', `FDA label (dronedarone): ${BW_WP}`],
  ['sotalol', 'long QT syndrome|torsades de pointes|bradycardia|atrioventricular block|heart failure|bronchospasm|hypotension', `FDA label (sotalol): ${BW_WP}`],
  ['dofetilide', 'long QT syndrome|torsades de pointes|ventricular tachycardia|ventricular fibrillation', `FDA label (dofetilide): ${BW_WP}`],
  ['ibutilide', 'torsades de pointes|long QT syndrome|ventricular tachycardia|atrioventricular block|bundle branch block|bradycardia|hypotension', `FDA label (ibutilide): ${BW_WP_AR}`],
  ['flecainide', 'ventricular fibrillation|heart failure|atrioventricular block|bradycardia|sinus pause|dizziness|blurred vision', `FDA label (flecainide): ${BW_WP_AR}`],
  ['propafenone', 'Brugada syndrome|heart failure|atrioventricular block|bradycardia|agranulocytosis|drug-induced lupus|dysgeusia', `FDA label (propafenone): ${BW_WP_AR}`],
  ['mexiletine', 'drug-induced liver injury|drug reaction with eosinophilia and systemic symptoms|seizure|tremor|ataxia|dizziness|nausea|vomiting|heartburn', `FDA label (mexiletine): ${BW_WP_AR}`],
  ['tocainide', 'pulmonary fibrosis|interstitial lung disease|agranulocytosis|aplastic anemia|tremor|dizziness|nausea', `FDA label (tocainide): ${BW_WP}`],
  ['encainide', 'ventricular fibrillation|sudden cardiac death', `${GG}; Cardiac Arrhythmia Suppression Trial (CAST)`],
  ['lidocaine', 'seizure|methemoglobinemia|bradycardia|hypotension|cardiac arrest|confusion|somnolence|tremor|perioral paresthesia', `FDA label (lidocaine injection): ${WP_AR}`],
  ['procainamide', 'drug-induced lupus|systemic lupus erythematosus|agranulocytosis|neutropenia|thrombocytopenia|aplastic anemia|long QT syndrome|torsades de pointes|hypotension', `FDA label (procainamide): ${BW_WP}`],
  ['quinidine', 'long QT syndrome|torsades de pointes|diarrhea|tinnitus|hearing loss|visual disturbance|thrombocytopenia|hepatitis|drug-induced lupus|hemolytic anemia|drug fever', `FDA label (quinidine): ${BW_WP_AR}`],
  ['disopyramide', 'heart failure|hypotension|long QT syndrome|torsades de pointes|hypoglycemia|urinary retention|xerostomia|constipation|blurred vision|angle-closure glaucoma', `FDA label (disopyramide): ${BW_WP_AR}`],
  ['bretylium', 'hypotension|hypertension|nausea|vomiting|cardiac arrhythmia', `FDA label (bretylium): ${WP_AR}`],
  ['adenosine', 'cardiac arrest|ventricular fibrillation|myocardial infarction|atrioventricular block|atrial fibrillation|bronchospasm|seizure|stroke|flushing|chest pain|shortness of breath', `FDA label (adenosine): ${WP_AR}`],
  ['digoxin', 'ventricular tachycardia|premature ventricular contractions|atrioventricular block|bradycardia|nausea|vomiting|loss of appetite|visual disturbance|confusion|gynecomastia', `FDA label (digoxin): ${WP_AR}`],
  ['digitoxin', 'ventricular tachycardia|atrioventricular block|bradycardia|nausea|vomiting|loss of appetite|visual disturbance|confusion', `${GG}: cardiac glycoside toxicity`],
  ['digoxin immune fab', 'hypokalemia|heart failure|atrial fibrillation|hypersensitivity reaction', `FDA label (digoxin immune fab): ${WP_AR}`],
  ['atropine', 'tachycardia|xerostomia|urinary retention|blurred vision|angle-closure glaucoma|delirium|hypohidrosis|constipation', `FDA label (atropine sulfate injection): ${WP_AR}`],
  ['verapamil', 'heart failure|hypotension|bradycardia|atrioventricular block|constipation|edema|gingival hyperplasia|drug-induced liver injury', `FDA label (verapamil): ${WP_AR}`],
  ['diltiazem', 'bradycardia|atrioventricular block|heart failure|hypotension|drug-induced liver injury|edema|Stevens-Johnson syndrome|gingival hyperplasia', `FDA label (diltiazem): ${WP_AR}`],
  ['ivabradine', 'bradycardia|atrial fibrillation|hypertension|teratogenicity|photopsia', `FDA label (ivabradine): ${WP_AR}`],
  ['ranolazine', 'long QT syndrome|acute kidney injury|dizziness|constipation|nausea|syncope', `FDA label (ranolazine): ${WP_AR}`],
  ['trimetazidine', 'drug-induced parkinsonism|tremor|gait disturbance|dizziness', 'EMA (2012) trimetazidine referral: movement disorders; SmPC (trimetazidine)'],

  // Anticoagulants
  ['warfarin', 'hemorrhage|anticoagulant-associated bleeding|intracranial hemorrhage|gastrointestinal bleeding|hematuria|skin necrosis|calciphylaxis|acute kidney injury|teratogenicity', `FDA label (warfarin): ${BW_WP}`],
  ['acenocoumarol', 'hemorrhage|anticoagulant-associated bleeding|intracranial hemorrhage|gastrointestinal bleeding|skin necrosis|teratogenicity', `${BNF}; ${GG}: coumarin anticoagulants`],
  ['phenprocoumon', 'hemorrhage|anticoagulant-associated bleeding|skin necrosis|hepatitis|teratogenicity', `${GG}: coumarin anticoagulants`],
  ['heparin', 'hemorrhage|heparin-induced thrombocytopenia|thrombocytopenia|hyperkalemia|osteoporosis|hypersensitivity reaction', `FDA label (heparin): ${WP_AR}; ${BNF}`],
  ['enoxaparin', LMWH, `FDA label (enoxaparin): ${BW_WP}; ${BNF}`],
  ['dalteparin', LMWH, `FDA label (dalteparin): ${BW_WP}; ${BNF}`],
  ['tinzaparin', LMWH, `FDA label (tinzaparin): ${BW_WP}; ${BNF}`],
  ['fondaparinux', 'epidural hematoma|hemorrhage|thrombocytopenia|anemia', `FDA label (fondaparinux): ${BW_WP_AR}`],
  ['argatroban', 'hemorrhage|gastrointestinal bleeding|hematuria|hypotension', `FDA label (argatroban): ${WP_AR}`],
  ['bivalirudin', 'hemorrhage|hypotension|back pain', `FDA label (bivalirudin): ${WP_AR}`],
  ['lepirudin', 'hemorrhage|intracranial hemorrhage|anaphylaxis', `FDA label (lepirudin): ${WP_AR}`],
  ['desirudin', 'epidural hematoma|hemorrhage|hypersensitivity reaction', `FDA label (desirudin): ${BW_WP}`],
  ['dabigatran', `${DOAC}|esophagitis|gastritis|epigastric pain`, `FDA label (dabigatran): ${BW_WP_AR}`],
  ['rivaroxaban', DOAC, `FDA label (rivaroxaban): ${BW_WP}`],
  ['apixaban', DOAC, `FDA label (apixaban): ${BW_WP}`],
  ['edoxaban', DOAC, `FDA label (edoxaban): ${BW_WP}`],

  // Antiplatelet drugs
  ['aspirin', 'gastrointestinal bleeding|peptic ulcer disease|gastric ulcer|NSAID-induced ulcer|intracranial hemorrhage|Reye syndrome|aspirin-exacerbated respiratory disease|bronchospasm|tinnitus|hearing loss|urticaria|angioedema|metabolic acidosis', `FDA OTC monograph labeling (aspirin): warnings; ${GG}: salicylate toxicity`],
  ['clopidogrel', 'hemorrhage|gastrointestinal bleeding|intracranial hemorrhage|thrombotic thrombocytopenic purpura|rash', `FDA label (clopidogrel): ${WP_AR}`],
  ['prasugrel', 'hemorrhage|intracranial hemorrhage|gastrointestinal bleeding|thrombotic thrombocytopenic purpura|angioedema', `FDA label (prasugrel): ${BW_WP}`],
  ['ticagrelor', 'hemorrhage|intracranial hemorrhage|gastrointestinal bleeding|shortness of breath|bradycardia|central sleep apnea|hyperuricemia', `FDA label (ticagrelor): ${BW_WP_AR}`],
  ['ticlopidine', 'neutropenia|agranulocytosis|thrombotic thrombocytopenic purpura|aplastic anemia|diarrhea|rash|cholestasis', `FDA label (ticlopidine): ${BW_WP_AR}`],
  ['dipyridamole', 'headache|dizziness|angina|hypotension|flushing|abdominal pain|bronchospasm', `FDA label (dipyridamole): ${WP_AR}`],
  ['cilostazol', 'headache|diarrhea|palpitations|tachycardia|edema|dizziness|thrombocytopenia|agranulocytosis|aplastic anemia', `FDA label (cilostazol): ${WP_AR}`],
  ['abciximab', 'hemorrhage|intracranial hemorrhage|thrombocytopenia|hypersensitivity reaction', `FDA label (abciximab): ${WP_AR}`],
  ['eptifibatide', 'hemorrhage|intracranial hemorrhage|thrombocytopenia|hypotension', `FDA label (eptifibatide): ${WP_AR}`],
  ['tirofiban', 'hemorrhage|intracranial hemorrhage|thrombocytopenia', `FDA label (tirofiban): ${WP_AR}`],
  ['vorapaxar', 'hemorrhage|intracranial hemorrhage|gastrointestinal bleeding', `FDA label (vorapaxar): ${BW_WP}`],
  ['cangrelor', 'hemorrhage|shortness of breath|hypersensitivity reaction', `FDA label (cangrelor): ${WP_AR}`],
  ['pentoxifylline', 'nausea|vomiting|dizziness|hemorrhage|angina', `FDA label (pentoxifylline): ${WP_AR}`],

  // Thrombolytics
  ['alteplase', `${THROMBOLYTIC}|angioedema|anaphylaxis`, `FDA label (alteplase): ${WP_AR}`],
  ['tenecteplase', THROMBOLYTIC, `FDA label (tenecteplase): ${WP_AR}`],
  ['reteplase', THROMBOLYTIC, `FDA label (reteplase): ${WP_AR}`],
  ['streptokinase', 'hemorrhage|intracranial hemorrhage|anaphylaxis|hypersensitivity reaction|hypotension|fever|cardiac arrhythmia', `FDA label (streptokinase): ${WP_AR}`],
  ['urokinase', 'hemorrhage|intracranial hemorrhage|hypersensitivity reaction|fever|chills', `FDA label (urokinase): ${WP_AR}`],

  // Haemostatics, antidotes and blood products
  ['tranexamic acid', 'venous thromboembolism|deep vein thrombosis|pulmonary embolism|thrombosis|seizure|visual disturbance|retinal vein occlusion|hypersensitivity reaction', `FDA label (tranexamic acid): ${WP_AR}`],
  ['aminocaproic acid', 'thrombosis|myopathy|rhabdomyolysis|renal failure|hypotension|bradycardia', `FDA label (aminocaproic acid): ${WP_AR}`],
  ['aprotinin', 'anaphylaxis|hypersensitivity reaction|acute kidney injury', `FDA label (aprotinin): ${BW_WP}`],
  ['protamine sulfate', 'hypotension|anaphylaxis|pulmonary hypertension|non-cardiogenic pulmonary edema|bradycardia', `FDA label (protamine sulfate): ${BW_WP}`],
  ['vitamin K', 'anaphylaxis|hypersensitivity reaction|hyperbilirubinemia', `FDA label (phytonadione): ${BW_WP}`],
  ['phytonadione', 'anaphylaxis|hypersensitivity reaction|hyperbilirubinemia', `FDA label (phytonadione): ${BW_WP}`],
  ['desmopressin', 'hyponatremia|seizure|headache|flushing', `FDA label (desmopressin): ${BW_WP_AR}`],
  ['eptacog alfa', 'thrombosis|venous thromboembolism|myocardial infarction|stroke', `FDA label (coagulation factor VIIa, recombinant): ${BW_WP}`],
  ['prothrombin complex concentrate', 'thrombosis|venous thromboembolism|stroke|myocardial infarction', `FDA label (prothrombin complex concentrate, human): ${BW_WP}`],
  ['idarucizumab', 'thrombosis|hypokalemia|delirium|hypersensitivity reaction', `FDA label (idarucizumab): ${WP_AR}`],
  ['andexanet alfa', 'thrombosis|venous thromboembolism|myocardial infarction|stroke|cardiac arrest|sudden cardiac death', `FDA label (andexanet alfa): ${BW_WP}`],
  ['emicizumab', 'thrombotic microangiopathy|thrombosis|injection site reaction', `FDA label (emicizumab): ${BW_WP_AR}`],
  ['hydroxyethyl starch', 'acute kidney injury|coagulopathy|hemorrhage|itching', `FDA label (hydroxyethyl starch): ${BW_WP_AR}`],
  ['dextran', 'anaphylaxis|acute kidney injury|hemorrhage', `FDA label (dextran): ${BW_WP}`],

  // Iron, erythropoiesis and other haematology drugs
  ['ferrous sulfate', 'constipation|nausea|abdominal pain|diarrhea|pill esophagitis|tooth discoloration', `${BNF}; FDA-required iron-containing product warning (accidental overdose)`],
  ['iron', 'gastrointestinal bleeding|metabolic acidosis|acute liver failure|shock|iron overload|hemosiderosis', `${GG}: acute and chronic iron toxicity`],
  ['iron dextran', 'anaphylaxis|hypotension|joint pain|myalgias|fever|iron overload', `FDA label (iron dextran): ${BW_WP_AR}`],
  ['iron sucrose', 'hypersensitivity reaction|hypotension|iron overload|muscle cramps|dysgeusia', `FDA label (iron sucrose): ${WP_AR}`],
  ['ferric carboxymaltose', 'hypophosphatemia|osteomalacia|hypersensitivity reaction|hypertension|flushing|skin discoloration', `FDA label (ferric carboxymaltose): ${WP_AR}`],
  ['ferumoxytol', 'anaphylaxis|hypersensitivity reaction|hypotension|iron overload', `FDA label (ferumoxytol): ${BW_WP}`],
  ['epoetin alfa', ESA, `FDA label (epoetin alfa): ${BW_WP}`],
  ['darbepoetin alfa', ESA, `FDA label (darbepoetin alfa): ${BW_WP}`],
  ['methoxy polyethylene glycol-epoetin beta', ESA, `FDA label (methoxy polyethylene glycol-epoetin beta): ${BW_WP}`],
  ['romiplostim', 'thrombosis|venous thromboembolism|acute myeloid leukemia|joint pain|myalgias|dizziness', `FDA label (romiplostim): ${WP_AR}`],
  ['eltrombopag', 'drug-induced liver injury|liver failure|portal vein thrombosis|venous thromboembolism|cataract', `FDA label (eltrombopag): ${BW_WP}`],
  ['avatrombopag', 'portal vein thrombosis|venous thromboembolism|thrombosis', `FDA label (avatrombopag): ${WP_AR}`],
  ['filgrastim', 'acute respiratory distress syndrome|sickle cell crisis|glomerulonephritis|capillary leak syndrome|leukocytosis|thrombocytopenia|splenomegaly|bone pain|myelodysplastic syndrome|acute myeloid leukemia|anaphylaxis', `FDA label (filgrastim): ${WP_AR}`],
  ['pegfilgrastim', 'acute respiratory distress syndrome|sickle cell crisis|glomerulonephritis|capillary leak syndrome|leukocytosis|thrombocytopenia|splenomegaly|bone pain|myelodysplastic syndrome|acute myeloid leukemia|anaphylaxis', `FDA label (pegfilgrastim): ${WP_AR}`],
  ['sargramostim', 'edema|capillary leak syndrome|pleural effusion|pericardial effusion|cardiac arrhythmia|bone pain|fever', `FDA label (sargramostim): ${WP_AR}`],
  ['deferoxamine', 'hypotension|hearing loss|retinopathy|visual disturbance|growth suppression|acute respiratory distress syndrome|acute kidney injury|mucormycosis|injection site reaction', `FDA label (deferoxamine): ${WP_AR}`],
  ['deferasirox', 'acute kidney injury|renal failure|Fanconi syndrome|liver failure|gastrointestinal bleeding|agranulocytosis|neutropenia|thrombocytopenia|Stevens-Johnson syndrome|drug reaction with eosinophilia and systemic symptoms|hearing loss|cataract', `FDA label (deferasirox): ${BW_WP}`],
  ['deferiprone', 'agranulocytosis|neutropenia|joint pain|nausea|urine discoloration', `FDA label (deferiprone): ${BW_WP_AR}`],
  ['anagrelide', 'long QT syndrome|ventricular tachycardia|heart failure|cardiomyopathy|palpitations|tachycardia|headache|diarrhea|interstitial lung disease|pulmonary hypertension', `FDA label (anagrelide): ${WP_AR}`],
  ['cyanocobalamin', 'hypokalemia|anaphylaxis|pulmonary edema|heart failure', `FDA label (cyanocobalamin injection): ${WP_AR}`],

  // ACE inhibitors, angiotensin receptor blockers and renin inhibitors
  ['captopril', `${ACEI}|neutropenia|agranulocytosis|proteinuria|membranous nephropathy|dysgeusia|rash`, `FDA label (captopril): ${BW_WP_AR}`],
  ['enalapril', ACEI, `FDA label (enalapril): ${BW_WP}`],
  ['lisinopril', ACEI, `FDA label (lisinopril): ${BW_WP}`],
  ['ramipril', ACEI, `FDA label (ramipril): ${BW_WP}`],
  ['perindopril', ACEI, `FDA label (perindopril): ${BW_WP}`],
  ['quinapril', ACEI, `FDA label (quinapril): ${BW_WP}`],
  ['benazepril', ACEI, `FDA label (benazepril): ${BW_WP}`],
  ['fosinopril', ACEI, `FDA label (fosinopril): ${BW_WP}`],
  ['trandolapril', ACEI, `FDA label (trandolapril): ${BW_WP}`],
  ['moexipril', ACEI, `FDA label (moexipril): ${BW_WP}`],
  ['losartan', ARB, `FDA label (losartan): ${BW_WP_AR}`],
  ['valsartan', ARB, `FDA label (valsartan): ${BW_WP_AR}`],
  ['irbesartan', ARB, `FDA label (irbesartan): ${BW_WP_AR}`],
  ['candesartan', ARB, `FDA label (candesartan): ${BW_WP_AR}`],
  ['telmisartan', ARB, `FDA label (telmisartan): ${BW_WP_AR}`],
  ['olmesartan', `${ARB}|diarrhea|weight loss`, `FDA label (olmesartan): ${BW_WP_AR} (sprue-like enteropathy)`],
  ['azilsartan', ARB, `FDA label (azilsartan): ${BW_WP_AR}`],
  ['eprosartan', ARB, `FDA label (eprosartan): ${BW_WP_AR}`],
  ['sacubitril', 'angioedema|hypotension|hyperkalemia|acute kidney injury|teratogenicity|cough', `FDA label (sacubitril/valsartan): ${BW_WP_AR}`],
  ['aliskiren', 'angioedema|hypotension|hyperkalemia|acute kidney injury|teratogenicity|diarrhea', `FDA label (aliskiren): ${BW_WP_AR}`],

  // Calcium channel blockers (dihydropyridines; verapamil and diltiazem above)
  ['amlodipine', `${DHP_CCB}|gingival hyperplasia|myocardial infarction`, `FDA label (amlodipine): ${WP_AR}`],
  ['nifedipine', `${DHP_CCB}|tachycardia|gingival hyperplasia|myocardial infarction|heart failure|intestinal obstruction`, `FDA label (nifedipine): ${WP_AR}`],
  ['felodipine', `${DHP_CCB}|tachycardia|gingival hyperplasia`, `FDA label (felodipine): ${WP_AR}`],
  ['nicardipine', `${DHP_CCB}|tachycardia`, `FDA label (nicardipine): ${WP_AR}`],
  ['isradipine', `${DHP_CCB}|tachycardia`, `FDA label (isradipine): ${WP_AR}`],
  ['nisoldipine', DHP_CCB, `FDA label (nisoldipine): ${WP_AR}`],
  ['lercanidipine', DHP_CCB, BNF],
  ['nimodipine', 'hypotension|cardiac arrest|bradycardia|headache', `FDA label (nimodipine): ${BW_WP_AR}`],
  ['clevidipine', 'hypotension|tachycardia|heart failure|atrial fibrillation|headache', `FDA label (clevidipine): ${WP_AR}`],

  // Beta-blockers
  ['propranolol', `${BETA_BLOCKER}|hypoglycemia|depression|abnormal dreams|hallucinations|agranulocytosis`, `FDA label (propranolol): ${BW_WP_AR}`],
  ['metoprolol', `${BETA_BLOCKER}|depression`, `FDA label (metoprolol): ${BW_WP_AR}`],
  ['atenolol', `${BETA_BLOCKER}|fetal growth restriction|neonatal hypoglycemia`, `FDA label (atenolol): ${BW_WP_AR}`],
  ['bisoprolol', BETA_BLOCKER, `FDA label (bisoprolol): ${WP_AR}`],
  ['nebivolol', BETA_BLOCKER, `FDA label (nebivolol): ${WP_AR}`],
  ['nadolol', `${BETA_BLOCKER}|hypoglycemia`, `FDA label (nadolol): ${BW_WP_AR}`],
  ['timolol', `${BETA_BLOCKER}|depression`, `FDA label (timolol): ${WP_AR}`],
  ['pindolol', BETA_BLOCKER, `FDA label (pindolol): ${WP_AR}`],
  ['acebutolol', `${BETA_BLOCKER}|drug-induced lupus`, `FDA label (acebutolol): ${WP_AR}`],
  ['esmolol', 'hypotension|bradycardia|heart failure|bronchospasm|injection site reaction|skin necrosis', `FDA label (esmolol): ${WP_AR}`],
  ['betaxolol', BETA_BLOCKER, `FDA label (betaxolol): ${WP_AR}`],
  ['celiprolol', BETA_BLOCKER, BNF],
  ['oxprenolol', BETA_BLOCKER, BNF],
  ['carvedilol', 'bradycardia|atrioventricular block|hypotension|syncope|bronchospasm|hyperglycemia|weight gain|edema|dizziness|fatigue', `FDA label (carvedilol): ${BW_WP_AR}`],
  ['labetalol', 'drug-induced liver injury|hepatic necrosis|hypotension|bronchospasm|heart failure|bradycardia|dizziness|numbness|urinary retention', `FDA label (labetalol): ${WP_AR}`],

  // Centrally acting and other antihypertensives, vasodilators
  ['clonidine', 'somnolence|xerostomia|bradycardia|atrioventricular block|hypotension|dizziness|constipation|fatigue', `FDA label (clonidine): ${WP_AR}`],
  ['methyldopa', 'autoimmune hemolytic anemia|hemolytic anemia|hepatitis|drug-induced liver injury|drug fever|somnolence|hypotension|drug-induced lupus|hyperprolactinemia|gynecomastia|galactorrhea|bradycardia', `FDA label (methyldopa): ${WP_AR}`],
  ['moxonidine', 'xerostomia|somnolence|dizziness|headache|fatigue', BNF],
  ['guanfacine', 'hypotension|bradycardia|syncope|somnolence|xerostomia|fatigue', `FDA label (guanfacine): ${WP_AR}`],
  ['guanethidine', 'hypotension|diarrhea|ejaculation disorder|bradycardia|edema', `${GG}: adrenergic neuron blockers`],
  ['mecamylamine', 'hypotension|constipation|ileus|urinary retention|blurred vision|xerostomia', `FDA label (mecamylamine): ${WP_AR}`],
  ['reserpine', 'depression|suicidal ideation|nasal congestion|peptic ulcer disease|diarrhea|bradycardia|drug-induced parkinsonism', `FDA label (reserpine): ${WP_AR}`],
  ['hydralazine', 'drug-induced lupus|systemic lupus erythematosus|ANCA-associated vasculitis|tachycardia|palpitations|angina|headache|peripheral neuropathy', `FDA label (hydralazine): ${WP_AR}; ${GG}`],
  ['minoxidil', 'pericardial effusion|cardiac tamponade|pericarditis|angina|edema|heart failure|tachycardia|hypertrichosis', `FDA label (minoxidil tablets): ${BW_WP_AR}`],
  ['prazosin', ALPHA_BLOCKER, `FDA label (prazosin): ${WP_AR}`],
  ['doxazosin', `${ALPHA_BLOCKER}|intraoperative floppy iris syndrome`, `FDA label (doxazosin): ${WP_AR}`],
  ['terazosin', `${ALPHA_BLOCKER}|intraoperative floppy iris syndrome|nasal congestion`, `FDA label (terazosin): ${WP_AR}`],
  ['phentolamine', 'hypotension|tachycardia|cardiac arrhythmia|myocardial infarction|angina|nasal congestion', `FDA label (phentolamine): ${WP_AR}`],
  ['phenoxybenzamine', 'hypotension|tachycardia|nasal congestion|ejaculation disorder|dizziness', `FDA label (phenoxybenzamine): ${WP_AR}`],
  ['metyrosine', 'somnolence|diarrhea|extrapyramidal symptoms|crystalluria', `FDA label (metyrosine): ${WP_AR}`],
  ['sodium nitroprusside', 'hypotension|metabolic acidosis|lactic acidosis|methemoglobinemia|hypothyroidism|tachycardia', `FDA label (sodium nitroprusside): ${BW_WP} (cyanide and thiocyanate toxicity)`],
  ['diazoxide', 'hyperglycemia|diabetic ketoacidosis|hyperosmolar hyperglycemic state|edema|heart failure|pulmonary hypertension|hypertrichosis', `FDA label (diazoxide): ${WP_AR}`],
  ['fenoldopam', 'hypotension|tachycardia|headache|flushing|hypokalemia|ocular hypertension', `FDA label (fenoldopam): ${WP_AR}`],
  ['papaverine', 'priapism|hepatitis|cardiac arrhythmia|hypotension', `FDA label (papaverine): ${WP_AR}`],

  // Diuretics
  ['furosemide', `${LOOP}|acute interstitial nephritis|nephrocalcinosis|photosensitivity`, `FDA label (furosemide): ${BW_WP_AR}`],
  ['bumetanide', `${LOOP}|muscle cramps|thrombocytopenia`, `FDA label (bumetanide): ${BW_WP_AR}`],
  ['torsemide', LOOP, `FDA label (torsemide): ${WP_AR}`],
  ['ethacrynic acid', `${LOOP}|gastrointestinal bleeding|diarrhea`, `FDA label (ethacrynic acid): ${WP_AR}`],
  ['hydrochlorothiazide', `${THIAZIDE}|angle-closure glaucoma|non-melanoma skin cancer|basal cell carcinoma|cutaneous squamous cell carcinoma`, `FDA label (hydrochlorothiazide): ${WP_AR}`],
  ['chlorthalidone', THIAZIDE, `FDA label (chlorthalidone): ${WP_AR}`],
  ['chlorothiazide', THIAZIDE, `FDA label (chlorothiazide): ${WP_AR}`],
  ['bendroflumethiazide', `${THIAZIDE}|erectile dysfunction`, BNF],
  ['indapamide', 'hyponatremia|hypokalemia|hyperuricemia|gout|hyperglycemia|photosensitivity', `FDA label (indapamide): ${WP_AR}`],
  ['metolazone', 'hypokalemia|hyponatremia|hypomagnesemia|hypovolemia|hyperuricemia|hyperglycemia', `FDA label (metolazone): ${BW_WP_AR}`],
  ['spironolactone', 'hyperkalemia|gynecomastia|breast pain|hyponatremia|acute kidney injury|erectile dysfunction|irregular menstruation', `FDA label (spironolactone): ${WP_AR}`],
  ['eplerenone', 'hyperkalemia|dizziness|hypertriglyceridemia|gynecomastia', `FDA label (eplerenone): ${WP_AR}`],
  ['finerenone', 'hyperkalemia|hypotension|hyponatremia', `FDA label (finerenone): ${WP_AR}`],
  ['amiloride', 'hyperkalemia|hyponatremia|nausea', `FDA label (amiloride): ${BW_WP_AR}`],
  ['triamterene', 'hyperkalemia|nephrolithiasis|megaloblastic anemia|acute kidney injury|photosensitivity', `FDA label (triamterene): ${BW_WP_AR}`],
  ['acetazolamide', 'metabolic acidosis|hypokalemia|numbness|nephrolithiasis|Stevens-Johnson syndrome|aplastic anemia|agranulocytosis|dysgeusia|somnolence', `FDA label (acetazolamide): ${WP_AR}`],
  ['mannitol', 'acute kidney injury|hyponatremia|hypernatremia|hyperkalemia|dehydration|pulmonary edema|heart failure|hypersensitivity reaction', `FDA label (mannitol): ${WP_AR}`],
  ['tolvaptan', 'central pontine myelinolysis|drug-induced liver injury|hypernatremia|dehydration|polydipsia|polyuria|xerostomia', `FDA label (tolvaptan): ${BW_WP_AR}`],
  ['conivaptan', 'central pontine myelinolysis|phlebitis|injection site reaction|hypokalemia|hypotension', `FDA label (conivaptan): ${WP_AR}`],

  // Nitrates and other antianginal drugs
  ['nitroglycerin', 'headache|hypotension|syncope|tachycardia|flushing|dizziness|methemoglobinemia', `FDA label (nitroglycerin): ${WP_AR}`],
  ['isosorbide dinitrate', 'headache|hypotension|syncope|tachycardia|dizziness|methemoglobinemia', `FDA label (isosorbide dinitrate): ${WP_AR}`],
  ['isosorbide mononitrate', 'headache|hypotension|syncope|dizziness', `FDA label (isosorbide mononitrate): ${WP_AR}`],
  ['nicorandil', 'headache|flushing|dizziness|hypotension|aphthous stomatitis|anal ulcer|corneal ulcer|skin ulceration|gastrointestinal perforation', `${BNF}; MHRA Drug Safety Update (nicorandil ulceration)`],

  // Inotropes and vasopressors
  ['dobutamine', 'tachycardia|premature ventricular contractions|ventricular arrhythmia|hypertension|angina|hypokalemia|myocarditis|hypersensitivity reaction', `FDA label (dobutamine): ${WP_AR}`],
  ['dopamine', 'tachycardia|ventricular arrhythmia|palpitations|angina|hypertension|skin necrosis|peripheral ischemia|nausea|vomiting', `FDA label (dopamine): ${BW_WP_AR}`],
  ['epinephrine', 'ventricular arrhythmia|tachycardia|palpitations|hypertension|intracerebral hemorrhage|myocardial ischemia|pulmonary edema|hyperglycemia|hypokalemia|lactic acidosis|tremor|nervousness', `FDA label (epinephrine): ${WP_AR}`],
  ['norepinephrine', 'hypertension|bradycardia|cardiac arrhythmia|skin necrosis|peripheral ischemia|mesenteric ischemia', `FDA label (norepinephrine): ${BW_WP_AR}`],
  ['phenylephrine', 'bradycardia|hypertension|skin necrosis|peripheral ischemia|rhinitis medicamentosa', `FDA label (phenylephrine injection): ${WP_AR}; FDA OTC labeling (phenylephrine nasal spray): warnings`],
  ['vasopressin', 'mesenteric ischemia|peripheral ischemia|myocardial ischemia|bradycardia|cardiac arrhythmia|hyponatremia|skin necrosis', `FDA label (vasopressin): ${WP_AR}`],
  ['terlipressin', 'respiratory depression|mesenteric ischemia|myocardial ischemia|peripheral ischemia|abdominal pain|diarrhea|shortness of breath', `FDA label (terlipressin): ${BW_WP_AR}`],
  ['milrinone', 'ventricular arrhythmia|ventricular tachycardia|supraventricular tachycardia|hypotension|angina|headache|thrombocytopenia|hypokalemia', `FDA label (milrinone): ${WP_AR}`],
  ['inamrinone', 'thrombocytopenia|cardiac arrhythmia|hypotension|drug-induced liver injury', `FDA label (inamrinone): ${WP_AR}`],
  ['isoproterenol', 'tachycardia|palpitations|ventricular arrhythmia|angina|myocardial ischemia|hypotension|tremor|headache|flushing', `FDA label (isoproterenol): ${WP_AR}`],
  ['ephedrine', 'hypertension|tachycardia|cardiac arrhythmia|palpitations|insomnia|nervousness|urinary retention|stroke|myocardial infarction', `FDA label (ephedrine sulfate injection): ${WP_AR}; FDA final rule (2004) on dietary supplements containing ephedrine alkaloids`],
  ['midodrine', 'hypertension|bradycardia|itching|numbness|urinary retention|chills', `FDA label (midodrine): ${BW_WP_AR}`],
  ['droxidopa', 'hypertension|headache|dizziness|nausea|fatigue', `FDA label (droxidopa): ${BW_WP_AR}`],
  ['angiotensin II', 'thrombosis|venous thromboembolism|deep vein thrombosis|thrombocytopenia|tachycardia|delirium|peripheral ischemia', `FDA label (angiotensin II): ${WP_AR}`],
  ['levosimendan', 'hypotension|headache|ventricular tachycardia|atrial fibrillation|hypokalemia', 'SmPC (levosimendan): undesirable effects'],
  ['vericiguat', 'teratogenicity|hypotension|anemia', `FDA label (vericiguat): ${BW_WP_AR}`],

  // Pulmonary arterial hypertension drugs and PDE5 inhibitors
  ['bosentan', 'drug-induced liver injury|teratogenicity|edema|anemia|oligospermia|pulmonary edema', `FDA label (bosentan): ${BW_WP}`],
  ['ambrisentan', 'teratogenicity|edema|anemia|oligospermia|pulmonary edema|nasal congestion', `FDA label (ambrisentan): ${BW_WP_AR}`],
  ['macitentan', 'teratogenicity|drug-induced liver injury|anemia|edema|pulmonary edema|oligospermia', `FDA label (macitentan): ${BW_WP}`],
  ['riociguat', 'teratogenicity|hypotension|hemorrhage|hemoptysis|pulmonary edema|dizziness', `FDA label (riociguat): ${BW_WP_AR}`],
  ['epoprostenol', 'hypotension|flushing|headache|jaw pain|diarrhea|nausea|central line-associated bloodstream infection|hemorrhage', `FDA label (epoprostenol): ${WP_AR}`],
  ['treprostinil', 'injection site reaction|headache|jaw pain|diarrhea|flushing|hypotension|central line-associated bloodstream infection|hemorrhage', `FDA label (treprostinil): ${WP_AR}`],
  ['iloprost', 'hypotension|syncope|flushing|cough|jaw pain|headache|bronchospasm', `FDA label (iloprost inhalation): ${WP_AR}`],
  ['selexipag', 'headache|diarrhea|jaw pain|myalgias|nausea|flushing|anemia|hyperthyroidism|pulmonary edema', `FDA label (selexipag): ${WP_AR}`],
  ['sildenafil', 'hypotension|optic neuropathy|sudden sensorineural hearing loss|priapism|headache|flushing|dyspepsia|visual disturbance|epistaxis', `FDA label (sildenafil): ${WP_AR}`],
  ['tadalafil', 'hypotension|optic neuropathy|sudden sensorineural hearing loss|priapism|headache|flushing|dyspepsia|back pain|myalgias', `FDA label (tadalafil): ${WP_AR}`],
  ['vardenafil', 'hypotension|optic neuropathy|sudden sensorineural hearing loss|priapism|long QT syndrome|headache|flushing|nasal congestion', `FDA label (vardenafil): ${WP_AR}`],

  // Lipid-lowering drugs
  ['atorvastatin', STATIN, `FDA label (atorvastatin): ${WP_AR}`],
  ['simvastatin', STATIN, `FDA label (simvastatin): ${WP_AR}`],
  ['rosuvastatin', `${STATIN}|proteinuria|hematuria`, `FDA label (rosuvastatin): ${WP_AR}`],
  ['pravastatin', STATIN, `FDA label (pravastatin): ${WP_AR}`],
  ['lovastatin', STATIN, `FDA label (lovastatin): ${WP_AR}`],
  ['fluvastatin', STATIN, `FDA label (fluvastatin): ${WP_AR}`],
  ['pitavastatin', STATIN, `FDA label (pitavastatin): ${WP_AR}`],
  ['cerivastatin', 'rhabdomyolysis|myopathy|drug-induced myopathy|acute kidney injury|renal failure', `FDA label (cerivastatin): ${WP_AR}; FDA market withdrawal (2001)`],
  ['ezetimibe', 'myopathy|rhabdomyolysis|drug-induced liver injury|pancreatitis|cholelithiasis|cholecystitis|diarrhea|joint pain|angioedema', `FDA label (ezetimibe): ${WP_AR}`],
  ['fenofibrate', `${FIBRATE}|pulmonary embolism|deep vein thrombosis|anemia|leukopenia`, `FDA label (fenofibrate): ${WP_AR}`],
  ['gemfibrozil', `${FIBRATE}|abdominal pain|anemia|leukopenia`, `FDA label (gemfibrozil): ${WP_AR}`],
  ['bezafibrate', 'myopathy|rhabdomyolysis|cholelithiasis|erectile dysfunction', `${BNF}; ${GG}: fibrates`],
  ['clofibrate', 'cholelithiasis|cholecystitis|myopathy|cancer', `FDA label (clofibrate): ${WP_AR} (WHO Cooperative Trial)`],
  ['niacin', 'flushing|itching|drug-induced liver injury|hyperglycemia|hyperuricemia|gout|myopathy|rhabdomyolysis|peptic ulcer disease|macular edema', `FDA label (niacin extended-release): ${WP_AR}`],
  ['cholestyramine', 'constipation|intestinal obstruction|hypertriglyceridemia|non-anion gap metabolic acidosis|malabsorption|hemorrhage', `FDA label (cholestyramine): ${WP_AR}`],
  ['colestipol', 'constipation|intestinal obstruction|hypertriglyceridemia|malabsorption', `FDA label (colestipol): ${WP_AR}`],
  ['colesevelam', 'hypertriglyceridemia|pancreatitis|intestinal obstruction|constipation|dysphagia|malabsorption', `FDA label (colesevelam): ${WP_AR}`],
  ['evolocumab', 'hypersensitivity reaction|angioedema|injection site reaction|upper respiratory tract infection|influenza|back pain', `FDA label (evolocumab): ${WP_AR}`],
  ['alirocumab', 'hypersensitivity reaction|angioedema|injection site reaction|influenza', `FDA label (alirocumab): ${WP_AR}`],
  ['bempedoic acid', 'hyperuricemia|gout|tendinopathy|anemia|muscle spasm', `FDA label (bempedoic acid): ${WP_AR}`],
  ['lomitapide', 'drug-induced liver injury|fatty liver|diarrhea|nausea|vomiting|abdominal pain', `FDA label (lomitapide): ${BW_WP_AR}`],
  ['mipomersen', 'drug-induced liver injury|fatty liver|injection site reaction|flu-like symptoms', `FDA label (mipomersen): ${BW_WP_AR}`],
  ['icosapent ethyl', 'atrial fibrillation|atrial flutter|hemorrhage|edema|musculoskeletal pain', `FDA label (icosapent ethyl): ${WP_AR}`],
  ['inclisiran', 'injection site reaction|joint pain|urinary tract infection|diarrhea', `FDA label (inclisiran): Adverse Reactions`],

  // Insulins and other diabetes drugs
  ['insulin', INSULIN, `FDA label (insulin human): ${WP_AR}`],
  ['NPH insulin', INSULIN, `FDA label (insulin isophane): ${WP_AR}`],
  ['insulin glargine', INSULIN, `FDA label (insulin glargine): ${WP_AR}`],
  ['insulin lispro', INSULIN, `FDA label (insulin lispro): ${WP_AR}`],
  ['insulin aspart', INSULIN, `FDA label (insulin aspart): ${WP_AR}`],
  ['insulin glulisine', INSULIN, `FDA label (insulin glulisine): ${WP_AR}`],
  ['insulin detemir', INSULIN, `FDA label (insulin detemir): ${WP_AR}`],
  ['insulin degludec', INSULIN, `FDA label (insulin degludec): ${WP_AR}`],
  ['glipizide', SU, `FDA label (glipizide): ${WP_AR}`],
  ['glyburide', SU, `FDA label (glyburide): ${WP_AR}`],
  ['glimepiride', `${SU}|anaphylaxis|angioedema|Stevens-Johnson syndrome`, `FDA label (glimepiride): ${WP_AR}`],
  ['gliclazide', 'hypoglycemia|weight gain|hemolytic anemia', `${BNF}; EMA SmPC (gliclazide): special warnings`],
  ['chlorpropamide', 'hypoglycemia|hyponatremia|syndrome of inappropriate antidiuretic hormone secretion|cholestasis|hemolytic anemia|flushing', `FDA label (chlorpropamide): ${WP_AR}`],
  ['tolbutamide', 'hypoglycemia|hemolytic anemia|cholestasis|weight gain', `FDA label (tolbutamide): ${WP_AR}`],
  ['tolazamide', 'hypoglycemia|hemolytic anemia|cholestasis', `FDA label (tolazamide): ${WP_AR}`],
  ['metformin', 'lactic acidosis|metformin-associated lactic acidosis|vitamin B12 deficiency anemia|diarrhea|nausea|vomiting|abdominal pain|flatulence|dysgeusia', `FDA label (metformin): ${BW_WP_AR}`],
  ['phenformin', 'lactic acidosis|nausea|vomiting|diarrhea', `${GG}: biguanides (withdrawn for lactic acidosis)`],
  ['pioglitazone', 'heart failure|edema|weight gain|bone fracture|bladder cancer|macular edema|hypoglycemia|anemia', `FDA label (pioglitazone): ${BW_WP}`],
  ['rosiglitazone', 'heart failure|myocardial infarction|edema|weight gain|bone fracture|macular edema|anemia|hyperlipidemia', `FDA label (rosiglitazone): ${BW_WP}`],
  ['troglitazone', 'drug-induced liver injury|acute liver failure|hepatitis', `FDA label (troglitazone): ${BW_WP}; FDA market withdrawal (2000)`],
  ['sitagliptin', `${GLIPTIN}|acute kidney injury`, `FDA label (sitagliptin): ${WP_AR}`],
  ['saxagliptin', `${GLIPTIN}|heart failure`, `FDA label (saxagliptin): ${WP_AR}`],
  ['linagliptin', GLIPTIN, `FDA label (linagliptin): ${WP_AR}`],
  ['alogliptin', `${GLIPTIN}|heart failure|drug-induced liver injury`, `FDA label (alogliptin): ${WP_AR}`],
  ['vildagliptin', 'drug-induced liver injury|pancreatitis|angioedema|bullous pemphigoid|hypoglycemia', `${BNF}; EMA SmPC (vildagliptin)`],
  ['canagliflozin', `${GLIFLOZIN}|bone fracture|hyperkalemia`, `FDA label (canagliflozin): ${WP_AR}`],
  ['dapagliflozin', GLIFLOZIN, `FDA label (dapagliflozin): ${WP_AR}`],
  ['empagliflozin', GLIFLOZIN, `FDA label (empagliflozin): ${WP_AR}`],
  ['ertugliflozin', GLIFLOZIN, `FDA label (ertugliflozin): ${WP_AR}`],
  ['sotagliflozin', GLIFLOZIN, `FDA label (sotagliflozin): ${WP_AR}`],
  ['exenatide', 'medullary thyroid cancer|pancreatitis|acute kidney injury|drug-induced thrombocytopenia|hypoglycemia|nausea|vomiting|diarrhea|injection site reaction|cholelithiasis', `FDA label (exenatide): ${BW_WP_AR}`],
  ['liraglutide', `${GLP1}|tachycardia|suicidal ideation`, `FDA label (liraglutide): ${BW_WP_AR}`],
  ['dulaglutide', GLP1, `FDA label (dulaglutide): ${BW_WP_AR}`],
  ['semaglutide', `${GLP1}|diabetic retinopathy|pulmonary aspiration|ileus`, `FDA label (semaglutide): ${BW_WP_AR}`],
  ['lixisenatide', 'pancreatitis|acute kidney injury|hypoglycemia|anaphylaxis|nausea|vomiting|diarrhea', `FDA label (lixisenatide): ${WP_AR}`],
  ['tirzepatide', `${GLP1}|pulmonary aspiration`, `FDA label (tirzepatide): ${BW_WP_AR}`],
  ['pramlintide', 'hypoglycemia|nausea|vomiting|loss of appetite', `FDA label (pramlintide): ${BW_WP_AR}`],
  ['repaglinide', 'hypoglycemia|weight gain|upper respiratory tract infection|joint pain', `FDA label (repaglinide): ${WP_AR}`],
  ['nateglinide', 'hypoglycemia|weight gain|upper respiratory tract infection', `FDA label (nateglinide): ${WP_AR}`],
  ['acarbose', 'flatulence|diarrhea|abdominal pain|abdominal distension|drug-induced liver injury|ileus', `FDA label (acarbose): ${WP_AR}`],
  ['miglitol', 'flatulence|diarrhea|abdominal pain|rash', `FDA label (miglitol): ${WP_AR}`],
  ['glucagon', 'nausea|vomiting|hypertension|tachycardia', `FDA label (glucagon): ${WP_AR}`],

  // Thyroid and antithyroid drugs
  ['levothyroxine', 'hyperthyroidism|atrial fibrillation|cardiac arrhythmia|tachycardia|palpitations|angina|myocardial infarction|osteoporosis|heat intolerance|weight loss|idiopathic intracranial hypertension', `FDA label (levothyroxine): ${BW_WP_AR}`],
  ['liothyronine', 'hyperthyroidism|atrial fibrillation|cardiac arrhythmia|tachycardia|palpitations|angina|myocardial infarction|osteoporosis|heat intolerance', `FDA label (liothyronine): ${BW_WP_AR}`],
  ['methimazole', 'agranulocytosis|drug-induced liver injury|cholestasis|ANCA-associated vasculitis|teratogenicity|hypothyroidism|rash|joint pain', `FDA label (methimazole): ${WP_AR}`],
  ['carbimazole', 'agranulocytosis|neutropenia|drug-induced liver injury|cholestasis|pancreatitis|teratogenicity|hypothyroidism|rash|joint pain', `${BNF}; MHRA Drug Safety Update (carbimazole: pancreatitis, congenital malformations)`],
  ['propylthiouracil', 'drug-induced liver injury|acute liver failure|agranulocytosis|ANCA-associated vasculitis|drug-induced vasculitis|hypothyroidism|rash', `FDA label (propylthiouracil): ${BW_WP}`],
  ['potassium iodide', 'hypothyroidism|goiter|sialadenitis|acneiform eruption|hypersensitivity reaction', `FDA label (potassium iodide): ${WP_AR}`],
  ['radioactive iodine', 'hypothyroidism|thyroiditis|sialadenitis|xerostomia|thyroid eye disease|dysgeusia', `FDA label (sodium iodide I-131): ${WP_AR}`],

  // Corticosteroids (systemic; inhaled below under respiratory drugs)
  ['prednisone', `${GLUCOCORTICOID}|weight gain|insomnia`, `FDA label (prednisone): ${WP_AR}`],
  ['prednisolone', `${GLUCOCORTICOID}|weight gain|insomnia`, `FDA label (prednisolone): ${WP_AR}`],
  ['methylprednisolone', GLUCOCORTICOID, `FDA label (methylprednisolone): ${WP_AR}`],
  ['dexamethasone', GLUCOCORTICOID, `FDA label (dexamethasone): ${WP_AR}`],
  ['hydrocortisone', GLUCOCORTICOID_CORE, `FDA label (hydrocortisone): ${WP_AR}`],
  ['cortisone', GLUCOCORTICOID_CORE, `FDA label (cortisone acetate): ${WP_AR}`],
  ['betamethasone', GLUCOCORTICOID, `FDA label (betamethasone): ${WP_AR}`],
  ['triamcinolone', `${GLUCOCORTICOID}|skin atrophy|skin hypopigmentation`, `FDA label (triamcinolone acetonide injectable suspension): ${WP_AR}`],
  ['deflazacort', `${GLUCOCORTICOID}|weight gain|Stevens-Johnson syndrome`, `FDA label (deflazacort): ${WP_AR}`],
  ['fludrocortisone', 'hypertension|edema|hypokalemia|heart failure|weight gain|metabolic alkalosis', `FDA label (fludrocortisone): ${WP_AR}`],

  // Bone and calcium metabolism
  ['alendronate', BISPHOSPHONATE, `FDA label (alendronate): ${WP_AR}`],
  ['risedronate', BISPHOSPHONATE, `FDA label (risedronate): ${WP_AR}`],
  ['ibandronate', BISPHOSPHONATE, `FDA label (ibandronate): ${WP_AR}`],
  ['zoledronic acid', 'acute kidney injury|hypocalcemia|hypophosphatemia|osteonecrosis of the jaw|atypical femoral fracture|musculoskeletal pain|flu-like symptoms|fever|atrial fibrillation|uveitis|scleritis', `FDA label (zoledronic acid): ${WP_AR}`],
  ['pamidronate', 'acute kidney injury|focal segmental glomerulosclerosis|hypocalcemia|hypophosphatemia|hypomagnesemia|osteonecrosis of the jaw|fever|uveitis|scleritis', `FDA label (pamidronate): ${WP_AR}`],
  ['etidronate', 'osteomalacia|bone fracture|bone pain|diarrhea|nausea', `FDA label (etidronate): ${WP_AR}`],
  ['denosumab', 'hypocalcemia|osteonecrosis of the jaw|atypical femoral fracture|hypercalcemia|cellulitis|dermatitis|musculoskeletal pain', `FDA label (denosumab): ${BW_WP_AR}`],
  ['teriparatide', 'osteosarcoma|hypercalcemia|hypotension|hypercalciuria|nephrolithiasis|dizziness|muscle cramps', `FDA label (teriparatide): ${WP_AR}`],
  ['abaloparatide', 'osteosarcoma|hypotension|hypercalcemia|hypercalciuria|nephrolithiasis|palpitations|tachycardia|injection site reaction', `FDA label (abaloparatide): ${WP_AR}`],
  ['romosozumab', 'myocardial infarction|stroke|osteonecrosis of the jaw|atypical femoral fracture|hypocalcemia|hypersensitivity reaction|joint pain', `FDA label (romosozumab): ${BW_WP_AR}`],
  ['raloxifene', 'venous thromboembolism|deep vein thrombosis|pulmonary embolism|retinal vein occlusion|stroke|menopausal symptoms|muscle cramps|edema', `FDA label (raloxifene): ${BW_WP_AR}`],
  ['bazedoxifene', 'venous thromboembolism|deep vein thrombosis|pulmonary embolism|retinal vein occlusion|menopausal symptoms|muscle spasm', 'EMA SmPC (bazedoxifene): special warnings; undesirable effects'],
  ['calcitonin', 'hypocalcemia|hypersensitivity reaction|cancer|nausea|flushing|epistaxis', `FDA label (calcitonin salmon): ${WP_AR}`],
  ['cinacalcet', 'hypocalcemia|seizure|hypotension|heart failure|upper gastrointestinal bleeding|nausea|vomiting|diarrhea', `FDA label (cinacalcet): ${WP_AR}`],
  ['calcitriol', 'hypercalcemia|hypercalciuria|hyperphosphatemia|nephrocalcinosis|vitamin D toxicity', `FDA label (calcitriol): ${WP_AR}`],
  ['paricalcitol', 'hypercalcemia|hyperphosphatemia|vitamin D toxicity', `FDA label (paricalcitol): ${WP_AR}`],
  ['ergocalciferol', 'vitamin D toxicity|hypercalcemia|hypercalciuria|nephrocalcinosis|nephrolithiasis', `FDA label (ergocalciferol): ${WP_AR}`],
  ['cholecalciferol', 'vitamin D toxicity|hypercalcemia|hypercalciuria|nephrocalcinosis|nephrolithiasis', `${BNF}; ${GG}: hypervitaminosis D`],
  ['vitamin D', 'vitamin D toxicity|hypercalcemia|hypercalciuria|nephrocalcinosis|nephrolithiasis', `${GG}: hypervitaminosis D`],
  ['strontium ranelate', 'venous thromboembolism|pulmonary embolism|myocardial infarction|drug reaction with eosinophilia and systemic symptoms|Stevens-Johnson syndrome', `${BNF}; EMA (2013/2014) strontium ranelate review`],

  // Estrogens, progestogens, contraceptives and androgens
  ['estradiol', ESTROGEN, `FDA label (estradiol): ${BW_WP}`],
  ['conjugated estrogens', ESTROGEN, `FDA label (conjugated estrogens): ${BW_WP}`],
  ['ethinyl estradiol', COC, `FDA label (combined oral contraceptives containing ethinyl estradiol): ${BW_WP_AR}`],
  ['diethylstilbestrol', 'vaginal cancer|teratogenicity|infertility|ectopic pregnancy|breast cancer|gynecomastia|venous thromboembolism', `${GG}; NCI DES fact sheet`],
  ['progesterone', 'breast cancer|stroke|myocardial infarction|venous thromboembolism|dementia|somnolence|dizziness', `FDA label (progesterone capsules): ${BW_WP_AR}`],
  ['medroxyprogesterone', 'osteoporosis|venous thromboembolism|irregular menstruation|weight gain|depression|breast cancer', `FDA label (medroxyprogesterone acetate injectable): ${BW_WP_AR}`],
  ['norethindrone', 'metrorrhagia|irregular menstruation|ectopic pregnancy|ovarian cyst', `FDA label (norethindrone 0.35 mg): ${WP_AR}`],
  ['levonorgestrel', 'ectopic pregnancy|pelvic inflammatory disease|uterine perforation|ovarian cyst|irregular menstruation|amenorrhea', `FDA label (levonorgestrel-releasing intrauterine system): ${WP_AR}`],
  ['etonogestrel implant', 'irregular menstruation|ectopic pregnancy|ovarian cyst|venous thromboembolism|weight gain|acne vulgaris|depression', `FDA label (etonogestrel implant): ${WP_AR}`],
  ['drospirenone', 'hyperkalemia|venous thromboembolism|deep vein thrombosis|pulmonary embolism|irregular menstruation', `FDA label (drospirenone; drospirenone/ethinyl estradiol): ${BW_WP_AR}`],
  ['desogestrel', 'venous thromboembolism|deep vein thrombosis|pulmonary embolism|metrorrhagia', `FDA label (desogestrel/ethinyl estradiol): ${BW_WP}`],
  ['norgestimate', 'venous thromboembolism|deep vein thrombosis|pulmonary embolism|metrorrhagia', `FDA label (norgestimate/ethinyl estradiol): ${BW_WP}`],
  ['dienogest', 'depression|weight gain|acne vulgaris|decreased libido|metrorrhagia', 'SmPC (dienogest 2 mg): undesirable effects'],
  ['cyproterone acetate', 'drug-induced liver injury|hepatitis|liver failure|meningioma|venous thromboembolism|depression|gynecomastia|decreased libido', `${BNF}; EMA (2020) cyproterone meningioma review`],
  ['cyproterone', 'drug-induced liver injury|hepatitis|liver failure|meningioma|venous thromboembolism|depression|gynecomastia|decreased libido', `${BNF}; EMA (2020) cyproterone meningioma review`],
  ['tibolone', 'stroke|breast cancer|endometrial cancer|vaginal bleeding|weight gain', BNF],
  ['testosterone', 'polycythemia|venous thromboembolism|deep vein thrombosis|pulmonary embolism|hypertension|benign prostatic hyperplasia|prostate cancer|oligospermia|edema|gynecomastia|sleep apnea|virilization|acne vulgaris', `FDA label (testosterone): ${BW_WP_AR}`],
  ['methyltestosterone', 'cholestasis|peliosis hepatis|hepatocellular carcinoma|polycythemia|virilization|gynecomastia|edema', `FDA label (methyltestosterone): ${WP_AR}`],
  ['nandrolone', ANABOLIC, `FDA label (nandrolone decanoate): ${BW_WP}`],
  ['oxandrolone', ANABOLIC, `FDA label (oxandrolone): ${BW_WP}`],
  ['stanozolol', ANABOLIC, `FDA label (stanozolol): ${BW_WP}`],
  ['danazol', 'teratogenicity|virilization|thrombosis|cerebral venous sinus thrombosis|peliosis hepatis|idiopathic intracranial hypertension|hirsutism|acne vulgaris|weight gain', `FDA label (danazol): ${BW_WP}`],
  ['finasteride', 'erectile dysfunction|decreased libido|ejaculation disorder|breast swelling|gynecomastia|depression|suicidal ideation|prostate cancer', `FDA label (finasteride): ${WP_AR}`],
  ['dutasteride', 'erectile dysfunction|decreased libido|ejaculation disorder|breast swelling|gynecomastia|prostate cancer', `FDA label (dutasteride): ${WP_AR}`],
  ['clomiphene', 'ovarian hyperstimulation syndrome|ovarian cyst|visual disturbance|blurred vision|menopausal symptoms', `FDA label (clomiphene): ${WP_AR}`],
  ['ulipristal', 'drug-induced liver injury|headache|nausea|abdominal pain|irregular menstruation', 'FDA label (ulipristal acetate 30 mg): Adverse Reactions; EMA (2020) ulipristal 5 mg liver injury review'],
  ['mifepristone', 'hemorrhage|vaginal bleeding|sepsis|adrenal insufficiency|hypokalemia|endometrial hyperplasia|long QT syndrome', `FDA label (mifepristone): ${BW_WP}`],
  ['oxytocin', 'hyponatremia|seizure|hypotension|tachycardia|cardiac arrhythmia|neonatal jaundice', `FDA label (oxytocin): ${WP_AR}`],

  // Pituitary, hypothalamic and adrenal drugs
  ['somatropin', 'idiopathic intracranial hypertension|scoliosis|pancreatitis|hyperglycemia|type 2 diabetes|hypothyroidism|edema|joint pain|carpal tunnel syndrome|lipodystrophy|secondary adrenal insufficiency', `FDA label (somatropin): ${WP_AR}`],
  ['mecasermin', 'hypoglycemia|idiopathic intracranial hypertension|scoliosis|lipohypertrophy|hypersensitivity reaction', `FDA label (mecasermin): ${WP_AR}`],
  ['octreotide', 'cholelithiasis|hyperglycemia|hypoglycemia|hypothyroidism|bradycardia|pancreatitis|abdominal pain|flatulence', `FDA label (octreotide): ${WP_AR}`],
  ['lanreotide', 'cholelithiasis|bradycardia|hyperglycemia|hypoglycemia|hypothyroidism|abdominal pain|injection site reaction', `FDA label (lanreotide): ${WP_AR}`],
  ['pasireotide', 'hyperglycemia|diabetes mellitus|bradycardia|long QT syndrome|cholelithiasis|adrenal insufficiency|drug-induced liver injury|diarrhea', `FDA label (pasireotide): ${WP_AR}`],
  ['bromocriptine', 'nausea|hypotension|hallucinations|psychosis|pleural effusion|pleural thickening|impulse control disorder|somnolence|sleep attacks|stroke|seizure|myocardial infarction', `FDA label (bromocriptine): ${WP_AR}`],
  ['cabergoline', 'valvular heart disease|pleural effusion|pleural thickening|pericardial effusion|gambling disorder|impulse control disorder|hypotension|nausea|dizziness', `FDA label (cabergoline): ${WP_AR}`],
  ['leuprolide', 'menopausal symptoms|hyperglycemia|diabetes mellitus|myocardial infarction|stroke|long QT syndrome|osteoporosis|seizure|pituitary apoplexy|decreased libido|erectile dysfunction', `FDA label (leuprolide): ${WP_AR}`],
  ['goserelin', 'menopausal symptoms|hyperglycemia|diabetes mellitus|myocardial infarction|stroke|long QT syndrome|osteoporosis|decreased libido|erectile dysfunction', `FDA label (goserelin): ${WP_AR}`],
  ['osilodrostat', 'adrenal insufficiency|long QT syndrome|hypokalemia|hypertension|edema|hirsutism', `FDA label (osilodrostat): ${WP_AR}`],
  ['metyrapone', 'adrenal insufficiency|nausea|vomiting|dizziness|somnolence', `FDA label (metyrapone): ${WP_AR}`],
  ['mitotane', 'adrenal insufficiency|somnolence|dizziness|nausea|vomiting|loss of appetite|gynecomastia', `FDA label (mitotane): ${BW_WP_AR}`],

  // Gout and other metabolic drugs
  ['allopurinol', 'Stevens-Johnson syndrome|drug reaction with eosinophilia and systemic symptoms|hypersensitivity reaction|rash|drug-induced liver injury|acute interstitial nephritis', `FDA label (allopurinol): ${WP_AR}`],
  ['febuxostat', 'sudden cardiac death|myocardial infarction|stroke|drug-induced liver injury|Stevens-Johnson syndrome|drug reaction with eosinophilia and systemic symptoms|rash', `FDA label (febuxostat): ${BW_WP}`],
  ['probenecid', 'nephrolithiasis|hemolytic anemia|aplastic anemia|hypersensitivity reaction', `FDA label (probenecid): ${WP_AR}`],
  ['pegloticase', 'anaphylaxis|infusion reaction|methemoglobinemia|hemolytic anemia|heart failure', `FDA label (pegloticase): ${BW_WP}`],
  ['rasburicase', 'anaphylaxis|hemolytic anemia|methemoglobinemia', `FDA label (rasburicase): ${BW_WP}`],
  ['sibutramine', 'myocardial infarction|stroke|hypertension|tachycardia|insomnia|xerostomia|constipation', 'FDA label (sibutramine): Warnings; SCOUT trial and FDA market withdrawal (2010)'],
  ['rimonabant', 'depression|suicidal ideation|mood changes|insomnia|nausea', 'EMA (2008) rimonabant suspension: psychiatric adverse reactions'],
  ['fenfluramine', 'valvular heart disease|pulmonary hypertension|somnolence|loss of appetite', `FDA label (fenfluramine): ${BW_WP_AR}`],
  ['dexfenfluramine', 'valvular heart disease|pulmonary hypertension', 'FDA market withdrawal (1997): valvular heart disease; ' + GG],
  ['benfluorex', 'valvular heart disease|pulmonary hypertension', 'EMA (2009) benfluorex withdrawal: valvular heart disease'],
  ['lorcaserin', 'serotonin syndrome|hypoglycemia|headache|dizziness|cancer', `FDA label (lorcaserin): ${WP_AR}; FDA withdrawal request (2020)`],

  // Renal and electrolyte agents
  ['potassium chloride', 'hyperkalemia|cardiac arrest|pill esophagitis|gastrointestinal bleeding|intestinal perforation', `FDA label (potassium chloride): ${WP_AR}`],
  ['calcium carbonate', 'hypercalcemia|milk-alkali syndrome|constipation|nephrolithiasis', `${BNF}; ${GG}`],
  ['calcium gluconate', 'hypercalcemia|bradycardia|cardiac arrhythmia|skin necrosis|hypotension', `FDA label (calcium gluconate injection): ${WP_AR}`],
  ['magnesium sulfate', 'hypermagnesemia|hyporeflexia|respiratory depression|hypotension|cardiac arrest|flushing|hypocalcemia|bradycardia', `FDA label (magnesium sulfate injection): ${WP_AR}`],
  ['sodium bicarbonate', 'metabolic alkalosis|hypernatremia|hypokalemia|hypocalcemia|edema|tetany', `FDA label (sodium bicarbonate injection): ${WP_AR}`],
  ['hypertonic saline', 'central pontine myelinolysis|hypernatremia|pulmonary edema|heart failure|non-anion gap metabolic acidosis', `FDA label (sodium chloride 3% and 5% injection): ${WP_AR}`],
  ['sevelamer', 'intestinal obstruction|intestinal perforation|constipation|dysphagia|nausea|vomiting|diarrhea', `FDA label (sevelamer): ${WP_AR}`],
  ['calcium acetate', 'hypercalcemia|nausea|vomiting', `FDA label (calcium acetate): ${WP_AR}`],
  ['ferric citrate', 'iron overload|diarrhea|constipation|nausea', `FDA label (ferric citrate): ${WP_AR}`],
  ['sodium polystyrene sulfonate', 'mesenteric ischemia|intestinal perforation|hypokalemia|hypocalcemia|hypomagnesemia|edema|heart failure|constipation', `FDA label (sodium polystyrene sulfonate): ${WP_AR}`],
  ['patiromer', 'hypomagnesemia|hypokalemia|constipation|diarrhea', `FDA label (patiromer): ${WP_AR}`],
  ['sodium zirconium cyclosilicate', 'edema|hypokalemia', `FDA label (sodium zirconium cyclosilicate): ${WP_AR}`],

  // Respiratory drugs
  ['albuterol', `${BETA_AGONIST}|lactic acidosis`, `FDA label (albuterol): ${WP_AR}; ${BNF}`],
  ['levalbuterol', BETA_AGONIST, `FDA label (levalbuterol): ${WP_AR}`],
  ['terbutaline', `${BETA_AGONIST}|pulmonary edema|myocardial ischemia`, `FDA label (terbutaline): ${BW_WP_AR}`],
  ['salmeterol', BETA_AGONIST, `FDA label (salmeterol): ${BW_WP_AR}`],
  ['formoterol', BETA_AGONIST, `FDA label (formoterol): ${BW_WP_AR}`],
  ['indacaterol', BETA_AGONIST, `FDA label (indacaterol): ${WP_AR}`],
  ['olodaterol', BETA_AGONIST, `FDA label (olodaterol): ${WP_AR}`],
  ['vilanterol', BETA_AGONIST, `FDA label (fluticasone furoate/vilanterol): ${WP_AR}`],
  ['fenoterol', BETA_AGONIST, `${GG}: beta2 adrenergic agonists`],
  ['metaproterenol', BETA_AGONIST, `FDA label (metaproterenol): ${WP_AR}`],
  ['ipratropium', ANTIMUSCARINIC_INHALED, `FDA label (ipratropium): ${WP_AR}`],
  ['tiotropium', ANTIMUSCARINIC_INHALED, `FDA label (tiotropium): ${WP_AR}`],
  ['umeclidinium', ANTIMUSCARINIC_INHALED, `FDA label (umeclidinium): ${WP_AR}`],
  ['aclidinium', ANTIMUSCARINIC_INHALED, `FDA label (aclidinium): ${WP_AR}`],
  ['glycopyrrolate', 'tachycardia|urinary retention|constipation|xerostomia|blurred vision|angle-closure glaucoma|hypohidrosis', `FDA label (glycopyrrolate): ${WP_AR}`],
  ['theophylline', 'seizure|cardiac arrhythmia|ventricular arrhythmia|multifocal atrial tachycardia|tachycardia|nausea|vomiting|hypokalemia|hyperglycemia|insomnia|tremor', `FDA label (theophylline): ${WP_AR}`],
  ['aminophylline', 'seizure|cardiac arrhythmia|ventricular arrhythmia|tachycardia|nausea|vomiting|hypokalemia|hyperglycemia|insomnia|tremor', `FDA label (aminophylline): ${WP_AR}`],
  ['caffeine', 'necrotizing enterocolitis|seizure|tachycardia|cardiac arrhythmia|hyperglycemia|hypoglycemia|insomnia|tremor', `FDA label (caffeine citrate): ${WP_AR}`],
  ['roflumilast', 'depression|suicidal ideation|weight loss|diarrhea|nausea|insomnia|loss of appetite', `FDA label (roflumilast): ${WP_AR}`],
  ['montelukast', 'agitation|aggression|depression|suicidal ideation|abnormal dreams|insomnia|hallucinations|sleepwalking|eosinophilic granulomatosis with polyangiitis', `FDA label (montelukast): ${BW_WP}`],
  ['zafirlukast', 'drug-induced liver injury|hepatitis|liver failure|eosinophilic granulomatosis with polyangiitis|depression|insomnia', `FDA label (zafirlukast): ${WP_AR}`],
  ['zileuton', 'drug-induced liver injury|sleep disorder|abnormal behavior', `FDA label (zileuton): ${WP_AR}`],
  ['cromolyn', 'cough|sore throat|nasal congestion', `FDA label (cromolyn sodium inhalation): ${WP_AR}`],
  ['omalizumab', 'anaphylaxis|cancer|serum sickness|eosinophilic granulomatosis with polyangiitis|injection site reaction', `FDA label (omalizumab): ${BW_WP}`],
  ['mepolizumab', 'hypersensitivity reaction|herpes zoster|injection site reaction|headache', `FDA label (mepolizumab): ${WP_AR}`],
  ['benralizumab', 'hypersensitivity reaction|anaphylaxis|headache|sore throat', `FDA label (benralizumab): ${WP_AR}`],
  ['dupilumab', 'conjunctivitis|keratitis|injection site reaction|hypersensitivity reaction|eosinophilia|eosinophilic granulomatosis with polyangiitis|herpes simplex|joint pain', `FDA label (dupilumab): ${WP_AR}`],
  ['fluticasone', `${INHALED_STEROID}|drug-induced Cushing syndrome`, `FDA label (fluticasone propionate inhalation): ${WP_AR}`],
  ['budesonide', `${INHALED_STEROID}|drug-induced Cushing syndrome`, `FDA label (budesonide): ${WP_AR}`],
  ['beclomethasone', INHALED_STEROID, `FDA label (beclomethasone dipropionate inhalation): ${WP_AR}`],
  ['mometasone', INHALED_STEROID, `FDA label (mometasone furoate inhalation): ${WP_AR}`],
  ['ciclesonide', INHALED_STEROID, `FDA label (ciclesonide inhalation): ${WP_AR}`],
  ['benzonatate', 'seizure|cardiac arrest|hypersensitivity reaction|confusion|hallucinations', `FDA label (benzonatate): ${WP_AR}`],
  ['pseudoephedrine', 'hypertension|tachycardia|palpitations|insomnia|nervousness|urinary retention|ischemic colitis|posterior reversible encephalopathy syndrome|reversible cerebral vasoconstriction syndrome|stroke', `${BNF}; EMA PRAC (2023) pseudoephedrine review (PRES, RCVS)`],

  // Antihistamines
  ['diphenhydramine', `${SEDATING_ANTIHISTAMINE}|delirium|seizure|long QT syndrome|agitation`, `FDA OTC labeling (diphenhydramine): warnings; ${GG}: H1 antihistamine toxicity`],
  ['chlorpheniramine', `${SEDATING_ANTIHISTAMINE}|agitation`, `${BNF}; ${GG}: H1 antihistamines`],
  ['hydroxyzine', 'somnolence|xerostomia|long QT syndrome|torsades de pointes|acute generalized exanthematous pustulosis|tremor|seizure', `FDA label (hydroxyzine): ${WP_AR}; EMA (2015) hydroxyzine QT review`],
  ['promethazine', 'respiratory depression|skin necrosis|peripheral ischemia|somnolence|neuroleptic malignant syndrome|extrapyramidal symptoms|seizure|agranulocytosis|leukopenia|cholestasis', `FDA label (promethazine): ${BW_WP_AR}`],
  ['cetirizine', 'somnolence|fatigue|xerostomia', 'FDA label (cetirizine): Warnings; Adverse Reactions'],
  ['levocetirizine', 'somnolence|fatigue|urinary retention|xerostomia', 'FDA label (levocetirizine): Warnings and Precautions; Adverse Reactions'],
  ['terfenadine', 'long QT syndrome|torsades de pointes|ventricular arrhythmia|sudden cardiac death', 'FDA label (terfenadine): Boxed Warning; FDA market withdrawal (1998)'],
  ['astemizole', 'long QT syndrome|torsades de pointes|ventricular arrhythmia|sudden cardiac death', 'FDA label (astemizole): Boxed Warning; FDA market withdrawal (1999)'],
  ['cyproheptadine', 'somnolence|xerostomia|increased appetite|weight gain|urinary retention|confusion', `FDA label (cyproheptadine): ${WP_AR}`],
  ['doxylamine', 'somnolence|xerostomia|urinary retention|blurred vision|rhabdomyolysis', `FDA OTC labeling (doxylamine): warnings; ${GG}: H1 antihistamine overdose`],
  ['dimenhydrinate', 'somnolence|xerostomia|blurred vision|urinary retention', `${BNF}; ${GG}: H1 antihistamines`],
  ['meclizine', 'somnolence|xerostomia|fatigue|blurred vision', `FDA label (meclizine): ${WP_AR}`],
  ['cyclizine', 'somnolence|xerostomia|urinary retention|blurred vision|tachycardia', BNF],
  ['ketotifen', 'somnolence|weight gain|increased appetite', BNF],
  ['azelastine', 'dysgeusia|somnolence|epistaxis|headache', `FDA label (azelastine nasal spray): ${WP_AR}`],

  // Gastrointestinal drugs: acid suppression and mucosal protection
  ['omeprazole', `${PPI}|atrophic gastritis`, `FDA label (omeprazole): ${WP_AR}`],
  ['esomeprazole', PPI, `FDA label (esomeprazole): ${WP_AR}`],
  ['lansoprazole', `${PPI}|microscopic colitis`, `FDA label (lansoprazole): ${WP_AR}`],
  ['dexlansoprazole', PPI, `FDA label (dexlansoprazole): ${WP_AR}`],
  ['pantoprazole', PPI, `FDA label (pantoprazole): ${WP_AR}`],
  ['rabeprazole', PPI, `FDA label (rabeprazole): ${WP_AR}`],
  ['vonoprazan', 'acute interstitial nephritis|Clostridioides difficile infection|bone fracture|hypomagnesemia|vitamin B12 deficiency anemia|Stevens-Johnson syndrome|drug reaction with eosinophilia and systemic symptoms', `FDA label (vonoprazan): ${WP_AR}`],
  ['cimetidine', 'gynecomastia|erectile dysfunction|confusion|delirium|acute interstitial nephritis|hepatitis|agranulocytosis|bradycardia', `FDA label (cimetidine): ${WP_AR}`],
  ['ranitidine', 'hepatitis|confusion|bradycardia|thrombocytopenia|agranulocytosis', `FDA label (ranitidine): ${WP_AR}`],
  ['famotidine', 'confusion|delirium|hallucinations|seizure|long QT syndrome|headache', `FDA label (famotidine): ${WP_AR}`],
  ['sucralfate', 'constipation|hyperglycemia|hypersensitivity reaction', `FDA label (sucralfate): ${WP_AR}`],
  ['bismuth subsalicylate', 'Reye syndrome|tinnitus|constipation', 'FDA OTC labeling (bismuth subsalicylate): warnings'],
  ['misoprostol', 'miscarriage|preterm labor|teratogenicity|vaginal bleeding|diarrhea|abdominal pain', `FDA label (misoprostol): ${BW_WP_AR}`],
  ['aluminium hydroxide', 'constipation|hypophosphatemia|osteomalacia|encephalopathy', `${BNF}; ${GG}: antacids (aluminium accumulation in renal failure)`],

  // Gastrointestinal drugs: antiemetics and prokinetics
  ['ondansetron', `${SETRON}|torsades de pointes|myocardial ischemia`, `FDA label (ondansetron): ${WP_AR}`],
  ['granisetron', SETRON, `FDA label (granisetron): ${WP_AR}`],
  ['dolasetron', `${SETRON}|torsades de pointes|atrioventricular block|ventricular arrhythmia`, `FDA label (dolasetron): ${WP_AR}`],
  ['palonosetron', 'serotonin syndrome|hypersensitivity reaction|constipation|headache', `FDA label (palonosetron): ${WP_AR}`],
  ['aprepitant', 'hiccups|fatigue|constipation|diarrhea|loss of appetite', `FDA label (aprepitant): ${WP_AR}`],
  ['fosaprepitant', 'hypersensitivity reaction|anaphylaxis|injection site reaction|superficial thrombophlebitis|hiccups|fatigue', `FDA label (fosaprepitant): ${WP_AR}`],
  ['metoclopramide', 'tardive dyskinesia|acute dystonia|drug-induced parkinsonism|akathisia|neuroleptic malignant syndrome|depression|suicidal ideation|hyperprolactinemia|galactorrhea|gynecomastia|somnolence|hypertension', `FDA label (metoclopramide): ${BW_WP_AR}`],
  ['domperidone', 'long QT syndrome|ventricular arrhythmia|sudden cardiac death|hyperprolactinemia|galactorrhea|gynecomastia|amenorrhea', `${BNF}; MHRA Drug Safety Update (2014) domperidone cardiac risks`],
  ['prochlorperazine', 'tardive dyskinesia|acute dystonia|drug-induced parkinsonism|akathisia|neuroleptic malignant syndrome|somnolence|hypotension|cholestasis|agranulocytosis', `FDA label (prochlorperazine): ${BW_WP_AR}`],
  ['droperidol', 'long QT syndrome|torsades de pointes|extrapyramidal symptoms|neuroleptic malignant syndrome|hypotension|somnolence', `FDA label (droperidol): ${BW_WP}`],
  ['trimethobenzamide', 'extrapyramidal symptoms|drug-induced parkinsonism|seizure|somnolence|hypotension|blurred vision', `FDA label (trimethobenzamide): ${WP_AR}`],
  ['dronabinol', 'somnolence|dizziness|euphoria|abnormal thinking|paranoia|psychosis|tachycardia|hypotension|seizure', `FDA label (dronabinol): ${WP_AR}`],
  ['nabilone', 'somnolence|dizziness|euphoria|psychosis|hypotension|tachycardia|xerostomia', `FDA label (nabilone): ${WP_AR}`],
  ['scopolamine', 'angle-closure glaucoma|confusion|agitation|hallucinations|psychosis|blurred vision|xerostomia|urinary retention|somnolence', `FDA label (scopolamine transdermal): ${WP_AR}`],
  ['hyoscine butylbromide', 'tachycardia|hypotension|anaphylaxis|xerostomia|urinary retention|blurred vision|constipation', `${BNF}; MHRA Drug Safety Update (2017) hyoscine butylbromide injection`],
  ['dicyclomine', 'xerostomia|dizziness|blurred vision|urinary retention|delirium|psychosis|tachycardia|hypohidrosis', `FDA label (dicyclomine): ${WP_AR}`],
  ['cisapride', 'long QT syndrome|torsades de pointes|ventricular arrhythmia|sudden cardiac death|diarrhea|abdominal pain', `FDA label (cisapride): ${BW_WP}; FDA market withdrawal (2000)`],
  ['tegaserod', 'myocardial infarction|stroke|ischemic colitis|suicidal ideation|diarrhea|abdominal pain', `FDA label (tegaserod): ${WP_AR}`],
  ['prucalopride', 'suicidal ideation|headache|abdominal pain|nausea|diarrhea', `FDA label (prucalopride): ${WP_AR}`],

  // Gastrointestinal drugs: antidiarrhoeals, laxatives, IBS and IBD drugs
  ['loperamide', 'long QT syndrome|torsades de pointes|ventricular arrhythmia|cardiac arrest|syncope|ileus|toxic megacolon|constipation|abdominal distension', `FDA label (loperamide): ${WP_AR}`],
  ['diphenoxylate', 'respiratory depression|ileus|toxic megacolon|somnolence|tachycardia|urinary retention|xerostomia|flushing|pancreatitis', `FDA label (diphenoxylate/atropine): ${WP_AR}`],
  ['alosetron', 'ischemic colitis|constipation|intestinal obstruction|ileus|intestinal perforation|toxic megacolon', `FDA label (alosetron): ${BW_WP}`],
  ['eluxadoline', 'pancreatitis|sphincter of Oddi dysfunction|constipation|abdominal pain|nausea', `FDA label (eluxadoline): ${WP_AR}`],
  ['lubiprostone', 'nausea|diarrhea|shortness of breath|syncope|hypotension|abdominal pain', `FDA label (lubiprostone): ${WP_AR}`],
  ['linaclotide', 'diarrhea|dehydration|abdominal pain|flatulence|abdominal distension', `FDA label (linaclotide): ${BW_WP_AR}`],
  ['plecanatide', 'diarrhea|dehydration|abdominal distension|flatulence', `FDA label (plecanatide): ${BW_WP_AR}`],
  ['methylnaltrexone', 'gastrointestinal perforation|opioid withdrawal|abdominal pain|diarrhea|flatulence|nausea', `FDA label (methylnaltrexone): ${WP_AR}`],
  ['naloxegol', 'gastrointestinal perforation|opioid withdrawal|abdominal pain|diarrhea|flatulence|nausea', `FDA label (naloxegol): ${WP_AR}`],
  ['bisacodyl', 'abdominal pain|diarrhea|hypokalemia|electrolyte imbalance', BNF],
  ['senna', 'abdominal pain|diarrhea|hypokalemia|electrolyte imbalance|urine discoloration', BNF],
  ['lactulose', 'flatulence|abdominal distension|abdominal pain|diarrhea|hypernatremia|hypokalemia|dehydration', `FDA label (lactulose): ${WP_AR}`],
  ['milk of magnesia', 'hypermagnesemia|diarrhea|dehydration|abdominal pain', `${BNF}; FDA OTC labeling (magnesium hydroxide): warnings`],
  ['magnesium citrate', 'hypermagnesemia|diarrhea|dehydration|electrolyte imbalance', 'FDA OTC labeling (magnesium citrate): warnings'],
  ['sodium picosulfate', 'hyponatremia|hypokalemia|dehydration|seizure|cardiac arrhythmia|acute kidney injury|ischemic colitis|hypermagnesemia', `FDA label (sodium picosulfate/magnesium oxide/citric acid): ${WP_AR}`],
  ['mineral oil', 'pneumonia|fecal incontinence|malabsorption', `${GG}: lubricant laxatives (lipoid aspiration pneumonia)`],
  ['phenolphthalein', 'fixed drug eruption|diarrhea|abdominal pain', `${GG}: stimulant laxatives`],
  ['mesalamine', 'acute interstitial nephritis|kidney disease|nephrolithiasis|myocarditis|pericarditis|drug-induced liver injury|pancreatitis|Stevens-Johnson syndrome|drug reaction with eosinophilia and systemic symptoms|photosensitivity', `FDA label (mesalamine): ${WP_AR}`],
  ['sulfasalazine', 'agranulocytosis|neutropenia|hemolytic anemia|megaloblastic anemia|oligospermia|infertility|Stevens-Johnson syndrome|drug reaction with eosinophilia and systemic symptoms|hepatitis|urine discoloration|skin discoloration|nausea', `FDA label (sulfasalazine): ${WP_AR}`],
  ['balsalazide', 'acute interstitial nephritis|kidney disease|drug-induced liver injury|abdominal pain|headache', `FDA label (balsalazide): ${WP_AR}`],
  ['olsalazine', 'diarrhea|abdominal pain|nausea', `FDA label (olsalazine): ${WP_AR}`],
  ['orlistat', 'fecal incontinence|flatulence|diarrhea|drug-induced liver injury|nephrolithiasis|crystal nephropathy|cholelithiasis|malabsorption', `FDA label (orlistat): ${WP_AR}`],
  ['obeticholic acid', 'liver failure|itching|fatigue|abdominal pain', `FDA label (obeticholic acid): ${BW_WP_AR}`],
  ['pancrelipase', 'colonic stenosis|hyperuricemia|hypersensitivity reaction|abdominal pain', `FDA label (pancrelipase): ${WP_AR} (fibrosing colonopathy)`],
];
