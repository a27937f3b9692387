// Domain (ingest): wrong units whose values stay plausible. Ingest converts every quantity to its
// canonical unit and rejects impossible values; a mislabelled unit that yields a possible value
// (70 kg sent as "lb" -> 31.8 kg; glucose 100 mg/dL sent as "mmol/L") passes that check, so three
// further rules catch it, and the record is quarantined with the reason (never silently "fixed":
// the hospital must say which unit it meant):
// 1. Patient history: a value that differs by the conversion factor of a common unit confusion
//    (±4 %) from the median of the same patient's other readings of the concept within a year of it
//    (before or after), when those readings are at least two and stable (all within ±15 % of their
//    median); within that spread it is consistent, and further off the rule cannot tell. A stable
//    series rules out most growth, but an infant's weights can agree for weeks and still double
//    within the year (WHO Child Growth Standards 2006), so below the most any child weighs at one
//    year a rise after every other reading (or a fall before every one) is left to rule 2. No
//    stable adult weight, height, glucose or creatinine changes 2.2-, 2.54-, 18- or 88-fold.
// 2. Same visit, for weight and height, and judged before rule 1 (its arithmetic is exact at one
//    moment): the body mass index recorded with them. EHRs compute BMI from the weight and height
//    as measured, so it keeps their true units. With a height of the same visit, weight / height^2
//    must equal the BMI (±4 %): off by 2.2 (or 1/2.2) the weight is mislabelled, off by 2.54^2 the
//    height. With no height that visit, the weight and its BMI imply a height (sqrt(weight / BMI));
//    against the patient's nearest measured height it is right within ±2 %, and a third shorter
//    than one measured before (or half as tall again as one measured after, sqrt(2.2) within
//    ±2 %) only if the weight is mislabelled: nobody loses a third of their height. Half as tall
//    again as a height measured before is a mislabel within 90 days of it (the fastest growth
//    there is, a newborn at -2 SD reaching +2 SD at 3 months, is 1.42-fold: WHO Child Growth
//    Standards 2006, length-for-age), and later when the gain outruns 20 cm a year for someone
//    already 100 cm tall (see tooFastGrowth); a small child's growth over longer spans is left untold.
// 3. Population: a value extreme in the stated unit that is typical in the other unit (glucose
//    > 45 mmol/L, i.e. > 810 mg/dL, reads as 2.5-35 mmol/L once taken as mg/dL; glucose < 1 mmol/L,
//    i.e. < 18 mg/dL, reads as 2.5-35 mmol/L when the number was in mmol/L). Both are project
//    thresholds far beyond the ADA 2024 cut-offs; real values there are rare but possible, so the
//    record is quarantined for the hospital to confirm the unit, never converted or discarded
//    silently (see glucoseOutlier).
// Readings come in file order, not time order, and a mislabelled first reading has no history yet.
// So a reading that cannot be judged when it arrives is held back, not stored, and judged again as
// later readings of the patient arrive (of its series, or a height or BMI of its visit); it is
// released (stored) once judged consistent, or when judging stops: the series grows past its
// bounded history, the file reaches a checkpoint or its end, or too many readings are held. A
// reading with the id of a held one, or the same time in its series (a duplicate or an update),
// releases the held one first, so that records sharing an identity are stored in file order.
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

const weight: Confusion = {
  concept: 'body weight',
  factor: 2.20462,
  canonical: 'kg',
  other: '[lb_av]',
};
const height: Confusion = {
  concept: 'body height',
  factor: 2.54,
  canonical: 'cm',
  other: '[in_i]',
};
/** Not confusable itself (kg/m2 has no common alternative): read as the witness of rule 2. */
const bmiConcept = 'body mass index';

const confusions: readonly Confusion[] = [
  weight,
  height,
  { concept: 'glucose', factor: 18.016, canonical: 'mmol/L', other: 'mg/dL' },
  { concept: 'creatinine', factor: 88.42, canonical: 'umol/L', other: 'mg/dL' },
];

const windowMs = 365 * 86_400_000;
/** Readings this close in time were taken at one visit (the vital-signs panel of an encounter). */
const visitMs = 3_600_000;
/**
 * Above this weight a child has left its first year, the only age at which weight can double within
 * a year: WHO Child Growth Standards 2006, weight-for-age at 12 months, +3 SD, 13.3 kg (boys) and
 * 12.8 kg (girls); growth from then on is about 2-3 kg a year until puberty (the same standards).
 */
