// Domain (synth/notes/render): vital signs and lab results of the encounter, with their names as LabTest
// entities (catalog LOINC), values with units, occasional unit conversions and abnormal flags.
import { measurements, systems, type MeasurementKey } from '../../catalog';
import type { TrueMeasurement } from '../../model';
import type { Composer } from '../composer';
import {
  celsiusToFahrenheit,
  formatValue,
  isVital,
  measurementTerms,
  mgPerDlPerMmolGlucose,
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

/** Adult reference limits used for H/L flags (typical US laboratory reference intervals). */
const limits: Partial<Record<MeasurementKey, readonly [number, number]>> = {
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
};

function flagOf(key: MeasurementKey, value: number): Shown['flag'] {
  const range = limits[key];
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
      flag: flagOf(m.key, m.value),
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
    flag: flagOf(m.key, m.value),
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

function writeCompactItem(c: Composer, m: TrueMeasurement, separator: string): void {
  const s = show(c, m);
  writeName(c, s.key, true);
  c.b.verbatim(`${separator}${s.value}${c.rng.chance(0.5) || s.converted ? s.unit : ''}`);
  if (s.flag && c.rng.chance(0.6)) c.b.verbatim(c.rng.pick([` (${s.flag})`, ` ${s.flag}`, '*']));
}

function writeProseItem(c: Composer, m: TrueMeasurement): void {
  const s = show(c, m);
  writeName(c, s.key, false);
  c.b.text(c.rng.pick([' ', ' of ', ' was ', ' is ', ': ']));
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
