// Domain (kg): the small caregraph vocabulary (predicates and classes under https://caregraph.dev/ns#)
// plus the W3C terms the model reuses: RDF reification for provenance (RDF 1.1 Semantics §D), PROV-O
// (W3C Rec 2013) for derivation and time, SKOS (W3C Rec 2009) for synonyms and cross-code equivalence,
// Dublin Core terms for titles and sources. Each caregraph term is described by rdfs:label/comment in
// the seed graph (vocabularyQuads), so the graph documents itself.
import { CG, graphs } from './model';
import { iri, literal, type IriTerm } from './sparql';
import type { Quad } from './statements';

export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const SKOS = 'http://www.w3.org/2004/02/skos/core#';
export const PROV = 'http://www.w3.org/ns/prov#';
export const DCT = 'http://purl.org/dc/terms/';

export const rdf = {
  type: iri(`${RDF}type`),
  Statement: iri(`${RDF}Statement`),
  subject: iri(`${RDF}subject`),
  predicate: iri(`${RDF}predicate`),
  object: iri(`${RDF}object`),
} as const;
export const rdfs = { label: iri(`${RDFS}label`), comment: iri(`${RDFS}comment`) } as const;
export const skos = {
  altLabel: iri(`${SKOS}altLabel`),
  exactMatch: iri(`${SKOS}exactMatch`),
} as const;
export const prov = {
  wasDerivedFrom: iri(`${PROV}wasDerivedFrom`),
  generatedAtTime: iri(`${PROV}generatedAtTime`),
} as const;
export const dct = { title: iri(`${DCT}title`), source: iri(`${DCT}source`) } as const;

/** Version of this vocabulary, recorded on every extracted statement. */
export const vocabularyVersion = 'caregraph-kg-1.0';

type Definition = readonly [label: string, comment: string];

const definitions = {
  // Knowledge between concepts (seed, literature, and concept relations read from notes).
  treats: ['treats', 'The drug is indicated for (treats or prevents) the disease.'],
  causes: ['causes', 'The drug or chemical can cause the disease or adverse effect.'],
  interactsWith: ['interacts with', 'Clinically relevant drug-drug interaction.'],
  associatedWith: ['associated with', 'Association without a stated direction or mechanism.'],
  contraindicatedWith: [
    'contraindicated with',
    'The drug should not be used in a patient with the condition.',
  ],
  pgxGeneDrug: [
    'pharmacogenomic gene-drug pair',
    'Variants of the gene change the response to the drug (CPIC gene-drug pair).',
  ],
  // Patient facts, in a hospital graph only. The first eight are positive facts of the patient
  // (positivePatientPredicates).
  hasCondition: ['has condition', 'The patient has the disease (asserted present).'],
  hasSymptom: ['has symptom', 'The patient has the symptom (asserted present).'],
  takesMedication: ['takes medication', 'The drug is documented as taken or prescribed.'],
  allergicTo: [
    'allergic to',
    'The patient is documented as allergic or intolerant to the drug or substance (the substance of an allergy or intolerance, as FHIR R4 AllergyIntolerance.code); not a medication taken.',
  ],
  hasGeneticFinding: ['has genetic finding', 'The gene or variant is reported for the patient.'],
  hadProcedure: ['had procedure', 'The procedure is documented as done.'],
  hadLabTest: ['had lab test', 'The lab test is documented as done.'],
  hasHistoryOf: ['has history of', 'The finding is documented as past history.'],
  negatedFinding: ['negated finding', 'The finding is documented as absent; not a condition.'],
  familyHistoryOf: ['family history of', 'A relative has the finding; not the patient.'],
  possibleFinding: ['possible finding', 'The finding is suspected or uncertain; not confirmed.'],
  // Documents and provenance.
  mentions: ['mentions', 'The document mentions the concept.'],
  about: ['about', 'The note is about the (pseudonymous) patient.'],
  document: ['document', 'The document a statement was extracted from.'],
  startOffset: ['start offset', 'UTF-16 offset where the evidence starts in the document text.'],
  endOffset: ['end offset', 'UTF-16 offset where the evidence ends (exclusive).'],
  extractor: ['extractor', 'Name and version of the extractor that produced the statement.'],
  vocabularyVersion: ['vocabulary version', 'Version of the caregraph vocabulary used.'],
  confidence: ['confidence', 'Extractor confidence, 0-1.'],
  assertion: ['assertion', 'How the mention was asserted: present, negated, family...'],
  severity: ['severity', 'Clinical severity of an interaction or contraindication.'],
  allele: ['allele', 'The allele or phenotype a pharmacogenomic pair is about.'],
  evidenceLevel: ['evidence level', 'The source evidence level, e.g. CPIC level A.'],
  Patient: ['Patient', 'A pseudonymous patient.'],
  ClinicalNote: ['Clinical note', 'A curated clinical note.'],
  Article: ['Article', 'A literature abstract.'],
  Drug: ['Drug', 'A drug or chemical (RxNorm ingredient where known).'],
  Disease: ['Disease', 'A disease, condition or adverse effect.'],
  Gene: ['Gene', 'A gene (HGNC symbol).'],
} as const satisfies Record<string, Definition>;

export type CgTerm = keyof typeof definitions;

/** The caregraph vocabulary's IRIs by local name, e.g. `cg.treats`. */
export const cg = Object.fromEntries(
  Object.keys(definitions).map((name) => [name, iri(CG + name)]),
) as Record<CgTerm, IriTerm>;

/** Predicates that state a positive patient fact; negated/family/possible/hypothetical never do. */
export const positivePatientPredicates: ReadonlySet<string> = new Set(
  (
    [
      'hasCondition',
      'hasSymptom',
      'takesMedication',
      'allergicTo',
      'hasGeneticFinding',
      'hadProcedure',
      'hadLabTest',
      'hasHistoryOf',
    ] as const
  ).map((name) => cg[name].value),
);

/** rdfs:label and rdfs:comment of every caregraph term, in the seed graph. */
export function vocabularyQuads(): Quad[] {
  return (Object.entries(definitions) as [CgTerm, Definition][]).flatMap(
    ([name, [label, comment]]) => [
      {
        subject: cg[name],
        predicate: rdfs.label,
        object: literal(label, { language: 'en' }),
        graph: graphs.seed,
      },
      {
        subject: cg[name],
        predicate: rdfs.comment,
        object: literal(comment, { language: 'en' }),
        graph: graphs.seed,
      },
    ],
  );
}
