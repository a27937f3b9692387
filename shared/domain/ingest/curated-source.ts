// Domain (ingest): which curated NDJSON objects a file's records go to. They are named by what the
// records are derived from: the file's content (gzip undone) and, for a CSV extract or a plain-text
// note, how it was read (its mapping entry and file name, or its sidecar and path). Not by the
// upload's S3 ETag: a multipart upload and a single PUT of the same bytes have different ETags, and
// curated objects keyed by it held every such file twice. The same content sent again (under any
// key, in any batch, re-delivered or uploaded again) maps to the same objects and overwrites them.
import { createHash } from 'node:crypto';
import type { KeyRing } from '../../ports/key-ring';
import type { ObjectStore } from '../../ports/object-store';
import { InternalError } from '../errors';
import { decompressIfGzip } from './lines';

/** Hex characters of the name: 128 bits, as long as the ETags (MD5) that named the objects before. */
const nameHexLength = 32;

/**
 * SHA-256 of a raw object's content, gzip undone (the same data gzipped twice differs in its gzip
 * header, e.g. the time it was compressed), read in a pass of its own before the file is processed:
 * the name must be known before the first curated line is written. The pass reads the version the
 * event announced (`ifMatch`), as processing does. A gzip stream that does not decompress is named
 * by its bytes (read again); processing then meets the same fault where it did before.
 */
export async function sourceContentDigest(
  objects: Pick<ObjectStore, 'getStream'>,
  key: string,
  options: { ifMatch?: string },
): Promise<string> {
  try {
    return `content:${await sha256Of(objects, key, options, true)}`;
  } catch (error) {
    if (!isZlibError(error)) throw error; // a fault of the store or the network: retried
    return `bytes:${await sha256Of(objects, key, options, false)}`;
  }
}

async function sha256Of(
  objects: Pick<ObjectStore, 'getStream'>,
  key: string,
  options: { ifMatch?: string },
  gunzip: boolean,
): Promise<string> {
  const raw = await objects.getStream('raw', key, options);
  try {
    const hash = createHash('sha256');
    for await (const chunk of gunzip ? await decompressIfGzip(raw) : raw)
      hash.update(chunk as Uint8Array);
    return hash.digest('hex');
  } finally {
    raw.destroy(); // read whole, or given up: the connection is not left open
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * The name of a file's curated objects: an HMAC under the hospital's key of its content digest and of
 * how it was read, first 128 bits in hex. Keyed, so a name reveals nothing of the content (a short
 * templated note, or a sidecar's patient, could otherwise be confirmed by hashing a guess).
 */
export class CuratedSource {
  private readWithParts: readonly string[] = [];
  private named?: Promise<string>;

  private constructor(
    private readonly keys: KeyRing | undefined,
    private readonly hospital: string,
    private readonly content: string | undefined,
    fixed?: string,
  ) {
    if (fixed !== undefined) this.named = Promise.resolve(fixed);
  }

  /** The objects of a file whose content digest is `content` (sourceContentDigest). */
  static ofContent(keys: KeyRing, hospital: string, content: string): CuratedSource {
    return new CuratedSource(keys, hospital, content);
  }

  /** Objects already named (a run resumed after a checkpoint continues its file's objects). */
  static named(name: string): CuratedSource {
    return new CuratedSource(undefined, '', undefined, name);
  }

  /**
   * What besides the content decides the records: a CSV extract's mapping entry and file name, a
   * note's sidecar and path. Called before the first record is read; a resumed run keeps its name.
   */
  readWith(...parts: string[]): void {
    if (this.content === undefined) return;
    if (this.named)
      throw new InternalError('the curated objects of a file were named before it was read');
    this.readWithParts = parts;
  }

  /** The name (keyLayout.curated's `sourceDigest`), computed once. */
  name(): Promise<string> {
    this.named ??= this.compute();
    return this.named;
  }

  private async compute(): Promise<string> {
    // Hashed first: the message holds no '/', so the re-identification log never takes it for an id.
    const context = createHash('sha256').update(this.readWithParts.join('\u001f'), 'utf8');
    const message = `CuratedSource:${this.content!}:${context.digest('hex')}`;
    return (await this.keys!.pseudonym(this.hospital, message)).slice(0, nameHexLength);
  }
}
