// Integration: GET /patients/{id}/predictions over the embedded stack — the patient's record in
// dynalite, features computed from it, the model served by training/serve.ts and reached through the
// real SageMakerRuntimeClient, the answer explained with the record entries behind it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { featureSpecVersion } from '../shared/domain/features/spec';
import {
  condition,
  icd,
  loinc,
  observation,
  patient,
  testAt,
} from '../shared/domain/recommend/patient.testkit';
import { pseudonymousId } from '../shared/domain/serving/records';
import { readModelDirectory } from '../training/tabular/model-files';
import { encodeRows } from '../training/tabular/encoding';
import { patientRow } from '../local/cli/commands/patient-row';
import type { PatientFeatures } from '../shared/domain/features/build';
import { apiGet, ndjson, startTestStack, type TestStack } from './helpers/stack';

const hospital = 'predict-north';
const at = testAt.toISOString();

/**
 * A logistic regression over raw feature names of the feature spec, with its saved encoding (as
 * `caregraph train tabular` writes it from a raw-feature CSV): log-odds = -3 + 0.5 * (age - 50) / 10
 * + 0.25 [male] + 1 [hypertension] + 0.3 * (HbA1c - 40) / 5 + 0.125 [HbA1c missing].
 */
const model = {
  format: 'caregraph-model/1',
  kind: 'logistic-regression',
  name: 'cvd-risk',
  version: '2026.12.05',
  features: [
    'age_years',
    'sex=female',
    'sex=male',
    'sex=(unknown)',
    'condition_hypertension',
    'hba1c_latest',
    'hba1c_latest:missing',
  ],
  encoding: {
    missing: ['', 'NA', '?'],
    columns: [
      { name: 'age_years', type: 'numeric', median: 60, indicator: false },
      {
        name: 'sex',
        type: 'categorical',
        levels: ['female', 'male'],
        mode: 'female',
        indicator: false,
      },
      { name: 'condition_hypertension', type: 'numeric', median: 0, indicator: false },
      { name: 'hba1c_latest', type: 'numeric', median: 40, indicator: true },
    ],
  },
  standardization: { mean: [50, 0, 0, 0, 0, 40, 0], std: [10, 1, 1, 1, 1, 5, 1] },
  coefficients: [0.5, 0, 0.25, 0, 1, 0.3, 0.125],
  intercept: -3,
  threshold: 0.5,
  population: { age_years: { min: 40, max: 79 } },
  createdAt: '2026-12-05T08:00:00Z',
};

interface Prediction {
  model: { name: string; version: string; kind: string; endpoint: string };
  prediction: { probability: number; label: number };
  explanation: {
    feature: string;
    value: number;
    contribution: number;
    input?: { column: string; value: unknown; provenance: { sources: string[] } };
  }[];
  imputed: string[];
  applicable?: boolean;
  outsidePopulation?: object[];
  caution: string;
  featureSpec: string;
}

