import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer, type ServeLogEntry } from './serve';
import { encodedRiskModel, riskModel } from './fixtures';

// z = -1 + 0.75 * (70 - 50) / 10 + 0.5 * (140 - 120) / 20 = 1, p = 1 / (1 + e^-1)
const expectedProbability = 0.7310585786300049;

async function writeModel(dir: string, endpoint: string, model: object = riskModel): Promise<void> {
  await mkdir(join(dir, endpoint), { recursive: true });
  await writeFile(join(dir, endpoint, 'model.json'), JSON.stringify(model));
}

describe('Component: model server', () => {
  let modelDir: string;
  let server: ModelServer;
  let logs: ServeLogEntry[];

  beforeEach(async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'caregraph-serve-'));
    await writeModel(modelDir, 'cvd-risk');
    logs = [];
    server = await startModelServer({
      modelDir,
      port: 0,
      maxBodyBytes: 4096,
      log: (entry) => logs.push(entry),
    });
  });

  afterEach(async () => {
    await server.close();
    await rm(modelDir, { recursive: true, force: true });
  });

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(server.url + path, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('answers the SageMaker health check with 200', async () => {
    // Act
    const response = await fetch(`${server.url}/ping`);
    // Assess
    expect(response.status).toBe(200);
  });

  it('returns the exact probability and model metadata from /invocations', async () => {
    // Act
    const response = await post(
      '/invocations',
      JSON.stringify({ instances: [{ age: 70, sbp: 140 }] }),
    );
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      predictions: [{ probability: expectedProbability, label: 1 }],
      model: { name: 'cvd-risk', version: '1.0.0', kind: 'logistic-regression' },
    });
  });

  it('accepts instances as arrays in feature order', async () => {
    // Act
    const response = await post(
      '/invocations',
      JSON.stringify({
        instances: [
          [70, 140],
          [50, 120],
        ],
      }),
    );
    // Assess
    const { predictions } = (await response.json()) as { predictions: { label: number }[] };
    expect(predictions.map((p) => p.label)).toEqual([1, 0]);
  });

  it('answers the SageMaker Runtime path with the production variant header', async () => {
    // Act
    const response = await post(
      '/endpoints/cvd-risk/invocations',
      JSON.stringify({ instances: [[70, 140]] }),
    );
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amzn-invoked-production-variant')).toBe('AllTraffic');
  });

  it('rejects an instance missing a feature with 400 naming the field', async () => {
    // Act
    const response = await post('/invocations', JSON.stringify({ instances: [{ age: 70 }] }));
    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ path: 'instances[0].sbp' });
  });

  it('rejects a body that is not JSON with 400', async () => {
    // Act
    const response = await post('/invocations', '{"instances": [');
    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ path: 'body' });
  });

  it('rejects an array of the wrong length with 400 naming the instance', async () => {
    // Act
    const response = await post('/invocations', JSON.stringify({ instances: [[70, 140], [70]] }));
    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ path: 'instances[1]' });
  });

  it('answers an unknown endpoint with 404 typed as SageMaker ValidationError', async () => {
    // Act
    const response = await post(
      '/endpoints/no-such-model/invocations',
      JSON.stringify({ instances: [[1, 2]] }),
    );
    // Assess
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationError');
    expect(await response.json()).toEqual({
      message: 'Endpoint no-such-model of account local not found.',
    });
  });

  it('refuses text/csv with 415', async () => {
    // Act
    const response = await post('/invocations', '70,140\n', 'text/csv');
    // Assess
    expect(response.status).toBe(415);
  });

  it('wraps a container rejection on the Runtime path as ModelError 424 with the original status', async () => {
    // Act
    const response = await post(
      '/endpoints/cvd-risk/invocations',
      JSON.stringify({ instances: [{}] }),
    );
    // Assess
    expect(response.status).toBe(424);
    expect(response.headers.get('x-amzn-errortype')).toBe('ModelError');
    const body = (await response.json()) as { OriginalStatusCode: number; OriginalMessage: string };
    expect(body.OriginalStatusCode).toBe(400);
    expect(JSON.parse(body.OriginalMessage)).toMatchObject({ path: 'instances[0].age' });
  });

  it('refuses a body over the size limit with 413', async () => {
    // Prepare
    const instances = Array.from({ length: 500 }, () => [70, 140]);
    // Act
    const response = await post('/invocations', JSON.stringify({ instances }));
    // Assess
    expect(response.status).toBe(413);
  });

  it('serves a model added after start once reloaded', async () => {
    // Prepare
    await writeModel(modelDir, 'readmission', {
      ...riskModel,
      name: 'readmission',
      version: '2.0.0',
    });
    // Act
    await server.reload();
    const response = await post(
      '/endpoints/readmission/invocations',
      JSON.stringify({ instances: [[70, 140]] }),
    );
    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      model: { name: 'readmission', version: '2.0.0' },
    });
    expect(server.endpoints()).toEqual(['cvd-risk', 'readmission']);
  });

  it('encodes raw records with the saved encoding and explains each prediction, largest effect first', async () => {
    // Prepare
    await writeModel(modelDir, 'cvd-encoded', encodedRiskModel);
    await server.reload();
    // Act
    const response = await post(
      '/endpoints/cvd-encoded/invocations',
      JSON.stringify({
        records: [
          { age: 70, sex: 'male', extra: 'ignored' },
          { age: null, sex: 'other' },
        ],
        explain: true,
      }),
    );
    // Assess: z = 0.75 for the first; the second is imputed to the median 60 with its indicator
    // set and falls in the unknown bucket: z = -1 + 0.75 * 1 + 0.5 * 1 = 0.25.
    expect(response.status).toBe(200);
    const { predictions } = (await response.json()) as {
      predictions: {
        probability: number;
        imputed: string[];
        explanation: { feature: string; value: number; contribution: number }[];
      }[];
    };
    expect(predictions[0]!.probability).toBe(1 / (1 + Math.exp(-0.75)));
    expect(predictions[1]!.probability).toBe(1 / (1 + Math.exp(-0.25)));
    expect(predictions.map((p) => p.imputed)).toEqual([[], ['age']]);
    expect(predictions[0]!.explanation.slice(0, 2)).toEqual([
      { feature: 'age', value: 70, contribution: 1.5 },
      { feature: 'sex=male', value: 1, contribution: 0.25 },
    ]);
    expect(predictions[1]!.explanation.slice(0, 2)).toEqual([
      { feature: 'age', value: 60, contribution: 0.75 },
      { feature: 'age:missing', value: 1, contribution: 0.5 },
    ]);
  });

  it('flags each record outside the population the model declares, or with the value unknown', async () => {
    // Prepare
    const population = { age: { min: 40, max: 79 } };
    await writeModel(modelDir, 'cvd-encoded', { ...encodedRiskModel, population });
    await server.reload();
    // Act
    const response = await post(
      '/endpoints/cvd-encoded/invocations',
      JSON.stringify({
        records: [
          { age: 70, sex: 'male' },
          { age: 30, sex: 'male' },
          { age: null, sex: 'female' },
          { age: 79, sex: 'female' },
        ],
      }),
    );
    // Assess
    const { predictions } = (await response.json()) as {
      predictions: { outsidePopulation: object[] }[];
    };
    expect(predictions.map((p) => p.outsidePopulation)).toEqual([
      [],
      [{ column: 'age', value: 30, min: 40, max: 79 }],
      [{ column: 'age', value: null, min: 40, max: 79 }],
      [],
    ]);
  });

  it('lists a missing marker ("", "NA") in imputed, as it does null', async () => {
    // Prepare
    await writeModel(modelDir, 'cvd-encoded', encodedRiskModel);
    await server.reload();
    // Act
    const response = await post(
      '/endpoints/cvd-encoded/invocations',
      JSON.stringify({
        records: [
          { age: 70, sex: 'NA' },
          { age: 70, sex: '' },
          { age: 70, sex: null },
        ],
      }),
    );
    // Assess: each is imputed with the mode (female): the same probability, and said so
    const { predictions } = (await response.json()) as {
      predictions: { probability: number; imputed: string[] }[];
    };
    expect(predictions.map((p) => p.imputed)).toEqual([['sex'], ['sex'], ['sex']]);
    expect(new Set(predictions.map((p) => p.probability)).size).toBe(1);
  });

  it('answers with the feature spec the model was trained under', async () => {
    // Prepare
    await writeModel(modelDir, 'cvd-encoded', {
      ...encodedRiskModel,
      featureSpec: 'features-2026.01.1',
    });
    await server.reload();
    // Act
    const response = await post(
      '/endpoints/cvd-encoded/invocations',
      JSON.stringify({ records: [{ age: 70, sex: 'male' }] }),
    );
    // Assess
    const body = (await response.json()) as { model: { featureSpec?: string } };
    expect(body.model.featureSpec).toBe('features-2026.01.1');
  });

  it('answers with the outcome the model declares', async () => {
    // Prepare
    const outcome = { definition: 'new type 2 diabetes', horizonDays: 730 };
    await writeModel(modelDir, 'cvd-encoded', { ...encodedRiskModel, outcome });
    await server.reload();
    // Act
    const response = await post(
      '/endpoints/cvd-encoded/invocations',
      JSON.stringify({ records: [{ age: 70, sex: 'male' }] }),
    );
    // Assess
    const body = (await response.json()) as { model: { name: string; outcome?: object } };
    expect(body.model.outcome).toEqual(outcome);
  });

  it('describes the model and its card for { "describe": true }, and no prediction', async () => {
    // Prepare: the encoded model with a card and an outcome; cvd-risk without a card.
    const outcome = { definition: 'new type 2 diabetes', horizonDays: 730 };
    const population = { age: { min: 40, max: 79 } };
    const card = { name: 'cvd-encoded', metrics: { auroc: 0.81 }, intendedUse: 'decision support' };
    await writeModel(modelDir, 'cvd-encoded', { ...encodedRiskModel, outcome, population });
    await writeFile(join(modelDir, 'cvd-encoded', 'model-card.json'), JSON.stringify(card));
    await server.reload();
    // Act
    const described = await post('/endpoints/cvd-encoded/invocations', '{"describe":true}');
    const bare = await post('/endpoints/cvd-risk/invocations', '{"describe":true}');
    const mixed = await post(
      '/endpoints/cvd-risk/invocations',
      JSON.stringify({ describe: true, instances: [{ age: 70, sbp: 140 }] }),
    );
    // Assess
    expect(described.status).toBe(200);
    expect(await described.json()).toEqual({
      model: {
        name: 'cvd-encoded',
        version: '1.1.0',
        kind: 'logistic-regression',
        createdAt: '2025-01-15T10:00:00Z',
        outcome,
        population,
        features: 5,
        columns: ['age', 'sex'],
      },
      card,
    });
    expect(((await bare.json()) as { card: unknown }).card).toBeNull();
    // The container's 400, as SageMaker Runtime reports it (ModelError)
    expect(mixed.status).toBe(424);
    expect(await mixed.json()).toMatchObject({
      OriginalStatusCode: 400,
      OriginalMessage: expect.stringContaining('"path":"describe"'),
    });
  });

  it('keeps serving a model whose card is broken or of another version, and says why it has no card', async () => {
    for (const [text, problem] of [
      ['[1, 2]', 'model-card.json: not a JSON object'],
      ['{"metrics":', 'model-card.json: not valid JSON'],
      [
        '{"name":"cvd-risk","version":"0.9.0"}',
        'model-card.json: it describes cvd-risk version 0.9.0, not this model',
      ],
    ] as const) {
      await writeFile(join(modelDir, 'cvd-risk', 'model-card.json'), text);
      await server.reload();
      const described = await post('/invocations', '{"describe":true}');
      expect(await described.json()).toMatchObject({ card: null, cardProblem: problem });
      const predicted = await post('/invocations', JSON.stringify({ instances: [[70, 140]] }));
      expect(predicted.status).toBe(200);
    }
  });

  it('answers without explanations unless asked', async () => {
    // Act
    const response = await post('/invocations', JSON.stringify({ instances: [[70, 140]] }));
    // Assess
    const { predictions } = (await response.json()) as { predictions: object[] };
    expect(Object.keys(predictions[0]!).sort()).toEqual(['label', 'probability']);
  });

  it.each([
    [{ records: [{ age: 70 }] }, 'records[0].sex'],
    [{ records: [{ age: '70', sex: 'male' }] }, 'records[0].age'],
    [{ records: [{ age: true, sex: 'male' }] }, 'records[0].age'],
    [{ records: [{ age: 70, sex: 'male' }], instances: [[70, 0, 0, 1, 0]] }, 'body'],
  ])('rejects the bad records body %j with 400 naming %s', async (body, path) => {
    // Prepare
    await writeModel(modelDir, 'cvd-encoded', encodedRiskModel);
    await server.reload();
    // Act
    const response = await post('/endpoints/cvd-encoded/invocations', JSON.stringify(body));
    // Assess
    const reply = (await response.json()) as {
      OriginalStatusCode: number;
      OriginalMessage: string;
    };
    expect(reply.OriginalStatusCode).toBe(400);
    expect(JSON.parse(reply.OriginalMessage)).toMatchObject({ path });
  });

  it('refuses records for a model with no saved encoding, naming its features', async () => {
    // Act
    const response = await post('/invocations', JSON.stringify({ records: [{ age: 70 }] }));
    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      path: 'records',
      message: expect.stringContaining('features: age, sbp'),
    });
  });

  it('logs each request as structured JSON without its body', async () => {
    // Prepare
    const instance = { age: 70, sbp: 140, patientName: 'Ada Example' };
    // Act
    await post('/endpoints/cvd-risk/invocations', JSON.stringify({ instances: [instance] }));
    // Assess
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        method: 'POST',
        endpoint: 'cvd-risk',
        status: 200,
      }),
    );
    expect(JSON.stringify(logs)).not.toContain('Ada Example');
  });
});

