// `caregraph eval [SUITE...] [--json]` (`npm run eval`): quality evaluations on ../shared/data,
// written to bench/results/eval-SUITE.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../../../shared/config/config';
import { evalSuites } from '../../../bench/eval/suites';
import { out, parseFlags, UsageError, type Command } from '../io';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'evaluate the pipeline on the public data in ../shared/data',
  usage: `Usage: caregraph eval [SUITE...] [--size N] [--json]   suites: ${Object.keys(evalSuites).join(', ')}`,
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      { json: { type: 'boolean' }, size: { type: 'string' } },
      true,
    );
    const size = values.size === undefined ? undefined : Number(values.size);
    if (size !== undefined && !(Number.isInteger(size) && size > 0))
      throw new UsageError(`--size must be a positive integer, got "${values.size}"`);
    const names = positionals.length ? positionals : Object.keys(evalSuites);
    for (const n of names) if (!evalSuites[n]) throw new UsageError(`unknown suite "${n}"`);
    mkdirSync(join('bench', 'results'), { recursive: true });
    const all: Record<string, unknown> = {};
    for (const name of names) {
      out.progress(`eval ${name} ...`);
      const result = await evalSuites[name]!({
        sharedData: sharedDataDir(),
        progress: out.progress,
        ...(size === undefined ? {} : { size }),
      });
      all[name] = result;
      if ('skipped' in result) {
        out.progress(`  skipped: ${result.skipped}`);
        continue;
      }
      writeFileSync(
        join('bench', 'results', `eval-${name}.json`),
        JSON.stringify({ suite: name, at: new Date().toISOString(), ...result }, null, 2) + '\n',
      );
      if (!values.json) {
        out.result(`\n${name}`);
        for (const [k, v] of Object.entries(result.metrics)) out.result(`  ${k.padEnd(24)} ${v}`);
        if (result.details) out.result(`  ${JSON.stringify(result.details)}`);
      }
    }
    if (values.json) out.json(all);
    return 0;
  },
};
