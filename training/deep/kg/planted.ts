// Training (deep, KG): a small synthetic knowledge graph with planted structure, for tests and
// benchmarks: drugs and diseases each belong to one of `classes` therapeutic classes, and every
// drug treats exactly the diseases of its own class (and none other), so a held-out treats edge is
// recoverable from the class memberships alone.
import type { Triple } from './graph';

export function plantedTreatsGraph(options: {
  classes: number;
  drugsPerClass: number;
  diseasesPerClass: number;
}): Triple[] {
  const triples: Triple[] = [];
  for (let c = 0; c < options.classes; c += 1) {
    const cls = `class:${c}`;
    for (let d = 0; d < options.drugsPerClass; d += 1) {
      const drug = `drug:${c}-${d}`;
      triples.push({ head: drug, relation: 'member_of', tail: cls });
      for (let s = 0; s < options.diseasesPerClass; s += 1)
        triples.push({ head: drug, relation: 'treats', tail: `disease:${c}-${s}` });
    }
    for (let s = 0; s < options.diseasesPerClass; s += 1)
      triples.push({ head: `disease:${c}-${s}`, relation: 'indication_of', tail: cls });
  }
  return triples;
}
