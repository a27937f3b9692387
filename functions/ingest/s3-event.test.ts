import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeS3Key, s3NotificationSchema } from './s3-event';

/** The real S3 ObjectCreated notification from events/. */
function sampleNotification(): { Records: Record<string, unknown>[] } {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'events', 's3-object-created.json'), 'utf8'),
  );
}

describe('Function: decodeS3Key', () => {
  it.each([
    [
      '"+" as a space',
      'raw/riverside/b1/Bulk+Export/Patient.ndjson',
      'raw/riverside/b1/Bulk Export/Patient.ndjson',
    ],
    [
      '%2B as a literal plus',
      'raw/riverside/b1/labs%2Bvitals.ndjson',
      'raw/riverside/b1/labs+vitals.ndjson',
    ],
    ['%2F as a slash', 'raw%2Friverside%2Fb1%2FPatient.ndjson', 'raw/riverside/b1/Patient.ndjson'],
    [
      'UTF-8 percent escapes',
      'raw/riverside/b1/Z%C3%BCrich.ndjson',
      'raw/riverside/b1/Zürich.ndjson',
    ],
    ['%25 as a percent sign', 'raw/riverside/b1/100%25.ndjson', 'raw/riverside/b1/100%.ndjson'],
    [
      'a key with nothing encoded',
      'raw/riverside/b1/Patient.ndjson',
      'raw/riverside/b1/Patient.ndjson',
    ],
  ])('decodes %s', (_case, encoded, decoded) => {
    // Act
    const key = decodeS3Key(encoded);

    // Assess
    expect(key).toBe(decoded);
  });
});

describe('Schema: s3NotificationSchema', () => {
  it('accepts a real S3 ObjectCreated notification', () => {
    // Act
    const parsed = s3NotificationSchema.parse(sampleNotification());

    // Assess
    expect(parsed.Records).toHaveLength(1);
    expect(parsed.Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: 'caregraph-raw-123456789012-eu-west-1' },
        object: {
          key: 'raw/riverside/b20261130t090000-1a2b3c/Bulk+Export/Patient.ndjson',
          size: 1532,
          eTag: '0f343b0931126a20f133d67c2b018a3b',
        },
      },
    });
    expect(decodeS3Key(parsed.Records[0]!.s3.object.key)).toBe(
      'raw/riverside/b20261130t090000-1a2b3c/Bulk Export/Patient.ndjson',
    );
  });

  it('rejects the one-off s3:TestEvent, which carries no Records', () => {
    // Prepare
    const testEvent = {
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: '2026-11-30T08:59:00.000Z',
      Bucket: 'caregraph-raw-123456789012-eu-west-1',
      RequestId: '5582815E1AEA5ADF',
      HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
    };

    // Act
    const result = s3NotificationSchema.safeParse(testEvent);

    // Assess
    expect(result.success).toBe(false);
  });

  it('rejects a notification with no records', () => {
    // Act
    const result = s3NotificationSchema.safeParse({ Records: [] });

    // Assess
    expect(result.success).toBe(false);
  });

  it('rejects a record from another event source, such as SNS', () => {
    // Prepare
    const notification = sampleNotification();
    notification.Records[0] = { ...notification.Records[0], eventSource: 'aws:sns' };

    // Act
    const result = s3NotificationSchema.safeParse(notification);

    // Assess
    expect(result.success).toBe(false);
  });

  it('rejects a record with an empty object key', () => {
    // Prepare
    const notification = sampleNotification();
    const s3 = notification.Records[0]!.s3 as { object: { key: string } };
    s3.object.key = '';

    // Act
    const result = s3NotificationSchema.safeParse(notification);

    // Assess
    expect(result.success).toBe(false);
  });
});
