// Domain: stream a file as numbered lines with bounded memory; gzip is detected from content, not the name.
import { isUtf8 } from 'node:buffer';
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

/**
 * Split a byte stream into UTF-8 lines (LF or CRLF), never holding more than one line plus one chunk.
 * A line's CR before its LF is removed, unless `keepCr` (a CSV reader keeps it, as RFC 4180 keeps a
 * CRLF inside a quoted field).
 * Read one line at a time (`for await`), or a chunk's lines at a time (`batches()`), which spares the
 * per-line round trip through the event loop on the hot NDJSON path.
 */
export function numberedLines(
  source: AsyncIterable<Uint8Array | string>,
  limit = maxLineBytes,
  options: { keepCr?: boolean } = {},
): LineStream {
  return new LineStream(numberedLineBatches(source, limit, options.keepCr === true));
}

/**
 * Lines read from a byte stream, for one reader at a time: line by line as an async iterator, or in
 * batches (`batches()`). Lines taken back with `unread` come first either way.
 */
export class LineStream implements AsyncIterableIterator<NumberedLine> {
  private buffered: NumberedLine[] = [];
  private next_ = 0;

  constructor(private readonly source: AsyncGenerator<NumberedLine[]>) {}

  async next(): Promise<IteratorResult<NumberedLine, undefined>> {
    while (this.next_ >= this.buffered.length) {
      const batch = await this.source.next();
      if (batch.done) return { done: true, value: undefined };
      this.buffered = batch.value;
      this.next_ = 0;
    }
    return { done: false, value: this.buffered[this.next_++]! };
  }

  /** The rest of the lines, one array per chunk read (the lines not yet read of the current one first). */
  async *batches(): AsyncGenerator<NumberedLine[]> {
    if (this.next_ < this.buffered.length) {
      const rest = this.buffered.slice(this.next_);
      this.buffered = [];
      this.next_ = 0;
      yield rest;
    }
    yield* this.source;
  }

  /** Puts lines already read back in front (detection peeks at the first lines, then replays them). */
  unread(lines: readonly NumberedLine[]): void {
    this.buffered = [...lines, ...this.buffered.slice(this.next_)];
    this.next_ = 0;
  }

  /** Stops reading: the source stream is released. */
  async return(value?: undefined): Promise<IteratorResult<NumberedLine, undefined>> {
    this.buffered = [];
    await this.source.return([]);
    return { done: true, value };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** Lines per batch at most, so that a source yielding one huge chunk is still read in slices. */
const maxBatchLines = 1024;

/** The lines of a byte stream, one array per chunk read (lines that span chunks end the later one). */
async function* numberedLineBatches(
  source: AsyncIterable<Uint8Array | string>,
  limit: number,
  keepCr: boolean,
): AsyncGenerator<NumberedLine[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let line = 0;
  const decoder = new TextDecoder('utf-8');
  const strict = new TextDecoder('utf-8', { fatal: true });
  const ending = keepCr ? (text: string) => text : stripCr;
  const decode = (bytes: Uint8Array, line: number): NumberedLine => {
    try {
      return { line, text: ending(strict.decode(bytes)) };
    } catch {
      return { line, text: ending(decoder.decode(bytes)), invalidUtf8: true };
    }
  };
  for await (const raw of source) {
    const chunk = asBuffer(raw);
    // One UTF-8 check for the chunk's whole lines spares a view and a strict decode per line.
    const whole = chunk.length <= limit && isUtf8(chunk.subarray(0, chunk.lastIndexOf(0x0a) + 1));
    let batch: NumberedLine[] = [];
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      line++;
      if (whole && pendingBytes === 0 && !skipping) {
        batch.push({ line, text: validLineText(chunk, from, nl, keepCr) });
        from = nl + 1;
        if (batch.length === maxBatchLines) {
          yield batch;
          batch = [];
        }
        continue;
      }
      // A line within the chunk is decoded in place; one that spans chunks is gathered first.
      const piece = chunk.subarray(from, nl);
      from = nl + 1;
      if (skipping || pendingBytes + piece.length > limit) {
        batch.push({ line, text: '', oversized: true });
      } else {
        batch.push(decode(pendingBytes === 0 ? piece : Buffer.concat([...pending, piece]), line));
      }
      pending = [];
      pendingBytes = 0;
      skipping = false;
      if (batch.length === maxBatchLines) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    if (skipping) continue;
    const rest = chunk.length - from;
    if (pendingBytes + rest > limit) {
      skipping = true;
      pending = [];
      pendingBytes = 0;
    } else if (rest > 0) {
      // Copied: the source may reuse its chunk's memory once we ask for the next one.
      pending.push(Buffer.from(chunk.subarray(from)));
      pendingBytes += rest;
    }
  }
  if (skipping) yield [{ line: line + 1, text: '', oversized: true }];
  else if (pendingBytes > 0) yield [decode(Buffer.concat(pending), line + 1)];
}

/**
 * The text of the valid UTF-8 line `chunk[from, nl)`, as the strict decoder gives it: a leading byte
 * order mark dropped (each decode starts a new stream) and a trailing CR removed unless `keepCr`.
 */
function validLineText(chunk: Buffer, from: number, nl: number, keepCr: boolean): string {
  const start =
    chunk[from] === 0xef && chunk[from + 1] === 0xbb && chunk[from + 2] === 0xbf ? from + 3 : from;
  const end = !keepCr && nl > start && chunk[nl - 1] === 0x0d ? nl - 1 : nl;
  return chunk.toString('utf8', start, end);
}

/** The chunk as a Buffer without copying it (object-mode sources may yield strings: encoded). */
function asBuffer(raw: Uint8Array | string): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (typeof raw === 'string') return Buffer.from(raw);
  return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
