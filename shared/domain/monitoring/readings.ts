// Domain (monitoring): FHIR R4 Observations -> typed readings in one unit per concept. Observations
// served after ingest are already in canonical UCUM units (preprocess/canonical-units.ts); this also
// accepts raw Bundle content (`caregraph monitor --bundle`) by resolving units as ingest does and
// converting through the same table, and reports each value it cannot read. Glucose is then expressed
// in mg/dL, the unit of the ADA thresholds. Each measurement counts once (`distinctReadings`).
import type { FhirJson } from '../ingest/source-record';
import { canonicalUnitByLoinc } from '../preprocess/canonical-units';
import { originalQuantityUrl, sourceUcum } from '../preprocess/observation-quantities';

export type Concept =
  | 'systolic'
  | 'diastolic'
  | 'heartRate'
  | 'respiratoryRate'
  | 'spo2'
  | 'temperature'
  | 'glucose'
  | 'hba1c'
  | 'phq9'
  | 'gad7'
  | 'weight'
  | 'height'
  | 'oxygenFlow'
  | 'inspiredOxygen'
  | 'consciousness';

/** ACVPU level (RCP NEWS2 2017): Alert, new Confusion, Voice, Pain, Unresponsive. */
export type Consciousness = 'A' | 'C' | 'V' | 'P' | 'U';

export interface Reading {
  observationId: string;
  concept: Concept;
  /** Value in `unit`; for consciousness, 0 (A) to 4 (U) in ACVPU order, with the letter in `level`. */
  value: number;
  unit: string;
  level?: Consciousness;
  /** Clinical time as epoch ms and as given. */
  t: number;
  time: string;
}

/** LOINC 2.78 codes per concept (the vital-signs profile codes, the canonical-unit lab codes, surveys). */
const conceptByLoinc: Readonly<Record<string, Concept>> = {
  '8480-6': 'systolic',
  '8462-4': 'diastolic',
  '8867-4': 'heartRate',
  '9279-1': 'respiratoryRate',
  '59408-5': 'spo2',
  '2708-6': 'spo2',
  '8310-5': 'temperature',
  '8331-1': 'temperature',
  '8328-7': 'temperature',
  '15074-8': 'glucose',
  '14749-6': 'glucose',
  '2339-0': 'glucose',
  '2345-7': 'glucose',
  '4548-4': 'hba1c',
  '17856-6': 'hba1c',
  '59261-8': 'hba1c',
  '44261-6': 'phq9',
  '70274-6': 'gad7',
  '29463-7': 'weight',
  '8302-2': 'height', // Body height (cm)
  '8306-3': 'height', // Body height --lying (length, cm)
  '3151-8': 'oxygenFlow', // Inhaled oxygen flow rate (L/min)
  '3150-0': 'inspiredOxygen', // Inhaled oxygen concentration (%)
};

/** mg/dL per mmol/L of glucose, as in preprocess/canonical-units.ts (180.16 g/mol, IUPAC). */
const glucoseMgdlPerMmol = 18.016;

/**
 * ACVPU answers in SNOMED CT: the AVPU codes of the IHE mPSC Level of Responsiveness value set
 * (SNOMED CT 2024-08), plus 130987000 "Acute confusion", the C that RCP NEWS2 (2017) adds and
 * scores 3 (the ONC-IG ACVPU value set, SNOMED CT International 2025-02-01, lists all five).
 */
const avpuBySnomed: Readonly<Record<string, Consciousness>> = {
  '248234008': 'A',
  '130987000': 'C',
  '300202002': 'V',
  '255373000': 'V',
  '450847001': 'P',
  '422768004': 'U',
};
const acvpuOrder: readonly Consciousness[] = ['A', 'C', 'V', 'P', 'U'];

interface Coded {
  coding?: { system?: string; code?: string }[];
}
interface Quantity {
  value?: unknown;
  unit?: string;
  code?: string;
  system?: string;
  extension?: { url?: string; valueQuantity?: Quantity }[];
}

/**
 * A value of a monitored concept that gives no reading, or a reading that repeats another: named by its
 * Observation id and element path with the reason, never its value (no PHI).
 */
export interface DroppedReading {
  observationId: string;
  /** Element path in the Observation, e.g. `component[0].valueQuantity.code`; '' for the whole. */
  path: string;
  reason: string;
  /** For a repeat: the Observation whose reading was kept. */
  duplicateOf?: string;
}

/**
 * Readings of many Observations, sorted by time, each measurement once (`distinctReadings`), and the
 * values of monitored concepts that gave no reading, with the reason: no time, no numeric value, a
 * unit missing or not valid for the concept, or a repeat of a reading kept. Observations entered in
 * error or cancelled, and concepts monitoring does not use, are left out without a report.
 */
