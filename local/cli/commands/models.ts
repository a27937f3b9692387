// `caregraph models register|list|approve|promote|rollback`: a model's way from `caregraph train
// --out DIR` to the endpoint the running stack's API calls, with a named reviewer in between
// (training/model-lifecycle.ts over the registry in the serving table, the curated bucket and the
// model server's directory).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDependencies } from '../../../shared/adapters/composition';
import { ValidationError } from '../../../shared/domain/errors';
import {
  approveVersion,
  modelStanding,
  modelVersionFiles,
  promoteVersion,
  registerModelFiles,
  rollbackVersion,
  type LifecycleDeps,
  type ModelFiles,
  type Promotion,
} from '../../../training/model-lifecycle';
import { endpointNamePattern, modelFileName } from '../../../training/model-format';
import { listModelVersions, type ModelVersion } from '../../../training/registry';
import {
  operationLeaseMs,
  operationText,
  type ModelOperation,
} from '../../../training/model-operations';
import { localServedModels } from '../../served-models';
import { out, parseFlags, requireFlag, UsageError, type Command } from '../io';
import { callApi, findStack, stackConfig, type StackInfo } from '../stack-client';

const usage = `Usage: caregraph models register --model DIR [--json]
       caregraph models list --name NAME [--json]
       caregraph models approve --name NAME --version V --by REVIEWER [--note TEXT] [--json]
       caregraph models promote --name NAME --version V --by OPERATOR [--allow-outcome-change] [--json]
       caregraph models rollback --name NAME --by OPERATOR [--allow-outcome-change] [--json]
  (each also takes --endpoint URL or --data-dir DIR to find the running stack)
  register  record a trained model (DIR/model.json and its card, as caregraph train --out writes
            them) as a candidate: its files are copied into the curated bucket under their digest;
            name and version are model.json's; the same files registered again change nothing
  list      every version of a model: status, cross-validated metrics, outcome, who approved it,
            and the model's last promote or rollback (running, done, failed, or interrupted)
  approve   a reviewer approves a candidate (--by is recorded with the time and --note)
  promote   serve an approved version at the endpoint NAME: refused when the API could not feed
            it (a column that is not a raw feature of the spec, or read otherwise; trained under
            another feature spec than the current one) or when its outcome differs from the model
            the endpoint serves now (unless --allow-outcome-change); a model that records no
            feature spec is served with a warning
  rollback  serve the version deployed before the current one again, with promote's checks; the
            current one is retired
  One promote or rollback of a model runs at a time: another is refused until it ends, or until
  its ${operationLeaseMs / 60_000}-minute lease runs out (then the next one reports it as interrupted).`;

const subcommands = ['register', 'list', 'approve', 'promote', 'rollback'] as const;
type Subcommand = (typeof subcommands)[number];

/** The flags each subcommand accepts besides --json, --endpoint and --data-dir. */
const flagsOf: Record<Subcommand, readonly string[]> = {
  register: ['model'],
  list: ['name'],
  approve: ['name', 'version', 'by', 'note'],
  promote: ['name', 'version', 'by', 'allow-outcome-change'],
  rollback: ['name', 'by', 'allow-outcome-change'],
};

/** A trained model's directory: model.json (required) and the card files it has. */
async function readTrainedModelFiles(dir: string): Promise<ModelFiles> {
  const files: ModelFiles = {};
  for (const file of modelVersionFiles) {
    const text = await readFile(join(dir, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && file !== modelFileName) return undefined;
      if (error.code === 'ENOENT')
        throw new ValidationError(`${dir}: no ${modelFileName} (train with --out DIR)`, 'model');
      throw new ValidationError(`${join(dir, file)}: cannot read (${error.code})`, 'model');
    });
    if (text !== undefined) files[file] = text;
  }
  return files;
}

const metricText = (metrics: Record<string, number>) =>
  Object.entries(metrics)
    .map(([k, v]) => `${k} ${+v.toFixed(3)}`)
    .join(', ') || 'no card metrics';

