// Domain (preprocess): unit normalisation and plausibility of Observation quantities (the value and
// each component's value). Works on the pipeline's own root object, whose elements may still be shared
// with the caller's input (copy on write): an element is replaced, never changed in place.
import { ValidationError } from '../errors';
import type { Repair } from '../ingest/source-record';
import { canonicalUnitByLoinc, toUcum, ucumSystem, type CanonicalUnit } from './canonical-units';
import { plausibleRanges } from './plausible-ranges';

type Obj = Record<string, unknown>;

const loincSystem = 'http://loinc.org';
export const originalQuantityUrl =
  'https://caregraph.dev/fhir/StructureDefinition/original-quantity';
export const originalCodingUrl = 'https://caregraph.dev/fhir/StructureDefinition/original-coding';

/** The first LOINC coding of `code` that has a canonical unit, with its index. */
function findCanonicalCoding(
  code: unknown,
): { index: number; loinc: string; entry: CanonicalUnit } | undefined {
  const coding = (code as Obj | undefined)?.coding;
  if (!Array.isArray(coding)) return undefined;
  for (let i = 0; i < coding.length; i++) {
    const c = coding[i] as Obj;
    if (c.system !== loincSystem || typeof c.code !== 'string') continue;
    const entry = canonicalUnitByLoinc.get(c.code);
    if (entry !== undefined) return { index: i, loinc: c.code, entry };
  }
  return undefined;
}

/**
 * Source unit as UCUM: the code first (exact, then a known spelling), then the unit text. Also used by
 * monitoring to read raw Bundle Observations (monitoring/readings.ts) the way ingest reads them.
 */
export function sourceUcum(q: Obj, entry: CanonicalUnit): string | undefined {
  return ucumOf(q.code, entry) ?? ucumOf(q.unit, entry);
}

