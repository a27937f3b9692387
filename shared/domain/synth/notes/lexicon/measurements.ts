// Domain (synth/notes/lexicon): how notes name and format the catalog's vital signs and lab tests
// (LabTest entities carry the catalog LOINC code), including the unit conversions notes sometimes use.
import { measurements, type MeasurementKey } from '../../catalog';

export interface MeasurementTerms {
  /** Spelled-out names (the first is preferred). */
  terms: readonly string[];
  /** Abbreviated names: abbreviation sites in prose, the fixed style in compact vitals/lab lines. */
  short: readonly string[];
  /** How the unit is written after the value ('' for none). */
  units: readonly string[];
  decimals: number;
}

const m = (terms: string[], short: string[], units: string[], decimals = 0): MeasurementTerms => ({
  terms,
  short,
  units,
  decimals,
});

// prettier-ignore
export const measurementTerms: Readonly<Partial<Record<MeasurementKey, MeasurementTerms>>> = {
  bloodPressurePanel: m(['blood pressure'], ['BP'], [' mmHg', '']),
  systolic: m(['systolic blood pressure'], ['SBP'], [' mmHg', '']),
  heartRate: m(['heart rate', 'pulse'], ['HR', 'P'], [' bpm', '', ' beats/min']),
  respiratoryRate: m(['respiratory rate'], ['RR'], ['', ' breaths/min']),
  oxygenSaturation: m(['oxygen saturation', 'pulse oximetry'], ['SpO2', 'O2 sat'], ['%']),
  bodyTemperature: m(['temperature'], ['T', 'Temp'], [' C', ' °C', 'C'], 1),
  bodyWeight: m(['weight'], ['Wt'], [' kg', 'kg'], 1),
  bodyHeight: m(['height'], ['Ht'], [' cm'], 0),
  bmi: m(['body mass index'], ['BMI'], ['', ' kg/m2'], 1),
  // A number after the name ("BMI percentile 73", "73%"); the ordinal form follows bmiForAgeTerms (until
  // 1.4.0 the unit was 'th percentile': "BMI percentile 54th percentile", "73th").
  bmiPercentile: m(['BMI percentile', 'BMI-for-age percentile'], [], ['', '%']),
  glucoseMass: m(['glucose', 'blood glucose', 'blood sugar'], ['BG', 'Glu'], [' mg/dL', '']),
  glucoseMoles: m(['glucose', 'blood glucose'], ['BG'], [' mmol/L'], 1),
  hba1c: m(['hemoglobin A1c', 'glycated hemoglobin'], ['A1c', 'HbA1c'], ['%', ' %'], 1),
  totalCholesterol: m(['total cholesterol'], ['TC'], [' mg/dL', '']),
  hdl: m(['HDL cholesterol'], ['HDL'], [' mg/dL', '']),
  ldl: m(['LDL cholesterol'], ['LDL'], [' mg/dL', '']),
  triglycerides: m(['triglycerides'], ['TG', 'TGs'], [' mg/dL', '']),
  creatinine: m(['creatinine', 'serum creatinine'], ['Cr', 'Creat'], [' mg/dL', ''], 2),
  egfr: m(['estimated GFR'], ['eGFR', 'GFR'], ['', ' mL/min/1.73m2'], 0),
  potassium: m(['potassium'], ['K', 'K+'], [' mmol/L', ' mEq/L', ''], 1),
  alt: m(['alanine aminotransferase'], ['ALT', 'SGPT'], [' U/L', ''], 0),
  troponin: m(['troponin', 'high-sensitivity troponin I', 'hs troponin I'], ['hs-TnI', 'hsTnI', 'Trop'], [' ng/L', ''], 0),
  ddimer: m(['D-dimer', 'quantitative D-dimer', 'fibrin D-dimer'], ['D-dimer', 'd-dimer'], [' ng/mL FEU', ' ng/mL', ''], 0),
  uacr: m(['urine albumin/creatinine ratio', 'urine microalbumin/creatinine ratio', 'urine albumin-to-creatinine ratio'], ['UACR', 'urine ACR'], [' mg/g', ''], 0),
  phq9: m(['PHQ-9 score', 'PHQ-9'], [], [''], 0),
  gad7: m(['GAD-7 score', 'GAD-7'], [], [''], 0),
};

/** Vital signs go in the exam's vitals line; everything else in the labs/results section. */
export function isVital(key: MeasurementKey): boolean {
  return measurements[key].category === 'vital-signs';
}

/** Plasma glucose conversion: 1 mmol/L = 18.016 mg/dL (molar mass of glucose 180.16 g/mol). */
export const mgPerDlPerMmolGlucose = 18.016;

export function celsiusToFahrenheit(celsius: number): number {
  return (celsius * 9) / 5 + 32;
}

export const poundsPerKg = 2.20462;

/** Fixed-point rendering without trailing noise ("7.20" -> "7.2" only when decimals say so). */
export function formatValue(value: number, decimals: number): string {
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
}

/**
 * Names of the BMI percentile that the ordinal form follows: "BMI-for-age 73rd percentile", "BMI for age
 * at the 92nd percentile" (the word "percentile" comes after the value, not in the name as well).
 */
export const bmiForAgeTerms: readonly string[] = ['BMI-for-age', 'BMI for age'];

/** An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 23rd, 73rd, 92nd, 99th. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * A BMI-for-age percentile as a note writes it: a whole percentile from 1 to 99, else "above the 99th"
 * or "below the 1st" (a percentile rank is at most 99; the FHIR Observation keeps the computed value,
 * which rounds to 100 above 99.5: until 1.4.0 notes wrote "BMI percentile 100%").
 */
export function percentileRank(value: number): { bound: '' | '>' | '<'; rank: number } {
  const n = Math.round(value);
  if (n >= 100) return { bound: '>', rank: 99 };
  if (n < 1) return { bound: '<', rank: 1 };
  return { bound: '', rank: n };
}