function versionLine(v: ModelVersion, deployed: string | undefined): string {
  const outcome = v.outcome
    ? `; outcome: ${v.outcome.definition}${v.outcome.horizonDays ? ` (${v.outcome.horizonDays} days)` : ''}`
    : '';
  const review = v.approvedBy
    ? `; approved by ${v.approvedBy} ${v.approvedAt}${v.approvalNote ? ` ("${v.approvalNote}")` : ''}`
    : '';
  const deployment = v.deployedBy
    ? `; deployed by ${v.deployedBy} ${v.deployedAt}${v.outcomeChangeAllowed ? ' (outcome change allowed)' : ''}`
    : '';
  const marker = v.version === deployed ? '*' : ' ';
  return `${marker} ${v.version.padEnd(12)} ${v.status.padEnd(9)} ${v.kind}  ${metricText(v.metrics)}  registered ${v.registeredAt}${review}${deployment}${outcome}`;
}

/**
 * What the running API serves (GET /models): every model as `start --models` names it, and the
 * names it serves endpoint `endpoint` under. Undefined when the API cannot be asked (the promote
 * or list has been done; this only adds to what it says).
 */
async function apiModelsOf(
  stack: StackInfo,
  endpoint: string,
): Promise<{ names: string[]; all: string[] } | undefined> {
  try {
    const { models } = await callApi<{ models: { name: string; endpoint: string }[] }>(
      stack,
      { role: 'data-scientist', hospital: 'demo-general' },
      'GET',
      '/models',
    );
    return {
      names: models.filter((m) => m.endpoint === endpoint).map((m) => m.name),
      all: models.map((m) => (m.name === m.endpoint ? m.name : `${m.name}=${m.endpoint}`)),
    };
  } catch {
    return undefined;
  }
}

/**
 * Whether GET /patients/{id}/predictions asks endpoint `name`, and if not, what would make it: a
 * line printed after the rest (undefined when the API could not be asked).
 */
export function apiServingText(
  name: string,
  api: { names: string[]; all: string[] } | undefined,
): string | undefined {
  if (api === undefined) return undefined;
  if (api.names.length)
    return `the API serves it as GET /patients/{id}/predictions?model=${api.names[0]}`;
  return `warning: the running API does not serve model ${name} (it serves ${api.all.join(', ') || 'none'}): GET /patients/{id}/predictions?model=${name} is refused until the stack is restarted with caregraph start --models ${[...api.all, name].join(',')}`;
}

export function promotionLine(
  p: Promotion,
  verb: string,
  api?: { names: string[]; all: string[] },
): string {
  const { name, version } = p.version;
  const notes = [
    ...(p.settled?.length
      ? [
          `statuses settled: ${p.settled.map((d) => `${d.version} ${d.status} -> ${d.should}`).join(', ')}`,
        ]
      : []),
    ...(p.interrupted
      ? [
          `the earlier ${operationText(p.interrupted)} never ended (its lease ran out); this one replaced whatever it left at the endpoint`,
        ]
      : []),
    ...(p.logNotEnded ? [p.logNotEnded] : []),
  ].map((note) => `\nnote: ${note}`);
  const head = p.unchanged
    ? `model ${name} version ${version} was already deployed; its files are installed again`
    : `${verb} model ${name} version ${version}${p.previous ? ` (was ${p.previous})` : ''}: the endpoint ${name} serves it from its next request`;
  const warnings = (p.warnings ?? []).map((w) => `\nwarning: ${w}`);
  const served = apiServingText(name, api);
  return head + notes.join('') + warnings.join('') + (served ? `\n${served}` : '');
}

/** The model's latest promote or rollback, and what to do when it did not end well. */
function operationLine(op: ModelOperation & { interrupted: boolean }): string {
  if (op.interrupted)
    return `last operation: ${operationText(op)} never ended (its lease ran out ${op.leaseUntil})`;
  if (op.state === 'running')
    return `last operation: ${operationText(op)} is running (its lease ends ${op.leaseUntil})`;
  return `last operation: ${operationText(op)}: ${op.state} ${op.endedAt}${op.error ? ` (${op.error})` : ''}`;
}

