// Domain (preprocess): the canonical UCUM unit per LOINC concept and the conversions into it.
// SI units for labs (as in the synthetic generator's primary units and most non-US LIS), so risk
// models see one unit per concept. Conversion factors and their sources sit beside each entry.
//
// Unit-specific LOINC codes: LOINC's Property axis (MCnc mass vs SCnc substance concentration) makes
// e.g. 2345-7 (glucose mg/dL) and 14749-6 (glucose mmol/L) different terms. After converting a mass
// value to moles, keeping the mass code would state a contradiction, so we MAP the code to the moles
// term (`loincMap`) and keep the source code in an extension on the Coding (repair
// `loinc-mapped-to-canonical`). Unit-agnostic codes (body weight 29463-7, temperature 8310-5) keep
// their code.

/** UCUM code system URI (http://unitsofmeasure.org, UCUM 2.1). */
export const ucumSystem = 'http://unitsofmeasure.org';

export interface CanonicalUnit {
  /** Concept name used in docs and repair details. */
  concept: string;
  /** LOINC codes of the concept (any property); the first is the canonical code. */
  loinc: readonly string[];
  /** Unit-specific source code -> canonical-unit code (mass -> moles terms). */
  loincMap?: Readonly<Record<string, string>>;
  /** Canonical UCUM code, also used as the human `unit`. */
  ucum: string;
  /** Decimal places kept after a conversion (the reporting precision of the canonical unit). */
  decimals: number;
  /** Source UCUM code -> conversion into the canonical unit (identity included). */
  from: Readonly<Record<string, (value: number) => number>>;
  /**
   * True for a dimensionless score (PHQ-9, GAD-7): a value without a unit is already in the canonical
   * one (exports often leave a score's unit out), so it is not rejected for the missing unit.
   */
  unitOptional?: true;
}

const same = (v: number): number => v;
const times =
  (factor: number) =>
  (v: number): number =>
    v * factor;
const dividedBy =
  (divisor: number) =>
  (v: number): number =>
    v / divisor;

/** mmHg per kPa: 1 mmHg = 133.322 Pa (UCUM 2.1, mm[Hg] = 133.3220 Pa). */
const mmHgPerKpa = 1000 / 133.322;
/** mg/dL per mmol/L of glucose: molar mass C6H12O6 = 180.16 g/mol (IUPAC), ×10 dL/L ÷ 1000 = 18.016. */
const glucoseMgdlPerMmol = 18.016;
/** mg/dL per mmol/L of cholesterol (total, HDL, LDL): molar mass 386.65 g/mol -> 38.67 (NCEP ATP III conversion). */
const cholesterolMgdlPerMmol = 38.67;
/** mg/dL per mmol/L of triglycerides (as triolein, 885.7 g/mol) -> 88.57 (NCEP ATP III conversion). */
const triglycerideMgdlPerMmol = 88.57;
/** µmol/L per mg/dL of creatinine: 113.12 g/mol; 88.42 as in the ingest brief (KDIGO 2024 rounds to 88.4). */
const creatinineUmolPerMgdl = 88.42;

const mmolPerLitre = { 'mmol/L': same };
const bpmAliases = { '/min': same, '1/min': same, '{beats}/min': same, '{beat}/min': same };

