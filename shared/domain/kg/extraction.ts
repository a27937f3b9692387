// Domain (kg): what the knowledge graph accepts from clinical NLP (the `caregraph extract` contract:
// entities with type, assertion and code; relations between entity indices), and the rule that turns
// a mention's assertion into a patient predicate. Negated, family-history, possible and hypothetical
// mentions never become positive patient facts: they are recorded under their own predicates
// (cg:negatedFinding, cg:familyHistoryOf, cg:possibleFinding) or, for hypothetical ones, dropped.
// A drug named as the substance of an allergy or intolerance (`allergen`) is the patient's allergen,
// cg:allergicTo, never cg:takesMedication nor cg:hasHistoryOf.
// Assertion categories follow the i2b2/VA 2010 assertion task (present, absent, possible,
// conditional/hypothetical, associated with someone else) as the CLI contract names them.
import { ValidationError } from '../errors';
import { codeSystemKey, conceptIri } from './model';
import type { IriTerm } from './sparql';
import { cg } from './vocabulary';

export const kgEntityTypes = [
  'Disease',
  'Chemical',
  'Gene',
  'Variant',
  'Symptom',
  'Procedure',
  'LabTest',
  'Anatomy',
] as const;
export type KgEntityType = (typeof kgEntityTypes)[number];

export const kgAssertions = [
  'present',
  'negated',
  'possible',
  'family',
  'historical',
  'hypothetical',
] as const;
export type KgAssertion = (typeof kgAssertions)[number];

/** An extracted entity, structurally the CLI contract's entity (extra fields are ignored). */
export interface KgEntity {
  start: number;
  end: number;
  text: string;
  type: KgEntityType;
  code?: string;
  system?: string;
  assertion: KgAssertion;
  /** 0-1, when the extractor reports one. */
  confidence?: number;
  /**
   * The concepts a coordinated mention names ("breast and ovarian cancer"), each with its code; the
   * entity's own code is one of them. Absent for a mention of one concept.
   */
  members?: readonly { code?: string; system?: string }[];
  /**
   * True for a drug named as the substance of an allergy or intolerance the text does not deny
   * ("She is allergic to amoxicillin", a drug of an allergies section): written as cg:allergicTo
   * when present or historical, never as a medication taken.
   */
  allergen?: boolean;
}

export const kgRelationTypes = ['treats', 'causes', 'interacts', 'associated_with'] as const;
export type KgRelationType = (typeof kgRelationTypes)[number];

/** An extracted relation; `head` and `tail` index into the entities. */
export interface KgRelation {
  type: KgRelationType;
  head: number;
  tail: number;
  /** 0-1. */
  confidence: number;
}

/** What an extractor returns for one text. */
export interface KgExtraction {
  entities: readonly KgEntity[];
  relations: readonly KgRelation[];
}

/** What is known of a text besides its words: the year a note was written dates "MI in 2019". */
export interface ExtractContext {
  noteYear?: number;
}

/** An extractor as the use cases receive it (the NLP extractor in production, a stub in tests). */
export type ExtractClinical = (text: string, context?: ExtractContext) => Promise<KgExtraction>;

const presentPredicate: Readonly<Record<KgEntityType, IriTerm | undefined>> = {
  Disease: cg.hasCondition,
  Symptom: cg.hasSymptom,
  Chemical: cg.takesMedication,
  Gene: cg.hasGeneticFinding,
  Variant: cg.hasGeneticFinding,
  Procedure: cg.hadProcedure,
  LabTest: cg.hadLabTest,
  // A body part alone says nothing about the patient.
  Anatomy: undefined,
};

/**
 * The predicate linking a patient to a mentioned concept, or undefined when the mention must not be
 * written at all. Only `present` and `historical` mentions yield positive predicates; for a drug
 * that is an allergen (KgEntity.allergen) that is cg:allergicTo, as an allergy documented in the
 * past is still one. A denied, possible, family or hypothetical allergen keeps its assertion's
 * predicate.
 */
