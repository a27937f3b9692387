// `caregraph monitor (--bundle FILE | --patient ID) [--at DATE] [--doses FILE] [--json]`: one patient's
// monitoring report (alert findings, trends, adherence, plan-adjustment suggestions). `--bundle` works
// offline on a FHIR R4 Bundle; `--patient` reads a running stack through an injected fetch function.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigurationError, ValidationError } from '../../../shared/domain/errors';
import type { FhirJson } from '../../../shared/domain/ingest/source-record';
import type { News2Scorer } from '../../../shared/domain/monitoring/news2-input';
import {
  monitoringReport,
  type DoseAcknowledgement,
  type MonitoringReport,
} from '../../../shared/domain/monitoring/report';
import { spo2ScaleOf } from '../../../shared/domain/monitoring/spo2-scale';
import { out, parseFlags, UsageError, type Command } from '../io';
import {
  storedPatientFlags,
  storedPatientSource,
  type StoredPatientSource,
} from '../stored-patient';

const usage = `Usage: caregraph monitor (--bundle FILE | --patient ID [--hospital H] [--endpoint URL] [--data-dir DIR])
                         [--at DATE] [--doses FILE] [--spo2-scale 1|2] [--json]
  --bundle      a FHIR R4 Bundle (Observations, MedicationRequests, MedicationDispenses); works offline.
                With several patients in it, --patient picks one.
  --patient     a patient id: read from the running stack as a clinician of --hospital
  --hospital    the patient's hospital slug (default demo-general)
  --endpoint    the running stack's API URL, as caregraph start prints it (default: its stack.json)
  --data-dir    the running stack's data directory, holding its stack.json (default .caregraph)
  --at          evaluate as of this date or date-time (default now)
  --doses       reminder acknowledgements, JSON array or JSONL of {"medication", "scheduledAt", "outcome"}
                (medication as \`caregraph reminders plan\` names it, or "medicationKey": "system|code")
  --spo2-scale  NEWS2 SpO2 scale, 1 or 2 (default: from the record, as the monitor function chooses:
                2 with a prescribed 88-92 % SpO2 target or hypercapnic respiratory failure, else 1)`;

/** What `--patient` needs from a running stack: the patient's Observations and medication resources. */
export type FetchPatientResources = (
  request: { patientId: string } & StoredPatientSource,
) => Promise<FhirJson[]>;

export interface MonitorCommandDeps {
  fetchPatientResources?: FetchPatientResources;
  /** The NEWS2 scorer (shared/domain/risk/news2.ts); without it NEWS2 is reported as not evaluated. */
  news2?: News2Scorer;
  now?: () => Date;
}

export function makeMonitorCommand(deps: MonitorCommandDeps = {}): Command {
  return {
    name: 'monitor',
    summary: "a patient's alerts, trends, adherence and plan-adjustment suggestions",
    usage,
    async run(argv) {
      const { values } = parseFlags(argv, {
        bundle: { type: 'string' },
        patient: { type: 'string' },
        at: { type: 'string' },
        doses: { type: 'string' },
        'spo2-scale': { type: 'string' },
        json: { type: 'boolean' },
        ...storedPatientFlags,
      });
      if (!values.bundle && !values.patient)
        throw new UsageError('pass --bundle FILE or --patient ID');
      const now =
        values.at === undefined ? (deps.now?.() ?? new Date()).getTime() : atFlag(values.at);
      const scaleFlag =
        values['spo2-scale'] === undefined ? undefined : Number(values['spo2-scale']);
      if (scaleFlag !== undefined && scaleFlag !== 1 && scaleFlag !== 2)
        throw new UsageError('--spo2-scale must be 1 or 2');
      const { patient, resources } = values.bundle
        ? bundleResources(await readJson(values.bundle), values.patient)
        : {
            patient: values.patient!,
            resources: await fetchFromStack(deps, {
              patientId: values.patient!,
              ...storedPatientSource(values),
            }),
          };
      const doseEvents = values.doses ? await readDoseEvents(values.doses) : undefined;
      const spo2Scale = scaleFlag ?? spo2ScaleOf(resources, new Date(now)).scale;
      const report = monitoringReport(resources, { now, news2: deps.news2, spo2Scale, doseEvents });
      if (values.json) out.json({ patient, ...report });
      else out.result(summary(patient, report));
      return 0;
    },
  };
}

/** The command as registered; the lead wires `fetchPatientResources` and `news2` in main.ts. */
export const monitorCommand = makeMonitorCommand();

function atFlag(value: string): number {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : value);
  if (Number.isNaN(t))
    throw new UsageError('--at must be a date YYYY-MM-DD or an ISO 8601 date-time');
  return t;
}

