// `caregraph start [--port 3000] [--data-dir .caregraph] [--patients N] [--seed S] [--vocabulary-keys
// KEYS]`: run the embedded stack until interrupted. Loads the sample export on first start; a restart
// reuses persisted data. `--vocabulary-keys` names imported vocabularies in the curated bucket that
// kg-update merges into the curated one (as CAREGRAPH_NLP_VOCABULARY_KEYS does on AWS); `--models`
// names the prediction models the API serves (as CAREGRAPH_MODEL_ENDPOINTS does on AWS).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStack, type RunningStack } from '../../stack';
import { loadSampleData, SampleLoadInterrupted, stackInfo } from '../../pipeline-run';
import { demoModelAsOf, demoModelName, ensureDemoModel } from '../../demo-model';
import {
  localModelEndpoints,
  parseModelEndpoints,
  parseVocabularyKeys,
} from '../../../shared/config/config';
import { ConfigurationError, ValidationError } from '../../../shared/domain/errors';
import { intFlag, out, parseFlags, stopOnSignals, UsageError, type Command } from '../io';
import { writeAtomic } from '../../write-atomic';
import { stackFileName } from '../stack-client';

const usage = `Usage: caregraph start [--port 3000] [--data-dir .caregraph] [--patients N] [--seed S] [--no-sample-data]
       [--s3-port N] [--dynamodb-port N] [--sparql-port N] [--model-port N]   (0 = any free port, the default)
       [--vocabulary-keys vocabulary/mesh.jsonl,...]   imported vocabularies (curated bucket, vocabulary/*.jsonl)
                                                       kg-update matches besides the curated one
       [--models cvd-risk,...]   prediction models GET /patients/{id}/predictions serves, the first by default:
                                 each a model folder under <data-dir>/models (default cvd-risk, the model
                                 the first start trains on synthetic patients); every other folder there
                                 with a model.json is served too, under its name, from its first request
                                 (caregraph models promote installs one while the stack runs)`;

export const startCommand: Command = {
  name: 'start',
  summary: 'start the embedded stack and API, load sample data on first start, serve until Ctrl-C',
  usage,
  async run(argv) {
    const { values } = parseFlags(argv, {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      patients: { type: 'string' },
      seed: { type: 'string' },
      'no-sample-data': { type: 'boolean' },
      's3-port': { type: 'string' },
      'dynamodb-port': { type: 'string' },
      'sparql-port': { type: 'string' },
      'model-port': { type: 'string' },
      'vocabulary-keys': { type: 'string' },
      models: { type: 'string' },
    });
    const dataDir = resolve(values['data-dir'] ?? '.caregraph');
    const ports = {
      api: intFlag(values.port, 'port', 3000, 0, 65535),
      s3: intFlag(values['s3-port'], 's3-port', 0, 0, 65535),
      dynamodb: intFlag(values['dynamodb-port'], 'dynamodb-port', 0, 0, 65535),
      sparql: intFlag(values['sparql-port'], 'sparql-port', 0, 0, 65535),
      model: intFlag(values['model-port'], 'model-port', 0, 0, 65535),
    };
    // Checked with the other flags, before anything starts, though only a first start uses them.
    const patients = intFlag(values.patients, 'patients', 200, 1, 100_000);
    const seed = intFlag(values.seed, 'seed', 42);
    const nlpVocabularyKeys = vocabularyKeysFlag(values['vocabulary-keys']);
    const modelEndpoints = modelsFlag(values.models);
    refuseIfRunning(dataDir);
    const marker = join(dataDir, 'sample-data-loaded.json');
    // A restart: the demonstration model the first start trained is retrained, before anything
    // serves, when an upgrade changed the feature spec (every prediction would answer 503 until
    // then); checking a current one only reads its model.json.
    if (existsSync(marker)) await refreshDemoModel(dataDir);
    out.progress(`starting the embedded stack in ${dataDir} ...`);
    const stack = await startStack({ dataDir, ports, nlpVocabularyKeys, modelEndpoints });
    const stackFile = join(dataDir, stackFileName);
    writeAtomic(
      stackFile,
      JSON.stringify(
        { ...stackInfo(stack), pid: process.pid, startedAt: new Date().toISOString() },
        null,
        2,
      ),
    );
    // Ctrl-C (or SIGTERM) stops the stack cleanly from here on, the first start's sample-data load
    // included: that load stops between steps and resumes on the next start.
    const stopping = stopOnSignals();
    const stopped = new Promise<string>((resolveStop) =>
      stopping.signal.addEventListener('abort', () => resolveStop(String(stopping.signal.reason)), {
        once: true,
      }),
    );
    if (stack.staleInvocations > 0)
      out.progress(
        `the last run was killed with ${stack.staleInvocations} invocations in progress: they run again`,
      );
    const resumed = Object.values(stack.resumed).reduce((a, b) => a + b, 0);
    if (resumed > 0)
      out.progress(
        `resuming ${resumed} queued events and uploads the last run left unhandled (handled in the background)`,
      );
    let interrupted = false;
    if (!values['no-sample-data'] && !existsSync(marker)) {
      out.progress(
        'first start: generating synthetic hospitals and loading them through the pipeline ...',
      );
      try {
        const { reports } = await loadSampleData(
          stack,
          patients,
          seed,
          out.progress,
          stopping.signal,
        );
        writeAtomic(
          marker,
          JSON.stringify(
            {
              at: new Date().toISOString(),
              files: reports.map((r) => ({ file: r.file, status: r.status, records: r.records })),
            },
            null,
            2,
          ),
        );
      } catch (error) {
        if (!(error instanceof SampleLoadInterrupted)) {
          stopping.dispose();
          await stopStack(stack, stackFile);
          throw error;
        }
        interrupted = true;
      }
    }
    if (!interrupted) out.result(banner({ ...stack.endpoints }, dataDir));
    const signal = await stopped;
    // The queues are journaled in the data directory, so stopping only waits for the batches in
    // flight; what is still queued (a first start leaves minutes of it) resumes on next start.
    const queued = stack.queuedMessages();
    out.progress(
      `\n${signal}: stopping (finishing the work in flight, saving the graph${queued > 0 ? `; ${queued} queued messages are kept for the next start` : ''}) ...`,
    );
    if (interrupted)
      out.progress(
        'the sample data load was interrupted; the next start resumes it where it stopped',
      );
    await stopStack(stack, stackFile);
    stopping.dispose();
    out.progress('stopped.');
    return 0;
  },
};