export function patientPredicate(
  type: KgEntityType,
  assertion: KgAssertion,
  allergen = false,
): IriTerm | undefined {
  if (type === 'Anatomy') return undefined;
  const isAllergen = allergen && type === 'Chemical';
  switch (assertion) {
    case 'present':
      return isAllergen ? cg.allergicTo : presentPredicate[type];
    case 'historical':
      return isAllergen ? cg.allergicTo : cg.hasHistoryOf;
    case 'negated':
      return cg.negatedFinding;
    case 'family':
      return cg.familyHistoryOf;
    case 'possible':
      return cg.possibleFinding;
    case 'hypothetical':
      return undefined;
    default:
      throw new ValidationError('unknown assertion', 'assertion');
  }
}

/** True when a mention may support a relation between concepts (it is asserted, not denied or imagined). */
export function supportsRelation(assertion: KgAssertion): boolean {
  return assertion === 'present' || assertion === 'historical' || assertion === 'possible';
}

export const relationPredicate: Readonly<Record<KgRelationType, IriTerm>> = {
  treats: cg.treats,
  causes: cg.causes,
  interacts: cg.interactsWith,
  associated_with: cg.associatedWith,
};

/**
 * The concept IRI of an entity, or undefined when it carries no code, or a code in a system the
 * graph does not model (UMLS CUIs) or of the wrong shape: such mentions are counted, not written.
 */
export function entityConcept(entity: KgEntity): IriTerm | undefined {
  if (!entity.code || !entity.system || !codeSystemKey(entity.system)) return undefined;
  try {
    return conceptIri(entity.system, entity.code);
  } catch (error) {
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
}

/**
 * Every concept IRI an entity names: its members' for a coordinated mention ("breast and ovarian
 * cancer" is two), else its own (none when it carries no usable code; see entityConcept).
 */
export function entityConcepts(entity: KgEntity): IriTerm[] {
  const all = (entity.members?.length ? entity.members : [entity])
    .map((m) => entityConcept({ ...entity, code: m.code, system: m.system }))
    .filter((c): c is IriTerm => c !== undefined);
  return all.filter((c, i) => all.findIndex((d) => d.value === c.value) === i);
}

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  (values as readonly unknown[]).includes(value);

/** A confidence is a number from 0 to 1. */
const isConfidence = (value: unknown): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;

/**
 * Checks types, assertions, confidences, offsets (against `textLength`, the length of the text the
 * offsets index, when known) and relation indices, naming the first bad field (never its text).
 */
export function checkExtraction(extraction: KgExtraction, textLength?: number): void {
  extraction.entities.forEach((entity, index) => {
    const where = `entities[${index}]`;
    if (!isOneOf(kgEntityTypes, entity.type))
      throw new ValidationError(`${where} has an unknown type`, `${where}.type`);
    if (!isOneOf(kgAssertions, entity.assertion))
      throw new ValidationError(`${where} has an unknown assertion`, `${where}.assertion`);
    if (entity.allergen !== undefined && typeof entity.allergen !== 'boolean')
      throw new ValidationError(`${where} allergen is not true or false`, `${where}.allergen`);
    if (entity.confidence !== undefined && !isConfidence(entity.confidence))
      throw new ValidationError(
        `${where} confidence is not a number from 0 to 1`,
        `${where}.confidence`,
      );
    if (!Number.isInteger(entity.start) || !Number.isInteger(entity.end))
      throw new ValidationError(`${where} offsets are not integers`, `${where}.start`);
    if (entity.start < 0 || entity.end < entity.start)
      throw new ValidationError(`${where} offsets are out of order`, `${where}.end`);
    if (textLength !== undefined && entity.end > textLength)
      throw new ValidationError(`${where} ends beyond the text`, `${where}.end`);
  });
  extraction.relations.forEach((relation, index) => {
    const where = `relations[${index}]`;
    if (!isOneOf(kgRelationTypes, relation.type))
      throw new ValidationError(`${where} has an unknown type`, `${where}.type`);
    if (!isConfidence(relation.confidence))
      throw new ValidationError(
        `${where} confidence is not a number from 0 to 1`,
        `${where}.confidence`,
      );
    for (const end of ['head', 'tail'] as const) {
      const at = relation[end];
      if (!Number.isInteger(at) || at < 0 || at >= extraction.entities.length)
        throw new ValidationError(
          `relations[${index}].${end} is not an entity index`,
          `relations[${index}].${end}`,
        );
    }
  });
}
