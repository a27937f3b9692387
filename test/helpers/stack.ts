// Test helper: the real embedded stack on free ports in a temporary directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type RunningStack, type StackOptions } from '../../local/stack';
import { servingKeys } from '../../shared/domain/serving/records';

export interface TestStack extends RunningStack {
  stop(): Promise<void>;
}

export async function startTestStack(options: Partial<StackOptions> = {}): Promise<TestStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'caregraph-test-'));
  const stack = await startStack({ logLevel: 'ERROR', ...options, dataDir });
  return {
    ...stack,
    stop: async () => {
      await stack.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** GET a path on the stack's API with a bearer token for `hospital` (clinician role unless given). */
export async function apiGet(
  stack: RunningStack,
  path: string,
  hospital: string,
  role = 'clinician',
  patient?: string,
) {
  const token = await stack.issuer.sign({ role, hospital, ...(patient ? { patient } : {}) });
  const response = await fetch(new URL(path, stack.endpoints.api), {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown> & {
      items?: { id: string }[];
      next?: string;
    },
  };
}

export const ndjson = (...resources: unknown[]) =>
  resources.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

export const patient = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Patient',
  id,
  gender: 'female',
  birthDate: '1961-04-12',
  name: [{ family: 'Testperson', given: ['Alice'] }],
  ...extra,
});

export const heartRate = (
  id: string,
  patientId: string | undefined,
  when = '2026-03-01T09:00:00Z',
  value = 72,
) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
  ...(patientId ? { subject: { reference: `Patient/${patientId}` } } : {}),
  effectiveDateTime: when,
  valueQuantity: { value, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
});

/**
 * A 401-line NDJSON export: 40 patients with 9 heart rates each (400 records), and one line that is
 * not JSON at line 391. For tests of files processed in segments (checkpoints, continuations).
 */
export function segmentedExport(): string {
  const lines = Array.from({ length: 40 }, (_, p) => [
    patient(`p${p}`),
    ...Array.from({ length: 9 }, (_, o) =>
      heartRate(`o${p}-${o}`, `p${p}`, `2026-03-0${1 + (o % 9)}T09:00:00Z`, 60 + o),
    ),
  ]).flat();
  return ndjson(...lines.slice(0, 390), 'not json', ...lines.slice(390));
}

/** `patients` patients with 9 heart rates each (10 lines a patient), for tests that stop mid-file. */
export function heartRateExport(patients: number): string {
  return ndjson(
    ...Array.from({ length: patients }, (_, p) => [
      patient(`p${p}`),
      ...Array.from({ length: 9 }, (_, o) =>
        heartRate(`o${p}-${o}`, `p${p}`, `2026-03-0${1 + o}T09:00:00Z`, 60 + o),
      ),
    ]).flat(),
  );
}

/** Patients of `hospital` in the serving table (index byHospital). */
export async function storedPatients(stack: RunningStack, hospital: string): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await stack.deps.serving.query({
      index: 'byHospital',
      partition: servingKeys.hospitalPatients(hospital),
      limit: 500,
      cursor,
    });
    n += page.items.length;
    cursor = page.cursor;
  } while (cursor);
  return n;
}
