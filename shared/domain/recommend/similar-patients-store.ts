// Domain (recommend): the SimilarPatients port backed by the serving store — the hospital's
// de-identified case index (case-index.ts, written by the feature build) read through the Table port
// and kept per container for a short TTL. Flow: API route -> recommendFor -> this -> Table port.
// Privacy: only the caller's hospital partitions are read; k >= 5; rates withheld below 5; the query
// patient's own case is left out.
import type { Clock } from '../../ports/clock';
import type { Table } from '../../ports/table';
import { extractRawFeatures } from '../features/extract';
import { applyTransform, type FittedTransform } from '../features/transform';
import type { FhirJson } from '../ingest/source-record';
import {
  caseDigest,
  caseKeys,
  casePrefix,
  caseShards,
  fitStamp,
  indexedCase,
  type IndexedCase,
} from './case-index';
import { caseOutcomeLabel } from './case-outcome';
import {
  checkNeighbours,
  neighbourEvidence,
  type DistanceMetric,
  type SimilarPatients,
} from './similar-patients';

/** A hospital's case index as loaded: the transform and the cases standardised with it. */
export interface LoadedCases {
  transform: FittedTransform;
  cases: IndexedCase[];
}

export interface CaseStoreDeps {
  serving: Table;
  clock?: Clock;
}

/** Loaded case indexes by hospital, each kept for `ttlMs` (concurrent callers share one load). */
export interface CaseCache {
  load(
    hospital: string,
    now: number,
    loader: () => Promise<LoadedCases | undefined>,
  ): Promise<LoadedCases | undefined>;
}

/** How long a container keeps a hospital's cases: a rebuild shows within 5 minutes. */
export const caseCacheTtlMs = 5 * 60_000;

/** A per-hospital cache of case indexes; a failed load is not kept. */
export function caseCache(ttlMs = caseCacheTtlMs): CaseCache {
  const entries = new Map<string, { until: number; value: Promise<LoadedCases | undefined> }>();
  return {
    load(hospital, now, loader) {
      const hit = entries.get(hospital);
      if (hit && hit.until > now) return hit.value;
      const value = loader();
      entries.set(hospital, { until: now + ttlMs, value });
      value.catch(() => {
        if (entries.get(hospital)?.value === value) entries.delete(hospital);
      });
      return value;
    },
  };
}

/**
 * Every case of `hospital` under the current fit: the transform item, then one paginated Query per
 * shard (in parallel). Cases written under another fit (a rebuild in progress) are left out, so
 * vectors are never compared across transforms. Undefined when no index has been built.
 */
export async function loadCases(
  serving: Table,
  hospital: string,
): Promise<LoadedCases | undefined> {
  const key = caseKeys.transform(hospital);
  const meta = await serving.get(key.pk, key.sk);
  if (!meta?.transform) return undefined;
  const transform = meta.transform as FittedTransform;
  const fit = fitStamp(transform);
  const shards = await Promise.all(
    Array.from({ length: caseShards }, async (_, shard) => {
      const found: IndexedCase[] = [];
      let cursor: string | undefined;
      do {
        const page = await serving.query({
          partition: caseKeys.shard(hospital, shard),
          sortPrefix: casePrefix,
          limit: 500,
          cursor,
        });
        for (const item of page.items) {
          const c = indexedCase(item);
          if (c && c.fit === fit && c.case.vector.length === transform.names.length) found.push(c);
        }
        cursor = page.cursor;
      } while (cursor);
      return found;
    }),
  );
  return { transform, cases: shards.flat() };
}

/**
 * Similar-patient evidence for `hospital` from its stored case index: the query record is turned
 * into a vector with the stored transform, its own case (if any) is left out, and the k nearest of
 * the rest give outcome rates per treatment (`caseOutcomeLabel`). Undefined when no index exists or
 * fewer than k other cases do; ValidationError when k is below the privacy floor of 5.
 */
export function storeSimilarPatients(
  deps: CaseStoreDeps,
  hospital: string,
  options: { cache?: CaseCache; metric?: DistanceMetric } = {},
): SimilarPatients {
  const cache = options.cache ?? caseCache();
  const metric = options.metric ?? 'euclidean';
  return {
    async similar(query) {
      checkNeighbours(query.k);
      const now = (deps.clock?.now() ?? new Date()).getTime();
      const loaded = await cache.load(hospital, now, () => loadCases(deps.serving, hospital));
      if (!loaded) return undefined;
      const resources = query.resources as unknown as FhirJson[];
      const self = resources.find((r) => r.resourceType === 'Patient')?.id;
      const own = self === undefined ? undefined : caseDigest(hospital, String(self));
      const raw = extractRawFeatures(resources, query.at);
      return neighbourEvidence({
        vector: applyTransform(loaded.transform, raw).values,
        cases: loaded.cases.filter((c) => c.digest !== own).map((c) => c.case),
        treatments: query.treatments,
        k: query.k,
        metric,
        outcome: caseOutcomeLabel,
        source: `${query.k} nearest de-identified cases of this hospital (${metric} on standardised ${loaded.transform.specVersion} vectors)`,
      });
    },
  };
}

/** The container's cache: one per Lambda container (or CLI process), shared across requests. */
const containerCases = caseCache();

/**
 * The similar-patients port the recommendations route uses for `hospital` (the caller's), sharing
 * the container-wide case cache.
 */
export function similarPatientsFor(deps: CaseStoreDeps, hospital: string): SimilarPatients {
  return storeSimilarPatients(deps, hospital, { cache: containerCases });
}
