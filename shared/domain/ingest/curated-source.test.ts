// Unit tests (ingest): the name of a file's curated objects, from its content and how it was read.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CuratedSource, sourceContentDigest } from './curated-source';
import { memoryIngestDeps } from './ingest-file.fixture';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('sourceContentDigest', () => {
  const text = '{"resourceType":"Patient","id":"p1"}\n'.repeat(2000);

  it('digests the content, gzip undone, read in chunks', async () => {
    const { objects } = memoryIngestDeps();
    await objects.put('raw', 'raw/h1/b1/a.ndjson', text);
    await objects.put('raw', 'raw/h1/b1/a.ndjson.gz', gzipSync(text));
    const plain = await sourceContentDigest(objects, 'raw/h1/b1/a.ndjson', {});
    expect(plain).toBe(`content:${sha256(text)}`);
    expect(await sourceContentDigest(objects, 'raw/h1/b1/a.ndjson.gz', {})).toBe(plain);
  });

  it('names a gzip stream that does not decompress by its bytes, without failing', async () => {
    const { objects } = memoryIngestDeps();
    const cut = gzipSync(text).subarray(0, 200);
    await objects.put('raw', 'raw/h1/b1/cut.ndjson.gz', cut);
    expect(await sourceContentDigest(objects, 'raw/h1/b1/cut.ndjson.gz', {})).toBe(
      `bytes:${sha256(cut)}`,
    );
  });

  it('lets a fault of the store or the network through, for the file to be retried', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const objects = {
      getStream: async () =>
        Readable.from(
          (async function* () {
            yield Buffer.from('{"resourceType":');
            throw reset;
          })(),
        ),
    };
    await expect(sourceContentDigest(objects, 'raw/h1/b1/a.ndjson', {})).rejects.toBe(reset);
  });

  it('reads the version the event announced', async () => {
    const asked: unknown[] = [];
    const objects = {
      getStream: async (_bucket: string, _key: string, options?: { ifMatch?: string }) => {
        asked.push(options);
        return Readable.from([Buffer.from('x')]);
      },
    };
    await sourceContentDigest(objects, 'raw/h1/b1/a.ndjson', { ifMatch: 'e1' });
    expect(asked).toEqual([{ ifMatch: 'e1' }]);
  });
});

describe('CuratedSource', () => {
  it('names one content read two ways apart, and the same content read the same way alike', async () => {
    const { keys } = memoryIngestDeps();
    const name = async (...context: string[]) => {
      const source = CuratedSource.ofContent(keys, 'h1', 'content:abc');
      if (context.length) source.readWith(...context);
      return source.name();
    };
    const bare = await name();
    expect(bare).toMatch(/^[0-9a-f]{32}$/);
    expect(await name()).toBe(bare);
    expect(await name('note', 'note.txt', '{"patient":"p1"}')).not.toBe(bare);
    expect(await name('note', 'note.txt', '{"patient":"p1"}')).not.toBe(
      await name('note', 'note.txt', '{"patient":"p2"}'),
    );
    // Keyed by the hospital: another hospital's same content has another name.
    expect(await CuratedSource.ofContent(keys, 'h2', 'content:abc').name()).not.toBe(bare);
  });

  it('refuses to be told how the file was read after it was named', async () => {
    const { keys } = memoryIngestDeps();
    const source = CuratedSource.ofContent(keys, 'h1', 'content:abc');
    await source.name();
    expect(() => source.readWith('csv', 'a.csv', '{}')).toThrow(/named before it was read/);
  });

  it('keeps the name a resumed run was given', async () => {
    const source = CuratedSource.named('0123456789abcdef0123456789abcdef');
    source.readWith('csv', 'a.csv', '{}');
    expect(await source.name()).toBe('0123456789abcdef0123456789abcdef');
  });
});
