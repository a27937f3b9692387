// Domain (synth/notes/render): vital signs and lab results of the encounter, with their names as LabTest
// entities (catalog LOINC), values with units, occasional unit conversions and abnormal flags.
import { measurements, systems, type MeasurementKey } from '../../catalog';
import type { Sex, TrueMeasurement } from '../../model';
import { troponinUrl } from '../../state/cardiac-markers';
import { ddimerCutoff } from '../../state/d-dimer';
import { ageAt, daysBetween, type NoteTruth } from '../context';
import type { Composer } from '../composer';
import {
  bmiForAgeTerms,
  celsiusToFahrenheit,
  formatValue,
  isVital,
  measurementTerms,
  mgPerDlPerMmolGlucose,
  ordinal,
  percentileRank,
  poundsPerKg,
} from '../lexicon/measurements';

/** A measurement as the note shows it: which LOINC the name carries and the value text. */
interface Shown {
  key: MeasurementKey;
  value: string;
  unit: string;
  flag: '' | 'H' | 'L';
  /** Glucose in mmol/L and weight in pounds always carry their unit (a bare "10.6" would mislead). */
  converted?: boolean;
}

/**
 * Share of glucose results shown in mmol/L, temperatures in Fahrenheit and weights in pounds:
 * 15%, 40% and 30% (US notes mix units; SI glucose comes from outside labs and device downloads).
 */
const glucoseMmolShare = 0.15;
const fahrenheitShare = 0.4;
const poundsShare = 0.3;

type Limits = readonly [number, number];

/** Adult reference limits used for H/L flags (typical US laboratory reference intervals). */
const limits: Partial<Record<MeasurementKey, Limits>> = {
  glucoseMass: [70, 99],
  hba1c: [4, 5.6],
  totalCholesterol: [0, 199],
  hdl: [40, 999],
  ldl: [0, 129],
  triglycerides: [0, 149],
  creatinine: [0.5, 1.2],
  egfr: [60, 999],
  potassium: [3.5, 5.1],
  alt: [0, 40],
  // KDIGO albuminuria category A2 from 30 mg/g (the same cut point in youth: ADA 2024 section 14).
  uacr: [0, 29],
};

/**
 * hs troponin I is flagged above the assay's sex-specific 99th percentile URL (Abbott ARCHITECT STAT
 * hs-cTnI: women 15.6, men 34.2 ng/L; state/cardiac-markers.ts), as the Fourth Universal Definition of
 * MI asks; the generator draws none under 18.
 */
const troponinLimits: Record<Sex, Limits> = {
  female: [0, troponinUrl.female],
  male: [0, troponinUrl.male],
};

/**
 * Serum creatinine (mg/dL) by age in days and sex, under 18: the CALIPER pediatric reference intervals
 * (Colantonio DA et al., Clin Chem 2012;58:854, and their age partitions), as transferred to enzymatic
 * Beckman Coulter DxC assays ("CLSI-based transference of the CALIPER database of pediatric reference
 * intervals to Beckman Coulter DxC biochemical assays", Clin Biochem 2015;48:870) and listed by the
 * UCSF Clinical Laboratories (Lab Manual, "Creatinine, Plasma / Serum"): 0-14 days 0.30-0.90; 15 days
 * to <2 years 0.10-0.30; 2 to <5 years 0.20-0.40; 5 to <12 years 0.30-0.60; 12 to <15 years 0.40-0.80;
 * 15 to <19 years 0.60-1.00 (boys) and 0.50-0.80 (girls). Those are the source's values (adults keep
 * the adult interval from 18).
 */
function childCreatinine(ageDays: number, years: number, sex: Sex): Limits {
  if (ageDays < 15) return [0.3, 0.9];
  if (years < 2) return [0.1, 0.3];
  if (years < 5) return [0.2, 0.4];
  if (years < 12) return [0.3, 0.6];
  if (years < 15) return [0.4, 0.8];
  return sex === 'male' ? [0.6, 1.0] : [0.5, 0.8];
}

