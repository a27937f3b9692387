// The `caregraph` command line (contract: docs/cli.md). Each command lives in commands/.
import { exitQuietlyOnClosedPipe, runCommand, type Command } from './io';

/**
 * The commands, each loaded only when it runs: a command's module brings its dependencies (the AWS
 * SDK and the embedded servers for start and demo, TensorFlow.js for train, every suite for bench
 * and eval), and loading all of them took about 2.3 s and 200 MB before any command started. Now
 * `caregraph synth` loads the generator alone. `name` must be the loaded command's name (a test
 * checks every entry).
 */
export const commandEntries: readonly { name: string; load: () => Promise<Command> }[] = [
  { name: 'start', load: async () => (await import('./commands/start')).startCommand },
  { name: 'demo', load: async () => (await import('./commands/demo')).demoCommand },
  { name: 'synth', load: async () => (await import('./commands/synth')).synthCommand },
  { name: 'ingest', load: async () => (await import('./commands/ingest')).ingestCommand },
  { name: 'features', load: async () => (await import('./commands/features')).featuresCommand },
  { name: 'pgx', load: async () => (await import('./commands/pgx')).pgxCommand },
  { name: 'deid', load: async () => (await import('./commands/deid')).deidCommand },
  {
    name: 'monitor',
    load: async () => {
      const [{ makeMonitorCommand }, { news2Scorer }, { fetchPatientRecord }] = await Promise.all([
        import('./commands/monitor'),
        import('../../shared/domain/monitoring/news2-scorer'),
        import('./stack-client'),
      ]);
      return makeMonitorCommand({ news2: news2Scorer, fetchPatientResources: fetchPatientRecord });
    },
  },
  { name: 'risk', load: async () => (await import('./commands/risk')).riskCommand },
  { name: 'reminders', load: async () => (await import('./commands/reminders')).remindersCommand },
  { name: 'train', load: async () => (await import('./commands/train')).trainCommand },
  { name: 'predict', load: async () => (await import('./commands/predict')).predictCommand },
  { name: 'models', load: async () => (await import('./commands/models')).modelsCommand },
  {
    name: 'recommend',
    load: async () => {
      const [{ recommendCommandWith }, { fetchPatientRecord }] = await Promise.all([
        import('./commands/recommend'),
        import('./stack-client'),
      ]);
      return recommendCommandWith({ fetchPatient: (request) => fetchPatientRecord(request) });
    },
  },
  { name: 'extract', load: async () => (await import('./commands/extract')).extractCommand },
  { name: 'vocab', load: async () => (await import('./commands/vocab')).vocabCommand },
  { name: 'kg', load: async () => (await import('./commands/kg')).kgCommand },
  { name: 'token', load: async () => (await import('./commands/token')).tokenCommand },
  { name: 'bench', load: async () => (await import('./commands/bench')).benchCommand },
  { name: 'eval', load: async () => (await import('./commands/eval')).evalCommand },
];

/** The list of commands with their summaries (this loads every command). */
async function help(): Promise<string> {
  const commands = await Promise.all(commandEntries.map((entry) => entry.load()));
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
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr, undefined, 'progress');
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await help()) + '\n');
    return name ? 0 : 2;
  }
  const entry = commandEntries.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`caregraph: unknown command "${name}"\n${await help()}\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\n${command.usage}\n`);
    return 0;
  }
  return runCommand(command, rest);
}