export function readObservations(observations: readonly FhirJson[]): {
  readings: Reading[];
  dropped: DroppedReading[];
} {
  const dropped: DroppedReading[] = [];
  const all = observations
    .flatMap((o) => readingsOf(o, dropped))
    .sort((a, b) => a.reading.t - b.reading.t);
  const kept = new Map<string, Reading>();
  for (const { reading, path } of all) {
    const first = kept.get(measurementKey(reading));
    if (!first) kept.set(measurementKey(reading), reading);
    else
      dropped.push({
        observationId: reading.observationId,
        path,
        reason: `repeats a ${reading.concept} reading of the same time and value`,
        duplicateOf: first.observationId,
      });
  }
  return { readings: [...kept.values()], dropped };
}

/** Readings of many Observations, sorted by time, each measurement once (see `readObservations`). */
export function readingsFromObservations(observations: readonly FhirJson[]): Reading[] {
  return readObservations(observations).readings;
}

/**
 * One measurement: the same concept, instant and value (in the same unit). A time given as a day
 * alone (FHIR allows `2024-03-01`) is not an instant: two readings of that day with one value (a
 * morning and an evening systolic of 150) are two measurements, so they are one only when they are
 * the same Observation delivered twice.
 */
const measurementKey = (r: Reading) =>
  `${r.concept}|${r.t}|${r.value}|${r.unit}|${r.level ?? ''}` +
  (r.time.includes('T') ? '' : `|${r.observationId}`);

/**
 * Each measurement once, the first kept: a BP sent both as a panel and as separate systolic and
 * diastolic Observations (different ids, same instant and values), or an Observation delivered twice,
 * counts once in averages, trends, change detection and event counts.
 */