export const modelsCommand: Command = {
  name: 'models',
  summary: 'register, approve, promote and roll back models served by the running stack',
  usage,
  async run(argv) {
    const [sub, ...rest] = argv;
    if (!sub || !(subcommands as readonly string[]).includes(sub))
      throw new UsageError(`give a subcommand: ${subcommands.join(', ')}`);
    const { values } = parseFlags(rest, {
      model: { type: 'string' },
      name: { type: 'string' },
      version: { type: 'string' },
      by: { type: 'string' },
      note: { type: 'string' },
      'allow-outcome-change': { type: 'boolean' },
      json: { type: 'boolean' },
      endpoint: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    const command = sub as Subcommand;
    const allowed = new Set([...flagsOf[command], 'json', 'endpoint', 'data-dir']);
    const stray = Object.keys(values).find((flag) => !allowed.has(flag));
    if (stray) throw new UsageError(`--${stray} does not go with models ${command}`);
    const name = command === 'register' ? undefined : requireFlag(values.name, 'name');
    if (name !== undefined && !endpointNamePattern.test(name))
      throw new UsageError(`--name "${name}" is not a model (endpoint) name`);
    const files =
      command === 'register'
        ? await readTrainedModelFiles(requireFlag(values.model, 'model'))
        : undefined;

    const stack = await findStack(values.endpoint, values['data-dir']);
    const aws = buildDependencies(stackConfig(stack));
    const deps: LifecycleDeps = {
      table: aws.serving,
      objects: aws.objects,
      served: localServedModels(join(stack.dataDir, 'models')),
      // The model server serves the folder NAME as the endpoint NAME.
      endpoint: { predictor: aws.predictor, nameOf: (model) => model },
      now: () => new Date(),
    };
    const print = (value: unknown, text: string) =>
      values.json ? out.json(value) : out.result(text);

    switch (command) {
      case 'register': {
        const registered = await registerModelFiles(deps, files!, values.model!);
        const v = registered.version;
        print(
          registered,
          registered.created
            ? `registered model ${v.name} version ${v.version} (${v.kind}; ${metricText(v.metrics)}) as a candidate; next: caregraph models approve --name ${v.name} --version ${v.version} --by REVIEWER`
            : `model ${v.name} version ${v.version} was already registered with this model.json (${v.status}); nothing changed`,
        );
        return 0;
      }
      case 'list': {
        // In the order they were registered (version strings do not sort: 1.10.0 before 1.9.0).
        const versions = (await listModelVersions(deps, name!)).sort((a, b) =>
          a.registeredAt.localeCompare(b.registeredAt),
        );
        const standing = await modelStanding(deps, name!);
        const api = await apiModelsOf(stack, name!);
        if (values.json) {
          out.json({ name, ...standing, apiNames: api?.names ?? null, versions });
          return 0;
        }
        if (!versions.length) {
          out.result(
            `model ${name} has no registered version (caregraph models register --model DIR)`,
          );
        } else {
          out.result(`model ${name}: ${versions.length} version(s), * deployed`);
          for (const v of versions) out.result(versionLine(v, standing.deployed));
        }
        out.result(
          `the endpoint ${name} serves ${standing.served === undefined ? 'no model' : `version ${standing.served}`}`,
        );
        if (standing.lastOperation) out.result(operationLine(standing.lastOperation));
        for (const problem of standing.problems) out.result(`warning: ${problem}`);
        const served = standing.served === undefined ? undefined : apiServingText(name!, api);
        if (served) out.result(served);
        return 0;
      }
      case 'approve': {
        const v = await approveVersion(deps, name!, requireFlag(values.version, 'version'), {
          by: requireFlag(values.by, 'by'),
          ...(values.note ? { note: values.note } : {}),
        });
        print(v, `approved model ${v.name} version ${v.version} (by ${v.approvedBy})`);
        return 0;
      }
      case 'promote': {
        const p = await promoteVersion(deps, name!, requireFlag(values.version, 'version'), {
          allowOutcomeChange: values['allow-outcome-change'] === true,
          by: requireFlag(values.by, 'by'),
        });
        const api = await apiModelsOf(stack, name!);
        print({ ...p, apiNames: api?.names ?? null }, promotionLine(p, 'deployed', api));
        return 0;
      }
      case 'rollback': {
        const p = await rollbackVersion(deps, name!, {
          allowOutcomeChange: values['allow-outcome-change'] === true,
          by: requireFlag(values.by, 'by'),
        });
        const api = await apiModelsOf(stack, name!);
        print({ ...p, apiNames: api?.names ?? null }, promotionLine(p, 'rolled back to', api));
        return 0;
      }
    }
  },
};
