// Training (deep, KG): typed triples -> indexed graph -> held-out "treats" edges and the
// normalised adjacency the GCN propagates over. Triples file: one `head<TAB>relation<TAB>tail`
// per line, or JSON lines {"head","relation","tail"}; blank lines and `#` comments are skipped.
import { ValidationError } from '../../../shared/domain/errors';
import { seededRandom, shuffled } from '../../../shared/domain/random';

export interface Triple {
  head: string;
  relation: string;
  tail: string;
}

/** Triples as entity and relation indices. */
export interface IndexedTriple {
  head: number;
  relation: number;
  tail: number;
}

export interface IndexedGraph {
  entities: string[];
  relations: string[];
  triples: IndexedTriple[];
}

/** Parse a triples file's text; throws ValidationError naming the line at fault. */
export function parseTriples(content: string): Triple[] {
  const triples: Triple[] = [];
  for (const [i, raw] of content.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let t: Partial<Triple> = {};
    if (line.startsWith('{')) {
      try {
        t = JSON.parse(line) as Partial<Triple>;
      } catch (error) {
        throw new ValidationError(`triples line ${i + 1}: not valid JSON`, `line ${i + 1}`, {
          cause: error,
        });
      }
    } else {
      const [head, relation, tail, ...rest] = line.split('\t');
      if (rest.length > 0)
        throw new ValidationError(
          `triples line ${i + 1}: expected 3 tab-separated fields`,
          `line ${i + 1}`,
        );
      t = { head, relation, tail };
    }
    for (const field of ['head', 'relation', 'tail'] as const)
      if (typeof t[field] !== 'string' || t[field] === '')
        throw new ValidationError(
          `triples line ${i + 1}: ${field}: expected a non-empty string`,
          field,
        );
    triples.push({ head: t.head!, relation: t.relation!, tail: t.tail! });
  }
  if (triples.length === 0)
    throw new ValidationError('triples: the file holds no triples', 'triplesFile');
  return triples;
}

/** Index entities and relations in first-seen order; duplicate triples are kept once. */
export function indexGraph(triples: readonly Triple[]): IndexedGraph {
  const entities = new Map<string, number>();
  const relations = new Map<string, number>();
  const id = (map: Map<string, number>, key: string) => {
    if (!map.has(key)) map.set(key, map.size);
    return map.get(key)!;
  };
  const seen = new Set<string>();
  const indexed: IndexedTriple[] = [];
  for (const t of triples) {
    const it = {
      head: id(entities, t.head),
      relation: id(relations, t.relation),
      tail: id(entities, t.tail),
    };
    const key = `${it.head} ${it.relation} ${it.tail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    indexed.push(it);
  }
  return { entities: [...entities.keys()], relations: [...relations.keys()], triples: indexed };
}

/**
 * Hold out `fraction` (0-1) of the `relation` edges for evaluation, at least one; all other triples
 * (including the remaining `relation` edges) are for training and message passing.
 */
export function holdOutEdges(
  graph: IndexedGraph,
  relation: string,
  fraction: number,
  seed: number,
): { train: IndexedTriple[]; test: IndexedTriple[] } {
  const r = graph.relations.indexOf(relation);
  if (r < 0)
    throw new ValidationError(`relation: no "${relation}" edges in the triples`, 'relation');
  const target = shuffled(
    graph.triples.filter((t) => t.relation === r),
    seededRandom(seed),
  );
  const n = Math.max(1, Math.round(target.length * fraction));
  if (n >= target.length)
    throw new ValidationError(
      `relation: too few "${relation}" edges (${target.length}) to hold some out`,
      'relation',
    );
  const test = new Set(target.slice(0, n));
  return { train: graph.triples.filter((t) => !test.has(t)), test: [...test] };
}

/**
 * Symmetric-normalised adjacency with self loops, Â = D^-1/2 (A + I) D^-1/2 (Kipf & Welling,
 * ICLR 2017, eq. 2), as an edge list: messages flow source -> target with weight Â[target][source].
 * Edges are undirected and relation-blind; repeated pairs count once.
 */
export function normalisedAdjacency(
  entityCount: number,
  triples: readonly IndexedTriple[],
): { source: number[]; target: number[]; weight: number[] } {
  const pairs = new Set<number>();
  for (let i = 0; i < entityCount; i += 1) pairs.add(i * entityCount + i);
  for (const t of triples) {
    pairs.add(t.head * entityCount + t.tail);
    pairs.add(t.tail * entityCount + t.head);
  }
  const degree = new Array<number>(entityCount).fill(0);
  const source: number[] = [];
  const target: number[] = [];
  for (const p of pairs) {
    const s = Math.floor(p / entityCount);
    source.push(s);
    target.push(p % entityCount);
    degree[s] = (degree[s] as number) + 1;
  }
  const weight = source.map(
    (s, k) => 1 / Math.sqrt((degree[s] as number) * (degree[target[k]!] as number)),
  );
  return { source, target, weight };
}