/**
 * Plasma glucose (mg/dL; the labs' glucose is non-fasting, state/lab-results.ts) under 18: under 1 month
 * 55-115, 1 month to 1 year 55-123, 1 to 17 years 56-145 (UCSF Clinical Laboratories Lab Manual,
 * "Glucose, non-fasting", after Soldin SJ, Pediatric Reference Intervals, 6th ed., AACC Press 2007, and
 * Beckman Coulter's Pediatric Reference Range Guidelines, Bulletin 9345). Those are the source's values.
 */
function childGlucose(ageDays: number, years: number): Limits {
  if (ageDays < 30) return [55, 115];
  return years < 1 ? [55, 123] : [56, 145];
}

/**
 * Serum potassium (mmol/L) in the first year, when it runs higher: birth-7 days 3.2-5.5, 8 days-1 month
 * 3.4-6.0, 1-5 months 3.5-5.6, 6 months-1 year 3.5-6.1 (Davis's Lab & Diagnostic Tests, "Potassium,
 * Blood"; the source's values); from 1 year the adult 3.5-5.1 (the same source gives 3.8-5.1 at 2-19).
 */
function childPotassium(ageDays: number, months: number): Limits {
  if (ageDays < 8) return [3.2, 5.5];
  if (months < 1) return [3.4, 6.0];
  if (months < 6) return [3.5, 5.6];
  return months < 12 ? [3.5, 6.1] : limits.potassium!;
}

/**
 * Lipids under 18 (mg/dL): flagged from the NHLBI Expert Panel's borderline cut points, as adults' are
 * from theirs: total cholesterol 170, LDL 110, triglycerides 75 (0-9 years) or 90 (10-19 years), HDL
 * low under 40 (Expert Panel on Integrated Guidelines for Cardiovascular Health and Risk Reduction in
 * Children and Adolescents, Pediatrics 2011;128 Suppl 5:S213).
 */
const childLipids: Partial<Record<MeasurementKey, Limits>> = {
  totalCholesterol: [0, 169],
  ldl: [0, 109],
  hdl: [40, 999],
};

/**
 * The reference interval for H/L flags at an age (days from birth to the note date) and sex, or none.
 * A child's result is judged by a pediatric interval (until 1.4.0 by the adult one: "Creat 0.46 (L)"
 * of a 5-year-old, "BG 106 H" of a 4-year-old's non-fasting glucose). Children's eGFR is not flagged:
 * the CKD-EPI 2021 eGFR is for adults (labs do not report it under 18, and the generator draws none);
 * HbA1c keeps the adult interval (the ADA uses the same A1c cut points in youth), and ALT the adult upper
 * limit (children's are lower, so no normal child's ALT is flagged; the generator draws none either).
 */
export function referenceLimits(
  key: MeasurementKey,
  ageDays: number,
  sex: Sex,
): Limits | undefined {
  if (key === 'troponin') return troponinLimits[sex];
  const years = ageDays / 365.25;
  // D-dimer FEU is flagged at the cut-off the note judges it by: 500 ng/mL FEU to 50 years, age x 10
  // above (state/d-dimer.ts, ADJUST-PE; notes flag at the age on arrival: ddimerCutoffOf); the
  // generator draws none under 18.
  if (key === 'ddimer') return [0, ddimerCutoff(years) - 1];
  if (years >= 18) return limits[key];
  const months = ageDays / (365.25 / 12);
  switch (key) {
    case 'creatinine':
      return childCreatinine(ageDays, years, sex);
    case 'glucoseMass':
      return childGlucose(ageDays, years);
    case 'potassium':
      return childPotassium(ageDays, months);
    case 'egfr':
      return undefined;
    case 'triglycerides':
      return years < 10 ? [0, 74] : [0, 89];
    default:
      return childLipids[key] ?? limits[key];
  }
}

/**
 * The D-dimer cut-off (ng/mL FEU) of the note's encounter: age-adjusted at the patient's age in whole
 * years on arrival (state/d-dimer.ts), so that the flag, the PE work-up and every note of a stay agree.
 */
export function ddimerCutoffOf(truth: NoteTruth): number {
  const arrival = truth.encounter.start.slice(0, 10);
  return ddimerCutoff(ageAt(truth.patient.demographics.birthDate, arrival).years);
}

