// Domain (ingest): wrong units whose values stay plausible. Ingest converts every quantity to its
// canonical unit and rejects impossible values; a mislabelled unit that yields a possible value
// (70 kg sent as "lb" -> 31.8 kg; glucose 100 mg/dL sent as "mmol/L") passes that check, so two
// further rules catch it, and the record is quarantined with the reason (never silently "fixed":
// the hospital must say which unit it meant):
// 1. Patient history: a value that differs by the conversion factor of a common unit confusion
//    (±4 %) from the median of the same patient's other readings of the concept within a year of it
//    (before or after), when those readings are at least two and stable (all within ±15 % of their
//    median). A stable series rules out growth: infants, who can triple their weight in a year, are
//    never stable over it (WHO Child Growth Standards 2006); no stable adult weight, height, glucose
//    or creatinine changes 2.2-, 2.54-, 18- or 88-fold.
//    Readings come in file order, not time order, and a mislabelled first reading has no history yet.
//    So a reading that cannot be judged when it arrives (fewer than two stable other readings) is
//    held back, not stored, and judged again as later readings of the same series arrive; it is
//    released (stored) once judged consistent, or when judging stops: the series grows past its
//    bounded history, the file reaches a checkpoint or its end, or too many readings are held. A
//    reading with the id of a held one, or the same time in its series (a duplicate or an update),
//    releases the held one first, so that records sharing an identity are stored in file order.
// 2. Population: a value extreme in the stated unit that is typical in the other unit (glucose
//    > 45 mmol/L, i.e. > 810 mg/dL, reads as 2.5-35 mmol/L once taken as mg/dL). 45 mmol/L is a
//    project threshold, far above the ADA 2024 hyperglycaemia cut-offs; real values that high are
//    rare but possible (hyperosmolar states), so the record is quarantined for the hospital to
//    confirm the unit, never converted or discarded silently.
import type { FhirJson } from './source-record';
import { ValidationError } from '../errors';
import { canonicalUnitByLoinc } from '../preprocess/canonical-units';

interface Confusion {
  concept: string;
  /** Canonical value = factor x value in the confused unit (e.g. 1 lb = 0.4536 kg => 1/2.20462). */
  factor: number;
  canonical: string;
  other: string;
}

const confusions: readonly Confusion[] = [
  { concept: 'body weight', factor: 2.20462, canonical: 'kg', other: '[lb_av]' },
  { concept: 'body height', factor: 2.54, canonical: 'cm', other: '[in_i]' },
  { concept: 'glucose', factor: 18.016, canonical: 'mmol/L', other: 'mg/dL' },
  { concept: 'creatinine', factor: 88.42, canonical: 'umol/L', other: 'mg/dL' },
];

const windowMs = 365 * 86_400_000;
const stableWithin = 0.15;
const tolerance = 0.04;
const historyPerSeries = 8;

/** Held readings at most (across series) before all are released: bounds memory on any file. */
const maxHeld = 50_000;

interface Reading<T> {
  time: number;
  value: number;
  /** The caller's item while the reading is held (not yet stored); undefined once released. */
  held: T | undefined;
  id: string | undefined;
  /** Arrival order, so that released readings are stored in file order. */
  seq: number;
}

/** What the caller does now with the items offered so far, in this order. */
export interface UnitVerdicts<T> {
  /** Items judged mislabelled (the one just offered, or held ones): quarantine each with its error. */
  suspects: { item: T; error: ValidationError }[];
  /** Items to store, oldest first (held ones released, then the one just offered unless held). */
  ready: T[];
}

/** Per-file memory of each patient's recent readings of the concepts above (bounded). */
export class UnitSuspects<T = unknown> {
  private readonly series = new Map<string, Reading<T>[]>();
  /** Held readings by resource id, with the key of their series. */
  private readonly heldIds = new Map<string, string>();
  private held = 0;
  private seq = 0;

  constructor(private readonly capacity = 200_000) {}

