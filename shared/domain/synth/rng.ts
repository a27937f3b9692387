// Domain (synth): deterministic randomness. Every patient draws from its own stream, derived from the
// cohort seed and the patient's index, so patients are generated independently (streaming, any order)
// and the same seed always gives the same bytes.

/**
 * A seeded pseudo-random stream: sfc32, its 128-bit state seeded by four splitmix32 lanes.
 *
 * Every lane hashes every seed, each lane differently, so the state is a 128-bit function of the
 * seeds. (Until generator 1.1.0 the seeds were folded into one 32-bit word first, so there were only
 * 2^32 streams: across a cohort's patients and their forked streams, ids collided by the birthday
 * bound. In a 100,000-patient cohort two pairs of patients came out identical, a third pair shared
 * its id, and 78 of 541,788 note files were overwritten by notes with the same id.)
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    let a = 0x9e3779b9;
    let b = 0x243f6a88;
    let c = 0xb7e15162;
    let d = 0x85a308d3;
    for (const seed of seeds) {
      const x = seed >>> 0;
      a = splitmix32(a ^ x);
      b = splitmix32(b ^ Math.imul(x, 0x85ebca6b) ^ a);
      c = splitmix32(c ^ Math.imul(x, 0xc2b2ae35) ^ b);
      d = splitmix32(d ^ Math.imul(x, 0x27d4eb2f) ^ c);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A child stream for one purpose (e.g. `fork('notes')`), independent of how much this one was used. */
  fork(label: string): Rng {
    let h = 2166136261;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
    return new Rng(this.a, this.b, this.c, this.d, h);
  }

  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Pick with weights (need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    // Indexed loops, not reduce and destructuring: called thousands of times per patient.
    let total = 0;
    for (let i = 0; i < items.length; i++) total += items[i]![1];
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= items[i]![1];
      if (r < 0) return items[i]![0];
    }
    return items[items.length - 1]![0];
  }

  /** Normal(mean, sd) by Box-Muller. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A deterministic RFC 4122 version-4-shaped UUID from this stream: 32 draws, one hex digit each;
   * digit 12 is then the version (4) and digit 16 carries the variant bits (10xx). Built in one pass
   * (rendering makes dozens per patient).
   */
  uuid(): string {
    let out = '';
    for (let i = 0; i < 32; i++) {
      const digit = Math.floor(this.next() * 16);
      if (i === 8 || i === 12 || i === 16 || i === 20) out += '-';
      out += hexDigits[i === 12 ? 4 : i === 16 ? (digit & 0x3) | 0x8 : digit];
    }
    return out;
  }
}

const hexDigits = '0123456789abcdef';

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The stream for patient `index` of the cohort with `seed`. */
export function patientRng(seed: number, index: number): Rng {
  return new Rng(seed, index, 0x5eed);
}
