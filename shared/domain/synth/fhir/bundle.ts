// Domain (synth/fhir): a patient's resources as one FHIR R4 (4.0.1) transaction Bundle, the form
// hospitals post to a FHIR server: every entry has a urn:uuid fullUrl, a PUT request, and internal
// references rewritten to those urn:uuids (FHIR R4 Bundle, "Resolving references in Bundles").
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { ValidationError } from '../../errors';
import { isUuid } from './ids';

const relativeReference = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * One transaction Bundle of `resources`. Requests are `PUT Type/{id}`, not POST: the ids are
 * deterministic, so loading the same bundle twice updates rather than duplicates (a conditional
 * create would need a searchable business identifier on every resource type). References `Type/{id}`
 * to a resource in the bundle become `urn:uuid:{id}`; others are left as they are. Inputs are not
 * modified. Throws ValidationError when a resource id is not a UUID (urn:uuid needs one).
 */
export function patientTransactionBundle(resources: readonly Resource[]): Bundle {
  const inBundle = bundleAddresses(resources);
  const entry: BundleEntry[] = resources.map((resource) => ({
    fullUrl: `urn:uuid:${resource.id}`,
    resource: withBundleReferences(resource, inBundle) as Resource,
    request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
  }));
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

/**
 * The same Bundle as `JSON.stringify(patientTransactionBundle(resources))`, byte for byte, built from
 * the resources' serialised JSON (pass the strings already made for NDJSON to serialise only once):
 * references are rewritten in the text, which is safe because JSON escapes every quote inside a
 * string, so `"reference":"` only ever occurs as a key.
 */
export function patientTransactionBundleJson(
  resources: readonly Resource[],
  serialised: readonly string[] = resources.map((resource) => JSON.stringify(resource)),
): string {
  return patientTransactionBundleParts(resources, serialised).join('');
}

/**
 * `patientTransactionBundleJson` in consecutive parts (the opening, one part per entry with its
 * separating comma, the closing): a writer can encode them one by one without first joining a
 * string the size of the whole Bundle, and entries of pure ASCII encode on V8's fast path.
 */
export function patientTransactionBundleParts(
  resources: readonly Resource[],
  serialised: readonly string[],
): string[] {
  const inBundle = bundleAddresses(resources);
  const parts = ['{"resourceType":"Bundle","type":"transaction","entry":['];
  for (let i = 0; i < resources.length; i++) {
    const { resourceType, id } = resources[i]!;
    const json = withUrnReferences(serialised[i]!, inBundle);
    parts.push(
      `${i === 0 ? '' : ','}{"fullUrl":"urn:uuid:${id}","resource":${json},"request":{"method":"PUT","url":"${resourceType}/${id}"}}`,
    );
  }
  parts.push(']}');
  return parts;
}

const referenceKey = '"reference":"';
/**
 * What the scan looks for: the key without its opening `"re`. String search in V8 first finds the
 * pattern's first character, and a `"` starts every key and value in JSON while `f` is rare, so this
 * is about three times faster over a resource than searching for the whole key.
 */
const referenceAnchor = referenceKey.slice(3);

/** `json` with `"reference":"Type/{id}"` of resources in the bundle as `"urn:uuid:{id}"`. */
function withUrnReferences(json: string, inBundle: ReadonlySet<string>): string {
  let out = '';
  let copied = 0;
  for (
    let at = json.indexOf(referenceAnchor);
    at >= 0;
    at = json.indexOf(referenceAnchor, at + referenceAnchor.length)
  ) {
    if (at < 3 || !json.startsWith('"re', at - 3)) continue;
    const start = at + referenceAnchor.length;
    const end = json.indexOf('"', start);
    const address = json.slice(start, end);
    if (!inBundle.has(address)) continue;
    out += `${json.slice(copied, start)}urn:uuid:${address.slice(address.indexOf('/') + 1)}`;
    copied = end;
  }
  return copied === 0 ? json : out + json.slice(copied);
}

/** `Type/{id}` of every resource; throws ValidationError for an id that is not a UUID. */
function bundleAddresses(resources: readonly Resource[]): Set<string> {
  const inBundle = new Set<string>();
  for (const resource of resources) {
    if (!resource.id || !isUuid(resource.id)) {
      throw new ValidationError(
        `${resource.resourceType}.id must be a lower-case UUID to be addressed as urn:uuid`,
        'id',
      );
    }
    inBundle.add(`${resource.resourceType}/${resource.id}`);
  }
  return inBundle;
}

/** A deep copy of `value` with references to resources in the bundle in urn:uuid form. */
function withBundleReferences(value: unknown, inBundle: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withBundleReferences(item, inBundle));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    copy[key] =
      key === 'reference' && typeof child === 'string' && inBundle.has(child)
        ? `urn:uuid:${relativeReference.exec(child)![2]}`
        : withBundleReferences(child, inBundle);
  }
  return copy;
}
