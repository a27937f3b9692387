// Domain (monitoring): one patient's monitoring report from FHIR resources, without storage: alert
// findings, trends with change detection, adherence and plan-adjustment suggestions. Used by
// `caregraph monitor` (offline from a Bundle, or from a running stack's records).
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
import { readingsFromObservations, type Concept, type Reading } from './readings';
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
  doses?: { rates: ReturnType<typeof doseAdherence>; missed: MissedDosePatterns };
  suggestions: Suggestion[];
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
    doseEvents?: readonly DoseEvent[];
  },
): MonitoringReport {
  const readings = readingsFromObservations(resources);
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
  const rates = options.doseEvents?.length ? doseAdherence(options.doseEvents) : undefined;
  return {
    at: new Date(options.now).toISOString(),
    alerts: findings,
    evaluated,
    trends: trendConcepts.flatMap((c) => conceptTrend(readings, c, options.now) ?? []),
    medications,
    adherence: pdc,
    ...(rates ? { doses: { rates, missed: missedDosePatterns(options.doseEvents!) } } : {}),
    suggestions: planAdjustments({
      readings,
      medications,
      pdc,
      doses: rates,
      now: options.now,
      bpGoal,
    }),
  };
}

/** Trend of one concept over the trailing window; undefined when the concept was never measured there. */
export function conceptTrend(
  readings: readonly Reading[],
  concept: Concept,
  now: number,
): ConceptTrend | undefined {
  const window = trailingWindow(
    readings.filter((r) => r.concept === concept),
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
