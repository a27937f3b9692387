// Domain (recommend): case-based evidence — what happened to patients like this one under each
// treatment. `SimilarPatients` is the port; `vectorSimilarPatients` a simple in-memory version over
// standardised feature vectors (features/transform.ts output) that the serving store can back.
// Privacy: only de-identified cases (no ids, no dates), k >= 5, and per-treatment outcome rates are
// withheld for groups smaller than the floor (small cells re-identify).
import type { Resource } from '@medplum/fhirtypes';
import { ValidationError } from '../errors';
import { extractRawFeatures } from '../features/extract';
import { applyTransform, type FittedTransform } from '../features/transform';
import type { FhirJson } from '../ingest/source-record';
import type { CaseEvidence } from './model';

/** The smallest neighbourhood (and treatment group) whose outcomes may be shown. */
export const privacyFloor = 5;

export interface SimilarPatientsQuery {
  resources: readonly Resource[];
  at: Date;
  /** Treatments to report (drug ingredients or option labels). */
  treatments: readonly string[];
  k: number;
}

export interface SimilarPatients {
  /** Outcomes under each treatment among the k nearest de-identified cases, or undefined if too few. */
  similar(query: SimilarPatientsQuery): Promise<CaseEvidence | undefined>;
}

/** A de-identified case: a standardised vector, the treatments received and whether the outcome occurred. */
export interface DeidentifiedCase {
  vector: readonly number[];
  treatments: readonly string[];
  outcome: boolean;
  /**
   * The treatments the outcome followed, when the case records it per treatment (case-outcome.ts);
   * without it, `outcome` counts under every treatment the case received.
   */
  eventAfter?: readonly string[];
}

export type DistanceMetric = 'cosine' | 'euclidean';

export function distance(
  a: readonly number[],
  b: readonly number[],
  metric: DistanceMetric,
): number {
  if (a.length !== b.length) throw new ValidationError('vectors differ in length', 'vector');
  let dot = 0,
    na = 0,
    nb = 0,
    sq = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
    sq += (a[i]! - b[i]!) ** 2;
  }
  if (metric === 'euclidean') return Math.sqrt(sq);
  return na === 0 || nb === 0 ? 1 : 1 - dot / Math.sqrt(na * nb);
}

/** Throws ValidationError unless `k` is an integer at or above the privacy floor. */
export function checkNeighbours(k: number): void {
  if (!Number.isInteger(k) || k < privacyFloor)
    throw new ValidationError(`k must be an integer >= ${privacyFloor} (privacy floor)`, 'k');
}

const hadOutcome = (c: DeidentifiedCase, treatment: string) =>
  c.eventAfter ? c.eventAfter.includes(treatment) : c.outcome;

/**
 * Outcomes under each of `treatments` among the `k` cases nearest to `vector` (a standardised
 * vector), or undefined when fewer than `k` cases exist. Rates (0-1, 3 decimals) are withheld for
 * treatment groups below the privacy floor; counts are always shown.
 */
export function neighbourEvidence(options: {
  vector: readonly number[];
  cases: readonly DeidentifiedCase[];
  treatments: readonly string[];
  k: number;
  metric: DistanceMetric;
  outcome: string;
  source: string;
}): CaseEvidence | undefined {
  checkNeighbours(options.k);
  if (options.cases.length < options.k) return undefined;
  const nearest = options.cases
    .map((c) => ({ c, d: distance(options.vector, c.vector, options.metric) }))
    .sort((x, y) => x.d - y.d)
    .slice(0, options.k)
    .map((x) => x.c);
  return {
    k: options.k,
    metric: options.metric,
    outcome: options.outcome,
    byTreatment: options.treatments.map((t) => {
      const group = nearest.filter((c) => c.treatments.includes(t));
      const rate = group.filter((c) => hadOutcome(c, t)).length / (group.length || 1);
      return {
        treatment: t,
        patients: group.length,
        ...(group.length >= privacyFloor ? { outcomeRate: Math.round(rate * 1000) / 1000 } : {}),
      };
    }),
    source: options.source,
  };
}

/**
 * Nearest-neighbour evidence over `cases` (standardised with `transform`, the same fit the query is
 * transformed with). `outcome` names what `DeidentifiedCase.outcome` means (e.g. "10-year ASCVD event").
 */
export function vectorSimilarPatients(options: {
  transform: FittedTransform;
  cases: readonly DeidentifiedCase[];
  outcome: string;
  metric?: DistanceMetric;
}): SimilarPatients {
  const metric = options.metric ?? 'euclidean';
  return {
    async similar(query) {
      checkNeighbours(query.k);
      if (options.cases.length < query.k) return undefined;
      const raw = extractRawFeatures(query.resources as unknown as FhirJson[], query.at);
      return neighbourEvidence({
        vector: applyTransform(options.transform, raw).values,
        cases: options.cases,
        treatments: query.treatments,
        k: query.k,
        metric,
        outcome: options.outcome,
        source: `${query.k} nearest de-identified cases (${metric} on standardised ${options.transform.specVersion} vectors)`,
      });
    },
  };
}
