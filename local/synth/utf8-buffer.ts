// Local (synth): a growable UTF-8 byte buffer. Render threads encode each patient's lines as soon as
// they are made, so the strings die young (cheap minor GC) instead of being kept alive, and promoted,
// until the whole chunk is joined; the bytes live outside the JS heap, which the GC never scans.

const encoder = new TextEncoder();

export class Utf8Buffer {
  private bytes: Uint8Array;
  private length = 0;

  /** `capacity`: the first allocation, bytes (it doubles as needed). */
  constructor(capacity = 64 * 1024) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Bytes appended so far. */
  get byteLength(): number {
    return this.length;
  }

  /** Append `text` as UTF-8 (lone surrogates become U+FFFD, as Node's stream writes encode them). */
  appendText(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    this.reserve(text.length * 3);
    this.length += encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** Append bytes as they are (deliberately mis-encoded defect lines). */
  appendBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /**
   * Hands the content over without copying: a view from offset 0 of an ArrayBuffer only it uses, so
   * the buffer can be transferred to another thread. Append nothing after taking.
   */
  take(): Uint8Array {
    const bytes = this.bytes.subarray(0, this.length);
    this.bytes = new Uint8Array(0);
    this.length = 0;
    return bytes;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = Math.max(1024, this.bytes.length * 2);
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
