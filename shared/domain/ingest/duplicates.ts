// Domain (ingest): the duplicate and conflict policy within one file (documented in docs/ingest.md).
// - Same resource id, same content: a re-sent copy; merged (counted as repaired "duplicate-merged").
// - Same resource id, different content: a correction; the later record wins (stored, counted as
//   repaired "conflict-later-wins"); the serving record is overwritten, curated NDJSON keeps both lines.
// - An Observation with another id but the same patient, code, time and value: the same measurement
//   exported twice; merged ("duplicate-observation-merged").
// Memory is fixed, whatever the file size: the last 65,536 to 131,072 ids and measurements are
// remembered as 64-bit fingerprints (fingerprints.ts, 6 MiB in all); duplicates in exports are close
// together, and beyond that window deterministic storage keys still prevent duplicated records (a far
// copy is stored again over itself and counted as accepted). A fingerprint collision between two ids
// is harmless (the record is still stored, counted as a correction); between two measurements it
// would merge a distinct Observation, with a chance of at most 7e-15 per Observation.
import { FingerprintTable, fingerprintOf } from './fingerprints';
import type { FhirJson } from './source-record';

export type DuplicateVerdict =
  'new' | 'duplicate-merged' | 'conflict-later-wins' | 'duplicate-observation-merged';

export class DuplicateTracker {
  /** Id fingerprint -> content fingerprint of the last record with that id. */
  private readonly byId: FingerprintTable;
  private readonly byMeasurement: FingerprintTable;

  constructor(perGeneration = 65_536) {
    this.byId = new FingerprintTable(perGeneration, true);
    this.byMeasurement = new FingerprintTable(perGeneration);
  }

  /** The fingerprints of the last resource judged, recorded by `accept` once it is stored. */
  private judged?: {
    id?: ReturnType<typeof fingerprintOf>;
    digest?: ReturnType<typeof fingerprintOf>;
    measurement?: ReturnType<typeof fingerprintOf>;
  };

  /** Judge and remember at once (the resource is taken as stored). */
  check(resource: FhirJson): DuplicateVerdict {
    const verdict = this.judge(resource);
    this.accept();
    return verdict;
  }

  /**
   * The verdict on `resource`, remembering nothing yet: only a stored record may make a later one a
   * copy (one that is then quarantined, e.g. too large to store, must not swallow a valid reading
   * that repeats it). Call `accept` once it is stored.
   */
  judge(resource: FhirJson): DuplicateVerdict {
    this.judged = {};
    // Ingest gives every resource an id before this (ingest-file.ts); one without could not be told
    // from another of its type by id, so it is never judged a copy or a correction of one.
    if (typeof resource.id === 'string' && resource.id !== '') {
      const id = fingerprintOf(`${resource.resourceType}/${resource.id}`);
      const digest = fingerprintOf(JSON.stringify(resource));
      this.judged = { id, digest };
      const previous = this.byId.get(id);
      if (previous !== undefined && previous.hi === digest.hi && previous.lo === digest.lo)
        return 'duplicate-merged';
      if (previous !== undefined) return 'conflict-later-wins';
    }
    const measurement = measurementKey(resource);
    if (measurement) {
      const key = fingerprintOf(measurement);
      if (this.byMeasurement.has(key)) return 'duplicate-observation-merged';
      this.judged.measurement = key;
    }
    return 'new';
  }

  /** Remember the resource last judged: it was stored. */
  accept(): void {
    const judged = this.judged;
    this.judged = undefined;
    if (!judged) return;
    if (judged.id && judged.digest) this.byId.set(judged.id, judged.digest);
    if (judged.measurement) this.byMeasurement.set(judged.measurement);
  }
}

/**
 * What makes two Observations the same measurement besides patient, code and time: the value in
 * whichever value[x] type it comes (valueString, valueInteger, valueBoolean, valueDateTime,
 * valuePeriod, valueRatio, valueSampledData, valueTime, valueRange as well as valueQuantity and
 * valueCodeableConcept; the element name too, so 2 and "2" differ), the components, why a value is
 * absent, the members of a panel, and where and how it was measured. Readings differing in any of
 * these are distinct and both stored.
 */
const measuredElements = ['component', 'dataAbsentReason', 'hasMember', 'bodySite', 'method'];

function measurementKey(r: FhirJson): string | undefined {
  if (r.resourceType !== 'Observation') return undefined;
  const subject = (r.subject as { reference?: string } | undefined)?.reference;
  const coding = (r.code as { coding?: { system?: string; code?: string }[] } | undefined)
    ?.coding?.[0];
  const time = r.effectiveDateTime ?? r.effectiveInstant;
  if (!subject || !coding?.code || typeof time !== 'string') return undefined;
  const measured: [string, unknown][] = [];
  for (const key of Object.keys(r).sort()) {
    if ((key.startsWith('value') && key.length > 5) || measuredElements.includes(key))
      measured.push([key, r[key]]);
  }
  return JSON.stringify([subject, coding.system, coding.code, time, measured]);
}
