// Primary adapter: EventBridge PatientDataUpdated -> onPatientDataUpdated (alerts for one patient).
// Thin: parse the detail with the use case's schema, evaluate, log counts (never values) and metrics.
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

export function makeMonitorHandler(
  deps: PatientDataUpdatedDeps,
  { logger, metrics }: Observability,
) {
  return middy(async (event: { detail?: unknown }, _context: Context) => {
    const parsed = patientDataUpdatedSchema.safeParse(event.detail);
    if (!parsed.success)
      throw new ValidationError(
        `not a PatientDataUpdated event: ${parsed.error.issues[0]?.path.join('.') ?? 'detail'}`,
        parsed.error.issues[0]?.path.join('.'),
      );
    const outcome = await onPatientDataUpdated(deps, parsed.data);
    const counts = {
      opened: outcome.opened.length,
      escalated: outcome.escalated.length,
      resolved: outcome.resolved.length,
    };
    logger.info('patient evaluated', { hospital: parsed.data.hospital, ...counts });
    metrics.addMetric('AlertsOpened', MetricUnit.Count, counts.opened);
    metrics.addMetric('AlertsEscalated', MetricUnit.Count, counts.escalated);
    return counts;
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics));
}
