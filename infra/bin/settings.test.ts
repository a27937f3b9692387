// Tests for reading deployment settings from CDK context.
import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { ConfigurationError } from '../../shared/domain/errors';
import { defaultSettings, readSettings } from './settings';

const settingsFrom = (context: Record<string, unknown>) => readSettings(new App({ context }).node);

describe('Function: readSettings', () => {
  it('falls back to the defaults when no context is given, so `cdk synth` needs no flags', () => {
    expect(settingsFrom({})).toEqual(defaultSettings);
  });

  it('accepts numbers given as strings, as `-c key=value` passes them', () => {
    const settings = settingsFrom({ ingestReservedConcurrency: '3', logRetentionDays: '90' });
    expect(settings.ingestReservedConcurrency).toBe(3);
    expect(settings.logRetentionDays).toBe(90);
  });

  it('treats an empty value as unset', () => {
    expect(settingsFrom({ alarmEmail: '' }).alarmEmail).toBeUndefined();
  });

  it('rejects a retention CloudWatch Logs does not offer, naming the key', () => {
    expect(() => settingsFrom({ logRetentionDays: 100 })).toThrow(ConfigurationError);
    expect(() => settingsFrom({ logRetentionDays: 100 })).toThrow(/logRetentionDays/);
  });

  it('names every invalid key in one error', () => {
    expect(() =>
      settingsFrom({ prefix: 'Bad Prefix', apiRateLimit: 0, alarmEmail: 'not-an-address' }),
    ).toThrow(/prefix.*apiRateLimit.*alarmEmail/);
  });
});
