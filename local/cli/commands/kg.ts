// `caregraph kg query SPARQL [--json]`, `caregraph kg load FILE.nq`, `caregraph kg neighbors SYSTEM CODE
// [--json]`: talk to a running stack's SPARQL endpoint (found with --endpoint, else
// .caregraph/stack.json, or DIR/stack.json with --data-dir DIR, as the other stack commands).
// Thin: parse flags, build a SparqlHttpGraphStore for the stack, call the kg use cases, print.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ValidationError } from '../../../shared/domain/errors';
import { neighbors, type Neighbor } from '../../../shared/domain/kg/queries';
import { iri } from '../../../shared/domain/kg/sparql';
import { s3NQuadsStager } from '../../../shared/adapters/graph/s3-nquads-stager';
import { SparqlHttpGraphStore } from '../../../shared/adapters/graph/sparql-http-graph-store';
import type { SparqlResults } from '../../../shared/ports/graph-store';
import { curatedBucket, findStack, s3ClientFor, type StackInfo } from '../stack-client';
import { intFlag, out, parseFlags, UsageError, type Command } from '../io';

const usage = `Usage: caregraph kg query SPARQL [--json] [--endpoint URL] [--data-dir DIR]
       caregraph kg load FILE.nq [--json] [--endpoint URL] [--data-dir DIR]
       caregraph kg neighbors SYSTEM CODE [--limit N] [--graph IRI]... [--json] [--endpoint URL] [--data-dir DIR]
  query      run a SPARQL 1.1 SELECT/ASK (--json: SPARQL 1.1 Query Results JSON) or CONSTRUCT (N-Triples)
  load       load N-Quads; batches above 1 MiB are staged to S3 and bulk-loaded by the /loader API
  neighbors  one-hop edges of a concept with provenance; SYSTEM is rxnorm, snomed, icd10cm, mesh,
             hgnc, loinc, dbsnp or a FHIR system URI; public graphs unless --graph names others
  --endpoint the API URL of the running stack; else DIR/stack.json of --data-dir DIR (default .caregraph)`;

/** The flags every subcommand reads to find the stack. */
interface StackFlags {
  json?: boolean;
  endpoint?: string;
  'data-dir'?: string;
}

const stackOf = (values: StackFlags) => findStack(values.endpoint, values['data-dir']);

function graphStoreFor(stack: StackInfo): SparqlHttpGraphStore {
  const s3 = s3ClientFor(stack);
  return new SparqlHttpGraphStore({
    endpoint: stack.sparql,
    loader: {
      stage: s3NQuadsStager({ client: s3, bucket: curatedBucket(stack) }),
      region: 'us-east-1',
      pollMs: 100,
    },
  });
}

async function runQuery(args: string[], values: StackFlags) {
  if (args.length !== 1) throw new UsageError('kg query takes exactly one SPARQL argument');
  const graph = graphStoreFor(await stackOf(values));
  const text = args[0]!;
  if (/^\s*(?:PREFIX[^\n]*\n\s*)*(?:CONSTRUCT|DESCRIBE)\b/i.test(text)) {
    process.stdout.write(await graph.construct(text));
    return 0;
  }
  const results = await graph.query(text);
  if (values.json) out.json(results);
  else out.result(resultTable(results));
  return 0;
}

function resultTable(results: SparqlResults): string {
  if (results.boolean !== undefined) return String(results.boolean);
  const vars = results.head.vars ?? [];
  const rows = (results.results?.bindings ?? []).map((row) =>
    vars.map((v) => row[v]?.value ?? '').join('\t'),
  );
  return [vars.join('\t'), ...rows].join('\n');
}

async function runLoad(args: string[], values: StackFlags) {
  if (args.length !== 1) throw new UsageError('kg load takes exactly one FILE.nq argument');
  const file = args[0]!;
  if (!existsSync(file) || !statSync(file).isFile())
    throw new ValidationError(`file not found: ${basename(file)}`, 'FILE');
  const graph = graphStoreFor(await stackOf(values));
  const started = Date.now();
  const { quads } = await graph.loadNQuads(readFileSync(file, 'utf8'));
  const seconds = (Date.now() - started) / 1000;
  if (values.json) out.json({ file, quads, seconds });
  else out.result(`loaded ${quads} statements from ${basename(file)} in ${seconds.toFixed(1)} s`);
  return 0;
}

async function runNeighbors(
  args: string[],
  values: StackFlags & { limit?: string; graph?: string[] },
) {
  if (args.length !== 2) throw new UsageError('kg neighbors takes SYSTEM and CODE');
  const graph = graphStoreFor(await stackOf(values));
  const edges = await neighbors(graph, args[0]!, args[1]!, {
    limit: intFlag(values.limit, 'limit', 50, 1, 500),
    ...(values.graph?.length ? { graphs: values.graph.map((g) => iri(g, 'graph')) } : {}),
  });
  if (values.json) out.json({ system: args[0], code: args[1], neighbors: edges });
  else out.result(edges.length ? edges.map(edgeLine).join('\n') : 'no neighbours');
  return 0;
}

function edgeLine(edge: Neighbor): string {
  const other = edge.label ?? (edge.code ? `${edge.system}:${edge.code}` : edge.node);
  const arrow = edge.direction === 'out' ? `-${edge.relation}->` : `<-${edge.relation}-`;
  const source = edge.sources[0] ?? edge.documents[0] ?? '';
  return `${arrow} ${other}${source ? `  [${source}]` : ''}`;
}

export const kgCommand: Command = {
  name: 'kg',
  summary: 'query the knowledge graph, bulk-load N-Quads, list a concept’s neighbours',
  usage,
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      {
        json: { type: 'boolean' },
        endpoint: { type: 'string' },
        'data-dir': { type: 'string' },
        limit: { type: 'string' },
        graph: { type: 'string', multiple: true },
      },
      true,
    );
    if (values.help) {
      out.result(usage);
      return 0;
    }
    const [sub, ...args] = positionals;
    if (sub === 'query') return runQuery(args, values);
    if (sub === 'load') return runLoad(args, values);
    if (sub === 'neighbors') return runNeighbors(args, values);
    throw new UsageError(sub ? `unknown kg subcommand: ${sub}` : 'missing kg subcommand');
  },
};
