// Secondary adapter (AWS): KeyRing with per-hospital HMAC keys in Secrets Manager and KMS envelope encryption.
import { createHmac } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { KeyRing } from '../../ports/key-ring';
import { ConfigurationError } from '../../domain/errors';
import { open, parseEnvelope, seal } from '../crypto/envelope';
import { DataKeyCache } from './data-key-cache';

export class KmsKeyRing implements KeyRing {
  private readonly hmacKeys = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly kms: KMSClient,
    private readonly secrets: SecretsManagerClient,
    private readonly kmsKeyId: string | undefined,
    /** Secret name prefix; the hospital's key is at `${prefix}${hospital}` (base64, 32 bytes). */
    private readonly secretPrefix: string,
    /** Data keys reused within bounds (data-key-cache.ts), so each seal is not a KMS request. */
    private readonly dataKeys = new DataKeyCache(),
  ) {}

  async pseudonym(hospital: string, message: string): Promise<string> {
    return createHmac('sha256', await this.hmacKey(hospital))
      .update(message)
      .digest('hex');
  }

  async encrypt(hospital: string, plaintext: Uint8Array): Promise<Uint8Array> {
    const key = await this.dataKeys.encryptionKey(hospital, async () => {
      const out = await this.kms.send(
        new GenerateDataKeyCommand({
          KeyId: this.requireKeyId(),
          KeySpec: 'AES_256',
          EncryptionContext: { hospital },
        }),
      );
      return { plaintext: out.Plaintext!, wrapped: out.CiphertextBlob! };
    });
    return seal(key.plaintext, key.wrapped, plaintext, hospital);
  }

  async decrypt(hospital: string, envelope: Uint8Array): Promise<Uint8Array> {
    const parsed = parseEnvelope(envelope);
    const key = await this.dataKeys.decryptionKey(hospital, parsed.wrappedKey, async () => {
      const out = await this.kms.send(
        new DecryptCommand({ CiphertextBlob: parsed.wrappedKey, EncryptionContext: { hospital } }),
      );
      return out.Plaintext!;
    });
    return open(key, parsed, hospital);
  }

  private hmacKey(hospital: string): Promise<Buffer> {
    let key = this.hmacKeys.get(hospital);
    if (!key) {
      key = this.fetchKey(hospital);
      key.catch(() => this.hmacKeys.delete(hospital));
      this.hmacKeys.set(hospital, key);
    }
    return key;
  }

  private async fetchKey(hospital: string): Promise<Buffer> {
    const out = await this.secrets.send(
      new GetSecretValueCommand({ SecretId: `${this.secretPrefix}${hospital}` }),
    );
    const key = Buffer.from(out.SecretString ?? '', 'base64');
    if (key.length < 32)
      throw new ConfigurationError(
        `pseudonymisation key for this hospital is missing or shorter than 256 bits`,
      );
    return key;
  }

  private requireKeyId(): string {
    if (!this.kmsKeyId) throw new ConfigurationError('CAREGRAPH_KMS_KEY_ID is not set');
    return this.kmsKeyId;
  }
}
