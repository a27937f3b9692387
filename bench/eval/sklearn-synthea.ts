// Evaluation (sklearn comparison): a tabular dataset derived, at eval time, from the Synthea FHIR R4
// Bundles in ../shared/data/synthea-bundles. One row per encounter (the index date); features are
// what the record shows on that date — age, sex, race, ethnicity, marital status, encounter class
// and type, the latest vitals and labs (missing when never measured), smoking status and counts of
// active conditions and recent encounters — and the outcome is a new Condition with onset in the
// following 365 days. Encounters less than 365 days before the end of a living patient's record
// are left out (outcome not yet observable). Nothing is written to the project: the CSV goes to a
// temporary folder and is deleted after the run.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** LOINC codes of the latest-value features (LOINC 2.7x; as Synthea R4 writes them). */
const latestValue: Record<string, string> = {
  bmi: '39156-5',
  weight_kg: '29463-7',
  height_cm: '8302-2',
  pain_score: '72514-3',
  total_cholesterol_mg_dl: '2093-3',
  hdl_mg_dl: '2085-9',
  ldl_mg_dl: '18262-6',
  triglycerides_mg_dl: '2571-8',
  hba1c_percent: '4548-4',
  glucose_mg_dl: '2339-0',
  creatinine_mg_dl: '38483-4',
  egfr: '33914-3',
  hemoglobin_g_dl: '718-7',
};
const bloodPressure = { panel: '55284-4', systolic: '8480-6', diastolic: '8462-4' };
const smokingStatus = '72166-2';
const dayMs = 86_400_000;
const windowDays = 365;

interface Coding {
  code?: string;
  display?: string;
}
interface Resource {
  resourceType: string;
  [key: string]: unknown;
}
interface Measurement {
  code: string;
  at: number;
  value: number | string;
}

const codeOf = (r: Resource): string =>
  ((r.code as { coding?: Coding[] } | undefined)?.coding?.[0]?.code ?? '').trim();
const time = (iso: unknown): number => (typeof iso === 'string' ? Date.parse(iso) : NaN);

/** A US Core race/ethnicity extension's text. */
function usCoreText(patient: Resource, suffix: string): string {
  const ext = (patient.extension as { url: string; extension?: Resource[] }[] | undefined) ?? [];
  const found = ext.find((e) => e.url.endsWith(suffix));
  const text = found?.extension?.find((e) => e.url === 'text');
  return typeof text?.valueString === 'string' ? text.valueString : '';
}

function measurements(observations: Resource[]): Measurement[] {
  const out: Measurement[] = [];
  for (const o of observations) {
    const at = time(o.effectiveDateTime);
    const code = codeOf(o);
    const quantity = (o.valueQuantity as { value?: number } | undefined)?.value;
    if (typeof quantity === 'number') out.push({ code, at, value: quantity });
    const concept = (o.valueCodeableConcept as { coding?: Coding[] } | undefined)?.coding?.[0];
    if (concept?.display) out.push({ code, at, value: concept.display });
    for (const c of (o.component as Resource[] | undefined) ?? []) {
      const v = (c.valueQuantity as { value?: number } | undefined)?.value;
      if (typeof v === 'number') out.push({ code: codeOf(c), at, value: v });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The latest value of `code` measured on or before `at`, as CSV text ('' when none). */
function latest(ms: Measurement[], code: string, at: number): string {
  let value = '';
  for (const m of ms) {
    if (m.at > at) break;
    if (m.code === code) value = typeof m.value === 'number' ? String(m.value) : m.value;
  }
  return value;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Rows (as CSV cells) of one patient's Bundle. */
function patientRows(bundle: { entry?: { resource: Resource }[] }): string[][] {
  const resources = (bundle.entry ?? []).map((e) => e.resource);
  const of = (type: string) => resources.filter((r) => r.resourceType === type);
  const patient = of('Patient')[0];
  if (!patient) return [];
  const encounters = of('Encounter')
    .map((e) => ({ e, at: time((e.period as { start?: string } | undefined)?.start) }))
    .sort((a, b) => a.at - b.at);
  const conditions = of('Condition').map((c) => ({
    onset: time(c.onsetDateTime),
    abated: time(c.abatementDateTime),
  }));
  const ms = measurements(of('Observation'));
  const death = time(patient.deceasedDateTime);
  const recordEnd = Number.isNaN(death) ? Math.max(...encounters.map((e) => e.at)) : death;
  const born = time(patient.birthDate);
  const marital = (patient.maritalStatus as { coding?: Coding[] } | undefined)?.coding?.[0]?.code;
  const rows: string[][] = [];
  encounters.forEach(({ e, at }, k) => {
    const windowEnd = at + windowDays * dayMs;
    if (Number.isNaN(death) && windowEnd > recordEnd) return;
    const type = (e.type as { coding?: Coding[] }[] | undefined)?.[0]?.coding?.[0]?.display ?? '';
    const previous = k > 0 ? encounters[k - 1]!.at : NaN;
    const active = conditions.filter((c) => c.onset <= at && !(c.abated <= at)).length;
    const recent = encounters.filter((o) => o.at < at && o.at >= at - windowDays * dayMs).length;
    const onsetAfter = conditions.some((c) => c.onset > at && c.onset <= windowEnd);
    rows.push([
      ((at - born) / (365.25 * dayMs)).toFixed(1),
      String(patient.gender ?? ''),
      usCoreText(patient, 'us-core-race'),
      usCoreText(patient, 'us-core-ethnicity'),
      marital ?? '',
      String((e.class as Coding | undefined)?.code ?? ''),
      type,
      latest(ms, bloodPressure.systolic, at),
      latest(ms, bloodPressure.diastolic, at),
      ...Object.values(latestValue).map((code) => latest(ms, code, at)),
      latest(ms, smokingStatus, at),
      String(active),
      String(recent),
      Number.isNaN(previous) ? '' : ((at - previous) / dayMs).toFixed(0),
      onsetAfter ? '1' : '0',
    ]);
  });
  return rows;
}

export const syntheaHeader = [
  'age_years',
  'gender',
  'race',
  'ethnicity',
  'marital_status',
  'encounter_class',
  'encounter_type',
  'systolic_mmhg',
  'diastolic_mmhg',
  ...Object.keys(latestValue),
  'smoking_status',
  'active_conditions',
  'encounters_past_year',
  'days_since_previous_encounter',
  'new_condition_365d',
];

/**
 * The encounter table of every Bundle (*.json) in `dir` as CSV text (header `syntheaHeader`;
 * missing values are empty cells), with its row and positive counts.
 */
export function syntheaEncounterTable(dir: string): {
  csv: string;
  rows: number;
  positives: number;
} {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const rows = files.flatMap((f) =>
    patientRows(
      JSON.parse(readFileSync(join(dir, f), 'utf8')) as { entry?: { resource: Resource }[] },
    ),
  );
  const lines = [syntheaHeader.join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  const positives = rows.filter((r) => r.at(-1) === '1').length;
  return { csv: `${lines.join('\n')}\n`, rows: rows.length, positives };
}
