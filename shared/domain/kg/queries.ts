// Use cases (kg queries): concept search, one-hop neighbours with provenance, and drug-disease
// evidence paths for the recommender. They read public graphs (seed and literature) unless the
// caller names graphs explicitly (e.g. one hospital's graph, for a caller authorised for it), so a
// public route never returns patient facts. Behind GET /kg/concepts?q= and
// GET /kg/concepts/{system}/{code}/neighbors.
import { ValidationError } from '../errors';
import type { GraphStore, SparqlTerm } from '../../ports/graph-store';
import { CG, codeOf, conceptIri, graphs } from './model';
import { integerToken, iri, joinSparql, sparql, type IriTerm, type SparqlFragment } from './sparql';
import { cg, dct, rdf, rdfs, skos } from './vocabulary';

export interface ConceptMatch {
  iri: string;
  system?: string;
  code?: string;
  label: string;
  /** The label or synonym that matched. */
  matched: string;
  /** 0-1: 1 exact, 0.8 prefix, 0.6 word prefix, 0.4 substring (shorter labels first on ties). */
  score: number;
}

export interface Neighbor {
  direction: 'out' | 'in';
  /** Predicate IRI and its caregraph local name (e.g. "treats"). */
  predicate: string;
  relation: string;
  node: string;
  system?: string;
  code?: string;
  label?: string;
  graph: string;
  sources: string[];
  documents: string[];
  confidence?: number;
  severity?: string;
  allele?: string;
  evidenceLevel?: string;
}

export interface GraphScope {
  /** Named graphs to read; default the public ones (seed and every literature graph). */
  graphs?: readonly IriTerm[];
}

const MAX_LIMIT = 500;
// Stands in for "no statement node" so the provenance OPTIONALs below always join on a bound
// subject: flat OPTIONALs (not nested ones, which SPARQL evaluates unbound) keep a lookup indexed.
const NO_STATEMENT = iri('urn:caregraph:no-statement');

function checkLimit(limit: number, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new ValidationError(`limit must be an integer from 1 to ${MAX_LIMIT}`, 'limit');
  return limit;
}

/** FILTER restricting ?g to the scope's graphs (public graphs by default). */
function graphFilter(scope: GraphScope = {}): SparqlFragment {
  if (scope.graphs) {
    if (scope.graphs.length === 0) throw new ValidationError('graphs must not be empty', 'graphs');
    return sparql`FILTER (?g IN (${joinSparql(scope.graphs, ', ')}))`;
  }
  return sparql`FILTER (?g = ${graphs.seed} || STRSTARTS(STR(?g), ${graphs.literaturePrefix}))`;
}

/**
 * Concepts whose label or synonym contains `q` (case-insensitive), best first: exact, prefix, word
 * prefix, substring; `limit` 1-500 (default 20). `q` is 1-100 characters after trimming.
 */
export async function searchConcepts(
  graph: GraphStore,
  q: string,
  limit = 20,
  scope: GraphScope = {},
): Promise<ConceptMatch[]> {
  const needle = (q ?? '').trim().toLowerCase();
  if (needle.length < 1 || needle.length > 100)
    throw new ValidationError('q must be 1-100 characters', 'q');
  const max = checkLimit(limit, 20);
  const results = await graph.query(
    sparql`SELECT ?concept ?matched (SAMPLE(?preferred) AS ?label) WHERE {
  GRAPH ?g { ?concept ${rdfs.label}|${skos.altLabel} ?matched }
  ${graphFilter(scope)}
  FILTER (CONTAINS(LCASE(STR(?matched)), ${needle}))
  OPTIONAL { GRAPH ${graphs.seed} { ?concept ${rdfs.label} ?preferred } }
  FILTER (!STRSTARTS(STR(?concept), ${CG}))
} GROUP BY ?concept ?matched LIMIT 2000`.text,
  );
  const best = new Map<string, ConceptMatch>();
  for (const row of results.results?.bindings ?? []) {
    const concept = row.concept?.value;
    const matched = row.matched?.value;
    if (!concept || !matched) continue;
    const match: ConceptMatch = {
      iri: concept,
      ...codeOf(concept),
      label: row.label?.value ?? matched,
      matched,
      score: matchScore(needle, matched.toLowerCase()),
    };
    const held = best.get(concept);
    if (!held || rank(match, held) < 0) best.set(concept, match);
  }
  return [...best.values()].sort(rank).slice(0, max);
}

