// Domain (recommend): stable identifiers — the same inputs always give the same id, so a clinician's
// note or an audit record can refer to a recommendation across runs.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** `prefix-` and the first 16 hex digits of the SHA-256 of the canonical JSON of `value`. */
export function stableId(prefix: string, value: unknown): string {
  return `${prefix}-${createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16)}`;
}
