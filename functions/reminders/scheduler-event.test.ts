import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reminderTickSchema } from './scheduler-event';

/** The real EventBridge Scheduler payload kept in events/. */
const awsSample = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'events', 'scheduler-every-minute.json'),
    'utf8',
  ),
) as Record<string, unknown>;

describe('Schema: reminderTickSchema', () => {
  it('accepts the EventBridge Scheduler every-minute event and reads its minute', () => {
    // Act
    const tick = reminderTickSchema.parse(awsSample);
    // Assess
    expect(tick.time).toBe('2026-11-30T09:01:00Z');
    expect(tick.detail.shards).toBeUndefined();
  });

  it('accepts a shard split in detail', () => {
    const tick = reminderTickSchema.parse({ ...awsSample, detail: { shards: [0, 1, 2, 3] } });
    expect(tick.detail.shards).toEqual([0, 1, 2, 3]);
  });

  it('rejects a shard outside the layout', () => {
    expect(reminderTickSchema.safeParse({ ...awsSample, detail: { shards: [16] } }).success).toBe(
      false,
    );
  });

  it('rejects an S3 notification sent to the wrong function', () => {
    const s3 = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', '..', 'events', 's3-object-created.json'),
        'utf8',
      ),
    );
    expect(reminderTickSchema.safeParse(s3).success).toBe(false);
  });
});