function flagOf(c: Composer, key: MeasurementKey, value: number): Shown['flag'] {
  const { patient, date } = c.truth;
  const range =
    key === 'ddimer'
      ? ([0, ddimerCutoffOf(c.truth) - 1] as const)
      : referenceLimits(
          key,
          daysBetween(patient.demographics.birthDate, date),
          patient.demographics.sex,
        );
  if (!range) return '';
  return value > range[1] ? 'H' : value < range[0] ? 'L' : '';
}

function show(c: Composer, m: TrueMeasurement): Shown {
  const terms = measurementTerms[m.key]!;
  const unit = c.rng.pick(terms.units);
  if (m.key === 'glucoseMass' && c.rng.chance(glucoseMmolShare)) {
    const mmol = m.value / mgPerDlPerMmolGlucose;
    return {
      key: 'glucoseMoles',
      value: formatValue(mmol, 1),
      unit: ' mmol/L',
      flag: flagOf(c, m.key, m.value),
      converted: true,
    };
  }
  if (m.key === 'bodyTemperature' && c.rng.chance(fahrenheitShare)) {
    return {
      key: m.key,
      value: formatValue(celsiusToFahrenheit(m.value), 1),
      unit: c.rng.pick([' F', 'F', ' °F']),
      flag: '',
    };
  }
  if (m.key === 'bodyWeight' && c.rng.chance(poundsShare)) {
    return {
      key: m.key,
      value: formatValue(m.value * poundsPerKg, 0),
      unit: c.rng.pick([' lb', ' lbs']),
      flag: '',
      converted: true,
    };
  }
  if ((m.key === 'systolic' || m.key === 'bloodPressurePanel') && m.diastolic !== undefined) {
    return {
      key: 'bloodPressurePanel',
      value: `${Math.round(m.value)}/${Math.round(m.diastolic)}`,
      unit,
      flag: '',
    };
  }
  return {
    key: m.key,
    value: formatValue(m.value, terms.decimals),
    unit,
    flag: flagOf(c, m.key, m.value),
  };
}

/** The encounter's measurements that notes show, vitals first, one per key (the latest). */
export function shownMeasurements(c: Composer, vitals: boolean): TrueMeasurement[] {
  const latest = new Map<MeasurementKey, TrueMeasurement>();
  for (const m of c.truth.measurements) {
    if (m.key === 'diastolic' || m.key === 'smokingStatus' || !measurementTerms[m.key]) continue;
    if (m.key === 'systolic' && m.diastolic === undefined) continue;
    if (isVital(m.key) !== vitals) continue;
    const key = m.key === 'systolic' ? 'bloodPressurePanel' : m.key;
    const seen = latest.get(key);
    if (!seen || seen.at <= m.at) latest.set(key, m);
  }
  return [...latest.values()];
}

/** The measurement's name as a LabTest entity: the short form, or a term at the abbreviation rate. */
function writeName(
  c: Composer,
  key: MeasurementKey,
  compact: boolean,
  assertion: 'present' | 'hypothetical' = 'present',
): number {
  const terms = measurementTerms[key]!;
  const surface =
    compact && terms.short.length > 0
      ? c.rng.pick(terms.short)
      : c.b.abbreviate(c.rng.chance(0.6) ? terms.terms[0]! : c.rng.pick(terms.terms), terms.short);
  return c.b.entity(surface, 'LabTest', assertion, {
    code: measurements[key].loinc,
    system: systems.loinc,
  });
}

/** A lab test named in a plan ("recheck A1c in 3 months"): hypothetical. */
export function writePlannedTest(c: Composer, key: MeasurementKey): number {
  return writeName(c, key, c.rng.chance(0.6), 'hypothetical');
}

const proseSeparators = [' ', ' of ', ' was ', ' is ', ': '];
const proseBoundSeparators = [' ', ' was ', ' is ', ': '];

/**
 * A BMI-for-age percentile: a number after "BMI percentile" ("BMI percentile: 73", "73%", "of 73"), or an
 * ordinal before "percentile" after "BMI-for-age" ("BMI-for-age 73rd percentile", "at the 92nd
 * percentile", "above the 99th percentile"). Until 1.4.0 notes wrote "BMI percentile 54th percentile",
 * "BMI percentile of 58th percentile", "73th" and "100%".
 */
