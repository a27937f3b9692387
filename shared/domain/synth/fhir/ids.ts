// Domain (synth/fhir): deterministic resource ids. Every id is a name-based UUID derived from the
// patient's id and the role of the resource ("Condition/hypertension/2019-04-02"), so the same
// patient always renders the same ids, and the truth writer can compute an id without rendering.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const hexByte = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * 128 bits of a fast non-cryptographic hash of `text` (four murmur3-mixed 32-bit lanes).
 * Not for security: it only has to be stable and spread names evenly. SHA-1 (UUIDv5) costs
 * about ten times more, and rendering makes hundreds of ids per patient.
 */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [fmix32(h1), fmix32(h2), fmix32(h3), fmix32(h4)];
}

/** A uniform number in [0, 1) that depends only on `text` (for per-patient, per-hospital choices). */
export function hashUniform(text: string): number {
  return hash128(text)[0] / 4294967296;
}

/**
 * A name-based UUID (RFC 9562 version 8, "custom", with the RFC 4122 variant) for `name` inside
 * `namespace`. Lower-case, so it is valid both as a FHIR id and after `urn:uuid:`.
 */
export function nameUuid(namespace: string, name: string): string {
  const [a, b, c, d] = hash128(`${namespace}\u0000${name}`);
  const versioned = ((b & 0xffff0fff) | 0x8000) >>> 0; // version 8 in the 13th hex digit
  const variant = ((c & 0x3fffffff) | 0x80000000) >>> 0; // variant 10 in the 17th
  return `${hex8(a)}-${hex4(versioned >>> 16)}-${hex4(versioned & 0xffff)}-${hex4(variant >>> 16)}-${hex4(variant & 0xffff)}${hex8(d)}`;
}

function hex4(x: number): string {
  return hexByte[x >>> 8]! + hexByte[x & 0xff]!;
}

function hex8(x: number): string {
  return hex4(x >>> 16) + hex4(x & 0xffff);
}

/** True for a lower-case 8-4-4-4-12 UUID, the only ids that can stand after `urn:uuid:`. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/**
 * The resource id for a model id (TrueEncounter.id, SynthNote.id): kept when it is already a
 * UUID (so notes, truth and FHIR agree), else derived from it, so bundles can use urn:uuid.
 */
export function modelResourceId(patientId: string, resourceType: string, modelId: string): string {
  return isUuid(modelId) ? modelId : nameUuid(patientId, `${resourceType}/${modelId}`);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
