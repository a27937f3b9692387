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

/**
 * What is wrong with a value: [path suffix below the element, message], or undefined when it is
 * valid. A check returns its problem rather than throwing, so that the element path (an array
 * index, a backbone prefix) is built only for a value that fails, not for every element checked.
 */
export type ElementProblem = readonly [suffix: string, message: string];

/** Checks one value against a datatype: its problem, or undefined when it is valid. */
export type ElementCheck = (value: unknown) => ElementProblem | undefined;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

function quantityProblem(value: unknown): ElementProblem | undefined {
  if (!isObject(value)) return ['', 'must be a Quantity object'];
  const q = value;
  if (q.value !== undefined && !isFhirDecimal(q.value))
    return ['.value', 'must be a decimal number'];
  if (q.comparator !== undefined && !quantityComparators.has(q.comparator as string)) {
    return ['.comparator', 'must be one of < <= >= >'];
  }
  if (q.unit !== undefined && typeof q.unit !== 'string') return ['.unit', 'must be a string'];
  if (q.system !== undefined && !isFhirUri(q.system)) return ['.system', 'must be a FHIR uri'];
  // qty-3: if a code for the unit is present, the system SHALL also be present.
  if (q.code !== undefined && q.system === undefined)
    return ['.system', 'is required when code is present (qty-3)'];
  return undefined;
}

function codingProblem(value: unknown): ElementProblem | undefined {
  if (!isObject(value)) return ['', 'must be a Coding object'];
  const c = value;
  if (c.system !== undefined && !isFhirUri(c.system)) return ['.system', 'must be a FHIR uri'];
  if (c.display !== undefined && typeof c.display !== 'string')
    return ['.display', 'must be a string'];
  // The code itself was checked (format, check digit, whitespace) by the JSON pass.
  return undefined;
}

function codeableConceptProblem(value: unknown): ElementProblem | undefined {
  if (!isObject(value)) return ['', 'must be a CodeableConcept object'];
  const cc = value;
  if (cc.coding !== undefined) {
    if (!Array.isArray(cc.coding)) return ['.coding', 'must be an array'];
    for (let i = 0; i < cc.coding.length; i++) {
      const problem = codingProblem(cc.coding[i]);
      if (problem !== undefined) return [`.coding[${i}]${problem[0]}`, problem[1]];
    }
  }
  if (cc.text !== undefined && typeof cc.text !== 'string') return ['.text', 'must be a string'];
  if (cc.coding === undefined && cc.text === undefined) return ['', 'needs a coding or text'];
  return undefined;
}

function referenceProblem(value: unknown): ElementProblem | undefined {
  if (!isObject(value)) return ['', 'must be a Reference object'];
  const r = value;
  if (r.reference !== undefined && typeof r.reference !== 'string')
    return ['.reference', 'must be a string'];
  if (r.reference === undefined && r.identifier === undefined && r.display === undefined) {
    return ['', 'needs a reference, identifier or display'];
  }
  return undefined;
}

function periodProblem(value: unknown): ElementProblem | undefined {
  if (!isObject(value)) return ['', 'must be a Period object'];
  const p = value;
  if (p.start !== undefined && !isFhirDateTime(p.start))
    return ['.start', primitiveChecks.dateTime![1]];
  if (p.end !== undefined && !isFhirDateTime(p.end)) return ['.end', primitiveChecks.dateTime![1]];
  // per-1: start SHALL be no later than end (compared as instants; partial dates start at UTC midnight).
  if (
    typeof p.start === 'string' &&
    typeof p.end === 'string' &&
    Date.parse(p.start) > Date.parse(p.end)
  ) {
    return ['', 'start is after end (per-1)'];
  }
  return undefined;
}

function attachmentProblem(value: unknown): ElementProblem | undefined {
  if (!isObject(value)) return ['', 'must be a Attachment object'];
  const a = value;
  if (a.contentType !== undefined && !isFhirCode(a.contentType))
    return ['.contentType', 'must be a FHIR code'];
  if (a.data !== undefined && !isFhirBase64(a.data)) return ['.data', 'must be base64Binary'];
  if (a.url !== undefined && !isFhirUri(a.url)) return ['.url', 'must be a FHIR url'];
  if (a.creation !== undefined && !isFhirDateTime(a.creation))
    return ['.creation', primitiveChecks.dateTime![1]];
  // att-1: if the Attachment has data, it SHALL have a contentType.
  if (a.data !== undefined && a.contentType === undefined)
    return ['.contentType', 'is required when data is present (att-1)'];
  return undefined;
}

/** The problem of the Quantity at `key` of `holder` (a Range or Ratio), if it is there. */
function partProblem(holder: Obj, key: string): ElementProblem | undefined {
  if (holder[key] === undefined) return undefined;
  const problem = quantityProblem(holder[key]);
  return problem === undefined ? undefined : [`.${key}${problem[0]}`, problem[1]];
}

function rangeProblem(value: unknown): ElementProblem | undefined {
  if (!isObject(value)) return ['', 'must be a Range object'];
  return partProblem(value, 'low') ?? partProblem(value, 'high');
}

function ratioProblem(value: unknown): ElementProblem | undefined {
  if (!isObject(value)) return ['', 'must be a Ratio object'];
  return partProblem(value, 'numerator') ?? partProblem(value, 'denominator');
}

const complexChecks: Partial<Record<ElementType, ElementCheck>> = {
  CodeableConcept: codeableConceptProblem,
  Coding: codingProblem,
  Reference: referenceProblem,
  Period: periodProblem,
  Quantity: quantityProblem,
  Age: quantityProblem,
  Range: rangeProblem,
  Ratio: ratioProblem,
  Attachment: attachmentProblem,
};

function primitiveCheck([isValid, message]: [(v: unknown) => boolean, string]): ElementCheck {
  const problem: ElementProblem = ['', message];
  return (value) => (isValid(value) ? undefined : problem);
}

/** Any other complex type is checked as an object only. */
function objectCheck(type: ElementType): ElementCheck {
  const problem: ElementProblem = ['', `must be a ${type} object`];
  return (value) => (isObject(value) ? undefined : problem);
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
        : (complexChecks[type] ?? objectCheck(type));
    checksByType.set(type, check);
  }
  return check;
}

/** Checks one value of an element against its FHIR datatype; throws ValidationError naming `path`. */
export function checkElementType(type: ElementType, value: unknown, path: string): void {
  const problem = elementCheck(type)(value);
  if (problem !== undefined) fail(path + problem[0], problem[1]);
}
