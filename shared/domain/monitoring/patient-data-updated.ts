// Use case (monitoring): react to a PatientDataUpdated event (new data for a patient was served) by
// loading the patient's recent observations from the `#Observation` timeline (index byPatientTime,
// serving/records.ts), and the Patient for the age, and evaluating them. The event only says WHO changed, never what: evaluation reads
// the stored state, so a re-delivered or reordered event gives the same alerts. The patient's Goals
// and Conditions choose the NEWS2 SpO2 scale (spo2-scale.ts).
import { z } from 'zod';
import type { Clock } from '../../ports/clock';
import type { Table } from '../../ports/table';
import type { FhirJson } from '../ingest/source-record';
import { isFhirId } from '../preprocess/primitives';
import { servingKeys, sortableInstant } from '../serving/records';
import { evaluatePatient, type EvaluationOutcome, type MonitoringDeps } from './alerts';
import { ruleLookback } from './rules';
import { spo2ScaleOf } from './spo2-scale';
import { msPerDay } from './trend';

/** The event's edge schema (EventBridge detail or SQS body), for the handler to parse with. */
export const patientDataUpdatedSchema = z.object({
  hospital: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  patientId: z.string().refine(isFhirId, 'patientId is not a valid id'),
  batch: z.string().min(1).max(128),
});
export type PatientDataUpdated = z.infer<typeof patientDataUpdatedSchema>;

export interface PatientDataUpdatedDeps extends Omit<MonitoringDeps, 'alerts'> {
  serving: Table;
  clock: Clock;
}

/** Observations older than this are not loaded: the longest rule lookback (HbA1c, one year) plus a margin. */
export const observationLookbackDays = ruleLookback.hba1cDays + 7;
/** A bound on one evaluation's reads, newest first (about 40 readings a day for a year). */
export const maxObservations = 15_000;

/** Loads the patient's recent observations and evaluates them at the clock's now. */
export async function onPatientDataUpdated(
  deps: PatientDataUpdatedDeps,
  event: PatientDataUpdated,
): Promise<EvaluationOutcome> {
  const now = deps.clock.now();
  const observations = await recentObservations(deps.serving, event.hospital, event.patientId, now);
  // The Patient, for the age (adult rules such as NEWS2 are not applied to children).
  const { pk, sk } = servingKeys.patient(event.hospital, event.patientId);
  const patient = (await deps.serving.get(pk, sk))?.resource as FhirJson | undefined;
  // Goals (a prescribed SpO2 target) and Conditions (hypercapnic respiratory failure): NEWS2 scale.
  const scaleRecord = deps.news2
    ? [
        ...(await timeline(deps.serving, event.hospital, event.patientId, 'Goal')),
        ...(await timeline(deps.serving, event.hospital, event.patientId, 'Condition')),
      ]
    : [];
  return evaluatePatient(
    { alerts: deps.serving, notifier: deps.notifier, news2: deps.news2 },
    {
      hospital: event.hospital,
      patientId: event.patientId,
      observations,
      ...(patient ? { patient } : {}),
      spo2Scale: spo2ScaleOf(scaleRecord, now),
      now,
    },
  );
}

/** Most resources of one type a patient's scale choice reads (a problem list is far shorter). */
export const maxScaleRecords = 2_000;

/** A patient's resources of one type from their byPatientTime timeline, up to `maxScaleRecords`. */
async function timeline(
  serving: Table,
  hospital: string,
  patientId: string,
  resourceType: 'Goal' | 'Condition',
): Promise<FhirJson[]> {
  const out: FhirJson[] = [];
  let cursor: string | undefined;
  do {
    const page = await serving.query({
      index: 'byPatientTime',
      partition: servingKeys.patientTimeline(hospital, patientId, resourceType),
      descending: true,
      limit: 200,
      cursor,
    });
    out.push(...page.items.map((item) => item.resource as FhirJson));
    cursor = out.length < maxScaleRecords ? page.cursor : undefined;
  } while (cursor);
  return out;
}

/**
 * A patient's observations from `now` back `observationLookbackDays`, read newest first through the
 * byPatientTime index and stopping at the first older one (or at `maxObservations`).
 */
export async function recentObservations(
  serving: Table,
  hospital: string,
  patientId: string,
  now: Date,
): Promise<FhirJson[]> {
  const oldest = sortableInstant(
    new Date(now.getTime() - observationLookbackDays * msPerDay).toISOString(),
  );
  const out: FhirJson[] = [];
  let cursor: string | undefined;
  do {
    const page = await serving.query({
      index: 'byPatientTime',
      partition: servingKeys.patientTimeline(hospital, patientId, 'Observation'),
      descending: true,
      limit: 200,
      cursor,
    });
    for (const item of page.items) {
      if (String(item.gsi2sk) < oldest) return out;
      out.push(item.resource as FhirJson);
      if (out.length >= maxObservations) return out;
    }
    cursor = page.cursor;
  } while (cursor);
  return out;
}
