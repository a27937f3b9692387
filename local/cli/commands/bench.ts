// `caregraph bench [SUITE...]` (`npm run bench -- ingest`): run benchmark suites, print a table,
// write bench/results/SUITE.json. Speed targets live here, never in timed tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { out, parseFlags, UsageError, type Command } from '../io';
import { benchSuites } from '../../../bench/suites';

export const benchCommand: Command = {
  name: 'bench',
  summary: 'run benchmarks (ingest, ...) and write bench/results/*.json',
  usage: `Usage: caregraph bench [SUITE...] [--json] [--size N]   suites: ${Object.keys(benchSuites).join(', ')}`,
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      { json: { type: 'boolean' }, size: { type: 'string' } },
      true,
    );
    const names = positionals.length ? positionals : Object.keys(benchSuites);
    for (const n of names) if (!benchSuites[n]) throw new UsageError(`unknown suite "${n}"`);
    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
    };
    mkdirSync(join('bench', 'results'), { recursive: true });
    const all: Record<string, unknown> = {};
    for (const name of names) {
      out.progress(`bench ${name} ...`);
      const size = values.size ? Number(values.size) : undefined;
      const result = await benchSuites[name]!({
        progress: out.progress,
        ...(size ? { size } : {}),
      });
      const document = {
        suite: name,
        at: new Date().toISOString(),
        machine,
        command: `npm run bench -- ${name}${values.size ? ` --size ${values.size}` : ''}`,
        ...result,
      };
      writeFileSync(
        join('bench', 'results', `${name}.json`),
        JSON.stringify(document, null, 2) + '\n',
      );
      all[name] = document;
      if (!values.json) {
        out.result(`\n${name}`);
        for (const [metric, value] of Object.entries(result.metrics))
          out.result(`  ${metric.padEnd(34)} ${value}`);
      }
    }
    if (values.json) out.json(all);
    return 0;
  },
};
