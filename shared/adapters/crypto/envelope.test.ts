import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors';
import { open, parseEnvelope, seal } from './envelope';

describe('Function: seal', () => {
  it('writes version 1, the wrapped-key length and the wrapped key ahead of IV, tag and ciphertext', () => {
    // Prepare
    const dataKey = randomBytes(32);
    const wrappedKey = Buffer.from('wrapped-by-kms');

    // Act
    const envelope = Buffer.from(seal(dataKey, wrappedKey, Buffer.from('hello'), 'riverside'));
    const parsed = parseEnvelope(envelope);

    // Assess
    expect(envelope[0]).toBe(1);
    expect(envelope.readUInt16BE(1)).toBe(wrappedKey.length);
    expect(parsed.wrappedKey.equals(wrappedKey)).toBe(true);
    expect(parsed.iv).toHaveLength(12);
    expect(parsed.tag).toHaveLength(16);
    expect(parsed.body).toHaveLength(5);
  });
});

describe('Function: open', () => {
  it('returns the plaintext sealed under the same key and hospital', () => {
    // Prepare
    const dataKey = randomBytes(32);
    const envelope = seal(dataKey, Buffer.alloc(0), Buffer.from('ldl 131 mg/dL'), 'riverside');

    // Act
    const plaintext = open(dataKey, parseEnvelope(envelope), 'riverside');

    // Assess
    expect(Buffer.from(plaintext).toString()).toBe('ldl 131 mg/dL');
  });

  it('fails authentication with a ValidationError when the hospital (AAD) differs', () => {
    // Prepare
    const dataKey = randomBytes(32);
    const envelope = seal(dataKey, Buffer.alloc(0), Buffer.from('secret'), 'riverside');

    // Act
    const openAsOther = () => open(dataKey, parseEnvelope(envelope), 'hillcrest');

    // Assess
    expect(openAsOther).toThrow(ValidationError);
    expect(openAsOther).toThrow('envelope failed authentication (wrong hospital or tampered)');
  });

  it('fails authentication when the data key differs', () => {
    // Prepare
    const envelope = seal(randomBytes(32), Buffer.alloc(0), Buffer.from('secret'), 'riverside');

    // Act
    const openWithOtherKey = () => open(randomBytes(32), parseEnvelope(envelope), 'riverside');

    // Assess
    expect(openWithOtherKey).toThrow(ValidationError);
  });
});

describe('Function: parseEnvelope', () => {
  it.each([
    ['an unknown version', Buffer.concat([Buffer.from([2, 0, 0]), randomBytes(40)])],
    ['fewer bytes than header, IV and tag', Buffer.from([1, 0, 0, 1, 2, 3])],
    ['no bytes at all', Buffer.alloc(0)],
  ])('rejects %s with a ValidationError', (_case, bytes) => {
    // Act
    const parse = () => parseEnvelope(bytes);

    // Assess
    expect(parse).toThrow(ValidationError);
    expect(parse).toThrow('not a caregraph envelope (unknown version or truncated)');
  });
});