export const canonicalUnits: readonly CanonicalUnit[] = [
  {
    concept: 'systolic blood pressure',
    loinc: ['8480-6'],
    ucum: 'mm[Hg]',
    decimals: 0,
    from: { 'mm[Hg]': same, kPa: times(mmHgPerKpa) },
  },
  {
    concept: 'diastolic blood pressure',
    loinc: ['8462-4'],
    ucum: 'mm[Hg]',
    decimals: 0,
    from: { 'mm[Hg]': same, kPa: times(mmHgPerKpa) },
  },
  { concept: 'heart rate', loinc: ['8867-4'], ucum: '/min', decimals: 0, from: bpmAliases },
  {
    concept: 'respiratory rate',
    loinc: ['9279-1'],
    ucum: '/min',
    decimals: 0,
    from: { '/min': same, '1/min': same, '{breaths}/min': same, '{breath}/min': same },
  },
  // 59408-5 SpO2 by pulse oximetry, 2708-6 SaO2 arterial.
  {
    concept: 'oxygen saturation',
    loinc: ['59408-5', '2708-6'],
    ucum: '%',
    decimals: 1,
    from: { '%': same },
  },
  // 8310-5 body temperature, 8331-1 oral, 8328-7 axillary. °F -> °C: (F - 32) × 5/9 (UCUM [degF]).
  {
    concept: 'body temperature',
    loinc: ['8310-5', '8331-1', '8328-7'],
    ucum: 'Cel',
    decimals: 2,
    from: { Cel: same, '[degF]': (f) => ((f - 32) * 5) / 9, K: (k) => k - 273.15 },
  },
  // Avoirdupois pound = 0.45359237 kg exactly (International Yard and Pound Agreement 1959).
  {
    concept: 'body weight',
    loinc: ['29463-7', '3141-9'],
    ucum: 'kg',
    decimals: 2,
    from: {
      kg: same,
      g: dividedBy(1000),
      '[lb_av]': times(0.45359237),
      '[oz_av]': times(0.028349523125),
    },
  },
  // International inch = 2.54 cm exactly (1959 agreement).
  {
    concept: 'body height',
    loinc: ['8302-2', '8306-3'],
    ucum: 'cm',
    decimals: 1,
    from: {
      cm: same,
      m: times(100),
      mm: dividedBy(10),
      '[in_i]': times(2.54),
      '[ft_i]': times(30.48),
    },
  },
  {
    concept: 'body mass index',
    loinc: ['39156-5'],
    ucum: 'kg/m2',
    decimals: 1,
    from: { 'kg/m2': same },
  },
  // 15074-8 / 2339-0 blood; 14749-6 / 2345-7 serum or plasma.
  {
    concept: 'glucose',
    loinc: ['15074-8', '14749-6', '2339-0', '2345-7'],
    loincMap: { '2339-0': '15074-8', '2345-7': '14749-6' },
    ucum: 'mmol/L',
    decimals: 2,
    from: { ...mmolPerLitre, 'mg/dL': dividedBy(glucoseMgdlPerMmol) },
  },
  // NGSP % from IFCC mmol/mol: master equation NGSP = 0.09148 × IFCC + 2.152 (Hoelzel et al., Clin Chem
  // 2004;50:166-74), used rounded as 0.0915 × IFCC + 2.15 by the IFCC/NGSP converters. 59261-8 is the IFCC term.
  {
    concept: 'haemoglobin A1c',
    loinc: ['4548-4', '17856-6', '59261-8'],
    loincMap: { '59261-8': '4548-4' },
    ucum: '%',
    decimals: 1,
    from: { '%': same, 'mmol/mol': (ifcc) => 0.0915 * ifcc + 2.15 },
  },
  // 14682-9 / 2160-0 serum or plasma; 59826-8 / 38483-4 blood.
  {
    concept: 'creatinine',
    loinc: ['14682-9', '59826-8', '2160-0', '38483-4'],
    loincMap: { '2160-0': '14682-9', '38483-4': '59826-8' },
    ucum: 'umol/L',
    decimals: 0,
    from: { 'umol/L': same, 'mmol/L': times(1000), 'mg/dL': times(creatinineUmolPerMgdl) },
  },
  // Monovalent ions: 1 mEq/L = 1 mmol/L.
  {
    concept: 'potassium',
    loinc: ['6298-4', '2823-3'],
    ucum: 'mmol/L',
    decimals: 1,
    from: { ...mmolPerLitre, 'meq/L': same },
  },
  {
    concept: 'sodium',
    loinc: ['2947-0', '2951-2'],
    ucum: 'mmol/L',
    decimals: 0,
    from: { ...mmolPerLitre, 'meq/L': same },
  },
  {
    concept: 'total cholesterol',
    loinc: ['14647-2', '2093-3'],
    loincMap: { '2093-3': '14647-2' },
    ucum: 'mmol/L',
    decimals: 2,
    from: { ...mmolPerLitre, 'mg/dL': dividedBy(cholesterolMgdlPerMmol) },
  },
  {
    concept: 'HDL cholesterol',
    loinc: ['14646-4', '2085-9'],
    loincMap: { '2085-9': '14646-4' },
    ucum: 'mmol/L',
    decimals: 2,
    from: { ...mmolPerLitre, 'mg/dL': dividedBy(cholesterolMgdlPerMmol) },
  },
  // 22748-8 / 18262-6 direct assay; 39469-2 / 13457-7 calculated.
  {
    concept: 'LDL cholesterol',
    loinc: ['22748-8', '39469-2', '18262-6', '13457-7'],
    loincMap: { '18262-6': '22748-8', '13457-7': '39469-2' },
    ucum: 'mmol/L',
    decimals: 2,
    from: { ...mmolPerLitre, 'mg/dL': dividedBy(cholesterolMgdlPerMmol) },
  },
  {
    concept: 'triglycerides',
    loinc: ['14927-8', '2571-8'],
    loincMap: { '2571-8': '14927-8' },
    ucum: 'mmol/L',
    decimals: 2,
    from: { ...mmolPerLitre, 'mg/dL': dividedBy(triglycerideMgdlPerMmol) },
  },
  {
    concept: 'haemoglobin',
    loinc: ['718-7'],
    ucum: 'g/dL',
    decimals: 1,
    from: { 'g/dL': same, 'g/L': dividedBy(10) },
  },
  // eGFR by creatinine: CKD-EPI 2021 (98979-8), CKD-EPI 2009 (62238-1), MDRD (33914-3, and 48642-3 /
  // 48643-1 by race, which KDIGO 2024 no longer recommends but old exports carry). KDIGO 2024 reports
  // mL/min/1.73 m2; mL/s/1.73 m2 (Scandinavian LIS) is 60 times smaller.
  {
    concept: 'eGFR',
    loinc: ['98979-8', '62238-1', '33914-3', '48642-3', '48643-1'],
    ucum: 'mL/min/{1.73_m2}',
    decimals: 0,
    from: { 'mL/min/{1.73_m2}': same, 'mL/s/{1.73_m2}': times(60) },
  },
  // ALT (1742-6; 1744-2 without pyridoxal phosphate). 1 IU = 1 U = 1 µmol/min (IFCC), so U/L = IU/L.
  {
    concept: 'alanine aminotransferase',
    loinc: ['1742-6', '1744-2'],
    ucum: 'U/L',
    decimals: 0,
    from: { 'U/L': same, '[IU]/L': same },
  },
  // High-sensitivity cardiac troponin I (89579-7). hs-cTn assays report whole ng/L (IFCC Task Force on
  // Clinical Applications of Cardiac Bio-Markers); 1 ng/L = 1 pg/mL, and conventional-unit results
  // in ng/mL (= ug/L) are 1,000 times larger numbers.
  {
    concept: 'high-sensitivity troponin I',
    loinc: ['89579-7'],
    ucum: 'ng/L',
    decimals: 0,
    from: { 'ng/L': same, 'pg/mL': same, 'ng/mL': times(1000), 'ug/L': times(1000) },
  },
  // Urine albumin/creatinine ratio (9318-7; 14959-1 microalbumin/creatinine) in mg/g, as KDIGO 2024
  // grades albuminuria (A2 from 30 mg/g = 3 mg/mmol). mg/mmol -> mg/g: x 8.84 (creatinine 113.12
  // g/mol: 1 mmol = 0.11312 g), as recommend/patient-labs.ts converts.
  {
    concept: 'urine albumin/creatinine ratio',
    loinc: ['9318-7', '14959-1'],
    ucum: 'mg/g',
    decimals: 0,
    from: { 'mg/g': same, 'ug/mg': same, 'mg/mmol': times(8.84), 'g/g': times(1000) },
  },
  // D-dimer in fibrinogen-equivalent units (48065-7), ng/mL FEU (= ug/L FEU, the unit of the
  // age-adjusted cut-off, age x 10 ug/L: ADJUST-PE, Righini M et al., JAMA 2014;311:1117); mg/L FEU
  // (= ug/mL FEU) results are 1,000 times smaller numbers. D-dimer units (DDU, about half the FEU value)
  // are a different LOINC term and are not converted.
  {
    concept: 'D-dimer FEU',
    loinc: ['48065-7'],
    ucum: 'ng/mL{FEU}',
    decimals: 0,
    from: {
      'ng/mL{FEU}': same,
      'ug/L{FEU}': same,
      'mg/L{FEU}': times(1000),
      'ug/mL{FEU}': times(1000),
    },
  },
  // BMI percentile for age and sex (CDC 2000 growth charts), 2-19 years.
  {
    concept: 'BMI percentile',
    loinc: ['59576-9'],
    ucum: '%',
    decimals: 1,
    from: { '%': same },
  },
  // International inch = 2.54 cm exactly (1959 agreement). 56086-2 is the NIH-method waist.
  {
    concept: 'waist circumference',
    loinc: ['8280-0', '56086-2'],
    ucum: 'cm',
    decimals: 1,
    from: { cm: same, m: times(100), mm: dividedBy(10), '[in_i]': times(2.54) },
  },
  // The Exercise Vital Sign (HL7 Physical Activity IG 1.0.0): days a week, minutes on those days,
  // minutes a week of moderate to strenuous activity.
  {
    concept: 'exercise days per week',
    loinc: ['89555-7'],
    ucum: 'd/wk',
    decimals: 0,
    from: { 'd/wk': same, '/wk': same, '{days}/wk': same },
  },
  {
    concept: 'exercise minutes per day',
    loinc: ['68516-4'],
    ucum: 'min/d',
    decimals: 0,
    from: { 'min/d': same, min: same, 'h/d': times(60) },
  },
  {
    concept: 'exercise minutes per week',
    loinc: ['82290-8'],
    ucum: 'min/wk',
    decimals: 0,
    from: { 'min/wk': same, 'h/wk': times(60) },
  },
  // Questionnaire totals: dimensionless scores ({score}, or UCUM's unity 1).
  {
    concept: 'PHQ-9 total score',
    loinc: ['44261-6'],
    ucum: '{score}',
    decimals: 0,
    from: { '{score}': same, '1': same },
    unitOptional: true,
  },
  {
    concept: 'GAD-7 total score',
    loinc: ['70274-6'],
    ucum: '{score}',
    decimals: 0,
    from: { '{score}': same, '1': same },
    unitOptional: true,
  },
];

