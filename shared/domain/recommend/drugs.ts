// Domain (recommend): the drug catalog the recommender and its safety checks speak — each ingredient
// with its therapeutic classes. The catalog is the one drug-class table (medications/drug-classes.ts:
// WHO ATC/DDD Index 2025 groups, and the groupings the safety rules need where ATC has none:
// strong CYP3A4 inhibitors, MAO inhibition, serotonergic opioids); this module keeps the names the
// guidelines and safety rules import.
import {
  canonicalIngredient,
  classesOfIngredient,
  drugClassDefinitions,
  ingredientCatalog,
  ingredientsNamedIn,
  isInClass,
  type DrugClassKey,
} from '../medications/drug-classes';

/** Canonical catalog name of an ingredient (synonyms resolved, lower case). */
export function canonicalDrug(name: string): string {
  return canonicalIngredient(name);
}

/** The therapeutic classes of an ingredient, composites included (empty for an unknown one). */
export function classesOf(drug: string): string[] {
  return classesOfIngredient(drug);
}

/** True when the ingredient is in `cls` (false for a class the table does not define). */
export function inClass(drug: string, cls: string): boolean {
  return Object.hasOwn(drugClassDefinitions, cls) && isInClass(drug, cls as DrugClassKey);
}

/** Every catalog ingredient named (as a whole word) in a medication's name or text, de-duplicated. */
export function ingredientsIn(text: string): string[] {
  const found = new Set(ingredientsNamedIn(text));
  // Trimethoprim named with sulfamethoxazole (co-trimoxazole) carries both ingredients.
  if (/co-?trimoxazole/i.test(text)) found.add('sulfamethoxazole').add('trimethoprim');
  return [...found].sort();
}

/** Every ingredient the catalog knows (for property tests and documentation). */
export function catalogDrugs(): string[] {
  return ingredientCatalog.map((i) => i.name).sort();
}
