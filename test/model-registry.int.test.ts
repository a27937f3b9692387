// Integration: the model registry on the embedded DynamoDB (dynalite) through the real SDK adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../shared/domain/errors';
import {
  approveModel,
  deployedModel,
  listModelVersions,
  promoteModel,
  registerModel,
  rollbackModel,
  type RegistryDeps,
} from '../training/registry';
import { startTestStack, type TestStack } from './helpers/stack';

describe('Use case: model registry (dynalite)', () => {
  let stack: TestStack;
  let deps: RegistryDeps;

  beforeAll(async () => {
    stack = await startTestStack();
    deps = { table: stack.deps.serving, now: () => new Date('2026-11-30T12:00:00Z') };
  });
  afterAll(async () => stack?.stop());

  it('registers, approves, deploys, promotes and rolls back versions, refusing a duplicate version', async () => {
    // Prepare
    const model = (version: string, auroc: number) => ({
      name: 'cvd-risk',
      version,
      kind: 'logistic-regression',
      metrics: { auroc },
      artifact: `s3://models/cvd-risk/${version}`,
    });
    await registerModel(deps, model('1.0.0', 0.8));
    await registerModel(deps, model('1.1.0', 0.82));
    // Act
    await expect(registerModel(deps, model('1.0.0', 0.9))).rejects.toBeInstanceOf(ConflictError);
    await approveModel(deps, 'cvd-risk', '1.0.0');
    await promoteModel(deps, 'cvd-risk', '1.0.0');
    await approveModel(deps, 'cvd-risk', '1.1.0');
    await promoteModel(deps, 'cvd-risk', '1.1.0');
    const promoted = await deployedModel(deps, 'cvd-risk');
    const rolledBack = await rollbackModel(deps, 'cvd-risk');
    // Assess
    expect(promoted?.version).toBe('1.1.0');
    expect(rolledBack.version).toBe('1.0.0');
    expect((await deployedModel(deps, 'cvd-risk'))?.version).toBe('1.0.0');
    const versions = await listModelVersions(deps, 'cvd-risk');
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      ['1.0.0', 'deployed'],
      ['1.1.0', 'retired'],
    ]);
    expect(versions[0]!.metrics.auroc).toBe(0.8); // the refused duplicate changed nothing
  });
});
