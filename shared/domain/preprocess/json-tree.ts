// Domain (preprocess): one pass over the raw JSON that copies it (the caller's object is never
// mutated), drops empty elements (FHIR ele-1: every element has a value or children) and checks and
// trims every `code` of a Coding or Quantity wherever it sits, extensions included.
import type { Repair } from '../ingest/source-record';
import { ValidationError } from '../errors';
import { checkCode } from './coded-values';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Copies `value` as JSON, applying the repairs above; `path` is the FHIR element path so far. */
export function copyJsonTree(value: unknown, path: string, repairs: Repair[]): Json {
  if (Array.isArray(value)) return copyArray(value, path, repairs);
  if (typeof value === 'object' && value !== null) return copyObject(value, path, repairs);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new ValidationError('must be a finite number', path);
  }
  if (
    value === undefined ||
    typeof value === 'function' ||
    typeof value === 'symbol' ||
    typeof value === 'bigint'
  ) {
    throw new ValidationError('is not JSON', path);
  }
  return value as Json;
}

function copyArray(value: unknown[], path: string, repairs: Repair[]): Json[] {
  const copy: Json[] = new Array<Json>(value.length);
  for (let i = 0; i < value.length; i++) {
    // Nulls inside arrays are kept: FHIR JSON uses them to align `given` with `_given`.
    const item = value[i];
    copy[i] = item === null ? null : copyJsonTree(item, `${path}[${i}]`, repairs);
  }
  return copy;
}

function copyObject(value: object, path: string, repairs: Repair[]): { [key: string]: Json } {
  const copy: { [key: string]: Json } = {};
  const prefix = path === '' ? '' : `${path}.`;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    // An undefined property (JS callers only; JSON cannot carry one) is simply absent.
    if (item === undefined) continue;
    if (item === null || item === '' || (Array.isArray(item) && item.length === 0)) {
      repairs.push({
        path: prefix + key,
        kind: 'empty-element-removed',
        detail: 'empty or null element dropped (ele-1)',
      });
      continue;
    }
    if (key === 'code' && typeof item === 'string') {
      const checked = checkCode((value as Record<string, unknown>).system, item, prefix + key);
      if (checked.trimmed) {
        repairs.push({
          path: prefix + key,
          kind: 'code-whitespace-trimmed',
          detail: 'leading or trailing whitespace removed',
        });
      }
      copy[key] = checked.code;
      continue;
    }
    copy[key] = copyJsonTree(item, prefix + key, repairs);
  }
  return copy;
}
