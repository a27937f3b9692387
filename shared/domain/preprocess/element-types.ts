// Domain (preprocess): checks for the FHIR R4 datatypes the resource rules name
// (https://hl7.org/fhir/R4/datatypes.html). Each throws a ValidationError with the element path and a
// message about the shape, never the value (values may be PHI).
import { ValidationError } from '../errors';
import {
  isFhirBase64,
  isFhirCode,
  isFhirDate,
  isFhirDateTime,
  isFhirDecimal,
  isFhirId,
  isFhirInstant,
  isFhirInteger,
  isFhirTime,
  isFhirUri,
} from './primitives';

export type ElementType =
  | 'string'
  | 'code'
  | 'id'
  | 'uri'
  | 'date'
  | 'dateTime'
  | 'instant'
  | 'time'
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'base64Binary'
  | 'CodeableConcept'
  | 'Coding'
  | 'Reference'
  | 'Period'
  | 'Quantity'
  | 'Age'
  | 'Range'
  | 'Ratio'
  | 'Attachment'
  | 'Identifier'
  | 'Annotation'
  | 'Timing'
  | 'SampledData'
  | 'Dosage'
  | 'object';

type Obj = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new ValidationError(message, path);
}

function asObject(value: unknown, path: string, what: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, `must be a ${what} object`);
  return value as Obj;
}

const primitiveChecks: Partial<Record<ElementType, [(v: unknown) => boolean, string]>> = {
  string: [(v) => typeof v === 'string', 'must be a string'],
  code: [isFhirCode, 'must be a FHIR code'],
  id: [isFhirId, 'must be a FHIR id (1-64 of A-Z a-z 0-9 - .)'],
  uri: [isFhirUri, 'must be a FHIR uri (no whitespace)'],
  date: [isFhirDate, 'must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)'],
  dateTime: [isFhirDateTime, 'must be a FHIR dateTime (a time needs a zone)'],
  instant: [isFhirInstant, 'must be a FHIR instant (date, time to the second and zone)'],
  time: [isFhirTime, 'must be a FHIR time (hh:mm:ss)'],
  boolean: [(v) => typeof v === 'boolean', 'must be a boolean'],
  integer: [isFhirInteger, 'must be a 32-bit integer'],
  decimal: [isFhirDecimal, 'must be a decimal number'],
  base64Binary: [isFhirBase64, 'must be base64Binary'],
};

const quantityComparators = new Set(['<', '<=', '>=', '>']);

function checkQuantity(value: unknown, path: string): void {
  const q = asObject(value, path, 'Quantity');
  if (q.value !== undefined && !isFhirDecimal(q.value))
    fail(`${path}.value`, 'must be a decimal number');
  if (q.comparator !== undefined && !quantityComparators.has(q.comparator as string)) {
    fail(`${path}.comparator`, 'must be one of < <= >= >');
  }
  if (q.unit !== undefined && typeof q.unit !== 'string') fail(`${path}.unit`, 'must be a string');
  if (q.system !== undefined && !isFhirUri(q.system)) fail(`${path}.system`, 'must be a FHIR uri');
  // qty-3: if a code for the unit is present, the system SHALL also be present.
  if (q.code !== undefined && q.system === undefined)
    fail(`${path}.system`, 'is required when code is present (qty-3)');
}

/**
 * What is wrong with a Coding, as [path suffix, message], or undefined when it is valid: a problem
 * rather than a throw, so that a CodeableConcept builds the path of a coding only when it fails.
 */
function codingProblem(value: unknown): [string, string] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['', 'must be a Coding object'];
  const c = value as Obj;
  if (c.system !== undefined && !isFhirUri(c.system)) return ['.system', 'must be a FHIR uri'];
  if (c.display !== undefined && typeof c.display !== 'string')
    return ['.display', 'must be a string'];
  // The code itself was checked (format, check digit, whitespace) by the JSON pass.
  return undefined;
}

function checkCoding(value: unknown, path: string): void {
  const problem = codingProblem(value);
  if (problem !== undefined) fail(path + problem[0], problem[1]);
}

