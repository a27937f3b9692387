// Domain (genomics): a patient's payload sealed into one serving-item attribute, envelope-encrypted
// under the hospital's key (KeyRing: AES-256-GCM data key under the master key), and opened back with
// its schema and owner checked. Genotype calls (genotype-items.ts) and tumour findings
// (tumour-finding-items.ts) are kept this way.
import type { z } from 'zod';
import type { Item } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import { ValidationError } from '../errors';

/** Hex characters of the HMAC kept in a site token (128 bits: collisions are negligible). */
const siteTokenLength = 32;

/**
 * The opaque token of one genomic site of `patient` in a sort key: an HMAC under `hospital`'s
 * pseudonymisation key of what the item holds (`genotype-site`, `tumour-site`), the patient and the
 * site, so no position or allele is in clear and a re-delivered VCF writes the same key.
 */
export async function siteToken(
  keys: KeyRing,
  hospital: string,
  kind: 'genotype-site' | 'tumour-site',
  patient: string,
  site: string,
): Promise<string> {
  const token = await keys.pseudonym(hospital, `${kind}\u0000${patient}\u0000${site}`);
  return token.slice(0, siteTokenLength);
}

/** `payload` as JSON, encrypted under `hospital`'s key, in base64 (the attribute's value). */
export async function sealPayload(
  keys: KeyRing,
  hospital: string,
  payload: { patient: string },
): Promise<string> {
  const envelope = await keys.encrypt(hospital, new TextEncoder().encode(JSON.stringify(payload)));
  return Buffer.from(envelope).toString('base64');
}

/**
 * The payload sealed in `item[attribute]` for `patient`. Throws ValidationError (naming `attribute`
 * and what it holds, `what`) when the item holds no envelope, the envelope fails authentication
 * (another hospital's key, tampering), the payload does not fit `schema`, or it names another patient
 * (an envelope moved between partitions).
 */
export async function openPayload<T extends { patient: string }>(
  keys: KeyRing,
  hospital: string,
  patient: string,
  item: Item,
  attribute: string,
  what: string,
  schema: z.ZodType<T>,
): Promise<T> {
  const sealed = item[attribute];
  if (typeof sealed !== 'string')
    throw new ValidationError(`${what} item holds no encrypted ${what}`, attribute);
  const plain = await keys.decrypt(hospital, Buffer.from(sealed, 'base64'));
  const parsed = schema.safeParse(JSON.parse(new TextDecoder().decode(plain)));
  if (!parsed.success) throw new ValidationError(`stored ${what} payload is malformed`, attribute);
  if (parsed.data.patient !== patient)
    throw new ValidationError(`stored ${what} belongs to another patient`, attribute);
  return parsed.data;
}
