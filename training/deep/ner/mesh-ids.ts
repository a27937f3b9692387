// Training (NER): MeSH ids for the combined system's entities that the dictionary could not code, by
// the name -> id table (shared/domain/nlp/linking/mesh-names) learned from an annotated corpus's
// training mentions (their MeSH ids) and the curated vocabulary's MeSH codes, so tagged spans carry
// ids as often as dictionary matches do (the CID relation pairs ids: Wei et al. 2016, Database baw032).
// Extra names (the NCBI-disease training split's Disease mentions for BC5CDR) fill only names the
// table lacks. 5-fold CV on the BC5CDR training split (sequence-tagger spans of models that never saw
// the fold, ids from the other folds' names), share of gold CID pairs with both ids found / CID F1:
// 0.4586 / 0.3884 before; 0.4653 / 0.3902 with the name variants of linking/mesh-names; 0.4701 /
// 0.3893 with the NCBI-disease names as well.
import type { PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import {
  fillMeshIds,
  learnMeshNames,
  type MeshNameTable,
  type NamedId,
} from '../../../shared/domain/nlp/linking/mesh-names';
import { codeSystems, type ClinicalEntity } from '../../../shared/domain/nlp/model';
import { starterVocabulary } from '../../../shared/domain/nlp/vocabulary/index';
import { corpusEraMeshId } from '../../../shared/domain/nlp/vocabulary/mesh-former-ids';

/** Mentions of `docs` that carry a MeSH descriptor or supplementary id (D..., C...). */
export function meshNamesOf(docs: readonly PubtatorDocument[]): NamedId[] {
  return docs.flatMap((d) =>
    d.mentions.flatMap((m): NamedId[] =>
      m.id && /^[CD]\d+$/.test(m.id) ? [{ name: m.text, type: m.type, id: m.id }] : [],
    ),
  );
}

/**
 * The name -> MeSH id table of `train`'s mentions plus the curated vocabulary, and `extra` names
 * (e.g. another public corpus's training mentions) where neither has the name.
 */
export function corpusMeshTable(
  train: readonly PubtatorDocument[],
  extra: readonly NamedId[] = [],
): MeshNameTable {
  const annotated = train.flatMap((d) =>
    d.mentions.flatMap((m): NamedId[] => (m.id ? [{ name: m.text, type: m.type, id: m.id }] : [])),
  );
  const curated = starterVocabulary.flatMap((c) => {
    const id = c.codes.mesh && corpusEraMeshId(c.codes.mesh);
    return id ? [c.preferred, ...c.synonyms].map((name) => ({ name, type: c.type, id })) : [];
  });
  const own = learnMeshNames([...annotated, ...curated]);
  if (extra.length === 0) return own;
  const merged = new Map(learnMeshNames(extra));
  for (const [key, id] of own) merged.set(key, id);
  return merged;
}

/** `entities` of `text`, those without a MeSH code given one from `table` where it knows one. */
export function withMeshIds(
  table: MeshNameTable,
  text: string,
  entities: readonly ClinicalEntity[],
): ClinicalEntity[] {
  const filled = fillMeshIds(
    table,
    text,
    entities.map((e) => ({
      start: e.start,
      end: e.end,
      type: e.type,
      ...(e.codes?.mesh ? { id: e.codes.mesh } : {}),
    })),
  );
  return entities.map((e, i) => {
    const id = filled[i]!.id;
    if (!id || e.codes?.mesh) return e;
    return {
      ...e,
      codes: { ...e.codes, mesh: id },
      ...(e.code ? {} : { code: id, system: codeSystems.mesh }),
    };
  });
}
