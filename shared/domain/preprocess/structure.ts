// Domain (preprocess): applies the per-type structural rules (resource-rules.ts) to a copied resource:
// resourceType and id, cardinality, required bindings, choice-type exclusivity and datatypes.
import { ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { checkElementType, type ElementType } from './element-types';
import { isFhirId, isFhirInstant, isFhirUri } from './primitives';
import { isR4ResourceType } from './resource-types';
import { resourceRules, type BackboneRule, type ElementRule } from './resource-rules';

type Obj = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new ValidationError(message, path);
}

/** JSON name of a choice element: `value` + `Quantity`, `effective` + `DateTime`. */
function choiceKey(base: string, type: ElementType): string {
  return base + type.charAt(0).toUpperCase() + type.slice(1);
}

// Choice keys are derived once per rule rather than per resource.
const choiceKeyCache = new WeakMap<BackboneRule, [string, string[]][]>();
function choiceKeysOf(rule: BackboneRule): [string, string[]][] {
  let keys = choiceKeyCache.get(rule);
  if (keys === undefined) {
    keys = Object.entries(rule.choices ?? {}).map(([base, c]) => [
      base,
      c.types.map((t) => choiceKey(base, t)),
    ]);
    choiceKeyCache.set(rule, keys);
  }
  return keys;
}

function checkBinding(rule: ElementRule, value: unknown, path: string): void {
  const binding = rule.binding;
  if (binding === undefined) return;
  if (binding.system === undefined) {
    if (!binding.values.includes(value as string))
      fail(path, `must be one of ${binding.values.join(' | ')}`);
    return;
  }
  const coding = (value as Obj).coding as Obj[] | undefined;
  if (coding === undefined) return;
  for (let i = 0; i < coding.length; i++) {
    const c = coding[i]!;
    if (c.system === binding.system && !binding.values.includes(c.code as string)) {
      fail(`${path}.coding[${i}].code`, `must be one of ${binding.values.join(' | ')}`);
    }
  }
}

function checkOne(rule: ElementRule, value: unknown, path: string): void {
  if (typeof rule.type === 'string') checkElementType(rule.type, value, path);
  else {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      fail(path, 'must be an object');
    checkBackbone(rule.type, value as Obj, `${path}.`);
  }
  checkBinding(rule, value, path);
}

/** Checks `node` against `rule`; `prefix` is the element path so far, ending in `.` (or empty). */
export function checkBackbone(rule: BackboneRule, node: Obj, prefix: string): void {
  for (const name in rule.elements) {
    const element = rule.elements[name]!;
    const value = node[name];
    const path = prefix + name;
    if (value === undefined) {
      if (element.min === 1) fail(path, 'is required');
      continue;
    }
    if (element.many === true) {
      if (!Array.isArray(value)) fail(path, 'must be an array');
      for (let i = 0; i < value.length; i++) checkOne(element, value[i], `${path}[${i}]`);
    } else {
      if (Array.isArray(value)) fail(path, 'must not be an array');
      checkOne(element, value, path);
    }
  }
  for (const [base, keys] of choiceKeysOf(rule)) checkChoice(rule, node, prefix, base, keys);
}

function checkChoice(
  rule: BackboneRule,
  node: Obj,
  prefix: string,
  base: string,
  keys: string[],
): void {
  const types = rule.choices![base]!.types;
  let found = -1;
  for (let t = 0; t < keys.length; t++) {
    if (node[keys[t]!] === undefined) continue;
    if (found !== -1) fail(`${prefix}${base}[x]`, `only one ${base}[x] is allowed`);
    found = t;
  }
  if (found === -1) {
    if (rule.choices![base]!.required === true) fail(`${prefix}${base}[x]`, 'is required');
    return;
  }
  const key = keys[found]!;
  checkElementType(types[found]!, node[key], prefix + key);
}

/** Structural validation of one copied resource; throws ValidationError with the element path. */
export function checkStructure(resource: Obj): FhirJson {
  const type = resource.resourceType;
  if (typeof type !== 'string') fail('resourceType', 'is required');
  if (!isR4ResourceType(type)) fail('resourceType', 'is not a FHIR R4 resource type');
  if (resource.id !== undefined && !isFhirId(resource.id))
    fail('id', 'must be a FHIR id (1-64 of A-Z a-z 0-9 - .)');
  if (resource.implicitRules !== undefined && !isFhirUri(resource.implicitRules))
    fail('implicitRules', 'must be a FHIR uri');
  checkMeta(resource.meta);
  const rule = resourceRules[type];
  if (rule !== undefined) checkBackbone(rule, resource, '');
  checkInvariants(type, resource);
  return resource as FhirJson;
}

function checkMeta(meta: unknown): void {
  if (meta === undefined) return;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta))
    fail('meta', 'must be a Meta object');
  const m = meta as Obj;
  if (m.versionId !== undefined && !isFhirId(m.versionId))
    fail('meta.versionId', 'must be a FHIR id');
  if (m.lastUpdated !== undefined && !isFhirInstant(m.lastUpdated))
    fail('meta.lastUpdated', 'must be a FHIR instant');
}

/** Resource-level invariants the rules table cannot express. */
function checkInvariants(type: string, resource: Obj): void {
  if (type === 'Observation') {
    // obs-6: dataAbsentReason SHALL only be present if value[x] is not.
    if (
      resource.dataAbsentReason !== undefined &&
      choiceKeysOf(resourceRules.Observation!).some(
        ([base, keys]) => base === 'value' && keys.some((k) => resource[k] !== undefined),
      )
    ) {
      fail('dataAbsentReason', 'must be absent when value[x] is present (obs-6)');
    }
  } else if (type === 'DocumentReference') {
    // Stricter than R4: an attachment with neither data nor url carries no document to ingest.
    const content = resource.content as Obj[];
    for (let i = 0; i < content.length; i++) {
      const attachment = content[i]!.attachment as Obj;
      if (attachment.data === undefined && attachment.url === undefined) {
        fail(`content[${i}].attachment`, 'needs data or url');
      }
    }
  }
}
