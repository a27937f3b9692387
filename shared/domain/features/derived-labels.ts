// Use case (features): outcome labels derived from the records themselves, for a retrospective
// training table. The hospital's feature set describes its patients at an index date (its `at`:
// `caregraph features --build --at DATE`); the label says whether an outcome event was recorded in
// the `horizonDays` after it. The design, stated in every report:
// - outcome `hard-ascvd`: a hard ASCVD event as the Pooled Cohort Equations define it (nonfatal MI or
//   stroke; Goff DC Jr et al., Circulation 2014;129:S49), read from Condition codes exactly as the
//   case index reads it (recommend/case-outcome.ts `hardAscvdEventDays`);
// - excluded, with the count: a patient whose event came on or before the index date (prevalent
//   disease: the model is for a first event), and one with no event and no record in the last year
//   of the window (followed too briefly to call negative: a project choice, since an EHR only sees
//   what happens while the patient is in care);
// - the window must have ended: its end is the index date plus the horizon, at or before `now`.
// The labels are written beside the feature set (`labels-<outcome>-<days>d.csv`), so the table they
// make can be traced to them.
import type { FhirJson } from '../ingest/source-record';
import type { ObjectStore } from '../../ports/object-store';
import type { Table } from '../../ports/table';
import { NotFoundError, ValidationError } from '../errors';
import { calendarDay, hardAscvdEventDays } from '../recommend/case-outcome';
import { listPatients, patientRecord } from '../serving/queries';
import { describeFeatureSet, featureFiles, featureSetKey } from './build';
import { featureSpecVersion } from './spec';

export const derivedOutcomes = {
  'hard-ascvd':
    'hard ASCVD event (nonfatal MI or stroke, Pooled Cohort Equations definition, Goff 2013) recorded as a Condition',
} as const;
export type DerivedOutcome = keyof typeof derivedOutcomes;

/** No event and no record in this many last days of the window: followed too briefly to be negative. */
export const followUpEvidenceDays = 365;

export interface DerivedLabels {
  hospital: string;
  outcome: DerivedOutcome;
  definition: string;
  /** The feature set's `at` (index) and the window's end, ISO dates. */
  index: string;
  end: string;
  horizonDays: number;
  /** Curated-bucket key of the labels CSV (patient, outcome). */
  key: string;
  patients: number;
  positives: number;
  negatives: number;
  excluded: { prevalent: number; shortFollowUp: number };
}

const day = 86_400_000;

/** The latest calendar day the record shows the patient in care, up to `end` (YYYY-MM-DD). */
function lastRecordDay(resources: readonly FhirJson[], end: string): string | undefined {
  let last: string | undefined;
  for (const r of resources) {
    const period = (r.period ?? r.effectivePeriod) as FhirJson | undefined;
    for (const v of [
      period?.end,
      period?.start,
      r.effectiveDateTime,
      r.issued,
      r.authoredOn,
      r.whenHandedOver,
      r.recordedDate,
    ]) {
      const d = calendarDay(v);
      if (d && d <= end && (!last || d > last)) last = d;
    }
  }
  return last;
}

/** The feature set's index date: the `at` of its raw vectors (the first line of raw-vectors.ndjson). */
async function featureSetIndex(
  objects: ObjectStore,
  hospital: string,
  set: string | undefined,
): Promise<string> {
  const key = featureSetKey(hospital, featureFiles.raw, set);
  if (!(await objects.head('curated', key)))
    throw new NotFoundError(
      `${describeFeatureSet(hospital, set)} of spec ${featureSpecVersion} does not exist: build it first (caregraph features --build --at DATE)`,
    );
  const stream = await objects.getStream('curated', key);
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    if (text.includes('\n')) break;
  }
  stream.destroy();
  const at = (JSON.parse(text.slice(0, text.indexOf('\n'))) as { at?: string }).at;
  if (!at) throw new Error(`${key}: line 1 has no "at"`);
  return at;
}

/**
 * Label every patient of the hospital for `outcome` over `horizonDays` after the feature set's index
 * date, write the labels CSV beside the feature set and return it with the counts.
 */
export async function deriveLabels(
  deps: { serving: Table; objects: ObjectStore },
  hospital: string,
  request: {
    outcome: DerivedOutcome;
    horizonDays: number;
    now: Date;
    /** A named feature set (`FeatureSetOptions.set`) instead of the current one. */
    set?: string;
  },
  onProgress: (done: number) => void = () => {},
): Promise<DerivedLabels & { csv: string }> {
  const { outcome, horizonDays } = request;
  if (!Number.isInteger(horizonDays) || horizonDays < 30)
    throw new ValidationError(
      '--horizon-days must be a whole number of days, 30 or more',
      'horizon-days',
    );
  const indexAt = await featureSetIndex(deps.objects, hospital, request.set);
  const index = indexAt.slice(0, 10);
  const endAt = new Date(Date.parse(indexAt) + horizonDays * day);
  const end = endAt.toISOString().slice(0, 10);
  if (endAt.getTime() > request.now.getTime())
    throw new ValidationError(
      `the window ends ${end}, after today: the feature set's index date (${index}) plus ${horizonDays} days must have passed; build the features at an earlier --at`,
      'horizon-days',
    );
  const evidenceFrom = new Date(endAt.getTime() - followUpEvidenceDays * day)
    .toISOString()
    .slice(0, 10);
  const rows: string[] = ['patient,outcome'];
  const counts = { patients: 0, positives: 0, negatives: 0, prevalent: 0, shortFollowUp: 0 };
  let cursor: string | undefined;
  do {
    const page = await listPatients(deps.serving, hospital, { limit: 200, cursor });
    for (const patient of page.items) {
      const id = String(patient.id);
      const record = await patientRecord(deps.serving, hospital, id);
      const events = hardAscvdEventDays(record, endAt);
      counts.patients++;
      if (events.some((d) => d <= index)) counts.prevalent++;
      else if (events.some((d) => d > index && d <= end)) {
        counts.positives++;
        rows.push(`${id},1`);
      } else if ((lastRecordDay(record, end) ?? '') >= evidenceFrom) {
        counts.negatives++;
        rows.push(`${id},0`);
      } else counts.shortFollowUp++;
      if (counts.patients % 100 === 0) onProgress(counts.patients);
    }
    cursor = page.next;
  } while (cursor);
  const csv = rows.join('\n') + '\n';
  const key = featureSetKey(hospital, `labels-${outcome}-${horizonDays}d.csv`, request.set);
  await deps.objects.put('curated', key, csv, 'text/csv');
  return {
    hospital,
    outcome,
    definition: derivedOutcomes[outcome],
    index,
    end,
    horizonDays,
    key,
    patients: counts.patients,
    positives: counts.positives,
    negatives: counts.negatives,
    excluded: { prevalent: counts.prevalent, shortFollowUp: counts.shortFollowUp },
    csv,
  };
}
