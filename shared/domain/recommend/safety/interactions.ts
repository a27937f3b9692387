// Domain (recommend/safety): a curated table of clinically important drug-drug interactions, graded
// major / moderate (contraindicated where the product labels say so), each with its source. Matching
// is by ingredient or by class (drugs.ts). Not exhaustive: a proposal is checked against these pairs
// only, and the report says so.
import { inClass } from '../drugs';
import type { SafetyWarning, WarningSeverity } from '../model';

interface Side {
  drugs?: readonly string[];
  classes?: readonly string[];
}

interface Interaction {
  a: Side;
  b: Side;
  /** Drugs of side `a` a more specific rule covers instead (so one pair gets one warning). */
  except?: readonly string[];
  severity: WarningSeverity;
  effect: string;
  source: string;
}

const cyp3a4Strong = { classes: ['strong_cyp3a4_inhibitor'] };
const bleedingAnticoagulant = { classes: ['vitamin_k_antagonist', 'doac'] };
/** Strong CYP3A4 inhibitors the simvastatin and lovastatin labels name (sources at their rules). */
const strongCyp3a4Named = [
  'itraconazole',
  'ketoconazole',
  'posaconazole',
  'erythromycin',
  'clarithromycin',
  'telithromycin',
  'nefazodone',
];
/** HIV protease inhibitors (the labels name the class). */
const hivProteaseInhibitors = [
  'ritonavir',
  'atazanavir',
  'darunavir',
  'fosamprenavir',
  'indinavir',
  'lopinavir',
  'nelfinavir',
  'saquinavir',
  'tipranavir',
];

