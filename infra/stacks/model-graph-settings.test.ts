// Tests for reading the knowledge-graph and model settings from CDK context.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { ConfigurationError } from '../../shared/domain/errors';
import { maxModelEndpoints } from '../../shared/config/config';
import {
  defaultFeatureSettings,
  defaultModelGraphSettings,
  readFeatureSettings,
  readModelGraphSettings,
  readServedModels,
} from './model-graph-settings';

const settingsFrom = (context: Record<string, unknown>) =>
  readModelGraphSettings(new App({ context }).node);
const featuresFrom = (context: Record<string, unknown>) =>
  readFeatureSettings(new App({ context }).node);
const servedFrom = (context: Record<string, unknown>, prefix = 'caregraph') => {
  const node = new App({ context }).node;
  return readServedModels(node, readModelGraphSettings(node), readFeatureSettings(node), prefix);
};
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
      trainingOutcome: 'hard-ascvd',
      trainingPrepSchedule: 'cron(0 1 ? * SUN *)',
    });
  });

  it('derives the training labels for a known outcome only', () => {
    expect(featuresFrom({ trainingOutcome: 'incident-t2d' }).trainingOutcome).toBe('incident-t2d');
    expect(() => featuresFrom({ trainingOutcome: 'readmission' })).toThrow(/trainingOutcome/);
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

describe('Function: readServedModels', () => {
  const readmission = { name: 'readmission', dataKey: 'models/readmission/current/model.tar.gz' };
  const sepsis = { name: 'sepsis', dataKey: 'models/sepsis/current/model.tar.gz' };
  /** The message of the ConfigurationError reading `servedModels` throws, or 'accepted'. */
  const refusal = (servedModels: unknown, context: Record<string, unknown> = {}): string => {
    try {
      servedFrom({ ...context, servedModels });
      return 'accepted';
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
  };

  it('serves no further model by default, and cdk.json leaves it at that', () => {
    // Act
    const unset = servedFrom({});
    const fromCdkJson = servedFrom(cdkJsonContext());

    // Assess
    expect(unset).toEqual([]);
    expect(fromCdkJson).toEqual([]);
    expect(cdkJsonContext()).not.toHaveProperty('servedModels');
    expect(servedFrom({ servedModels: '' })).toEqual([]);
    expect(servedFrom({ servedModels: '[]' })).toEqual([]);
  });

  it('takes the image tag, instance type and scaling of the primary model where an entry leaves them out', () => {
    // Prepare
    const context = {
      modelImageTag: '2.0.0',
      modelInstanceType: 'ml.m5.large',
      modelMaxInstances: 6,
      servedModels: [
        readmission,
        { ...sepsis, imageTag: '2.1.0', instanceType: 'ml.c5.large', maxInstances: 2 },
        { name: 'frailty', dataKey: 'models/frailty/model.tar.gz', invocationsPerInstance: 90 },
      ],
    };

    // Act
    const models = servedFrom(context);

    // Assess: in the order given
    expect(models).toEqual([
      {
        ...readmission,
        imageTag: '2.0.0',
        instanceType: 'ml.m5.large',
        maxInstances: 6,
        invocationsPerInstance: 600,
      },
      {
        ...sepsis,
        imageTag: '2.1.0',
        instanceType: 'ml.c5.large',
        maxInstances: 2,
        invocationsPerInstance: 600,
      },
      {
        name: 'frailty',
        dataKey: 'models/frailty/model.tar.gz',
        imageTag: '2.0.0',
        instanceType: 'ml.m5.large',
        maxInstances: 6,
        invocationsPerInstance: 90,
      },
    ]);
  });

  it('reads the list as a JSON string, as `-c servedModels=...` gives it', () => {
    // Prepare
    const flag = JSON.stringify([readmission, { ...sepsis, maxInstances: '3' }]);

    // Act
    const models = servedFrom({ servedModels: flag });

    // Assess
    expect(models.map((m) => [m.name, m.dataKey, m.maxInstances])).toEqual([
      ['readmission', readmission.dataKey, 4],
      ['sepsis', sepsis.dataKey, 3],
    ]);
  });

  it('refuses a string that is not JSON, or JSON that is not a list of models', () => {
    expect(refusal('[{"name": "readmission",')).toMatch(
      /^invalid CDK context: servedModels: is not valid JSON \(/,
    );
    expect(refusal('readmission')).toMatch(/^invalid CDK context: servedModels: is not valid JSON/);
    expect(refusal(JSON.stringify(readmission))).toBe(
      'invalid CDK context: servedModels: must be a list of models',
    );
    expect(refusal(7)).toBe(
      'invalid CDK context: servedModels: must be a list of models, or that list as a JSON string',
    );
    expect(refusal([readmission, 'sepsis'])).toMatch(/servedModels\.1: must be an object \{ name,/);
  });

  it('refuses a name that is not a slug, naming the entry', () => {
    expect(refusal([readmission, { ...sepsis, name: 'Sepsis_v2' }])).toBe(
      'invalid CDK context: servedModels.1.name: must be a lowercase slug',
    );
    expect(refusal([{ ...readmission, name: '-readmission' }])).toMatch(
      /^invalid CDK context: servedModels\.0\.name: must be a lowercase slug$/,
    );
  });

  it('refuses a model listed twice, naming the second entry', () => {
    expect(
      refusal([readmission, sepsis, { ...readmission, dataKey: 'models/r2/model.tar.gz' }]),
    ).toBe('invalid CDK context: servedModels.2.name: lists model "readmission" twice');
  });

  it('refuses the primary model again, whatever modelName is', () => {
    expect(refusal([readmission, { name: 'cvd-risk', dataKey: 'models/x/model.tar.gz' }])).toBe(
      'invalid CDK context: servedModels.1.name: "cvd-risk" is modelName, the primary model, which is served already',
    );
    expect(refusal([readmission], { modelName: 'readmission' })).toMatch(
      /servedModels\.0\.name: "readmission" is modelName/,
    );
  });

  it(`refuses more than ${maxModelEndpoints} endpoints in all, the primary model's included`, () => {
    // Prepare
    const models = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        name: `m${i}`,
        dataKey: `models/m${i}/model.tar.gz`,
      }));

    // Act / Assess
    expect(refusal(models(maxModelEndpoints - 1))).toBe('accepted');
    expect(refusal(models(maxModelEndpoints))).toBe(
      `invalid CDK context: servedModels: at most ${maxModelEndpoints - 1} models besides modelName (${maxModelEndpoints} endpoints per API), got ${maxModelEndpoints}`,
    );
  });

  it("refuses a name whose endpoint `${prefix}-${name}` exceeds SageMaker's 63 characters", () => {
    // Prepare: "caregraph-" is 10 characters
    const fits = { ...readmission, name: 'r'.repeat(53) };
    const tooLong = { ...readmission, name: 'r'.repeat(54) };

    // Act / Assess
    expect(refusal([fits])).toBe('accepted');
    expect(refusal([tooLong])).toBe(
      `invalid CDK context: servedModels.0.name: endpoint "caregraph-${'r'.repeat(54)}" exceeds SageMaker's 63-character endpoint name`,
    );
    // The prefix counts: the same name fails under a longer one.
    expect(() => servedFrom({ servedModels: [fits] }, 'caregraph-prod')).toThrow(
      /servedModels\.0\.name: endpoint "caregraph-prod-r{53}" exceeds/,
    );
  });

  it('refuses a missing or misplaced artifact, bad overrides and unknown keys, naming each', () => {
    expect(refusal([{ name: 'readmission' }])).toMatch(/servedModels\.0\.dataKey: Invalid input/);
    expect(refusal([{ ...readmission, dataKey: 'features/readmission.csv' }])).toMatch(
      /servedModels\.0\.dataKey: must be under models\//,
    );
    expect(refusal([{ ...readmission, instanceType: 'c5.large' }])).toMatch(
      /servedModels\.0\.instanceType: must be an ml\.\* instance type/,
    );
    expect(refusal([{ ...readmission, maxInstances: 21 }])).toMatch(
      /servedModels\.0\.maxInstances/,
    );
    expect(refusal([{ ...readmission, datakey: 'models/x/model.tar.gz' }])).toMatch(
      /servedModels\.0: Unrecognized key: "datakey"/,
    );
  });

  it('names every problem in one ConfigurationError', () => {
    // Prepare
    const servedModels = [
      { name: 'Bad', dataKey: 'models/bad/model.tar.gz' },
      { ...readmission, maxInstances: 'many' },
      readmission,
      { name: 'cvd-risk', dataKey: 'models/cvd/model.tar.gz' },
      { name: 'x'.repeat(60), dataKey: 'models/x/model.tar.gz' },
    ];

    // Act
    const message = refusal(servedModels);

    // Assess
    for (const problem of [
      'servedModels.0.name: must be a lowercase slug',
      'servedModels.1.maxInstances:',
      'servedModels.2.name: lists model "readmission" twice',
      'servedModels.3.name: "cvd-risk" is modelName',
      'servedModels.4.name: endpoint "caregraph-xxx',
    ])
      expect(message).toContain(problem);
  });
});

describe('Function: readServedModels, with retrain', () => {
  const t2d = { name: 't2d-risk', dataKey: 'models/t2d-risk/current/model.tar.gz' };
  const frailty = { name: 'frailty', dataKey: 'models/frailty/current/model.tar.gz' };
  /** Nightly features for north and south, the primary's training set from north. */
  const features = { featureHospitals: 'north,south', trainingHospital: 'north' };
  /** The message of the ConfigurationError reading `servedModels` throws, or 'accepted'. */
  const refusal = (
    servedModels: unknown,
    context: Record<string, unknown> = features,
    prefix = 'caregraph',
  ): string => {
    try {
      servedFrom({ ...context, servedModels }, prefix);
      return 'accepted';
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
  };

  it("takes the primary model's training settings where retrain leaves them out, and names the table after the model", () => {
    // Arrange
    const context = {
      ...features,
      trainingHorizonDays: 365,
      trainingAlgorithm: 'mlp',
      servedModels: [{ ...t2d, retrain: { outcome: 'incident-t2d' } }, frailty],
    };

    // Act
    const [retrained, served] = servedFrom(context);

    // Assess
    expect(retrained?.retrain).toEqual({
      outcome: 'incident-t2d',
      hospital: 'north',
      horizonDays: 365,
      algorithm: 'mlp',
      schedule: 'cron(0 3 ? * SUN *)',
      prepSchedule: 'cron(0 1 ? * SUN *)',
      dataKey: 'features/training/t2d-risk.csv',
      label: 'outcome',
    });
    expect(served).not.toHaveProperty('retrain');
  });

  it('reads every retrain field, numbers given as strings, from cdk.json or the JSON string of -c', () => {
    // Arrange: another hospital than the primary's, so its own horizon and prepSchedule
    const retrain = {
      outcome: 'hard-ascvd',
      hospital: 'south',
      horizonDays: '1095',
      algorithm: 'gnb',
      schedule: 'cron(0 6 ? * SAT *)',
      prepSchedule: 'cron(0 2 ? * SAT *)',
    };

    // Act
    const fromList = servedFrom({ ...features, servedModels: [{ ...frailty, retrain }] });
    const fromFlag = servedFrom({
      ...features,
      servedModels: JSON.stringify([{ ...frailty, retrain }]),
    });

    // Assess
    for (const [model] of [fromList, fromFlag])
      expect(model?.retrain).toEqual({
        outcome: 'hard-ascvd',
        hospital: 'south',
        horizonDays: 1095,
        algorithm: 'gnb',
        schedule: 'cron(0 6 ? * SAT *)',
        prepSchedule: 'cron(0 2 ? * SAT *)',
        dataKey: 'features/training/frailty.csv',
        label: 'outcome',
      });
  });

  it('refuses a retrain without an outcome, with an unknown one, or with unknown or bad fields, naming each path', () => {
    // Act / Assess
    expect(refusal([frailty, { ...t2d, retrain: { hospital: 'north' } }])).toBe(
      'invalid CDK context: servedModels.1.retrain.outcome: required: the derived outcome its training labels stand for (hard-ascvd, incident-t2d)',
    );
    expect(refusal([frailty, { ...t2d, retrain: { outcome: 'readmission' } }])).toBe(
      'invalid CDK context: servedModels.1.retrain.outcome: "readmission" is not a derived outcome (hard-ascvd, incident-t2d)',
    );
    expect(refusal([{ ...t2d, retrain: 'incident-t2d' }])).toBe(
      'invalid CDK context: servedModels.0.retrain: must be an object { outcome, hospital?, horizonDays?, algorithm?, schedule?, prepSchedule? }',
    );
    expect(refusal([{ ...t2d, retrain: { outcome: 'incident-t2d', horizon: 365 } }])).toMatch(
      /servedModels\.0\.retrain: Unrecognized key: "horizon"/,
    );
    const bad = refusal([
      {
        ...t2d,
        retrain: {
          outcome: 'incident-t2d',
          hospital: 'North',
          horizonDays: 29,
          algorithm: 'xgboost',
          schedule: 'weekly',
          prepSchedule: 'daily',
        },
      },
    ]);
    for (const field of ['hospital', 'horizonDays', 'algorithm', 'schedule', 'prepSchedule'])
      expect(bad).toContain(`servedModels.0.retrain.${field}: `);
  });

  it('refuses a hospital whose feature set is not built nightly, or none at all', () => {
    // Act / Assess
    expect(refusal([{ ...t2d, retrain: { outcome: 'incident-t2d', hospital: 'east' } }])).toBe(
      'invalid CDK context: servedModels.0.retrain.hospital: "east" must be one of featureHospitals (north, south)',
    );
    // No trainingHospital to default to
    expect(
      refusal([{ ...t2d, retrain: { outcome: 'incident-t2d' } }], { featureHospitals: 'north' }),
    ).toBe(
      'invalid CDK context: servedModels.0.retrain.hospital: required while trainingHospital, its default, is unset',
    );
    expect(
      refusal([{ ...t2d, retrain: { outcome: 'incident-t2d', hospital: 'north' } }], {
        featureHospitals: 'north',
      }),
    ).toBe('accepted');
  });

  it('refuses a retrain while featureHospitals names no hospital: no features job would write its table', () => {
    // Act
    const message = refusal(
      [{ ...t2d, retrain: { outcome: 'incident-t2d', hospital: 'north' } }],
      {},
    );

    // Assess
    expect(message).toBe(
      'invalid CDK context: servedModels.0.retrain: needs featureHospitals: its training table is derived by the features job, deployed only for the hospitals listed there',
    );
    // Without retrain the same entry needs no hospital.
    expect(refusal([t2d], {})).toBe('accepted');
  });

  it("refuses a training set of a hospital that already has one with another horizon or prepSchedule: they would rewrite each other's retrospective set", () => {
    // Arrange
    const retrain = { outcome: 'incident-t2d' };

    // Act / Assess: against the primary's training set of north
    expect(refusal([{ ...t2d, retrain: { ...retrain, horizonDays: 365 } }])).toBe(
      'invalid CDK context: servedModels.0.retrain.horizonDays: 365 differs from 730 of the primary model\'s training set (trainingHorizonDays, trainingPrepSchedule), also of hospital "north": one job builds its training sets from one retrospective feature set, so they must share horizonDays and prepSchedule',
    );
    expect(
      refusal([{ ...t2d, retrain: { ...retrain, prepSchedule: 'cron(0 22 ? * SAT *)' } }]),
    ).toMatch(
      /^invalid CDK context: servedModels\.0\.retrain\.prepSchedule: "cron\(0 22 \? \* SAT \*\)" differs from "cron\(0 1 \? \* SUN \*\)" of the primary model's training set .*hospital "north"/,
    );
    // Against an earlier served model's, the default it took named
    expect(
      refusal(
        [
          { ...frailty, retrain: { outcome: 'hard-ascvd', hospital: 'south', horizonDays: 365 } },
          { ...t2d, retrain: { ...retrain, hospital: 'south' } },
        ],
        features,
      ),
    ).toMatch(
      /^invalid CDK context: servedModels\.1\.retrain\.horizonDays: 730 \(trainingHorizonDays\) differs from 365 of servedModels\.0\.retrain, also of hospital "south"/,
    );
    // The same horizon and prepSchedule, or another hospital: accepted
    expect(
      refusal([
        { ...t2d, retrain: { ...retrain, horizonDays: 730, schedule: 'cron(0 5 ? * SUN *)' } },
      ]),
    ).toBe('accepted');
    expect(
      refusal([
        {
          ...t2d,
          retrain: {
            ...retrain,
            hospital: 'south',
            horizonDays: 365,
            prepSchedule: 'cron(0 2 ? * SAT *)',
          },
        },
      ]),
    ).toBe('accepted');
  });

  it("refuses a retrained model whose job names leave no room for Scheduler's 16-character run id", () => {
    // Arrange: "caregraph-trainset-" is 19 characters, "caregraph-" 10; with "-" and the run id, 63.
    // On south, which the primary's set is not of, the model's set is the first: the job is its.
    const retrain = { outcome: 'incident-t2d', hospital: 'south' };
    const fits = { ...t2d, name: 'r'.repeat(27) };
    const tooLong = { ...t2d, name: 'r'.repeat(28) };
    const muchTooLong = { ...t2d, name: 'r'.repeat(37) };

    // Act / Assess
    expect(refusal([{ ...fits, retrain }])).toBe('accepted');
    expect(refusal([{ ...tooLong, retrain }])).toBe(
      `invalid CDK context: servedModels.0.name: training set "caregraph-trainset-${'r'.repeat(28)}-" plus a 16-character run id exceeds SageMaker's 63-character processing job name`,
    );
    expect(refusal([{ ...muchTooLong, retrain }])).toBe(
      `invalid CDK context: servedModels.0.name: training job "caregraph-${'r'.repeat(37)}-" plus a 16-character run id exceeds SageMaker's 63-character job name; ` +
        `servedModels.0.name: training set "caregraph-trainset-${'r'.repeat(37)}-" plus a 16-character run id exceeds SageMaker's 63-character processing job name`,
    );
    // Served only, the endpoint's 63 characters are the limit; the prefix counts.
    expect(refusal([tooLong, muchTooLong])).toBe('accepted');
    expect(refusal([{ ...fits, retrain }], features, 'caregraph-prod')).toMatch(
      /^invalid CDK context: servedModels\.0\.name: training set "caregraph-prod-trainset-r{27}-"/,
    );
    // The first of its hospital without a primary's set there either
    expect(
      refusal([{ ...tooLong, retrain: { ...retrain, hospital: 'north' } }], {
        featureHospitals: 'north',
      }),
    ).toMatch(
      /^invalid CDK context: servedModels\.0\.name: training set "caregraph-trainset-r{28}-"/,
    );
  });

  it("checks no training-set job name of a model whose table another's job builds: that name names no job", () => {
    // Arrange
    const tooLong = { ...t2d, name: 'r'.repeat(28) };
    const muchTooLong = { ...t2d, name: 'r'.repeat(37) };

    // Act / Assess: on north, the primary's job builds its table
    expect(refusal([{ ...tooLong, retrain: { outcome: 'incident-t2d' } }])).toBe('accepted');
    expect(refusal([{ ...muchTooLong, retrain: { outcome: 'incident-t2d' } }])).toBe(
      `invalid CDK context: servedModels.0.name: training job "caregraph-${'r'.repeat(37)}-" plus a 16-character run id exceeds SageMaker's 63-character job name`,
    );
    // On south after frailty, frailty's job builds it
    const south = { outcome: 'hard-ascvd', hospital: 'south' };
    expect(
      refusal([
        { ...frailty, retrain: south },
        { ...tooLong, retrain: south },
      ]),
    ).toBe('accepted');
    expect(
      refusal([
        { ...tooLong, retrain: south },
        { ...frailty, retrain: south },
      ]),
    ).toMatch(
      /^invalid CDK context: servedModels\.0\.name: training set "caregraph-trainset-r{28}-"/,
    );
  });

  it("refuses a retrained model whose table or schedule would be another's", () => {
    // Act / Assess: trainingDataKey pointed at the served model's table
    expect(
      refusal([{ ...t2d, retrain: { outcome: 'incident-t2d' } }], {
        ...features,
        trainingDataKey: 'features/training/t2d-risk.csv',
      }),
    ).toBe(
      'invalid CDK context: servedModels.0.name: its training table "features/training/t2d-risk.csv" is trainingDataKey, the primary model\'s',
    );
    // caregraph-trainset-x-retrain: the primary's retraining and x-retrain's training set, its
    // job on south; on north the primary's job builds x-retrain's table, and names no schedule after it
    const xRetrain = (hospital: string) => [
      {
        name: 'x-retrain',
        dataKey: 'models/x/model.tar.gz',
        retrain: { outcome: 'hard-ascvd', hospital },
      },
    ];
    expect(refusal(xRetrain('south'), { ...features, modelName: 'trainset-x' })).toBe(
      'invalid CDK context: servedModels.0.name: the schedule of its training set, "caregraph-trainset-x-retrain", is already that of the primary model\'s retraining',
    );
    expect(refusal(xRetrain('north'), { ...features, modelName: 'trainset-x' })).toBe('accepted');
    // Between served models, either first: y-retrain's training set and trainset-y's retraining
    const ySet = {
      name: 'y-retrain',
      dataKey: 'models/y/model.tar.gz',
      retrain: { outcome: 'hard-ascvd', hospital: 'south' },
    };
    const yRetraining = {
      name: 'trainset-y',
      dataKey: 'models/y2/model.tar.gz',
      retrain: { outcome: 'hard-ascvd' },
    };
    expect(refusal([ySet, yRetraining])).toBe(
      'invalid CDK context: servedModels.1.name: the schedule of its retraining, "caregraph-trainset-y-retrain", is already that of servedModels.0\'s training set',
    );
    expect(refusal([yRetraining, ySet])).toBe(
      'invalid CDK context: servedModels.1.name: the schedule of its training set, "caregraph-trainset-y-retrain", is already that of servedModels.0\'s retraining',
    );
  });

  it('names every problem of every entry in one ConfigurationError', () => {
    // Arrange
    const servedModels = [
      { ...t2d, retrain: {} },
      { ...frailty, retrain: { outcome: 'hard-ascvd', hospital: 'east' } },
      { name: 'Bad', dataKey: 'models/bad/model.tar.gz', retrain: { outcome: 'ldl' } },
      {
        name: 'sepsis',
        dataKey: 'models/sepsis/model.tar.gz',
        retrain: { outcome: 'hard-ascvd', horizonDays: 90 },
      },
    ];

    // Act
    const message = refusal(servedModels);

    // Assess
    for (const problem of [
      'servedModels.0.retrain.outcome: required',
      'servedModels.1.retrain.hospital: "east" must be one of featureHospitals',
      'servedModels.2.name: must be a lowercase slug',
      'servedModels.2.retrain.outcome: "ldl" is not a derived outcome',
      'servedModels.3.retrain.horizonDays: 90 differs from 730',
    ])
      expect(message).toContain(problem);
  });
});
