// Domain (synth/state): prevalence and odds-ratio tables of the cardiometabolic and renal conditions,
// in generation order (each condition's risk factors are generated before it).
import { both, type ConditionSpec } from './condition-tables';

export const cardiometabolicSpecs: readonly ConditionSpec[] = [
  {
    // NHANES 2017–2018, NCHS Data Brief 360 (adults 20–39 40.0%, 40–59 44.8%, 60+ 42.8%; NH Black 49.6%,
    // Hispanic 44.8%, NH Asian 17.4%); children NHSR 158 (2017–Mar 2020: 2–5 12.7%, 6–11 20.7%, 12–19 22.2%);
    // 80+ lower (mean BMI ≈27, CDC anthropometric reference data 2015–2018, Vital Health Stat 3(46)).
    key: 'obesity',
    minAge: 2,
    prevalence: both([2, 6, 12, 18, 40, 60, 80], [0.127, 0.207, 0.222, 0.4, 0.448, 0.428, 0.28]),
    odds: { black: 1.34, hispanic: 1.1, asian: 0.29 },
    onset: { kind: 'chronic', fromAge: 2, meanYears: 3 },
    adultOnset: { kind: 'chronic', fromAge: 10, meanYears: 12 },
  },
  {
    // NDSR 2023: 304,000 people under 20 (≈35 per 10,000) and 1.7 million adults (≈0.66%) have type 1 diabetes;
    // SEARCH incidence peaks at 10–14 years.
    key: 'type1-diabetes',
    minAge: 1,
    prevalence: both([1, 5, 10, 15, 20], [0.0005, 0.002, 0.0035, 0.0045, 0.0066]),
    onset: { kind: 'childhood', fromAge: 1, meanAge: 11, sdAge: 6 },
  },
  {
    // CDC National Diabetes Statistics Report 2023: diagnosed diabetes 18–44 3.0%, 45–64 13.8%, 65+ 21.4%
    // (≈95% type 2); age-adjusted men 11.6% vs women 8.8%; NH White 8.9, NH Black 12.4, NH Asian 11.1,
    // Hispanic 13.0% (Appendix Table 1). ORs: obesity 3.0 (Mokdad AH et al. JAMA 2003;289:76, BMI 30–39.9
    // OR 3.44), first-degree family history 2.7 (InterAct, Diabetologia 2013;56:60), Asian 2.0 at a given
    // BMI (ADA Standards of Care 2024 screen Asian Americans from BMI 23).
    key: 'type2-diabetes',
    minAge: 18,
    prevalence: {
      ages: [18, 40, 60, 80],
      female: [0.025, 0.1, 0.19, 0.2],
      male: [0.035, 0.14, 0.25, 0.23],
    },
    odds: { obesity: 3.0, fhDiabetes: 2.7, black: 1.35, hispanic: 1.5, asian: 2.0 },
    onset: { kind: 'chronic', fromAge: 18, meanYears: 9 },
  },
  {
    // NDSR 2023 Table 3 (HbA1c 5.7–6.4% or fasting glucose 100–125 mg/dL): 18–44 28.7%, 45–64 42.3%,
    // 65+ 48.8% of all adults; the model conditions on no diagnosed diabetes. OR obesity 2.0 (NHANES).
    key: 'prediabetes',
    minAge: 18,
    prevalence: both([18, 45, 65], [0.287, 0.423, 0.488]),
    odds: { obesity: 2.0, fhDiabetes: 1.5 },
    onset: { kind: 'chronic', fromAge: 18, meanYears: 4 },
  },
  {
    // NCHS Data Brief 364 (NHANES 2017–2018, 2017 ACC/AHA ≥130/80 or medication): 18–39 22.4%, 40–59 54.5%,
    // 60+ 74.5%; men 51.0%, women 39.7%; NH Black 57.1% vs NH White 43.6%. ORs: obesity 2.5 (Mokdad 2003),
    // diabetes 1.8 (NDSR 2023: 73.6% of adults with diabetes have BP ≥130/80 or take medication).
    key: 'hypertension',
    minAge: 18,
    prevalence: {
      ages: [18, 40, 60, 80],
      female: [0.18, 0.5, 0.72, 0.82],
      male: [0.27, 0.59, 0.74, 0.8],
    },
    odds: { obesity: 2.5, 'type2-diabetes': 1.8, black: 1.7 },
    onset: { kind: 'chronic', fromAge: 18, meanYears: 10 },
  },
  {
    // LDL-C ≥130 mg/dL or lipid-lowering medication: AHA Heart Disease & Stroke Statistics 2023 ch. 7
    // (NHANES 2017–2020) and NCHS Data Brief 177 (27.8% of adults 40+ on cholesterol-lowering drugs).
    // ORs: obesity 1.5 (Mokdad 2003: high cholesterol OR 1.88 at BMI ≥40), diabetes 1.8, hypertension 1.5.
    key: 'hyperlipidaemia',
    minAge: 18,
    prevalence: both([18, 40, 60, 80], [0.12, 0.33, 0.48, 0.42]),
    odds: { obesity: 1.5, 'type2-diabetes': 1.8, hypertension: 1.5 },
    onset: { kind: 'chronic', fromAge: 20, meanYears: 8 },
  },
  {
    // CDC Chronic Kidney Disease in the United States 2023 (NHANES 2017–Mar 2020): 14% of adults; 18–44 ≈6%,
    // 45–64 ≈12%, 65+ ≈34%; women 14%, men 12%; NH Black 20% vs NH White 12%. ORs: diabetes 3.0 (1 in 3 adults
    // with diabetes has CKD), hypertension 2.3 (1 in 5), obesity 1.4 (Wang Y et al. Kidney Int 2008;73:19).
    key: 'ckd',
    minAge: 18,
    prevalence: {
      ages: [18, 40, 60, 80],
      female: [0.065, 0.12, 0.29, 0.47],
      male: [0.055, 0.1, 0.25, 0.43],
    },
    odds: { 'type2-diabetes': 3.0, hypertension: 2.3, obesity: 1.4, black: 1.4 },
    onset: { kind: 'chronic', fromAge: 18, meanYears: 6 },
  },
  {
    // CHD by age and sex, AHA Heart Disease & Stroke Statistics 2020, Chart 19-1 (NHANES 2013–2016).
    // ORs from INTERHEART (Yusuf S et al. Lancet 2004;364:937): current smoking 2.87, hypertension 1.91,
    // diabetes 2.37, abdominal obesity 1.62 (1.3 used for BMI obesity), dyslipidaemia 2.0; CKD 1.5;
    // parental premature CVD 1.6 (Lloyd-Jones DM et al. JAMA 2004;291:2204).
    key: 'coronary-disease',
    minAge: 25,
    prevalence: {
      ages: [25, 40, 60, 80],
      female: [0.005, 0.056, 0.1, 0.188],
      male: [0.006, 0.063, 0.199, 0.322],
    },
    odds: {
      hypertension: 1.91,
      'type2-diabetes': 2.37,
      hyperlipidaemia: 2.0,
      ckd: 1.5,
      obesity: 1.3,
      fhPrematureCad: 1.6,
    },
    smoking: { current: 2.87, former: 1.3 },
    onset: { kind: 'chronic', fromAge: 30, meanYears: 8 },
  },
  {
    // Drawn only among patients with coronary disease (see miGivenCad).
    key: 'myocardial-infarction',
    minAge: 25,
    prevalence: both([25], [0]),
    onset: { kind: 'event', fromAge: 30, meanYears: 7, activeDays: 56 },
  },
  {
    // ATRIA (Go AS et al. JAMA 2001;285:2370): <55 0.1%, 55–59 0.7%, 60–64 1.7%, 65–69 3.0%, 70–74 5.0%,
    // 75–79 7.3%, 80–84 10.3%, 85+ 11.1%; men 1.1% vs women 0.8%. ORs: Framingham (Benjamin EJ et al. JAMA
    // 1994;271:840) hypertension 1.5, diabetes 1.5, MI 1.4; obesity 1.5 (Wang TJ et al. JAMA 2004;292:2471).
    key: 'atrial-fibrillation',
    minAge: 18,
    prevalence: {
      ages: [18, 55, 60, 65, 70, 75, 80, 85],
      female: [0.0008, 0.005, 0.012, 0.022, 0.04, 0.06, 0.085, 0.095],
      male: [0.0015, 0.009, 0.021, 0.038, 0.06, 0.085, 0.12, 0.13],
    },
    odds: { hypertension: 1.5, 'type2-diabetes': 1.5, obesity: 1.5, 'myocardial-infarction': 1.4 },
    onset: { kind: 'chronic', fromAge: 30, meanYears: 5 },
  },
  {
    // HF by age and sex, AHA Heart Disease & Stroke Statistics 2020, Chart 20-1 (NHANES 2013–2016). ORs:
    // Framingham hypertension 2.0 (Levy D et al. JAMA 1996;275:1557), MI 4.0, AF 3.0, diabetes 1.8 (Kannel WB
    // Am J Cardiol 1974;34:29); obesity 1.9 (Kenchaiah S et al. NEJM 2002;347:305); CKD 1.6; CHD 1.8.
    key: 'heart-failure',
    minAge: 18,
    prevalence: {
      ages: [18, 40, 60, 80],
      female: [0.003, 0.016, 0.048, 0.12],
      male: [0.004, 0.019, 0.078, 0.128],
    },
    odds: {
      hypertension: 2.0,
      'myocardial-infarction': 4.0,
      'coronary-disease': 1.8,
      'atrial-fibrillation': 3.0,
      'type2-diabetes': 1.8,
      ckd: 1.6,
      obesity: 1.9,
    },
    onset: { kind: 'chronic', fromAge: 30, meanYears: 4 },
    // NYHA class mix of community HF (Ammar KA et al. Circulation 2007;115:1563); a modelling approximation.
    severity: [
      ['NYHA class I', 0.3],
      ['NYHA class II', 0.4],
      ['NYHA class III', 0.25],
      ['NYHA class IV', 0.05],
    ],
  },
];
