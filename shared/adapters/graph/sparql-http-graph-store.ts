// Secondary adapter: GraphStore over the SPARQL 1.1 Protocol with fetch: Amazon Neptune in AWS
// (SigV4-signed, bulk loader via S3 for large batches), local/sparql-server.ts in the embedded stack.
import { ValidationError } from '../../domain/errors';
import { termText } from '../../domain/kg/sparql';
import type { GraphStore, SparqlResults } from '../../ports/graph-store';
import {
  parseGraphJson,
  sendGraphRequest,
  type GraphEndpoint,
  type GraphRequestSigner,
} from './graph-endpoint';
import { runNeptuneBulkLoad, type NeptuneBulkLoaderOptions } from './neptune-bulk-loader';
import { splitNQuads, type BlankNodeTerm, type NQuadsStatement } from './nquads-statements';

export type { GraphHttpRequest, GraphRequestSigner } from './graph-endpoint';
export type { NeptuneBulkLoaderOptions } from './neptune-bulk-loader';

export interface SparqlHttpGraphStoreOptions {
  /** Base URL without `/sparql`, e.g. https://cluster.region.neptune.amazonaws.com:8182. */
  endpoint: string;
  /** Signs each request (neptuneSigner for IAM auth); omit for the local endpoint. */
  sign?: GraphRequestSigner;
  /** Enables the bulk loader for batches above BULK_LOAD_MIN_BYTES. */
  loader?: NeptuneBulkLoaderOptions;
  /** Per-request limit in ms; default 150 000. */
  requestTimeoutMs?: number;
}

/** N-Quads batches above this size (1 MiB of UTF-8) go through the bulk loader when one is configured. */
export const BULK_LOAD_MIN_BYTES = 1024 * 1024;
/** Statements per INSERT DATA request on the update path. */
export const INSERT_CHUNK_QUADS = 5000;

const FORM = 'application/x-www-form-urlencoded';

export class SparqlHttpGraphStore implements GraphStore {
  private readonly target: GraphEndpoint;

  constructor(private readonly options: SparqlHttpGraphStoreOptions) {
    this.target = {
      endpoint: options.endpoint,
      ...(options.sign ? { sign: options.sign } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    };
  }

  async query(sparql: string): Promise<SparqlResults> {
    const text = await this.post('query', sparql, 'application/sparql-results+json');
    return parseGraphJson<SparqlResults>(text, 'a SPARQL query');
  }

  async construct(sparql: string): Promise<string> {
    return this.post('query', sparql, 'application/n-triples');
  }

  async update(sparql: string): Promise<void> {
    await this.post('update', sparql, '*/*');
  }

  /**
   * Loads N-Quads and returns how many statements the text held. With a loader configured and more
   * than 1 MiB of text, the batch is staged to S3 and bulk-loaded; otherwise it is sent as
   * INSERT DATA requests of up to 5000 statements, grouped by graph. On that path blank-node labels
   * are scoped to one request (SPARQL 1.1 Update §3.1.1), so keep a blank node's statements
   * together or use IRIs; and blank-node graph names are refused, as SPARQL cannot write them.
   */
  async loadNQuads(nquads: string): Promise<{ quads: number }> {
    const statements = splitNQuads(nquads);
    if (statements.length === 0) return { quads: 0 };
    const loader = this.options.loader;
    if (loader && Buffer.byteLength(nquads, 'utf8') > BULK_LOAD_MIN_BYTES) {
      await runNeptuneBulkLoad(this.target, loader, await loader.stage(nquads));
      return { quads: statements.length };
    }
    if (statements.some((statement) => statement.graph?.termType === 'BlankNode')) {
      throw new ValidationError(
        'a blank-node graph name cannot be written with SPARQL Update',
        'graph',
      );
    }
    // Every request is written before the first is sent, so a statement that cannot be written
    // leaves the graph as it was rather than half-loaded.
    const requests: string[] = [];
    for (let start = 0; start < statements.length; start += INSERT_CHUNK_QUADS)
      requests.push(insertData(statements.slice(start, start + INSERT_CHUNK_QUADS)));
    for (const request of requests) await this.update(request);
    return { quads: statements.length };
  }

  private post(field: 'query' | 'update', sparql: string, accept: string): Promise<string> {
    return sendGraphRequest(this.target, {
      method: 'POST',
      path: '/sparql',
      headers: { 'content-type': FORM, accept },
      body: new URLSearchParams({ [field]: sparql }).toString(),
    });
  }
}

/**
 * One INSERT DATA request: default-graph statements bare, the rest in a GRAPH block per graph. The
 * text is written from the parsed terms, never from the input lines: IRIs and literals through
 * termText, blank nodes relabelled `_:b0`, `_:b1`... (one label per distinct input label within the
 * request, which is the whole scope of a blank-node label in SPARQL Update, §3.1.1). Relabelling also
 * covers labels N-Quads allows but SPARQL does not (a ':' after the first character).
 */
function insertData(statements: NQuadsStatement[]): string {
  const labels = new Map<string, string>();
  const text = (term: NQuadsStatement['object']): string =>
    term.termType === 'BlankNode' ? blankNodeText(term, labels) : termText(term);
  const byGraph = new Map<string, string[]>();
  for (const { subject, predicate, object, graph } of statements) {
    const key = graph ? text(graph) : '';
    const triples = byGraph.get(key) ?? [];
    triples.push(`${text(subject)} ${termText(predicate)} ${text(object)} .`);
    byGraph.set(key, triples);
  }
  const blocks = [...byGraph].map(([graph, triples]) =>
    graph === '' ? triples.join('\n') : `GRAPH ${graph} {\n${triples.join('\n')}\n}`,
  );
  return `INSERT DATA {\n${blocks.join('\n')}\n}`;
}

function blankNodeText(term: BlankNodeTerm, labels: Map<string, string>): string {
  let label = labels.get(term.value);
  if (label === undefined) {
    label = `_:b${labels.size}`;
    labels.set(term.value, label);
  }
  return label;
}
