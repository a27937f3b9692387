// Secondary adapter: GraphStore over an in-process oxigraph store, for tests and benchmarks that need
// real SPARQL without a server. Reads see the default graph as the union of all graphs, as Neptune's.
import oxigraph, { type Store } from 'oxigraph';
import { ValidationError } from '../../domain/errors';
import type { GraphStore, SparqlResults } from '../../ports/graph-store';

export class MemoryGraphStore implements GraphStore {
  readonly store: Store = new oxigraph.Store();

  async query(sparql: string): Promise<SparqlResults> {
    const text = this.run(() =>
      this.store.query(sparql, {
        results_format: 'application/sparql-results+json',
        use_default_graph_as_union: true,
      }),
    ) as string;
    return JSON.parse(text) as SparqlResults;
  }

  async construct(sparql: string): Promise<string> {
    return this.run(() =>
      this.store.query(sparql, {
        results_format: 'application/n-triples',
        use_default_graph_as_union: true,
      }),
    ) as string;
  }

  async update(sparql: string): Promise<void> {
    this.run(() => this.store.update(sparql));
  }

  async loadNQuads(nquads: string): Promise<{ quads: number }> {
    this.run(() => this.store.load(nquads, { format: 'application/n-quads' }));
    return {
      quads: nquads.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length,
    };
  }

  private run<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      throw new ValidationError('the graph refused the SPARQL or N-Quads', undefined, {
        cause: error,
      });
    }
  }
}
