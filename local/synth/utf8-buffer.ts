// Local (synth): a growable UTF-8 byte buffer. Render threads encode each patient's lines as soon as
// they are made, so the strings die young (cheap minor GC) instead of being kept alive, and promoted,
// until the whole chunk is joined; the bytes live outside the JS heap, which the GC never scans.
//
// Lines are encoded one by one on purpose: V8 encodes a string of pure ASCII about ten times faster
// than one holding a single non-ASCII character (°C, µmol/L, a name with an accent), so encoding a
// patient's 60 Observation lines joined would take the slow path for all of them because of one.
//
// The memory is reused (BufferPool): once the writer thread has written a chunk it hands the buffers
// back. Fresh memory costs a page fault per 4 KiB on first touch, and on this project's VMs those
// faults can cost more than the encoding itself: encoding a patient into fresh 64 MB buffers took
// 0.96 ms, into reused ones 0.15 ms. In the writer, where glibc already reused some freed memory,
// the gain is smaller; reuse also keeps peak RSS lower (docs/synth.md).

/**
 * Spent byte buffers of one thread, kept for reuse so their pages stay mapped. Hands out the smallest
 * kept buffer that is large enough; keeps at most `limitBytes` in all (the oldest beyond that are let
 * go), so buffers outgrown along the way do not pile up.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];
  private bytes = 0;

  /** `limitBytes`: default 64 MiB, about five chunks' worth of a render thread's buffers. */
  constructor(private readonly limitBytes = 64 * 2 ** 20) {}

  /** Buffers held for reuse. */
  get size(): number {
    return this.free.length;
  }

  /** Bytes held for reuse. */
  get byteLength(): number {
    return this.bytes;
  }

  /** A buffer of at least `bytes`: a kept one when one is large enough, else a new one. */
  acquire(bytes: number): Buffer {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const size = this.free[i]!.byteLength;
      if (size >= bytes && (best < 0 || size < this.free[best]!.byteLength)) best = i;
    }
    if (best < 0) return Buffer.allocUnsafeSlow(bytes);
    const [buffer] = this.free.splice(best, 1);
    this.bytes -= buffer!.byteLength;
    return Buffer.from(buffer!);
  }

  /** Keep `buffer` for reuse; its contents are overwritten by whoever acquires it next. */
  release(buffer: ArrayBuffer): void {
    if (buffer.byteLength === 0 || this.free.includes(buffer)) return;
    this.free.push(buffer);
    this.bytes += buffer.byteLength;
    while (this.bytes > this.limitBytes) this.bytes -= this.free.shift()!.byteLength;
  }
}

export class Utf8Buffer {
  private bytes: Buffer;
  private length = 0;

  /**
   * `capacity`: the first allocation, bytes (it doubles as needed). With a `pool`, memory comes from
   * it and a buffer outgrown is returned to it.
   */
  constructor(
    capacity = 64 * 1024,
    private readonly pool?: BufferPool,
  ) {
    this.bytes = this.allocate(capacity);
  }

  /** Bytes appended so far. */
  get byteLength(): number {
    return this.length;
  }

  /** Append `text` as UTF-8 (lone surrogates become U+FFFD, as Node's stream writes encode them). */
  appendText(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    this.reserve(text.length * 3);
    this.length += this.bytes.write(text, this.length);
  }

  /** Append `text` and then `terminator` (ASCII: "\n" or "\r\n"). */
  appendLine(text: string | Uint8Array, terminator: string): void {
    if (typeof text === 'string') this.appendText(text);
    else this.appendBytes(text);
    this.reserve(terminator.length);
    for (let i = 0; i < terminator.length; i++)
      this.bytes[this.length++] = terminator.charCodeAt(i);
  }

  /** Append bytes as they are (deliberately mis-encoded defect lines). */
  appendBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /**
   * Hands the content over without copying: a view from offset 0 of an ArrayBuffer only it uses, so
   * the buffer can be transferred to another thread. The buffer starts again empty, at `capacity`.
   */
  take(capacity = 0): Uint8Array {
    const bytes = new Uint8Array(this.bytes.buffer, 0, this.length);
    this.bytes = this.allocate(capacity);
    this.length = 0;
    return bytes;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = Math.max(1024, this.bytes.length * 2);
    while (capacity < this.length + extra) capacity *= 2;
    const grown = this.allocate(capacity);
    this.bytes.copy(grown, 0, 0, this.length);
    this.pool?.release(this.bytes.buffer as ArrayBuffer);
    this.bytes = grown;
  }

  /** A buffer that owns its whole ArrayBuffer from offset 0 (so `take` can hand it over). */
  private allocate(capacity: number): Buffer {
    return this.pool && capacity > 0
      ? this.pool.acquire(capacity)
      : Buffer.allocUnsafeSlow(capacity);
  }
}
