// Use case (kg-update): a curated note's extraction becomes pseudonymous patient facts in its
// hospital's graph; a literature abstract's extraction becomes concept relations in that upload's
// literature graph. Both are idempotent: a re-delivered event replaces the document's statements
// (delete then insert, in one SPARQL update request) and so leaves the same triples. A note is named
// by its hospital, patient and document id (model.ts noteIri): two patients' notes under one document
// id keep their own facts.
import type { GraphStore } from '../../ports/graph-store';
import {
  checkExtraction,
  entityConcept,
  entityConcepts,
  patientPredicate,
  relationPredicate,
  supportsRelation,
  type KgEntity,
  type KgExtraction,
} from './extraction';
import {
  hospitalGraph,
  legacyNoteIri,
  literatureGraph,
  literatureIri,
  noteIri,
  patientIri,
} from './model';
import { joinSparql, literal, sparql, type IriTerm, type SparqlFragment } from './sparql';
import { graphBlocks, withProvenance, type Provenance, type Quad } from './statements';
import { cg, dct, rdf, skos, vocabularyVersion } from './vocabulary';

export interface KgUpdateDeps {
  graph: GraphStore;
}

/** One curated note's extraction. Ids are pseudonymous; no name or free text enters the graph. */
export interface NoteFactsInput extends KgExtraction {
  hospital: string;
  /** Pseudonymous patient id (the hospital-keyed HMAC the curated data carries). */
  patient: string;
  document: string;
  /** e.g. "caregraph-nlp@1.0.0". */
  extractor: string;
  /** When the note was curated (the event time), so a re-delivery writes identical triples. */
  at: Date;
  /** Length of the text the entity offsets index, when known: an offset past it is refused. */
  textLength?: number;
}

/** A note withdrawn at its source (DocumentReference.status entered-in-error). */
export interface NoteRetraction {
  hospital: string;
  /** Pseudonymous patient id. */
  patient: string;
  document: string;
}

export interface LiteratureInput extends KgExtraction {
  /** PMID or another stable id of the upload. */
  document: string;
  title: string;
  extractor: string;
  at: Date;
  /** Length of the text the entity offsets index (title and abstract), when known. */
  textLength?: number;
}

export interface KgUpdateResult {
  graph: string;
  /** Facts asserted (patient facts or concept relations), without their provenance triples. */
  facts: number;
  /** Quads written, provenance included. */
  quads: number;
  /** Mentions with no usable code, or whose assertion forbids writing them. */
  skipped: number;
  /** True when the note was withdrawn and what it wrote removed (retractNoteFacts). */
  retracted?: boolean;
}

/** The quads one note contributes to its hospital graph; pure, for the update and bulk paths. */
export function noteFactQuads(input: NoteFactsInput): {
  quads: Quad[];
  facts: number;
  skipped: number;
} {
  checkExtraction(input, input.textLength);
  const graph = hospitalGraph(input.hospital);
  const patient = patientIri(input.hospital, input.patient);
  const document = noteIri(input.hospital, input.patient, input.document);
  const quads: Quad[] = [
    { subject: patient, predicate: rdf.type, object: cg.Patient, graph },
    { subject: document, predicate: rdf.type, object: cg.ClinicalNote, graph },
    { subject: document, predicate: cg.about, object: patient, graph },
  ];
  const provenance = (entity: KgEntity): Provenance => ({
    ...base(document, input),
    start: entity.start,
    end: entity.end,
    assertion: entity.assertion,
    ...(entity.confidence === undefined ? {} : { confidence: entity.confidence }),
  });
  let facts = 0;
  let skipped = 0;
  for (const entity of input.entities) {
    const concepts = entityConcepts(entity);
    const predicate = patientPredicate(entity.type, entity.assertion, entity.allergen === true);
    if (concepts.length === 0 || !predicate) {
      skipped += 1;
      continue;
    }
    // A coordinated mention ("breast and ovarian cancer") is one fact per concept it names.
    for (const concept of concepts)
      quads.push(
        ...withProvenance(
          { subject: patient, predicate, object: concept, graph },
          provenance(entity),
        ),
      );
    facts += concepts.length;
  }
  const relations = relationQuads(
    input,
    graph,
    document,
    (e) => e.assertion === 'present' || e.assertion === 'historical',
  );
  return { quads: [...quads, ...relations.quads], facts: facts + relations.facts, skipped };
}