function matchScore(needle: string, text: string): number {
  if (text === needle) return 1;
  if (text.startsWith(needle)) return 0.8;
  if (new RegExp(`(^|[\\s/(-])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text))
    return 0.6;
  return 0.4;
}

function rank(a: ConceptMatch, b: ConceptMatch): number {
  return b.score - a.score || a.matched.length - b.matched.length || a.label.localeCompare(b.label);
}

export interface NeighborOptions extends GraphScope {
  /** 1-500, default 50. */
  limit?: number;
  /** Only edges with these caregraph predicates. */
  predicates?: readonly IriTerm[];
  direction?: 'out' | 'in' | 'both';
}

/**
 * One-hop edges in and out of the concept `system`/`code` (and of concepts declared equivalent by
 * skos:exactMatch), through caregraph predicates only, each with the other node's code and label and
 * the statement's provenance (sources, documents, confidence, severity, allele, evidence level).
 */
export async function neighbors(
  graph: GraphStore,
  system: string,
  code: string,
  options: NeighborOptions = {},
): Promise<Neighbor[]> {
  return neighborsOf(graph, conceptIri(system, code), options);
}

/** As `neighbors`, for a node IRI. */
export async function neighborsOf(
  graph: GraphStore,
  start: IriTerm,
  options: NeighborOptions = {},
): Promise<Neighbor[]> {
  const limit = checkLimit(options.limit ?? 50, 50);
  const direction = options.direction ?? 'both';
  const parts = (['out', 'in'] as const).filter((d) => direction === 'both' || direction === d);
  const answers = await Promise.all(parts.map((d) => edgeRows(graph, start, d, options, limit)));
  return answers.flat().slice(0, limit);
}

async function edgeRows(
  graph: GraphStore,
  start: IriTerm,
  direction: 'out' | 'in',
  options: NeighborOptions,
  limit: number,
): Promise<Neighbor[]> {
  const edge = direction === 'out' ? sparql`?node ?p ?other` : sparql`?other ?p ?node`;
  const described =
    direction === 'out'
      ? sparql`?st ${rdf.subject} ?node ; ${rdf.predicate} ?p ; ${rdf.object} ?other`
      : sparql`?st ${rdf.subject} ?other ; ${rdf.predicate} ?p ; ${rdf.object} ?node`;
  const predicateFilter = options.predicates?.length
    ? sparql`FILTER (?p IN (${joinSparql(options.predicates, ', ')}))`
    : sparql`FILTER (STRSTARTS(STR(?p), ${CG}))`;
  const results = await graph.query(
    sparql`SELECT ?p ?other ?g ?label ?source ?doc ?confidence ?severity ?allele ?level WHERE {
  ${start} (${skos.exactMatch}|^${skos.exactMatch})* ?node .
  GRAPH ?g { ${edge} }
  ${graphFilter(options)}
  ${predicateFilter}
  FILTER (isIRI(?other))
  OPTIONAL { GRAPH ?g { ${described} } }
  BIND (COALESCE(?st, ${NO_STATEMENT}) AS ?statement)
  OPTIONAL { GRAPH ?g { ?statement ${dct.source} ?source } }
  OPTIONAL { GRAPH ?g { ?statement ${cg.document} ?doc } }
  OPTIONAL { GRAPH ?g { ?statement ${cg.confidence} ?confidence } }
  OPTIONAL { GRAPH ?g { ?statement ${cg.severity} ?severity } }
  OPTIONAL { GRAPH ?g { ?statement ${cg.allele} ?allele } }
  OPTIONAL { GRAPH ?g { ?statement ${cg.evidenceLevel} ?level } }
  OPTIONAL { GRAPH ${graphs.seed} { ?other ${rdfs.label} ?label } }
} LIMIT ${integerToken(limit * 20)}`.text,
  );
  return groupEdges(results.results?.bindings ?? [], direction);
}

function groupEdges(rows: Record<string, SparqlTerm>[], direction: 'out' | 'in'): Neighbor[] {
  const edges = new Map<string, Neighbor>();
  for (const row of rows) {
    const predicate = row.p!.value;
    const node = row.other!.value;
    const graphIri = row.g!.value;
    const key = `${predicate} ${node} ${graphIri}`;
    let edge = edges.get(key);
    if (!edge) {
      edge = {
        direction,
        predicate,
        relation: predicate.startsWith(CG) ? predicate.slice(CG.length) : predicate,
        node,
        ...codeOf(node),
        graph: graphIri,
        sources: [],
        documents: [],
      };
      edges.set(key, edge);
    }
    edge.label ??= row.label?.value;
    addOnce(edge.sources, row.source?.value);
    addOnce(edge.documents, row.doc?.value);
    if (row.confidence)
      edge.confidence = Math.max(edge.confidence ?? 0, Number(row.confidence.value));
    edge.severity ??= row.severity?.value;
    edge.allele ??= row.allele?.value;
    edge.evidenceLevel ??= row.level?.value;
  }
  return [...edges.values()].map((edge) => (edge.label === undefined ? withoutLabel(edge) : edge));
}

function withoutLabel(edge: Neighbor): Neighbor {
  const { label: _label, ...rest } = edge;
  return rest;
}

function addOnce(list: string[], value: string | undefined): void {
  if (value !== undefined && !list.includes(value)) list.push(value);
}

export interface EvidencePaths {
  drug: string;
  disease: string;
  /** drug treats disease (curated or literature). */
  treats: Neighbor[];
  /** drug contraindicated with disease. */
  contraindications: Neighbor[];
  /** genes whose variants change the response to the drug (CPIC pairs). */
  genes: Neighbor[];
  /** adverse effects the drug can cause. */
  adverseEffects: Neighbor[];
  /** drugs it interacts with. */
  interactions: Neighbor[];
}

/** Identifies a concept by code system and code, or by IRI. */
export type ConceptRef = { system: string; code: string } | IriTerm;

/**
 * The evidence a recommender weighs for giving `drug` to a patient with `disease`: whether it treats
 * it, is contraindicated with it, which pharmacogenes and adverse effects it has, what it interacts
 * with, each with provenance. Public graphs only unless `scope.graphs` is given.
 */
export async function evidencePaths(
  graph: GraphStore,
  drug: ConceptRef,
  disease: ConceptRef,
  scope: GraphScope = {},
): Promise<EvidencePaths> {
  const drugIri = toIri(drug);
  const diseaseIri = toIri(disease);
  const equivalent = await equivalents(graph, diseaseIri);
  const about = (edges: Neighbor[]) => edges.filter((edge) => equivalent.has(edge.node));
  const edges = (predicate: IriTerm, direction: 'out' | 'in') =>
    neighborsOf(graph, drugIri, { ...scope, predicates: [predicate], direction, limit: MAX_LIMIT });
  const [treats, contraindicated, genes, effects, out, into] = await Promise.all([
    edges(cg.treats, 'out'),
    edges(cg.contraindicatedWith, 'out'),
    edges(cg.pgxGeneDrug, 'in'),
    edges(cg.causes, 'out'),
    edges(cg.interactsWith, 'out'),
    edges(cg.interactsWith, 'in'),
  ]);
  return {
    drug: drugIri.value,
    disease: diseaseIri.value,
    treats: about(treats),
    contraindications: about(contraindicated),
    genes,
    adverseEffects: effects,
    interactions: [...out, ...into],
  };
}

function toIri(ref: ConceptRef): IriTerm {
  return 'termType' in ref ? iri(ref.value) : conceptIri(ref.system, ref.code);
}

async function equivalents(graph: GraphStore, node: IriTerm): Promise<Set<string>> {
  const results = await graph.query(
    sparql`SELECT DISTINCT ?same WHERE { ${node} (${skos.exactMatch}|^${skos.exactMatch})* ?same }`
      .text,
  );
  const found = new Set((results.results?.bindings ?? []).map((row) => row.same!.value));
  found.add(node.value);
  return found;
}
