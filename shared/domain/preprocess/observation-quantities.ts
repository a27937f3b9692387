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

/** Source unit as UCUM: the code first (exact, then a known spelling), then the unit text. */
function sourceUcum(q: Obj, entry: CanonicalUnit): string | undefined {
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
 * Normalises `holder.valueQuantity` (holder: an Observation or one of its components) to the canonical
 * UCUM unit of its LOINC concept, checks plausibility, maps a unit-specific LOINC code to the canonical
 * term, and returns the canonical value (or undefined when the concept has no canonical unit).
 */
export function normaliseQuantity(
  holder: Obj,
  prefix: string,
  repairs: Repair[],
): number | undefined {
  const found = findCanonicalCoding(holder.code);
  const q = holder.valueQuantity as Obj | undefined;
  if (found === undefined || q === undefined || typeof q.value !== 'number') return undefined;
  const { entry, loinc } = found;
  const path = `${prefix}valueQuantity`;
  if (q.code === undefined && q.unit === undefined)
    throw new ValidationError(`unit is required for LOINC ${loinc}`, `${path}.unit`);
  const ucum = sourceUcum(q, entry);
  const convert = ucum === undefined ? undefined : entry.from[ucum];
  if (convert === undefined) {
    throw new ValidationError(
      `unit not valid for LOINC ${loinc}`,
      q.code !== undefined ? `${path}.code` : `${path}.unit`,
    );
  }
  const converted = ucum === entry.ucum ? q.value : round(convert(q.value), entry.decimals);
  const range = plausibleRanges[entry.concept];
  if (range !== undefined && (converted < range.low || converted > range.high)) {
    throw new ValidationError('impossible value', `${path}.value`);
  }
  // A canonical UCUM code with a human `unit` (mmHg, mmol/l) is already canonical: `unit` is display text.
  if (ucum !== entry.ucum || q.code !== entry.ucum || q.system !== ucumSystem) {
    rewriteQuantity(holder, q, converted, entry, path, ucum !== entry.ucum, repairs);
  }
  mapLoinc(holder, found.index, entry, prefix, repairs);
  return converted;
}

function rewriteQuantity(
  holder: Obj,
  q: Obj,
  value: number,
  entry: CanonicalUnit,
  path: string,
  converted: boolean,
  repairs: Repair[],
): void {
  const original: Obj = { value: q.value };
  for (const key of ['comparator', 'unit', 'system', 'code'] as const)
    if (q[key] !== undefined) original[key] = q[key];
  const extension = Array.isArray(q.extension) ? q.extension : [];
  holder.valueQuantity = {
    ...q,
    value,
    unit: entry.ucum,
    system: ucumSystem,
    code: entry.ucum,
    extension: [...extension, { url: originalQuantityUrl, valueQuantity: original }],
  };
  repairs.push({
    path,
    kind: converted ? 'unit-converted' : 'unit-canonicalised',
    detail: converted
      ? `${entry.concept} converted to ${entry.ucum}`
      : `${entry.concept} unit spelled as UCUM ${entry.ucum}`,
  });
}

function mapLoinc(
  holder: Obj,
  index: number,
  entry: CanonicalUnit,
  prefix: string,
  repairs: Repair[],
): void {
  const code = holder.code as Obj;
  const source = (code.coding as Obj[])[index]!;
  const target = entry.loincMap?.[source.code as string];
  if (target === undefined) return;
  const coding = [...(code.coding as Obj[])];
  // The display names the mass term, so it goes with the source coding into the extension.
  coding[index] = {
    system: loincSystem,
    code: target,
    extension: [{ url: originalCodingUrl, valueCoding: source }],
  };
  holder.code = { ...code, coding };
  repairs.push({
    path: `${prefix}code.coding[${index}].code`,
    kind: 'loinc-mapped-to-canonical',
    detail: `${source.code as string} -> ${target} (${entry.ucum})`,
  });
}

/** Normalises an Observation's value and components; checks systolic above diastolic in a BP panel. */
export function normaliseObservationQuantities(observation: Obj, repairs: Repair[]): void {
  normaliseQuantity(observation, '', repairs);
  if (observation.component === undefined) return;
  // Components may be shared with the input: normalise copies of them.
  const components = (observation.component as Obj[]).map((component) => ({ ...component }));
  observation.component = components;
  let systolic: number | undefined;
  let diastolic: { value: number; index: number } | undefined;
  for (let i = 0; i < components.length; i++) {
    const component = components[i]!;
    const value = normaliseQuantity(component, `component[${i}].`, repairs);
    if (value === undefined) continue;
    const concept = findCanonicalCoding(component.code)?.entry.concept;
    if (concept === 'systolic blood pressure') systolic = value;
    else if (concept === 'diastolic blood pressure') diastolic = { value, index: i };
  }
  // Pulse pressure is positive in a living patient: a diastolic at or above systolic is a swap or typo.
  if (systolic !== undefined && diastolic !== undefined && diastolic.value >= systolic) {
    throw new ValidationError(
      'impossible value (diastolic not below systolic)',
      `component[${diastolic.index}].valueQuantity.value`,
    );
  }
}
