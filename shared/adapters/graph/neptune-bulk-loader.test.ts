// The happy path runs against the local SPARQL server's /loader in test/graph.int.test.ts and
// test/kg.int.test.ts; this file covers the loader outcomes the local server cannot produce.
import {
  GetLoaderJobStatusCommand,
  NeptunedataClient,
  NeptunedataServiceException,
  StartLoaderJobCommand,
} from '@aws-sdk/client-neptunedata';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, DependencyError, ValidationError } from '../../domain/errors';
import { runNeptuneBulkLoad } from './neptune-bulk-loader';

// client-neptunedata 3.403 is built on older smithy types than aws-sdk-client-mock 4 declares; the
// runtime protocol is the same (the tests pass), so the stub is typed by what these tests use.
type AnyCommand = abstract new (...args: never[]) => object;
interface Behaviour {
  resolves(output: unknown): Behaviour;
  resolvesOnce(output: unknown): Behaviour;
  rejects(error: unknown): Behaviour;
}
const neptune = mockClient(NeptunedataClient as never) as unknown as {
  on(command: AnyCommand): Behaviour;
  reset(): void;
  commandCalls(command: AnyCommand): { args: [{ input: unknown }] }[];
};
const target = { endpoint: 'https://db.cluster-abc.eu-west-1.neptune.amazonaws.com:8182' };
const source = 's3://staging/graph-staging/batch.nq';
const loader = (overrides = {}) => ({
  stage: async () => source,
  region: 'eu-west-1',
  iamRoleArn: 'arn:aws:iam::123456789012:role/NeptuneLoadFromS3',
  pollMs: 1,
  client: new NeptunedataClient({ region: 'eu-west-1' }),
  ...overrides,
});
const status = (value: string, totalRecords = 0) => ({
  status: '200 OK',
  payload: { overallStatus: { status: value, totalRecords } },
});
const fault = (name: string, httpStatusCode: number, $fault: 'client' | 'server') =>
  new NeptunedataServiceException({ name, $fault, $metadata: { httpStatusCode }, message: name });

describe('Function: runNeptuneBulkLoad', () => {
  afterEach(() => {
    neptune.reset();
  });

  it('starts an N-Quads load of the staged source and polls until LOAD_COMPLETED', async () => {
    // Prepare
    neptune.on(StartLoaderJobCommand).resolves({ status: '200 OK', payload: { loadId: 'load-1' } });
    neptune
      .on(GetLoaderJobStatusCommand)
      .resolvesOnce(status('LOAD_IN_QUEUE'))
      .resolvesOnce(status('LOAD_IN_PROGRESS'))
      .resolves(status('LOAD_COMPLETED', 1234));

    // Act
    const records = await runNeptuneBulkLoad(target, loader(), source);

    // Assess
    expect(records).toBe(1234);
    expect(neptune.commandCalls(StartLoaderJobCommand)[0]!.args[0].input).toMatchObject({
      source,
      format: 'nquads',
      s3BucketRegion: 'eu-west-1',
      iamRoleArn: 'arn:aws:iam::123456789012:role/NeptuneLoadFromS3',
      failOnError: true,
      queueRequest: true,
    });
    expect(neptune.commandCalls(GetLoaderJobStatusCommand)).toHaveLength(3);
    expect(neptune.commandCalls(GetLoaderJobStatusCommand)[0]!.args[0].input).toEqual({
      loadId: 'load-1',
    });
  });

  it('fails with a retryable DependencyError naming LOAD_FAILED and the loadId', async () => {
    // Prepare
    neptune.on(StartLoaderJobCommand).resolves({ status: '200 OK', payload: { loadId: 'load-2' } });
    neptune.on(GetLoaderJobStatusCommand).resolves(status('LOAD_FAILED'));

    // Act
    const failure = runNeptuneBulkLoad(target, loader(), source);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(DependencyError);
    await expect(failure).rejects.toThrow(
      'bulk load load-2 of s3://staging/graph-staging/batch.nq ended with LOAD_FAILED',
    );
  });

  it('gives up at the deadline while the load is still in progress', async () => {
    // Prepare
    neptune.on(StartLoaderJobCommand).resolves({ status: '200 OK', payload: { loadId: 'load-3' } });
    neptune.on(GetLoaderJobStatusCommand).resolves(status('LOAD_IN_PROGRESS'));

    // Act
    const failure = runNeptuneBulkLoad(target, loader({ timeoutMs: 0 }), source);

    // Assess
    await expect(failure).rejects.toThrow(/load-3 .* still LOAD_IN_PROGRESS at the deadline/);
  });

  it('turns a refused load request (HTTP 400) into a ValidationError', async () => {
    // Prepare
    neptune.on(StartLoaderJobCommand).rejects(fault('BadRequestException', 400, 'client'));

    // Act
    const failure = runNeptuneBulkLoad(target, loader(), source);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    expect(neptune.commandCalls(GetLoaderJobStatusCommand)).toHaveLength(0);
  });

  it('turns access denied into a ConfigurationError', async () => {
    // Prepare
    neptune.on(StartLoaderJobCommand).rejects(fault('AccessDeniedException', 403, 'client'));

    // Act
    const failure = runNeptuneBulkLoad(target, loader(), source);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('turns a server fault while polling into a retryable DependencyError', async () => {
    // Prepare
    neptune.on(StartLoaderJobCommand).resolves({ status: '200 OK', payload: { loadId: 'load-4' } });
    neptune.on(GetLoaderJobStatusCommand).rejects(fault('InternalFailureException', 500, 'server'));

    // Act
    const failure = runNeptuneBulkLoad(target, loader(), source);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'DependencyError', retryable: true });
  });

  it('fails clearly when the loader answers without a loadId', async () => {
    // Prepare
    neptune.on(StartLoaderJobCommand).resolves({ status: '200 OK', payload: {} });

    // Act
    const failure = runNeptuneBulkLoad(target, loader(), source);

    // Assess
    await expect(failure).rejects.toThrow('the bulk loader returned no loadId');
  });
});
