// Domain (kg): statements with provenance, and how they are written (N-Quads, SPARQL INSERT DATA).
//
// Provenance model: standard RDF reification (RDF 1.1 Semantics §D; rdf:Statement with rdf:subject,
// rdf:predicate, rdf:object). Every extracted or curated triple is asserted in its named graph and
// described, in the same graph, by a statement node carrying its document, offsets, extractor and
// vocabulary versions, confidence, assertion and time (PROV-O). Chosen over RDF-star because oxigraph
// 0.5 implements RDF 1.2 (where `<< s p o >>` is a reifier, not a quoted triple) while Neptune
// implements the earlier RDF-star draft: the two disagree on syntax and meaning, and plain reification
// means the same on both. Over a graph per statement, because graphs already separate hospitals.
// Statement node IRIs are content hashes, so writing the same statement twice yields the same triples.
import { createHash } from 'node:crypto';
import { caregraphIri } from './model';
import {
  decimalLiteral,
  integerLiteral,
  literal,
  dateTimeLiteral,
  sparql,
  termText,
  joinSparql,
  triplePattern,
  type IriTerm,
  type RdfTerm,
  type SparqlFragment,
} from './sparql';
import { cg, dct, prov, rdf } from './vocabulary';

export interface Quad {
  subject: IriTerm;
  predicate: IriTerm;
  object: RdfTerm;
  graph: IriTerm;
}

/** Where a statement came from. Extracted statements carry a document; curated ones a source. */
export interface Provenance {
  /** The document (note or article) the statement was read from. */
  document?: IriTerm;
  /** UTF-16 offsets of the evidence in the document text, end exclusive. */
  start?: number;
  end?: number;
  /** e.g. "caregraph-nlp@1.4.0". */
  extractor?: string;
  /** 0-1. */
  confidence?: number;
  /** The mention's assertion (present, negated, family...). */
  assertion?: string;
  /** When the statement was produced (the event's time, so re-deliveries write the same triples). */
  at?: Date;
  /** Curated source citation, e.g. "CPIC clopidogrel guideline 2022". */
  source?: string;
  /** Extra annotations (severity, allele, evidence level). */
  extra?: readonly [IriTerm, RdfTerm][];
  vocabularyVersion?: string;
}

/**
 * The asserted quad plus its reification node and provenance, all in the quad's graph. The node's
 * IRI hashes the graph, triple, document and offsets: one node per piece of evidence.
 */
export function withProvenance(quad: Quad, provenance: Provenance): Quad[] {
  const node = statementIri(quad, provenance);
  const about = (predicate: IriTerm, object: RdfTerm): Quad => ({
    subject: node,
    predicate,
    object,
    graph: quad.graph,
  });
  const out: Quad[] = [
    quad,
    about(rdf.type, rdf.Statement),
    about(rdf.subject, quad.subject),
    about(rdf.predicate, quad.predicate),
    about(rdf.object, quad.object),
  ];
  const p = provenance;
  if (p.document) out.push(about(cg.document, p.document), about(prov.wasDerivedFrom, p.document));
  if (p.start !== undefined) out.push(about(cg.startOffset, integerLiteral(p.start)));
  if (p.end !== undefined) out.push(about(cg.endOffset, integerLiteral(p.end)));
  if (p.extractor) out.push(about(cg.extractor, literal(p.extractor)));
  if (p.vocabularyVersion) out.push(about(cg.vocabularyVersion, literal(p.vocabularyVersion)));
  if (p.confidence !== undefined) out.push(about(cg.confidence, decimalLiteral(p.confidence)));
  if (p.assertion) out.push(about(cg.assertion, literal(p.assertion)));
  if (p.at) out.push(about(prov.generatedAtTime, dateTimeLiteral(p.at)));
  if (p.source) out.push(about(dct.source, literal(p.source)));
  for (const [predicate, object] of p.extra ?? []) out.push(about(predicate, object));
  return out;
}

function statementIri(quad: Quad, p: Provenance): IriTerm {
  const key = [
    quad.graph.value,
    termText(quad.subject),
    termText(quad.predicate),
    termText(quad.object),
    p.document?.value ?? p.source ?? '',
    p.start ?? '',
    p.end ?? '',
  ].join('\u0000');
  return caregraphIri(`statement/${createHash('sha256').update(key).digest('hex').slice(0, 32)}`);
}

/** One N-Quads line (RDF 1.1 N-Quads §2) for a quad. */
export function nquadLine(quad: Quad): string {
  return `${termText(quad.subject)} ${termText(quad.predicate)} ${termText(quad.object)} ${termText(quad.graph)} .`;
}

/** N-Quads text of quads, one per line, duplicates removed, in a stable order. */
export function toNQuads(quads: readonly Quad[]): string {
  const lines = [...new Set(quads.map(nquadLine))];
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `INSERT DATA { GRAPH <g> { ... } ... }` for quads, grouped by graph; duplicates removed. */
export function insertData(quads: readonly Quad[]): SparqlFragment {
  return sparql`INSERT DATA {\n${graphBlocks(quads)}\n}`;
}

/** `GRAPH <g> { s p o . ... }` blocks for quads, for INSERT DATA / DELETE DATA bodies. */
export function graphBlocks(quads: readonly Quad[]): SparqlFragment {
  const byGraph = new Map<string, { graph: IriTerm; triples: Map<string, SparqlFragment> }>();
  for (const quad of quads) {
    const entry = byGraph.get(quad.graph.value) ?? { graph: quad.graph, triples: new Map() };
    const triple = triplePattern(quad.subject, quad.predicate, quad.object);
    entry.triples.set(triple.text, triple);
    byGraph.set(quad.graph.value, entry);
  }
  return joinSparql(
    [...byGraph.values()].map(
      ({ graph, triples }) =>
        sparql`GRAPH ${graph} {\n${joinSparql([...triples.values()], '\n')}\n}`,
    ),
    '\n',
  );
}
