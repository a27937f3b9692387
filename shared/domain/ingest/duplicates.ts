// Domain (ingest): the duplicate and conflict policy within one file (documented in docs/ingest.md).
// - Same resource id, same content: a re-sent copy; merged (counted as repaired "duplicate-merged").
// - Same resource id, different content: a correction; the later record wins (stored, counted as
//   repaired "conflict-later-wins"); the serving record is overwritten, curated NDJSON keeps both lines.
// - An Observation with another id but the same patient, code, time and value: the same measurement
//   exported twice; merged ("duplicate-observation-merged").
// Memory is bounded: the most recent `capacity` keys are remembered (duplicates in exports are close
// together); beyond that, deterministic storage keys still prevent duplicated records.
import { createHash } from 'node:crypto';
import type { FhirJson } from './source-record';

export type DuplicateVerdict =
  'new' | 'duplicate-merged' | 'conflict-later-wins' | 'duplicate-observation-merged';

export class DuplicateTracker {
  private readonly byId = new Map<string, string>();
  private readonly byMeasurement = new Set<string>();

  constructor(private readonly capacity = 200_000) {}

  check(resource: FhirJson): DuplicateVerdict {
    const id = `${resource.resourceType}/${resource.id ?? ''}`;
    const digest = createHash('sha1').update(JSON.stringify(resource)).digest('base64');
    const previous = this.byId.get(id);
    this.remember(this.byId, id, digest);
    if (previous === digest) return 'duplicate-merged';
    if (previous !== undefined) return 'conflict-later-wins';
    const measurement = measurementKey(resource);
    if (measurement) {
      if (this.byMeasurement.has(measurement)) return 'duplicate-observation-merged';
      if (this.byMeasurement.size >= this.capacity) this.byMeasurement.clear();
      this.byMeasurement.add(measurement);
    }
    return 'new';
  }

  private remember(map: Map<string, string>, key: string, value: string): void {
    map.delete(key);
    map.set(key, value);
    if (map.size > this.capacity) map.delete(map.keys().next().value!);
  }
}

function measurementKey(r: FhirJson): string | undefined {
  if (r.resourceType !== 'Observation') return undefined;
  const subject = (r.subject as { reference?: string } | undefined)?.reference;
  const coding = (r.code as { coding?: { system?: string; code?: string }[] } | undefined)
    ?.coding?.[0];
  const time = r.effectiveDateTime ?? r.effectiveInstant;
  if (!subject || !coding?.code || typeof time !== 'string') return undefined;
  return JSON.stringify([
    subject,
    coding.system,
    coding.code,
    time,
    r.valueQuantity ?? r.valueCodeableConcept ?? r.component ?? null,
  ]);
}
