// The `caregraph` command line (contract: docs/cli.md). Each command lives in commands/.
import { runCommand, type Command } from './io';
import { startCommand } from './commands/start';
import { demoCommand } from './commands/demo';
import { ingestCommand } from './commands/ingest';
import { tokenCommand } from './commands/token';
import { benchCommand } from './commands/bench';
import { evalCommand } from './commands/eval';
import { synthCommand } from './commands/synth';
import { featuresCommand } from './commands/features';
import { pgxCommand } from './commands/pgx';
import { deidCommand } from './commands/deid';
import { makeMonitorCommand } from './commands/monitor';
import { news2Scorer } from '../../shared/domain/monitoring/news2-scorer';
import { fetchPatientRecord } from './stack-client';
import { riskCommand } from './commands/risk';
import { remindersCommand } from './commands/reminders';
import { trainCommand } from './commands/train';
import { predictCommand } from './commands/predict';
import { recommendCommandWith } from './commands/recommend';
import { extractCommand } from './commands/extract';
import { kgCommand } from './commands/kg';
import { vocabCommand } from './commands/vocab';

const commands: Command[] = [
  startCommand,
  demoCommand,
  synthCommand,
  ingestCommand,
  featuresCommand,
  pgxCommand,
  deidCommand,
  makeMonitorCommand({ news2: news2Scorer, fetchPatientResources: fetchPatientRecord }),
  riskCommand,
  remindersCommand,
  trainCommand,
  predictCommand,
  recommendCommandWith({
    fetchPatient: (id) => fetchPatientRecord({ patientId: id }),
  }),
  extractCommand,
  vocabCommand,
  kgCommand,
  tokenCommand,
  benchCommand,
  evalCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'caregraph: a personalised-medicine pipeline on AWS, with an embedded local stack.',
    '',
    'Usage: caregraph <command> [flags]   (caregraph <command> --help for details)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`caregraph: unknown command "${name}"\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\n${command.usage}\n`);
    return 0;
  }
  return runCommand(command, rest);
}
