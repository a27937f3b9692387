// Training (NER): MeSH ids for the combined system's entities that the dictionary could not code, by
// the name -> id table (shared/domain/nlp/linking/mesh-names) learned from an annotated corpus's
// training mentions (their MeSH ids) and the curated vocabulary's MeSH codes, so tagged spans carry
// ids as often as dictionary matches do (the CID relation pairs ids: Wei et al. 2016, Database baw032).
import type { PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import {
  fillMeshIds,
  learnMeshNames,
  type MeshNameTable,
  type NamedId,
} from '../../../shared/domain/nlp/linking/mesh-names';
import { codeSystems, type ClinicalEntity } from '../../../shared/domain/nlp/model';
import { starterVocabulary } from '../../../shared/domain/nlp/vocabulary/index';

/** The name -> MeSH id table of `train`'s mentions plus the curated vocabulary. */
export function corpusMeshTable(train: readonly PubtatorDocument[]): MeshNameTable {
  const annotated = train.flatMap((d) =>
    d.mentions.flatMap((m): NamedId[] => (m.id ? [{ name: m.text, type: m.type, id: m.id }] : [])),
  );
  const curated = starterVocabulary.flatMap((c) => {
    const id = c.codes.mesh;
    return id ? [c.preferred, ...c.synonyms].map((name) => ({ name, type: c.type, id })) : [];
  });
  return learnMeshNames([...annotated, ...curated]);
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
