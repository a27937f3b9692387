// Domain (preprocess): physiological plausibility limits, in the canonical unit of canonical-units.ts,
// checked AFTER conversion. They are extreme-but-possible limits: a value outside cannot be a real
// measurement of a living patient (a unit slip, a decimal shift, a test value), so it is rejected,
// not clipped. They are deliberately NOT reference ranges; abnormal-but-real values must pass.
// Where a documented human extreme lies outside a limit of the ingest brief, the limit is widened and
// the record cited.

export interface PlausibleRange {
  low: number;
  high: number;
  /** Canonical UCUM unit the limits are in. */
  ucum: string;
  source: string;
}

const brief = 'caregraph ingest brief (extreme-but-possible limits)';

/** Limits keyed by the `concept` of canonical-units.ts. */
export const plausibleRanges: Readonly<Record<string, PlausibleRange>> = {
  // Brief; higher peaks (480/350 mmHg) were measured intra-arterially during maximal leg presses
  // (MacDougall et al., J Appl Physiol 1985;58:785-90), never as a charted clinical reading.
  'systolic blood pressure': { low: 40, high: 300, ucum: 'mm[Hg]', source: brief },
  'diastolic blood pressure': { low: 20, high: 200, ucum: 'mm[Hg]', source: brief },
  // Brief; ventricular rates near 300/min occur in pre-excited atrial fibrillation and infant SVT.
  'heart rate': { low: 20, high: 300, ucum: '/min', source: brief },
  'respiratory rate': { low: 4, high: 80, ucum: '/min', source: brief },
  // Saturation cannot exceed 100 %; below 50 % pulse oximeters are not calibrated (ISO 80601-2-61:2017
  // requires accuracy over 70-100 %), so such a reading is not usable data.
  'oxygen saturation': { low: 50, high: 100, ucum: '%', source: `${brief}; ISO 80601-2-61:2017` },
  // Widened from the brief's 25-45 °C: survived accidental hypothermia at 13.7 °C (Gilbert et al.,
  // Lancet 2000;355:375-6) and heat stroke at 46.5 °C (Guinness World Records, 1980).
  'body temperature': {
    low: 13,
    high: 47,
    ucum: 'Cel',
    source: 'Gilbert et al. Lancet 2000; Guinness World Records 1980',
  },
  // Smallest surviving newborn about 0.245 kg (Sharp Mary Birch Hospital, 2018); heaviest recorded
  // about 635 kg (Jon Brower Minnoch, Guinness World Records).
  'body weight': { low: 0.2, high: 650, ucum: 'kg', source: `${brief}; Guinness World Records` },
  // Tallest recorded 272 cm (Robert Wadlow, Guinness World Records); extremely preterm newborns ~20 cm.
  'body height': { low: 20, high: 272, ucum: 'cm', source: `${brief}; Guinness World Records` },
  'body mass index': { low: 5, high: 200, ucum: 'kg/m2', source: brief },
  // Widened from the brief's 100 mmol/L: 147.6 mmol/L (2,656 mg/dL) survived (Guinness World Records, 2008).
  glucose: { low: 0.5, high: 160, ucum: 'mmol/L', source: `${brief}; Guinness World Records 2008` },
  'haemoglobin A1c': { low: 2, high: 25, ucum: '%', source: brief },
  creatinine: { low: 10, high: 3000, ucum: 'umol/L', source: brief },
  potassium: { low: 1, high: 12, ucum: 'mmol/L', source: brief },
  // Survived extremes near 99 and 185 mmol/L are case reports; limits keep a margin around them.
  sodium: {
    low: 90,
    high: 200,
    ucum: 'mmol/L',
    source: 'engineering limit around published case-report extremes',
  },
  // Homozygous familial hypercholesterolaemia reaches ~ 25-30 mmol/L (EAS Consensus Panel, Eur Heart
  // J 2014;35:2146-57); limits leave a margin.
  'total cholesterol': {
    low: 0.5,
    high: 50,
    ucum: 'mmol/L',
    source: 'EAS FH consensus 2014 (margin added)',
  },
  'HDL cholesterol': { low: 0.05, high: 10, ucum: 'mmol/L', source: 'engineering limit' },
  'LDL cholesterol': {
    low: 0.05,
    high: 45,
    ucum: 'mmol/L',
    source: 'EAS FH consensus 2014 (margin added)',
  },
  // Familial chylomicronaemia: triglycerides above 100 mmol/L are reported (Brahm & Hegele, Nat Rev
  // Endocrinol 2015;11:352-62).
  triglycerides: {
    low: 0.05,
    high: 250,
    ucum: 'mmol/L',
    source: 'Brahm & Hegele 2015 (margin added)',
  },
  haemoglobin: { low: 1, high: 26, ucum: 'g/dL', source: 'engineering limit' },
  // A filtration rate cannot be negative; CKD-EPI 2021 (Inker et al., N Engl J Med 2021;385:1737-49)
  // gives under 200 for any adult creatinine above 0.2 mg/dL; the limit leaves a margin.
  eGFR: {
    low: 0,
    high: 300,
    ucum: 'mL/min/{1.73_m2}',
    source: 'engineering limit (Inker et al. NEJM 2021, margin added)',
  },
  // Ischaemic hepatitis and paracetamol toxicity reach ALT above 10,000 U/L (case series); an
  // activity cannot be negative.
  'alanine aminotransferase': {
    low: 0,
    high: 100_000,
    ucum: 'U/L',
    source: 'engineering limit around published case-series extremes',
  },
  // A concentration cannot be negative; large infarcts and myocarditis give hs-cTnI in the tens of
  // thousands of ng/L (the ARCHITECT STAT hs-cTnI measures to 50,000 ng/L undiluted); the limit
  // leaves a wide margin for diluted results.
  'high-sensitivity troponin I': {
    low: 0,
    high: 1_000_000,
    ucum: 'ng/L',
    source: 'engineering limit around the assay measuring interval (Abbott package insert)',
  },
  // A ratio cannot be negative; nephrotic-range albuminuria exceeds 2,200 mg/g (KDIGO 2024) and
  // reaches tens of thousands of mg/g; the limit leaves a margin.
  'urine albumin/creatinine ratio': {
    low: 0,
    high: 100_000,
    ucum: 'mg/g',
    source: 'engineering limit (KDIGO 2024 albuminuria categories, margin added)',
  },
  // A concentration cannot be negative; disseminated intravascular coagulation gives D-dimers in the
  // tens of thousands of ng/mL FEU (the VIDAS D-Dimer Exclusion II is linear to 10,000 undiluted); the
  // limit leaves a wide margin for diluted results.
  'D-dimer FEU': {
    low: 0,
    high: 1_000_000,
    ucum: 'ng/mL{FEU}',
    source: 'engineering limit around the assay measuring interval (bioMerieux VIDAS DEX2)',
  },
  // Newborns measure about 30 cm round the abdomen; the largest waist recorded is 302 cm (Walter
  // Hudson, Guinness World Records).
  'waist circumference': {
    low: 20,
    high: 310,
    ucum: 'cm',
    source: 'engineering limit; Guinness World Records (largest waist)',
  },
  // A week has 7 days, a day 1,440 minutes, a week 10,080.
  'exercise days per week': { low: 0, high: 7, ucum: 'd/wk', source: 'definition' },
  'exercise minutes per day': { low: 0, high: 1440, ucum: 'min/d', source: 'definition' },
  'exercise minutes per week': { low: 0, high: 10_080, ucum: 'min/wk', source: 'definition' },
  // A percentile lies in 0-100 by definition (CDC 2000 growth charts report 0-100).
  'BMI percentile': { low: 0, high: 100, ucum: '%', source: 'definition (CDC 2000 growth charts)' },
  // Nine items scored 0-3 (Kroenke, Spitzer & Williams, J Gen Intern Med 2001;16:606-13).
  'PHQ-9 total score': { low: 0, high: 27, ucum: '{score}', source: 'Kroenke et al. JGIM 2001' },
  // Seven items scored 0-3 (Spitzer et al., Arch Intern Med 2006;166:1092-7).
  'GAD-7 total score': {
    low: 0,
    high: 21,
    ucum: '{score}',
    source: 'Spitzer et al. Arch Intern Med 2006',
  },
};
