// Domain (kg): the RDF model's names: concept IRIs for each code system, named graphs, and the
// pseudonymous patient and document IRIs. Public knowledge (seed, literature) and patient facts live
// in different named graphs and never mix: a patient fact is only ever written to its hospital's graph.
//
// Concept IRIs are the code systems' own published Linked Data IRIs, so the graph joins with public
// RDF (BioPortal, MeSH RDF, SNOMED CT URI standard) without a mapping table:
// - RxNorm:     http://purl.bioontology.org/ontology/RXNORM/{RXCUI}  (NCBO BioPortal, RXNORM ontology)
// - MeSH:       http://id.nlm.nih.gov/mesh/{descriptor id}           (NLM MeSH RDF, id.nlm.nih.gov)
// - ICD-10-CM:  http://purl.bioontology.org/ontology/ICD10CM/{code}  (NCBO BioPortal, ICD10CM ontology)
// - SNOMED CT:  http://snomed.info/id/{SCTID}                        (SNOMED CT URI Standard v1.0, §3.2)
// - HGNC:       https://identifiers.org/hgnc.symbol:{symbol}         (identifiers.org registry, hgnc.symbol)
//   The approved symbol rather than HGNC:{id}, because the extractor and FHIR genomics report symbols.
// - LOINC:      https://loinc.org/{code}                             (LOINC's own term pages)
// - dbSNP:      https://identifiers.org/dbsnp:{rs id}                (identifiers.org registry, dbsnp)
// The FHIR system URIs (HL7 terminology, R4) the extractor and FHIR resources carry are accepted as
// aliases and mapped to these IRIs.
import { identifierPattern } from '../../config/resources';
import { ValidationError } from '../errors';
import { iri, type IriTerm } from './sparql';

export type CodeSystemKey = 'rxnorm' | 'mesh' | 'icd10cm' | 'snomed' | 'hgnc' | 'loinc' | 'dbsnp';

interface CodeSystemSpec {
  /** The IRI a code is appended to. */
  prefix: string;
  /** Names this system goes by: short key, FHIR system URI, UMLS source abbreviation. */
  aliases: readonly string[];
  /** Shape of a valid code; also guarantees the code is safe inside an IRI. */
  pattern: RegExp;
}

