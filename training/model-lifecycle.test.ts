// Unit: what `caregraph models promote` refuses as unservable (servingProblems); the lifecycle on the
// embedded stack is test/model-lifecycle.int.test.ts.
import { describe, expect, it } from 'vitest';
import { encodedRiskModel } from './fixtures';
import { parseModel } from './model-format';
import { servingProblems } from './model-lifecycle';

type Column = (typeof encodedRiskModel.encoding.columns)[number] | Record<string, unknown>;

/** A logistic regression over these encoded columns (weights of no interest here). */
function modelOver(columns: readonly Record<string, unknown>[]) {
  const features = columns.flatMap((c) =>
    c.type === 'numeric'
      ? [c.name as string, ...(c.indicator ? [`${c.name as string}:missing`] : [])]
      : [...(c.levels as string[]), '(unknown)'].map((l) => `${c.name as string}=${l}`),
  );
  return parseModel({
    ...encodedRiskModel,
    features,
    encoding: { missing: [''], columns },
    standardization: { mean: features.map(() => 0), std: features.map(() => 1) },
    coefficients: features.map(() => 0.1),
  });
}
const age: Column = { name: 'age_years', type: 'numeric', median: 60, indicator: false };
const sex = (levels: string[]): Column => ({
  name: 'sex',
  type: 'categorical',
  levels,
  mode: levels[0],
  indicator: false,
});

describe('Function: servingProblems', () => {
  it('accepts raw features of the spec read as the spec gives them, flags as numbers or 0/1 levels', () => {
    const flag = {
      name: 'condition_hypertension',
      type: 'categorical',
      levels: ['0', '1'],
      mode: '0',
      indicator: false,
    };
    expect(servingProblems(modelOver([age, sex(['female', 'male']), flag]))).toEqual([]);
  });

  it('refuses sex levels the spec never sends: every patient would be "unknown"', () => {
    expect(servingProblems(modelOver([age, sex(['F', 'M'])]))).toEqual([
      'its column sex has levels F, M that the spec never gives (it gives female, male, other)',
    ]);
  });

  it('refuses a categorical feature trained as a number, and a number trained as categories', () => {
    const numericSex = { name: 'sex', type: 'numeric', median: 0, indicator: false };
    const ageBands = {
      name: 'age_years',
      type: 'categorical',
      levels: ['40-49', '50-59'],
      mode: '40-49',
      indicator: false,
    };
    expect(servingProblems(modelOver([numericSex]))).toEqual([
      'its column sex is numeric, and the spec gives it as one of female, male, other',
    ]);
    expect(servingProblems(modelOver([ageBands]))).toEqual([
      'its column age_years is categorical, and the spec gives it as a number',
    ]);
  });

  it('refuses columns the spec does not have, and a model with no encoding of raw columns', () => {
    expect(servingProblems(modelOver([{ ...age, name: 'pack_years' }]))[0]).toMatch(
      /^its columns pack_years are not raw features of spec features-/,
    );
    const { encoding: _e, ...bare } = encodedRiskModel;
    expect(servingProblems(parseModel(bare))[0]).toMatch(/no saved encoding of raw columns/);
  });
});