const firstYearMaxKg = 15;
/** Height velocity (cm/year) beyond any after infancy (see tooFastGrowth). */
const maxGrowthCmPerYear = 20;
/** Growth spans that cannot reach sqrt(2.2)-fold (see rule 2 above). */
const growthMs = 90 * 86_400_000;
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

/** The reading being judged: one of its series' list (never its own neighbour), or a new one. */
interface Judged {
  value: number;
  time: number;
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

  /**
   * @param capacity series remembered at most (about 5 per patient: 8,192 holds the recent readings
   *   of some 1,600 patients, about 10 MiB). Past it the oldest series is let go, its held readings
   *   stored: memory stays fixed whatever the file size, and a patient whose readings come far apart
   *   in the file (an export sorted by time across more patients than that) is judged on fewer
   *   neighbours, never judged wrong for it.
   */
  constructor(private readonly capacity = 8_192) {}

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
    const byPopulation =
      confusion?.concept === 'glucose' ? glucoseOutlier(value, confusion.factor) : undefined;
    if (byPopulation !== undefined) {
      verdicts.suspects.push({ item, error: suspect(confusion!, byPopulation) });
      return verdicts;
    }
    if (!subject || Number.isNaN(time)) {
      verdicts.ready.push(item);
      return verdicts;
    }
    if (confusion === undefined) {
      // A body mass index: kept as the witness of its visit's weight and height, never held.
      const bmis = this.listOf(subject, bmiConcept, verdicts);
      bmis.push({ time, value, held: undefined, id: undefined, seq: this.seq++ });
      this.trim(bmis, verdicts);
      this.settle(subject, weight, verdicts);
      this.settle(subject, height, verdicts);
      verdicts.ready.push(item);
      return verdicts;
    }
    const list = this.listOf(subject, confusion.concept, verdicts);
    // A duplicate or an update of a held reading (same time) must be stored after it.
    for (const r of list) if (r.held !== undefined && r.time === time) this.release(r, verdicts);
    const judged = this.judge(subject, confusion, { value, time }, list);
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
      if (id !== undefined) this.heldIds.set(id, `${subject}|${confusion.concept}`);
      this.held++;
    }
    // This reading is one more neighbour: held readings of the series (this one too) may now be
    // judged, and each judgement can settle another; a weight or height also witnesses the other.
    this.settle(subject, confusion, verdicts);
    if (confusion === weight) this.settle(subject, height, verdicts);
    else if (confusion === height) this.settle(subject, weight, verdicts);
    if (judged !== undefined) verdicts.ready.push(item);
    this.trim(list, verdicts);
    if (this.held > maxHeld) this.releaseAll(verdicts);
    return verdicts;
  }

  private listOf(subject: string, concept: string, verdicts: UnitVerdicts<T>): Reading<T>[] {
    const key = `${subject}|${concept}`;
    let list = this.series.get(key);
    if (list === undefined) {
      if (this.series.size >= this.capacity) this.evictOldest(verdicts);
      list = [];
      this.series.set(key, list);
    }
    return list;
  }

  private trim(list: Reading<T>[], verdicts: UnitVerdicts<T>): void {
    while (list.length > historyPerSeries) this.release(list.shift()!, verdicts);
  }

  /** Judges the held readings of a series until no judgement changes. */
  private settle(subject: string, confusion: Confusion, verdicts: UnitVerdicts<T>): void {
    const list = this.series.get(`${subject}|${confusion.concept}`);
    if (list === undefined) return;
    for (let changed = true; changed;) {
      changed = false;
      for (let i = 0; i < list.length; i++) {
        const r = list[i]!;
        if (r.held === undefined) continue;
        const verdict = this.judge(subject, confusion, r, list);
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
  }

  /**
   * Rule 2 (the visit) for a weight or a height, then rule 1 (the series) when the visit cannot
   * tell. The visit goes first: its arithmetic is exact at one moment, while a series can look
   * stable over weeks in which an infant grows (4.4 and 5.4 kg five weeks apart, then 10.7 kg eight
   * months later, is growth although 10.7 is 2.2x their median).
   */
  private judge(
    subject: string,
    confusion: Confusion,
    judged: Judged,
    list: readonly Reading<T>[],
  ): string | undefined {
    if (confusion === weight || confusion === height) {
      const byVisit = this.judgeByVisit(subject, confusion, judged.value, judged.time);
      if (byVisit !== undefined) return byVisit;
    }
    return judgeBySeries(confusion, judged, list);
  }

  private judgeByVisit(
    subject: string,
    confusion: Confusion,
    value: number,
    time: number,
  ): string | undefined {
    const bmi = this.atVisit(subject, bmiConcept, time);
    if (bmi === undefined || bmi <= 0) return undefined;
    if (confusion === height) {
      const w = this.atVisit(subject, weight.concept, time);
      if (w === undefined) return undefined;
      // A mislabelled height is off by 2.54 and the BMI it gives by 2.54^2.
      return judgeRatio(
        w / (value / 100) ** 2 / bmi,
        height.factor ** 2,
        'with the weight of its visit',
        'the square of the conversion factor',
      );
    }
    const h = this.atVisit(subject, height.concept, time);
    if (h !== undefined)
      return judgeRatio(
        value / (h / 100) ** 2 / bmi,
        weight.factor,
        'with the height of its visit',
        'the conversion factor',
      );
    // No height that visit: the height this weight and its BMI imply, against a measured one.
    const heights = this.series.get(`${subject}|${height.concept}`);
    if (heights === undefined || heights.length === 0) return undefined;
    let nearest = heights[0]!;
    for (const r of heights)
      if (Math.abs(r.time - time) < Math.abs(nearest.time - time)) nearest = r;
    const q = (100 * Math.sqrt(value / bmi)) / nearest.value;
    const root = Math.sqrt(weight.factor);
    const heightBefore = nearest.time <= time;
    // Shrinking by a third is never real; growing by half again is, over long enough.
    const shrinks = heightBefore ? q < 1 : q > 1;
    const near = (x: number) => Math.abs(x - 1) <= tolerance / 2;
    if (near(q * root) || near(q / root)) {
      const why = shrinks
        ? 'a loss of a third no one has'
        : tooFastGrowth(q, nearest.value, time - nearest.time);
      if (why === undefined) return undefined;
      return `with the body mass index of its visit implies a height ${q.toFixed(2)}x this patient's nearest measured one (the square root of the conversion factor), ${why}`;
    }
    // The measured height implied (±2 %): a mislabel would be off by sqrt(2.2) unless growth made
    // up exactly that since, so the weight is taken as right, at any distance in time. (Judging it
    // by the series instead once condemned a right weight between two mislabelled ones.)
    return near(q) ? 'consistent' : undefined;
  }

  /** The value of `concept` the subject has at the visit of `time` (nearest within an hour). */
  private atVisit(subject: string, concept: string, time: number): number | undefined {
    const list = this.series.get(`${subject}|${concept}`);
    let best: Reading<T> | undefined;
    for (const r of list ?? [])
      if (
        Math.abs(r.time - time) <= visitMs &&
        (!best || Math.abs(r.time - time) < Math.abs(best.time - time))
      )
        best = r;
    return best?.value;
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
    if (!unit) return undefined;
    const confusion = confusions.find((c) => c.concept === unit.concept);
    if (!confusion && unit.concept !== bmiConcept) return undefined;
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

  /** The series created first: its held readings are stored (in order), its history forgotten. */
  private evictOldest(verdicts: UnitVerdicts<T>): void {
    const [key, list] = this.series.entries().next().value!;
    for (const r of list) this.release(r, verdicts);
    this.series.delete(key);
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
 * Judges a reading against the other readings of its series within a year of it (`judged` itself, a
 * reading of the list, excluded): undefined when it cannot be told (fewer than two, not stable, off
 * the series' spread but not by the factor, or an infant's possible growth), 'consistent', or the
 * reason it is suspected.
 */
function judgeBySeries<T>(
  confusion: Confusion,
  judged: Judged,
  list: readonly Reading<T>[],
): string | undefined {
  const { value, time } = judged;
  const others: number[] = [];
  let before = 0;
  for (const r of list)
    if (r !== judged && Math.abs(r.time - time) <= windowMs) {
      others.push(r.value);
      if (r.time < time) before++;
    }
  // Two other readings at least: with one, which of the two is mislabelled cannot be told.
  if (others.length < 2) return undefined;
  const median = medianOf(others);
  if (!others.every((v) => Math.abs(v / median - 1) <= stableWithin)) return undefined;
  const ratio = value / median;
  // An infant's weight can look stable over a few weeks and still double within the year, so
  // a rise after every other reading (or a fall before every one) is growth this rule cannot rule
  // out below the weight no child reaches in its first year.
  const grows = (ratio > 1 && before === others.length) || (ratio < 1 && before === 0);
  if (confusion === weight && grows && median < firstYearMaxKg) return undefined;
  if (
    Math.abs(ratio * confusion.factor - 1) <= tolerance ||
    Math.abs(ratio / confusion.factor - 1) <= tolerance
  )
    return `is ${ratio.toFixed(2)}x this patient's stable median within a year, the ${confusion.canonical}/${confusion.other} conversion factor`;
  // Within the series' own spread it is consistent; further off (a child's growth since, a real
  // change, another error) this rule cannot tell, and rule 2 may.
  return Math.abs(ratio - 1) <= stableWithin ? 'consistent' : undefined;
}

/**
 * Rule 2 with a full visit: `ratio` (observed / expected) is 1 when the units are right and the
 * confusion `factor` (or its inverse) when the judged reading is mislabelled.
 */
function judgeRatio(
  ratio: number,
  factor: number,
  withWhat: string,
  which: string,
): string | undefined {
  if (Math.abs(ratio - 1) <= tolerance) return 'consistent';
  if (Math.abs(ratio * factor - 1) <= tolerance || Math.abs(ratio / factor - 1) <= tolerance)
    return `${withWhat} gives a body mass index ${ratio.toFixed(2)}x the one recorded with them, ${which}`;
  return undefined;
}

/**
 * Why growth by the ratio `q` of an implied to a measured height (cm) over `dt` ms cannot be real,
 * or undefined when it can: within 90 days at any size (see growthMs), and beyond that for anyone
 * already 100 cm tall (past about 3 1/2 years), whose growth over the span would outrun 20 cm a year
 * plus 5 cm of measurement error. 20 cm/year is a project bound above any height velocity after
 * infancy: the pubertal peak is 9.5 cm/year in boys and 8.3 in girls on average (Abbassi V,
 * Pediatrics 1998;102(3 Suppl):507) and at most about 12 at the 97th percentile (Kelly A et al.,
 * J Clin Endocrinol Metab 2014;99:2104, annual height velocity, ages 5-19).
 */
function tooFastGrowth(q: number, measured: number, dt: number): string | undefined {
  if (Math.abs(dt) <= growthMs) return 'more growth than any child has in 90 days';
  const lower = Math.min(measured, measured * q);
  const gain = Math.abs(measured * q - measured);
  const years = Math.abs(dt) / (365.25 * 86_400_000);
  if (lower >= 100 && gain > maxGrowthCmPerYear * years + 5)
    return 'more growth than anyone 100 cm or taller has in that time';
  return undefined;
}

/**
 * Rule 3 for glucose (mmol/L): a value extreme in the stated unit that is typical (2.5-35 mmol/L)
 * once read in the other unit. Above 45 mmol/L (810 mg/dL) it reads as mg/dL; below 1 mmol/L
 * (18 mg/dL) as mmol/L sent with a mg/dL label. Both are project thresholds far beyond the ADA 2024
 * cut-offs (hypoglycaemia level 2 below 3.0 mmol/L; hyperglycaemic crises from about 33 mmol/L):
 * real values there are rare (hyperosmolar states; profound hypoglycaemia, or glycolysis in an
 * unseparated sample), so the record is held for the hospital to confirm, never converted.
 */
function glucoseOutlier(value: number, factor: number): string | undefined {
  if (value > 45 && value / factor >= 2.5 && value / factor <= 35)
    return 'is beyond charted human values but typical as mg/dL';
  if (value < 1 && value * factor >= 2.5 && value * factor <= 35)
    return 'is below 1 mmol/L, rare in life, but typical if the number was in mmol/L';
  return undefined;
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
