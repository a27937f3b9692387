// Edge: zod schemas of the EventBridge events the kg-update function consumes: `NoteCurated` (a note
// curated by ingest, pseudonymous ids only) and S3 `Object Created` for literature uploads.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

export const noteCuratedEventSchema = z.object({
  'detail-type': z.literal('NoteCurated'),
  source: z.string().min(1),
  /** When the note was curated (ISO-8601); recorded as the facts' generation time. */
  time: z.iso.datetime({ offset: true }),
  detail: z.object({
    hospital: slug,
    /** Pseudonymous patient id. */
    patient: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/),
    /** DocumentReference id of the note. */
    document: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/),
    /** Curated-bucket key of the object holding the note. */
    key: z.string().min(1).max(1024),
    /** The year the note was written (DocumentReference.date), when it had one. */
    noteYear: z.number().int().min(1800).max(2999).optional(),
  }),
});

/** S3 event delivered by EventBridge (S3 "Send notifications to Amazon EventBridge"). */
export const objectCreatedEventSchema = z.object({
  'detail-type': z.literal('Object Created'),
  source: z.literal('aws.s3'),
  time: z.iso.datetime({ offset: true }),
  detail: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({ key: z.string().min(1).max(1024), etag: z.string().optional() }),
  }),
});

export const kgUpdateEventSchema = z.union([noteCuratedEventSchema, objectCreatedEventSchema]);

export type NoteCuratedEvent = z.infer<typeof noteCuratedEventSchema>;
export type ObjectCreatedEvent = z.infer<typeof objectCreatedEventSchema>;
export type KgUpdateEvent = z.infer<typeof kgUpdateEventSchema>;

/** A literature upload as JSON: `{"pmid"?, "id"?, "title", "abstract"}`. */
export const literatureJsonSchema = z.object({
  pmid: z.union([z.string().regex(/^\d{1,9}$/), z.number().int().positive()]).optional(),
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/)
    .optional(),
  title: z.string().min(1).max(2000),
  abstract: z.string().max(100_000).default(''),
});
