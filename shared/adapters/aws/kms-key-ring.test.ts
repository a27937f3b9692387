// Tests (adapter): KMS envelope encryption with the bounded data-key cache. KMS has no local
// counterpart, so aws-sdk-client-mock plays it: a tiny in-test KMS that wraps data keys under the
// encryption context and refuses to unwrap them under another.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DataKeyCache, defaultDataKeyCacheLimits } from './data-key-cache';
import { KmsKeyRing } from './kms-key-ring';

const kms = mockClient(KMSClient);
const text = (s: string) => new TextEncoder().encode(s);
const read = (b: Uint8Array) => new TextDecoder().decode(b);

/** Wrapped key -> [hospital, plaintext key]: what the real KMS would know. */
let vault: Map<string, [string, Uint8Array]>;

beforeEach(() => {
  vault = new Map();
  kms.on(GenerateDataKeyCommand).callsFake((input: { EncryptionContext: { hospital: string } }) => {
    const plaintext = randomBytes(32);
    const wrapped = randomBytes(48);
    vault.set(wrapped.toString('hex'), [input.EncryptionContext.hospital, plaintext]);
    return { Plaintext: plaintext, CiphertextBlob: wrapped };
  });
  kms
    .on(DecryptCommand)
    .callsFake((input: { CiphertextBlob: Uint8Array; EncryptionContext: { hospital: string } }) => {
      const known = vault.get(Buffer.from(input.CiphertextBlob).toString('hex'));
      if (!known || known[0] !== input.EncryptionContext.hospital)
        throw Object.assign(new Error('InvalidCiphertextException'), {
          name: 'InvalidCiphertextException',
        });
      return { Plaintext: known[1] };
    });
});
afterEach(() => kms.reset());

function keyRing(cache = new DataKeyCache()) {
  return new KmsKeyRing(
    new KMSClient({ region: 'eu-west-2' }),
    new SecretsManagerClient({ region: 'eu-west-2' }),
    'alias/caregraph-data',
    'caregraph/pseudonym/',
    cache,
  );
}

const calls = (command: 'generate' | 'decrypt') =>
  command === 'generate'
    ? kms.commandCalls(GenerateDataKeyCommand).length
    : kms.commandCalls(DecryptCommand).length;

describe('Class: KmsKeyRing with its data-key cache', () => {
  it('seals a hundred values under one data key and opens them without asking KMS again', async () => {
    // Prepare
    const keys = keyRing();
    // Act
    const sealed = await Promise.all(
      Array.from({ length: 100 }, (_, i) => keys.encrypt('east', text(`call ${i}`))),
    );
    const opened = await Promise.all(sealed.map((s) => keys.decrypt('east', s)));
    // Assess
    expect(opened.map(read)).toEqual(Array.from({ length: 100 }, (_, i) => `call ${i}`));
    expect(calls('generate')).toBe(1);
    expect(calls('decrypt')).toBe(0);
  });

  it('unwraps a data key once per cold container, however many envelopes share it', async () => {
    // Prepare: sealed by one container, read by another with an empty cache
    const sealed = await Promise.all(
      Array.from({ length: 50 }, (_, i) => keyRing().encrypt('east', text(`v${i}`))),
    );
    const reader = keyRing();
    const before = calls('decrypt');
    // Act: each writer above had its own data key; read them all twice
    await Promise.all([...sealed, ...sealed].map((s) => reader.decrypt('east', s)));
    // Assess
    expect(calls('decrypt') - before).toBe(50);
  });

  it('generates a new data key after maxMessages encryptions and after maxAge', async () => {
    // Prepare
    let now = 0;
    const keys = keyRing(
      new DataKeyCache({ ...defaultDataKeyCacheLimits, maxMessages: 3, maxAgeMs: 1000 }, () => now),
    );
    // Act
    for (let i = 0; i < 7; i++) await keys.encrypt('east', text('x'));
    const afterCount = calls('generate');
    now = 5000;
    await keys.encrypt('east', text('x'));
    // Assess: 7 messages at 3 per key need 3 keys; the clock past maxAge needs a fourth
    expect(afterCount).toBe(3);
    expect(calls('generate')).toBe(4);
  });

  it("keeps hospitals apart: separate data keys, and one hospital cannot open another's envelope", async () => {
    // Prepare
    const keys = keyRing();
    const east = await keys.encrypt('east', text('east secret'));
    // Act
    await keys.encrypt('west', text('west secret'));
    // Assess
    expect(
      kms.commandCalls(GenerateDataKeyCommand).map((c) => c.args[0].input.EncryptionContext),
    ).toEqual([{ hospital: 'east' }, { hospital: 'west' }]);
    await expect(keys.decrypt('west', east)).rejects.toThrow();
    await expect(keyRing().decrypt('west', east)).rejects.toThrow();
  });

  it('does not remember a failed KMS request: the next seal asks again', async () => {
    // Prepare
    kms.on(GenerateDataKeyCommand).rejectsOnce(new Error('ThrottlingException'));
    const keys = keyRing();
    // Act
    await expect(keys.encrypt('east', text('x'))).rejects.toThrow('ThrottlingException');
    kms.on(GenerateDataKeyCommand).resolves({
      Plaintext: randomBytes(32),
      CiphertextBlob: randomBytes(48),
    });
    // Assess
    await expect(keys.encrypt('east', text('x'))).resolves.toBeInstanceOf(Uint8Array);
  });
});
