// Integration: the real SageMaker Runtime client, through SageMakerPredictor, against serve.ts.
// aws-sdk-client-mock covers only the faults the local server cannot produce (throttling, 503).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvokeEndpointCommand,
  SageMakerRuntimeClient,
  ServiceUnavailable,
} from '@aws-sdk/client-sagemaker-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SageMakerPredictor } from '../shared/adapters/aws/sagemaker-predictor';
import { DependencyError, NotFoundError, ValidationError } from '../shared/domain/errors';
import { startModelServer, type ModelServer } from '../training/serve';
import { riskModel } from '../training/fixtures';

const localClient = (endpoint: string, maxAttempts = 3) =>
  new SageMakerRuntimeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts,
  });

describe('Adapter: SageMakerPredictor against the local model server', () => {
  let modelDir: string;
  let server: ModelServer;
  let predictor: SageMakerPredictor;

  beforeAll(async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'caregraph-predictor-'));
    await mkdir(join(modelDir, 'cvd-risk'));
    await writeFile(join(modelDir, 'cvd-risk', 'model.json'), JSON.stringify(riskModel));
    server = await startModelServer({ modelDir, port: 0, log: () => undefined });
    predictor = new SageMakerPredictor(localClient(server.url));
  });

  afterAll(async () => {
    await server?.close();
    await rm(modelDir, { recursive: true, force: true });
  });

  it('returns the exact probability through the real SageMaker Runtime client', async () => {
    // Act: age 70 y, systolic 140 mmHg -> z = -1 + 0.75 * 2 + 0.5 * 1 = 1
    const result = await predictor.invoke({
      endpoint: 'cvd-risk',
      body: { instances: [{ age: 70, sbp: 140 }] },
    });
    // Assess: p = 1 / (1 + e^-1)
    expect(result).toEqual({
      predictions: [{ probability: 0.7310585786300049, label: 1 }],
      model: { name: 'cvd-risk', version: '1.0.0', kind: 'logistic-regression' },
    });
  });

  it('exposes the production variant and content type the SDK reads', async () => {
    // Prepare
    const client = localClient(server.url);
    // Act
    const output = await client.send(
      new InvokeEndpointCommand({
        EndpointName: 'cvd-risk',
        ContentType: 'application/json',
        Body: new TextEncoder().encode('{"instances":[[70,140]]}'),
      }),
    );
    // Assess
    expect(output.ContentType).toBe('application/json');
    expect(output.InvokedProductionVariant).toBe('AllTraffic');
  });

  it('throws NotFoundError for an endpoint that does not exist', async () => {
    // Act
    const invoking = predictor.invoke({ endpoint: 'no-such-model', body: { instances: [[1, 2]] } });
    // Assess
    await expect(invoking).rejects.toBeInstanceOf(NotFoundError);
  });

  it('throws ValidationError naming the field when an instance lacks a feature', async () => {
    // Act
    const invoking = predictor.invoke({ endpoint: 'cvd-risk', body: { instances: [{ age: 70 }] } });
    // Assess
    await expect(invoking).rejects.toBeInstanceOf(ValidationError);
    await expect(invoking).rejects.toMatchObject({ path: 'instances[0].sbp', retryable: false });
  });

  it('throws a retryable DependencyError when the endpoint cannot be reached', async () => {
    // Prepare: a port nobody listens on, once the server is gone
    const gone = await startModelServer({ modelDir, port: 0, log: () => undefined });
    await gone.close();
    const unreachable = new SageMakerPredictor(localClient(gone.url, 1));
    // Act
    const invoking = unreachable.invoke({ endpoint: 'cvd-risk', body: { instances: [[70, 140]] } });
    // Assess
    await expect(invoking).rejects.toBeInstanceOf(DependencyError);
    await expect(invoking).rejects.toMatchObject({ retryable: true });
  });
});

describe('Adapter: SageMakerPredictor on SageMaker faults', () => {
  // Mock one client instance, not the class, so the real-server suite above stays unmocked.
  const client = localClient('http://127.0.0.1:9');
  const sageMaker = mockClient(client);
  const predictor = new SageMakerPredictor(client);

  afterEach(() => {
    sageMaker.reset();
  });

  it('throws a retryable DependencyError when SageMaker throttles', async () => {
    // Prepare
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    sageMaker.on(InvokeEndpointCommand).rejects(throttled);
    // Act
    const invoking = predictor.invoke({ endpoint: 'cvd-risk', body: { instances: [[70, 140]] } });
    // Assess
    await expect(invoking).rejects.toBeInstanceOf(DependencyError);
    await expect(invoking).rejects.toMatchObject({ retryable: true });
  });

  it('throws a retryable DependencyError when SageMaker is unavailable', async () => {
    // Prepare
    sageMaker
      .on(InvokeEndpointCommand)
      .rejects(new ServiceUnavailable({ message: 'Service unavailable', $metadata: {} }));
    // Act
    const invoking = predictor.invoke({ endpoint: 'cvd-risk', body: { instances: [[70, 140]] } });
    // Assess
    await expect(invoking).rejects.toBeInstanceOf(DependencyError);
    await expect(invoking).rejects.toMatchObject({ retryable: true });
  });
});
