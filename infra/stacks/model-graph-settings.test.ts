// Tests for reading the knowledge-graph and model settings from CDK context.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { ConfigurationError } from '../../shared/domain/errors';
import { defaultModelGraphSettings, readModelGraphSettings } from './model-graph-settings';

const settingsFrom = (context: Record<string, unknown>) =>
  readModelGraphSettings(new App({ context }).node);

describe('Function: readModelGraphSettings', () => {
  it('falls back to the documented defaults, so `cdk synth` needs no flags', () => {
    expect(settingsFrom({})).toEqual(defaultModelGraphSettings);
    expect(defaultModelGraphSettings).toMatchObject({
      models: true,
      modelInstanceType: 'ml.g4dn.xlarge',
      graphMinCapacity: 1,
    });
  });

  it('is listed in cdk.json with every default, so operators see each setting they can change', () => {
    // Prepare
    const { context } = JSON.parse(readFileSync('cdk.json', 'utf8')) as {
      context: Record<string, unknown>;
    };
    // Act
    const listed = Object.fromEntries(
      Object.keys(defaultModelGraphSettings).map((key) => [key, context[key]]),
    );
    // Assess
    expect(listed).toEqual(defaultModelGraphSettings);
    expect(settingsFrom(context)).toEqual(defaultModelGraphSettings);
  });

  it('reads `-c models=false` and numbers given as strings', () => {
    const settings = settingsFrom({
      models: 'false',
      graphMaxCapacity: '16.5',
      modelMaxInstances: '3',
    });
    expect(settings.models).toBe(false);
    expect(settings.graphMaxCapacity).toBe(16.5);
    expect(settings.modelMaxInstances).toBe(3);
  });

  it('accepts Neptune capacity in half NCUs only, from 1 to 128, with max at least 2.5', () => {
    expect(settingsFrom({ graphMinCapacity: 1.5, graphMaxCapacity: 128 }).graphMinCapacity).toBe(
      1.5,
    );
    expect(() => settingsFrom({ graphMinCapacity: 1.25 })).toThrow(/graphMinCapacity/);
    expect(() => settingsFrom({ graphMinCapacity: 0.5 })).toThrow(/graphMinCapacity/);
    expect(() => settingsFrom({ graphMaxCapacity: 2 })).toThrow(/graphMaxCapacity/);
    expect(() => settingsFrom({ graphMaxCapacity: 128.5 })).toThrow(/graphMaxCapacity/);
  });

  it('rejects a minimum capacity above the maximum, naming the key', () => {
    expect(() => settingsFrom({ graphMinCapacity: 16, graphMaxCapacity: 8 })).toThrow(
      /graphMinCapacity: must not exceed graphMaxCapacity/,
    );
  });

  it('keeps the served model under models/ and the training file under features/', () => {
    expect(() => settingsFrom({ modelDataKey: 'curated/x/model.tar.gz' })).toThrow(/modelDataKey/);
    expect(() => settingsFrom({ trainingDataKey: 'models/train.csv' })).toThrow(/trainingDataKey/);
  });

  it('names every invalid key in one ConfigurationError', () => {
    const read = () =>
      settingsFrom({ modelInstanceType: 'g4dn.xlarge', retrainSchedule: 'weekly', models: 'yes' });
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/models.*modelInstanceType.*retrainSchedule/);
  });
});
