// Domain (features): what a training table says about itself. The table (training-table.ts) is a
// plain CSV the retraining job reads; beside it, at `<key>.spec.json`, a small JSON document names
// the feature spec its columns were extracted under and the SHA-256 of the exact bytes it describes.
// The training job records that spec in model.json (`featureSpec`), which serving and promote check
// against the current spec. Its key starts with the table's key, so the scheduled training job's
// S3Prefix channel (infra/constructs/model-training.ts), which copies every object under the table's
// key, brings it along to /opt/ml/input/data/train/<name>.csv.spec.json.
//
// Why the digest: the table and the document are two objects written one after the other. A table
// built before a deploy that changed the spec must be recorded with its own spec, and a document left
// from an earlier table (a run that stopped between the two writes, a training job that copied in
// between) must never lend its spec to another table; a document whose digest is not the table's
// describes nothing.
import { z } from 'zod';

/** The document beside the training table at `key`. */
export const tableSpecKeyOf = (key: string) => `${key}.spec.json`;

export const tableSpecSchema = z.object({
  /** The feature spec version the table's columns were extracted under (spec.ts). */
  featureSpec: z.string().regex(/^features-\d{4}\.\d{2}\.\d+$/),
  /** SHA-256 (hex) of the table's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** Data rows (the header not counted). */
  rows: z.number().int().nonnegative(),
  label: z.string(),
});

export type TableSpec = z.infer<typeof tableSpecSchema>;
