// Unit tests (synth): the deterministic random stream's UUIDs.
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

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