describe('Function: api (model predictions)', () => {
  let stack: TestStack;
  let id: string;
  let child: string;

  beforeAll(async () => {
    stack = await startTestStack({
      modelEndpoints: 'cvd-risk,no-features=no-features',
    });
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw(hospital, 'b1', 'record.ndjson'),
      ndjson(
        patient({ age: 62, sex: 'male' }),
        condition(icd.hypertension, '38341003'),
        observation(loinc.weight, 82, 'kg'),
        patient({ id: 'p2', age: 12, sex: 'female' }),
      ),
    );
    await stack.settled();
    id = await pseudonymousId(stack.deps.keys, hospital, 'Patient', 'p1');
    child = await pseudonymousId(stack.deps.keys, hospital, 'Patient', 'p2');
  });
  afterAll(async () => stack?.stop());

  const writeModel = async (endpoint: string, document: object) => {
    const dir = join(stack.dataDir, 'models', endpoint);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'model.json'), JSON.stringify(document));
  };

  it('answers 404 naming the model while no model is deployed at its endpoint', async () => {
    // Act
    const response = await apiGet(stack, `/patients/${id}/predictions?at=${at}`, hospital);
    // Assess
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe(
      'model cvd-risk is not deployed (endpoint cvd-risk not found)',
    );
    const described = await apiGet(stack, '/models/cvd-risk', hospital);
    expect(described.status).toBe(404);
    expect(described.body.detail).toBe(
      'model cvd-risk is not deployed (endpoint cvd-risk not found)',
    );
  });

  it('serves a model deployed after start, with the exact probability and its reasons', async () => {
    // Prepare
    await writeModel('cvd-risk', model);
    // Act
    const response = await apiGet(stack, `/patients/${id}/predictions?at=${at}&top=3`, hospital);
    // Assess: -3 + 0.5 * 1.2 + 0.25 + 1 + 0 + 0.125 = -1.025
    expect(response.status).toBe(200);
    const body = response.body as unknown as Prediction;
    expect(body.model).toEqual({
      name: 'cvd-risk',
      version: '2026.12.05',
      kind: 'logistic-regression',
      endpoint: 'cvd-risk',
    });
    expect(body.prediction.probability).toBeCloseTo(1 / (1 + Math.exp(1.025)), 12);
    expect(body.prediction.label).toBe(0);
    expect(body.applicable).toBe(true);
    expect(body.imputed).toEqual(['hba1c_latest']);
    expect(body.explanation.map((e) => [e.feature, e.contribution])).toEqual([
      ['condition_hypertension', 1],
      ['age_years', expect.closeTo(0.6, 12)],
      ['sex=male', 0.25],
    ]);
    const hypertension = body.explanation[0]!.input!;
    expect(hypertension.column).toBe('condition_hypertension');
    expect(hypertension.value).toBe(1);
    expect(hypertension.provenance.sources).toEqual([expect.stringMatching(/^Condition\//)]);
  });

  it('says the estimate does not apply to a child outside the model population', async () => {
    // Act
    const response = await apiGet(stack, `/patients/${child}/predictions?at=${at}`, hospital);
    // Assess
    expect(response.status).toBe(200);
    const body = response.body as unknown as Prediction;
    expect(body.applicable).toBe(false);
    expect(body.outsidePopulation).toEqual([{ column: 'age_years', value: 12, min: 40, max: 79 }]);
    expect(body.caution).toMatch(/does not apply to this patient/);
  });

  it('agrees with caregraph predict --patient on the same features (the CLI scores locally)', async () => {
    // Prepare
    const features = (
      await apiGet(stack, `/patients/${id}/features?recompute=true&at=${at}`, hospital)
    ).body as unknown as PatientFeatures;
    const saved = await readModelDirectory(join(stack.dataDir, 'models', 'cvd-risk'));
    const x = encodeRows(patientRow(features, saved.encoding!, 'raw').table, saved.encoding!);
    const [local] = saved.model.predict([Array.from(x.data)]);
    // Act
    const response = await apiGet(stack, `/patients/${id}/predictions?at=${at}`, hospital);
    // Assess
    expect((response.body as unknown as Prediction).prediction.probability).toBe(
      local!.probability,
    );
  });

  it('reports a deployed model that needs inputs the feature spec lacks as a configuration problem', async () => {
    // Prepare: a model trained on a column the feature spec does not have
    await writeModel('no-features', {
      ...model,
      name: 'no-features',
      features: ['pack_years'],
      encoding: {
        missing: [''],
        columns: [{ name: 'pack_years', type: 'numeric', median: 0, indicator: false }],
      },
      standardization: undefined,
      population: undefined,
      coefficients: [0.1],
    });
    // Act
    const response = await apiGet(
      stack,
      `/patients/${id}/predictions?model=no-features&at=${at}`,
      hospital,
    );
    // Assess: the operators' mistake, told without internal detail
    expect(response.status).toBe(500);
    expect(response.body.type).toBe('https://caregraph.dev/problems/configuration');
    expect(JSON.stringify(response.body)).not.toContain('pack_years');
  });

  it.each([
    ['an unknown model', 400, '?model=sepsis', 'model'],
    ['a bad top', 400, '?top=-1', 'top'],
    ['a bad date', 400, '?at=yesterday', 'at'],
  ])('refuses %s with %i naming the parameter', async (_case, status, query, path) => {
    // Act
    const response = await apiGet(stack, `/patients/${id}/predictions${query}`, hospital);
    // Assess
    expect(response.status).toBe(status);
    expect(response.body.path).toBe(path);
  });

  it("answers 404 for another hospital's patient and 403 for an uploader", async () => {
    // Act
    const other = await apiGet(stack, `/patients/${id}/predictions`, 'predict-south');
    const uploader = await apiGet(
      stack,
      `/patients/${id}/predictions`,
      hospital,
      'hospital-uploader',
    );
    // Assess
    expect(other.status).toBe(404);
    expect(uploader.status).toBe(403);
  });

  it('says what the probability is of when the model declares its outcome', async () => {
    // Prepare: the model retrained on derived labels (model.json `outcome`, training/README.md)
    const outcome = { definition: 'new type 2 diabetes (ADA 2024)', horizonDays: 730 };
    await writeModel('cvd-risk', { ...model, version: '2026.12.06', outcome });
    // Act
    const response = await apiGet(stack, `/patients/${id}/predictions?at=${at}`, hospital);
    // Assess
    expect(response.status).toBe(200);
    expect((response.body as unknown as Prediction).model).toEqual({
      name: 'cvd-risk',
      version: '2026.12.06',
      kind: 'logistic-regression',
      endpoint: 'cvd-risk',
      outcome,
    });
  });

  it('lists the served models and describes one with its card, for clinicians and data scientists', async () => {
    // Prepare: the deployed model's card beside its model.json, as caregraph train --out writes it
    const card = {
      name: 'cvd-risk',
      metrics: { cv: 5, auroc: 0.81 },
      subgroups: [{ attribute: 'sex', maxAurocGap: 0.04, maxCalibrationGap: 0.01, groups: 2 }],
      intendedUse: 'decision support, not diagnosis',
    };
    const outcome = { definition: 'new type 2 diabetes (ADA 2024)', horizonDays: 730 };
    await writeFile(
      join(stack.dataDir, 'models', 'cvd-risk', 'model-card.json'),
      JSON.stringify(card),
    );
    await writeModel('cvd-risk', { ...model, version: '2026.12.07', outcome });
    // Act
    const list = await apiGet(stack, '/models', hospital);
    const described = await apiGet(stack, '/models/cvd-risk', hospital);
    const scientist = await apiGet(stack, '/models/cvd-risk', hospital, 'data-scientist');
    const uploader = await apiGet(stack, '/models/cvd-risk', hospital, 'hospital-uploader');
    const unknown = await apiGet(stack, '/models/sepsis', hospital);
    const other = await apiGet(stack, '/models/no-features', hospital);
    // Assess
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      models: [
        { name: 'cvd-risk', endpoint: 'cvd-risk', default: true },
        { name: 'no-features', endpoint: 'no-features', default: false },
      ],
    });
    expect(described.status).toBe(200);
    expect(described.body).toEqual({
      name: 'cvd-risk',
      endpoint: 'cvd-risk',
      model: {
        name: 'cvd-risk',
        version: '2026.12.07',
        kind: 'logistic-regression',
        createdAt: '2026-12-05T08:00:00Z',
        outcome,
        population: { age_years: { min: 40, max: 79 } },
        features: 7,
        columns: ['age_years', 'sex', 'condition_hypertension', 'hba1c_latest'],
      },
      card,
    });
    expect(scientist.status).toBe(200);
    expect(uploader.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe(
      'no model of that name is served by this API (models: cvd-risk, no-features)',
    );
    expect(other.body).toMatchObject({ model: { columns: ['pack_years'] }, card: null });
  });

  it('serves a model installed while the stack runs (caregraph models promote), with no restart', async () => {
    // Prepare: a model folder start --models did not name, as promote installs it
    await writeModel('readmission', { ...model, name: 'readmission', version: '1.1.0' });
    // Act
    const list = await apiGet(stack, '/models', hospital);
    const served = await apiGet(
      stack,
      `/patients/${id}/predictions?at=${at}&model=readmission`,
      hospital,
    );
    // Assess: listed after the configured models, never the default; it answers for the patient
    expect(list.body).toEqual({
      models: [
        { name: 'cvd-risk', endpoint: 'cvd-risk', default: true },
        { name: 'no-features', endpoint: 'no-features', default: false },
        { name: 'readmission', endpoint: 'readmission', default: false },
      ],
    });
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({ model: { name: 'readmission', version: '1.1.0' } });
  });

  it('answers a retryable 503 naming the model and both specs while a model awaits retraining for the current feature spec', async () => {
    // Prepare: a model trained before a deploy changed featureSpecVersion (last: it joins /models)
    await writeModel('old-spec', { ...model, name: 'old-spec', featureSpec: 'features-1999.01.1' });
    // Act
    const response = await apiGet(
      stack,
      `/patients/${id}/predictions?at=${at}&model=old-spec`,
      hospital,
    );
    // Assess: told as what it is (not a generic configuration 500), with no endpoint or patient data
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      type: 'https://caregraph.dev/problems/model-awaiting-retraining',
      title: 'Service Unavailable',
      status: 503,
      detail: `prediction model old-spec is awaiting retraining for the current feature spec: it was trained on features of spec features-1999.01.1, and the patient's features are built under spec ${featureSpecVersion}; retry once a model of spec ${featureSpecVersion} is promoted`,
      instance: '/patients/{id}/predictions',
    });
  });
});
