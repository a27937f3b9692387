// Use case: hand a hospital uploader a presigned S3 PUT for one file under its own hospital's raw
// prefix. The key is built here from validated parts (never from a caller-supplied path), so no
// upload can land outside `raw/<caller's hospital>/`. Content is checked after upload by ingest,
// which detects the format from the bytes and quarantines what it cannot read.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ObjectStore } from '../../ports/object-store';
import { identifierPattern, keyLayout } from '../../config/resources';
import { ValidationError } from '../errors';

/** S3's single-PUT limit is 5 GiB; larger exports must be split (Bulk Data exports already are). */
export const maxUploadBytes = 5 * 1024 ** 3;
/** Presigned URLs live 15 minutes: long enough for a large PUT to start, short if leaked. */
export const uploadUrlLifetimeSeconds = 900;

/** Content types an export may be sent as (the format is detected from the bytes regardless). */
export const uploadContentTypes = [
  'application/fhir+ndjson',
  'application/x-ndjson',
  'application/fhir+json',
  'application/json',
  'text/csv',
  'text/plain',
  'text/x-vcf',
  'application/gzip',
  'application/octet-stream',
] as const;

/** A file name without any path: letters, digits, dot, dash, underscore; not hidden. */
const fileNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export const uploadRequestSchema = z.strictObject({
  file: z
    .string()
    .regex(fileNamePattern, 'must be a plain file name (letters, digits, . _ -), no path'),
  size: z.number().int().min(1).max(maxUploadBytes),
  contentType: z.enum(uploadContentTypes).default('application/octet-stream'),
  batch: z.string().regex(identifierPattern, 'must be a lowercase slug').optional(),
});
export type UploadRequest = z.input<typeof uploadRequestSchema>;

export interface UploadGrant {
  method: 'PUT';
  url: string;
  headers: Record<string, string>;
  batch: string;
  key: string;
  expiresAt: string;
}

/** Validate the request and presign a PUT for `raw/<hospital>/<batch>/<file>`. */
export async function createUpload(
  deps: { objects: ObjectStore; now: Date },
  hospital: string,
  body: unknown,
): Promise<UploadGrant> {
  const parsed = uploadRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // An unknown key is named itself (strict schema), not the object holding it.
    const field =
      issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.join('.') || 'body';
    throw new ValidationError(`${field}: ${issue.message}`, field);
  }
  const request = parsed.data;
  if (!identifierPattern.test(hospital)) throw new ValidationError('invalid hospital', 'hospital');
  const batch =
    request.batch ?? `upload-${deps.now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  const key = keyLayout.raw(hospital, batch, request.file);
  const signed = await deps.objects.presignPut('raw', key, {
    contentLength: request.size,
    contentType: request.contentType,
    expiresInSeconds: uploadUrlLifetimeSeconds,
  });
  return {
    method: 'PUT',
    ...signed,
    batch,
    key,
    expiresAt: new Date(deps.now.getTime() + uploadUrlLifetimeSeconds * 1000).toISOString(),
  };
}
