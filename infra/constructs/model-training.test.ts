// Unit: the scheduled retraining job's hyperparameters (model-training.ts), read back as the training
// image reads them (training/tabular/job.ts), and its train channel. The synthesised schedule is in
// model-serving.test.ts.
import { describe, expect, it } from 'vitest';
import {
  derivedOutcomePopulations,
  derivedOutcomes,
  type DerivedOutcome,
} from '../../shared/domain/features/derived-labels';
import { tableSpecKeyOf } from '../../shared/domain/features/table-spec';
import { parseTabularJob } from '../../training/tabular/job';
import {
  trainingHyperparameters,
  trainingJobRequest,
  type ModelTrainingProps,
} from './model-training';

const props = { label: 'outcome', algorithm: 'logreg', modelName: 'cvd-risk' };

describe('trainingHyperparameters', () => {
  it('names the class weight "none" even for a table written by hand (no outcome)', () => {
    expect(trainingHyperparameters(props)).toEqual({
      task: 'tabular',
      label: 'outcome',
      model: 'logreg',
      exclude: 'patient',
      name: 'cvd-risk',
      class_weight: 'none',
    });
  });

  it.each(Object.keys(derivedOutcomes) as DerivedOutcome[])(
    'declares %s with its horizon and its eligibility as the population the image reads back',
    (outcome) => {
      const sent = trainingHyperparameters({
        ...props,
        outcome: { definition: derivedOutcomes[outcome], horizonDays: 730 },
      });
      expect(sent).toMatchObject({
        class_weight: 'none',
        outcome: derivedOutcomes[outcome],
        horizon_days: '730',
      });
      const { task: _task, ...settings } = sent;
      const read = parseTabularJob({ ...settings, csv: 'table.csv' });
      expect(read.population).toEqual(derivedOutcomePopulations[outcome]);
      expect(read.classWeight).toBe('none');
    },
  );

  it('declares no population for an outcome that is not a derived one', () => {
    const sent = trainingHyperparameters({
      ...props,
      outcome: { definition: 'readmission within 30 days', horizonDays: 30 },
    });
    expect(sent.population).toBeUndefined();
    expect(sent.outcome).toBe('readmission within 30 days');
  });
});

describe('trainingJobRequest', () => {
  // The fields the request reads, as plain values (the synthesised one is in model-serving.test.ts).
  const deployed = {
    ...props,
    trainingDataKey: 'features/training/cvd-risk.csv',
    curatedBucket: { bucketName: 'curated-bucket' },
    execution: { role: { roleArn: 'arn:role' }, securityGroup: { securityGroupId: 'sg-1' } },
    repository: { repositoryUriForTag: (tag: string) => `repo:${tag}` },
    imageTag: 'v1',
    dataKey: { keyArn: 'arn:key' },
    vpc: { isolatedSubnets: [{ subnetId: 'subnet-1' }] },
    instanceType: 'ml.g4dn.xlarge',
  } as unknown as ModelTrainingProps;

  it("copies the table and the document naming its feature spec into the train channel, and sends no spec of the deploy's own", () => {
    const request = trainingJobRequest(deployed, 'cg-cvd-risk', false) as {
      HyperParameters: Record<string, string>;
      InputDataConfig: { DataSource: { S3DataSource: { S3DataType: string; S3Uri: string } } }[];
    };
    const [channel] = request.InputDataConfig;
    expect(channel!.DataSource.S3DataSource).toMatchObject({
      S3DataType: 'S3Prefix',
      S3Uri: 's3://curated-bucket/features/training/cvd-risk.csv',
    });
    // Every object whose key starts with the prefix is copied: the document is one of them.
    const prefix = channel!.DataSource.S3DataSource.S3Uri.replace('s3://curated-bucket/', '');
    expect(tableSpecKeyOf(deployed.trainingDataKey).startsWith(prefix)).toBe(true);
    expect(tableSpecKeyOf(deployed.trainingDataKey).endsWith('.csv')).toBe(false);
    expect(Object.keys(request.HyperParameters)).not.toContain('featureSpec');
  });
});
