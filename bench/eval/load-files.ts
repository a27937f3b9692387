// Put named NDJSON files through a running stack the way a hospital would, and collect the reports.
import { keyLayout } from '../../shared/config/resources';
import type { IngestReport } from '../../shared/domain/ingest/report';
import type { RunningStack } from '../../local/stack';
import { stackInfo } from '../../local/pipeline-run';
import { newBatchId, s3ClientFor, uploadFile, waitForReport } from '../../local/cli/stack-client';

export async function loadFiles(
  stack: RunningStack,
  hospital: string,
  files: { name: string; content: string }[],
  progress: (line: string) => void,
): Promise<IngestReport[]> {
  const s3 = s3ClientFor(stackInfo(stack));
  const batch = newBatchId();
  for (const f of files)
    await uploadFile(
      s3,
      stack.config.buckets.raw,
      keyLayout.raw(hospital, batch, f.name),
      Buffer.from(f.content),
    );
  const reports: IngestReport[] = [];
  for (const f of files) {
    reports.push(await waitForReport(s3, stack.config.buckets.curated, hospital, batch, f.name));
    progress(`  ${f.name}: ${reports.at(-1)!.status}`);
  }
  return reports;
}
