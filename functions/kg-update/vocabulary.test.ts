import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { NotFoundError, ValidationError } from '../../shared/domain/errors';
import { createNlpEngine } from '../../shared/domain/nlp/extract';
import { importMesh } from '../../shared/domain/nlp/importers/mesh';
import { vocabularyLine } from '../../shared/domain/nlp/vocabulary/imported';
import type { BucketRole, ObjectStore } from '../../shared/ports';
import { extractorNameFor, vocabularyExtractor, type VocabularyLogger } from './vocabulary';

// Count engine builds while keeping the real engine.
vi.mock('../../shared/domain/nlp/extract', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/domain/nlp/extract')>();
  return { ...actual, createNlpEngine: vi.fn(actual.createNlpEngine) };
});

const MESH_KEY = 'vocabulary/mesh-2025.jsonl';
const NOTE = 'PLAN: Timoptic 0.5% 1 drop OU BID. Type 2 diabetes, on metformin.';

/** VOCAB.jsonl of the MeSH descriptor fixture, as `caregraph vocab import --format mesh` writes it. */
async function meshVocabulary(): Promise<string> {
  const fixture = new URL(
    '../../shared/domain/nlp/importers/fixtures/desc_fixture.xml',
    import.meta.url,
  );
  const lines: string[] = [];
  for await (const concept of importMesh(createReadStream(fixture)))
    lines.push(vocabularyLine(concept));
  return `${lines.join('\n')}\n`;
}

/** The curated bucket as a map; getStream throws NotFoundError for a missing key, as the port says. */
function curatedBucket(files: Record<string, string>) {
  const getStream = vi.fn(async (bucket: BucketRole, key: string) => {
    const body = bucket === 'curated' ? files[key] : undefined;
    if (body === undefined) throw new NotFoundError(`object not found: ${bucket}/${key}`);
    return Readable.from([Buffer.from(body)]);
  });
  return { objects: { getStream } satisfies Pick<ObjectStore, 'getStream'>, getStream };
}

function recordingLogger() {
  const calls: [string, Record<string, unknown>][] = [];
  const logger: VocabularyLogger = {
    info: (message, attributes) => calls.push([message, attributes]),
  };
  return { logger, calls };
}

describe('Function: vocabularyExtractor', () => {
  it('without keys is the curated vocabulary alone and reads nothing', async () => {
    // Prepare
    const { objects, getStream } = curatedBucket({});

    // Act
    const { extract, extractorName } = vocabularyExtractor({ objects, keys: [] });
    const result = await extract(NOTE);

    // Assess
    expect(extractorName).toBe('caregraph-nlp');
    expect(getStream).not.toHaveBeenCalled();
    expect(result.entities.map((e) => e.text)).not.toContain('Timoptic');
    expect(result.entities.map((e) => e.text)).toContain('metformin');
  });

  it('matches the names of an imported vocabulary, with its codes, and names it in provenance', async () => {
    // Prepare
    const { objects } = curatedBucket({ [MESH_KEY]: await meshVocabulary() });

    // Act
    const { extract, extractorName } = vocabularyExtractor({ objects, keys: [MESH_KEY] });
    const result = await extract(NOTE);

    // Assess
    expect(extractorName).toBe('caregraph-nlp+vocabulary/mesh-2025.jsonl');
    expect(result.entities).toContainEqual(
      expect.objectContaining({
        text: 'Timoptic',
        type: 'Chemical',
        code: 'D013999',
        system: 'http://id.nlm.nih.gov/mesh',
        assertion: 'present',
      }),
    );
    // A curated concept keeps its primary code after the import merged MeSH names into it.
    expect(result.entities).toContainEqual(
      expect.objectContaining({ text: 'metformin', code: '6809' }),
    );
  });

  it('reads each vocabulary and builds the engine once for many calls, also concurrent first ones', async () => {
    // Prepare
    const { objects, getStream } = curatedBucket({
      [MESH_KEY]: await meshVocabulary(),
      'vocabulary/site.jsonl': '',
    });
    const { logger, calls } = recordingLogger();
    vi.mocked(createNlpEngine).mockClear();
    const { extract } = vocabularyExtractor({
      objects,
      keys: [MESH_KEY, 'vocabulary/site.jsonl'],
      logger,
    });

    // Act
    await Promise.all([extract(NOTE), extract(NOTE)]);
    for (let i = 0; i < 5; i++) await extract(NOTE);

    // Assess
    expect(createNlpEngine).toHaveBeenCalledTimes(1);
    expect(getStream.mock.calls.map(([, key]) => key)).toEqual([MESH_KEY, 'vocabulary/site.jsonl']);
    // Counts only: the log never carries text.
    expect(calls).toEqual([
      ['imported vocabulary read', { key: MESH_KEY, concepts: 5 }],
      ['imported vocabulary read', { key: 'vocabulary/site.jsonl', concepts: 0 }],
      [
        'vocabulary merged',
        // All five fixture descriptors share a MeSH id with a curated concept (Timolol too: the
        // import adds its brand name Timoptic to curated timolol).
        expect.objectContaining({ vocabularies: 2, imported: 5, merged: 5, added: 0, skipped: 0 }),
      ],
    ]);
    expect(JSON.stringify(calls)).not.toMatch(/Timoptic|drop OU/);
  });

  it('fails with an error naming a missing vocabulary, and reads again on the next call', async () => {
    // Prepare
    const files: Record<string, string> = {};
    const { objects, getStream } = curatedBucket(files);
    const { extract } = vocabularyExtractor({ objects, keys: [MESH_KEY] });

    // Act
    const failure = await extract(NOTE).then(
      () => undefined,
      (error: unknown) => error,
    );
    files[MESH_KEY] = await meshVocabulary();
    const retried = await extract(NOTE);

    // Assess
    expect(failure).toBeInstanceOf(NotFoundError);
    expect((failure as Error).message).toContain(`imported vocabulary ${MESH_KEY}`);
    expect((failure as Error).message).toContain('CAREGRAPH_NLP_VOCABULARY_KEYS');
    expect((failure as Error).message).toMatch(/is missing/);
    expect(getStream).toHaveBeenCalledTimes(2);
    expect(retried.entities.map((e) => e.text)).toContain('Timoptic');
  });

  it('fails on an invalid line, naming the key and the line', async () => {
    // Prepare
    const { objects } = curatedBucket({
      [MESH_KEY]: `${(await meshVocabulary()).split('\n')[0]}\n{"id":"x","type":"Drug"}\n`,
    });
    const { extract } = vocabularyExtractor({ objects, keys: [MESH_KEY] });

    // Act
    const failure = extract(NOTE);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toThrow(`${MESH_KEY} line 2`);
  });

  it('names every vocabulary in the extractor name, in merge order', () => {
    expect(extractorNameFor([])).toBe('caregraph-nlp');
    expect(extractorNameFor(['vocabulary/mesh.jsonl', 'vocabulary/umls.jsonl'])).toBe(
      'caregraph-nlp+vocabulary/mesh.jsonl+vocabulary/umls.jsonl',
    );
  });
});