export function distinctReadings(readings: readonly Reading[]): Reading[] {
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = measurementKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The readings of one Observation: its value, and each component (a BP panel gives two), each with its
 * element path; values of monitored concepts that give no reading are added to `dropped`.
 */
function readingsOf(
  observation: FhirJson,
  dropped: DroppedReading[],
): { reading: Reading; path: string }[] {
  if (observation.resourceType !== 'Observation') return [];
  if (observation.status === 'entered-in-error' || observation.status === 'cancelled') return [];
  const observationId = observation.id ?? '';
  const parts: { part: Record<string, unknown>; path: string }[] = [
    { part: observation, path: '' },
    ...((observation.component as FhirJson[] | undefined) ?? []).map((part, i) => ({
      part,
      path: `component[${i}].`,
    })),
  ];
  const results = parts.flatMap(({ part, path }) => {
    const r = readingOfPart(part);
    return r ? [{ ...r, path }] : [];
  });
  if (results.length === 0) return [];
  const time = observationTime(observation);
  const t = time === undefined ? Number.NaN : Date.parse(time);
  if (time === undefined || Number.isNaN(t)) {
    dropped.push({
      observationId,
      path: 'effective[x]',
      reason: 'no valid effective time or issued instant',
    });
    return [];
  }
  return results.flatMap((r) => {
    if ('problem' in r) {
      dropped.push({ observationId, path: `${r.path}${r.problem.path}`, reason: r.problem.reason });
      return [];
    }
    const { concept, value, unit, level } = r.reading;
    return [
      {
        reading: { observationId, concept, value, unit, ...(level ? { level } : {}), t, time },
        path: r.path.replace(/\.$/, ''),
      },
    ];
  });
}

/** Observation.effective[x] (dateTime, instant, Period.start), else `issued` (FHIR R4). */
function observationTime(o: FhirJson): string | undefined {
  const t =
    o.effectiveDateTime ??
    o.effectiveInstant ??
    (o.effectivePeriod as { start?: unknown } | undefined)?.start ??
    o.issued;
  return typeof t === 'string' ? t : undefined;
}

type PartReading = Omit<Reading, 'observationId' | 't' | 'time'>;
type Problem = { path: string; reason: string };

/** A part's reading, why a part of a monitored concept gives none, or undefined for other concepts. */
function readingOfPart(
  part: Record<string, unknown>,
): { reading: PartReading } | { problem: Problem } | undefined {
  const level = consciousnessOf(part.valueCodeableConcept as Coded | undefined);
  if (level)
    return {
      reading: {
        concept: 'consciousness',
        value: acvpuOrder.indexOf(level),
        unit: '{ACVPU}',
        level,
      },
    };
  const loinc = loincOf(part.code as Coded | undefined);
  const concept = loinc ? conceptByLoinc[loinc] : undefined;
  if (!loinc || !concept) return undefined;
  if (concept === 'phq9' || concept === 'gad7') {
    const score = scoreOf(part);
    return score === undefined
      ? { problem: { path: 'value[x]', reason: `no numeric score for LOINC ${loinc}` } }
      : { reading: { concept, value: score, unit: '{score}' } };
  }
  const quantity = part.valueQuantity as Quantity | undefined;
  if (typeof quantity?.value !== 'number' || !Number.isFinite(quantity.value))
    return {
      problem: {
        path: quantity ? 'valueQuantity.value' : 'value[x]',
        reason: part.dataAbsentReason
          ? `no value for LOINC ${loinc} (dataAbsentReason)`
          : `no numeric valueQuantity for LOINC ${loinc}`,
      },
    };
  return toReading(loinc, concept, quantity);
}

function loincOf(code: Coded | undefined): string | undefined {
  return code?.coding?.find((c) => c.system === 'http://loinc.org' && c.code)?.code;
}

function consciousnessOf(value: Coded | undefined): Consciousness | undefined {
  for (const c of value?.coding ?? []) {
    if (c.system === 'http://snomed.info/sct' && c.code && avpuBySnomed[c.code])
      return avpuBySnomed[c.code];
  }
  return undefined;
}

/** A questionnaire total: valueInteger, valueQuantity.value or a whole-number string. */
function scoreOf(part: Record<string, unknown>): number | undefined {
  const raw = part.valueInteger ?? (part.valueQuantity as Quantity | undefined)?.value;
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
}

/** The quantity as measured: ingest's original-quantity extension when it converted the value. */
function originalOf(quantity: Quantity): Quantity | undefined {
  const original = quantity.extension?.find((e) => e.url === originalQuantityUrl)?.valueQuantity;
  return typeof original?.value === 'number' && Number.isFinite(original.value)
    ? original
    : undefined;
}

/**
 * The reading in the unit of its concept: the canonical unit of the LOINC concept, resolving the
 * source unit as ingest does (`sourceUcum`: the code, exact or a known spelling such as 'mg/dl' or
 * 'degF', then the unit text); a value without a unit only for a score, whose unit is optional. The
 * reasons mirror ingest's errors. Glucose is then read in mg/dL, the unit of the ADA thresholds:
 * from the value as measured when ingest converted it to mmol/L (its original-quantity extension),
 * exact when measured in mg/dL, else converted and rounded to whole mg/dL, the precision the ADA
 * thresholds are stated in (so 250 mg/dL served as 13.88 mmol/L reads 250, not 250.06 > 250).
 */
function toReading(
  loinc: string,
  concept: Concept,
  served: Quantity,
): { reading: PartReading } | { problem: Problem } {
  const entry = canonicalUnitByLoinc.get(loinc);
  // O2 flow and FiO2: no conversion table, taken as sent (L/min, %).
  if (!entry)
    return {
      reading: { concept, value: served.value as number, unit: served.code ?? served.unit ?? '' },
    };
  const quantity = (concept === 'glucose' && originalOf(served)) || served;
  const value = quantity.value as number;
  const unitless = quantity.code === undefined && quantity.unit === undefined;
  if (unitless && entry.unitOptional !== true)
    return {
      problem: { path: 'valueQuantity.unit', reason: `unit is required for LOINC ${loinc}` },
    };
  const ucum = unitless ? entry.ucum : sourceUcum(quantity as Record<string, unknown>, entry);
  const convert = ucum === undefined ? undefined : entry.from[ucum];
  if (ucum === undefined || convert === undefined)
    return {
      problem: {
        path: `valueQuantity.${quantity.code !== undefined ? 'code' : 'unit'}`,
        reason: `unit not valid for LOINC ${loinc}`,
      },
    };
  if (concept !== 'glucose')
    return { reading: { concept, value: convert(value), unit: entry.ucum } };
  const mgdl = ucum === 'mg/dL' ? value : Math.round(convert(value) * glucoseMgdlPerMmol);
  return { reading: { concept, value: mgdl, unit: 'mg/dL' } };
}

/** The latest reading of a concept at or before `at` (epoch ms), if any. */
export function latestReading(
  readings: readonly Reading[],
  concept: Concept,
  at = Infinity,
): Reading | undefined {
  let best: Reading | undefined;
  for (const r of readings)
    if (r.concept === concept && r.t <= at && (!best || r.t >= best.t)) best = r;
  return best;
}

export interface BloodPressureReading {
  systolic?: number;
  diastolic?: number;
  t: number;
  observationIds: string[];
}

/**
 * Blood pressures pairing systolic and diastolic: components of one panel share an observation id;
 * separate Observations pair when taken at the same instant.
 */
export function bloodPressures(readings: readonly Reading[]): BloodPressureReading[] {
  const byKey = new Map<string, BloodPressureReading>();
  for (const r of readings) {
    if (r.concept !== 'systolic' && r.concept !== 'diastolic') continue;
    const key = String(r.t);
    const bp = byKey.get(key) ?? { t: r.t, observationIds: [] };
    bp[r.concept] = r.value;
    if (!bp.observationIds.includes(r.observationId)) bp.observationIds.push(r.observationId);
    byKey.set(key, bp);
  }
  return [...byKey.values()].sort((a, b) => a.t - b.t);
}
