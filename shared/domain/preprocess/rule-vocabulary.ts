// Domain (preprocess): the vocabulary of the structural rules (resource-rules.ts): an element's type,
// cardinality and required binding, choice types, and backbone elements with their own rules.
import type { ElementType } from './element-types';

export interface ElementRule {
  type: ElementType | BackboneRule;
  /** 1 when the element is required (min cardinality 1). */
  min?: 1;
  /** True when the element repeats (0..* / 1..*), so FHIR JSON carries an array. */
  many?: true;
  /** Required binding: the allowed codes (for a code) or, for a CodeableConcept, codes in `system`. */
  binding?: { values: readonly string[]; system?: string };
}

export interface ChoiceRule {
  types: readonly ElementType[];
  required?: true;
}

export interface BackboneRule {
  elements: Readonly<Record<string, ElementRule>>;
  choices?: Readonly<Record<string, ChoiceRule>>;
}

export const required = (
  type: ElementType | BackboneRule,
  binding?: readonly string[],
): ElementRule =>
  binding === undefined ? { type, min: 1 } : { type, min: 1, binding: { values: binding } };
export const optional = (
  type: ElementType | BackboneRule,
  binding?: readonly string[],
): ElementRule => (binding === undefined ? { type } : { type, binding: { values: binding } });
export const many = (type: ElementType | BackboneRule, min?: 1): ElementRule =>
  min === 1 ? { type, many: true, min } : { type, many: true };
export const status = (values: readonly string[]): ElementRule => required('code', values);
export const concept = (system: string, values: readonly string[]): ElementRule => ({
  type: 'CodeableConcept',
  binding: { system, values },
});