describe('Component: model server discovering models (the embedded stack)', () => {
  let modelDir: string;
  let server: ModelServer;

  beforeEach(async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'caregraph-serve-'));
    server = await startModelServer({ modelDir, discoverModels: true, log: () => undefined });
  });

  afterEach(async () => {
    await server.close();
    await rm(modelDir, { recursive: true, force: true });
  });

  const invoke = (endpoint: string) =>
    fetch(`${server.url}/endpoints/${endpoint}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instances: [[70, 140]] }),
    });

  it('serves a model written after start at its first request, without a reload', async () => {
    // Prepare: started with no model at all
    expect(server.endpoints()).toEqual([]);
    await writeModel(modelDir, 'cvd-risk');
    // Act
    const response = await invoke('cvd-risk');
    // Assess
    expect(response.status).toBe(200);
    expect(server.endpoints()).toEqual(['cvd-risk']);
  });

  it('serves a model retrained over an existing one at its next request', async () => {
    // Prepare
    await writeModel(modelDir, 'cvd-risk');
    const first = (await (await invoke('cvd-risk')).json()) as { model: { version: string } };
    // A later modification time, as a retraining that rewrites model.json gives it.
    await new Promise((wait) => setTimeout(wait, 20));
    await writeModel(modelDir, 'cvd-risk', { ...riskModel, version: '2.0.0', intercept: 0 });
    // Act
    const second = (await (await invoke('cvd-risk')).json()) as {
      model: { version: string };
      predictions: { probability: number }[];
    };
    // Assess: z = 0 + 0.75 * 2 + 0.5 * 1 = 2
    expect(first.model.version).toBe('1.0.0');
    expect(second.model.version).toBe('2.0.0');
    expect(second.predictions[0]!.probability).toBe(1 / (1 + Math.exp(-2)));
  });

  it('serves a model.json replaced while a reload was loading, from the next request', async () => {
    // Prepare: enough models that a reload takes a while
    await writeModel(modelDir, 'cvd-risk');
    for (let i = 0; i < 300; i++) await writeModel(modelDir, `other-${i}`);
    expect((await invoke('cvd-risk')).status).toBe(200);
    // Act: a request for a model not served starts a reload; 2.0.0 is installed meanwhile. If the
    // reload read the file times after loading, the old model would keep the new time for good
    // (timing-dependent: before the fix this failed about one run in three).
    const unknown = invoke('not-served');
    await new Promise((wait) => setTimeout(wait, 15));
    await writeModel(modelDir, 'cvd-risk', { ...riskModel, version: '2.0.0' });
    await unknown;
    const next = (await (await invoke('cvd-risk')).json()) as { model: { version: string } };
    // Assess
    expect(next.model.version).toBe('2.0.0');
  });

  it('keeps serving its models when a bad model.json appears, and still answers 404 for it', async () => {
    // Prepare
    await writeModel(modelDir, 'cvd-risk');
    expect((await invoke('cvd-risk')).status).toBe(200);
    await mkdir(join(modelDir, 'broken'));
    await writeFile(join(modelDir, 'broken', 'model.json'), '{"format":');
    // Act
    const broken = await invoke('broken');
    const good = await invoke('cvd-risk');
    // Assess
    expect(broken.status).toBe(404);
    expect(good.status).toBe(200);
  });
});
