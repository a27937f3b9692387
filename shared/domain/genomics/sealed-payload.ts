// Domain (genomics): a patient's payload sealed into one serving-item attribute, envelope-encrypted
// under the hospital's key (KeyRing: AES-256-GCM data key under the master key), and opened back with
// its schema and owner checked. Genotype calls (genotype-items.ts) and tumour findings
// (tumour-finding-items.ts) are kept this way.
import type { z } from 'zod';
import type { Item } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import { ValidationError } from '../errors';

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