export const interactionTable: readonly Interaction[] = [
  {
    a: bleedingAnticoagulant,
    b: { classes: ['nsaid', 'cox2_inhibitor'] },
    severity: 'major',
    effect: 'bleeding risk roughly doubled; avoid NSAIDs with oral anticoagulants',
    source:
      '2023 ACC/AHA/ACCP/HRS AF guideline (Joglar JA et al. Circulation 2024;149:e1), section 6.3; Stockley',
  },
  {
    a: bleedingAnticoagulant,
    b: { classes: ['aspirin', 'p2y12_inhibitor'] },
    severity: 'major',
    effect:
      'antiplatelet + anticoagulant: major bleeding; only with a defined indication and time limit',
    source: '2023 ACC/AHA/ACCP/HRS AF guideline, section 6.3 (antiplatelet with OAC)',
  },
  {
    a: bleedingAnticoagulant,
    b: { drugs: ['prasugrel', 'ticagrelor'] },
    severity: 'major',
    effect:
      'avoid prasugrel and ticagrelor with an oral anticoagulant: clopidogrel is the P2Y12 inhibitor to combine with it',
    source:
      '2021 North American consensus on antithrombotic therapy in AF patients undergoing PCI (Angiolillo DJ et al. Circulation 2021;143:583)',
  },
  {
    a: { drugs: ['warfarin'] },
    b: { drugs: ['sulfamethoxazole', 'trimethoprim', 'fluconazole', 'metronidazole'] },
    severity: 'major',
    effect: 'CYP2C9 inhibition raises INR; bleeding',
    source: 'Coumadin (warfarin) US prescribing information 2017, section 7; Stockley',
  },
  {
    a: { drugs: ['clopidogrel'] },
    b: { drugs: ['omeprazole', 'esomeprazole'] },
    severity: 'major',
    effect:
      'CYP2C19 inhibition lowers clopidogrel active metabolite; use pantoprazole if a PPI is needed',
    source:
      'Plavix (clopidogrel) US prescribing information 2022, sections 5.1, 7.1 (FDA 2009/2010 safety communication)',
  },
  // Simvastatin: FDA Drug Safety Communication 2011-06-08 ("New restrictions, contraindications, and
  // dose limitations for Zocor (simvastatin)"), table "Contraindicated with simvastatin": itraconazole,
  // ketoconazole, posaconazole, erythromycin, clarithromycin, telithromycin, HIV protease inhibitors,
  // nefazodone, gemfibrozil, cyclosporine, danazol; Zocor US prescribing information section 4.
  // (Names the ingredient catalog lacks match nothing until it has them.)
  {
    a: { drugs: ['simvastatin'] },
    b: {
      ...cyp3a4Strong,
      drugs: [
        ...strongCyp3a4Named,
        ...hivProteaseInhibitors,
        'gemfibrozil',
        'cyclosporine',
        'ciclosporin',
        'danazol',
      ],
    },
    severity: 'contraindicated',
    effect:
      'contraindicated (strong CYP3A4 inhibitor, gemfibrozil, cyclosporine or danazol): myopathy and rhabdomyolysis',
    source:
      'FDA Drug Safety Communication 2011-06-08 (Zocor/simvastatin), "Contraindicated with simvastatin"; Zocor US prescribing information, section 4',
  },
  // Lovastatin: FDA statin labelling changes of 2012-02-28 (Mevacor US prescribing information 2012,
  // sections 4 and 5.1): contraindicated with strong CYP3A4 inhibitors (itraconazole, ketoconazole,
  // posaconazole, erythromycin, clarithromycin, telithromycin, HIV protease inhibitors, boceprevir,
  // telaprevir, nefazodone); avoid with cyclosporine and gemfibrozil (the statin rule below: major).
  {
    a: { drugs: ['lovastatin'] },
    b: {
      ...cyp3a4Strong,
      drugs: [...strongCyp3a4Named, ...hivProteaseInhibitors, 'boceprevir', 'telaprevir'],
    },
    severity: 'contraindicated',
    effect: 'contraindicated (strong CYP3A4 inhibitor): myopathy and rhabdomyolysis',
    source:
      'FDA statin safety labelling changes 2012-02-28; Mevacor (lovastatin) US prescribing information 2012, section 4',
  },
  {
    a: { drugs: ['lovastatin'] },
    b: { drugs: ['cyclosporine', 'ciclosporin'] },
    severity: 'major',
    effect: 'avoid: myopathy and rhabdomyolysis',
    source:
      'FDA statin safety labelling changes 2012-02-28; Mevacor (lovastatin) US prescribing information 2012, section 5.1',
  },
  {
    a: { classes: ['statin'] },
    b: { classes: ['fibrate_gemfibrozil'] },
    except: ['simvastatin'],
    severity: 'major',
    effect: 'myopathy; gemfibrozil should not be combined with a statin',
    source:
      '2018 AHA/ACC cholesterol guideline (Grundy SM et al. Circulation 2019;139:e1082), section 4.5; lovastatin: Mevacor US prescribing information 2012, section 5.1 (avoid)',
  },
  {
    a: { classes: ['ssri', 'snri', 'serotonergic_opioid'] },
    b: { classes: ['maoi'] },
    severity: 'contraindicated',
    effect: 'serotonin syndrome; allow a 14-day washout (5 weeks after fluoxetine)',
    source: 'SSRI US prescribing information (e.g. Zoloft 2023, section 4); FDA class labelling',
  },
  {
    a: { classes: ['ssri', 'snri'] },
    b: { classes: ['serotonergic_opioid'] },
    severity: 'moderate',
    effect: 'serotonin syndrome and lowered seizure threshold',
    source: 'Ultram (tramadol) US prescribing information 2023, section 7',
  },
  {
    a: { classes: ['ssri', 'snri'] },
    b: { classes: ['nsaid', 'vitamin_k_antagonist', 'doac', 'aspirin'] },
    severity: 'moderate',
    effect: 'gastrointestinal bleeding; consider gastroprotection',
    source: 'NICE CG90 (2009) 1.5.2.4; BNF interactions (SSRIs + NSAIDs/anticoagulants)',
  },
  {
    a: { classes: ['ace_inhibitor', 'arb'] },
    b: { classes: ['potassium_sparing_diuretic'] },
    severity: 'moderate',
    effect: 'hyperkalaemia; check potassium and renal function within 1-2 weeks',
    source: '2017 ACC/AHA hypertension guideline, Table 19; 2022 AHA/ACC/HFSA HF guideline 7.3.4',
  },
  {
    a: { classes: ['ace_inhibitor'] },
    b: { classes: ['arb'] },
    severity: 'major',
    effect:
      'dual renin-angiotensin blockade: hyperkalaemia and acute kidney injury without benefit',
    source: '2017 ACC/AHA hypertension guideline, section 8.1.6 (COR III: Harm, LOE A); ONTARGET',
  },
  {
    a: { drugs: ['methotrexate'] },
    b: { drugs: ['trimethoprim', 'sulfamethoxazole'] },
    severity: 'major',
    effect: 'additive antifolate effect: bone marrow suppression',
    source: 'Methotrexate US prescribing information 2020, section 7; MHRA Drug Safety Update 2019',
  },
  {
    a: { drugs: ['ticagrelor'] },
    b: cyp3a4Strong,
    severity: 'contraindicated',
    effect: 'strong CYP3A4 inhibitors raise ticagrelor exposure; avoid',
    source: 'Brilinta (ticagrelor) US prescribing information 2021, section 7.1',
  },
  {
    a: { drugs: ['apixaban', 'rivaroxaban'] },
    b: { drugs: ['ketoconazole', 'itraconazole', 'ritonavir', 'posaconazole', 'voriconazole'] },
    severity: 'major',
    effect: 'combined P-gp and strong CYP3A4 inhibition raises anticoagulant exposure',
    source: 'Eliquis US prescribing information 2021, section 7.1; Xarelto 2023, section 7',
  },
  {
    a: { classes: ['pde5_inhibitor'] },
    b: { classes: ['nitrate'] },
    severity: 'contraindicated',
    effect: 'profound hypotension',
    source: 'Viagra (sildenafil) US prescribing information 2017, section 4',
  },
  {
    a: { classes: ['lithium'] },
    b: { classes: ['ace_inhibitor', 'arb', 'thiazide', 'nsaid'] },
    severity: 'major',
    effect: 'reduced lithium clearance: toxicity; monitor levels',
    source: 'Lithium carbonate US prescribing information 2022, section 7',
  },
  {
    a: { classes: ['nsaid'] },
    b: { classes: ['ace_inhibitor', 'arb'] },
    severity: 'moderate',
    effect: 'blunted antihypertensive effect and acute kidney injury (worse with a diuretic)',
    source: 'KDIGO 2012 CKD guideline 4.4; 2017 ACC/AHA hypertension guideline, Table 12',
  },
  {
    a: { drugs: ['tamoxifen'] },
    b: { drugs: ['fluoxetine', 'paroxetine'] },
    severity: 'moderate',
    effect: 'strong CYP2D6 inhibition lowers endoxifen',
    source: 'CPIC CYP2D6 and tamoxifen guideline 2018 (Goetz MP et al. CPT 2018;103:770)',
  },
  {
    a: { classes: ['arni'] },
    b: { classes: ['ace_inhibitor'] },
    severity: 'contraindicated',
    effect:
      'angioedema; stop the ACE inhibitor 36 hours before the first dose of sacubitril/valsartan',
    source: 'Entresto (sacubitril/valsartan) US prescribing information 2021, sections 4 and 7.1',
  },
  {
    a: { drugs: ['capecitabine', 'fluorouracil'] },
    b: { classes: ['vitamin_k_antagonist'] },
    severity: 'major',
    effect:
      'raised INR and bleeding, including death, from days to months after starting; monitor INR often and adjust the warfarin dose',
    source:
      'XELODA (capecitabine) US prescribing information 2015, boxed warning (XELODA-warfarin interaction); FDA MedWatch 2001',
  },
  {
    a: { drugs: ['azathioprine', 'mercaptopurine'] },
    b: { classes: ['xanthine_oxidase_inhibitor'] },
    severity: 'major',
    effect:
      'xanthine oxidase inhibition blocks thiopurine inactivation: myelosuppression; give one-third to one-quarter of the usual thiopurine dose',
    source:
      'Imuran (azathioprine) US prescribing information, Drug Interactions (use with allopurinol); Purinethol (mercaptopurine) US prescribing information, Dosage and Administration (allopurinol)',
  },
  {
    a: { drugs: ['tacrolimus'] },
    b: cyp3a4Strong,
    severity: 'major',
    effect:
      'strong CYP3A4 inhibition raises tacrolimus levels: nephrotoxicity, neurotoxicity, QT prolongation; reduce the dose and follow trough levels',
    source: 'Prograf (tacrolimus) US prescribing information 2021, section 7 (CYP3A inhibitors)',
  },
];

function matches(drug: string, side: Side): boolean {
  return (
    (side.drugs?.includes(drug) ?? false) || (side.classes?.some((c) => inClass(drug, c)) ?? false)
  );
}

/**
 * Interactions between `drug` and each of `others` (ingredients the patient takes or the option
 * adds), one warning per interacting pair. `evidence` names where each other drug came from.
 */
export function interactionWarnings(
  drug: string,
  others: readonly { drug: string; source: string }[],
): SafetyWarning[] {
  const warnings: SafetyWarning[] = [];
  for (const other of others) {
    if (other.drug === drug) continue;
    for (const rule of interactionTable) {
      const a = (d: string) => matches(d, rule.a) && !rule.except?.includes(d);
      const pair =
        (a(drug) && matches(other.drug, rule.b)) || (matches(drug, rule.b) && a(other.drug));
      if (!pair) continue;
      warnings.push({
        kind: 'interaction',
        severity: rule.severity,
        drug,
        message: `${drug} + ${other.drug}: ${rule.effect}`,
        source: rule.source,
        evidence: [other.source],
      });
    }
  }
  return warnings;
}
