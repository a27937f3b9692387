// `caregraph reminders plan --bundle FILE --tz ZONE --from DATE --days N [--json]`: the dose and refill
// reminders a patient's FHIR R4 Bundle implies, in the patient's time zone (docs/cli.md).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Bundle } from '@medplum/fhirtypes';
import { ValidationError } from '../../../shared/domain/errors';
import { planReminders, type PlannedReminder } from '../../../shared/domain/reminders/plan';
import { parseQuietHours } from '../../../shared/domain/reminders/quiet-hours';
import { defaultRefillLeadDays } from '../../../shared/domain/reminders/refills';
import { intFlag, out, parseFlags, requireFlag, UsageError, type Command } from '../io';

const usage = `Usage: caregraph reminders plan --bundle FILE --tz ZONE --from YYYY-MM-DD --days N [--json]
  --bundle            a FHIR R4 Bundle with the patient's MedicationRequests (and MedicationDispenses)
  --tz                the patient's IANA time zone, e.g. Europe/London
  --from              first local day; --days N local days (1-366)
  --quiet-hours       HH:MM-HH:MM: non-critical reminders inside move to the window's end
  --refill-lead-days  days before the supply runs out that a refill reminder is due (default ${defaultRefillLeadDays})
  --json              [{"medication", "at", "dose"?, "kind": "dose"|"refill"}] sorted by time`;

/** Edge validation: the file must be a Bundle whose entries are objects; FHIR detail is the domain's. */
const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  entry: z
    .array(z.object({ resource: z.looseObject({ resourceType: z.string() }).optional() }).loose())
    .optional(),
});

export const remindersCommand: Command = {
  name: 'reminders',
  summary: 'plan medication dose and refill reminders from a FHIR Bundle (reminders plan ...)',
  usage,
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      {
        bundle: { type: 'string' },
        tz: { type: 'string' },
        from: { type: 'string' },
        days: { type: 'string' },
        'quiet-hours': { type: 'string' },
        'refill-lead-days': { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length !== 1 || positionals[0] !== 'plan')
      throw new UsageError('expected the subcommand "plan"');
    const file = requireFlag(values.bundle, 'bundle');
    const tz = requireFlag(values.tz, 'tz');
    const from = requireFlag(values.from, 'from');
    const days = intFlag(requireFlag(values.days, 'days'), 'days', 1, 1, 366);
    const refillLeadDays = intFlag(
      values['refill-lead-days'],
      'refill-lead-days',
      defaultRefillLeadDays,
      0,
      90,
    );
    const quietHours = values['quiet-hours'] ? quietHoursFlag(values['quiet-hours']) : undefined;
    const bundle = await readBundle(file);
    const plan = planReminders(bundle, { tz, from, days, quietHours, refillLeadDays });
    for (const n of plan.notScheduled) out.progress(`not scheduled: ${n.path}: ${n.reason}`);
    // An order that cannot be planned is skipped (as by the deployed planner) and the others are
    // planned; its reason names the entry and element. When skipped orders leave nothing at all to
    // remind, the Bundle is refused as a whole (exit 1, nothing on stdout): an empty plan would read
    // as "nothing to take".
    for (const s of plan.skipped)
      out.progress(`not planned: ${s.resource.endsWith('/') ? '' : `${s.resource}: `}${s.reason}`);
    if (plan.skipped.length && !plan.reminders.length)
      throw new ValidationError(
        `${file}: no reminders planned: ${plan.skipped.length} MedicationRequest(s) could not be ` +
          'planned (listed above as "not planned")',
        plan.skipped[0]!.path,
      );
    if (values.json) out.json(plan.reminders);
    else out.result(table(plan.reminders));
    return 0;
  },
};

/** `--quiet-hours`, refused as a whole: the domain's message names one time, not the flag's form. */
function quietHoursFlag(value: string) {
  try {
    return parseQuietHours(value, '--quiet-hours');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      `--quiet-hours "${value}" must be HH:MM-HH:MM, two different times of day from 00:00 to 23:59 (e.g. 22:00-07:00)`,
      'quiet-hours',
      { cause: error },
    );
  }
}

async function readBundle(file: string): Promise<Bundle> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationError(`cannot read --bundle ${file}`, 'bundle', { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${file} is not JSON`, 'bundle', { cause: error });
  }
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') || 'resourceType';
    throw new ValidationError(`${file}: not a FHIR Bundle (at ${path})`, path);
  }
  return json as Bundle;
}

function table(reminders: PlannedReminder[]): string {
  if (!reminders.length) return 'no reminders in this window';
  const rows = reminders.map((r) => [r.at, r.kind, r.medication, r.dose ?? '']);
  const header = ['AT', 'KIND', 'MEDICATION', 'DOSE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
