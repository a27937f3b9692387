// Primary adapter: the monitor function. EventBridge PatientDataUpdated -> the patient's alerts
// (onPatientDataUpdated) and the next days' medication reminders (planStoredReminders); and, every
// minute from EventBridge Scheduler, the escalation sweep (escalateDueAlerts) that steps up open,
// unacknowledged alerts on time and retries unconfirmed pages. Thin: parse the event with the use
// case's schema, run, log counts (never values or identifiers) and metrics.
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { z } from 'zod';
import type { Observability } from '../../shared/adapters/observability';
import { ValidationError } from '../../shared/domain/errors';
import { escalateDueAlerts } from '../../shared/domain/monitoring/escalation-sweep';
import {
  onPatientDataUpdated,
  patientDataUpdatedSchema,
  type PatientDataUpdatedDeps,
} from '../../shared/domain/monitoring/patient-data-updated';
import { planStoredReminders } from '../../shared/domain/reminders/plan-stored';

export type MonitorFunctionDeps = PatientDataUpdatedDeps & {
  defaultTimeZone: string;
  /** Pause of a superseded reminder re-plan polling for the newer one (default: real time). */
  wait?: (ms: number) => Promise<void>;
};

/** The EventBridge Scheduler event of the escalation sweep (infra/constructs/patient-monitoring.ts). */
export const escalationTickSchema = z.object({
  'detail-type': z.literal('Scheduled Event'),
  source: z.enum(['aws.scheduler', 'aws.events']),
  /** The minute the schedule fired for (ISO 8601, UTC). */
  time: z.iso.datetime(),
});

export type MonitorEvent = { detail?: unknown; 'detail-type'?: unknown };

export function makeMonitorHandler(deps: MonitorFunctionDeps, { logger, metrics }: Observability) {
  return middy(async (event: MonitorEvent, _context: Context) => {
    if (event['detail-type'] === 'Scheduled Event') {
      const tick = escalationTickSchema.safeParse(event);
      if (!tick.success)
        throw new ValidationError(
          'not an EventBridge Scheduler event',
          tick.error.issues[0]?.path.join('.'),
        );
      // A late or retried invocation works up to the later of its scheduled minute and the clock.
      const now = new Date(Math.max(Date.parse(tick.data.time), deps.clock.now().getTime()));
      const swept = await escalateDueAlerts(deps, { now });
      logger.info('alert escalation sweep', { ...swept });
      metrics.addMetric('AlertsChecked', MetricUnit.Count, swept.checked);
      metrics.addMetric('AlertsEscalated', MetricUnit.Count, swept.escalated);
      metrics.addMetric('AlertPagesSent', MetricUnit.Count, swept.notifications);
      metrics.addMetric('AlertChecksFailed', MetricUnit.Count, swept.failed);
      return swept;
    }
    const parsed = patientDataUpdatedSchema.safeParse(event.detail);
    if (!parsed.success)
      throw new ValidationError(
        `not a PatientDataUpdated event: ${parsed.error.issues[0]?.path.join('.') ?? 'detail'}`,
        parsed.error.issues[0]?.path.join('.'),
      );
    const outcome = await onPatientDataUpdated(deps, parsed.data);
    const reminders = await planStoredReminders(deps, {
      hospital: parsed.data.hospital,
      patientId: parsed.data.patientId,
      defaultTimeZone: deps.defaultTimeZone,
    });
    const counts = {
      opened: outcome.opened.length,
      escalated: outcome.escalated.length,
      resolved: outcome.resolved.length,
      remindersPlanned: reminders.written,
      remindersWithdrawn: reminders.withdrawn,
      // A newer re-plan of the patient (newer data) completed and its plan stands; a newer one that
      // did not complete is taken over, or the re-plan throws (retryable: the event is retried).
      remindersSuperseded: reminders.superseded ? 1 : 0,
      remindersSkipped: reminders.skipped.length,
      patientStored: reminders.patientStored,
    };
    logger.info('patient evaluated', { hospital: parsed.data.hospital, ...counts });
    metrics.addMetric('AlertsOpened', MetricUnit.Count, counts.opened);
    metrics.addMetric('AlertsEscalated', MetricUnit.Count, counts.escalated);
    metrics.addMetric('RemindersWithdrawn', MetricUnit.Count, counts.remindersWithdrawn);
    return counts;
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics));
}
