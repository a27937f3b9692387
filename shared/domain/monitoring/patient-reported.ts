// Use case (monitoring): patient-reported outcomes feed back in through the API. A PHQ-9 or GAD-7
// total, or a home blood pressure, becomes a FHIR R4 Observation in the patient's record, then a
// PatientDataUpdated event makes monitoring re-evaluate alerts, reminders and plan suggestions.
// The Observation id is derived from its content, so a re-sent report replaces itself (no duplicate).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { EventBus } from '../../ports/event-bus';
import { eventTypes } from '../../ports/event-bus';
import type { Table } from '../../ports/table';
import type { Clock } from '../../ports/clock';
import { ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { getPatient } from '../serving/queries';
import { genericServingItem } from '../serving/records';

/** PHQ-9 totals run 0-27 (Kroenke, Spitzer, Williams, J Gen Intern Med 2001;16:606-613). */
const phq9Max = 27;
/** GAD-7 totals run 0-21 (Spitzer, Kroenke, Williams, Löwe, Arch Intern Med 2006;166:1092-1097). */
const gad7Max = 21;
/** Home BP bounds: physiologically possible readings (project choice, as wide as ingest's checks). */
const systolicRange = [50, 300] as const;
const diastolicRange = [20, 200] as const;
/**
 * A report may be timed up to this far ahead of the server clock (device clocks drift). Such a report
 * is stored as taken when it was received: the alert rules only look at readings at or before the
 * moment they evaluate, so a reading timed ahead would be ignored by the evaluation it triggers (and
 * no later one may come), and a home crisis-level BP would raise no alert.
 */
export const clockSkewMs = 5 * 60_000;

/**
 * A client's idempotency key for a report (the `Idempotency-Key` header or the body's `reportId`):
 * with it, a report sent without `at` and retried replaces itself (the server clock is not in its id).
 */
const reportIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1-128 letters, digits, or . _ : -');
const at = z.iso.datetime({ offset: true }).optional();

export const patientReportedSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('phq9'), total: z.number().int().min(0).max(phq9Max), at, reportId: reportIdSchema.optional() }),
    z.strictObject({ kind: z.literal('gad7'), total: z.number().int().min(0).max(gad7Max), at, reportId: reportIdSchema.optional() }),
    z.strictObject({
      kind: z.literal('home-bp'),
      systolic: z.number().int().min(systolicRange[0]).max(systolicRange[1]),
      diastolic: z.number().int().min(diastolicRange[0]).max(diastolicRange[1]),
      at,
      reportId: reportIdSchema.optional(),
    }),
  ])
  // Pulse pressure is positive in a living patient: a diastolic at or above systolic is a swap or a
  // typo (the same rule as ingest's, preprocess/observation-quantities.ts).
  .superRefine((report, ctx) => {
    if (report.kind === 'home-bp' && report.diastolic >= report.systolic)
      ctx.addIssue({ code: 'custom', path: ['diastolic'], message: 'impossible value (diastolic not below systolic)' });
  }); // prettier-ignore
export type PatientReported = z.infer<typeof patientReportedSchema>;

const loinc = (code: string, display: string) => ({
  coding: [{ system: 'http://loinc.org', code, display }],
});
const category = (code: 'survey' | 'vital-signs') => [
  {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }],
  },
];
const mmHg = (value: number) => ({
  value,
  unit: 'mm[Hg]',
  system: 'http://unitsofmeasure.org',
  code: 'mm[Hg]',
});

/**
 * The report as an Observation (LOINC 44261-6, 70274-6, or the 85354-9 BP panel), performed by the
 * patient, effective at `at`. The id is derived from the report as sent (`reportedAt`, the time the
 * device gave, defaulting to `at`), so a re-sent report replaces itself even when its effective time
 * was clamped to a later receive time. `reportKey` (the client's idempotency key), when given, takes
 * the place of the time in the id: for a report without `at`, whose time is the server's.
 */
