// Local: terminology files on disk. `importRelease` streams a licensed release file (MeSH descriptor
// XML, ICD-10-CM order file, RxNorm RXNCONSO.RRF, HGNC complete set, UMLS MRCONSO.RRF with MRSTY.RRF)
// through its importer (shared/domain/nlp/importers); `loadVocabularyFile` reads the VOCAB.jsonl that
// `caregraph vocab import` writes (one Concept per line, validated by shared/domain/nlp/vocabulary/
// imported.ts). Errors are ValidationErrors naming the file and the line.
import { createReadStream, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CaregraphError, ValidationError } from '../shared/domain/errors';
import { importHgnc } from '../shared/domain/nlp/importers/hgnc';
import { importIcd10cmOrder } from '../shared/domain/nlp/importers/icd10cm';
import { importMesh } from '../shared/domain/nlp/importers/mesh';
import { importMrsty } from '../shared/domain/nlp/importers/mrsty';
import { importMrconso, importRxnorm } from '../shared/domain/nlp/importers/rrf';
import type { Concept } from '../shared/domain/nlp/model';
import {
  mergeVocabularies,
  parseVocabulary,
  type MergedVocabulary,
} from '../shared/domain/nlp/vocabulary/imported';

export const releaseFormats = ['mesh', 'icd10cm', 'rxnorm', 'hgnc', 'mrconso'] as const;
export type ReleaseFormat = (typeof releaseFormats)[number];

export interface ReleaseOptions {
  /** mrconso: the MRSTY.RRF giving each CUI's semantic types (default: MRSTY.RRF beside MRCONSO). */
  types?: string;
  /** icd10cm: only codes valid for submission. */
  billableOnly?: boolean;
  /** Called with the bytes of the release file read so far. */
  onBytes?: (read: number) => void;
}

/** Size in bytes of a readable regular file; a ValidationError naming it otherwise. */
export function fileSize(path: string): number {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    throw new ValidationError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      path,
      { cause: error },
    );
  }
  return size;
}

/** The MRSTY.RRF `importRelease` uses for an MRCONSO file without `types` (beside it, as in META/). */
export function defaultTypesFile(mrconso: string): string {
  return join(dirname(mrconso), 'MRSTY.RRF');
}

/** The concepts of release file `path` in `format`, streamed from disk. */
export async function* importRelease(
  format: ReleaseFormat,
  path: string,
  options: ReleaseOptions = {},
): AsyncGenerator<Concept> {
  fileSize(path);
  const chunks = readChunks(path, options.onBytes);
  try {
    switch (format) {
      case 'mesh':
        yield* importMesh(chunks);
        return;
      case 'icd10cm':
        yield* importIcd10cmOrder(chunks, { billableOnly: options.billableOnly ?? false });
        return;
      case 'rxnorm':
        yield* await importRxnorm(chunks);
        return;
      case 'hgnc':
        yield* await importHgnc(chunks);
        return;
      case 'mrconso': {
        const typesFile = options.types ?? defaultTypesFile(path);
        fileSize(typesFile);
        const types = await withFile(typesFile, () => importMrsty(readChunks(typesFile)));
        yield* await importMrconso(chunks, (cui) => types.get(cui));
        return;
      }
    }
  } catch (error) {
    throw naming(path, error);
  }
}

/** The concepts of a VOCAB.jsonl file (written by `caregraph vocab import`), each line validated. */
export async function loadVocabularyFile(path: string): Promise<Concept[]> {
  fileSize(path);
  const concepts: Concept[] = [];
  for await (const concept of parseVocabulary(readChunks(path), path)) concepts.push(concept);
  return concepts;
}

export interface LoadedVocabulary extends MergedVocabulary {
  /** Concepts read from each file, in order. */
  files: { path: string; concepts: number }[];
}

/** `curated` merged with the concepts of the VOCAB.jsonl files `paths` (see mergeVocabularies). */
export async function loadVocabularies(
  paths: readonly string[],
  curated: readonly Concept[],
): Promise<LoadedVocabulary> {
  const files: LoadedVocabulary['files'] = [];
  const imported: Concept[] = [];
  for (const path of paths) {
    const concepts = await loadVocabularyFile(path);
    files.push({ path, concepts: concepts.length });
    imported.push(...concepts);
  }
  return { ...mergeVocabularies(curated, imported), files };
}

async function* readChunks(
  path: string,
  onBytes?: (read: number) => void,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      read += (chunk as Buffer).length;
      onBytes?.(read);
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof CaregraphError) throw error;
    throw new ValidationError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      path,
      { cause: error },
    );
  }
}

async function withFile<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw naming(path, error);
  }
}

const named = new WeakSet<object>();

/** A release importer's ValidationError ("line 12: ...") with the file it came from. */
function naming(path: string, error: unknown): unknown {
  if (!(error instanceof ValidationError) || named.has(error)) return error;
  if (error.message.startsWith(`cannot read `)) return error;
  const wrapped = new ValidationError(`${path}: ${error.message}`, error.path, { cause: error });
  named.add(wrapped);
  return wrapped;
}
