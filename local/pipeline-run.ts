// What `demo` and first `start` do with a running stack: put the sample hospital export through the
// pipeline the way a hospital would (S3 upload -> ingest), then read it back through the HTTP API.
import type { IngestReport } from '../shared/domain/ingest/report';
import { keyLayout } from '../shared/config/resources';
import type { RunningStack } from './stack';
import { sampleHospitalFiles } from './sample-data';
import {
  newBatchId,
  s3ClientFor,
  uploadFile,
  waitForReport,
  type StackInfo,
} from './cli/stack-client';

export interface LoadedSample {
  reports: IngestReport[];
}

export function stackInfo(stack: RunningStack): StackInfo {
  return { ...stack.endpoints, dataDir: stack.dataDir };
}

/** Upload the sample files through the S3 protocol and wait for their ingest reports. */
export async function loadSampleData(
  stack: RunningStack,
  patients: number,
  seed: number,
  progress: (line: string) => void,
): Promise<LoadedSample> {
  const info = stackInfo(stack);
  const s3 = s3ClientFor(info);
  const batch = newBatchId();
  const files = sampleHospitalFiles(patients, seed);
  for (const f of files) {
    await uploadFile(
      s3,
      stack.config.buckets.raw,
      keyLayout.raw(f.hospital, batch, f.name),
      Buffer.from(f.content),
    );
    progress(`uploaded ${f.name} (${f.content.length} bytes) for hospital ${f.hospital}`);
  }
  const reports: IngestReport[] = [];
  for (const f of files) {
    const report = await waitForReport(s3, stack.config.buckets.curated, f.hospital, batch, f.name);
    progress(
      `ingested ${f.name}: ${report.status}, ${report.records.accepted} accepted, ${report.records.rejected} quarantined`,
    );
    reports.push(report);
  }
  return { reports };
}

export interface ReadBack {
  hospital: string;
  patients: number;
  firstPatient?: string;
  observationsOfFirst: number;
  urls: string[];
}

/** Read each hospital's data back over HTTP with a clinician token for that hospital. */
export async function readBack(stack: RunningStack, hospital: string): Promise<ReadBack> {
  const token = await stack.issuer.sign({ role: 'clinician', hospital, ttl: '15m' });
  const get = async (path: string) => {
    const response = await fetch(new URL(path, stack.endpoints.api), {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as { items: { id: string }[]; next?: string };
  };
  const urls: string[] = [];
  let patients = 0;
  let firstPatient: string | undefined;
  let cursor: string | undefined;
  do {
    const path = `/patients?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    urls.push(path);
    const page = await get(path);
    patients += page.items.length;
    firstPatient ??= page.items[0]?.id;
    cursor = page.next;
  } while (cursor);
  let observationsOfFirst = 0;
  if (firstPatient) {
    const path = `/patients/${firstPatient}/observations?limit=200`;
    urls.push(`/patients/${firstPatient}`, path);
    await fetch(new URL(`/patients/${firstPatient}`, stack.endpoints.api), {
      headers: { authorization: `Bearer ${token}` },
    });
    observationsOfFirst = (await get(path)).items.length;
  }
  return { hospital, patients, firstPatient, observationsOfFirst, urls };
}