/**
 * Writes one note's patient facts to its hospital graph, replacing whatever the same note (hospital,
 * patient and document) wrote before, in one SPARQL update request. A fact another document also
 * supports is kept; another patient's note under the same document id is left alone.
 */
export async function recordNoteFacts(
  deps: KgUpdateDeps,
  input: NoteFactsInput,
): Promise<KgUpdateResult> {
  const { quads, facts, skipped } = noteFactQuads(input);
  const graph = hospitalGraph(input.hospital);
  await deps.graph.update(
    sparql`${deleteNoteStatements([input])} ;
INSERT DATA {
${graphBlocks(quads)}
}`.text,
  );
  return { graph: graph.value, facts, quads: quads.length, skipped };
}

/**
 * Withdraws a note entered in error: deletes every statement the document wrote to its hospital graph
 * and its own description, inserting nothing. A fact another note also supports is kept. Idempotent:
 * a re-delivery finds nothing left to delete.
 */
export async function retractNoteFacts(
  deps: KgUpdateDeps,
  input: NoteRetraction,
): Promise<KgUpdateResult> {
  const graph = hospitalGraph(input.hospital);
  // noteIri checks the ids as the write path does (a malformed one is a ValidationError, no query).
  await deps.graph.update(deleteNoteStatements([input]).text);
  return { graph: graph.value, facts: 0, quads: 0, skipped: 0, retracted: true };
}

/**
 * Bulk path for backfills: deletes the documents' earlier statements, then loads all notes' quads as
 * one N-Quads batch (the GraphStore stages batches above 1 MiB to S3 for the Neptune bulk loader).
 * Not atomic across the two steps; re-running the same batch converges to the same triples.
 */
export async function recordNoteFactsInBulk(
  deps: KgUpdateDeps,
  inputs: readonly NoteFactsInput[],
  toNQuads: (quads: Quad[]) => string,
): Promise<{ notes: number; quads: number; facts: number }> {
  const all: Quad[] = [];
  let facts = 0;
  for (const input of inputs) {
    const note = noteFactQuads(input);
    all.push(...note.quads);
    facts += note.facts;
  }
  if (inputs.length > 0) await deps.graph.update(deleteNoteStatements(inputs).text);
  const { quads } = await deps.graph.loadNQuads(toNQuads(all));
  return { notes: inputs.length, quads, facts };
}

/**
 * Writes an abstract's concept relations (and the concepts it mentions) to the upload's own
 * literature graph, replacing that graph: public knowledge, never mixed with patient facts.
 */
export async function recordLiterature(
  deps: KgUpdateDeps,
  input: LiteratureInput,
): Promise<KgUpdateResult> {
  checkExtraction(input, input.textLength);
  const graph = literatureGraph(input.document);
  const article = literatureIri(input.document);
  const quads: Quad[] = [
    { subject: article, predicate: rdf.type, object: cg.Article, graph },
    { subject: article, predicate: dct.title, object: literal(input.title), graph },
  ];
  let skipped = 0;
  for (const entity of input.entities) {
    const concepts = entityConcepts(entity);
    if (concepts.length === 0 || entity.assertion === 'hypothetical') {
      skipped += 1;
      continue;
    }
    // The surface text labels the concept only when it names that one concept alone.
    const surface = entity.members?.length ? '' : entity.text.trim().toLowerCase();
    for (const concept of concepts) {
      if (surface)
        quads.push({
          subject: concept,
          predicate: skos.altLabel,
          object: literal(surface, { language: 'en' }),
          graph,
        });
      quads.push(
        ...withProvenance(
          { subject: article, predicate: cg.mentions, object: concept, graph },
          {
            ...base(article, input),
            start: entity.start,
            end: entity.end,
            assertion: entity.assertion,
          },
        ),
      );
    }
  }
  const relations = relationQuads(input, graph, article, (e) => supportsRelation(e.assertion));
  quads.push(...relations.quads);
  await deps.graph.update(
    sparql`DROP SILENT GRAPH ${graph} ;
INSERT DATA {
${graphBlocks(quads)}
}`.text,
  );
  return { graph: graph.value, facts: relations.facts, quads: quads.length, skipped };
}

