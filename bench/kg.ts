// Benchmark: the knowledge graph in the embedded store (oxigraph behind local/sparql-server.ts).
// Builds a synthetic graph of about ctx.size triples (default 1,000,000) shaped like the real one:
// drug and disease concepts with labels, and treats/causes/interactsWith edges each reified with
// provenance, plus the curated seed. Reports the bulk-load rate (N-Quads parsed and inserted, the
// work the /loader endpoint does per staged file) and the p50/p95 of one-hop `neighbors` queries
// over HTTP, as the API route runs them. Target: p95 < 20 ms on 1M triples.
import { startSparqlServer } from '../local/sparql-server';
import { SparqlHttpGraphStore } from '../shared/adapters/graph/sparql-http-graph-store';
import { conceptIri, graphs } from '../shared/domain/kg/model';
import { neighbors } from '../shared/domain/kg/queries';
import { loadSeedKnowledge } from '../shared/domain/kg/seed/load';
import { literal } from '../shared/domain/kg/sparql';
import { toNQuads, withProvenance, type Quad } from '../shared/domain/kg/statements';
import { cg, rdfs, vocabularyVersion } from '../shared/domain/kg/vocabulary';
import type { BenchContext, BenchResult } from './suites';

// Quads per reified edge: asserted triple, 4 reification triples, source, version, confidence (8),
// plus two labels for every five edges.
const QUADS_PER_EDGE = 8.4;
const QUERIES = 300;

/** Deterministic pseudo-random integers (mulberry32), so runs compare. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const drugCode = (i: number) => String(90_000_000 + i);
const diseaseCode = (i: number) => String(900_000_000 + i);

export function syntheticQuads(size: number): string[] {
  const edges = Math.max(10, Math.floor(size / QUADS_PER_EDGE));
  const concepts = Math.max(10, Math.floor(edges / 5));
  const random = rng(42);
  const pick = (n: number) => Math.floor(random() * n);
  const graph = graphs.seed;
  const chunks: string[] = [];
  let batch: Quad[] = [];
  const flush = () => {
    chunks.push(toNQuads(batch));
    batch = [];
  };
  for (let i = 0; i < concepts; i += 1) {
    const drug = conceptIri('rxnorm', drugCode(i));
    const disease = conceptIri('snomed', diseaseCode(i));
    batch.push({
      subject: drug,
      predicate: rdfs.label,
      object: literal(`drug ${i}`, { language: 'en' }),
      graph,
    });
    batch.push({
      subject: disease,
      predicate: rdfs.label,
      object: literal(`disease ${i}`, { language: 'en' }),
      graph,
    });
  }
  const predicates = [cg.treats, cg.causes, cg.interactsWith, cg.contraindicatedWith];
  for (let e = 0; e < edges; e += 1) {
    const predicate = predicates[e % predicates.length]!;
    const subject = conceptIri('rxnorm', drugCode(pick(concepts)));
    const object =
      predicate === cg.interactsWith
        ? conceptIri('rxnorm', drugCode(pick(concepts)))
        : conceptIri('snomed', diseaseCode(pick(concepts)));
    batch.push(
      ...withProvenance(
        { subject, predicate, object, graph },
        {
          source: `synthetic source ${e % 97}`,
          vocabularyVersion,
          confidence: 0.5 + (e % 50) / 100,
        },
      ),
    );
    if (batch.length >= 50_000) flush();
  }
  flush();
  return chunks;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `caregraph bench kg`: ctx.size triples (default 1,000,000). */
export async function kgBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const size = ctx.size ?? 1_000_000;
  ctx.progress(`kg: generating about ${size} synthetic triples`);
  const generated = Date.now();
  const chunks = syntheticQuads(size);
  const generateSeconds = (Date.now() - generated) / 1000;
  const server = await startSparqlServer({ port: 0 });
  try {
    const graph = new SparqlHttpGraphStore({ endpoint: server.url });
    await loadSeedKnowledge(graph);
    ctx.progress('kg: bulk loading');
    const before = server.store.size;
    const started = process.hrtime.bigint();
    for (const chunk of chunks) server.store.load(chunk, { format: 'application/n-quads' });
    const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const triples = server.store.size;
    const concepts = Math.max(10, Math.floor(Math.max(10, Math.floor(size / QUADS_PER_EDGE)) / 5));
    ctx.progress(`kg: ${triples} triples loaded; ${QUERIES} neighbour queries`);
    const random = rng(7);
    const timings: number[] = [];
    let edges = 0;
    for (let q = 0; q < QUERIES; q += 1) {
      const code = drugCode(Math.floor(random() * concepts));
      const t0 = process.hrtime.bigint();
      edges += (await neighbors(graph, 'rxnorm', code, { limit: 50 })).length;
      timings.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    timings.sort((a, b) => a - b);
    const p95 = percentile(timings, 95);
    return {
      metrics: {
        triples,
        generate_s: Number(generateSeconds.toFixed(2)),
        bulk_load_triples_per_s: Math.round((triples - before) / loadSeconds),
        neighbors_p50_ms: Number(percentile(timings, 50).toFixed(2)),
        neighbors_p95_ms: Number(p95.toFixed(2)),
        neighbors_max_ms: Number(timings[timings.length - 1]!.toFixed(2)),
        mean_edges_per_query: Number((edges / QUERIES).toFixed(1)),
        target_p95_ms: 20,
        meets_target: p95 < 20 ? 'yes' : 'no',
      },
      notes: [
        'bulk load = oxigraph parse + insert of N-Quads in-process (what /loader does per staged file); excludes S3 transfer',
        'neighbour queries go over HTTP to the embedded SPARQL endpoint, two queries (in and out) per call, run concurrently',
        'the synthetic graph is in the seed graph, the one public graph queried by default',
      ],
    };
  } finally {
    await server.close();
  }
}