async function fetchFromStack(
  deps: MonitorCommandDeps,
  request: { patientId: string } & StoredPatientSource,
) {
  if (!deps.fetchPatientResources)
    throw new ConfigurationError(
      'monitor --patient is not connected to a stack in this build; use --bundle FILE',
    );
  return deps.fetchPatientResources(request);
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ValidationError(`${file}: cannot read the file`, file, { cause: error });
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${file}: not valid JSON`, file, { cause: error });
  }
}

interface BundleEntry {
  fullUrl?: string;
  resource?: FhirJson;
}

/**
 * The resources of one patient in a Bundle: every resource when it holds one Patient (or none),
 * else those whose subject/patient reference names the chosen Patient (`Patient/{id}` or its fullUrl).
 * Throws ValidationError naming the entry when an entry holds no resource.
 */
export function bundleResources(
  bundle: unknown,
  patientId?: string,
): { patient: string; resources: FhirJson[] } {
  const b = bundle as { resourceType?: unknown; entry?: unknown };
  if (typeof b !== 'object' || b === null || b.resourceType !== 'Bundle')
    throw new ValidationError('resourceType must be "Bundle"', 'resourceType');
  if (b.entry !== undefined && !Array.isArray(b.entry))
    throw new ValidationError('entry must be an array', 'entry');
  const entries = (b.entry ?? []) as BundleEntry[];
  entries.forEach((e, i) => {
    if (typeof e?.resource?.resourceType !== 'string')
      throw new ValidationError(
        `entry[${i}].resource must be a FHIR resource`,
        `entry[${i}].resource`,
      );
  });
  const patients = entries.filter((e) => e.resource!.resourceType === 'Patient');
  const chosen = patientId ? patients.find((p) => p.resource!.id === patientId) : patients[0];
  if (patientId && !chosen && patients.length > 0)
    throw new ValidationError('the bundle holds no Patient with the --patient id', 'patient');
  if (!patientId && patients.length > 1)
    throw new UsageError(`the bundle holds ${patients.length} patients: pass --patient ID`);
  const resources = entries.map((e) => e.resource!).filter((r) => r.resourceType !== 'Patient');
  if (!chosen || patients.length === 1)
    return { patient: chosen?.resource!.id ?? patientId ?? 'unknown', resources };
  const addresses = new Set([`Patient/${chosen.resource!.id}`, chosen.fullUrl]);
  const subjectOf = (r: FhirJson) =>
    ((r.subject ?? r.patient) as { reference?: string } | undefined)?.reference;
  return {
    patient: chosen.resource!.id!,
    resources: resources.filter((r) => addresses.has(subjectOf(r))),
  };
}

const doseEventSchema = z.object({
  medication: z.string().min(1),
  medicationKey: z.string().min(1).optional(),
  scheduledAt: z
    .string()
    .regex(/T\d{2}:\d{2}.*(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO date-time with offset'),
  outcome: z.enum(['taken', 'missed', 'skipped']),
});

async function readDoseEvents(file: string): Promise<DoseAcknowledgement[]> {
  const text = (
    await readFile(file, 'utf8').catch((error: unknown) => {
      throw new ValidationError(`${file}: cannot read the file`, file, { cause: error });
    })
  ).trim();
  const rows: { line: number; value: unknown }[] = [];
  try {
    if (text.startsWith('['))
      (JSON.parse(text) as unknown[]).forEach((value, i) => rows.push({ line: i + 1, value }));
    else
      text
        .split('\n')
        .forEach((l, i) => l.trim() && rows.push({ line: i + 1, value: JSON.parse(l) }));
  } catch (error) {
    throw new ValidationError(`${file}: not valid JSON or JSONL`, file, { cause: error });
  }
  return rows.map(({ line, value }) => {
    const parsed = doseEventSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(
      `${file}: item ${line}: ${issue.path.join('.')} ${issue.message}`,
      issue.path.join('.'),
    );
  });
}

function summary(patient: string, report: MonitoringReport): string {
  const lines = [`patient ${patient} at ${report.at}`];
  lines.push(`alerts (${report.alerts.length}):`);
  for (const a of report.alerts)
    lines.push(
      `  [${a.severity}] ${a.rule}: ${a.reason} (${a.source.guideline}, ${a.source.version})`,
    );
  lines.push('trends (90 days):');
  for (const t of report.trends) {
    const slope = t.slopePerDay === undefined ? '' : `, ${t.slopePerDay.toFixed(3)} ${t.unit}/day`;
    const shift = t.shift ? `, shift ${t.shift.direction} since ${t.shift.since.slice(0, 10)}` : '';
    lines.push(
      `  ${t.concept}: ${t.readings} readings, latest ${t.latest} ${t.unit}${slope} (${t.direction})${shift}`,
    );
  }
  lines.push('adherence (PQA PDC):');
  for (const p of report.adherence) {
    const name = report.medications.find((m) => m.key === p.medication)?.display ?? p.medication;
    lines.push(
      `  ${name}: ${(p.pdc * 100).toFixed(0)} % of ${p.periodDays} days (${p.fills} fills)`,
    );
  }
  if (report.doses) {
    lines.push('dose acknowledgements (reminders):');
    for (const r of report.doses.rates) {
      const name = report.medications.find((m) => m.key === r.medication)?.display ?? r.medication;
      lines.push(
        `  ${name}: ${r.taken} of ${r.scheduled} doses taken (${(r.rate * 100).toFixed(0)} %)`,
      );
    }
    for (const u of report.doses.unmatched)
      lines.push(`  not used for the plan: ${u.medication} (${u.events} doses): ${u.reason}`);
  }
  const repeats = report.dropped.filter((d) => d.duplicateOf !== undefined).length;
  const unread = report.dropped.filter((d) => d.duplicateOf === undefined);
  if (unread.length) lines.push(`observation values not used (${unread.length}):`);
  for (const d of unread)
    lines.push(`  Observation ${d.observationId || '(no id)'} ${d.path}: ${d.reason}`);
  if (repeats) lines.push(`repeated measurements counted once: ${repeats}`);
  lines.push(`suggestions (${report.suggestions.length}, proposals for the care team):`);
  for (const s of report.suggestions)
    lines.push(
      `  ${s.kind}: ${s.action}. Why: ${s.reason} (${s.source.guideline}, ${s.source.version})`,
    );
  return lines.join('\n');
}
