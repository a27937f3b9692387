// Domain (recommend): what a de-identified case keeps of a patient's course — the treatments the
// patient received (catalog ingredients) and, for each, whether a hard ASCVD event followed its
// start. Pure: reads the stored (de-identified) FHIR record; `at` bounds what is known. The feature
// build (features/build.ts) calls it per patient; case-index.ts stores the result without ids or dates.
import type { FhirJson } from '../ingest/source-record';
import { ingredientsIn } from './drugs';

/**
 * The outcome a case records: a hard ASCVD event as the Pooled Cohort Equations define it (Goff DC
 * Jr et al. 2013 ACC/AHA Guideline on the Assessment of Cardiovascular Risk, Circulation
 * 2014;129:S49: nonfatal myocardial infarction, CHD death, fatal or nonfatal stroke) read from
 * Condition codes. Deaths carry no cause in the record, so CHD death is not counted; TIA (G45) is not
 * hard ASCVD. Codes: ICD-10-CM FY2025 tabular list I21 (acute MI), I22 (subsequent MI), I60 (SAH),
 * I61 (intracerebral haemorrhage), I63 (cerebral infarction); SNOMED CT International Edition
 * 2025-01 concepts (the concepts themselves, no terminology server): 22298006 myocardial infarction,
 * 57054005 acute MI, 401303003 acute STEMI, 401314000 acute NSTEMI, 230690007 cerebrovascular
 * accident, 422504002 ischemic stroke, 274100004 cerebral hemorrhage.
 */
export const hardAscvdEvent = {
  icd10: ['I21', 'I22', 'I60', 'I61', 'I63'],
  snomed: ['22298006', '57054005', '401303003', '401314000', '230690007', '422504002', '274100004'],
} as const;

/**
 * An event counts under a treatment when its onset falls on a later calendar day than the
 * treatment's first start and at most 10 years after it: the PCE horizon (Goff 2013). An event on
 * the start day is more likely the reason for the treatment than its outcome.
 */
export const outcomeHorizonDays = 3652;

/** What `CaseFacts.eventAfter` means, as shown beside the outcome rates. */
export const caseOutcomeLabel =
  'hard ASCVD event (MI or stroke, PCE definition, Goff 2013) after starting the treatment, within 10 years';

/** A patient's course as a case records it: no ids, no dates, no free text. */
export interface CaseFacts {
  /** Catalog ingredients received with a known start on or before `at`, sorted. */
  treatments: string[];
  /** The treatments (a subset, sorted) followed by a hard ASCVD event within the horizon. */
  eventAfter: string[];
}

const day = 86_400_000;
/**
 * Medication statuses that are not a medicine received (entered in error, cancelled, draft, declined,
 * not taken): left out of a case's treatments here, and of a patient's medications in the feature
 * set (features/extract.ts).
 */
export const excludedStatus: ReadonlySet<string> = new Set([
  'entered-in-error',
  'cancelled',
  'draft',
  'not-taken',
  'declined',
]);

function codings(concept: unknown): { system?: string; code?: string; display?: string }[] {
  return ((concept as FhirJson | undefined)?.coding as { system?: string; code?: string }[]) ?? [];
}

/** The calendar day (YYYY-MM-DD as written, the writer's local day) of a FHIR date or dateTime. */
export const calendarDay = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;

function medicationStart(r: FhirJson): unknown {
  if (r.resourceType === 'MedicationRequest') return r.authoredOn;
  if (r.resourceType === 'MedicationStatement')
    return (r.effectivePeriod as FhirJson | undefined)?.start ?? r.effectiveDateTime;
  if (r.resourceType === 'MedicationDispense') return r.whenHandedOver;
  return undefined;
}

/**
 * The first start day of every catalog ingredient the patient received by `at`: requests and
 * statements (their start) and dispenses (hand-over), unless entered in error, cancelled, draft,
 * declined or not taken. A medicine without a start date cannot be placed before or after an event,
 * so it is left out. Ingredients come from the coded names (`ingredientsIn`, drugs.ts).
 */
export function treatmentStarts(resources: readonly FhirJson[], at: Date): Map<string, string> {
  const starts = new Map<string, string>();
  for (const r of resources) {
    const startDay = calendarDay(medicationStart(r));
    if (!startDay || excludedStatus.has(String(r.status))) continue;
    if (Date.parse(startDay) > at.getTime()) continue;
    const concept = r.medicationCodeableConcept as FhirJson | undefined;
    const names = [...codings(concept).map((c) => c.display ?? ''), String(concept?.text ?? '')];
    for (const drug of ingredientsIn(names.join(' '))) {
      const known = starts.get(drug);
      if (!known || startDay < known) starts.set(drug, startDay);
    }
  }
  return starts;
}

/**
 * The onset day of a Condition (onsetDateTime, onsetPeriod.start, else recordedDate), or undefined
 * when it has none or is refuted or entered in error: a Condition that counts as recorded disease.
 */
export function conditionOnsetDay(r: FhirJson): string | undefined {
  const verification = codings(r.verificationStatus)[0]?.code ?? '';
  if (['refuted', 'entered-in-error'].includes(verification)) return undefined;
  return calendarDay(
    r.onsetDateTime ?? (r.onsetPeriod as FhirJson | undefined)?.start ?? r.recordedDate,
  );
}

/** Onset days of every hard ASCVD event recorded by `at` (not refuted or entered in error). */
export function hardAscvdEventDays(resources: readonly FhirJson[], at: Date): string[] {
  const days: string[] = [];
  for (const r of resources) {
    if (r.resourceType !== 'Condition') continue;
    const onset = conditionOnsetDay(r);
    if (!onset || Date.parse(onset) > at.getTime()) continue;
    const isEvent = codings(r.code).some((c) =>
      c.system === 'http://snomed.info/sct'
        ? (hardAscvdEvent.snomed as readonly string[]).includes(String(c.code))
        : c.system === 'http://hl7.org/fhir/sid/icd-10-cm' &&
          hardAscvdEvent.icd10.some((p) => String(c.code).startsWith(p)),
    );
    if (isEvent) days.push(onset);
  }
  return days.sort();
}

/** The case facts of one patient's stored record at instant `at` (see `hardAscvdEvent`). */
export function caseFacts(resources: readonly FhirJson[], at: Date): CaseFacts {
  const starts = treatmentStarts(resources, at);
  const events = hardAscvdEventDays(resources, at);
  const eventAfter = [...starts]
    .filter(([, start]) =>
      events.some(
        (onset) =>
          onset > start && Date.parse(onset) - Date.parse(start) <= outcomeHorizonDays * day,
      ),
    )
    .map(([drug]) => drug);
  return { treatments: [...starts.keys()].sort(), eventAfter: eventAfter.sort() };
}