function ucumOf(candidate: unknown, entry: CanonicalUnit): string | undefined {
  if (typeof candidate !== 'string') return undefined;
  // Own keys only: a unit spelled `toString` must not find Object.prototype.toString.
  if (Object.hasOwn(entry.from, candidate)) return candidate;
  return toUcum(candidate);
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * The elements of a holder (an Observation or one of its components) that normalisation replaces, and
 * the concept of its canonical coding. One scratch record, reset per quantity: the hot path allocates
 * nothing for a quantity that is already canonical (almost all of them).
 */
interface Normalised {
  valueQuantity: Obj | undefined;
  code: Obj | undefined;
  concept: string | undefined;
}

const scratch: Normalised = { valueQuantity: undefined, code: undefined, concept: undefined };

/** The element path prefix of the holder: the Observation itself (-1) or component `index`. */
function prefixOf(index: number): string {
  return index < 0 ? '' : `component[${index}].`;
}

/**
 * Normalises `holder.valueQuantity` (holder: an Observation, index -1, or its component `index`) to
 * the canonical UCUM unit of its LOINC concept, checks plausibility and maps a unit-specific LOINC code
 * to the canonical term. Returns the canonical value (or undefined when the concept has no canonical
 * unit); the replaced elements are left in `out` for the caller to put into its own copy of the holder
 * (the holder itself may be shared with the caller's input).
 */
function normaliseQuantity(
  holder: Obj,
  index: number,
  repairs: Repair[],
  out: Normalised,
): number | undefined {
  out.valueQuantity = undefined;
  out.code = undefined;
  out.concept = undefined;
  const found = findCanonicalCoding(holder.code);
  const q = holder.valueQuantity as Obj | undefined;
  if (found === undefined || q === undefined || typeof q.value !== 'number') return undefined;
  const { entry, loinc } = found;
  const unitless = q.code === undefined && q.unit === undefined;
  if (unitless && entry.unitOptional !== true)
    throw new ValidationError(
      `unit is required for LOINC ${loinc}`,
      `${prefixOf(index)}valueQuantity.unit`,
    );
  // A unit-less score is in the canonical unit already (unitOptional); it gets the unit written out.
  const ucum = unitless ? entry.ucum : sourceUcum(q, entry);
  const convert = ucum === undefined ? undefined : entry.from[ucum];
  if (convert === undefined) {
    throw new ValidationError(
      `unit not valid for LOINC ${loinc}`,
      `${prefixOf(index)}valueQuantity.${q.code !== undefined ? 'code' : 'unit'}`,
    );
  }
  const converted = ucum === entry.ucum ? q.value : round(convert(q.value), entry.decimals);
  const range = plausibleRanges[entry.concept];
  if (range !== undefined && (converted < range.low || converted > range.high)) {
    throw new ValidationError('impossible value', `${prefixOf(index)}valueQuantity.value`);
  }
  out.concept = entry.concept;
  // A canonical UCUM code with a human `unit` (mmHg, mmol/l) is already canonical: `unit` is display text.
  if (ucum !== entry.ucum || q.code !== entry.ucum || q.system !== ucumSystem) {
    out.valueQuantity = rewrittenQuantity(q, converted, entry, index, ucum !== entry.ucum, repairs);
  }
  out.code = mappedLoinc(holder, found.index, entry, index, repairs);
  return converted;
}

function rewrittenQuantity(
  q: Obj,
  value: number,
  entry: CanonicalUnit,
  index: number,
  converted: boolean,
  repairs: Repair[],
): Obj {
  const original: Obj = { value: q.value };
  if (q.comparator !== undefined) original.comparator = q.comparator;
  if (q.unit !== undefined) original.unit = q.unit;
  if (q.system !== undefined) original.system = q.system;
  if (q.code !== undefined) original.code = q.code;
  const extension: unknown[] = Array.isArray(q.extension) ? q.extension.slice() : [];
  extension.push({ url: originalQuantityUrl, valueQuantity: original });
  repairs.push({
    path: `${prefixOf(index)}valueQuantity`,
    kind: converted ? 'unit-converted' : 'unit-canonicalised',
    detail: converted
      ? `${entry.concept} converted to ${entry.ucum}`
      : `${entry.concept} unit spelled as UCUM ${entry.ucum}`,
  });
  // A key loop, not `{ ...q, value, ... }`: the spread measured about 1,800 instructions per record
  // more on the ingest path (cachegrind, docs/ingest.md); V8 clones these quantities generically.
  const out: Obj = {};
  for (const key in q) if (Object.prototype.hasOwnProperty.call(q, key)) out[key] = q[key];
  out.value = value;
  out.unit = entry.ucum;
  out.system = ucumSystem;
  out.code = entry.ucum;
  out.extension = extension;
  return out;
}

/** The holder's code with its unit-specific LOINC coding mapped to the canonical term, if it is one. */
function mappedLoinc(
  holder: Obj,
  codingIndex: number,
  entry: CanonicalUnit,
  index: number,
  repairs: Repair[],
): Obj | undefined {
  const code = holder.code as Obj;
  const source = (code.coding as Obj[])[codingIndex]!;
  const target = entry.loincMap?.[source.code as string];
  if (target === undefined) return undefined;
  const coding = [...(code.coding as Obj[])];
  // The display names the mass term, so it goes with the source coding into the extension.
  coding[codingIndex] = {
    system: loincSystem,
    code: target,
    extension: [{ url: originalCodingUrl, valueCoding: source }],
  };
  repairs.push({
    path: `${prefixOf(index)}code.coding[${codingIndex}].code`,
    kind: 'loinc-mapped-to-canonical',
    detail: `${source.code as string} -> ${target} (${entry.ucum})`,
  });
  return { ...code, coding };
}

/**
 * Normalises an Observation's value and components; checks systolic above diastolic in a BP panel.
 * `observation` may be the caller's input or share elements with it: it is never changed. Returns
 * it as it is when nothing needs replacing, otherwise a copy with the replaced value, code and
 * components (a component that changes is copied, with the component array).
 */
export function normaliseObservationQuantities<T extends Obj>(
  observation: T,
  repairs: Repair[],
): T {
  const out = scratch;
  let root: T = observation;
  normaliseQuantity(observation, -1, repairs, out);
  if (out.valueQuantity !== undefined || out.code !== undefined) {
    root = { ...observation };
    if (out.valueQuantity !== undefined) (root as Obj).valueQuantity = out.valueQuantity;
    if (out.code !== undefined) (root as Obj).code = out.code;
  }
  if (observation.component === undefined) return root;
  const source = observation.component as Obj[];
  let components: Obj[] | undefined;
  let systolic: number | undefined;
  let diastolic: { value: number; index: number } | undefined;
  for (let i = 0; i < source.length; i++) {
    const value = normaliseQuantity(source[i]!, i, repairs, out);
    if (out.valueQuantity !== undefined || out.code !== undefined) {
      components ??= source.slice();
      const copy = { ...source[i]! };
      if (out.valueQuantity !== undefined) copy.valueQuantity = out.valueQuantity;
      if (out.code !== undefined) copy.code = out.code;
      components[i] = copy;
    }
    if (value === undefined) continue;
    if (out.concept === 'systolic blood pressure') systolic = value;
    else if (out.concept === 'diastolic blood pressure') diastolic = { value, index: i };
  }
  // Pulse pressure is positive in a living patient: a diastolic at or above systolic is a swap or typo.
  if (systolic !== undefined && diastolic !== undefined && diastolic.value >= systolic) {
    throw new ValidationError(
      'impossible value (diastolic not below systolic)',
      `component[${diastolic.index}].valueQuantity.value`,
    );
  }
  if (components === undefined) return root;
  if (root === observation) root = { ...observation };
  (root as Obj).component = components;
  return root;
}
