// Domain (preprocess): applies the per-type structural rules (resource-rules.ts) to a copied resource:
// resourceType and id, cardinality, required bindings, choice-type exclusivity and datatypes.
import { ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { elementCheck, type ElementCheck, type ElementType } from './element-types';
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

/** An element rule with its datatype check (or its backbone's rules) looked up once. */
interface CompiledElement {
  name: string;
  rule: ElementRule;
  /** The datatype check of a datatype element. */
  check: ElementCheck | undefined;
  /** The rules of a backbone element (e.g. Observation.component). */
  backbone: CompiledBackbone | undefined;
}

/** A choice element with its JSON names (`valueQuantity`...) and their checks, derived once. */
interface CompiledChoice {
  base: string;
  required: boolean;
  keys: string[];
  checks: ElementCheck[];
}

interface CompiledBackbone {
  elements: CompiledElement[];
  choices: CompiledChoice[];
  /** The required elements (min 1), checked for presence before the node's keys are walked. */
  required: CompiledElement[];
  /**
   * What each JSON key the rules name stands for: an element, or a choice key (`valueQuantity`) with
   * its choice and type index. The walk goes over the node's own keys (a handful) and looks each up
   * here, instead of probing the node for every element and choice key of the rules (an Observation
   * names 23, most absent, each a megamorphic property miss).
   */
  byKey: Map<string, CompiledElement | ChoiceSlot>;
}

/** A choice key of a backbone: its choice (index into `choices`) and its datatype check. */
interface ChoiceSlot {
  choice: number;
  check: ElementCheck;
}

// Rules are compiled on first use rather than per resource: no for-in over the rule tables, no
// per-element type lookups, no choice key derivation in the per-resource path.
const compiled = new WeakMap<BackboneRule, CompiledBackbone>();

function compile(rule: BackboneRule): CompiledBackbone {
  let result = compiled.get(rule);
  if (result !== undefined) return result;
  const elements: CompiledElement[] = Object.entries(rule.elements).map(([name, element]) => ({
    name,
    rule: element,
    check: typeof element.type === 'string' ? elementCheck(element.type) : undefined,
    backbone: typeof element.type === 'string' ? undefined : compile(element.type),
  }));
  const choices: CompiledChoice[] = Object.entries(rule.choices ?? {}).map(([base, choice]) => ({
    base,
    required: choice.required === true,
    keys: choice.types.map((t) => choiceKey(base, t)),
    checks: choice.types.map(elementCheck),
  }));
  if (choices.length > 30) throw new Error('at most 30 choice elements per backbone (a bit each)');
  const byKey = new Map<string, CompiledElement | ChoiceSlot>();
  for (const element of elements) byKey.set(element.name, element);
  choices.forEach((choice, c) =>
    choice.keys.forEach((key, t) => byKey.set(key, { choice: c, check: choice.checks[t]! })),
  );
  result = {
    elements,
    choices,
    required: elements.filter((element) => element.rule.min === 1),
    byKey,
  };
  compiled.set(rule, result);
  return result;
}

/**
 * The path of element `name` under `prefix`, with `[index]` for an item of a repeating element
 * (`index` -1 for a single one). Built only when a check fails or a backbone is entered.
 */
function elementPath(prefix: string, name: string, index: number): string {
  return index < 0 ? prefix + name : `${prefix}${name}[${index}]`;
}

/** Checks one value (or one item) of an element: its datatype or backbone rules, then its binding. */
function checkElement(
  element: CompiledElement,
  value: unknown,
  prefix: string,
  index: number,
): void {
  if (element.backbone !== undefined) {
    const path = elementPath(prefix, element.name, index);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      fail(path, 'must be an object');
    checkCompiled(element.backbone, value as Obj, `${path}.`);
  } else {
    const problem = element.check!(value);
    if (problem !== undefined)
      fail(elementPath(prefix, element.name, index) + problem[0], problem[1]);
  }
  if (element.rule.binding !== undefined) checkBinding(element, value, prefix, index);
}

function checkBinding(
  element: CompiledElement,
  value: unknown,
  prefix: string,
  index: number,
): void {
  const binding = element.rule.binding!;
  if (binding.system === undefined) {
    if (!binding.values.includes(value as string))
      fail(
        elementPath(prefix, element.name, index),
        `must be one of ${binding.values.join(' | ')}`,
      );
    return;
  }
  const coding = (value as Obj).coding as Obj[] | undefined;
  if (coding === undefined) return;
  for (let i = 0; i < coding.length; i++) {
    const c = coding[i]!;
    if (c.system === binding.system && !binding.values.includes(c.code as string)) {
      fail(
        `${elementPath(prefix, element.name, index)}.coding[${i}].code`,
        `must be one of ${binding.values.join(' | ')}`,
      );
    }
  }
}

/** Checks `node` against `rule`; `prefix` is the element path so far, ending in `.` (or empty). */
export function checkBackbone(rule: BackboneRule, node: Obj, prefix: string): void {
  checkCompiled(compile(rule), node, prefix);
}

function checkCompiled(backbone: CompiledBackbone, node: Obj, prefix: string): void {
  const { required, byKey, choices } = backbone;
  for (let e = 0; e < required.length; e++) {
    const name = required[e]!.name;
    if (node[name] === undefined) fail(prefix + name, 'is required');
  }
  /** Bit c set: choice c has a value (one key of it seen). */
  let chosen = 0;
  for (const key in node) {
    const slot = byKey.get(key);
    if (slot === undefined || !Object.prototype.hasOwnProperty.call(node, key)) continue;
    const value = node[key];
    if (value === undefined) continue;
    if ('name' in slot) {
      checkValue(slot, value, prefix);
      continue;
    }
    const bit = 1 << slot.choice;
    if ((chosen & bit) !== 0) {
      const base = choices[slot.choice]!.base;
      fail(`${prefix}${base}[x]`, `only one ${base}[x] is allowed`);
    }
    chosen |= bit;
    const problem = slot.check(value);
    if (problem !== undefined) fail(prefix + key + problem[0], problem[1]);
  }
  for (let c = 0; c < choices.length; c++) {
    if (choices[c]!.required && (chosen & (1 << c)) === 0)
      fail(`${prefix}${choices[c]!.base}[x]`, 'is required');
  }
}

/** Checks the value of one element: an array of items for a repeating element, else one item. */
function checkValue(element: CompiledElement, value: unknown, prefix: string): void {
  if (element.rule.many === true) {
    if (!Array.isArray(value)) fail(prefix + element.name, 'must be an array');
    for (let i = 0; i < value.length; i++) checkElement(element, value[i], prefix, i);
  } else {
    if (Array.isArray(value)) fail(prefix + element.name, 'must not be an array');
    checkElement(element, value, prefix, -1);
  }
}

/** The compiled rules per resourceType, looked up by a Map (the type string is hashed once). */
const rulesByType: ReadonlyMap<string, CompiledBackbone> = new Map(
  Object.entries(resourceRules).map(([type, rule]) => [type, compile(rule)]),
);

/** Structural validation of one resource (only read); throws ValidationError with the element path. */
export function checkStructure(resource: Obj): FhirJson {
  const type = resource.resourceType;
  if (typeof type !== 'string') fail('resourceType', 'is required');
  if (!isR4ResourceType(type)) fail('resourceType', 'is not a FHIR R4 resource type');
  if (resource.id !== undefined && !isFhirId(resource.id))
    fail('id', 'must be a FHIR id (1-64 of A-Z a-z 0-9 - .)');
  if (resource.implicitRules !== undefined && !isFhirUri(resource.implicitRules))
    fail('implicitRules', 'must be a FHIR uri');
  checkMeta(resource.meta);
  const rule = rulesByType.get(type);
  if (rule !== undefined) checkCompiled(rule, resource, '');
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
      compile(resourceRules.Observation!).choices.some(
        (choice) => choice.base === 'value' && choice.keys.some((k) => resource[k] !== undefined),
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
