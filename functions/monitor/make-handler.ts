// Primary adapter: EventBridge PatientDataUpdated -> the patient's alerts (onPatientDataUpdated) and
// the next days' medication reminders (planStoredReminders). Thin: parse the detail with the use
// case's schema, run both, log counts (never values) and metrics.
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Observability } from '../../shared/adapters/observability';
import { ValidationError } from '../../shared/domain/errors';
import {
  onPatientDataUpdated,
  patientDataUpdatedSchema,
  type PatientDataUpdatedDeps,
} from '../../shared/domain/monitoring/patient-data-updated';
import { planStoredReminders } from '../../shared/domain/reminders/plan-stored';

export type MonitorFunctionDeps = PatientDataUpdatedDeps & { defaultTimeZone: string };

export function makeMonitorHandler(deps: MonitorFunctionDeps, { logger, metrics }: Observability) {
  return middy(async (event: { detail?: unknown }, _context: Context) => {
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
      remindersSkipped: reminders.skipped.length,
      patientStored: reminders.patientStored,
    };
    logger.info('patient evaluated', { hospital: parsed.data.hospital, ...counts });
    metrics.addMetric('AlertsOpened', MetricUnit.Count, counts.opened);
    metrics.addMetric('AlertsEscalated', MetricUnit.Count, counts.escalated);
    return counts;
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics));
}
