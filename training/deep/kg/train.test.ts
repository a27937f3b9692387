import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdOutEdges, indexGraph, normalisedAdjacency, parseTriples } from './graph';
import { plantedTreatsGraph } from './planted';
import { trainKgLink } from './train';

let dir: string;

describe('Function: trainKgLink', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-kg-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads TSV and JSON-lines triples and names the bad line', () => {
    const triples = parseTriples(
      '# drugs\na\ttreats\tb\n{"head":"c","relation":"treats","tail":"d"}\n',
    );
    expect(triples).toEqual([
      { head: 'a', relation: 'treats', tail: 'b' },
      { head: 'c', relation: 'treats', tail: 'd' },
    ]);
    expect(() => parseTriples('a\ttreats\tb\n{"head":"c","tail":"d"}')).toThrow(/line 2: relation/);
  });

  it('normalises the adjacency as D^-1/2 (A + I) D^-1/2', () => {
    // Path a - b - c: degrees with self loops 2, 3, 2; weight(a -> b) = 1 / sqrt(2 * 3).
    const graph = indexGraph(parseTriples('a\tr\tb\nb\tr\tc'));
    const adj = normalisedAdjacency(3, graph.triples);
    const k = adj.source.findIndex((s, i) => s === 0 && adj.target[i] === 1);
    expect(adj.weight[k]).toBeCloseTo(1 / Math.sqrt(6), 12);
    expect(adj.source).toHaveLength(3 + 4);
  });

  it('holds out a share of treats edges and keeps every other relation for training', () => {
    const graph = indexGraph(
      plantedTreatsGraph({ classes: 2, drugsPerClass: 2, diseasesPerClass: 5 }),
    );
    const { train, test } = holdOutEdges(graph, 'treats', 0.25, 3);
    expect(test).toHaveLength(5);
    expect(train.length + test.length).toBe(graph.triples.length);
    expect(test.every((t) => graph.relations[t.relation] === 'treats')).toBe(true);
    expect(() => holdOutEdges(graph, 'causes', 0.2, 3)).toThrow(/no "causes" edges/);
  });

  it('recovers held-out treats edges planted by drug class', async () => {
    // Prepare: 4 classes x (3 drugs, 4 diseases); each drug treats its class's 4 diseases.
    const triplesFile = join(dir, 'planted.tsv');
    const planted = plantedTreatsGraph({ classes: 4, drugsPerClass: 3, diseasesPerClass: 4 });
    await writeFile(
      triplesFile,
      planted.map((t) => `${t.head}\t${t.relation}\t${t.tail}`).join('\n'),
    );
    const out = join(dir, 'model');
    // Act
    const result = await trainKgLink({
      triplesFile,
      out,
      epochs: 150,
      hiddenDim: 16,
      inputDim: 16,
      seed: 2,
      backend: 'wasm',
    });
    // Assess: 48 treats edges, 10 held out, 32 entities: a random ranking has MRR near 0.13.
    expect(result.backend).toBe('wasm');
    expect(result.heldOut).toBe(10);
    expect(result.auroc).toBeGreaterThan(0.9);
    expect(result['hits@10']).toBeGreaterThanOrEqual(0.8);
    expect(result.mrr).toBeGreaterThan(0.3);
    const header = JSON.parse(await readFile(join(out, 'model.json'), 'utf8'));
    expect(header).toMatchObject({
      format: 'caregraph-model/1',
      kind: 'tfjs-gcn-link',
      name: 'kg-link-treats',
    });
  });
});
