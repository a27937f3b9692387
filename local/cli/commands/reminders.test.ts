// Tests (CLI reminders): a bad --quiet-hours is refused naming the flag's whole form.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../io';
import { remindersCommand } from './reminders';

describe('Command: caregraph reminders plan', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(['25:00-07:00', '22:00', '22:00-22:00'])(
    'refuses --quiet-hours %s with the form HH:MM-HH:MM',
    async (quietHours) => {
      // Prepare
      let stderr = '';
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
        stderr += String(chunk);
        return true;
      });
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
});