function base(document: IriTerm, input: { extractor: string; at: Date }): Provenance {
  return { document, extractor: input.extractor, vocabularyVersion, at: input.at };
}

/** Relation quads with provenance, for relations whose both ends are linked and `usable`. */
function relationQuads(
  input: KgExtraction & { extractor: string; at: Date },
  graph: IriTerm,
  document: IriTerm,
  usable: (entity: KgEntity) => boolean,
): { quads: Quad[]; facts: number } {
  const quads: Quad[] = [];
  let facts = 0;
  for (const relation of input.relations) {
    const head = input.entities[relation.head]!;
    const tail = input.entities[relation.tail]!;
    const subject = entityConcept(head);
    const object = entityConcept(tail);
    if (!subject || !object || !usable(head) || !usable(tail)) continue;
    const hedged = head.assertion === 'possible' || tail.assertion === 'possible';
    quads.push(
      ...withProvenance(
        { subject, predicate: relationPredicate[relation.type], object, graph },
        {
          ...base(document, input),
          start: Math.min(head.start, tail.start),
          end: Math.max(head.end, tail.end),
          confidence: relation.confidence,
          assertion: hedged ? 'possible' : 'present',
        },
      ),
    );
    facts += 1;
  }
  return { quads, facts };
}

/**
 * SPARQL Update operations removing what `notes` (each a hospital, patient and document id) wrote to
 * their hospital graphs: under each note's IRI (deleteDocumentStatements), and under the IRI the
 * note had before notes were named per patient, as far as that was the same patient's
 * (deleteLegacyNoteStatements). Throws a ValidationError for a malformed id, before any query.
 */
export function deleteNoteStatements(notes: readonly NoteRetraction[]): SparqlFragment {
  const byGraph = new Map<
    string,
    { graph: IriTerm; documents: IriTerm[]; legacy: SparqlFragment[] }
  >();
  for (const note of notes) {
    const graph = hospitalGraph(note.hospital);
    const entry = byGraph.get(graph.value) ?? { graph, documents: [], legacy: [] };
    entry.documents.push(noteIri(note.hospital, note.patient, note.document));
    entry.legacy.push(
      deleteLegacyNoteStatements(
        graph,
        legacyNoteIri(note.hospital, note.document),
        patientIri(note.hospital, note.patient),
      ),
    );
    byGraph.set(graph.value, entry);
  }
  // Per graph: the notes' statements under their IRIs, then under the earlier IRIs, note by note.
  return joinSparql(
    [...byGraph.values()].flatMap(({ graph, documents, legacy }) => [
      deleteDocumentStatements(graph, documents),
      ...legacy,
    ]),
    ' ;\n',
  );
}

/**
 * SPARQL Update operations removing what one patient's note wrote under the IRI notes had before they
 * were named per patient (model.ts legacyNoteIri: hospital and document id only). Facts stored then
 * would otherwise stay beside the note's new ones for ever, as the new IRI's replace never finds them.
 *
 * Two patients' notes under one document id shared that IRI, so only what is provably `patient`'s
 * goes: statements whose subject is the patient (patient facts), and, once the earlier document
 * describes no other patient (`cg:about`), all of its statements (the concept relations, which name
 * no patient) and its description. Another patient's facts under it stay until that patient's note
 * is processed again. A triple another statement node still describes is put back, as in
 * deleteDocumentStatements. Idempotent: a second run finds nothing; on a graph written after the
 * change each operation is one index lookup that matches nothing.
 */
