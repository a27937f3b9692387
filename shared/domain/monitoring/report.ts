// Domain (monitoring): one patient's monitoring report from FHIR resources, without storage: alert
// findings, trends with change detection, adherence and plan-adjustment suggestions, and the values it
// could not use. Used by `caregraph monitor` (offline from a Bundle, or from a running stack's records).
import {
  doseAdherence,
  missedDosePatterns,
  type DoseEvent,
  type MissedDosePatterns,
} from '../adherence/dose-acks';
import { fillsOf, medicationsOf, type Medication } from '../adherence/medications';
import { pdcByMedication, trailingPeriod, type ProportionOfDaysCovered } from '../adherence/pdc';
import type { FhirJson } from '../ingest/source-record';
import { cusumOverTime } from './change';
import type { News2Scorer } from './news2-input';
import { planAdjustments, type Suggestion } from './plan-adjustment';
import {
  distinctReadings,
  readObservations,
  type Concept,
  type DroppedReading,
  type Reading,
} from './readings';
import {
  ageInYears,
  bloodPressureGoal,
  evaluateRules,
  sexOf,
  type Finding,
  type RuleId,
} from './rules';
import { msPerDay, robustBaseline, theilSen, trailingWindow, trendDirection } from './trend';

export interface ConceptTrend {
  concept: Concept;
  unit: string;
  readings: number;
  latest?: number;
  slopePerDay?: number;
  confidence?: { level: number; lower: number; upper: number } | null;
  direction: 'rising' | 'falling' | 'flat' | 'unknown';
  /** A sustained shift found by the tabular CUSUM against the first half of the window. */
  shift?: { direction: 'up' | 'down'; since: string; detectedAt: string; newMean: number };
}

export interface MonitoringReport {
  at: string;
  alerts: Finding[];
  /** Rules that had data to judge (a rule absent here lacked data, e.g. NEWS2 without vitals). */
  evaluated: RuleId[];
  trends: ConceptTrend[];
  medications: Medication[];
  adherence: ProportionOfDaysCovered[];
  /**
   * Reminder acknowledgements: rates per medication, named by the record's Medication.key when the
   * event names a medication of the record, else by the name the event gave (listed in `unmatched`).
   */
  doses?: {
    rates: ReturnType<typeof doseAdherence>;
    missed: MissedDosePatterns;
    unmatched: UnmatchedDoses[];
  };
  suggestions: Suggestion[];
  /** Observation values of monitored concepts not used, and repeats of a measurement, with why. */
  dropped: DroppedReading[];
}

/**
 * A dose acknowledgement as `--doses` gives it: `medication` names the drug as `caregraph reminders
 * plan` does (the order's medication text or display); `medicationKey`, when given, is the record's
 * Medication.key (`system|code`) and is used instead of the name.
 */
export type DoseAcknowledgement = DoseEvent & { medicationKey?: string };

/** Acknowledgements whose medication is not one of the record's: not used to judge a regimen. */
export interface UnmatchedDoses {
  /** The medication as the events name it (their `medicationKey`, else `medication`). */
  medication: string;
  events: number;
  reason: string;
}

/** Days of history the trends look at. */
export const trendWindowDays = 90;

/**
 * Floors of the in-control σ per concept, so a quiet baseline does not flag ordinary variation:
 * BP visit-to-visit SD about 7/5 mm Hg (Muntner et al., Hypertension 2011;57:160); the others are
 * assumed typical day-to-day variation (glucose 15 mg/dL, weight 0.8 kg, HbA1c 0.2 %, scores 2 points).
 */
const sigmaFloor: Partial<Record<Concept, number>> = {
  systolic: 7,
  diastolic: 5,
  glucose: 15,
  weight: 0.8,
  hba1c: 0.2,
  phq9: 2,
  gad7: 2,
};
const trendConcepts = Object.keys(sigmaFloor) as Concept[];

/**
 * The report at `now` (epoch ms) for one patient's resources (Observations and medication resources;
 * the Patient, when given, supplies the age the paediatric limits of the rules need).
 */
export function monitoringReport(
  resources: readonly FhirJson[],
  options: {
    now: number;
    news2?: News2Scorer;
    spo2Scale?: 1 | 2;
    doseEvents?: readonly DoseAcknowledgement[];
  },
): MonitoringReport {
  const { readings, dropped } = readObservations(resources);
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const ageYears = ageInYears(patient, options.now);
  const sex = sexOf(patient);
  const settings = {
    ...options,
    ...(ageYears !== undefined ? { ageYears } : {}),
    ...(sex ? { sex } : {}),
  };
  const { findings, evaluated } = evaluateRules(readings, settings);
  const bpGoal = bloodPressureGoal(readings, settings) ?? 'not-judged';
  const medications = medicationsOf(resources);
  // PQA PDC over the last 365 days (pdc.ts): an old record of good adherence cannot hide a lapse.
  const pdc = pdcByMedication(
    fillsOf(resources),
    trailingPeriod(new Date(options.now).toISOString().slice(0, 10)),
  );
  const doses = options.doseEvents?.length
    ? doseEventsOfRecord(options.doseEvents, resources, medications)
    : undefined;
  const rates = doses ? doseAdherence(doses.events) : undefined;
  return {
    at: new Date(options.now).toISOString(),
    alerts: findings,
    evaluated,
    trends: trendConcepts.flatMap((c) => conceptTrend(readings, c, options.now) ?? []),
    medications,
    adherence: pdc,
    ...(doses && rates
      ? { doses: { rates, missed: missedDosePatterns(doses.events), unmatched: doses.unmatched } }
      : {}),
    suggestions: planAdjustments({
      readings,
      medications,
      pdc,
      doses: rates,
      now: options.now,
      bpGoal,
    }),
    dropped,
  };
}

