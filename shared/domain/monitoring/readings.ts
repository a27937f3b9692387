// Domain (monitoring): FHIR R4 Observations -> typed readings in one unit per concept. Observations
// served after ingest are already in canonical UCUM units (preprocess/canonical-units.ts); this also
// accepts raw Bundle content by converting through the same table. Glucose is then expressed in mg/dL,
// the unit of the ADA thresholds.
import type { FhirJson } from '../ingest/source-record';
import { canonicalUnitByLoinc, toUcum } from '../preprocess/canonical-units';

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

/** Units of the readings: the canonical UCUM unit, except glucose in mg/dL (ADA thresholds). */
const readingUnit: Partial<Record<Concept, string>> = {
  glucose: 'mg/dL',
  phq9: '{score}',
  gad7: '{score}',
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
}

/** Readings of many Observations, sorted by time; unusable ones (no time, no value, in error) skipped. */
export function readingsFromObservations(observations: readonly FhirJson[]): Reading[] {
  return observations.flatMap((o) => readingsOf(o)).sort((a, b) => a.t - b.t);
}

/** The readings of one Observation: its value, and each component (a BP panel gives two). */
export function readingsOf(observation: FhirJson): Reading[] {
  if (observation.resourceType !== 'Observation') return [];
  if (observation.status === 'entered-in-error' || observation.status === 'cancelled') return [];
  const time = observationTime(observation);
  const t = time === undefined ? Number.NaN : Date.parse(time);
  if (time === undefined || Number.isNaN(t)) return [];
  const observationId = observation.id ?? '';
  const out: Reading[] = [];
  const add = (part: Record<string, unknown>) => {
    const r = readingOfPart(part);
    if (r)
      out.push({
        observationId,
        concept: r.concept,
        value: r.value,
        unit: r.unit,
        ...(r.level ? { level: r.level } : {}),
        t,
        time,
      });
  };
  add(observation);
  for (const component of (observation.component as FhirJson[] | undefined) ?? []) add(component);
  return out;
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

function readingOfPart(
  part: Record<string, unknown>,
): Omit<Reading, 'observationId' | 't' | 'time'> | undefined {
  const level = consciousnessOf(part.valueCodeableConcept as Coded | undefined);
  if (level)
    return { concept: 'consciousness', value: acvpuOrder.indexOf(level), unit: '{ACVPU}', level };
  const loinc = loincOf(part.code as Coded | undefined);
  const concept = loinc ? conceptByLoinc[loinc] : undefined;
  if (!loinc || !concept) return undefined;
  if (concept === 'phq9' || concept === 'gad7') {
    const score = scoreOf(part);
    return score === undefined ? undefined : { concept, value: score, unit: '{score}' };
  }
  const quantity = part.valueQuantity as Quantity | undefined;
  if (typeof quantity?.value !== 'number' || !Number.isFinite(quantity.value)) return undefined;
  const value = toReadingUnit(loinc, concept, quantity);
  if (value === undefined) return undefined;
  const unit =
    readingUnit[concept] ??
    canonicalUnitByLoinc.get(loinc)?.ucum ??
    quantity.code ??
    quantity.unit ??
    '';
  return { concept, value, unit };
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

/** Converts into the canonical unit of the LOINC concept (glucose then to mg/dL); undefined when unknown. */
function toReadingUnit(loinc: string, concept: Concept, quantity: Quantity): number | undefined {
  const value = quantity.value as number;
  const entry = canonicalUnitByLoinc.get(loinc);
  if (!entry) return value; // O2 flow and FiO2: no conversion table, taken as sent (L/min, %)
  const ucum =
    quantity.code ?? (quantity.unit ? (toUcum(quantity.unit) ?? quantity.unit) : entry.ucum);
  // Glucose already in mg/dL is kept exact, so 70 mg/dL stays on its threshold after a round trip.
  if (concept === 'glucose' && ucum === 'mg/dL') return value;
  const convert = entry.from[ucum];
  if (!convert) return undefined;
  const canonical = convert(value);
  return concept === 'glucose' ? canonical * glucoseMgdlPerMmol : canonical;
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
