// Primary adapter: EventBridge Scheduler (once a day) -> replanActivePatients, the rolling re-plan
// that keeps every patient with an active order planned planningHorizonDays ahead. Thin: parse the
// event, call the use case, log counts (never ids or values) and emit metrics. A repeated or
// overlapping invocation is safe: re-planning is idempotent (replan-active.ts).
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Clock, Table } from '../../shared/ports';
import type { Observability } from '../../shared/adapters/observability';
import { ValidationError } from '../../shared/domain/errors';
import {
  replanActivePatients,
  type ReplanReport,
} from '../../shared/domain/reminders/replan-active';
import { reminderTickSchema } from './scheduler-event';

/** What the re-plan function needs: a subset of shared/adapters/composition.ts Dependencies. */
export interface ReplanFunctionDeps {
  serving: Table;
  clock: Clock;
  defaultTimeZone: string;
}

export function makeReplanHandler(deps: ReplanFunctionDeps, { logger, metrics }: Observability) {
  return middy(async (event: unknown, context: Context): Promise<ReplanReport> => {
    const parsed = reminderTickSchema.safeParse(event);
    if (!parsed.success)
      throw new ValidationError(
        'not an EventBridge Scheduler event',
        parsed.error.issues[0]?.path.join('.'),
      );
    const failures = new Map<string, number>();
    const report = await replanActivePatients(deps, {
      defaultTimeZone: deps.defaultTimeZone,
      shards: parsed.data.detail.shards,
      onFailure: (name) => failures.set(name, (failures.get(name) ?? 0) + 1),
      // Stop starting patients shortly before the Lambda timeout (replanTimeMargin, replan-active.ts).
      ...(typeof context?.getRemainingTimeInMillis === 'function'
        ? { remainingTimeMs: () => context.getRemainingTimeInMillis() }
        : {}),
    });
    logger.info('reminders re-planned', { ...report });
    if (report.failed > 0)
      logger.error('patients not re-planned', { failures: Object.fromEntries(failures) });
    metrics.addMetric('RemindersReplannedPatients', MetricUnit.Count, report.patients);
    metrics.addMetric('RemindersWithdrawn', MetricUnit.Count, report.withdrawn);
    metrics.addMetric('RemindersReplanFailed', MetricUnit.Count, report.failed);
    metrics.addMetric('RemindersReplanNotReached', MetricUnit.Count, report.notReached);
    if (report.notReached > 0)
      logger.warn('patients not reached before the time limit; the next run resumes there', {
        notReached: report.notReached,
        resumeShard: report.resumeShard,
      });
    return report;
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics));
}
