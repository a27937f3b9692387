// Domain (medications): cardiovascular (ATC C) and antithrombotic (ATC B01) ingredients and their
// classes (WHO ATC/DDD Index 2025 groups; ACC/AHA 2017 hypertension guideline Tables 18-19 for the
// antihypertensive classes). RXCUIs: RxNorm ingredient concepts as already recorded in the project
// (nlp/vocabulary, kg/seed: RxNorm 2024-01; recommend/safety/allergies.ts); '' = none recorded there.
// This is the union of the three tables it replaces (features/spec.ts, adherence/medications.ts,
// risk/fhir/clinical-codes.ts) plus the marketed drugs the adherence table's INN stems (-pril,
// -sartan, -olol; WHO INN stem book 2024) used to match; see drug-classes.test.ts for each choice.
import { ingredient as d, type Ingredient } from './class-definitions';

// prettier-ignore
export const cardiovascularIngredients: readonly Ingredient[] = [
  d('lisinopril', '29046', 'ace_inhibitor'),
  d('enalapril', '3827', 'ace_inhibitor'),
  d('ramipril', '35296', 'ace_inhibitor'),
  d('captopril', '1998', 'ace_inhibitor'),
  d('perindopril', '', 'ace_inhibitor'),
  d('benazepril', '18867', 'ace_inhibitor'),
  d('quinapril', '', 'ace_inhibitor'),
  d('fosinopril', '', 'ace_inhibitor'),
  d('trandolapril', '', 'ace_inhibitor'),
  d('moexipril', '', 'ace_inhibitor'),
  d('cilazapril', '', 'ace_inhibitor'),
  d('zofenopril', '', 'ace_inhibitor'),

  d('losartan', '52175', 'arb'),
  d('valsartan', '69749', 'arb'),
  // Sold only with valsartan (Entresto): a product names both, so it carries arni and arb.
  d('sacubitril', '', 'arni'),
  d('irbesartan', '83818', 'arb'),
  d('candesartan', '', 'arb'),
  d('olmesartan', '118463', 'arb'),
  d('telmisartan', '', 'arb'),
  d('azilsartan', '', 'arb'),
  d('eprosartan', '', 'arb'),

  d('amlodipine', '17767', 'calcium_channel_blocker'),
  d('nifedipine', '7417', 'calcium_channel_blocker'),
  d('felodipine', '', 'calcium_channel_blocker'),
  d('nicardipine', '', 'calcium_channel_blocker'),
  d('isradipine', '', 'calcium_channel_blocker'),
  d('lercanidipine', '', 'calcium_channel_blocker'),
  d('diltiazem', '3443', 'calcium_channel_blocker'),
  d('verapamil', '11170', 'calcium_channel_blocker'),

  d('hydrochlorothiazide', '5487', 'thiazide'),
  d('chlorthalidone', '2409', 'thiazide'),
  d('indapamide', '', 'thiazide'),
  d('metolazone', '', 'thiazide'),
  d('chlorothiazide', '', 'thiazide'),
  d('bendroflumethiazide', '', 'thiazide'),

  // Timolol, betaxolol, carteolol and levobunolol are left out on purpose: prescribed almost only as
  // eye drops (ATC S01ED), and no consumer reads the route, so they would count as antihypertensive
  // treatment. The adherence table's old -olol stem matched them.
  d('metoprolol', '6918', 'beta_blocker'),
  d('atenolol', '1202', 'beta_blocker'),
  d('bisoprolol', '', 'beta_blocker'),
  d('carvedilol', '20352', 'beta_blocker', 'alpha_beta_blocker'),
  d('propranolol', '8787', 'beta_blocker'),
  d('nebivolol', '', 'beta_blocker'),
  d('labetalol', '', 'beta_blocker', 'alpha_beta_blocker'),
  d('nadolol', '', 'beta_blocker'),
  d('sotalol', '', 'beta_blocker'),
  d('pindolol', '', 'beta_blocker'),
  d('acebutolol', '', 'beta_blocker'),
  d('esmolol', '', 'beta_blocker'),
  d('celiprolol', '', 'beta_blocker'),
  d('oxprenolol', '', 'beta_blocker'),
  d('penbutolol', '', 'beta_blocker'),

  d('furosemide', '4603', 'loop_diuretic'),
  d('bumetanide', '1808', 'loop_diuretic'),
  d('torsemide', '38413', 'loop_diuretic'),
  d('spironolactone', '9997', 'mineralocorticoid_antagonist'),
  d('eplerenone', '', 'mineralocorticoid_antagonist'),
  d('amiloride', '', 'potassium_sparing_diuretic'),
  d('triamterene', '', 'potassium_sparing_diuretic'),

  d('doxazosin', '', 'alpha_blocker'),
  d('prazosin', '', 'alpha_blocker'),
  d('terazosin', '', 'alpha_blocker'),
  d('clonidine', '2599', 'central_alpha_agonist'),
  d('methyldopa', '', 'central_alpha_agonist'),
  d('hydralazine', '5470', 'direct_vasodilator'),
  d('minoxidil', '', 'direct_vasodilator'),
  d('aliskiren', '', 'renin_inhibitor'),

  d('nitroglycerin', '4917', 'nitrate'),
  d('isosorbide', '', 'nitrate'),
  d('atorvastatin', '83367', 'statin'),
  d('simvastatin', '36567', 'statin'),
  d('rosuvastatin', '301542', 'statin'),
  d('pravastatin', '42463', 'statin'),
  d('lovastatin', '', 'statin'),
  d('pitavastatin', '', 'statin'),
  d('fluvastatin', '', 'statin'),
  d('gemfibrozil', '4719', 'fibrate_gemfibrozil'),

  d('warfarin', '11289', 'vitamin_k_antagonist'),
  d('acenocoumarol', '', 'vitamin_k_antagonist'),
  d('phenprocoumon', '', 'vitamin_k_antagonist'),
  d('apixaban', '1364430', 'doac'),
  d('rivaroxaban', '1114195', 'doac'),
  d('dabigatran', '1037042', 'doac'),
  d('edoxaban', '', 'doac'),
  d('aspirin', '1191', 'aspirin'),
  d('clopidogrel', '32968', 'p2y12_inhibitor'),
  d('prasugrel', '613391', 'p2y12_inhibitor'),
  d('ticagrelor', '1116632', 'p2y12_inhibitor'),
  d('dipyridamole', '', 'antiplatelet'),
  d('cilostazol', '', 'antiplatelet'),
];