function writeBmiPercentile(c: Composer, m: TrueMeasurement, compactSeparator?: string): void {
  const { bound, rank } = percentileRank(m.value);
  const compact = compactSeparator !== undefined;
  if (c.rng.chance(0.5)) {
    writeName(c, 'bmiPercentile', compact);
    const unit = compact && c.rng.chance(0.5) ? '%' : '';
    if (compact) c.b.verbatim(compactSeparator);
    // Not "of >99": a bound reads after "was", "is" or a colon.
    else c.b.text(c.rng.pick(bound ? proseBoundSeparators : proseSeparators));
    c.b.verbatim(`${bound}${rank}${unit}`);
    return;
  }
  c.b.entity(c.rng.pick(bmiForAgeTerms), 'LabTest', 'present', {
    code: measurements.bmiPercentile.loinc,
    system: systems.loinc,
  });
  if (compact) {
    c.b.verbatim(`${compactSeparator === '-' ? ' ' : compactSeparator}${bound}${ordinal(rank)}`);
    c.b.text(' percentile');
    return;
  }
  if (bound) c.b.text(bound === '>' ? ' above the ' : ' below the ');
  else c.b.text(c.rng.pick([' at the ', ': ', ' ']));
  c.b.verbatim(ordinal(rank));
  c.b.text(' percentile');
}

function writeCompactItem(c: Composer, m: TrueMeasurement, separator: string): void {
  if (m.key === 'bmiPercentile') {
    writeBmiPercentile(c, m, separator);
    return;
  }
  const s = show(c, m);
  writeName(c, s.key, true);
  c.b.verbatim(`${separator}${s.value}${c.rng.chance(0.5) || s.converted ? s.unit : ''}`);
  if (s.flag && c.rng.chance(0.6)) c.b.verbatim(c.rng.pick([` (${s.flag})`, ` ${s.flag}`, '*']));
}

function writeProseItem(c: Composer, m: TrueMeasurement): void {
  if (m.key === 'bmiPercentile') {
    writeBmiPercentile(c, m);
    return;
  }
  const s = show(c, m);
  writeName(c, s.key, false);
  c.b.text(c.rng.pick(proseSeparators));
  c.b.verbatim(`${s.value}${s.unit}`);
  if (s.flag && c.rng.chance(0.4)) c.b.text(s.flag === 'H' ? ', elevated' : ', low');
}

/** Compact layouts: [separator between name and value, separator between items, line end]. */
const compactLayouts: readonly (readonly [string, string, string])[] = [
  [' ', ', ', '\n'],
  [' ', '  ', '\n'],
  [': ', ' | ', '\n'],
  [': ', '\n', '\n'],
  [' ', '; ', '.\n'],
  ['-', ', ', '\n'],
];

/** Writes measurements compactly ("BP 142/88, HR 78") or as prose, per `compact`. */
export function writeMeasurements(
  c: Composer,
  items: readonly TrueMeasurement[],
  compact: boolean,
): void {
  if (compact) {
    const [nameSep, itemSep, end] = c.rng.pick(compactLayouts);
    items.forEach((m, i) => {
      if (i > 0) c.b.verbatim(itemSep);
      writeCompactItem(c, m, nameSep);
    });
    c.b.verbatim(end);
    return;
  }
  items.forEach((m, i) => {
    if (i > 0) c.b.text(i === items.length - 1 ? c.rng.pick([' and ', ', and ', ', ']) : ', ');
    writeProseItem(c, m);
  });
  c.b.text('.\n');
}

/** PHQ-9 bands (Kroenke 2001) and GAD-7 bands (Spitzer 2006). */
export function questionnaireBand(key: 'phq9' | 'gad7', score: number): string {
  if (score < 5) return 'minimal';
  if (score < 10) return 'mild';
  if (score < 15) return 'moderate';
  if (key === 'phq9' && score < 20) return 'moderately severe';
  return 'severe';
}
