// Domain (ingest/readers): deterministic resource ids for records that arrive without one (CSV rows, notes),
// so a re-sent row or note gets the same id and overwrites instead of duplicating.
import { createHash } from 'node:crypto';

/** Fixed namespace of caregraph's reader ids (a random v4 UUID, chosen once; never change it). */
export const readerIdNamespace = '3d0c8f52-6b1e-4f4e-9a57-2f1f6c7e0b91';

/**
 * An RFC 4122 version-5 UUID (SHA-1 of namespace + name) whose name is `parts` joined by U+001F (unit
 * separator, which cannot occur in a CSV key or path we accept), so ("a,b","c") and ("a","b,c") differ.
 * Not a secret: anyone holding the same parts can recompute it, which is the point.
 */
export function deterministicUuid(...parts: readonly string[]): string {
  const namespace = Buffer.from(readerIdNamespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(parts.join('\u001f'), 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
