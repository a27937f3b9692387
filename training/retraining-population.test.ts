// Function-level end to end: a model retrained on derived first-event labels declares who it is for.
// The scheduled path (features job, then the training job) as functions over memory: a
// retrospective feature set at the index date, hard ASCVD labels over the window after it, the
// training table, the training job on the hyperparameters the CDK sends, the model server, and the
// prediction route's use case, which tells a patient who already had an MI the estimate does not
// apply.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SageMakerPredictor } from '../shared/adapters/aws/sagemaker-predictor';
import { buildFeatureSet } from '../shared/domain/features/build';
import {
  deriveLabels,
  derivedOutcomePopulations,
  derivedOutcomes,
} from '../shared/domain/features/derived-labels';
import { buildTrainingTable } from '../shared/domain/features/training-table';
import type { FhirJson } from '../shared/domain/ingest/source-record';
import { InMemoryObjects } from '../shared/domain/ingest/ingest-file.fixture';
import { InMemoryTable } from '../shared/domain/monitoring/in-memory-table.fixture';
import { predictForPatient } from '../shared/domain/predictions/patient-prediction';
import { genericServingItem } from '../shared/domain/serving/records';
import { startModelServer, type ModelServer } from './serve';
import { parseTabularJob, runTabularJob } from './tabular/job';

const hospital = 'north';
const index = new Date('2023-01-01T00:00:00Z');
const now = new Date('2026-01-01T00:00:00Z');
const icd = 'http://hl7.org/fhir/sid/icd-10-cm';

const subject = (patient: string) => ({ subject: { reference: `Patient/${patient}` } });
const encounter = (id: string, patient: string, day: string): FhirJson => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  ...subject(patient),
  period: { start: day, end: day },
});
const sbp = (id: string, patient: string, day: string, value: number): FhirJson => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  ...subject(patient),
  effectiveDateTime: day,
  code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
  valueQuantity: { value, unit: 'mm[Hg]', code: 'mm[Hg]', system: 'http://unitsofmeasure.org' },
});
const condition = (id: string, patient: string, code: string, onset: string): FhirJson => ({
  resourceType: 'Condition',
  id,
  ...subject(patient),
  clinicalStatus: { coding: [{ code: 'active' }] },
  code: { coding: [{ system: icd, code }] },
  onsetDateTime: onset,
});

/**
 * 160 patients seen before the index date and in the window's last year; older and more
 * hypertensive ones have an MI in the window more often. Every tenth has stable angina (I25.10)
 * before it: coronary disease that is no hard ASCVD event, so labelled, yet outside the
 * population. And, asked about now: `prior`, an MI in 2021 (excluded from the labels as prevalent),
 * and `fresh`, first seen in 2025, without one.
 */
function records(): FhirJson[] {
  const out: FhirJson[] = [];
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 160; i++) {
    const id = `p${i}`;
    const age = 45 + Math.floor(rnd() * 35);
    const pressure = 110 + Math.floor(rnd() * 60);
    out.push(
      {
        resourceType: 'Patient',
        id,
        gender: i % 2 ? 'male' : 'female',
        birthDate: `${2022 - age}-03-03`,
      },
      encounter(`e${i}a`, id, '2022-06-01'),
      sbp(`o${i}`, id, '2022-06-01', pressure),
      encounter(`e${i}b`, id, '2024-10-01'),
    );
    if (i % 10 === 0) out.push(condition(`a${i}`, id, 'I25.10', '2021-05-01'));
    const z = -3 + 0.06 * (age - 45) + 0.03 * (pressure - 110);
    if (rnd() < 1 / (1 + Math.exp(-z))) out.push(condition(`m${i}`, id, 'I21.4', '2024-03-10'));
  }
  out.push(
    { resourceType: 'Patient', id: 'prior', gender: 'male', birthDate: '1955-01-01' },
    encounter('eprior', 'prior', '2021-07-01'),
    sbp('oprior', 'prior', '2025-06-01', 150),
    condition('mprior', 'prior', 'I21.4', '2021-07-01'),
    { resourceType: 'Patient', id: 'fresh', gender: 'female', birthDate: '1960-01-01' },
    sbp('ofresh', 'fresh', '2025-06-01', 150),
  );
  return out;
}

