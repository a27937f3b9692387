// Primary adapter: EventBridge Scheduler (every minute) -> deliverDue. Thin: parse the event, call the
// use case, log counts and emit metrics. Overlapping or repeated invocations are safe (deliver-due.ts).
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Clock, Notifier, Table } from '../../shared/ports';
import type { Observability } from '../../shared/adapters/observability';
import { ValidationError } from '../../shared/domain/errors';
import { deliverDue, type DeliveryReport } from '../../shared/domain/reminders/deliver-due';
import { reminderTickSchema } from './scheduler-event';

/** What the reminders function needs: a subset of shared/adapters/composition.ts Dependencies. */
export interface ReminderFunctionDeps {
  serving: Table;
  notifier: Notifier;
  clock: Clock;
}

export function makeRemindersHandler(
  deps: ReminderFunctionDeps,
  { logger, metrics }: Observability,
) {
  return middy(async (event: unknown, _context: Context): Promise<DeliveryReport> => {
    const parsed = reminderTickSchema.safeParse(event);
    if (!parsed.success)
      throw new ValidationError(
        'not an EventBridge Scheduler event',
        parsed.error.issues[0]?.path.join('.'),
      );
    // A late or retried invocation works up to the later of its scheduled minute and the clock.
    const now = new Date(Math.max(Date.parse(parsed.data.time), deps.clock.now().getTime()));
    const report = await deliverDue(deps, now, { shards: parsed.data.detail.shards });
    logger.info('reminders tick', { minute: now.toISOString().slice(0, 16), ...report });
    metrics.addMetric('RemindersDelivered', MetricUnit.Count, report.delivered);
    metrics.addMetric('RemindersEscalated', MetricUnit.Count, report.escalated);
    metrics.addMetric('RemindersDueRead', MetricUnit.Count, report.read);
    metrics.addMetric('RemindersWithdrawn', MetricUnit.Count, report.withdrawn);
    metrics.addMetric('RemindersUnconfirmed', MetricUnit.Count, report.unconfirmed);
    // Never silent: a reminder that aged out undelivered (also escalated to the caregiver).
    metrics.addMetric('RemindersAbandoned', MetricUnit.Count, report.abandoned);
    if (report.abandoned > 0)
      logger.warn('reminders abandoned after the catch-up window', { abandoned: report.abandoned });
    return report;
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics));
}
