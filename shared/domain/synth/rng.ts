// Domain (synth): deterministic randomness. Every patient draws from its own stream, derived from the
// cohort seed and the patient's index, so patients are generated independently (streaming, any order)
// and the same seed always gives the same bytes.

/** A seeded pseudo-random stream (sfc32 seeded by splitmix32; passes PractRand to 2^40+ bytes). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    let s = 0x9e3779b9;
    for (const seed of seeds) s = splitmix32(s ^ (seed >>> 0)) ^ Math.imul(seed >>> 0, 0x85ebca6b);
    this.a = splitmix32(s);
    this.b = splitmix32(this.a);
    this.c = splitmix32(this.b);
    this.d = splitmix32(this.c) | 1;
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
    return new Rng(this.a ^ h, this.b, this.c, this.d ^ (h >>> 3));
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