export function patientReportedObservation(
  patientId: string,
  report: PatientReported,
  at: string,
  reportedAt: string = at,
  reportKey?: string,
): FhirJson {
  const body =
    report.kind === 'home-bp'
      ? {
          category: category('vital-signs'),
          code: loinc('85354-9', 'Blood pressure panel with all children optional'),
          component: [
            { code: loinc('8480-6', 'Systolic blood pressure'), valueQuantity: mmHg(report.systolic) },
            { code: loinc('8462-4', 'Diastolic blood pressure'), valueQuantity: mmHg(report.diastolic) },
          ],
        }
      : {
          category: category('survey'),
          code:
            report.kind === 'phq9'
              ? loinc('44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]')
              : loinc('70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]'),
          valueInteger: report.total,
        }; // prettier-ignore
  const observation: FhirJson = {
    resourceType: 'Observation',
    status: 'final',
    subject: { reference: `Patient/${patientId}` },
    performer: [{ reference: `Patient/${patientId}` }],
    effectiveDateTime: at,
    ...body,
  };
  const digest = createHash('sha256')
    .update(
      JSON.stringify(
        reportKey === undefined
          ? [patientId, report.kind, reportedAt, body]
          : [patientId, report.kind, { reportKey }, body],
      ),
    )
    .digest('hex');
  return { ...observation, id: `pro-${digest.slice(0, 32)}` };
}

export interface PatientReportedDeps {
  serving: Table;
  clock: Clock;
  events?: EventBus;
}

/**
 * Store a patient-reported outcome for a patient of `hospital` and announce it. Throws
 * ValidationError naming the field for a bad report, NotFoundError for an unknown patient.
 *
 * Retries: a report with `at` replaces itself (its id is its content and `at`). A report without
 * `at` is timed by the server clock, so it replaces itself only when sent with the same idempotency
 * key (`options.idempotencyKey`, the `Idempotency-Key` header, or the body's `reportId`); without a
 * key every retry is a new Observation.
 */
export async function recordPatientReported(
  deps: PatientReportedDeps,
  hospital: string,
  patientId: string,
  body: unknown,
  options: { idempotencyKey?: string } = {},
): Promise<{ id: string; observation: FhirJson }> {
  const parsed = patientReportedSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const field = unknownKey ?? (issue?.path.join('.') || 'body');
    throw new ValidationError(`${field}: ${issue?.message ?? 'invalid'}`, field);
  }
  if (options.idempotencyKey !== undefined) {
    const key = reportIdSchema.safeParse(options.idempotencyKey);
    if (!key.success)
      throw new ValidationError(
        `Idempotency-Key: ${key.error.issues[0]?.message ?? 'invalid'}`,
        'Idempotency-Key',
      );
  }
  const reportKey = options.idempotencyKey ?? parsed.data.reportId;
  const now = deps.clock.now();
  const reportedAt = parsed.data.at ?? now.toISOString();
  if (Date.parse(reportedAt) > now.getTime() + clockSkewMs)
    throw new ValidationError('at: a report cannot be timed in the future', 'at');
  // Within the allowed skew, a time ahead of the server's is the device clock running fast: the
  // reading was taken no later than it arrived, so it is stored as of its receipt.
  const at = Date.parse(reportedAt) > now.getTime() ? now.toISOString() : reportedAt;
  await getPatient(deps.serving, hospital, patientId);
  const { reportId: _reportId, ...report } = parsed.data;
  const observation = patientReportedObservation(
    patientId,
    report as PatientReported,
    at,
    reportedAt,
    parsed.data.at === undefined ? reportKey : undefined,
  );
  await deps.serving.put(
    genericServingItem(hospital, observation, {
      batch: 'patient-reported',
      updatedAt: now.toISOString(),
    }),
  );
  await deps.events?.publish([
    {
      ...eventTypes.patientDataUpdated,
      detail: { hospital, patientId, batch: 'patient-reported' },
    },
  ]);
  return { id: observation.id!, observation };
}
