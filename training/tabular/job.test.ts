// Unit: a tabular job's settings and the population it declares (job.ts); the job as SageMaker runs
// it is training/train.test.ts, end to end with derived labels training/retraining-population.test.ts.
import { describe, expect, it } from 'vitest';
import { derivedOutcomes } from '../../shared/domain/features/derived-labels';
import { featureTableOf, intersectPopulations, parseTabularJob, populationOf } from './job';

const job = (extra: Record<string, string> = {}) =>
  parseTabularJob({ csv: 't.csv', label: 'outcome', model: 'logreg', ...extra });

describe('parseTabularJob', () => {
  it('weighs classes "none" unless told "balanced": probabilities on the prevalence scale', () => {
    expect(job().classWeight).toBe('none');
    expect(job({ class_weight: 'balanced' }).classWeight).toBe('balanced');
    expect(() => job({ class_weight: 'auto' })).toThrow(/^classWeight: /);
  });
});

describe('populationOf', () => {
  it("adds a derived outcome's eligibility, known by its definition, to the population given", () => {
    expect(populationOf(job({ outcome: derivedOutcomes['hard-ascvd'] }))).toEqual({
      condition_coronary_disease: { max: 0 },
      condition_stroke: { max: 0 },
    });
    expect(
      populationOf(
        job({ outcome: derivedOutcomes['incident-t2d'], population: 'age_years=40..79' }),
      ),
    ).toEqual({ age_years: { min: 40, max: 79 }, condition_type2_diabetes: { max: 0 } });
  });

  it('leaves any other outcome, or none, with the population given (or none)', () => {
    expect(populationOf(job({ outcome: 'hard ASCVD event' }))).toBeUndefined();
    expect(populationOf(job({ population: 'age_years=18..' }))).toEqual({
      age_years: { min: 18 },
    });
    expect(populationOf(job())).toBeUndefined();
  });
});

describe('intersectPopulations', () => {
  it('keeps, per column, the larger minimum and the smaller maximum', () => {
    expect(
      intersectPopulations(
        { age_years: { min: 40, max: 79 }, egfr: { min: 15 } },
        { age_years: { min: 18, max: 75 }, condition_stroke: { max: 0 } },
      ),
    ).toEqual({
      age_years: { min: 40, max: 75 },
      egfr: { min: 15 },
      condition_stroke: { max: 0 },
    });
  });
});

describe('featureTableOf', () => {
  it('reads the spec and the input from a feature build file’s path', () => {
    expect(featureTableOf('/data/features/north/features-2026.12.2/raw.csv')).toEqual({
      featureSpec: 'features-2026.12.2',
      featureInput: 'raw',
    });
    expect(featureTableOf('C:\\x\\features-2027.01.3\\matrix.csv')).toEqual({
      featureSpec: 'features-2027.01.3',
      featureInput: 'vector',
    });
    expect(featureTableOf('/tmp/heart.csv')).toEqual({});
  });

  it('takes --group, --feature-spec and --feature-input, and refuses a spec that is not one', () => {
    const job = parseTabularJob({
      csv: 'x.csv',
      label: 'y',
      model: 'gnb',
      group: 'none',
      'feature-spec': 'features-2026.12.2',
      feature_input: 'vector',
    });
    expect(job).toMatchObject({
      group: 'none',
      featureSpec: 'features-2026.12.2',
      featureInput: 'vector',
    });
    expect(() =>
      parseTabularJob({ csv: 'x.csv', label: 'y', model: 'gnb', feature_spec: '2026' }),
    ).toThrow('featureSpec: must be a feature spec version');
  });
});