export function deleteLegacyNoteStatements(
  graph: IriTerm,
  legacy: IriTerm,
  patient: IriTerm,
): SparqlFragment {
  const own = sparql`GRAPH ${graph} { ?st ${cg.document} ${legacy} ; ${rdf.subject} ?s ; ${rdf.predicate} ?p ; ${rdf.object} ?o }
  FILTER (sameTerm(?s, ${patient}) || NOT EXISTS { GRAPH ${graph} { ${legacy} ${cg.about} ?x FILTER (!sameTerm(?x, ${patient})) } })`;
  return sparql`DELETE { GRAPH ${graph} { ?s ?p ?o } }
WHERE { ${own} } ;
INSERT { GRAPH ${graph} { ?s ?p ?o } }
WHERE {
  ${own}
  GRAPH ${graph} { ?other ${rdf.subject} ?s ; ${rdf.predicate} ?p ; ${rdf.object} ?o ; ${cg.document} ?d }
  FILTER (?d != ${legacy})
} ;
DELETE { GRAPH ${graph} { ?st ?sp ?so } }
WHERE { ${own} GRAPH ${graph} { ?st ?sp ?so } } ;
DELETE DATA { GRAPH ${graph} { ${legacy} ${cg.about} ${patient} } } ;
DELETE { GRAPH ${graph} { ${legacy} ?dp ?do } }
WHERE {
  GRAPH ${graph} { ${legacy} ?dp ?do }
  FILTER NOT EXISTS { GRAPH ${graph} { ${legacy} ${cg.about} ?anyone } }
}`;
}

/**
 * SPARQL Update operations removing what `documents` wrote to `graph`: asserted triples no other
 * document supports, the statement nodes, and the documents' own description.
 *
 * Every operation starts from the documents' statement nodes (`?st cg:document ?doc`, an index
 * lookup), so the cost grows with what the documents wrote and with how many other statements share
 * those triples, not with the size of the graph. The documents' triples are deleted, then the ones
 * another document's statement node still describes are put back, all in one request (one
 * transaction). A `FILTER NOT EXISTS` over the graph did the same but oxigraph evaluates it as an
 * anti-join against every statement node of the hospital: seconds per note on a graph of a few
 * hundred notes (bench/kg.ts, `kgNotesBenchmark`).
 */
export function deleteDocumentStatements(
  graph: IriTerm,
  documents: readonly IriTerm[],
): SparqlFragment {
  const docs = sparql`VALUES ?doc { ${documents} }`;
  const written = sparql`?st ${cg.document} ?doc ; ${rdf.subject} ?s ; ${rdf.predicate} ?p ; ${rdf.object} ?o`;
  return sparql`DELETE { GRAPH ${graph} { ?s ?p ?o } }
WHERE { ${docs} GRAPH ${graph} { ${written} } } ;
INSERT { GRAPH ${graph} { ?s ?p ?o } }
WHERE {
  ${docs}
  GRAPH ${graph} {
    ${written} .
    ?other ${rdf.subject} ?s ; ${rdf.predicate} ?p ; ${rdf.object} ?o ; ${cg.document} ?d .
    FILTER (?d NOT IN (${joinSparql(documents, ', ')}))
  }
} ;
DELETE { GRAPH ${graph} { ?st ?sp ?so } }
WHERE { ${docs} GRAPH ${graph} { ?st ${cg.document} ?doc ; ?sp ?so } } ;
DELETE { GRAPH ${graph} { ?doc ?dp ?do } }
WHERE { ${docs} GRAPH ${graph} { ?doc ?dp ?do } }`;
}