/**
 * On a restart, `ensureDemoModel` (local/demo-model.ts): retrain the demonstration model when the
 * one there was trained under another feature spec (or is gone), as of the date it was trained as
 * of. A model of the user's own is never touched. A failed retraining is told and the stack still
 * starts: only predictions of that model are unavailable.
 */
async function refreshDemoModel(dataDir: string): Promise<void> {
  const asOf = (await demoModelAsOf(dataDir)) ?? new Date().toISOString().slice(0, 10);
  const started = performance.now();
  try {
    const model = await ensureDemoModel({ dataDir, asOf });
    if (model.trained)
      out.progress(
        `retrained the demonstration model ${demoModelName} under the current feature spec (the one in ${model.dir} was of an earlier spec, or missing) in ${((performance.now() - started) / 1000).toFixed(1)} s: cross-validated AUROC ${model.auroc!.toFixed(3)}`,
      );
  } catch (error) {
    out.progress(
      `could not retrain the demonstration model ${demoModelName} (${(error as Error).message}): GET /patients/{id}/predictions cannot serve it until it is retrained under the current feature spec`,
    );
  }
}

/** Stop every server without finishing queued work (it is journaled), then remove stack.json. */
async function stopStack(stack: RunningStack, stackFile: string): Promise<void> {
  await stack.close({ finish: false });
  rmSync(stackFile, { force: true });
}

/** A configuration parser's error as a usage error naming the flag. */
function flag<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message);
    throw error;
  }
}

const vocabularyKeysFlag = (value: string | undefined): string[] =>
  flag(() => parseVocabularyKeys(value, '--vocabulary-keys'));

/** `--models`, checked here so a bad one is a usage error; passed on as given. */
function modelsFlag(value: string | undefined): string {
  if (value === undefined) return localModelEndpoints;
  flag(() => parseModelEndpoints(value, '--models'));
  return value;
}

/** A path as one shell word: as it is when it is safe unquoted, else in single quotes. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

/**
 * What `start` prints once the stack serves. The suggested commands find the stack from
 * `.caregraph/stack.json`; for a stack in another data directory they carry `--data-dir DIR` (the
 * absolute path, so they work from any directory), since without it they fail with "no running stack".
 */
export function banner(e: Record<string, string>, dataDir: string): string {
  const stackFlag =
    resolve(dataDir) === resolve('.caregraph') ? '' : ` --data-dir ${shellWord(resolve(dataDir))}`;
  return [
    'caregraph is running (Ctrl-C to stop)',
    '',
    `  API        ${e.api}        (GET /health, /patients, /patients/{id}/{risk,predictions,recommendations,pgx,alerts}, /models, /research/patients, /kg/concepts; all routes: docs/cli.md)`,
    `  S3         ${e.s3}`,
    `  DynamoDB   ${e.dynamodb}`,
    `  SPARQL     ${e.sparql}/sparql`,
    `  SageMaker  ${e.model}`,
    '',
    'Try:',
    `  curl ${e.api}/health`,
    `  TOKEN=$(npx caregraph token --role clinician --hospital demo-general${stackFlag})`,
    `  curl -H "Authorization: Bearer $TOKEN" ${e.api}/patients`,
    `  npx caregraph ingest my-export.ndjson --hospital demo-general --wait${stackFlag}`,
  ].join('\n');
}

function refuseIfRunning(dataDir: string): void {
  const file = join(dataDir, stackFileName);
  if (!existsSync(file)) return;
  const { pid } = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number };
  if (pid && pid !== process.pid && isAlive(pid)) {
    throw new ValidationError(
      `a stack is already running from ${dataDir} (pid ${pid}); stop it first or use --data-dir`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
