// Integration: a model's way from training output to the endpoint the API calls
// (training/model-lifecycle.ts, `caregraph models`) on the embedded stack: the registry in dynalite,
// the registered files in s3rver, and the model server (training/serve.ts) answering through the
// real SageMaker runtime client, which must serve each promoted version from its next request.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../shared/domain/errors';
import { runCommand } from '../local/cli/io';
import { modelsCommand } from '../local/cli/commands/models';
import { localServedModels } from '../local/served-models';
import { encodedRiskModel } from '../training/fixtures';
import {
  approveVersion,
  filesDigest,
  modelStanding,
  promoteVersion,
  registerModelFiles,
  rollbackVersion,
  versionPrefix,
  type LifecycleDeps,
  type ModelFiles,
} from '../training/model-lifecycle';
import { getModelVersion, listModelVersions } from '../training/registry';
import { featureSpecVersion } from '../shared/domain/features/spec';
import { recentOperations } from '../training/model-operations';
import type { Table } from '../shared/ports/table';
import { captureProcessOutput } from './helpers/stack-contents';
import { startTestStack, type TestStack } from './helpers/stack';

const name = 'cvd-life';
const ascvd = { definition: 'hard ASCVD event (PCE definition)', horizonDays: 3652 };

/**
 * A logistic regression over two raw features of the spec (age_years, sex): for { age_years: 70,
 * sex: 'male' }, z = -1 + slope * (70 - 50) / 10 + 0.25, so each slope gives its own probability.
 */
function model(version: string, slope: number, extra: Record<string, unknown> = {}): ModelFiles {
  const document = {
    ...encodedRiskModel,
    name,
    version,
    features: ['age_years', 'age_years:missing', 'sex=female', 'sex=male', 'sex=(unknown)'],
    encoding: {
      ...encodedRiskModel.encoding,
      columns: [
        { ...encodedRiskModel.encoding.columns[0]!, name: 'age_years' },
        encodedRiskModel.encoding.columns[1]!,
      ],
    },
    coefficients: [slope, 0.5, 0, 0.25, 0],
    outcome: ascvd,
    ...extra,
  };
  return {
    'model.json': JSON.stringify(document),
    'model-card.json': JSON.stringify({ metrics: { auroc: 0.8 + slope / 100, brier: 0.1 } }),
    'model-card.md': `# ${name} ${version}\n`,
  };
}
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** `deps` whose install waits, once entered (`installing`), until `release()`. */
function holdInstall(deps: LifecycleDeps) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const installing = new Promise<void>((resolve) => (entered = resolve));
  const held: LifecycleDeps = {
    ...deps,
    served: {
      servedModelJson: (model) => deps.served.servedModelJson(model),
      install: async (model, files) => {
        entered();
        await gate;
        return deps.served.install(model, files);
      },
    },
  };
  return { deps: held, installing, release: () => release() };
}

/**
 * The table of a process that dies: reads go through, and so do operation claims (`claims`),
 * deployment commits (`commits`) and the first `puts` plain writes; every other write fails.
 */
function dyingTable(
  table: Table,
  allow: { claims?: boolean; commits?: boolean; puts?: number },
): Table {
  let puts = 0;
  const killed = () => Promise.reject(new Error('process killed'));
  return {
    get: (pk, sk) => table.get(pk, sk),
    query: (input) => table.query(input),
    putIfAbsent: (item) =>
      (allow.claims && String(item.sk).startsWith('OP#')) ||
      (allow.commits && String(item.sk).startsWith('DEPLOYMENT#'))
        ? table.putIfAbsent(item)
        : killed(),
    putMany: () => killed(),
    put: (item) => (++puts <= (allow.puts ?? 0) ? table.put(item) : killed()),
  };
}

