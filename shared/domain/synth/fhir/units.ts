// Domain (synth/fhir): unit mixing. Real hospital exports report the same quantity in different units
// (LIS configuration, device vendor, US vs SI labs). Each patient gets one unit per quantity, chosen
// deterministically from hospital + patient id, in the proportions below, and values are converted.
import { measurements, type MeasurementKey } from '../catalog';
import { hashUniform } from './ids';

/** One way of reporting a quantity: LOINC code (moles and mass are different LOINC terms) and UCUM. */
export interface ReportedUnit {
  loinc: string;
  display: string;
  /** UCUM code (valueQuantity.code). */
  code: string;
  /** Human unit (valueQuantity.unit), as the source system prints it. */
  unit: string;
  /** Decimal places the value is reported with. */
  decimals: number;
}

export interface UnitMix {
  /** The catalog measurement the mix applies to (its value is in `primary` units). */
  key: MeasurementKey;
  primary: ReportedUnit;
  alternate: ReportedUnit;
  /** Share of patients reported in `alternate` units (0-1). */
  alternateShare: number;
  /** Converts a value in primary units to alternate units. */
  toAlternate: (value: number) => number;
}

/** mg/dL per mmol/L of glucose (molar mass 180.16 g/mol). */
export const glucoseMgdlPerMmol = 18.016;
/** lb per kg (avoirdupois pound = 0.45359237 kg). */
export const lbPerKg = 2.20462;
/** umol/L per mg/dL of creatinine (molar mass 113.12 g/mol; KDIGO 2024 uses 88.4). */
export const creatinineUmolPerMgdl = 88.4;

/**
 * The documented proportions: glucose 75% mg/dL (LOINC 2345-7) / 25% mmol/L (14749-6); weight
 * 70% kg / 30% [lb_av]; temperature 80% Cel / 20% [degF]; creatinine 85% mg/dL (2160-0) / 15% umol/L
 * (14682-9). Body weight and temperature keep their LOINC code: it is unit-agnostic.
 */
export const unitMixes: Record<'glucose' | 'weight' | 'temperature' | 'creatinine', UnitMix> = {
  glucose: {
    key: 'glucoseMass',
    primary: {
      loinc: '2345-7',
      display: measurements.glucoseMass.display,
      code: 'mg/dL',
      unit: 'mg/dL',
      decimals: 0,
    },
    alternate: {
      loinc: '14749-6',
      display: measurements.glucoseMoles.display,
      code: 'mmol/L',
      unit: 'mmol/L',
      decimals: 1,
    },
    alternateShare: 0.25,
    toAlternate: (mgdl) => mgdl / glucoseMgdlPerMmol,
  },
  weight: {
    key: 'bodyWeight',
    primary: {
      loinc: '29463-7',
      display: measurements.bodyWeight.display,
      code: 'kg',
      unit: 'kg',
      decimals: 1,
    },
    alternate: {
      loinc: '29463-7',
      display: measurements.bodyWeight.display,
      code: '[lb_av]',
      unit: 'lb',
      decimals: 1,
    },
    alternateShare: 0.3,
    toAlternate: (kg) => kg * lbPerKg,
  },
  temperature: {
    key: 'bodyTemperature',
    primary: {
      loinc: '8310-5',
      display: measurements.bodyTemperature.display,
      code: 'Cel',
      unit: '°C',
      decimals: 1,
    },
    alternate: {
      loinc: '8310-5',
      display: measurements.bodyTemperature.display,
      code: '[degF]',
      unit: '°F',
      decimals: 1,
    },
    alternateShare: 0.2,
    toAlternate: (celsius) => celsius * 1.8 + 32,
  },
  creatinine: {
    key: 'creatinine',
    primary: {
      loinc: '2160-0',
      display: measurements.creatinine.display,
      code: 'mg/dL',
      unit: 'mg/dL',
      decimals: 2,
    },
    alternate: {
      loinc: '14682-9',
      display: 'Creatinine [Moles/volume] in Serum or Plasma',
      code: 'umol/L',
      unit: 'µmol/L',
      decimals: 0,
    },
    alternateShare: 0.15,
    toAlternate: (mgdl) => mgdl * creatinineUmolPerMgdl,
  },
};

const mixByKey = new Map<MeasurementKey, UnitMix>(Object.values(unitMixes).map((m) => [m.key, m]));

/** Decimal places for quantities without a mix (vital signs as monitors print them, labs as LIS report). */
const decimalsByKey: Partial<Record<MeasurementKey, number>> = {
  bodyHeight: 1,
  bmi: 1,
  bmiPercentile: 0,
  hba1c: 1,
  potassium: 1,
  glucoseMoles: 1,
};

/** How one measurement is reported: the unit chosen for this patient and the converted, rounded value. */
export interface ReportedValue extends ReportedUnit {
  value: number;
}

/** The units a patient's quantities are reported in at `hospital`: true = alternate units. */
export type UnitChoices = Map<MeasurementKey, boolean>;

/** Draw once per patient: the same patient keeps the same unit for a quantity across encounters. */
export function chooseUnits(hospital: string, patientId: string): UnitChoices {
  const choices: UnitChoices = new Map();
  for (const [name, mix] of Object.entries(unitMixes)) {
    choices.set(mix.key, hashUniform(`${hospital}|${patientId}|unit|${name}`) < mix.alternateShare);
  }
  return choices;
}

/** Report `value` (in the catalog unit of `key`) in the unit `choices` gives, rounded as reported. */
export function reportValue(
  key: MeasurementKey,
  value: number,
  choices: UnitChoices,
): ReportedValue {
  const mix = mixByKey.get(key);
  if (mix) {
    const unit = choices.get(key) ? mix.alternate : mix.primary;
    const converted = unit === mix.alternate ? mix.toAlternate(value) : value;
    // Spelled out, not `{ ...unit, value }`: in V8 11 (Node 20) a spread followed by another
    // property gives every result a map of its own, and every site reading it then misses its cache.
    return {
      loinc: unit.loinc,
      display: unit.display,
      code: unit.code,
      unit: unit.unit,
      decimals: unit.decimals,
      value: round(converted, unit.decimals),
    };
  }
  const definition = measurements[key];
  const decimals = decimalsByKey[key] ?? 0;
  return {
    loinc: definition.loinc,
    display: definition.display,
    code: definition.unit,
    unit: definition.unit,
    decimals,
    value: round(value, decimals),
  };
}

/** Round half away from zero to `decimals` places. */
export function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
}
