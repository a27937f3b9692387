// Integration: the knowledge graph through the API on the embedded stack: the seed knowledge loaded
// at start is searchable and navigable by any signed-in role, and hostile input is a 400, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, startTestStack, type TestStack } from './helpers/stack';

type Items<T> = { items: T[] };

describe('API: /kg', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.stop());

  it('finds a drug by name in the seed knowledge and lists what it treats, with sources', async () => {
    const found = (await apiGet(stack, '/kg/concepts?q=metformin', 'east'))
      .body as unknown as Items<{ label: string; system: string; code: string }>;
    const metformin = found.items.find((c) => c.label.toLowerCase() === 'metformin');
    expect(metformin).toBeDefined();
    const path = `/kg/concepts/${encodeURIComponent(metformin!.system)}/${encodeURIComponent(metformin!.code)}/neighbors`;
    const around = (await apiGet(stack, path, 'east', 'patient', 'p1')).body as unknown as Items<{
      relation: string;
      label?: string;
      sources: string[];
    }>;
    const treats = around.items.filter((n) => n.relation === 'treats');
    expect(treats.length).toBeGreaterThan(0);
    for (const t of treats) expect(t.sources.length).toBeGreaterThan(0);
  });

  it('loads the seed once however often the stack starts (the seed graph is replaced, not appended)', async () => {
    const count = async () => {
      const r = await stack.deps.graph.query(
        'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }',
      );
      return Number(r.results!.bindings[0]!.n!.value);
    };
    const before = await count();
    const { loadSeedKnowledge } = await import('../shared/domain/kg/seed/load');
    await loadSeedKnowledge(stack.deps.graph);
    expect(await count()).toBe(before);
  });

  it.each([
    '/kg/concepts?q=',
    `/kg/concepts?q=${'x'.repeat(201)}`,
    "/kg/concepts/http%3A%2F%2Fevil/1'%7D%20DROP%20ALL/neighbors",
    '/kg/concepts/rxnorm/%3E%20%3Cx/neighbors',
  ])('answers GET %s with 400 or 404, never a 500', async (path) => {
    expect([400, 404]).toContain((await apiGet(stack, path, 'east')).status);
  });
});