describe('Use case: model lifecycle, registry to endpoint (embedded stack)', () => {
  let stack: TestStack;
  let deps: LifecycleDeps;
  const served = () => join(stack.dataDir, 'models', name);
  const ask = () =>
    stack.deps.predictor.invoke<{
      predictions: { probability: number }[];
      model: { version: string };
    }>({ endpoint: name, body: { records: [{ age_years: 70, sex: 'male' }] } });

  beforeAll(async () => {
    stack = await startTestStack();
    deps = {
      table: stack.deps.serving,
      objects: stack.deps.objects,
      served: localServedModels(join(stack.dataDir, 'models')),
      endpoint: { predictor: stack.deps.predictor, nameOf: (model) => model },
      now: () => new Date('2026-12-05T12:00:00Z'),
    };
  });
  afterAll(async () => stack?.stop());

  it('registers a version once: the same files again change nothing, other files under its version are refused', async () => {
    const first = await registerModelFiles(deps, model('1.0.0', 0.75), 'out/v1');
    expect(first.created).toBe(true);
    expect(first.version).toMatchObject({
      name,
      version: '1.0.0',
      status: 'candidate',
      metrics: { auroc: 0.8075, brier: 0.1 },
      outcome: ascvd,
      artifact: versionPrefix(name, '1.0.0', filesDigest(model('1.0.0', 0.75))),
    });
    expect(await stack.deps.objects.getText('curated', `${first.version.artifact}model.json`)).toBe(
      model('1.0.0', 0.75)['model.json'],
    );
    const again = await registerModelFiles(deps, model('1.0.0', 0.75), 'out/v1');
    expect(again.created).toBe(false);
    expect(await listModelVersions(deps, name)).toHaveLength(1);
    await expect(registerModelFiles(deps, model('1.0.0', 0.9), 'out/v1b')).rejects.toThrow(
      /cvd-life version 1.0.0 is already registered with other files/,
    );
    await expect(
      registerModelFiles(
        deps,
        { ...model('1.0.0', 0.75), 'model-card.md': '# edited\n' },
        'out/v1c',
      ),
    ).rejects.toThrow(/already registered with other files/);
    await expect(
      registerModelFiles(deps, { 'model.json': '{"kind":' }, 'out/broken'),
    ).rejects.toThrow(/out\/broken\/model.json: not valid JSON/);
    await expect(
      registerModelFiles(
        deps,
        { ...model('1.2.0', 0.75), 'model-card.json': '[1, 2]' },
        'out/card',
      ),
    ).rejects.toThrow(/out\/card\/model-card.json: not a JSON object/);
    await expect(registerModelFiles(deps, model('../1', 0.75), 'out/escape')).rejects.toThrow(
      /version: "..\/1" must be letters/,
    );
  });

  it('serves nothing until a reviewer approves, then serves the version from its next request', async () => {
    await expect(promoteVersion(deps, name, '1.0.0')).rejects.toThrow(ConflictError);
    expect(existsSync(served())).toBe(false);
    const approved = await approveVersion(deps, name, '1.0.0', {
      by: 'Dr A. Reviewer',
      note: 'calibration checked on the 2026 cohort',
    });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Dr A. Reviewer' });

    const promoted = await promoteVersion(deps, name, '1.0.0');
    expect(promoted).toMatchObject({ unchanged: false, version: { status: 'deployed' } });
    const answer = await ask();
    expect(answer.model.version).toBe('1.0.0');
    expect(answer.predictions[0]!.probability).toBeCloseTo(sigmoid(-1 + 0.75 * 2 + 0.25), 12);
  });

  it('promotes a new version over the deployed one, and rolls back to it', async () => {
    await registerModelFiles(deps, model('1.1.0', 1.5), 'out/v11');
    await approveVersion(deps, name, '1.1.0', { by: 'Dr A. Reviewer' });
    const promoted = await promoteVersion(deps, name, '1.1.0');
    expect(promoted.previous).toBe('1.0.0');
    const answer = await ask();
    expect(answer.model.version).toBe('1.1.0');
    expect(answer.predictions[0]!.probability).toBeCloseTo(sigmoid(-1 + 1.5 * 2 + 0.25), 12);
    expect((await getModelVersion(deps, name, '1.0.0')).status).toBe('approved');

    const back = await rollbackVersion(deps, name);
    expect(back).toMatchObject({ previous: '1.1.0', version: { version: '1.0.0' } });
    expect((await ask()).model.version).toBe('1.0.0');
    expect((await getModelVersion(deps, name, '1.1.0')).status).toBe('retired');
    await expect(rollbackVersion(deps, name)).rejects.toThrow(/no earlier deployment/);
  });

  it('refuses a version whose outcome differs from the served one, unless told', async () => {
    const t2d = { definition: 'new type 2 diabetes (ADA 2024)', horizonDays: 730 };
    await registerModelFiles(deps, model('2.0.0', 0.5, { outcome: t2d }), 'out/v2');
    await approveVersion(deps, name, '2.0.0', { by: 'Dr B. Reviewer' });
    await expect(promoteVersion(deps, name, '2.0.0')).rejects.toThrow(
      /predicts "new type 2 diabetes \(ADA 2024\)" over 730 days, the served version 1.0.0 "hard ASCVD event \(PCE definition\)" over 3652 days/,
    );
    expect((await ask()).model.version).toBe('1.0.0');
    const promoted = await promoteVersion(deps, name, '2.0.0', {
      allowOutcomeChange: true,
      by: 'Ops D',
    });
    expect(promoted.version).toMatchObject({ deployedBy: 'Ops D', outcomeChangeAllowed: true });
    expect((await ask()).model.version).toBe('2.0.0');
    // Back to 1.0.0 would change it again: rollback is held to the same rule.
    await expect(rollbackVersion(deps, name)).rejects.toThrow(
      /version 1.0.0 predicts "hard ASCVD event \(PCE definition\)" over 3652 days, the served version 2.0.0/,
    );
    expect((await ask()).model.version).toBe('2.0.0');
  });

  it('compares the outcome with what the endpoint serves, though the registry never deployed it', async () => {
    // Arrange: a model written straight into the endpoint's folder (caregraph train --out does so).
    const handMade = 'hand-made';
    const folder = join(stack.dataDir, 'models', handMade);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'model.json'), model('0.1.0', 1, { name: handMade })['model.json']!);
    const t2d = { definition: 'new type 2 diabetes (ADA 2024)', horizonDays: 730 };
    await registerModelFiles(deps, model('0.2.0', 1, { name: handMade, outcome: t2d }), 'out/h');
    await approveVersion(deps, handMade, '0.2.0', { by: 'Dr B. Reviewer' });
    // Act, Assess
    await expect(promoteVersion(deps, handMade, '0.2.0')).rejects.toThrow(
      /the served version 0.1.0 "hard ASCVD event \(PCE definition\)" over 3652 days/,
    );
    await promoteVersion(deps, handMade, '0.2.0', { allowOutcomeChange: true });
    const answer = await stack.deps.predictor.invoke<{ model: { version: string } }>({
      endpoint: handMade,
      body: { records: [{ age_years: 70, sex: 'male' }] },
    });
    expect(answer.model.version).toBe('0.2.0');
  });

  it('refuses a model the API could not feed: a column that is not a raw feature of the spec', async () => {
    const files = model('3.0.0', 0.75, {
      features: encodedRiskModel.features,
      encoding: encodedRiskModel.encoding,
    });
    await registerModelFiles(deps, files, 'out/v3');
    await approveVersion(deps, name, '3.0.0', { by: 'Dr B. Reviewer' });
    const refusal = promoteVersion(deps, name, '3.0.0', { allowOutcomeChange: true });
    await expect(refusal).rejects.toThrow(ValidationError);
    await expect(promoteVersion(deps, name, '3.0.0')).rejects.toThrow(
      /its columns age are not raw features of spec features-/,
    );
    expect((await ask()).model.version).toBe('2.0.0');
  });

  it('refuses files changed in the bucket since registration, and removes a card the new version lacks', async () => {
    const {
      'model-card.json': _card,
      'model-card.md': _md,
      ...bare
    } = model('4.0.0', 1, {
      outcome: { definition: 'new type 2 diabetes (ADA 2024)', horizonDays: 730 },
    });
    await registerModelFiles(deps, bare, 'out/v4');
    await approveVersion(deps, name, '4.0.0', { by: 'Dr B. Reviewer' });
    expect(existsSync(join(served(), 'model-card.md'))).toBe(true);
    await promoteVersion(deps, name, '4.0.0');
    expect(existsSync(join(served(), 'model-card.md'))).toBe(false);
    expect((await ask()).model.version).toBe('4.0.0');

    // The card a clinician is pointed to is covered as model.json is.
    await stack.deps.objects.put(
      'curated',
      `${(await getModelVersion(deps, name, '2.0.0')).artifact}model-card.md`,
      '# cvd-life 2.0.0, validated on every population\n',
    );
    await expect(rollbackVersion(deps, name)).rejects.toThrow(
      /version 2.0.0: its files changed since it was registered/,
    );
    expect((await ask()).model.version).toBe('4.0.0');
  });

  it('leaves the registry as it was when the endpoint does not answer with the installed version', async () => {
    // Arrange: files installed where the endpoint does not read them (a misnamed folder)
    const elsewhere = { ...deps, served: localServedModels(join(stack.dataDir, 'elsewhere')) };
    await registerModelFiles(
      deps,
      model('4.1.0', 1.25, {
        outcome: { definition: 'new type 2 diabetes (ADA 2024)', horizonDays: 730 },
      }),
      'out/v41',
    );
    await approveVersion(deps, name, '4.1.0', { by: 'Dr B. Reviewer' });
    // Act, Assess
    await expect(promoteVersion(elsewhere, name, '4.1.0')).rejects.toThrow(
      /version 4.1.0 was installed, but endpoint cvd-life answers version 4.0.0 .*the registry is unchanged/,
    );
    expect((await getModelVersion(deps, name, '4.1.0')).status).toBe('approved');
    expect((await ask()).model.version).toBe('4.0.0');
  });

  it('runs one promote or rollback of a model at a time, and logs how each ended', async () => {
    // The promotion of 4.1.0 above failed: its entry says why.
    const [failed] = await recentOperations(deps, name);
    expect(failed).toMatchObject({ operation: 'promote', version: '4.1.0', state: 'failed' });
    expect(failed!.error).toMatch(/endpoint cvd-life answers version 4.0.0/);
    // Arrange: a promotion held inside its install
    const { deps: held, installing, release } = holdInstall(deps);
    const first = promoteVersion(held, name, '4.1.0', { by: 'Ops F' });
    await installing;
    // Act, Assess: the other operator is refused, and nothing of theirs is installed
    await expect(rollbackVersion(deps, name, { by: 'Ops G' })).rejects.toThrow(
      /model cvd-life: promote of version 4.1.0 by Ops F started .* is still running/,
    );
    await expect(promoteVersion(deps, name, '4.0.0', { by: 'Ops G' })).rejects.toThrow(
      ConflictError,
    );
    expect((await ask()).model.version).toBe('4.0.0');
    release();
    expect((await first).version).toMatchObject({ version: '4.1.0', status: 'deployed' });
    expect((await ask()).model.version).toBe('4.1.0');
    const [done] = await recentOperations(deps, name);
    expect(done).toMatchObject({
      seq: failed!.seq + 1,
      operation: 'promote',
      version: '4.1.0',
      by: 'Ops F',
      state: 'done',
    });
  });

  it('reports a promotion that never ended, and lets the next one settle it once its lease ran out', async () => {
    // Arrange: a promotion whose process dies after the install, before the registry's commit
    await registerModelFiles(
      deps,
      model('4.2.0', 1.1, {
        outcome: { definition: 'new type 2 diabetes (ADA 2024)', horizonDays: 730 },
      }),
      'out/v42',
    );
    await approveVersion(deps, name, '4.2.0', { by: 'Dr B. Reviewer' });
    const dies: LifecycleDeps = {
      ...deps,
      // Its claim goes through; the deployment log's entry (the commit) and all else does not.
      table: dyingTable(deps.table, { claims: true }),
    };
    await expect(promoteVersion(dies, name, '4.2.0', { by: 'Ops H' })).rejects.toThrow(
      /process killed/,
    );
    // The endpoint serves 4.2.0; the registry still says 4.1.0, and its log says 4.2.0 is running.
    expect((await ask()).model.version).toBe('4.2.0');
    expect((await getModelVersion(deps, name, '4.2.0')).status).toBe('approved');
    expect((await recentOperations(deps, name))[0]).toMatchObject({
      version: '4.2.0',
      state: 'running',
    });
    // Within its lease nobody else may start; `models list` (the real clock, past the lease) warns.
    await expect(rollbackVersion(deps, name, { by: 'Ops I' })).rejects.toThrow(/still running/);
    const output = captureProcessOutput();
    try {
      expect(
        await runCommand(modelsCommand, [
          'list',
          '--name',
          name,
          '--endpoint',
          stack.endpoints.api,
        ]),
      ).toBe(0);
    } finally {
      output.restore();
    }
    expect(output.text()).toMatch(
      /the endpoint cvd-life serves version 4.2.0\n+last operation: promote of version 4.2.0 by Ops H started \S+ never ended \(its lease ran out \S+\)\n+warning: the endpoint serves version 4.2.0, and the registry says version 4.1.0 is deployed; promote the version that should serve to settle it\n+warning: the promote of version 4.2.0 by Ops H started \S+ never ended/,
    );
    // Act: after the lease, promoting it again completes it
    const later: LifecycleDeps = { ...deps, now: () => new Date('2026-12-05T12:30:00Z') };
    const settled = await promoteVersion(later, name, '4.2.0', { by: 'Ops I' });
    // Assess
    expect(settled.interrupted).toMatchObject({ version: '4.2.0', by: 'Ops H', state: 'running' });
    expect(settled.operation).toMatchObject({
      state: 'done',
      tookOverFrom: settled.interrupted!.seq,
    });
    expect(settled.version).toMatchObject({ status: 'deployed', deployedBy: 'Ops I' });
    expect(settled.previous).toBe('4.1.0');
    expect((await ask()).model.version).toBe('4.2.0');
    expect(await modelStanding(later, name)).toMatchObject({
      deployed: '4.2.0',
      served: '4.2.0',
      lastOperation: { state: 'done', interrupted: false },
      problems: [],
    });
  });

  it('fences off a promotion that outlived its lease: the one that took over is what the registry records', async () => {
    // Arrange: 4.3.0's promotion held in its install past its lease; 4.1.0's takes over meanwhile
    await registerModelFiles(
      deps,
      model('4.3.0', 1.2, {
        outcome: { definition: 'new type 2 diabetes (ADA 2024)', horizonDays: 730 },
      }),
      'out/v43',
    );
    await approveVersion(deps, name, '4.3.0', { by: 'Dr B. Reviewer' });
    const { deps: slow, installing, release } = holdInstall(deps);
    const stale = promoteVersion(slow, name, '4.3.0', { by: 'Ops J' });
    await installing;
    const later: LifecycleDeps = { ...deps, now: () => new Date('2026-12-05T13:00:00Z') };
    const takeover = await promoteVersion(later, name, '4.1.0', { by: 'Ops K' });
    expect(takeover.interrupted).toMatchObject({ version: '4.3.0', by: 'Ops J' });
    // Act: the stale one's install lands after it
    release();
    // Assess: it does not write the registry, and the disagreement is reported
    await expect(stale).rejects.toThrow(
      /model cvd-life: promote of version 4.1.0 by Ops K started \S+ took over from this promote, whose lease \(2026-12-05T12:10:00.000Z\) had run out; the registry is unchanged, though the endpoint may serve what this one installed/,
    );
    expect((await getModelVersion(deps, name, '4.3.0')).status).toBe('approved');
    const standing = await modelStanding(later, name);
    expect(standing).toMatchObject({ deployed: '4.1.0', served: '4.3.0' });
    expect(standing.problems).toEqual([
      'the endpoint serves version 4.3.0, and the registry says version 4.1.0 is deployed; promote the version that should serve to settle it',
    ]);
    // Settling it: the deployed version promoted again installs its files again.
    expect(await promoteVersion(later, name, '4.1.0', { by: 'Ops K' })).toMatchObject({
      unchanged: true,
    });
    expect((await ask()).model.version).toBe('4.1.0');
    expect((await modelStanding(later, name)).problems).toEqual([]);
  });

  it('reports statuses a promotion left half-written, and settles them when the deployed version is promoted again', async () => {
    // Arrange: 4.4.0's promotion dies after the registry's commit and one status write (4.1.0 set
    // back to approved), before 4.4.0 is marked deployed and before its log entry ends
    await registerModelFiles(
      deps,
      model('4.4.0', 1.3, {
        outcome: { definition: 'new type 2 diabetes (ADA 2024)', horizonDays: 730 },
      }),
      'out/v44',
    );
    await approveVersion(deps, name, '4.4.0', { by: 'Dr B. Reviewer' });
    const dies: LifecycleDeps = {
      ...deps,
      table: dyingTable(deps.table, { claims: true, commits: true, puts: 1 }),
    };
    await expect(promoteVersion(dies, name, '4.4.0', { by: 'Ops L' })).rejects.toThrow(
      /process killed/,
    );
    const later: LifecycleDeps = { ...deps, now: () => new Date('2026-12-05T14:00:00Z') };
    const standing = await modelStanding(later, name);
    expect(standing).toMatchObject({ deployed: '4.4.0', served: '4.4.0' });
    expect(standing.problems).toEqual([
      'statuses disagree with the deployment record (4.4.0 says approved, should be deployed): a promote or rollback stopped part way; the next promote or rollback settles them (promote version 4.4.0 again to settle them alone)',
      expect.stringMatching(/^the promote of version 4.4.0 by Ops L started \S+ never ended/),
    ]);
    // Act: the CLI, on the real clock (past the lease)
    const output = captureProcessOutput();
    try {
      expect(
        await runCommand(modelsCommand, [
          ...['promote', '--name', name, '--version', '4.4.0', '--by', 'Ops M'],
          ...['--endpoint', stack.endpoints.api],
        ]),
      ).toBe(0);
    } finally {
      output.restore();
    }
    // Assess
    expect(output.text()).toMatch(
      /model cvd-life version 4.4.0 was already deployed; its files are installed again\nnote: statuses settled: 4.4.0 approved -> deployed\nnote: the earlier promote of version 4.4.0 by Ops L started \S+ never ended/,
    );
    expect(await getModelVersion(deps, name, '4.4.0')).toMatchObject({
      status: 'deployed',
      deployedBy: 'Ops M',
    });
    expect((await getModelVersion(deps, name, '4.1.0')).status).toBe('approved');
    expect((await modelStanding(later, name)).problems).toEqual([]);
  });

  it('keeps reporting a first promotion that never ended, though a later operation failed, until one succeeds', async () => {
    // Arrange: the first promotion of a new model dies after its install, before its commit
    const fresh = 'fresh-model';
    const files = model('1.0.0', 1, { name: fresh });
    await registerModelFiles(deps, files, 'out/fresh');
    await approveVersion(deps, fresh, '1.0.0', { by: 'Dr B. Reviewer' });
    const dies: LifecycleDeps = {
      ...deps,
      table: dyingTable(deps.table, { claims: true }),
    };
    await expect(promoteVersion(dies, fresh, '1.0.0', { by: 'Ops N' })).rejects.toThrow(
      /process killed/,
    );
    const later: LifecycleDeps = { ...deps, now: () => new Date('2026-12-05T15:00:00Z') };
    const neverEnded = expect.stringMatching(
      /^the promote of version 1.0.0 by Ops N started \S+ never ended/,
    );
    // Act, Assess: the endpoint serves a registered version the registry never recorded
    expect(await modelStanding(later, fresh)).toMatchObject({
      served: '1.0.0',
      problems: [
        'the endpoint serves version 1.0.0, which is registered but not recorded as deployed; promote it to record it',
        neverEnded,
      ],
    });
    // A rollback takes over and fails: the first is still reported
    await expect(rollbackVersion(later, fresh, { by: 'Ops O' })).rejects.toThrow(
      /no earlier deployment/,
    );
    expect((await modelStanding(later, fresh)).problems).toContainEqual(neverEnded);
    // A promotion that succeeds settles it
    await promoteVersion(later, fresh, '1.0.0', { by: 'Ops O' });
    expect(await modelStanding(later, fresh)).toMatchObject({
      deployed: '1.0.0',
      served: '1.0.0',
      problems: [],
    });
  });

  it('names --allow-outcome-change when the served model.json cannot be read to compare outcomes', async () => {
    const fresh = 'fresh-model';
    await registerModelFiles(deps, model('1.1.0', 1.5, { name: fresh }), 'out/fresh11');
    await approveVersion(deps, fresh, '1.1.0', { by: 'Dr B. Reviewer' });
    writeFileSync(join(stack.dataDir, 'models', fresh, 'model.json'), '{"kind":');
    expect(await modelStanding(deps, fresh)).toMatchObject({
      deployed: '1.0.0',
      served: 'unreadable',
      problems: [
        'the endpoint serves a model.json that cannot be read, and the registry says version 1.0.0 is deployed; promote the version that should serve to settle it',
      ],
    });
    await expect(promoteVersion(deps, fresh, '1.1.0', { by: 'Ops O' })).rejects.toThrow(
      /the model endpoint fresh-model serves\/model.json: not valid JSON.*: the outcome of model fresh-model version 1.1.0 cannot be compared with it; give --allow-outcome-change to replace it/,
    );
    await promoteVersion(deps, fresh, '1.1.0', { by: 'Ops O', allowOutcomeChange: true });
    expect(await modelStanding(deps, fresh)).toMatchObject({ served: '1.1.0', problems: [] });
  });

  it('refuses to roll back onto a version an earlier rollback retired', async () => {
    // Arrange: 1.0.0, then 1.1.0, then 1.0.0 again (history 1.0.0, 1.1.0); a rollback retires 1.0.0
    const loop = 'loop-model';
    for (const [version, slope] of [
      ['1.0.0', 1],
      ['1.1.0', 1.2],
    ] as const) {
      await registerModelFiles(deps, model(version, slope, { name: loop }), `out/${version}`);
      await approveVersion(deps, loop, version, { by: 'Dr B. Reviewer' });
    }
    for (const version of ['1.0.0', '1.1.0', '1.0.0'])
      await promoteVersion(deps, loop, version, { by: 'Ops P' });
    expect(await rollbackVersion(deps, loop, { by: 'Ops P' })).toMatchObject({
      previous: '1.0.0',
      version: { version: '1.1.0', status: 'deployed' },
    });
    expect((await getModelVersion(deps, loop, '1.0.0')).status).toBe('retired');
    // Act, Assess
    await expect(rollbackVersion(deps, loop, { by: 'Ops P' })).rejects.toThrow(
      /model loop-model version 1.0.0, deployed before, was retired by an earlier rollback; promote an approved version instead/,
    );
    expect(await modelStanding(deps, loop)).toMatchObject({ deployed: '1.1.0', problems: [] });
  });

  it('refuses a model trained under another feature spec, and promotes one of the current spec without a warning', async () => {
    // Arrange: one model per spec, both approved, under their own endpoint.
    const specModel = 'spec-model';
    const stale = model('1.0.0', 1, { name: specModel, featureSpec: 'features-1999.01.1' });
    const current = model('2.0.0', 1, { name: specModel, featureSpec: featureSpecVersion });
    for (const [files, version] of [
      [stale, '1.0.0'],
      [current, '2.0.0'],
    ] as const) {
      await registerModelFiles(deps, files, `out/${specModel}-${version}`);
      await approveVersion(deps, specModel, version, { by: 'Dr S. Reviewer' });
    }
    // Act, Assess: refused, naming both specs; nothing installed.
    const refusal = promoteVersion(deps, specModel, '1.0.0', { allowOutcomeChange: true });
    await expect(refusal).rejects.toThrow(ValidationError);
    await expect(refusal).rejects.toThrow(
      `model ${specModel} version 1.0.0 cannot serve the API's predictions: it was trained on features of spec features-1999.01.1, and the API sends features of spec ${featureSpecVersion}`,
    );
    expect(existsSync(join(stack.dataDir, 'models', specModel, 'model.json'))).toBe(false);
    const promoted = await promoteVersion(deps, specModel, '2.0.0');
    expect(promoted.version.status).toBe('deployed');
    expect(promoted.warnings).toBeUndefined();
    const answer = await stack.deps.predictor.invoke<{
      model: { version: string; featureSpec?: string };
    }>({ endpoint: specModel, body: { records: [{ age_years: 70, sex: 'male' }] } });
    expect(answer.model).toMatchObject({ version: '2.0.0', featureSpec: featureSpecVersion });
  });

  it('runs as caregraph models, with usage errors exiting 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregraph-models-'));
    const outDir = join(dir, 'trained');
    mkdirSync(outDir);
    for (const [file, text] of Object.entries(model('5.0.0', 2, { name: 'cli-model' })))
      writeFileSync(join(outDir, file), text);
    const laterDir = join(dir, 'later');
    mkdirSync(laterDir);
    for (const [file, text] of Object.entries(model('10.0.0', 2, { name: 'cli-model' })))
      writeFileSync(join(laterDir, file), text);
    const endpoint = ['--endpoint', stack.endpoints.api];
    const output = captureProcessOutput();
    let codes: number[];
    try {
      codes = [
        await runCommand(modelsCommand, ['register', '--model', outDir, ...endpoint]),
        await runCommand(modelsCommand, [
          ...['approve', '--name', 'cli-model', '--version', '5.0.0', '--by', 'Dr C'],
          ...endpoint,
        ]),
        await runCommand(modelsCommand, [
          ...['promote', '--name', 'cli-model', '--version', '5.0.0', '--by', 'Ops E'],
          ...endpoint,
        ]),
        await runCommand(modelsCommand, ['register', '--model', laterDir, ...endpoint]),
        await runCommand(modelsCommand, ['list', '--name', 'cli-model', ...endpoint]),
        await runCommand(modelsCommand, [
          'rollback',
          '--name',
          'cli-model',
          '--by',
          'Ops E',
          ...endpoint,
        ]),
        await runCommand(modelsCommand, ['rollback', '--name', 'cli-model', ...endpoint]),
        await runCommand(modelsCommand, ['retire', '--name', 'cli-model']),
        await runCommand(modelsCommand, ['list']),
        await runCommand(modelsCommand, ['list', '--name', 'cli-model', '--by', 'Dr C']),
        await runCommand(modelsCommand, ['register', '--model', join(dir, 'none'), ...endpoint]),
      ];
    } finally {
      output.restore();
    }
    expect(codes).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 1]);
    // Listed in the order registered: 5.0.0, then 10.0.0 (as strings, 10.0.0 would come first).
    const listed = output
      .text()
      .split('\n')
      .filter((l) => /^[* ] \d+\.0\.0 /.test(l));
    expect(listed.map((l) => l.slice(2).split(' ')[0])).toEqual(['5.0.0', '10.0.0']);
    const text = output.text();
    expect(text).toMatch(
      /registered model cli-model version 5.0.0 \(logistic-regression; auroc 0.82, brier 0.1\) as a candidate/,
    );
    expect(text).toMatch(
      /deployed model cli-model version 5.0.0: the endpoint cli-model serves it/,
    );
    // The model records no feature spec: served, as the predictions serve it, with the warning.
    expect(text).toContain(
      `warning: model cli-model version 5.0.0 records no feature spec: nothing confirms it was trained on features of spec ${featureSpecVersion}`,
    );
    expect(text).toMatch(
      /\* 5.0.0 +deployed +logistic-regression .*approved by Dr C .*; deployed by Ops E 20/,
    );
    expect(text).toMatch(/missing required flag --by/);
    expect(text).toMatch(
      /caregraph models: model cli-model has no earlier deployment to roll back to/,
    );
    expect(text).toMatch(/--by does not go with models list/);
    expect(text).toMatch(/none: no model.json/);
    const answer = await stack.deps.predictor.invoke<{ model: { version: string } }>({
      endpoint: 'cli-model',
      body: { records: [{ age_years: 70, sex: 'male' }] },
    });
    expect(answer.model.version).toBe('5.0.0');
  });
});
