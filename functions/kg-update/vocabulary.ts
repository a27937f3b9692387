// Edge: the clinical NLP extractor kg-update injects, with the imported vocabularies the deployment
// names (CAREGRAPH_NLP_VOCABULARY_KEYS: VOCAB.jsonl files of `caregraph vocab import`, uploaded to the
// curated bucket under vocabulary/). On first use each file is streamed from the curated bucket,
// validated line by line and merged into the curated starter vocabulary; the matcher is built once
// and reused by every later invocation of the container. A vocabulary that cannot be read or parsed
// fails the invocation (EventBridge / Lambda retry it, then the DLQ keeps the event) rather than
// extracting silently without it; the next invocation tries again. Logs counts, never text.
import { CaregraphError, DependencyError, NotFoundError } from '../../shared/domain/errors';
import type { ExtractClinical } from '../../shared/domain/kg/extraction';
import { createNlpEngine, extractClinical, type NlpEngine } from '../../shared/domain/nlp/extract';
import type { Concept } from '../../shared/domain/nlp/model';
import { mergeVocabularies, parseVocabulary } from '../../shared/domain/nlp/vocabulary/imported';
import { starterVocabulary } from '../../shared/domain/nlp/vocabulary/index';
import { envNames } from '../../shared/config/config';
import type { ObjectStore } from '../../shared/ports';
import type { AppConfig } from '../../shared/config/config';
import type { Dependencies } from '../../shared/adapters/composition';
import { buildObservability } from '../../shared/adapters/observability';
import { makeKgUpdateHandler } from './make-handler';

/** The extractor's name in provenance without imported vocabularies. */
export const baseExtractorName = 'caregraph-nlp';

/** Where counts go (Powertools' Logger in the functions). */
export interface VocabularyLogger {
  info(message: string, attributes: Record<string, unknown>): void;
}

export interface VocabularyExtractorOptions {
  objects: Pick<ObjectStore, 'getStream'>;
  /** Curated-bucket keys of the imported vocabularies, in merge order (config.nlp.vocabularyKeys). */
  keys: readonly string[];
  logger?: VocabularyLogger;
}

export interface VocabularyExtractor {
  extract: ExtractClinical;
  /** Names the vocabularies in provenance, e.g. `caregraph-nlp+vocabulary/mesh-2025.jsonl`. */
  extractorName: string;
}

/** The provenance name of the extractor matching the curated vocabulary plus `keys`. */
export function extractorNameFor(keys: readonly string[]): string {
  return [baseExtractorName, ...keys].join('+');
}

/**
 * The extractor and its provenance name. Without keys it is the curated vocabulary's extractor and
 * reads nothing; with keys the engine is built on first use (concurrent first calls share one
 * build; a failed build is not kept, so a retry reads the bucket again).
 */
export function vocabularyExtractor(options: VocabularyExtractorOptions): VocabularyExtractor {
  const { objects, keys, logger } = options;
  const extractorName = extractorNameFor(keys);
  if (keys.length === 0)
    return {
      extract: async (text, context) => extractClinical(text, { ...context }),
      extractorName,
    };
  let engine: Promise<NlpEngine> | undefined;
  const build = async (): Promise<NlpEngine> => {
    const imported: Concept[] = [];
    for (const key of keys) {
      const concepts = await readVocabulary(objects, key);
      logger?.info('imported vocabulary read', { key, concepts: concepts.length });
      imported.push(...concepts);
    }
    const merged = mergeVocabularies(starterVocabulary, imported);
    logger?.info('vocabulary merged', {
      vocabularies: keys.length,
      curated: starterVocabulary.length,
      imported: imported.length,
      merged: merged.merged,
      added: merged.added,
      skipped: merged.skipped,
      concepts: merged.concepts.length,
    });
    return createNlpEngine({ concepts: merged.concepts });
  };
  const ready = (): Promise<NlpEngine> => {
    engine ??= build().catch((error: unknown) => {
      engine = undefined;
      throw error;
    });
    return engine;
  };
  return {
    extract: async (text, context) => extractClinical(text, { ...context, engine: await ready() }),
    extractorName,
  };
}

/** The concepts of VOCAB.jsonl `key` in the curated bucket; errors name the key (and the line). */
async function readVocabulary(
  objects: Pick<ObjectStore, 'getStream'>,
  key: string,
): Promise<Concept[]> {
  const where = `imported vocabulary ${key} (curated bucket, named in ${envNames.nlpVocabularyKeys})`;
  try {
    const concepts: Concept[] = [];
    for await (const concept of parseVocabulary(await objects.getStream('curated', key), key))
      concepts.push(concept);
    return concepts;
  } catch (error) {
    if (error instanceof NotFoundError)
      throw new NotFoundError(
        `${where} is missing: upload it (caregraph vocab import ... --out) or remove it from the list`,
        { cause: error },
      );
    // Parse errors already name the key and the line.
    if (error instanceof CaregraphError) throw error;
    // S3 answers AccessDenied, not NoSuchKey, for a missing key when the reader may not list the bucket.
    const name = (error as { name?: unknown }).name;
    throw new DependencyError(
      `${where} could not be read (${typeof name === 'string' ? name : 'error'}; AccessDenied also means missing)`,
      { cause: error },
    );
  }
}

/**
 * The kg-update handler as the Lambda entry point and the embedded stack both compose it: the
 * shared dependencies, its own observability, and the curated vocabulary plus the imported ones the
 * configuration names (read on first use).
 */
export function composeKgUpdateHandler(deps: Dependencies, config: AppConfig) {
  const observability = buildObservability(config, 'kg-update');
  return makeKgUpdateHandler(
    {
      ...deps,
      ...vocabularyExtractor({
        objects: deps.objects,
        keys: config.nlp.vocabularyKeys,
        logger: observability.logger,
      }),
    },
    observability,
  );
}