describe('Retraining on derived first-event labels: the population, end to end', () => {
  const serving = new InMemoryTable();
  const objects = new InMemoryObjects();
  let dir: string;
  let server: ModelServer;
  let trainedRows: number;
  let labelled: number;
  let angina: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-retrain-population-'));
    for (const resource of records())
      await serving.put(genericServingItem(hospital, resource, { batch: 'b1', updatedAt: 'x' }));
    const deps = { serving, objects };
    // The features job's training step: the retrospective set, the labels, the table.
    await buildFeatureSet(deps, hospital, index, undefined, { set: 'retrospective' });
    const labels = await deriveLabels(deps, hospital, {
      outcome: 'hard-ascvd',
      horizonDays: 730,
      now,
      set: 'retrospective',
    });
    labelled = labels.positives + labels.negatives;
    angina = 16; // p0, p10, ..., p150: labelled (no hard event before the index date)
    const key = 'features/training/cvd-risk.csv';
    await buildTrainingTable(deps, {
      hospital,
      labels: Readable.from([labels.csv]),
      labelsName: labels.key,
      label: 'outcome',
      key,
      set: 'retrospective',
    });
    const csv = join(dir, 'cvd-risk.csv');
    await writeFile(csv, (await objects.getText('curated', key))!);
    // The training job on what infra/constructs/model-training.ts sends (training/train.ts parses
    // the same strings), the population left to the image: it knows the outcome by its definition.
    const job = parseTabularJob({
      csv,
      label: 'outcome',
      model: 'logreg',
      exclude: 'patient',
      name: 'cvd-risk',
      outcome: derivedOutcomes['hard-ascvd'],
      horizon_days: '730',
      out: join(dir, 'model'),
    });
    const result = await runTabularJob(job, { now: () => now, progress: () => {} });
    trainedRows = result.card.data.rows;
    server = await startModelServer({ modelDir: join(dir, 'model'), port: 0, log: () => {} });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('declares the outcome eligibility as its population and trains only inside it', async () => {
    const model = JSON.parse(await readFile(join(dir, 'model', 'model.json'), 'utf8')) as {
      population: unknown;
      outcome: unknown;
    };
    expect(model.population).toEqual(derivedOutcomePopulations['hard-ascvd']);
    expect(model.population).toEqual({
      condition_coronary_disease: { max: 0 },
      condition_stroke: { max: 0 },
    });
    expect(model.outcome).toEqual({
      definition: derivedOutcomes['hard-ascvd'],
      horizonDays: 730,
    });
    expect(trainedRows).toBe(labelled - angina);
  });

  it('tells the clinician a first-event estimate does not apply to a patient who already had an MI', async () => {
    // Arrange: the route's use case against the model server, as on AWS through SageMaker Runtime
    const deps = {
      serving,
      predictor: new SageMakerPredictor(
        new SageMakerRuntimeClient({
          endpoint: server.url,
          region: 'us-east-1',
          credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
        }),
      ),
      models: new Map([['cvd-risk', 'cvd-risk']]),
    };
    // Act
    const prior = await predictForPatient(deps, hospital, 'prior', { at: now });
    const first = await predictForPatient(deps, hospital, 'fresh', { at: now });
    // Assess
    expect(prior.applicable).toBe(false);
    expect(prior.outsidePopulation).toEqual([
      { column: 'condition_coronary_disease', value: 1, max: 0 },
    ]);
    expect(prior.caution).toBe(
      'Outside the population the model was trained on: condition_coronary_disease 1 (trained on at most 0). The estimate does not apply to this patient.',
    );
    expect(first.applicable).toBe(true);
    expect(first.outsidePopulation).toEqual([]);
  });
});