/** Spellings seen in hospital exports (Quantity.unit or a non-UCUM code) -> UCUM code. */
const unitAliases: Readonly<Record<string, string>> = {
  mmhg: 'mm[Hg]',
  'mm hg': 'mm[Hg]',
  kpa: 'kPa',
  bpm: '/min',
  'beats/min': '/min',
  'breaths/min': '/min',
  'per min': '/min',
  '/min': '/min',
  '%': '%',
  cel: 'Cel',
  '°c': 'Cel',
  c: 'Cel',
  degc: 'Cel',
  '[degf]': '[degF]',
  '°f': '[degF]',
  f: '[degF]',
  degf: '[degF]',
  k: 'K',
  kg: 'kg',
  g: 'g',
  lb: '[lb_av]',
  lbs: '[lb_av]',
  '[lb_av]': '[lb_av]',
  oz: '[oz_av]',
  '[oz_av]': '[oz_av]',
  cm: 'cm',
  m: 'm',
  mm: 'mm',
  in: '[in_i]',
  '[in_i]': '[in_i]',
  inch: '[in_i]',
  inches: '[in_i]',
  ft: '[ft_i]',
  '[ft_i]': '[ft_i]',
  'kg/m2': 'kg/m2',
  'kg/m^2': 'kg/m2',
  'mmol/l': 'mmol/L',
  'mg/dl': 'mg/dL',
  'umol/l': 'umol/L',
  'µmol/l': 'umol/L',
  'μmol/l': 'umol/L',
  'mmol/mol': 'mmol/mol',
  'meq/l': 'meq/L',
  'g/dl': 'g/dL',
  'g/l': 'g/L',
  'ml/min/{1.73_m2}': 'mL/min/{1.73_m2}',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73 m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m^2': 'mL/min/{1.73_m2}',
  'ml/min/1.73 m^2': 'mL/min/{1.73_m2}',
  'ml/s/{1.73_m2}': 'mL/s/{1.73_m2}',
  'ml/s/1.73m2': 'mL/s/{1.73_m2}',
  'u/l': 'U/L',
  'ng/l': 'ng/L',
  'pg/ml': 'pg/mL',
  'ng/ml': 'ng/mL',
  'ug/l': 'ug/L',
  'µg/l': 'ug/L',
  'μg/l': 'ug/L',
  'mg/g': 'mg/g',
  'mg/g creat': 'mg/g',
  'mg/g{creat}': 'mg/g',
  'ug/mg': 'ug/mg',
  'mg/mmol': 'mg/mmol',
  'g/g': 'g/g',
  'ng/ml{feu}': 'ng/mL{FEU}',
  'ng/ml feu': 'ng/mL{FEU}',
  'ug/l{feu}': 'ug/L{FEU}',
  'µg/l feu': 'ug/L{FEU}',
  'mg/l{feu}': 'mg/L{FEU}',
  'mg/l feu': 'mg/L{FEU}',
  'ug/ml{feu}': 'ug/mL{FEU}',
  'µg/ml feu': 'ug/mL{FEU}',
  'iu/l': '[IU]/L',
  '[iu]/l': '[IU]/L',
  score: '{score}',
  '{score}': '{score}',
  points: '{score}',
};

/** The UCUM code for a Quantity's code or unit text, or undefined when unknown. */
export function toUcum(unit: string): string | undefined {
  const key = unit.toLowerCase();
  // Own keys only: a unit spelled `constructor` or `toString` is unknown, not Object.prototype's.
  return Object.hasOwn(unitAliases, key) ? unitAliases[key] : undefined;
}

/** Canonical entry for a LOINC code, or undefined when the code has no canonical unit. */
export const canonicalUnitByLoinc: ReadonlyMap<string, CanonicalUnit> = new Map(
  canonicalUnits.flatMap((entry) => entry.loinc.map((code) => [code, entry] as const)),
);
