// Domain (medications): the one ingredient -> drug-class table of caregraph. The feature spec
// (features/spec.ts), the adherence classes (adherence/medications.ts), the risk-score inputs
// (risk/fhir/clinical-codes.ts) and the recommender's catalog (recommend/drugs.ts) all read their
// classes from here, so a drug added to a class is recognised the same way everywhere. Names are
// matched as whole words, case-insensitively, in a coding display or text (RxNorm clinical drug names
// start with the ingredient and survive de-identification, which drops free text but keeps codings).
import {
  drugClassDefinitions,
  type DrugClassDefinition,
  type DrugClassKey,
  type Ingredient,
} from './class-definitions';
import { cardiovascularIngredients } from './ingredients-cardiovascular';
import { otherIngredients } from './ingredients-other';

export { drugClassDefinitions, type DrugClassDefinition, type DrugClassKey, type Ingredient };

/** Every ingredient caregraph recognises, with its directly listed classes. */
export const ingredientCatalog: readonly Ingredient[] = [
  ...cardiovascularIngredients,
  ...otherIngredients,
];

const definitions: Readonly<Record<string, DrugClassDefinition>> = drugClassDefinitions;

/** The class and every class it includes, transitively. */
function memberClassesOf(cls: string, seen = new Set<string>()): Set<string> {
  const definition = definitions[cls];
  if (!definition) throw new Error(`drug class "${cls}" is not defined`);
  seen.add(cls);
  for (const inner of definition.includes ?? []) if (!seen.has(inner)) memberClassesOf(inner, seen);
  return seen;
}

const classKeys = Object.keys(drugClassDefinitions) as DrugClassKey[];
const membersByClass = new Map(classKeys.map((k) => [k, memberClassesOf(k)]));
const byName = new Map<string, Ingredient>();
for (const i of ingredientCatalog)
  for (const name of [i.name, ...i.synonyms]) {
    if (byName.has(name)) throw new Error(`ingredient "${name}" is listed twice`);
    byName.set(name, i);
  }

/** Catalog name of an ingredient (synonyms resolved, lower case); the input lower-cased if unknown. */
export function canonicalIngredient(name: string): string {
  const lower = name.toLowerCase();
  return byName.get(lower)?.name ?? lower;
}

/** The ingredient entry for a name or synonym (any case), if the catalog knows it. */
export function ingredientNamed(name: string): Ingredient | undefined {
  return byName.get(name.toLowerCase());
}

/** True when the ingredient (name or synonym) is in `cls`, directly or through an included class. */
export function isInClass(name: string, cls: DrugClassKey): boolean {
  const direct = byName.get(name.toLowerCase())?.classes ?? [];
  const members = membersByClass.get(cls)!;
  return direct.some((c) => members.has(c));
}

/** Every class (direct and composite) the ingredient belongs to, sorted; empty when unknown. */
export function classesOfIngredient(name: string): DrugClassKey[] {
  return classKeys.filter((cls) => isInClass(name, cls)).sort();
}

/** The ingredients of a class (composites included), in table order. */
export function ingredientsOfClass(cls: DrugClassKey): Ingredient[] {
  return ingredientCatalog.filter((i) => isInClass(i.name, cls));
}

/** Every name (catalog names and synonyms) that identifies an ingredient of the class. */
export function namesOfClass(cls: DrugClassKey): string[] {
  return ingredientsOfClass(cls).flatMap((i) => [i.name, ...i.synonyms]);
}

/** A case-insensitive pattern matching any of `names` as a whole word (longest name first). */
export function wholeWordPattern(names: readonly string[], flags = 'i'): RegExp {
  const escaped = [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(${escaped.join('|')})\\b`, flags);
}

const anyIngredient = wholeWordPattern([...byName.keys()], 'gi');

/** Catalog names of every ingredient named as a whole word in a medication's name or text, sorted. */
export function ingredientsNamedIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(anyIngredient)) found.add(canonicalIngredient(match[1]!));
  return [...found].sort();
}
