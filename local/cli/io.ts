// CLI plumbing: flag parsing with usage errors (exit 2), bad-input errors (exit 1), and the rule that
// stdout carries only results while progress and logs go to stderr.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CaregraphError, asCaregraphError } from '../../shared/domain/errors';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/**
 * An AbortSignal that the first SIGINT (Ctrl-C) or SIGTERM aborts, with the signal's name as its
 * reason, so a long command can stop at its next step and clean up. `dispose` removes the handlers:
 * a signal after that (or a second one) ends the process as Node does by default.
 */
export function stopOnSignals(): { signal: AbortSignal; dispose: () => void } {
  const stop = new AbortController();
  const onSignal = (name: NodeJS.Signals) => stop.abort(name);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: stop.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parse flags strictly: unknown flags and missing values are usage errors. */
export function parseFlags<O extends Options>(
  argv: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args: joinNegativeValues(argv, options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

/**
 * `--seed -3` as `--seed=-3`: parseArgs reads a value that starts with a dash as a flag ("argument is
 * ambiguous"), so a negative number given to a flag that takes a value reaches the command, whose
 * check then says what the flag accepts (`--seed must be an integer from 0 to ...`).
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const takesValue = new Set(
    Object.entries(options)
      .filter(([, option]) => option.type === 'string')
      .map(([name]) => `--${name}`),
  );
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...joined, ...argv.slice(i)];
    const next = argv[i + 1];
    if (takesValue.has(arg) && next !== undefined && /^-\d+(\.\d+)?$/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

export function requireFlag<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new UsageError(`missing required flag --${flag}`);
  return value;
}

export function intFlag(
  value: string | undefined,
  flag: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}`);
  return n;
}

export const out = {
  /** A result line on stdout. */
  result: (text: string) => process.stdout.write(text + '\n'),
  json: (value: unknown) => process.stdout.write(JSON.stringify(value, null, 2) + '\n'),
  jsonLine: (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n'),
  /** Progress and notes on stderr. */
  progress: (text: string) => process.stderr.write(text + '\n'),
};

const guardedStreams = new WeakSet<NodeJS.WritableStream>();

/**
 * A reader that closes the pipe before the output ends (`caregraph extract --jsonl ... | head -1`)
 * ends the command there quietly, without the unhandled-EPIPE stack trace Node would print: on
 * stdout with exit 141 (128 + SIGPIPE, what a shell reports for a writer whose reader left, so
 * `set -o pipefail` still sees that the output was cut short, never a success the command did not
 * reach); on stderr (progress and notes only) the rest of them are dropped and the command goes on.
 * Other stream errors are thrown as before. main() installs it once for stdout and stderr.
 */
export const closedPipeExitCode = 141;

export function exitQuietlyOnClosedPipe(
  stream: NodeJS.WritableStream,
  exit: (code: number) => void = (code) => process.exit(code),
  role: 'output' | 'progress' = 'output',
): void {
  if (guardedStreams.has(stream)) return;
  guardedStreams.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (role === 'output') exit(closedPipeExitCode);
  });
}

/** Run a command and turn failures into exit codes with a one-line reason on stderr. */
export async function runCommand(command: Command, argv: string[]): Promise<number> {
  try {
    return await command.run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`caregraph ${command.name}: ${error.message}\n${command.usage}\n`);
      return 2;
    }
    const e = error instanceof CaregraphError ? error : asCaregraphError(error);
    const detail =
      e.type === 'internal' && error instanceof Error
        ? `${error.name}: ${error.message}`
        : e.message;
    process.stderr.write(`caregraph ${command.name}: ${detail.split('\n')[0]}\n`);
    return 1;
  }
}
