// Tests (CLI reminders): a bad --quiet-hours is refused naming the flag's whole form; an order whose
// taper cannot be placed is skipped with its reason (as by the deployed planner) and the others are
// planned; a Bundle of which nothing can be planned is refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { runCommand } from '../io';
import { remindersCommand } from './reminders';

const daily = {
  timing: {
    repeat: { frequency: 1, period: 1, periodUnit: 'd' as const, timeOfDay: ['08:00:00'] },
  },
};
const order = (id: string, extra: Partial<MedicationRequest> = {}): MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Atorvastatin 20 MG Oral Tablet' },
  authoredOn: '2026-03-01',
  dosageInstruction: [daily],
  ...extra,
});
/** Step 1 states only a count, so step 2's start cannot be worked out. */
const brokenTaper = order('taper', {
  medicationCodeableConcept: { text: 'Prednisolone 5 MG Oral Tablet' },
  dosageInstruction: [
    { sequence: 1, timing: { repeat: { ...daily.timing.repeat, count: 5 } } },
    { sequence: 2, ...daily },
  ],
});

describe('Command: caregraph reminders plan', () => {
  let dir: string;
  let stdout: string;
  let stderr: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reminders-cli-'));
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = (requests: MedicationRequest[], ...flags: string[]) => {
    const file = join(dir, 'patient.json');
    writeFileSync(
      file,
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: requests.map((resource) => ({ resource })),
      }),
    );
    return runCommand(remindersCommand, [
      ...['plan', '--bundle', file, '--tz', 'Europe/London', '--from', '2026-03-10'],
      ...['--days', '2', ...flags],
    ]);
  };

  it.each(['25:00-07:00', '22:00', '22:00-22:00'])(
    'refuses --quiet-hours %s with the form HH:MM-HH:MM',
    async (quietHours) => {
      // Act
      const code = await runCommand(remindersCommand, [
        ...['plan', '--bundle', 'none.json', '--tz', 'Europe/London', '--from', '2026-03-28'],
        ...['--days', '1', '--quiet-hours', quietHours],
      ]);
      // Assess
      expect(code).toBe(1);
      expect(stderr).toBe(
        `caregraph reminders: --quiet-hours "${quietHours}" must be HH:MM-HH:MM, two different times of day from 00:00 to 23:59 (e.g. 22:00-07:00)\n`,
      );
    },
  );

  it('skips a taper whose step cannot be placed, says so on stderr, and plans the other medicines (--json keeps its shape)', async () => {
    // Act
    const code = await plan([brokenTaper, order('statin')], '--json');
    // Assess: the statin's two doses, the JSON array unchanged; the taper named with its reason.
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        medication: 'Atorvastatin 20 MG Oral Tablet',
        at: '2026-03-10T08:00:00+00:00',
        kind: 'dose',
      },
      {
        medication: 'Atorvastatin 20 MG Oral Tablet',
        at: '2026-03-11T08:00:00+00:00',
        kind: 'dose',
      },
    ]);
    expect(stderr).toMatch(
      /^not planned: MedicationRequest\/taper: entry\[0\]\.resource\.dosageInstruction\[1\]\.sequence: this step starts when the previous one \(dosageInstruction\[0\]\) ends, and that end is not stated/,
    );
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a Bundle of which nothing can be planned (exit 1, nothing on stdout), listing the skipped order', async () => {
    // Act
    const code = await plan([brokenTaper]);
    // Assess
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^not planned: MedicationRequest\/taper: entry\[0\]\.resource\.dosageInstruction\[1\]\.sequence: /,
    );
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^caregraph reminders: .*patient\.json: no reminders planned: 1 MedicationRequest\(s\) could not be planned \(listed above as "not planned"\)$/,
      ),
    ]);
  });
});
