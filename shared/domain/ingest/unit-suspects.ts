// Domain (ingest): wrong units whose values stay plausible. Ingest converts every quantity to its
// canonical unit and rejects impossible values; a mislabelled unit that yields a possible value
// (70 kg sent as "lb" -> 31.8 kg; glucose 100 mg/dL sent as "mmol/L") passes that check, so two
// further rules catch it, and the record is quarantined with the reason (never silently "fixed":
// the hospital must say which unit it meant):
// 1. Patient history: a value that differs by the conversion factor of a common unit confusion
//    (±4 %) from the median of the same patient's readings of the concept within a year, when those
//    readings are at least two and stable (all within ±15 % of their median). A stable series rules
//    out growth: infants, who can triple their weight in a year, are never stable over it (WHO Child
//    Growth Standards 2006); no stable adult weight, height, glucose or creatinine changes 2.2-,
//    2.54-, 18- or 88-fold.
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

interface Reading {
  time: number;
  value: number;
}

/** Per-file memory of each patient's recent readings of the concepts above (bounded). */
export class UnitSuspects {
  private readonly series = new Map<string, Reading[]>();

  constructor(private readonly capacity = 200_000) {}

  /** Throw a ValidationError when `resource` (normalised) looks like a mislabelled unit; else remember it. */
  check(resource: FhirJson): void {
    if (resource.resourceType !== 'Observation') return;
    const quantity = resource.valueQuantity as { value?: unknown } | undefined;
    const coding =
      ((resource.code as FhirJson | undefined)?.coding as { system?: string; code?: string }[]) ??
      [];
    const loinc = coding.find((c) => c.system === 'http://loinc.org')?.code;
    const unit = loinc ? canonicalUnitByLoinc.get(loinc) : undefined;
    const confusion = unit && confusions.find((c) => c.concept === unit.concept);
    if (!confusion || typeof quantity?.value !== 'number') return;
    const value = quantity.value;
    if (
      confusion.concept === 'glucose' &&
      value > 45 &&
      value / confusion.factor >= 2.5 &&
      value / confusion.factor <= 35
    )
      throw suspect(
        confusion,
        value,
        `is beyond charted human values but typical as ${confusion.other}`,
      );
    const subject = String(
      (resource.subject as { reference?: string } | undefined)?.reference ?? '',
    );
    const time = Date.parse(String(resource.effectiveDateTime ?? resource.issued ?? ''));
    if (!subject || Number.isNaN(time)) return;
    const key = `${subject}|${confusion.concept}`;
    const recent = (this.series.get(key) ?? []).filter((r) => Math.abs(r.time - time) <= windowMs);
    // Two earlier readings at least: with one, which of the two is mislabelled cannot be told.
    const median = medianOf(recent.map((r) => r.value));
    const stable =
      recent.length >= 2 && recent.every((r) => Math.abs(r.value / median - 1) <= stableWithin);
    if (stable) {
      const ratio = value / median;
      if (
        Math.abs(ratio * confusion.factor - 1) <= tolerance ||
        Math.abs(ratio / confusion.factor - 1) <= tolerance
      )
        throw suspect(
          confusion,
          value,
          `is ${ratio.toFixed(2)}x this patient's stable median within a year (${round(median)} ${confusion.canonical}), the ${confusion.canonical}/${confusion.other} conversion factor`,
        );
    }
    if (this.series.size >= this.capacity) this.series.clear();
    this.series.set(key, [...recent, { time, value }].slice(-historyPerSeries));
  }
}

function suspect(c: Confusion, value: number, why: string): ValidationError {
  return new ValidationError(
    `unit suspected wrong: ${c.concept} ${round(value)} ${c.canonical} ${why}; check whether the value was in ${c.canonical} or ${c.other}`,
    'valueQuantity.code',
  );
}

const round = (v: number) => +v.toFixed(2);

function medianOf(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
