import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError } from '../../../shared/domain/errors';
import type { PatientFeatures } from '../../../shared/domain/features/build';
import type { Encoding } from '../../../training/tabular/encoding';
import { patientRow } from './patient-row';

const provenance = { sources: [], count: 0 };

/** A stored patient: raw age/sex/sbp (sbp missing) and a transformed vector with one-hot sex. */
const features: PatientFeatures = {
  patient: 'p-7',
  specVersion: 'v1',
  at: '2026-01-01T00:00:00.000Z',
  origin: 'stored',
  features: {
    age: { value: 61, unit: 'a', provenance },
    sex: { value: 'female', provenance },
    sbp: { value: null, unit: 'mm[Hg]', provenance },
  },
  vector: { names: ['age', 'sex=female', 'sex=male'], values: [0.42, 1, 0], imputed: [] },
};

const rawModel: Encoding = {
  missing: ['', '?'],
  columns: [
    { name: 'age', type: 'numeric', median: 50, indicator: false },
    {
      name: 'sex',
      type: 'categorical',
      levels: ['female', 'male'],
      mode: 'male',
      indicator: false,
    },
    { name: 'sbp', type: 'numeric', median: 130, indicator: true },
  ],
};

const matrixModel: Encoding = {
  missing: [''],
  columns: [
    { name: 'age', type: 'numeric', median: 0, indicator: false },
    { name: 'sex=female', type: 'numeric', median: 0, indicator: false },
  ],
};

describe('patientRow: auto decides from the model, not from shared names', () => {
  // The vector names its numeric features by their raw names, with z-scored values
  const numericOnly: Encoding = {
    missing: [''],
    columns: [{ name: 'age', type: 'numeric', median: 50, indicator: false }],
  };

  it('gives a raw-trained numeric model the raw value though the vector has the column', () => {
    const { table, source } = patientRow(features, numericOnly);
    expect(source).toBe('raw');
    expect(table.rows).toEqual([['61']]);
  });

  it('gives the vector to a model that records it was trained on the vector', () => {
    const { table, source } = patientRow(features, numericOnly, 'auto', { featureInput: 'vector' });
    expect(source).toBe('vector');
    expect(table.rows).toEqual([['0.42']]);
  });

  it('refuses a model trained under another feature spec, naming both', () => {
    expect(() => patientRow(features, rawModel, 'auto', { featureSpec: 'v0' })).toThrow(
      ConfigurationError,
    );
    expect(() => patientRow(features, rawModel, 'auto', { featureSpec: 'v0' })).toThrow(
      /spec v0, but patient p-7's stored features are of spec v1/,
    );
    expect(patientRow(features, rawModel, 'auto', { featureSpec: 'v1' }).source).toBe('raw');
  });
});

describe('patientRow: a stored patient laid out under a model’s columns', () => {
  it('fills a raw-trained model from raw features, a missing value as an empty cell', () => {
    // Act
    const { table, source } = patientRow(features, rawModel);
    // Assess
    expect(source).toBe('raw');
    expect(table.header).toEqual(['age', 'sex', 'sbp']);
    expect(table.rows).toEqual([['61', 'female', '']]);
  });

  it('fills a matrix-trained model from the transformed vector when it has every column', () => {
    // Act
    const { table, source } = patientRow(features, matrixModel);
    // Assess
    expect(source).toBe('vector');
    expect(table.rows).toEqual([['0.42', '1']]);
  });

  it('uses the raw features when asked, even where the vector shares a column name', () => {
    // Act
    const { table } = patientRow(
      features,
      { ...matrixModel, columns: [matrixModel.columns[0]!] },
      'raw',
    );
    // Assess
    expect(table.rows).toEqual([['61']]);
  });

  it('names the columns the patient lacks instead of scoring a wrong row', () => {
    // Prepare
    const model: Encoding = {
      missing: [''],
      columns: [{ name: 'ldl', type: 'numeric', median: 3, indicator: false }],
    };
    // Act / Assess
    expect(() => patientRow(features, model)).toThrow(ValidationError);
    expect(() => patientRow(features, model)).toThrow(/needs 1 column\(s\) .*: ldl/);
  });

  it('refuses the vector source when the hospital has no fitted transform', () => {
    // Prepare
    const { vector: _vector, ...unfitted } = features;
    // Act / Assess
    expect(() => patientRow(unfitted, matrixModel, 'vector')).toThrow(/features --build/);
  });
});
