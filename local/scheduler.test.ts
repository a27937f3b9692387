import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { LocalScheduler, type Schedule } from './scheduler';

/** The real EventBridge Scheduler payload kept in events/. */
const awsSample = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'events', 'scheduler-every-minute.json'), 'utf8'),
) as ScheduledEvent;

const firedAt = new Date('2026-11-30T09:01:00.456Z');

function recordingSchedule(name: string) {
  const events: ScheduledEvent[] = [];
  const contexts: Context[] = [];
  const schedule: Schedule = {
    name,
    handler: async (event, context) => {
      events.push(event);
      contexts.push(context);
    },
  };
  return { schedule, events, contexts };
}

describe('Class: LocalScheduler', () => {
  describe('Method: tick', () => {
    it('invokes every schedule once with the EventBridge Scheduler event shape', async () => {
      // Prepare
      const reminders = recordingSchedule('caregraph-reminders-every-minute');
      const retrain = recordingSchedule('caregraph-retrain');
      const scheduler = new LocalScheduler(
        [reminders.schedule, retrain.schedule],
        60_000,
        () => firedAt,
      );

      // Act
      await scheduler.tick();

      // Assess
      expect(reminders.events).toEqual([
        {
          version: '0',
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          'detail-type': 'Scheduled Event',
          source: 'aws.scheduler',
          account: expect.stringMatching(/^\d{12}$/),
          time: '2026-11-30T09:01:00Z',
          region: expect.any(String),
          resources: [
            expect.stringMatching(
              /^arn:aws:scheduler:[a-z0-9-]+:\d{12}:schedule\/default\/caregraph-reminders-every-minute$/,
            ),
          ],
          detail: {},
        },
      ]);
      expect(Object.keys(reminders.events[0]!).sort()).toEqual(Object.keys(awsSample).sort());
      expect(retrain.events).toHaveLength(1);
      expect(retrain.events[0]!.resources[0]).toMatch(/schedule\/default\/caregraph-retrain$/);
      expect(reminders.contexts[0]!.functionName).toBe('caregraph-reminders-every-minute');
      expect(scheduler.failures).toEqual([]);
    });

    it("gives each handler a context with its schedule's timeout left (default one minute)", async () => {
      // Prepare
      const left: Record<string, number> = {};
      const timed = (name: string, timeoutMs?: number): Schedule => ({
        name,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        handler: async (_event, context) => {
          left[name] = context.getRemainingTimeInMillis();
        },
      });
      const scheduler = new LocalScheduler(
        [timed('daily-replan', 900_000), timed('tick', 50_000), timed('other')],
        60_000,
        () => firedAt,
      );

      // Act
      await scheduler.tick();

      // Assess: each within the few milliseconds the firing took
      expect(left['daily-replan']).toBeGreaterThan(899_000);
      expect(left['daily-replan']).toBeLessThanOrEqual(900_000);
      expect(left.tick).toBeGreaterThan(49_000);
      expect(left.tick).toBeLessThanOrEqual(50_000);
      expect(left.other).toBeGreaterThan(59_000);
      expect(left.other).toBeLessThanOrEqual(60_000);
    });

    it('gives each firing a new event id, as EventBridge does', async () => {
      // Prepare
      const reminders = recordingSchedule('reminders');
      const scheduler = new LocalScheduler([reminders.schedule], 60_000, () => firedAt);

      // Act
      await scheduler.tick();
      await scheduler.tick();

      // Assess
      expect(reminders.events).toHaveLength(2);
      expect(reminders.events[0]!.id).not.toBe(reminders.events[1]!.id);
    });

    it('records a failing handler in failures and still runs the other schedules', async () => {
      // Prepare
      const healthy = recordingSchedule('reminders');
      const failing: Schedule = {
        name: 'graph-sync',
        handler: async () => {
          throw new RangeError('graph endpoint unreachable');
        },
      };
      const scheduler = new LocalScheduler([failing, healthy.schedule], 60_000, () => firedAt);

      // Act
      await scheduler.tick();

      // Assess
      expect(healthy.events).toHaveLength(1);
      expect(scheduler.failures).toEqual([
        { schedule: 'graph-sync', at: '2026-11-30T09:01:00.456Z', error: 'RangeError' },
      ]);
    });

    it('waits for every handler before resolving', async () => {
      // Prepare
      let finished = false;
      const slow: Schedule = {
        name: 'slow',
        handler: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          finished = true;
        },
      };
      const scheduler = new LocalScheduler([slow], 60_000, () => firedAt);

      // Act
      await scheduler.tick();

      // Assess
      expect(finished).toBe(true);
    });
  });
});