function checkCodeableConcept(value: unknown, path: string): void {
  const cc = asObject(value, path, 'CodeableConcept');
  if (cc.coding !== undefined) {
    if (!Array.isArray(cc.coding)) fail(`${path}.coding`, 'must be an array');
    for (let i = 0; i < cc.coding.length; i++) {
      const problem = codingProblem(cc.coding[i]);
      if (problem !== undefined) fail(`${path}.coding[${i}]${problem[0]}`, problem[1]);
    }
  }
  if (cc.text !== undefined && typeof cc.text !== 'string')
    fail(`${path}.text`, 'must be a string');
  if (cc.coding === undefined && cc.text === undefined) fail(path, 'needs a coding or text');
}

function checkReference(value: unknown, path: string): void {
  const r = asObject(value, path, 'Reference');
  if (r.reference !== undefined && typeof r.reference !== 'string')
    fail(`${path}.reference`, 'must be a string');
  if (r.reference === undefined && r.identifier === undefined && r.display === undefined) {
    fail(path, 'needs a reference, identifier or display');
  }
}

function checkPeriod(value: unknown, path: string): void {
  const p = asObject(value, path, 'Period');
  if (p.start !== undefined && !isFhirDateTime(p.start))
    fail(`${path}.start`, primitiveChecks.dateTime![1]);
  if (p.end !== undefined && !isFhirDateTime(p.end))
    fail(`${path}.end`, primitiveChecks.dateTime![1]);
  // per-1: start SHALL be no later than end (compared as instants; partial dates start at UTC midnight).
  if (
    typeof p.start === 'string' &&
    typeof p.end === 'string' &&
    Date.parse(p.start) > Date.parse(p.end)
  ) {
    fail(path, 'start is after end (per-1)');
  }
}

function checkAttachment(value: unknown, path: string): void {
  const a = asObject(value, path, 'Attachment');
  if (a.contentType !== undefined && !isFhirCode(a.contentType))
    fail(`${path}.contentType`, 'must be a FHIR code');
  if (a.data !== undefined && !isFhirBase64(a.data)) fail(`${path}.data`, 'must be base64Binary');
  if (a.url !== undefined && !isFhirUri(a.url)) fail(`${path}.url`, 'must be a FHIR url');
  if (a.creation !== undefined && !isFhirDateTime(a.creation))
    fail(`${path}.creation`, primitiveChecks.dateTime![1]);
  // att-1: if the Attachment has data, it SHALL have a contentType.
  if (a.data !== undefined && a.contentType === undefined)
    fail(`${path}.contentType`, 'is required when data is present (att-1)');
}

function checkRange(value: unknown, path: string): void {
  const r = asObject(value, path, 'Range');
  if (r.low !== undefined) checkQuantity(r.low, `${path}.low`);
  if (r.high !== undefined) checkQuantity(r.high, `${path}.high`);
}

function checkRatio(value: unknown, path: string): void {
  const r = asObject(value, path, 'Ratio');
  if (r.numerator !== undefined) checkQuantity(r.numerator, `${path}.numerator`);
  if (r.denominator !== undefined) checkQuantity(r.denominator, `${path}.denominator`);
}

const complexChecks: Partial<Record<ElementType, (value: unknown, path: string) => void>> = {
  CodeableConcept: checkCodeableConcept,
  Coding: checkCoding,
  Reference: checkReference,
  Period: checkPeriod,
  Quantity: checkQuantity,
  Age: checkQuantity,
  Range: checkRange,
  Ratio: checkRatio,
  Attachment: checkAttachment,
};

/** Checks one value against a datatype; throws ValidationError naming `path` and the rule. */
export type ElementCheck = (value: unknown, path: string) => void;

function primitiveCheck([isValid, message]: [(v: unknown) => boolean, string]): ElementCheck {
  return (value, path) => {
    if (!isValid(value)) fail(path, message);
  };
}

const checksByType = new Map<ElementType, ElementCheck>();

/**
 * The check for one datatype, built once per type (the structure rules look theirs up when they are
 * compiled, not per element): primitives by their format, complex types by their elements and
 * invariants, any other type as an object.
 */
export function elementCheck(type: ElementType): ElementCheck {
  let check = checksByType.get(type);
  if (check === undefined) {
    const primitive = primitiveChecks[type];
    check =
      primitive !== undefined
        ? primitiveCheck(primitive)
        : (complexChecks[type] ?? ((value, path) => void asObject(value, path, type)));
    checksByType.set(type, check);
  }
  return check;
}

/** Checks one value of an element against its FHIR datatype. */
export function checkElementType(type: ElementType, value: unknown, path: string): void {
  elementCheck(type)(value, path);
}
