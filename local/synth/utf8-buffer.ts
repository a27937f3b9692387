// Local (synth): a growable UTF-8 byte buffer. Render threads encode each patient's lines as soon as
// they are made, so the strings die young (cheap minor GC) instead of being kept alive, and promoted,
// until the whole chunk is joined; the bytes live outside the JS heap, which the GC never scans.
//
// Lines are encoded one by one on purpose: V8 encodes a string of pure ASCII about ten times faster
// than one holding a single non-ASCII character (°C, µmol/L, a name with an accent), so encoding a
// patient's 60 Observation lines joined would take the slow path for all of them because of one.

export class Utf8Buffer {
  private bytes: Buffer;
  private length = 0;

  /** `capacity`: the first allocation, bytes (it doubles as needed). */
  constructor(capacity = 64 * 1024) {
    this.bytes = Buffer.allocUnsafeSlow(capacity);
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
    this.bytes = Buffer.allocUnsafeSlow(capacity);
    this.length = 0;
    return bytes;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = Math.max(1024, this.bytes.length * 2);
    while (capacity < this.length + extra) capacity *= 2;
    const grown = Buffer.allocUnsafeSlow(capacity);
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}
