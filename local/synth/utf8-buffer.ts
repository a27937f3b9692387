// Local (synth): a growable UTF-8 byte buffer. Render threads encode each patient's lines as soon as
// they are made, so the strings die young (cheap minor GC) instead of being kept alive, and promoted,
// until the whole chunk is joined; the bytes live outside the JS heap, which the GC never scans.

const encoder = new TextEncoder();

export class Utf8Buffer {
  private bytes = new Uint8Array(64 * 1024);
  private length = 0;

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

  /** A copy of the content in its own ArrayBuffer, so it can be transferred to another thread. */
  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
