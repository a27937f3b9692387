// Child-process entry for the crash test (test/stack-stop-resume.int.test.ts): start the embedded
// stack on DATA_DIR, upload an export of PATIENTS patients for HOSPITAL, and tell the parent once the
// ingest has stored its first segment; the parent then kills this process (SIGKILL) mid-file.
import { keyLayout } from '../../shared/config/resources';
import { startStack } from '../../local/stack';
import { heartRateExport, storedPatients } from './stack';

const [dataDir, hospital, patients] = process.argv.slice(2);
if (!process.send || !dataDir || !hospital || !patients) {
  process.stderr.write('ingesting-stack.ts DATA_DIR HOSPITAL PATIENTS (started with fork)\n');
  process.exit(2);
}
const stack = await startStack({ dataDir, logLevel: 'ERROR', ingest: { checkpointEvery: 100 } });
await stack.deps.objects.put(
  'raw',
  keyLayout.raw(hospital, 'b1', 'export.ndjson'),
  heartRateExport(Number(patients)),
);
while ((await storedPatients(stack, hospital)) === 0) await new Promise((r) => setTimeout(r, 5));
process.send({ ingesting: true });
