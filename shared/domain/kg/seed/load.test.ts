import { describe, expect, it } from 'vitest';
import { primaryCode } from '../../nlp/linking/link';
import { adverseEffectRows, resolveAdverseEffects } from '../../nlp/relations/adverse/index';
import { starterVocabulary } from '../../nlp/vocabulary/index';
import { conceptIri } from '../model';
import { cg, dct, rdf, rdfs } from '../vocabulary';
import { seedQuads } from './load';

describe('Function: seedQuads (curated adverse effects of the vocabulary)', () => {
  const { quads } = seedQuads();
  const { effects } = resolveAdverseEffects(adverseEffectRows, starterVocabulary);
  const nodeOf = (c: (typeof effects)[number]['drug']) => {
    const code = primaryCode(c)!;
    return conceptIri(code.system, code.code).value;
  };
  const coded = effects.filter((e) => primaryCode(e.drug) && primaryCode(e.effect));

  it('states every coded known adverse effect as drug causes effect, with its source', () => {
    expect(coded.length).toBeGreaterThan(100);
    const causes = new Set(
      quads
        .filter((q) => q.predicate.value === cg.causes.value)
        .map((q) => `${q.subject.value} ${q.object.value}`),
    );
    const missing = coded.filter((e) => !causes.has(`${nodeOf(e.drug)} ${nodeOf(e.effect)}`));
    expect(missing.map((e) => `${e.drug.preferred} -> ${e.effect.preferred}`)).toEqual([]);
    const sources = new Set(
      quads.filter((q) => q.predicate.value === dct.source.value).map((q) => q.object.value),
    );
    expect(sources.has(coded[0]!.source)).toBe(true);
  });

  it('labels and types the nodes of those statements', () => {
    const labelled = new Set(
      quads.filter((q) => q.predicate.value === rdfs.label.value).map((q) => q.subject.value),
    );
    const typed = new Set(
      quads.filter((q) => q.predicate.value === rdf.type.value).map((q) => q.subject.value),
    );
    const nodes = coded.flatMap((e) => [nodeOf(e.drug), nodeOf(e.effect)]);
    expect(nodes.filter((n) => !labelled.has(n) || !typed.has(n))).toEqual([]);
  });
});