  /**
   * Offers one validated, normalised resource with the caller's `item` for it. Resources of other
   * kinds come straight back in `ready`; a reading of a confusable concept is judged against the
   * patient's other readings, held back while it cannot be, and may settle earlier held readings.
   */
  offer(resource: FhirJson, item: T): UnitVerdicts<T> {
    const verdicts: UnitVerdicts<T> = { suspects: [], ready: [] };
    const id = typeof resource.id === 'string' ? resource.id : undefined;
    if (id !== undefined && this.heldIds.has(id)) this.releaseId(id, verdicts);
    const reading = this.readingOf(resource);
    if (reading === undefined) {
      verdicts.ready.push(item);
      return verdicts;
    }
    const { confusion, value, time, subject } = reading;
    if (
      confusion.concept === 'glucose' &&
      value > 45 &&
      value / confusion.factor >= 2.5 &&
      value / confusion.factor <= 35
    ) {
      const why = `is beyond charted human values but typical as ${confusion.other}`;
      verdicts.suspects.push({ item, error: suspect(confusion, why) });
      return verdicts;
    }
    if (!subject || Number.isNaN(time)) {
      verdicts.ready.push(item);
      return verdicts;
    }
    const key = `${subject}|${confusion.concept}`;
    let list = this.series.get(key);
    if (list === undefined) {
      if (this.series.size >= this.capacity) this.releaseAll(verdicts);
      list = [];
      this.series.set(key, list);
    }
    // A duplicate or an update of a held reading (same time) must be stored after it.
    for (const r of list) if (r.held !== undefined && r.time === time) this.release(r, verdicts);
    const judged = judge(confusion, value, time, list, undefined);
    if (judged !== undefined && judged !== 'consistent') {
      verdicts.suspects.push({ item, error: suspect(confusion, judged) });
      return verdicts;
    }
    const entry: Reading<T> = {
      time,
      value,
      held: judged === undefined ? item : undefined,
      id,
      seq: this.seq++,
    };
    list.push(entry);
    if (judged === undefined) {
      if (id !== undefined) this.heldIds.set(id, key);
      this.held++;
    }
    // This reading is one more neighbour: held readings of the series (this one too) may now be
    // judged, and each judgement can settle another, so judge until nothing changes.
    for (let changed = true; changed;) {
      changed = false;
      for (let i = 0; i < list.length; i++) {
        const r = list[i]!;
        if (r.held === undefined) continue;
        const verdict = judge(confusion, r.value, r.time, list, r);
        if (verdict === undefined) continue;
        changed = true;
        if (verdict === 'consistent') this.release(r, verdicts);
        else {
          verdicts.suspects.push({ item: r.held, error: suspect(confusion, verdict) });
          this.forget(r);
          list.splice(i--, 1);
        }
      }
    }
    if (judged !== undefined) verdicts.ready.push(item);
    while (list.length > historyPerSeries) this.release(list.shift()!, verdicts);
    if (this.held > maxHeld) this.releaseAll(verdicts);
    return verdicts;
  }

  /** Releases every held reading (at a checkpoint and at the end of the file): items to store. */
  drain(): T[] {
    const verdicts: UnitVerdicts<T> = { suspects: [], ready: [] };
    this.releaseAll(verdicts);
    return verdicts.ready;
  }

  private readingOf(resource: FhirJson) {
    if (resource.resourceType !== 'Observation') return undefined;
    const quantity = resource.valueQuantity as { value?: unknown } | undefined;
    if (typeof quantity?.value !== 'number') return undefined;
    const coding =
      ((resource.code as FhirJson | undefined)?.coding as { system?: string; code?: string }[]) ??
      [];
    const loinc = coding.find((c) => c.system === 'http://loinc.org')?.code;
    const unit = loinc ? canonicalUnitByLoinc.get(loinc) : undefined;
    const confusion = unit && confusions.find((c) => c.concept === unit.concept);
    if (!confusion) return undefined;
    const subject = String(
      (resource.subject as { reference?: string } | undefined)?.reference ?? '',
    );
    const time = Date.parse(String(resource.effectiveDateTime ?? resource.issued ?? ''));
    return { confusion, value: quantity.value, time, subject };
  }

  private release(r: Reading<T>, verdicts: UnitVerdicts<T>): void {
    if (r.held === undefined) return;
    verdicts.ready.push(r.held);
    this.forget(r);
  }

  private forget(r: Reading<T>): void {
    if (r.held === undefined) return;
    r.held = undefined;
    this.held--;
    if (r.id !== undefined) this.heldIds.delete(r.id);
  }

  private releaseId(id: string, verdicts: UnitVerdicts<T>): void {
    const list = this.series.get(this.heldIds.get(id)!) ?? [];
    for (const r of list) if (r.id === id) this.release(r, verdicts);
  }

  /** Every held reading, in the order they were offered, then all history forgotten. */
  private releaseAll(verdicts: UnitVerdicts<T>): void {
    const held = [...this.series.values()].flat().filter((r) => r.held !== undefined);
    held.sort((a, b) => a.seq - b.seq);
    for (const r of held) this.release(r, verdicts);
    this.series.clear();
  }
}

/**
 * Judges `value` at `time` against the other readings of its series within a year of it (`self`, a
 * reading of the list, excluded): undefined when it cannot be told (fewer than two, or not stable),
 * 'consistent', or the reason it is suspected.
 */
function judge<T>(
  confusion: Confusion,
  value: number,
  time: number,
  list: readonly Reading<T>[],
  self: Reading<T> | undefined,
): string | undefined {
  const others: number[] = [];
  for (const r of list) if (r !== self && Math.abs(r.time - time) <= windowMs) others.push(r.value);
  // Two other readings at least: with one, which of the two is mislabelled cannot be told.
  if (others.length < 2) return undefined;
  const median = medianOf(others);
  if (!others.every((v) => Math.abs(v / median - 1) <= stableWithin)) return undefined;
  const ratio = value / median;
  if (
    Math.abs(ratio * confusion.factor - 1) <= tolerance ||
    Math.abs(ratio / confusion.factor - 1) <= tolerance
  )
    return `is ${ratio.toFixed(2)}x this patient's stable median within a year, the ${confusion.canonical}/${confusion.other} conversion factor`;
  return 'consistent';
}

/** The rejection; like every ingest reason it names the rule, never a value of the record. */
function suspect(c: Confusion, why: string): ValidationError {
  return new ValidationError(
    `unit suspected wrong: ${c.concept} ${why}; check whether the value was in ${c.canonical} or ${c.other}`,
    'valueQuantity.code',
  );
}

function medianOf(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
