// Domain (ingest): a fixed-size memory of the keys (and optionally a digest per key) most recently
// seen in a file, for duplicate detection and reference checks within a file of any size.
//
// Why not a Map of strings: a Map grows with the file until its cap, at 150-250 bytes per key, so a
// file ten times larger used ten times the memory up to the cap (docs/ingest.md, "Memory when the
// file grows"). Here every byte is allocated when the table is made: two generations of open-addressing
// tables of 64-bit fingerprints (SHA-1 of the key, first 8 bytes) in typed arrays. New keys go into the
// current generation; when it holds `perGeneration` keys it becomes the previous one and the old
// previous one is cleared for reuse. A key is therefore remembered for at least `perGeneration` and at
// most 2 x `perGeneration` later insertions, whatever the file size.
//
// A fingerprint can collide: two different keys with the same 64 bits. With at most 2 x perGeneration
// keys remembered, the chance that a new key matches any of them is at most
// 2 x perGeneration / 2^64 (about 7e-15 for 65,536), per lookup; the callers say what a collision
// would do (docs/ingest.md).
import { createHash } from 'node:crypto';

/** A 64-bit fingerprint as two unsigned 32-bit halves (never both zero: zero marks an empty slot). */
export interface Fingerprint {
  hi: number;
  lo: number;
}

/** The first 64 bits of SHA-1 of `text` (UTF-8). */
export function fingerprintOf(text: string): Fingerprint {
  const d = createHash('sha1').update(text).digest();
  const hi = d.readUInt32BE(0);
  const lo = d.readUInt32BE(4);
  return hi === 0 && lo === 0 ? { hi: 0, lo: 1 } : { hi, lo };
}

class Generation {
  readonly keys: Uint32Array;
  readonly values: Uint32Array | undefined;
  size = 0;

  constructor(
    readonly mask: number,
    withValues: boolean,
  ) {
    this.keys = new Uint32Array((mask + 1) * 2);
    this.values = withValues ? new Uint32Array((mask + 1) * 2) : undefined;
  }

  /** The slot holding `f`, or the empty slot where it would go (linear probing; load <= 1/2). */
  slot(f: Fingerprint): number {
    let i = (f.lo ^ Math.imul(f.hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const hi = this.keys[2 * i]!;
      const lo = this.keys[2 * i + 1]!;
      if (hi === 0 && lo === 0) return i;
      if (hi === f.hi && lo === f.lo) return i;
      i = (i + 1) & this.mask;
    }
  }

  occupied(i: number): boolean {
    return this.keys[2 * i] !== 0 || this.keys[2 * i + 1] !== 0;
  }

  clear(): void {
    this.keys.fill(0);
    this.values?.fill(0);
    this.size = 0;
  }
}

export class FingerprintTable {
  private current: Generation;
  private previous: Generation;

  /**
   * @param perGeneration keys per generation: the table remembers the last `perGeneration` to
   *   2 x `perGeneration` keys. Memory: 2 generations x 2 x perGeneration (rounded up to a power of
   *   two) slots x 8 bytes, doubled with values (65,536 with values: 4 MiB).
   * @param withValues whether each key carries a 64-bit value (e.g. a content digest).
   */
  constructor(
    private readonly perGeneration: number,
    withValues = false,
  ) {
    let slots = 1;
    while (slots < 2 * perGeneration) slots *= 2;
    this.current = new Generation(slots - 1, withValues);
    this.previous = new Generation(slots - 1, withValues);
  }

  /** Bytes held by the table (fixed at construction). */
  get bytes(): number {
    const of = (g: Generation) => g.keys.byteLength + (g.values?.byteLength ?? 0);
    return of(this.current) + of(this.previous);
  }

  has(key: Fingerprint): boolean {
    return this.find(key) !== undefined;
  }

  /** The value remembered with `key` (as set), or undefined when the key is not remembered. */
  get(key: Fingerprint): Fingerprint | undefined {
    const found = this.find(key);
    if (found === undefined) return undefined;
    const [g, i] = found;
    const values = g.values;
    return values ? { hi: values[2 * i]!, lo: values[2 * i + 1]! } : { hi: 0, lo: 0 };
  }

  /** Remembers `key` (with `value` when the table has values) as the most recent. */
  set(key: Fingerprint, value?: Fingerprint): void {
    let i = this.current.slot(key);
    if (!this.current.occupied(i)) {
      if (this.current.size >= this.perGeneration) {
        const old = this.previous;
        old.clear();
        this.previous = this.current;
        this.current = old;
        i = this.current.slot(key);
      }
      this.current.keys[2 * i] = key.hi;
      this.current.keys[2 * i + 1] = key.lo;
      this.current.size++;
    }
    if (this.current.values && value) {
      this.current.values[2 * i] = value.hi;
      this.current.values[2 * i + 1] = value.lo;
    }
  }

  /** The newest generation holding `key` and its slot there. */
  private find(key: Fingerprint): [Generation, number] | undefined {
    let i = this.current.slot(key);
    if (this.current.occupied(i)) return [this.current, i];
    i = this.previous.slot(key);
    return this.previous.occupied(i) ? [this.previous, i] : undefined;
  }
}