const medicationName = (name: string) => name.trim().toLowerCase();

/**
 * The names a medication of the record goes by, lower-cased, with its key: the key itself, its
 * display, and, from each order and dispense, the medication text, every coding's display and code
 * and the reference's display (of the referenced Medication's code when it names one), which covers
 * what `caregraph reminders plan` calls it (reminders/medication-text.ts `medicationDisplay`).
 */
function medicationNames(
  resources: readonly FhirJson[],
  medications: readonly Medication[],
): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (name: unknown, key: string) => {
    if (typeof name !== 'string' || !name.trim()) return;
    const keys = names.get(medicationName(name)) ?? new Set<string>();
    keys.add(key);
    names.set(medicationName(name), keys);
  };
  for (const m of medications) {
    add(m.key, m.key);
    add(m.display, m.key);
  }
  const referenced = resources.filter((r) => r.resourceType === 'Medication');
  for (const r of resources) {
    if (r.resourceType !== 'MedicationRequest' && r.resourceType !== 'MedicationDispense') continue;
    const key = medicationsOf([r, ...referenced])[0]?.key;
    if (!key) continue;
    const reference = r.medicationReference as { reference?: string; display?: string } | undefined;
    const medication = referenced.find((m) => reference?.reference === `Medication/${m.id}`);
    const concept = (r.medicationCodeableConcept ?? medication?.code) as
      { text?: string; coding?: { code?: string; display?: string }[] } | undefined;
    add(concept?.text, key);
    for (const c of concept?.coding ?? []) {
      add(c.display, key);
      add(c.code, key);
    }
    add(reference?.display, key);
  }
  return names;
}

/**
 * Dose acknowledgements named by the record's Medication.key, which the regimen and PDC use: by the
 * event's `medicationKey` when given, else by its medication name (case-insensitive, see
 * `medicationNames`). Events naming no medication of the record, or a name several medications
 * share, keep their own name and are listed in `unmatched` with the reason.
 */
function doseEventsOfRecord(
  events: readonly DoseAcknowledgement[],
  resources: readonly FhirJson[],
  medications: readonly Medication[],
): { events: DoseEvent[]; unmatched: UnmatchedDoses[] } {
  const names = medicationNames(resources, medications);
  const keys = new Set(medications.map((m) => m.key));
  const unmatched = new Map<string, UnmatchedDoses>();
  const mapped = events.map(({ medicationKey, ...event }) => {
    const candidates = medicationKey
      ? keys.has(medicationKey)
        ? [medicationKey]
        : []
      : [...(names.get(medicationName(event.medication)) ?? [])];
    if (candidates.length === 1) return { ...event, medication: candidates[0]! };
    const name = medicationKey ?? event.medication;
    const entry = unmatched.get(name) ?? {
      medication: name,
      events: 0,
      reason: medicationKey
        ? 'medicationKey names no medication of the record'
        : candidates.length === 0
          ? 'names no medication of the record'
          : `the name fits ${candidates.length} medications of the record`,
    };
    entry.events++;
    unmatched.set(name, entry);
    return { ...event, medication: name };
  });
  return { events: mapped, unmatched: [...unmatched.values()] };
}

/** Trend of one concept over the trailing window; undefined when the concept was never measured there. */
export function conceptTrend(
  readings: readonly Reading[],
  concept: Concept,
  now: number,
): ConceptTrend | undefined {
  // Each measurement once: a repeat would double its weight in the slope and the CUSUM baseline.
  const window = trailingWindow(
    distinctReadings(readings.filter((r) => r.concept === concept)),
    now,
    trendWindowDays * msPerDay,
  );
  if (window.length === 0) return undefined;
  const slope = theilSen(window);
  const trend: ConceptTrend = {
    concept,
    unit: window[0]!.unit,
    readings: window.length,
    latest: window.at(-1)!.value,
    ...(slope ? { slopePerDay: slope.slopePerDay, confidence: slope.confidence } : {}),
    direction: trendDirection(slope),
  };
  const half = Math.floor(window.length / 2);
  if (half < 5) return trend;
  const baseline = robustBaseline(
    window.slice(0, half).map((r) => r.value),
    sigmaFloor[concept] ?? 0,
  );
  const signal = cusumOverTime(window.slice(half), {
    target: baseline.centre,
    sigma: baseline.sigma,
  }).signals[0];
  if (signal)
    trend.shift = {
      direction: signal.direction,
      since: new Date(signal.since).toISOString(),
      detectedAt: new Date(signal.at).toISOString(),
      newMean: signal.shiftedMean,
    };
  return trend;
}
