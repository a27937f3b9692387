// Envelope format shared by the KMS key ring and the local key ring, so data sealed by one reads the same way.
// Layout: [1 byte version=1][2 bytes BE length L][L bytes wrapped data key][12 bytes IV][16 bytes GCM tag][ciphertext]
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ValidationError } from '../../domain/errors';

const version = 1;

/** AES-256-GCM seal of `plaintext` under `dataKey`; `aad` binds the envelope to its hospital. */
export function seal(
  dataKey: Uint8Array,
  wrappedKey: Uint8Array,
  plaintext: Uint8Array,
  aad: string,
): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const header = Buffer.alloc(3);
  header.writeUInt8(version, 0);
  header.writeUInt16BE(wrappedKey.length, 1);
  return Buffer.concat([header, wrappedKey, iv, cipher.getAuthTag(), body]);
}

export interface ParsedEnvelope {
  wrappedKey: Buffer;
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

export function parseEnvelope(envelope: Uint8Array): ParsedEnvelope {
  const buf = Buffer.from(envelope);
  if (buf.length < 3 + 12 + 16 || buf.readUInt8(0) !== version) {
    throw new ValidationError('not a caregraph envelope (unknown version or truncated)');
  }
  const keyLength = buf.readUInt16BE(1);
  const ivAt = 3 + keyLength;
  if (buf.length < ivAt + 12 + 16) {
    throw new ValidationError('not a caregraph envelope (truncated)');
  }
  return {
    wrappedKey: buf.subarray(3, ivAt),
    iv: buf.subarray(ivAt, ivAt + 12),
    tag: buf.subarray(ivAt + 12, ivAt + 28),
    body: buf.subarray(ivAt + 28),
  };
}

export function open(dataKey: Uint8Array, parsed: ParsedEnvelope, aad: string): Uint8Array {
  try {
    // A fixed 16-byte tag: shortened tags would weaken authentication.
    const decipher = createDecipheriv('aes-256-gcm', dataKey, parsed.iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(parsed.tag);
    return Buffer.concat([decipher.update(parsed.body), decipher.final()]);
  } catch (error) {
    throw new ValidationError(
      'envelope failed authentication (wrong hospital or tampered)',
      undefined,
      { cause: error },
    );
  }
}
