// Tests for reading the knowledge-graph and model settings from CDK context.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { ConfigurationError } from '../../shared/domain/errors';
import {
  defaultFeatureSettings,
  defaultModelGraphSettings,
  readFeatureSettings,
  readModelGraphSettings,
} from './model-graph-settings';

const settingsFrom = (context: Record<string, unknown>) =>
  readModelGraphSettings(new App({ context }).node);
const featuresFrom = (context: Record<string, unknown>) =>
  readFeatureSettings(new App({ context }).node);
const cdkJsonContext = () =>
  (JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> }).context;

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

describe('Function: readFeatureSettings', () => {
  it('falls back to the documented defaults: no hospital, so no feature job is deployed', () => {
    // Act
    const settings = featuresFrom({});

    // Assess
    expect(settings).toEqual(defaultFeatureSettings);
    expect(settings).toEqual({
      featureHospitals: [],
      featureSchedule: 'cron(0 1 * * ? *)',
      featureInstanceType: 'ml.m5.xlarge',
      trainingHospital: undefined,
      trainingHorizonDays: 730,
      trainingPrepSchedule: 'cron(0 1 ? * SUN *)',
    });
  });

  it('is left at its defaults by cdk.json, so a plain `cdk synth` deploys no feature job', () => {
    expect(featuresFrom(cdkJsonContext())).toEqual(defaultFeatureSettings);
  });

  it('builds the training table on the day of the default retraining, two hours before it', () => {
    // Prepare: cron(minutes hours day-of-month month day-of-week year)
    const fields = (expression: string) => expression.slice('cron('.length, -1).split(' ');
    const prep = fields(defaultFeatureSettings.trainingPrepSchedule);
    const retrain = fields(defaultModelGraphSettings.retrainSchedule);

    // Assess
    expect(prep[4]).toBe(retrain[4]);
    expect(Number(retrain[1]) - Number(prep[1])).toBe(2);
  });

  it('reads hospitals as a comma-separated string (spaces trimmed) or a list', () => {
    expect(
      featuresFrom({ featureHospitals: 'demo-general, north-clinic ' }).featureHospitals,
    ).toEqual(['demo-general', 'north-clinic']);
    expect(featuresFrom({ featureHospitals: ['a1', 'b2'] }).featureHospitals).toEqual(['a1', 'b2']);
    expect(featuresFrom({ featureHospitals: '' }).featureHospitals).toEqual([]);
    expect(featuresFrom({ featureHospitals: [] }).featureHospitals).toEqual([]);
  });

  it('reads a training hospital among the hospitals, and numbers given as strings', () => {
    const settings = featuresFrom({
      featureHospitals: 'north,south',
      trainingHospital: 'south',
      trainingHorizonDays: '365',
    });
    expect(settings.trainingHospital).toBe('south');
    expect(settings.trainingHorizonDays).toBe(365);
  });

  it('refuses a training hospital that is not one of featureHospitals, naming the key', () => {
    const read = () => featuresFrom({ featureHospitals: 'north', trainingHospital: 'south' });
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/trainingHospital: must be one of featureHospitals/);
    expect(() => featuresFrom({ trainingHospital: 'south' })).toThrow(
      /trainingHospital: must be one of featureHospitals/,
    );
  });

  it('refuses bad slugs, repeated hospitals and a non-list, naming the entry', () => {
    expect(() => featuresFrom({ featureHospitals: 'north,North' })).toThrow(
      /featureHospitals\.1: "North" is not a hospital slug/,
    );
    expect(() => featuresFrom({ featureHospitals: 'north,,south' })).toThrow(
      /featureHospitals\.1: "" is not a hospital slug/,
    );
    expect(() => featuresFrom({ featureHospitals: ['-north'] })).toThrow(/featureHospitals\.0/);
    expect(() => featuresFrom({ featureHospitals: 'north,south,north' })).toThrow(
      /featureHospitals: lists hospital "north" twice/,
    );
    expect(() => featuresFrom({ featureHospitals: 7 })).toThrow(
      /featureHospitals: must be a comma-separated string or a list of hospital slugs/,
    );
  });

  it('refuses a horizon under 30 days or not whole', () => {
    expect(featuresFrom({ trainingHorizonDays: 30 }).trainingHorizonDays).toBe(30);
    expect(() => featuresFrom({ trainingHorizonDays: 29 })).toThrow(/trainingHorizonDays/);
    expect(() => featuresFrom({ trainingHorizonDays: '90.5' })).toThrow(/trainingHorizonDays/);
  });

  it('names every invalid key in one ConfigurationError', () => {
    const read = () =>
      featuresFrom({
        featureSchedule: 'nightly',
        featureInstanceType: 'm5.xlarge',
        trainingPrepSchedule: 'weekly',
      });
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/featureSchedule.*featureInstanceType.*trainingPrepSchedule/);
  });
});
