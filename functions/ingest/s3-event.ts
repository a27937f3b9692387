// Edge: zod schemas for the S3 -> SQS event notifications the ingest function consumes.
import { z } from 'zod';
import { ValidationError } from '../../shared/domain/errors';

export const s3EventRecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

export type S3EventRecord = z.infer<typeof s3EventRecordSchema>;

/** An SQS message body from S3 carrying event records (the one-off `s3:TestEvent` is handled before parsing). */
export const s3NotificationSchema = z.object({ Records: z.array(s3EventRecordSchema).min(1) });

/** S3 URL-encodes keys in events, with '+' for spaces. */
/** An object key as S3 puts it in event notifications: URL-encoded, `/` kept, spaces as `+`. */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

export function decodeS3Key(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch (error) {
    throw new ValidationError('S3 object key in the event is not valid URL encoding', 'key', {
      cause: error,
    });
  }
}
