// Domain (deid): the re-identification map, pseudonym -> original (`Type/id` or identifier
// `system|value`), kept only in its own restricted table. The original is PHI, so each entry is
// envelope-encrypted: AES-256-GCM under a data key that the hospital's KeyRing wraps (KMS in AWS), with
// the hospital, kind and pseudonym as associated data so a ciphertext cannot be moved to another entry.
// A dump of the table alone reveals pseudonyms and ciphertext, never an original.
// Writes are idempotent (one item per hospital, kind and pseudonym; a re-delivery overwrites the same
// key) and batched; entries already written are remembered, so a run writes each pseudonym once.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from '../../ports/key-ring';
import type { Item, Table } from '../../ports/table';
import { ValidationError } from '../errors';
import { pseudonymHexLength } from '../serving/resource-projection';
import {
  deidSurrogateLabel,
  researchSurrogateLabel,
  type ReidentificationEntry,
} from './structured';

/** The stored entry: keys, kind, the wrapped data key and the sealed original (both base64). */
export interface ReidentificationItem extends Item {
  pk: string;
  sk: ReidentificationEntry['kind'];
  hospital: string;
  /** The KeyRing envelope of the AES-256 data key. */
  dataKey: string;
  /** IV (12 bytes), GCM tag (16 bytes), then the ciphertext of the original. */
  original: string;
}

export const reidentificationKeys = {
  entry: (hospital: string, pseudonym: string, kind: ReidentificationEntry['kind']) => ({
    pk: `REID#${hospital}#${pseudonym}`,
    sk: kind,
  }),
};

/** KeyRing derivations that are keys, not pseudonyms of anything: never re-identification entries. */
const derivedKeyLabels = new Set([deidSurrogateLabel, researchSurrogateLabel]);
const resourceType = /^[A-Z][A-Za-z]+$/;

/**
 * The entry a KeyRing pseudonym call stands for: `message` is what `pseudonymousId` hashed
 * (`Type/id`, or `Identifier/system|value`) and `digest` the full HMAC in hex. Undefined for key
 * derivations and anything that is not a resource or identifier pseudonym.
 */
export function reidentificationEntryOf(
  message: string,
  digest: string,
): ReidentificationEntry | undefined {
  const slash = message.indexOf('/');
  const type = message.slice(0, Math.max(slash, 0));
  if (slash < 1 || !resourceType.test(type) || derivedKeyLabels.has(type)) return undefined;
  const pseudonym = digest.slice(0, pseudonymHexLength);
  return type === 'Identifier'
    ? { pseudonym, kind: 'identifier', original: message.slice(slash + 1) }
    : { pseudonym, kind: 'resource', original: message };
}

export interface ReidentificationLogOptions {
  /** Entries queued before a write is due (default 500; DynamoDB takes 25 per request). */
  batchSize?: number;
  /**
   * Written entries remembered, so repeats cost nothing (default 16,384, about 2 MiB; then
   * forgotten). A forgotten one repeated is written again over itself: a write, never a loss. Kept
   * small because the log lives as long as the function instance: at 200,000 this set alone grew
   * the ingest function by some 25 MiB over a 200,000-record file (docs/ingest.md).
   */
  rememberAtMost?: number;
  /** Entries sealed under one data key before a new one is made (default 1,000,000). */
  entriesPerDataKey?: number;
}

interface DataKey {
  key: Buffer;
  wrapped: string;
  uses: number;
}

/** Collects re-identification entries and writes them, encrypted, in batches (see file comment). */
export class ReidentificationLog {
  private pending: { hospital: string; entry: ReidentificationEntry }[] = [];
  private readonly queued = new Set<string>();
  private readonly written = new Set<string>();
  private readonly dataKeys = new Map<string, Promise<DataKey>>();
  private chain: Promise<void> = Promise.resolve();
  private readonly options: Required<ReidentificationLogOptions>;

  constructor(
    private readonly deps: { table: Table; keys: KeyRing },
    options: ReidentificationLogOptions = {},
  ) {
    this.options = {
      batchSize: 500,
      rememberAtMost: 16_384,
      entriesPerDataKey: 1_000_000,
      ...options,
    };
  }

