// Secondary adapter (embedded stack): KeyRing backed by a master key file under the data directory.
// Per-hospital keys are derived with HKDF, so hospitals never share a pseudonymisation or data key.
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyRing } from '../../ports/key-ring';
import { open, parseEnvelope, seal } from '../crypto/envelope';

export class LocalKeyRing implements KeyRing {
  private readonly master: Buffer;
  private readonly derived = new Map<string, Buffer>();

  constructor(keyFile: string) {
    this.master = loadOrCreateMasterKey(keyFile);
  }

  async pseudonym(hospital: string, message: string): Promise<string> {
    return createHmac('sha256', this.derive(hospital, 'pseudonym')).update(message).digest('hex');
  }

  async encrypt(hospital: string, plaintext: Uint8Array): Promise<Uint8Array> {
    const dataKey = randomBytes(32);
    const wrapped = seal(this.derive(hospital, 'wrap'), Buffer.alloc(0), dataKey, hospital);
    return seal(dataKey, wrapped, plaintext, hospital);
  }

  async decrypt(hospital: string, envelope: Uint8Array): Promise<Uint8Array> {
    const outer = parseEnvelope(envelope);
    const dataKey = open(this.derive(hospital, 'wrap'), parseEnvelope(outer.wrappedKey), hospital);
    return open(dataKey, outer, hospital);
  }

  private derive(hospital: string, purpose: string): Buffer {
    const id = `${purpose}\u0000${hospital}`;
    let key = this.derived.get(id);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.master, `caregraph:${purpose}`, hospital, 32));
      this.derived.set(id, key);
    }
    return key;
  }
}

function loadOrCreateMasterKey(keyFile: string): Buffer {
  if (existsSync(keyFile)) {
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`key file ${keyFile} does not hold a 256-bit key`);
    return key;
  }
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(32);
  const temp = `${keyFile}.${process.pid}.tmp`;
  writeFileSync(temp, key.toString('base64'), { mode: 0o600 });
  renameSync(temp, keyFile);
  chmodSync(keyFile, 0o600);
  return key;
}
