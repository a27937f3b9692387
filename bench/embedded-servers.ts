// Child-process entry for benchmarks: the embedded stack's servers (s3rver, dynalite, the SPARQL
// endpoint, the model server) in a process of their own, so that the process under measurement holds
// only the function being measured, as a Lambda does on AWS. Started with an IPC channel
// (child_process.fork); sends `{ endpoints, dataDir }` once the servers listen and closes them when
// the parent says `close` or disconnects.
import { startStack } from '../local/stack';
import { muteSdkNodeVersionNotice } from '../local/node-warnings';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: embedded-servers.ts DATA_DIR (started by a benchmark with fork)\n');
  process.exit(2);
}
if (!process.send) {
  process.stderr.write(
    'embedded-servers.ts needs an IPC channel: start it with child_process.fork\n',
  );
  process.exit(2);
}

muteSdkNodeVersionNotice();

const stack = await startStack({
  dataDir,
  logLevel: 'ERROR',
  autoIngest: false,
  monitorOnEvents: false,
  notesToGraph: false,
});
let closing: Promise<void> | undefined;
const close = (): Promise<void> =>
  (closing ??= stack.close().then(() => {
    process.disconnect?.();
  }));
process.on('message', (message) => {
  if (message === 'close') void close();
});
process.on('disconnect', () => void close());
process.send({
  endpoints: {
    s3: stack.endpoints.s3,
    dynamodb: stack.endpoints.dynamodb,
    sparql: stack.endpoints.sparql,
    sagemaker: stack.endpoints.model,
  },
  dataDir: stack.dataDir,
});
