// Domain: stream a file as numbered lines with bounded memory; gzip is detected from content, not the name.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

export interface NumberedLine {
  /** 1-based line number in the (decompressed) file. */
  line: number;
  text: string;
  /** Set when the line exceeded the limit: its text is empty and it must be quarantined. */
  oversized?: boolean;
  /** Set when the bytes are not valid UTF-8 (the text then holds U+FFFD replacements); quarantined. */
  invalidUtf8?: boolean;
}

/** 16 MiB: far above any real FHIR resource line, far below Lambda memory. */
export const maxLineBytes = 16 * 1024 * 1024;

/**
 * Peek the first two bytes; if they are the gzip magic (1f 8b), decompress the stream. Errors from the
 * source (a network reset mid-download) reach whoever reads the result, never an unhandled event.
 */
export async function decompressIfGzip(source: Readable): Promise<Readable> {
  const iterator = source[Symbol.asyncIterator]();
  const peeked: Buffer[] = [];
  let peekedBytes = 0;
  while (peekedBytes < 2) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value as Uint8Array);
    peeked.push(chunk);
    peekedBytes += chunk.length;
  }
  async function* replay() {
    yield* peeked;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Uint8Array;
    }
  }
  const replayed = Readable.from(replay(), { objectMode: false });
  const head = Buffer.concat(peeked);
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    pipeline(replayed, gunzip).catch(() => undefined); // the error is re-emitted by gunzip to its reader
    return gunzip;
  }
  return replayed;
}

/** Split a byte stream into UTF-8 lines (LF or CRLF), never holding more than one line plus one chunk. */
export async function* numberedLines(
  source: AsyncIterable<Uint8Array>,
  limit = maxLineBytes,
): AsyncGenerator<NumberedLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let line = 0;
  const decoder = new TextDecoder('utf-8');
  const strict = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Uint8Array, line: number): NumberedLine => {
    try {
      return { line, text: stripCr(strict.decode(bytes)) };
    } catch {
      return { line, text: stripCr(decoder.decode(bytes)), invalidUtf8: true };
    }
  };
  for await (const raw of source) {
    let chunk = Buffer.from(raw);
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a)) {
      line++;
      const piece = chunk.subarray(0, nl);
      chunk = chunk.subarray(nl + 1);
      if (skipping || pendingBytes + piece.length > limit) {
        yield { line, text: '', oversized: true };
      } else {
        const bytes = Buffer.concat([...pending, piece]);
        yield decode(bytes, line);
      }
      pending = [];
      pendingBytes = 0;
      skipping = false;
    }
    if (skipping) continue;
    if (pendingBytes + chunk.length > limit) {
      skipping = true;
      pending = [];
      pendingBytes = 0;
    } else if (chunk.length > 0) {
      pending.push(chunk);
      pendingBytes += chunk.length;
    }
  }
  if (skipping) yield { line: line + 1, text: '', oversized: true };
  else if (pendingBytes > 0) yield decode(Buffer.concat(pending), line + 1);
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
