// Domain (synth/state): prevalence and odds-ratio tables of the respiratory, mental-health, oncology,
// thrombotic and paediatric conditions, in generation order (after the cardiometabolic ones).
import { both, type ConditionSpec } from './condition-tables';

export const otherSpecs: readonly ConditionSpec[] = [
  {
    // AHA Heart Disease & Stroke Statistics 2020, Chart 17-1 (stroke by age and sex, NHANES 2013–2016).
    // ORs: INTERSTROKE (O'Donnell MJ et al. Lancet 2016;388:761) hypertension 2.6, cardiac causes incl.
    // AF 3.2, current smoking 1.67, diabetes 1.16, obesity (waist-hip) 1.3.
    key: 'stroke',
    minAge: 18,
    prevalence: {
      ages: [18, 40, 60, 80],
      female: [0.007, 0.022, 0.052, 0.139],
      male: [0.002, 0.019, 0.061, 0.158],
    },
    odds: { hypertension: 2.6, 'atrial-fibrillation': 3.2, 'type2-diabetes': 1.16, obesity: 1.3 },
    smoking: { current: 1.67, former: 1.1 },
    onset: { kind: 'event', fromAge: 20, meanYears: 6, activeDays: 30 },
  },
  {
    // Children: NSCH 2007 (Shaw TE et al. J Invest Dermatol 2011;131:67: 12.97% of children), higher in the
    // youngest; adults 7.3% (Chiesa Fuxench ZC et al. J Invest Dermatol 2019;139:583). 85% begin before 5.
    key: 'atopic-dermatitis',
    minAge: 0,
    prevalence: both([0, 6, 12, 18], [0.15, 0.12, 0.09, 0.073]),
    onset: { kind: 'childhood', fromAge: 0.2, meanAge: 1.5, sdAge: 2 },
  },
  {
    // CDC Most Recent National Asthma Data (NHIS 2021): current asthma 6.5% of children (boys > girls) and
    // 8.0% of adults (women 10.4%, men 5.5%); rarely diagnosed before 2. ORs: obesity 1.92 (Beuther DA,
    // Sutherland ER. AJRCCM 2007;175:661), eczema 2.1 (van der Hulst AE et al. JACI 2007;120:565).
    key: 'asthma',
    minAge: 1,
    prevalence: {
      ages: [1, 2, 5, 12, 18],
      female: [0.003, 0.03, 0.065, 0.08, 0.104],
      male: [0.004, 0.04, 0.085, 0.09, 0.055],
    },
    odds: { obesity: 1.92, 'atopic-dermatitis': 2.1 },
    onset: { kind: 'childhood', fromAge: 1, meanAge: 4, sdAge: 3 },
    adultOnset: { kind: 'chronic', fromAge: 5, meanYears: 15 },
    // Severe asthma is 5–10% of asthma (ERS/ATS guideline, Chung KF et al. Eur Respir J 2014;43:343);
    // the split of the milder NAEPP EPR-3 (2007) categories is a modelling assumption.
    severity: [
      ['intermittent', 0.4],
      ['mild persistent', 0.3],
      ['moderate persistent', 0.22],
      ['severe persistent', 0.08],
    ],
  },
  {
    // BRFSS 2018 (Wheaton AG et al. MMWR 2019;68:533): COPD rises from ≈2% under 45 to ≈12% at 75+.
    // ORs: Forey BA et al. BMC Pulm Med 2011;11:36 (current smoking 3.51, ex-smoking 2.35); asthma 2.5.
    key: 'copd',
    minAge: 35,
    prevalence: both([35, 45, 65, 75], [0.025, 0.06, 0.11, 0.12]),
    odds: { asthma: 2.5 },
    smoking: { current: 3.51, former: 2.35 },
    onset: { kind: 'chronic', fromAge: 35, meanYears: 7 },
    // GOLD 2023 spirometric grades among diagnosed COPD (approximation of US primary-care cohorts).
    severity: [
      ['GOLD 1', 0.25],
      ['GOLD 2', 0.45],
      ['GOLD 3', 0.22],
      ['GOLD 4', 0.08],
    ],
  },
  {
    // Past-year major depressive episode, NSDUH 2021 (SAMHSA): 18–25 18.6%, 26–49 9.3%, 50+ 4.5%; women 10.3%,
    // men 6.2%; adolescents diagnosed ≈8% (Bitsko RH et al. MMWR Suppl 2022;71(2), NSCH 2016–2019).
    // OR obesity 1.55 (Luppino FS et al. Arch Gen Psychiatry 2010;67:220).
    key: 'depression',
    minAge: 12,
    prevalence: {
      ages: [12, 18, 26, 50],
      female: [0.11, 0.225, 0.115, 0.057],
      male: [0.05, 0.145, 0.07, 0.033],
    },
    odds: { obesity: 1.55 },
    onset: { kind: 'chronic', fromAge: 12, meanYears: 4 },
    // PHQ-9 bands among people with MDD (Kroenke K et al. J Gen Intern Med 2001;16:606 cut-points).
    severity: [
      ['moderate', 0.45],
      ['moderately severe', 0.35],
      ['severe', 0.2],
    ],
  },
  {
    // GAD-7 ≥10, NHIS 2019 (NCHS Data Brief 378: highest at 18–29, lowest at 65+, women ≈1.5× men);
    // children: diagnosed anxiety 9.4% of 3–17-year-olds, rising with age (Bitsko 2022). OR with depression
    // 6.0 (NCS-R, Kessler RC et al. Arch Gen Psychiatry 2005;62:617).
    key: 'anxiety',
    minAge: 6,
    prevalence: {
      ages: [6, 12, 18, 30, 45, 65],
      female: [0.055, 0.13, 0.1, 0.085, 0.07, 0.04],
      male: [0.065, 0.09, 0.065, 0.055, 0.048, 0.028],
    },
    odds: { depression: 6.0 },
    onset: { kind: 'chronic', fromAge: 6, meanYears: 4 },
    severity: [
      ['moderate', 0.6],
      ['severe', 0.4],
    ],
  },
  {
    // NSCH 2022 (Danielson ML et al. J Clin Child Adolesc Psychol 2024;53:343): current ADHD 3–5 2.4%,
    // 6–11 ≈10%, 12–17 ≈13%, boys ≈2× girls; adults ≈6% (Staley BS et al. MMWR 2024;73:890), fewer diagnosed
    // in older cohorts. Diagnosis typically at 6–9 years.
    key: 'adhd',
    minAge: 3,
    prevalence: {
      ages: [3, 6, 12, 18, 40, 60],
      female: [0.015, 0.065, 0.09, 0.035, 0.015, 0.004],
      male: [0.033, 0.135, 0.175, 0.05, 0.02, 0.005],
    },
    onset: { kind: 'childhood', fromAge: 3, meanAge: 7.5, sdAge: 2.5 },
  },
  {
    // SEER complete prevalence (1 Jan 2020, SEER*Explorer): ≈3.8 million women with a history of breast
    // cancer, rising to ≈7% at 80+. OR family history 1.8 (Collaborative Group on Hormonal Factors in Breast
    // Cancer, Lancet 2001;358:1389). Stage and years since diagnosis drawn jointly (conditions.ts, 1.6.0):
    // `severity` is the AJCC stage at diagnosis, set so that SEER summary stage at diagnosis (Cancer Stat
    // Facts, SEER 22 2014–2020: localized 65% / regional 27% / distant 6%) is met with stage II split
    // between localized and regional (generator choice); 5-year relative survival from SEER Cancer Stat
    // Facts (SEER 22, 2025 release): localized 99%, regional 87%, distant 32%; stage II takes the midpoint.
    // `meanYears` is the scale without excess cancer mortality (generator choice).
    key: 'breast-cancer',
    minAge: 25,
    sex: 'female',
    prevalence: both([25, 40, 50, 60, 70, 80], [0.0008, 0.007, 0.02, 0.038, 0.06, 0.075]),
    odds: { fhBreast: 1.8, obesity: 1.1 },
    onset: { kind: 'chronic', fromAge: 25, meanYears: 8 },
    severity: [
      ['I', 0.5],
      ['II', 0.3],
      ['III', 0.14],
      ['IV', 0.06],
    ],
    stageSurvival5y: { I: 0.99, II: 0.93, III: 0.87, IV: 0.32 },
  },
  {
    // SEER complete prevalence 2020: ≈0.2% overall, concentrated at 60+. Smoking relative risks from Thun MJ
    // et al. NEJM 2013;368:351 (current ≈15–25×; 15 used, former 4.5). Stage and years since diagnosis drawn
    // jointly (conditions.ts, 1.6.0): `severity` is the AJCC stage at diagnosis, set to SEER summary stage at
    // diagnosis among staged cases (Cancer Stat Facts, SEER 22 2014–2020: localized 27% / regional 22% /
    // distant 44% of all, i.e. ≈29/24/47) with stage II split between localized and regional (generator
    // choice); 5-year relative survival from SEER Cancer Stat Facts (SEER 22, 2025 release): localized 65%,
    // regional 37%, distant 9% (the 2014–2020 figures were 63/35/8); stage II the midpoint. `meanYears`:
    // scale without excess cancer mortality, shorter than other cancers for smokers' competing deaths
    // (generator choice); survivors thus skew to early stage and recent diagnosis.
    key: 'lung-cancer',
    minAge: 30,
    prevalence: both([30, 50, 60, 70, 80], [0.0001, 0.001, 0.0035, 0.006, 0.006]),
    smoking: { current: 15, former: 4.5 },
    onset: { kind: 'chronic', fromAge: 30, meanYears: 6 },
    severity: [
      ['I', 0.24],
      ['II', 0.1],
      ['III', 0.19],
      ['IV', 0.47],
    ],
    stageSurvival5y: { I: 0.65, II: 0.51, III: 0.37, IV: 0.09 },
  },
  {
    // SEER complete prevalence 2020: ≈1.4 million survivors (≈0.4%), ≈2% at 80+. ORs: family history 2.24
    // (Butterworth AS et al. Eur J Cancer 2006;42:216), obesity 1.33 (Ma Y et al. PLoS One 2013;8:e53916),
    // smoking 1.2 (Botteri E et al. JAMA 2008;300:2765). Stage and years since diagnosis drawn jointly
    // (conditions.ts, 1.6.0): `severity` is the AJCC stage at diagnosis, set to SEER summary stage at
    // diagnosis among staged cases (Cancer Stat Facts, SEER 22 2014–2020: localized 36% / regional 37% /
    // distant 21% of all, i.e. ≈38/39/22), stage I–II localized (T1–T4a N0), III regional (N+), IV distant;
    // 5-year relative survival from SEER Cancer Stat Facts (SEER 22, 2025 release): localized 91%, regional
    // 74%, distant 16%. `meanYears`: scale without excess cancer mortality (generator choice).
    key: 'colorectal-cancer',
    minAge: 25,
    prevalence: both([25, 50, 60, 70, 80], [0.0003, 0.003, 0.007, 0.013, 0.02]),
    odds: { fhColorectal: 2.24, obesity: 1.33 },
    smoking: { current: 1.2, former: 1.15 },
    onset: { kind: 'chronic', fromAge: 25, meanYears: 8 },
    severity: [
      ['I', 0.2],
      ['II', 0.18],
      ['III', 0.4],
      ['IV', 0.22],
    ],
    stageSurvival5y: { I: 0.91, II: 0.91, III: 0.74, IV: 0.16 },
  },
  {
    // DVT within the last 5 years: incidence ≈1 per 10,000/yr in young adults to ≈1 per 100/yr in the
    // elderly (Heit JA. Nat Rev Cardiol 2015;12:464). ORs: malignancy 4.05 (Heit JA et al. Arch Intern Med
    // 2000;160:809), obesity 2.3 (Stein PD et al. Am J Med 2005;118:978). Active for the 3-month treatment
    // course (CHEST 2016 VTE guideline).
    key: 'deep-vein-thrombosis',
    minAge: 18,
    prevalence: both([18, 40, 60, 80], [0.002, 0.005, 0.012, 0.025]),
    odds: { 'breast-cancer': 4.05, 'lung-cancer': 4.05, 'colorectal-cancer': 4.05, obesity: 2.3 },
    onset: { kind: 'episode', windowDays: 5 * 365, activeDays: 90 },
  },
  {
    // At least one episode in the last two years: by age 1 23% and by 3 years 60% of children have had AOM
    // (Kaur R, Morris M, Pichichero ME. Pediatrics 2017;140:e20170181, a cohort followed from 6 to 36
    // months, peak incidence at 6-12 months); uncommon after 6. Acute: 14 days. From 1.12.0: none before
    // 6 months (the cohort's start, and the AAP 2013 guideline's: until 1.11.0 a 2-day-old could have
    // AOM, as 40% of all under-3s had an episode placed anywhere in their life), the first year rising
    // to 23% at 12 months, then the cumulative share interpolated between 23% at 1 and 60% at 3 years
    // (mean over the year of age: 32% at 1, 51% at 2).
    key: 'otitis-media',
    minAge: 0,
    maxAge: 17,
    prevalence: both([0, 1, 2, 3, 6, 12], [0.23, 0.32, 0.51, 0.22, 0.08, 0.03]),
    onset: { kind: 'episode', windowDays: 730, activeDays: 14, fromAgeMonths: 6, rampToMonths: 12 },
  },
];
