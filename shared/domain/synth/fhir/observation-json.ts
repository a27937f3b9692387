// Domain (synth/fhir): the JSON of the Observations `renderObservations` makes, byte for byte what
// `JSON.stringify` gives, in about half the time. Observations are about 60 of a patient's 90
// resources and two thirds of its NDJSON, and V8 11's (Node 20's) JSON.stringify spends most of its
// time per object and per key (it looks each object up for a `toJSON`), not per byte: this writes the
// known keys of the known shapes in their order, and quotes each distinct code, display, unit and
// system once per thread. `observation-json.test.ts` holds it to JSON.stringify over whole cohorts;
// a field added to `renderMeasurement` must be added here too (that test fails until it is).
import type {
  CodeableConcept,
  Coding,
  Observation,
  ObservationComponent,
  ObservationReferenceRange,
  Quantity,
} from '@medplum/fhirtypes';

/**
 * JSON string literals of the strings that repeat across patients (codes, displays, units, systems,
 * reference range texts): a few hundred in all. Bounded so that an unexpected stream of distinct
 * strings cannot grow it without end.
 */
const quotedCache = new Map<string, string>();
const quotedCacheLimit = 4096;

function quoted(s: string): string {
  let literal = quotedCache.get(s);
  if (literal === undefined) {
    literal = JSON.stringify(s);
    if (quotedCache.size < quotedCacheLimit) quotedCache.set(s, literal);
  }
  return literal;
}

/** A number as JSON.stringify writes it (non-finite numbers are `null`). */
function numberJson(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/**
 * The JSON of one Observation made by `renderObservations`: resourceType, id, meta (a vital-signs
 * profile), status, category, code, subject, encounter, effectiveDateTime, then one of component /
 * valueCodeableConcept / valueQuantity, then interpretation and referenceRange (labs). The id,
 * status, references and date are written without escaping: they are UUIDs, a code and an ISO date
 * by construction, with nothing JSON would escape.
 */
export function observationJson(o: Observation): string {
  let json = `{"resourceType":"Observation","id":"${o.id}"`;
  if (o.meta !== undefined) json += `,"meta":{"profile":[${quoted(o.meta.profile![0]!)}]}`;
  json += `,"status":"${o.status}","category":${conceptsJson(o.category!)},"code":${conceptJson(o.code)}`;
  json += `,"subject":{"reference":"${o.subject!.reference}"}`;
  if (o.encounter !== undefined) json += `,"encounter":{"reference":"${o.encounter.reference}"}`;
  json += `,"effectiveDateTime":"${o.effectiveDateTime}"`;
  if (o.component !== undefined) json += `,"component":${componentsJson(o.component)}`;
  if (o.valueCodeableConcept !== undefined)
    json += `,"valueCodeableConcept":${conceptJson(o.valueCodeableConcept)}`;
  if (o.valueQuantity !== undefined) json += `,"valueQuantity":${quantityJson(o.valueQuantity)}`;
  if (o.interpretation !== undefined) json += `,"interpretation":${conceptsJson(o.interpretation)}`;
  if (o.referenceRange !== undefined) json += `,"referenceRange":${rangesJson(o.referenceRange)}`;
  return json + '}';
}

function codingJson(c: Coding): string {
  const code = `{"system":${quoted(c.system!)},"code":${quoted(c.code!)}`;
  return c.display === undefined ? code + '}' : `${code},"display":${quoted(c.display)}}`;
}

function conceptJson(concept: CodeableConcept): string {
  const codings = concept.coding!;
  let json = `{"coding":[${codingJson(codings[0]!)}`;
  for (let i = 1; i < codings.length; i++) json += ',' + codingJson(codings[i]!);
  json += ']';
  return concept.text === undefined ? json + '}' : `${json},"text":${quoted(concept.text)}}`;
}

function conceptsJson(concepts: readonly CodeableConcept[]): string {
  let json = '[' + conceptJson(concepts[0]!);
  for (let i = 1; i < concepts.length; i++) json += ',' + conceptJson(concepts[i]!);
  return json + ']';
}

function quantityJson(q: Quantity): string {
  return `{"value":${numberJson(q.value!)},"unit":${quoted(q.unit!)},"system":${quoted(q.system!)},"code":${quoted(q.code!)}}`;
}

/** Blood pressure components: code, then valueQuantity or dataAbsentReason. */
function componentsJson(components: readonly ObservationComponent[]): string {
  let json = '[';
  for (let i = 0; i < components.length; i++) {
    const c = components[i]!;
    json += `${i === 0 ? '' : ','}{"code":${conceptJson(c.code)}`;
    if (c.valueQuantity !== undefined) json += `,"valueQuantity":${quantityJson(c.valueQuantity)}`;
    if (c.dataAbsentReason !== undefined)
      json += `,"dataAbsentReason":${conceptJson(c.dataAbsentReason)}`;
    json += '}';
  }
  return json + ']';
}

function rangesJson(ranges: readonly ObservationReferenceRange[]): string {
  let json = '[';
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    json += `${i === 0 ? '' : ','}{"text":${quoted(r.text!)}`;
    if (r.low !== undefined) json += `,"low":${quantityJson(r.low)}`;
    if (r.high !== undefined) json += `,"high":${quantityJson(r.high)}`;
    json += '}';
  }
  return json + ']';
}
