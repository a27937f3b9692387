// Domain (nlp): the shapes clinical NLP produces: entities with assertions and codes, relations between
// them, and the vocabulary concepts the dictionary matcher is built from. Offsets follow the CLI
// contract: 0-based UTF-16 code-unit indices into the input, `end` exclusive.
import type { EntitySpan, EntityType } from '../synth/model';

export type { Assertion, EntityType } from '../synth/model';

/** Code systems the linker assigns, with the URIs FHIR uses for them (HL7 terminology, R4). */
export const codeSystems = {
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  mesh: 'http://id.nlm.nih.gov/mesh',
  loinc: 'http://loinc.org',
  hgnc: 'http://www.genenames.org',
  dbsnp: 'http://www.ncbi.nlm.nih.gov/snp',
  umls: 'http://www.nlm.nih.gov/research/umls',
} as const;

export type CodeSystemKey = keyof typeof codeSystems;

/** A concept's codes by system, e.g. `{ icd10cm: 'I10', snomed: '38341003', mesh: 'D006973' }`. */
export type ConceptCodes = Partial<Record<CodeSystemKey, string>>;

/** One vocabulary concept: its type, preferred term, synonyms and codes. */
export interface Concept {
  /** Stable id within the vocabulary, e.g. "Disease:hypertension". */
  id: string;
  type: EntityType;
  preferred: string;
  /** Spelled-out synonyms and misspellings, matched after case, punctuation and plural normalisation. */
  synonyms: readonly string[];
  /** Abbreviations matched with exact case ("HTN", "AF"); see vocabulary/define.ts for the markers. */
  abbreviations: readonly string[];
  codes: ConceptCodes;
  /** Where the codes come from (code system and release), for provenance. */
  source: string;
  /** For drugs: ids of the disease concepts the drug is indicated for (treats relations). */
  indications?: readonly string[];
}

/** How a mention was tied to its concept, best first (the linker's candidate ranking). */
export type MatchKind = 'exact' | 'normalised' | 'abbreviation' | 'learned' | 'pattern' | 'fuzzy';

/** Dose, route and frequency written beside a drug mention ("metformin 500 mg PO BID"). */
export interface DrugAttributes {
  dose?: string;
  route?: string;
  frequency?: string;
}

/** One concept a coordinated mention names (see ClinicalEntity.members). */
export interface EntityMember {
  conceptId: string;
  /** The concept's name as the coordination spells it out ("breast cancer"). */
  name: string;
  code?: string;
  system?: string;
  codes?: ConceptCodes;
}

/** An extracted entity: the contract's span plus how confident we are and where it came from. */
export interface ClinicalEntity extends EntitySpan {
  /** 0-1. */
  confidence: number;
  match: MatchKind;
  conceptId?: string;
  /** Every code the concept carries (the primary one is `code`/`system`). */
  codes?: ConceptCodes;
  attributes?: DrugAttributes;
  /** Section the mention sits in, when a header was found. */
  section?: SectionKind;
  /**
   * A drug named as the substance of an allergy or intolerance the text does not deny ("She is
   * allergic to amoxicillin", any drug of an allergies section; assertions/allergen.ts): the
   * patient's allergen, not a medicine taken. The assertion stays what the cues give it.
   */
  allergen?: true;
  /**
   * A coordinated mention sharing one head word ("breast and ovarian cancer", "pleural and
   * pericardial effusions") names several concepts: each one, in text order. The entity's own
   * concept and code are the last member's (the one written out in full).
   */
  members?: EntityMember[];
}

export type RelationType = 'treats' | 'causes' | 'interacts' | 'associated_with';

export interface ClinicalRelation {
  type: RelationType;
  /** Indices into the entity list. */
  head: number;
  tail: number;
  /** 0-1. */
  confidence: number;
  /** The sentence the relation was read from (offsets into the input), absent for document-level pairs. */
  evidence?: { start: number; end: number };
}

export type SectionKind =
  | 'chief-complaint'
  | 'hpi'
  | 'past-medical-history'
  | 'past-surgical-history'
  | 'family-history'
  | 'social-history'
  | 'medications'
  | 'allergies'
  | 'ros'
  | 'physical-exam'
  | 'results'
  | 'assessment-plan'
  | 'instructions'
  | 'history'
  | 'other';

export interface Section {
  kind: SectionKind;
  /** Offsets of the whole section, header included. */
  start: number;
  end: number;
  /** Where the body starts (after the header and its colon/dash). */
  bodyStart: number;
}

export interface ExtractionResult {
  entities: ClinicalEntity[];
  relations: ClinicalRelation[];
  sections: Section[];
}
