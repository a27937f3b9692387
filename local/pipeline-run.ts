// What `demo` and first `start` do with a running stack: put synthetic hospital exports through the
// pipeline the way a hospital would (S3 upload -> ingest), then read it back through the HTTP API.
import { inUploadOrder } from '../shared/domain/ingest/upload-order';
import type { IngestReport } from '../shared/domain/ingest/report';
import { keyLayout } from '../shared/config/resources';
import type { RunningStack } from './stack';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeCohort } from './synth/write-cohort';
import { defaultAsOf } from '../shared/domain/synth/model';
import {
  newBatchId,
  s3ClientFor,
  uploadPath,
  waitForReport,
  type StackInfo,
} from './cli/stack-client';

export interface LoadedSample {
  reports: IngestReport[];
}

export function stackInfo(stack: RunningStack): StackInfo {
  return { ...stack.endpoints, dataDir: stack.dataDir };
}

/**
 * The demo hospitals: a general hospital and a smaller second one (so hospital scoping is visible),
 * each a synthetic cohort (`caregraph synth`) with 1% of records given realistic defects.
 */
export function demoHospitals(patients: number): { hospital: string; patients: number }[] {
  return [
    { hospital: 'demo-general', patients },
    { hospital: 'demo-east', patients: Math.max(1, Math.round(patients / 4)) },
  ];
}

/** The Bulk Data files of a generated cohort, in upload order (the rest of the export stays on disk). */
function bulkFiles(fhirDir: string): string[] {
  return inUploadOrder(readdirSync(fhirDir).filter((f) => f.endsWith('.ndjson')));
}

/** Generate the demo cohorts, upload them through the S3 protocol and wait for their ingest reports. */
export async function loadSampleData(
  stack: RunningStack,
  patients: number,
  seed: number,
  progress: (line: string) => void,
): Promise<LoadedSample> {
  const s3 = s3ClientFor(stackInfo(stack));
  const batch = newBatchId();
  const uploads: { hospital: string; name: string }[] = [];
  for (const [i, demo] of demoHospitals(patients).entries()) {
    const out = join(stack.dataDir, 'sample-cohorts', demo.hospital);
    await writeCohort({
      patients: demo.patients,
      seed: seed + i,
      hospital: demo.hospital,
      dirtyRate: 0.01,
      asOf: defaultAsOf,
      out,
      force: true,
    });
    progress(
      `generated a synthetic cohort of ${demo.patients} patients for ${demo.hospital} in ${out}`,
    );
    for (const name of bulkFiles(join(out, 'fhir'))) {
      await uploadPath(
        s3,
        stack.config.buckets.raw,
        keyLayout.raw(demo.hospital, batch, name),
        join(out, 'fhir', name),
      );
      uploads.push({ hospital: demo.hospital, name });
    }
  }
  const reports: IngestReport[] = [];
  for (const u of uploads) {
    const report = await waitForReport(s3, stack.config.buckets.curated, u.hospital, batch, u.name);
    progress(
      `ingested ${u.hospital}/${u.name}: ${report.status}, ${report.records.accepted} accepted, ${report.records.rejected} quarantined`,
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