export const codeSystems: Readonly<Record<CodeSystemKey, CodeSystemSpec>> = {
  rxnorm: {
    prefix: 'http://purl.bioontology.org/ontology/RXNORM/',
    aliases: ['rxnorm', 'rxcui', 'http://www.nlm.nih.gov/research/umls/rxnorm'],
    pattern: /^\d{1,9}$/,
  },
  mesh: {
    prefix: 'http://id.nlm.nih.gov/mesh/',
    aliases: ['mesh', 'msh', 'http://id.nlm.nih.gov/mesh', 'urn:oid:2.16.840.1.113883.6.177'],
    // Descriptor (D), supplementary concept (C) and qualifier (Q) unique ids.
    pattern: /^[DCQ]\d{6,9}$/,
  },
  icd10cm: {
    prefix: 'http://purl.bioontology.org/ontology/ICD10CM/',
    aliases: ['icd10cm', 'icd-10-cm', 'icd10', 'http://hl7.org/fhir/sid/icd-10-cm'],
    pattern: /^[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?$/,
  },
  snomed: {
    prefix: 'http://snomed.info/id/',
    aliases: ['snomed', 'sct', 'snomedct', 'http://snomed.info/sct'],
    pattern: /^\d{6,18}$/,
  },
  hgnc: {
    prefix: 'https://identifiers.org/hgnc.symbol:',
    aliases: ['hgnc', 'hgnc.symbol', 'http://www.genenames.org'],
    pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/,
  },
  loinc: {
    prefix: 'https://loinc.org/',
    aliases: ['loinc', 'http://loinc.org'],
    pattern: /^\d{1,7}-\d$/,
  },
  dbsnp: {
    prefix: 'https://identifiers.org/dbsnp:',
    aliases: ['dbsnp', 'http://www.ncbi.nlm.nih.gov/snp'],
    pattern: /^rs\d{1,12}$/,
  },
};

const CG_BASE = 'https://caregraph.dev/';
/** The caregraph vocabulary namespace (see vocabulary.ts). */
export const CG = `${CG_BASE}ns#`;

/** Names of the graphs that hold public knowledge; patient facts are in hospitalGraph(h) only. */
export const graphs = {
  seed: iri(`${CG_BASE}graph/seed`),
  literaturePrefix: `${CG_BASE}graph/literature/`,
  hospitalPrefix: `${CG_BASE}graph/hospital/`,
} as const;

const documentIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
// Pseudonyms are hex HMACs (shared/domain/serving/resource-projection.ts); any opaque id without
// spaces or punctuation is accepted, so a name ("Jane Doe") cannot become a patient IRI by mistake.
const pseudonymPattern = /^[A-Za-z0-9_-]{8,128}$/;

/** The code system key for a key, FHIR system URI or alias (case-insensitive), or undefined. */
export function codeSystemKey(system: string): CodeSystemKey | undefined {
  const wanted = system.trim().toLowerCase().replace(/\/+$/, '');
  for (const [key, spec] of Object.entries(codeSystems) as [CodeSystemKey, CodeSystemSpec][])
    if (spec.aliases.includes(wanted)) return key;
  return undefined;
}

/**
 * The concept IRI for a code in a system (key, alias or FHIR system URI). ICD-10-CM codes are upper-
 * cased; everything else is taken as written. Throws a ValidationError naming `system` or `code`
 * when the system is unknown or the code does not have the system's shape.
 */
export function conceptIri(system: string, code: string): IriTerm {
  const key = codeSystemKey(system);
  if (!key) throw new ValidationError('unknown code system', 'system');
  const spec = codeSystems[key];
  const normal = key === 'icd10cm' ? code.trim().toUpperCase() : code.trim();
  if (!spec.pattern.test(normal))
    throw new ValidationError(`code is not a valid ${key} code`, 'code');
  return iri(spec.prefix + normal);
}

/** The system key and code a concept IRI stands for, or undefined for any other IRI. */
export function codeOf(
  conceptIriValue: string,
): { system: CodeSystemKey; code: string } | undefined {
  for (const [key, spec] of Object.entries(codeSystems) as [CodeSystemKey, CodeSystemSpec][]) {
    if (!conceptIriValue.startsWith(spec.prefix)) continue;
    const code = conceptIriValue.slice(spec.prefix.length);
    if (spec.pattern.test(code)) return { system: key, code };
  }
  return undefined;
}

/** The graph holding one hospital's patient facts; `hospital` must be a lowercase slug. */
export function hospitalGraph(hospital: string): IriTerm {
  if (!identifierPattern.test(hospital))
    throw new ValidationError('hospital must be a lowercase slug (a-z, 0-9, -)', 'hospital');
  return iri(graphs.hospitalPrefix + hospital);
}

/** The graph of one literature upload (one abstract or batch), named by its document id. */
export function literatureGraph(documentId: string): IriTerm {
  return iri(graphs.literaturePrefix + checkDocumentId(documentId));
}

/** A pseudonymous patient's IRI, scoped to its hospital (pseudonyms are per hospital). */
export function patientIri(hospital: string, pseudonym: string): IriTerm {
  hospitalGraph(hospital);
  if (!pseudonymPattern.test(pseudonym))
    throw new ValidationError(
      'patient must be a pseudonymous id (8-128 of A-Z, a-z, 0-9, _ and -)',
      'patient',
    );
  return iri(`${CG_BASE}patient/${hospital}/${pseudonym}`);
}

/**
 * A clinical note's IRI: `document/{hospital}/{patient}/{document}`, under its patient's pseudonym.
 * A document id is the hospital's (a sidecar's `id`) and two patients' notes may share it; ingest
 * stores them apart (keyLayout.note), and so does the graph: each note's facts are replaced and
 * withdrawn under its own IRI. The pseudonym is checked as patientIri checks it (no name).
 */
export function noteIri(hospital: string, patient: string, documentId: string): IriTerm {
  patientIri(hospital, patient);
  return iri(`${CG_BASE}document/${hospital}/${patient}/${checkDocumentId(documentId)}`);
}

/**
 * A note's IRI before notes were named per patient: `document/{hospital}/{document}`, which two
 * patients' notes under one document id shared. Nothing is written under it any more; kg-update
 * reads it only to remove what the same patient's note wrote under it (update.ts).
 */
export function legacyNoteIri(hospital: string, documentId: string): IriTerm {
  hospitalGraph(hospital);
  return iri(`${CG_BASE}document/${hospital}/${checkDocumentId(documentId)}`);
}

/** A literature document's IRI: its PubMed page for a PMID, else a caregraph literature IRI. */
export function literatureIri(documentId: string): IriTerm {
  const id = checkDocumentId(documentId);
  const pmid = /^(?:pmid[:-]?)?(\d{1,9})$/i.exec(id)?.[1];
  return iri(pmid ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : `${CG_BASE}literature/${id}`);
}

function checkDocumentId(documentId: string): string {
  if (!documentIdPattern.test(documentId))
    throw new ValidationError(
      'document id must be 1-128 of A-Z, a-z, 0-9, ".", "_" and "-"',
      'document',
    );
  return documentId;
}

/** An IRI in the caregraph namespace for a minted node (statements, alleles), from a safe local name. */
export function caregraphIri(path: string): IriTerm {
  return iri(CG_BASE + path);
}
