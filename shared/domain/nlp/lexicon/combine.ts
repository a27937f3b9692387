// Domain (nlp/lexicon): merge dictionary entities with a sequence tagger's (the BiLSTM in training/):
// the union of both, and where spans overlap, the longer span wins, then the more confident one. A
// tagger span without a code takes the code of a dictionary span with exactly the same offsets.
import type { ClinicalEntity } from '../model';

/**
 * Union of `dictionaryEntities` and `taggerEntities` without overlapping spans (offsets are UTF-16,
 * `end` exclusive; confidence 0-1). On overlap: longer span first, then higher confidence, then the
 * dictionary (its codes are curated). Output is sorted by start offset.
 */
export function combineEntities(
  dictionaryEntities: readonly ClinicalEntity[],
  taggerEntities: readonly ClinicalEntity[],
): ClinicalEntity[] {
  const byOffsets = new Map(dictionaryEntities.map((e) => [`${e.start}:${e.end}`, e]));
  const tagged = taggerEntities.map((t) => {
    const same = byOffsets.get(`${t.start}:${t.end}`);
    return t.code === undefined && same?.code !== undefined
      ? { ...t, code: same.code, system: same.system, ...(same.codes ? { codes: same.codes } : {}) }
      : t;
  });
  const ranked = [
    ...dictionaryEntities.map((e) => ({ e, dictionary: 1 })),
    ...tagged.map((e) => ({ e, dictionary: 0 })),
  ].sort(
    (a, b) =>
      b.e.end - b.e.start - (a.e.end - a.e.start) ||
      b.e.confidence - a.e.confidence ||
      b.dictionary - a.dictionary,
  );
  const kept: ClinicalEntity[] = [];
  for (const { e } of ranked)
    if (!kept.some((k) => k.start < e.end && e.start < k.end)) kept.push(e);
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
