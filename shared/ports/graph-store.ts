// Port: the knowledge graph over SPARQL 1.1 (Amazon Neptune in AWS, oxigraph locally).

/** A SPARQL 1.1 Query Results JSON term. */
export interface SparqlTerm {
  type: 'uri' | 'literal' | 'bnode' | 'triple';
  value: string;
  datatype?: string;
  'xml:lang'?: string;
}

/** SPARQL 1.1 Query Results JSON Format (W3C Recommendation 2013). */
export interface SparqlResults {
  head: { vars?: string[]; link?: string[] };
  results?: { bindings: Record<string, SparqlTerm>[] };
  boolean?: boolean;
}

export interface GraphStore {
  /** SELECT or ASK. */
  query(sparql: string): Promise<SparqlResults>;
  /** CONSTRUCT or DESCRIBE, returned as N-Triples text. */
  construct(sparql: string): Promise<string>;
  /** SPARQL 1.1 Update (INSERT DATA, DELETE/INSERT WHERE, DROP GRAPH...). */
  update(sparql: string): Promise<void>;
  /** Bulk-load N-Quads (Neptune bulk loader in AWS; the local endpoint's loader locally). */
  loadNQuads(nquads: string): Promise<{ quads: number }>;
}
