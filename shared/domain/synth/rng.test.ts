// Unit tests (synth): the deterministic random stream's UUIDs.
import { describe, expect, it } from 'vitest';
import { patientRng, Rng } from './rng';

/** The UUID as RFC 4122 section 4.4 describes it, digit by digit, from 32 draws of the same stream. */
function referenceUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16));
  hex[12] = 4;
  hex[16] = (hex[16]! & 0x3) | 0x8;
  const h = hex.map((d) => d.toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

describe('Function: Rng.uuid', () => {
  it('is a lower-case version-4 UUID with the RFC 4122 variant', () => {
    // Prepare
    const rng = new Rng(42);
    // Act
    const ids = Array.from({ length: 200 }, () => rng.uuid());
    // Assess
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('spends exactly 32 draws, one hex digit each, so the ids of a seed never change', () => {
    // Prepare
    const a = new Rng(7, 3);
    const b = new Rng(7, 3);
    // Act
    const fast = [a.uuid(), a.uuid(), a.next()];
    const reference = [referenceUuid(b), referenceUuid(b), b.next()];
    // Assess
    expect(fast).toEqual(reference);
  });
});

describe('Class: Rng streams', () => {
  // With a 32-bit seeded state, 300,000 streams would share a state about ten times (n^2 / 2^33).
  const streams = 300_000;

  it('gives every patient of a large cohort its own stream', () => {
    // Prepare: two pairs whose 32-bit folded seeds were equal before generator 1.1.0
    const formerTwins = [
      [3182, 97114],
      [24977, 97832],
    ];
    // Act
    const firstDraws = new Set<string>();
    for (let index = 0; index < streams; index++) {
      const rng = patientRng(1, index);
      firstDraws.add(`${rng.next()},${rng.next()}`);
    }
    // Assess
    expect(firstDraws.size).toBe(streams);
    for (const [x, y] of formerTwins)
      expect(patientRng(1, x!).uuid()).not.toBe(patientRng(1, y!).uuid());
  });

  it('gives forks of distinct parents, and distinct forks of one parent, their own streams', () => {
    // Act
    const ids = new Set<string>();
    for (let index = 0; index < streams; index++) ids.add(patientRng(1, index).fork('id').uuid());
    const parent = new Rng(5);
    const labels = Array.from({ length: 1000 }, (_, i) => `encounter-${i}`);
    const children = new Set(labels.map((label) => parent.fork(label).uuid()));
    // Assess
    expect(ids.size).toBe(streams);
    expect(children.size).toBe(labels.length);
  });

  it('does not advance the parent when forking, and forks the same way every time', () => {
    // Prepare
    const a = new Rng(9, 1);
    const b = new Rng(9, 1);
    // Act
    const child = a.fork('notes').next();
    // Assess
    expect(b.fork('notes').next()).toBe(child);
    expect(a.next()).toBe(b.next());
  });
});
