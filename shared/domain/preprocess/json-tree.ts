// Domain (preprocess): one pass over the raw JSON that drops empty elements (FHIR ele-1: every element
// has a value or children) and checks and trims every `code` of a Coding or Quantity wherever it sits,
// extensions included. Copy-on-write: a node comes back as the same object when nothing in it changed,
// so a clean resource (almost all of them) is walked but not copied; the caller's object is never
// mutated. Element paths are kept as a stack of segments and joined only for a repair or an error.
import type { Repair } from '../ingest/source-record';
import { ValidationError } from '../errors';
import { codeProblem, isPaddedCode } from './coded-values';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = Record<string, unknown>;

/** Element path so far: property names and array indexes, from the resource root. */
type PathStack = (string | number)[];

function joinPath(stack: PathStack): string {
  let path = '';
  for (const segment of stack) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

/**
 * Applies the repairs above to `value` (a parsed JSON value); `path` is the FHIR element path of
 * `value` (empty for a resource). Returns `value` itself when nothing was repaired, otherwise a new
 * node that shares the unchanged subtrees with `value`. Throws ValidationError naming the path of a
 * non-finite number, a non-JSON value or a malformed code.
 */
export function repairJsonTree(value: unknown, path: string, repairs: Repair[]): Json {
  const stack: PathStack = path === '' ? [] : [path];
  if (typeof value === 'object' && value !== null) {
    return Array.isArray(value)
      ? repairArray(value, stack, repairs)
      : repairObject(value as Obj, stack, repairs);
  }
  return repairLeaf(value, stack);
}

/** A string, boolean or finite number as it is; anything else JSON cannot carry is rejected. */
function repairLeaf(value: unknown, stack: PathStack): Json {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new ValidationError(
    typeof value === 'number' ? 'must be a finite number' : 'is not JSON',
    joinPath(stack),
  );
}

function repairArray(value: unknown[], stack: PathStack, repairs: Repair[]): Json[] {
  let copy: Json[] | undefined;
  for (let i = 0; i < value.length; i++) {
    // Nulls inside arrays are kept: FHIR JSON uses them to align `given` with `_given`.
    const item = value[i];
    let kept: Json;
    if (typeof item === 'object' && item !== null) {
      stack.push(i);
      kept = Array.isArray(item)
        ? repairArray(item, stack, repairs)
        : repairObject(item as Obj, stack, repairs);
      stack.pop();
    } else if (item === null || typeof item === 'string' || typeof item === 'boolean') kept = item;
    else {
      stack.push(i);
      kept = repairLeaf(item, stack);
      stack.pop();
    }
    if (copy === undefined && kept !== item) copy = value.slice(0, i) as Json[];
    if (copy !== undefined) copy.push(kept);
  }
  return copy ?? (value as Json[]);
}

/**
 * A node that JSON.parse cannot produce (a class instance, a null prototype, an own `__proto__`
 * key) is always copied into a plain object, as the copying pass before copy-on-write did.
 */
function isPlainObject(value: object): boolean {
  return Object.getPrototypeOf(value) === Object.prototype;
}

function repairObject(value: Obj, stack: PathStack, repairs: Repair[]): { [key: string]: Json } {
  let copy: { [key: string]: Json } | undefined = isPlainObject(value) ? undefined : {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = value[key];
    // The common cases first, inline: a non-empty string, a boolean, a number, a non-empty node.
    let kept: Json | undefined;
    if (typeof item === 'string' && item !== '') {
      kept = key === 'code' ? repairCode(value, item, stack, repairs) : item;
    } else if (typeof item === 'object' && item !== null) {
      if (Array.isArray(item)) {
        kept =
          item.length === 0
            ? dropEmpty(key, stack, repairs)
            : repairChild(item, key, stack, repairs);
      } else kept = repairChild(item, key, stack, repairs);
    } else if (typeof item === 'boolean') kept = item;
    else if (item === null || item === '') kept = dropEmpty(key, stack, repairs);
    // An undefined property (JS callers only; JSON cannot carry one) is simply absent.
    else if (item === undefined) kept = undefined;
    else {
      stack.push(key);
      kept = repairLeaf(item, stack);
      stack.pop();
    }
    // A dropped undefined property and an own `__proto__` key need a copy too (see isPlainObject).
    if (copy === undefined && (kept !== item || item === undefined || key === '__proto__'))
      copy = copyBefore(value, key);
    if (copy !== undefined && kept !== undefined) copy[key] = kept;
  }
  return copy ?? (value as { [key: string]: Json });
}

function repairChild(item: object, key: string, stack: PathStack, repairs: Repair[]): Json {
  stack.push(key);
  const kept = Array.isArray(item)
    ? repairArray(item, stack, repairs)
    : repairObject(item as Obj, stack, repairs);
  stack.pop();
  return kept;
}

/** Records the removal of an empty or null element (ele-1); returns undefined: the key is dropped. */
function dropEmpty(key: string, stack: PathStack, repairs: Repair[]): undefined {
  stack.push(key);
  repairs.push({
    path: joinPath(stack),
    kind: 'empty-element-removed',
    detail: 'empty or null element dropped (ele-1)',
  });
  stack.pop();
  return undefined;
}

function repairCode(holder: Obj, code: string, stack: PathStack, repairs: Repair[]): string {
  const trimmed = isPaddedCode(code);
  const kept = trimmed ? code.trim() : code;
  const problem = codeProblem(holder.system, kept);
  if (problem === undefined && !trimmed) return kept;
  stack.push('code');
  const path = joinPath(stack);
  stack.pop();
  if (problem !== undefined) throw new ValidationError(problem, path);
  repairs.push({
    path,
    kind: 'code-whitespace-trimmed',
    detail: 'leading or trailing whitespace removed',
  });
  return kept;
}

/** A new object holding the own properties of `value` that come before `key`, unchanged. */
function copyBefore(value: Obj, key: string): { [key: string]: Json } {
  const copy: { [key: string]: Json } = {};
  for (const k in value) {
    if (k === key) break;
    if (Object.prototype.hasOwnProperty.call(value, k) && value[k] !== undefined)
      copy[k] = value[k] as Json;
  }
  return copy;
}
