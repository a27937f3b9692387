// Training (deep, NER): the tagger as a caregraph-model/1 directory (kind tfjs-ner-tagger): the
// layers topology and weights plus the lexicon (words, shapes, tags) needed to featurise text.
import {
  layersModelArtifacts,
  layersModelFromDocument,
  loadDeepModel,
  saveDeepModel,
  type ModelCard,
} from '../model-dir';
import type { TaggerLexicon } from './features';
import type { TaggerShape } from './model';
import type { Tagger } from './tagger';

export const taggerKind = 'tfjs-ner-tagger';

interface TaggerMetadata {
  lexicon: TaggerLexicon;
  shape: TaggerShape;
}

/** Write a tagger to `dir` under `name` (SageMaker-style) with its model card. */
export async function saveTagger(
  dir: string,
  tagger: Tagger,
  name: string,
  card: ModelCard,
): Promise<void> {
  const { modelTopology, weights } = await layersModelArtifacts(tagger.model);
  await saveDeepModel<TaggerMetadata>(dir, {
    header: { kind: taggerKind, name, version: '1.0.0', features: ['text'] },
    metadata: { lexicon: tagger.lexicon, shape: tagger.shape },
    modelTopology,
    weights,
    card,
  });
}

/** Read a tagger written by saveTagger. */
export async function loadTagger(dir: string): Promise<Tagger> {
  const document = await loadDeepModel<TaggerMetadata>(dir, taggerKind);
  const model = await layersModelFromDocument(document);
  return { model, lexicon: document.metadata.lexicon, shape: document.metadata.shape };
}
