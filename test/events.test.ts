// The handlers' edge schemas accept the real AWS event samples in events/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeS3Key, s3NotificationSchema } from '../functions/ingest/s3-event';
import { callerOf, type ApiEvent } from '../functions/api/http';

const sample = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'events', name), 'utf8'));

describe('Event samples', () => {
  it('parses the S3 notification carried in the SQS sample and decodes its key', () => {
    const sqs = sample('sqs-s3-object-created.json');
    const parsed = s3NotificationSchema.parse(JSON.parse(sqs.Records[0].body));
    expect(decodeS3Key(parsed.Records[0]!.s3.object.key)).toBe(
      'raw/riverside/b20261130t090000-1a2b3c/Bulk Export/Patient.ndjson',
    );
  });

  it('reads the caller from the Cognito JWT claims in the API Gateway sample', () => {
    const event = sample('apigw-v2-get-patient.json') as ApiEvent;
    expect(callerOf(event)).toEqual({
      subject: '5f2b6c1e-8d3a-4b7e-9c0d-1a2b3c4d5e6f',
      hospital: 'riverside',
      role: 'clinician',
    });
  });
});