  /** Queue `entry` of `hospital` (nothing if already written or queued); writes when a batch is full. */
  async record(hospital: string, entry: ReidentificationEntry): Promise<void> {
    const id = `${hospital}#${entry.kind}#${entry.pseudonym}`;
    if (this.written.has(id) || this.queued.has(id)) return;
    this.queued.add(id);
    this.pending.push({ hospital, entry });
    if (this.pending.length >= this.options.batchSize) await this.flush();
  }

  /** Write every queued entry; resolves once they (and any earlier flush) are stored. */
  flush(): Promise<void> {
    const run = this.chain.then(() => this.drain());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async drain(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    try {
      const items = await Promise.all(batch.map((b) => this.seal(b.hospital, b.entry)));
      await this.deps.table.putMany(items);
    } catch (error) {
      this.pending = [...batch, ...this.pending]; // kept for the next flush; the caller sees the error
      throw error;
    }
    if (this.written.size + batch.length > this.options.rememberAtMost) this.written.clear();
    for (const { hospital, entry } of batch) {
      const id = `${hospital}#${entry.kind}#${entry.pseudonym}`;
      this.queued.delete(id);
      this.written.add(id);
    }
  }

  private async seal(
    hospital: string,
    entry: ReidentificationEntry,
  ): Promise<ReidentificationItem> {
    const dataKey = await this.dataKey(hospital);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv);
    cipher.setAAD(associatedData(hospital, entry.kind, entry.pseudonym));
    const body = Buffer.concat([cipher.update(entry.original, 'utf8'), cipher.final()]);
    return {
      ...reidentificationKeys.entry(hospital, entry.pseudonym, entry.kind),
      hospital,
      dataKey: dataKey.wrapped,
      original: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
    };
  }

  /** One data key per hospital, wrapped once by the KeyRing (one KMS call, not one per entry). */
  private async dataKey(hospital: string): Promise<DataKey> {
    let pending = this.dataKeys.get(hospital);
    if (pending && (await pending).uses >= this.options.entriesPerDataKey) pending = undefined;
    if (!pending) {
      pending = newDataKey(this.deps.keys, hospital);
      pending.catch(() => this.dataKeys.delete(hospital));
      this.dataKeys.set(hospital, pending);
    }
    const key = await pending;
    key.uses++;
    return key;
  }
}

async function newDataKey(keys: KeyRing, hospital: string): Promise<DataKey> {
  const key = randomBytes(32);
  const wrapped = Buffer.from(await keys.encrypt(hospital, key)).toString('base64');
  return { key, wrapped, uses: 0 };
}

function associatedData(hospital: string, kind: string, pseudonym: string): Buffer {
  return Buffer.from(`caregraph:reidentification\u0000${hospital}\u0000${kind}\u0000${pseudonym}`);
}

/**
 * Decrypt a stored entry back to what its pseudonym stands for. For the restricted re-identification
 * procedure only: no API route calls it, and only ingest may write the table (infra/ grants).
 */
export async function openReidentificationEntry(
  keys: KeyRing,
  item: Item,
): Promise<ReidentificationEntry> {
  const { pk, sk, hospital, dataKey, original } = item as Partial<ReidentificationItem>;
  const prefix = `REID#${hospital}#`;
  if (!hospital || !pk?.startsWith(prefix) || (sk !== 'resource' && sk !== 'identifier'))
    throw new ValidationError('not a re-identification entry', 'pk');
  if (typeof dataKey !== 'string' || typeof original !== 'string')
    throw new ValidationError('re-identification entry has no sealed original', 'original');
  const pseudonym = pk.slice(prefix.length);
  const key = await keys.decrypt(hospital, Buffer.from(dataKey, 'base64'));
  const sealed = Buffer.from(original, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12), {
      authTagLength: 16,
    });
    decipher.setAAD(associatedData(hospital, sk, pseudonym));
    decipher.setAuthTag(sealed.subarray(12, 28));
    const text = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    return { pseudonym, kind: sk, original: text.toString('utf8') };
  } catch (error) {
    throw new ValidationError('re-identification entry failed authentication', 'original', {
      cause: error,
    });
  }
}
