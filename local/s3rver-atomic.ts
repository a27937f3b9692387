// Local: s3rver with the atomic object writes of real S3. s3rver 3.7's filesystem store writes an
// object's file in place (truncating it first) and records the object's metadata, answers the PUT and
// fires the object-created event without waiting for the content to reach the file. So a GET at the
// wrong moment read an empty or partial object: an ingest report polled while a redelivered event
// rewrote it failed to parse ("Unexpected end of JSON input", seen once in CI under load), and an
// ingest function woken by the event could read an upload's last bytes missing. Real S3 never shows
// a partial object: a PUT replaces the whole object at once, and is complete when it is answered.
// Here each object is written to a temporary file beside it and renamed over it when complete
// (atomic on one file system) before its metadata is written, the PUT answered and the event fired.
// Temporary files do not end in s3rver's object suffix, so listings never show them. A GET opens the
// file first and takes the object's size from what it opened (s3rver took it from a separate stat,
// so a rewrite in between sent one version's length with another's bytes). The metadata and MD5
// files are replaced the same way: s3rver rewrote them in place, so a GET that read the metadata
// while a PUT rewrote it parsed an empty file and answered 500 InternalError (seen once in CI).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The part of s3rver's FilesystemStore this replaces (s3rver ships no types). */
interface FilesystemStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  getMetadata(bucket: string, key: string): Promise<Record<string, unknown>>;
  getObject(bucket: string, key: string, options?: ByteRange): Promise<StoredObject | null>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
  putMetadata(
    bucket: string,
    key: string,
    metadata: Record<string, string>,
    md5?: string,
  ): Promise<void>;
}

/** s3rver's S3Object as its store receives it: the body is the request stream or a Buffer. */
interface StoredObject {
  bucket: string;
  key: string;
  content: Buffer | NodeJS.ReadableStream;
  metadata: Record<string, string>;
  range?: { start: number; end: number };
}

interface ByteRange {
  start?: number;
  end?: number;
}

/** s3rver's object model (CommonJS, no types), to answer GETs the way its store does. */
const S3Object = createRequire(import.meta.url)('s3rver/lib/models/object.js') as (new (
  bucket: string,
  key: string,
  content: NodeJS.ReadableStream | null,
  metadata: Record<string, unknown>,
) => StoredObject) & { ALLOWED_METADATA: readonly string[] };

let sequence = 0;
const partialPath = (path: string) => `${path}.${process.pid}-${++sequence}.partial`;

/** Replace a small file whole: written beside it, then renamed over it. */
async function replaceFile(path: string, data: string): Promise<void> {
  const partial = partialPath(path);
  try {
    await writeFile(partial, data);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Make `server`'s object writes atomic and size each GET from the file it opened (call before it
 * serves requests).
 */
export function useAtomicObjectWrites(server: object): void {
  const store = (server as { store?: FilesystemStore }).store;
  if (
    !store ||
    typeof store.getResourcePath !== 'function' ||
    typeof store.getMetadata !== 'function' ||
    typeof store.putMetadata !== 'function' ||
    typeof store.putObject !== 'function'
  )
    throw new Error('s3rver: its filesystem store is not where this version expects it');
  store.putObject = async (object) => {
    const path = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(path), { recursive: true });
    const partial = partialPath(path);
    const md5 = createHash('md5');
    let size = 0;
    try {
      await pipeline(
        Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content,
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            md5.update(chunk);
            size += chunk.length;
            done(null, chunk);
          },
        }),
        createWriteStream(partial),
      );
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    const digest = md5.digest('hex');
    await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
  // As s3rver's putMetadata: the MD5, then the allowed and x-amz-meta- headers as JSON; each file whole.
  store.putMetadata = async (bucket, key, metadata, md5) => {
    const kept = Object.fromEntries(
      Object.entries(metadata).filter(
        ([name]) => S3Object.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-'),
      ),
    );
    if (md5) await replaceFile(store.getResourcePath(bucket, key, 'object.md5'), md5);
    await replaceFile(
      store.getResourcePath(bucket, key, 'metadata.json'),
      JSON.stringify(kept, null, 2),
    );
  };
  store.getObject = async (bucket, key, options) => {
    let handle: FileHandle;
    try {
      handle = await open(store.getResourcePath(bucket, key, 'object'), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const stat = await handle.stat();
      const metadata = {
        ...(await store.getMetadata(bucket, key)),
        'content-length': stat.size,
        'last-modified': stat.mtime.toUTCString(),
      };
      // As s3rver's store does: an unsatisfiable range gets the object without content.
      const lastByte = Math.max(0, stat.size - 1);
      const range = {
        start: options?.start || 0,
        end: Math.min(options?.end || Infinity, lastByte),
      };
      const ranged = options !== undefined && (options.start !== undefined || !!options.end);
      const satisfiable = range.start >= 0 && range.start <= Math.min(range.end, lastByte);
      const content = satisfiable ? handle.createReadStream({ ...range, autoClose: true }) : null;
      if (!satisfiable) await handle.close();
      const object = new S3Object(bucket, key, content, metadata);
      if (ranged) object.range = range;
      return object;
    } catch (error) {
      await handle.close().catch(() => undefined);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
}
