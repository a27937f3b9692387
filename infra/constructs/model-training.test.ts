// Unit: the scheduled retraining job's hyperparameters (model-training.ts), read back as the training
// image reads them (training/tabular/job.ts). The synthesised schedule is in model-serving.test.ts.
import { describe, expect, it } from 'vitest';
import {
  derivedOutcomePopulations,
  derivedOutcomes,
  type DerivedOutcome,
} from '../../shared/domain/features/derived-labels';
import { parseTabularJob } from '../../training/tabular/job';
import { trainingHyperparameters } from './model-training';

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
