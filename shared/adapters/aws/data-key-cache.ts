// Secondary adapter (AWS) building block: a bounded cache of KMS data keys, as the AWS Encryption
// SDK's caching cryptographic materials manager does ("Data key caching", AWS Encryption SDK
// Developer Guide): a plaintext data key is reused for at most `maxAgeMs` and `maxMessages`
// encryptions, and unwrapped keys are kept for decryption for at most `maxAgeMs`, `maxEntries`
// of them. Without it every sealed genotype call or re-identification entry costs one KMS request.
// AES-256-GCM with random 96-bit IVs stays far below NIST SP 800-38D's 2^32 invocations per key.

export interface DataKey {
  plaintext: Uint8Array;
  wrapped: Uint8Array;
}

export interface DataKeyCacheLimits {
  /** How long a data key is used and an unwrapped key remembered (default 5 minutes). */
  maxAgeMs: number;
  /** Encryptions under one data key before a new one is generated (default 10,000). */
  maxMessages: number;
  /** Unwrapped keys remembered for decryption (default 1,000; the oldest go first). */
  maxEntries: number;
}

export const defaultDataKeyCacheLimits: DataKeyCacheLimits = {
  maxAgeMs: 5 * 60_000,
  maxMessages: 10_000,
  maxEntries: 1_000,
};

interface EncryptionEntry {
  key: Promise<DataKey>;
  created: number;
  uses: number;
}

interface DecryptionEntry {
  key: Promise<Uint8Array>;
  created: number;
}

export class DataKeyCache {
  private readonly forEncryption = new Map<string, EncryptionEntry>();
  private readonly forDecryption = new Map<string, DecryptionEntry>();

  constructor(
    private readonly limits: DataKeyCacheLimits = defaultDataKeyCacheLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The hospital's current data key, or a new one from `generate` when it is too old or used up. */
  encryptionKey(hospital: string, generate: () => Promise<DataKey>): Promise<DataKey> {
    const at = this.now();
    const entry = this.forEncryption.get(hospital);
    if (
      entry &&
      at - entry.created < this.limits.maxAgeMs &&
      entry.uses < this.limits.maxMessages
    ) {
      entry.uses++;
      return entry.key;
    }
    const key = generate();
    const fresh: EncryptionEntry = { key, created: at, uses: 1 };
    this.forEncryption.set(hospital, fresh);
    key.then(
      (k) => this.remember(hospital, k.wrapped, Promise.resolve(k.plaintext), at),
      () => {
        if (this.forEncryption.get(hospital) === fresh) this.forEncryption.delete(hospital);
      },
    );
    return key;
  }

  /** The plaintext of `wrapped` (a key of `hospital`), unwrapped by `unwrap` unless remembered. */
  decryptionKey(
    hospital: string,
    wrapped: Uint8Array,
    unwrap: () => Promise<Uint8Array>,
  ): Promise<Uint8Array> {
    const at = this.now();
    const id = decryptionId(hospital, wrapped);
    const entry = this.forDecryption.get(id);
    if (entry && at - entry.created < this.limits.maxAgeMs) return entry.key;
    const key = unwrap();
    this.remember(hospital, wrapped, key, at);
    key.catch(() => this.forDecryption.delete(id));
    return key;
  }

  private remember(hospital: string, wrapped: Uint8Array, key: Promise<Uint8Array>, at: number) {
    const id = decryptionId(hospital, wrapped);
    this.forDecryption.delete(id);
    this.forDecryption.set(id, { key, created: at });
    while (this.forDecryption.size > this.limits.maxEntries) {
      const oldest = this.forDecryption.keys().next().value as string;
      this.forDecryption.delete(oldest);
    }
  }
}

function decryptionId(hospital: string, wrapped: Uint8Array): string {
  return `${hospital}\u0000${Buffer.from(wrapped).toString('base64')}`;
}
