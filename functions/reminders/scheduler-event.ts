// Edge: zod schema of the EventBridge Scheduler event that invokes the reminders function every minute.
import { z } from 'zod';
import { reminderShards } from '../../shared/domain/reminders/delivery-keys';

export const reminderTickSchema = z.object({
  'detail-type': z.literal('Scheduled Event'),
  source: z.enum(['aws.scheduler', 'aws.events']),
  /** The minute the schedule fired for (ISO-8601, UTC). */
  time: z.iso.datetime(),
  detail: z
    .object({
      /** Optional split of the shards between parallel schedules (default: all shards). */
      shards: z
        .array(
          z
            .number()
            .int()
            .min(0)
            .max(reminderShards - 1),
        )
        .min(1)
        .optional(),
    })
    .default({}),
});

export type ReminderTick = z.infer<typeof reminderTickSchema>;
