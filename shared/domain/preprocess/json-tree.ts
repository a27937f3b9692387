// Domain (preprocess): one pass over the raw JSON that drops empty elements (FHIR ele-1: every element
// has a value or children) and checks and trims every `code` of a Coding or Quantity wherever it sits,
// extensions included. Copy-on-write: a node comes back as the same object when nothing in it changed,
// so a clean resource (almost all of them) is walked but not copied; the caller's object is never
// mutated. Element paths are kept as segments indexed by depth and joined only for a repair or an error.
import type { Repair } from '../ingest/source-record';
import { ValidationError } from '../errors';
import { codeProblem, isPaddedCode } from './coded-values';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = Record<string, unknown>;

/**
 * Element path so far: property names and array indexes from the resource root; only the first
 * `depth` entries count (a slot is overwritten, not pushed and popped, on the way down: this walk
 * visits every node of every resource, and the hot path should do no more than it must).
 */
type PathStack = (string | number)[];

function joinPath(stack: PathStack, depth: number): string {
  let path = '';
  for (let i = 0; i < depth; i++) {
    const segment = stack[i]!;
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

/** The path of `key` under the node at `depth`. */
function pathOf(stack: PathStack, depth: number, key: string | number): string {
  stack[depth] = key;
  return joinPath(stack, depth + 1);
}

/**
 * Applies the repairs above to `value` (a parsed JSON value); `path` is the FHIR element path of
 * `value` (empty for a resource). Returns `value` itself when nothing was repaired, otherwise a new
 * node that shares the unchanged subtrees with `value`. Throws ValidationError naming the path of a
 * non-finite number, a non-JSON value or a malformed code.
 */
export function repairJsonTree(value: unknown, path: string, repairs: Repair[]): Json {
  const stack: PathStack = path === '' ? [] : [path];
  const depth = stack.length;
  if (typeof value === 'object' && value !== null) {
    return Array.isArray(value)
      ? repairArray(value, stack, depth, repairs)
      : repairObject(value as Obj, stack, depth, repairs);
  }
  return repairLeaf(value, stack, depth);
}

/** A string, boolean or finite number as it is; anything else JSON cannot carry is rejected. */
function repairLeaf(value: unknown, stack: PathStack, depth: number): Json {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new ValidationError(
    typeof value === 'number' ? 'must be a finite number' : 'is not JSON',
    joinPath(stack, depth),
  );
}

function repairArray(value: unknown[], stack: PathStack, depth: number, repairs: Repair[]): Json[] {
  let copy: Json[] | undefined;
  for (let i = 0; i < value.length; i++) {
    // Nulls inside arrays are kept: FHIR JSON uses them to align `given` with `_given`.
    const item = value[i];
    let kept: Json;
    if (typeof item === 'object' && item !== null) {
      stack[depth] = i;
      kept = Array.isArray(item)
        ? repairArray(item, stack, depth + 1, repairs)
        : repairObject(item as Obj, stack, depth + 1, repairs);
    } else if (item === null || typeof item === 'string' || typeof item === 'boolean') kept = item;
    else {
      stack[depth] = i;
      kept = repairLeaf(item, stack, depth + 1);
    }
    if (copy === undefined) {
      if (kept === item) continue;
      copy = value.slice(0, i) as Json[];
    }
    copy.push(kept);
  }
  return copy ?? (value as Json[]);
}

/**
 * True when `value` inherits directly from Object.prototype. Read through the `__proto__` accessor:
 * in this megamorphic walk it costs a fraction of Object.getPrototypeOf (about 5% of the whole
 * ingest path, bench: ingest). It answers the same for every object but one that defines its own
 * non-enumerable `__proto__` property or inherits another `__proto__` accessor, which no reader of
 * this pipeline can produce (an own enumerable `__proto__` key, as JSON.parse makes, is copied below).
 */
function hasPlainPrototype(value: object): boolean {
  return (value as { __proto__?: unknown }).__proto__ === Object.prototype;
}

/**
 * The repaired object. A node that JSON.parse cannot produce (a class instance, a null prototype,
 * an own `__proto__` key) is always copied into a plain object, as the copying pass before
 * copy-on-write did.
 */
function repairObject(
  value: Obj,
  stack: PathStack,
  depth: number,
  repairs: Repair[],
): { [key: string]: Json } {
  let copy: { [key: string]: Json } | undefined = hasPlainPrototype(value) ? undefined : {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = value[key];
    let kept: Json | undefined;
    // The common cases first: a string, a node, a number, a boolean.
    if (typeof item === 'string') {
      if (item === '') kept = dropEmpty(stack, depth, key, repairs);
      else kept = key === 'code' ? repairCode(value, item, stack, depth, repairs) : item;
    } else if (typeof item === 'object') {
      if (item === null) kept = dropEmpty(stack, depth, key, repairs);
      else if (Array.isArray(item)) {
        if (item.length === 0) kept = dropEmpty(stack, depth, key, repairs);
        else {
          stack[depth] = key;
          kept = repairArray(item, stack, depth + 1, repairs);
        }
      } else {
        stack[depth] = key;
        kept = repairObject(item as Obj, stack, depth + 1, repairs);
      }
    } else if (typeof item === 'number' && Number.isFinite(item)) kept = item;
    else if (typeof item === 'boolean') kept = item;
    // An undefined property (JS callers only; JSON cannot carry one) is simply absent.
    else if (item === undefined) kept = undefined;
    else {
      stack[depth] = key;
      kept = repairLeaf(item, stack, depth + 1);
    }
    if (copy === undefined) {
      // A dropped undefined property and an own `__proto__` key need a copy too (see above).
      if (kept === item && item !== undefined && key !== '__proto__') continue;
      copy = copyBefore(value, key);
    }
    if (kept !== undefined) copy[key] = kept;
  }
  return copy ?? (value as { [key: string]: Json });
}

/** Records the removal of an empty or null element (ele-1); returns undefined: the key is dropped. */
function dropEmpty(stack: PathStack, depth: number, key: string, repairs: Repair[]): undefined {
  repairs.push({
    path: pathOf(stack, depth, key),
    kind: 'empty-element-removed',
    detail: 'empty or null element dropped (ele-1)',
  });
  return undefined;
}

function repairCode(
  holder: Obj,
  code: string,
  stack: PathStack,
  depth: number,
  repairs: Repair[],
): string {
  const trimmed = isPaddedCode(code);
  const kept = trimmed ? code.trim() : code;
  const problem = codeProblem(holder.system, kept);
  if (problem === undefined && !trimmed) return kept;
  const path = pathOf(stack, depth, 'code');
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
