// Unit tests (local/cli): the command registry loads each command by the name it answers to.
import { describe, expect, it } from 'vitest';
import { commandEntries } from './main';

describe('Registry: commandEntries', () => {
  it('loads, for every name, the command of that name, with a summary and usage', async () => {
    // Act
    const loaded = await Promise.all(commandEntries.map((entry) => entry.load()));

    // Assert
    expect(loaded.map((command) => command.name)).toEqual(commandEntries.map((e) => e.name));
    for (const command of loaded) {
      expect(command.summary.length, command.name).toBeGreaterThan(10);
      expect(command.usage, command.name).toContain(`caregraph ${command.name}`);
    }
  });

  it('has no name twice', () => {
    // Act
    const names = commandEntries.map((entry) => entry.name);

    // Assert
    expect(new Set(names).size).toBe(names.length);
  });
});
