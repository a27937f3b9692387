// The CLI's side of a running embedded stack: find it (--endpoint, else .caregraph/stack.json),
// upload files to raw/{hospital}/{batch}/{file} over the S3 protocol, wait for ingest reports.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { Upload } from '@aws-sdk/lib-storage';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { localConfig } from '../../shared/config/config';
import { keyLayout } from '../../shared/config/resources';
import type { IngestReport } from '../../shared/domain/ingest/report';
import type { FhirJson } from '../../shared/domain/ingest/source-record';
import { DependencyError, NotFoundError, ValidationError } from '../../shared/domain/errors';
import type { StackEndpoints } from '../stack';
import { UsageError } from './io';

export interface StackInfo extends StackEndpoints {
  dataDir: string;
  pid?: number;
  startedAt?: string;
}

export const stackFileName = 'stack.json';

/** Locate the stack: `--endpoint URL` (asks the gateway for the rest), else `.caregraph/stack.json`. */
export async function findStack(
  endpoint: string | undefined,
  dataDir = '.caregraph',
): Promise<StackInfo> {
  if (endpoint) {
    if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol))
      throw new UsageError(
        `--endpoint "${endpoint}" is not an http(s) URL; give the API URL "caregraph start" prints, e.g. --endpoint http://127.0.0.1:3000`,
      );
    const response = await fetch(new URL('/_local/stack', endpoint)).catch((error: unknown) => {
      throw new DependencyError(`no caregraph stack answers at ${endpoint}`, { cause: error });
    });
    if (!response.ok)
      throw new DependencyError(
        `${endpoint} is not an embedded caregraph stack (HTTP ${response.status})`,
      );
    return (await response.json()) as StackInfo;
  }
  const file = join(dataDir, stackFileName);
  if (!existsSync(file)) {
    throw new ValidationError(
      `no running stack: ${file} not found; run "npx caregraph start" or pass --endpoint URL`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
}

export function s3ClientFor(stack: StackInfo): S3Client {
  return new S3Client({
    endpoint: stack.s3,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}

export function rawBucket(stack: StackInfo): string {
  return localConfig(
    { s3: stack.s3, dynamodb: stack.dynamodb, sparql: stack.sparql, sagemaker: stack.model },
    stack.dataDir,
  ).buckets.raw;
}

export function curatedBucket(stack: StackInfo): string {
  return localConfig(
    { s3: stack.s3, dynamodb: stack.dynamodb, sparql: stack.sparql, sagemaker: stack.model },
    stack.dataDir,
  ).buckets.curated;
}

/** A new batch id: time-ordered and unique, e.g. b20261130t163501-3fa9c2. */
export function newBatchId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15).toLowerCase();
  return `b${stamp}-${randomBytes(3).toString('hex')}`;
}

export { checkSlug } from './stored-patient';

export async function uploadFile(
  s3: S3Client,
  bucket: string,
  key: string,
  body: Buffer,
): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

/** Stream a file of any size to S3 (multipart above 8 MiB), as `aws s3 cp` would. */
export async function uploadPath(
  s3: S3Client,
  bucket: string,
  key: string,
  path: string,
  onBytes?: (loaded: number) => void,
): Promise<void> {
  const upload = new Upload({
    client: s3,
    params: { Bucket: bucket, Key: key, Body: createReadStream(path) },
    queueSize: 2,
    partSize: 8 * 1024 * 1024,
  });
  if (onBytes) upload.on('httpUploadProgress', (p) => onBytes(p.loaded ?? 0));
  await upload.done();
}

/** The ingest report of one uploaded file, or undefined while the pipeline has not written it. */
export async function readReport(
  s3: S3Client,
  bucket: string,
  hospital: string,
  batch: string,
  file: string,
): Promise<IngestReport | undefined> {
  try {
    const key = keyLayout.report(hospital, batch, file);
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse(await out.Body!.transformToString('utf8')) as IngestReport;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/**
 * Poll for the ingest report of one uploaded file until `timeoutMs` has passed (it is read at least
 * once, so 0 checks without waiting); undefined if it has not come by then. `signal`'s reason ends
 * it as soon as it is aborted.
 */
export async function pollReport(
  s3: S3Client,
  bucket: string,
  hospital: string,
  batch: string,
  file: string,
  timeoutMs = 300_000,
  signal?: AbortSignal,
): Promise<IngestReport | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; ; delay = Math.min(delay * 1.5, 2000)) {
    signal?.throwIfAborted();
    const report = await readReport(s3, bucket, hospital, batch, file);
    if (report) return report;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    await setTimeout(Math.min(delay, left), undefined, { signal });
  }
}

/** The file's ingest report not yet written when the wait for it ended. */
export function pendingReportText(file: string, batch: string, waitedMs: number): string {
  return `${file}: no ingest report after ${Math.round(waitedMs / 1000)} s; it may still be processing (batch ${batch}: GET /ingest/batches/${batch} lists its reports)`;
}

/**
 * Poll for the ingest report of one uploaded file; fails with a clear message after `timeoutMs`, or
 * with `signal`'s reason as soon as it is aborted.
 */
export async function waitForReport(
  s3: S3Client,
  bucket: string,
  hospital: string,
  batch: string,
  file: string,
  timeoutMs = 300_000,
  signal?: AbortSignal,
): Promise<IngestReport> {
  const report = await pollReport(s3, bucket, hospital, batch, file, timeoutMs, signal);
  if (report) return report;
  throw new DependencyError(pendingReportText(file, batch, timeoutMs));
}

export interface ApiCaller {
  role: string;
  hospital: string;
  patient?: string;
}

/**
 * A bearer token from the running stack's local issuer (development only; Cognito on AWS). A refusal
 * names the field at fault, as the issuer reports it.
 */
export async function localToken(
  stack: StackInfo,
  request: ApiCaller & { ttl?: string },
): Promise<string> {
  const response = await fetch(new URL('/_local/token', stack.api), {
    method: 'POST',
    body: JSON.stringify(request),
  }).catch((error: unknown) => {
    throw new DependencyError(
      `the stack at ${stack.api} does not answer; is "caregraph start" running?`,
      {
        cause: error,
      },
    );
  });
  const answer = (await response.json()) as { token?: string; detail?: string; path?: string };
  if (!response.ok || !answer.token)
    throw new ValidationError(
      `${answer.path ? `--${answer.path}: ` : ''}${answer.detail ?? `HTTP ${response.status}`}`,
    );
  return answer.token;
}

/**
 * Call the running stack's API as `caller` (a token from the local issuer, development only) and
 * return the JSON answer; an error answer becomes a one-line error naming the problem.
 */
export async function callApi<T>(
  stack: StackInfo,
  caller: ApiCaller,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const unreachable = (error: unknown) => {
    throw new DependencyError(
      `the stack at ${stack.api} does not answer; is "caregraph start" running?`,
      {
        cause: error,
      },
    );
  };
  const token = await localToken(stack, caller);
  const response = await fetch(new URL(path, stack.api), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).catch(unreachable);
  const answer = (await response.json()) as T & { detail?: string; title?: string };
  if (!response.ok) {
    const reason = answer.detail ?? answer.title ?? `HTTP ${response.status}`;
    if (response.status === 404) throw new NotFoundError(reason);
    if (response.status >= 500) throw new DependencyError(reason);
    throw new ValidationError(reason);
  }
  return answer;
}

/** Adapters for a running embedded stack, for batch jobs the CLI runs directly (features --build). */
export function stackConfig(stack: StackInfo) {
  return localConfig(
    { s3: stack.s3, dynamodb: stack.dynamodb, sparql: stack.sparql, sagemaker: stack.model },
    stack.dataDir,
  );
}

/**
 * One patient's record (a searchset Bundle from GET /patients/{id}/resources) from the running stack,
 * as a clinician of `hospital` (default demo-general).
 */
export async function fetchPatientRecord<R = FhirJson>(request: {
  patientId: string;
  endpoint?: string;
  hospital?: string;
  dataDir?: string;
}): Promise<R[]> {
  const stack = await findStack(request.endpoint, request.dataDir);
  const bundle = await callApi<{ entry?: { resource: Record<string, unknown> }[] }>(
    stack,
    { role: 'clinician', hospital: request.hospital ?? 'demo-general' },
    'GET',
    `/patients/${encodeURIComponent(request.patientId)}/resources`,
  );
  // Serving records are FHIR R4 resources, validated at ingest.
  return (bundle.entry ?? []).map((e) => e.resource as R);
}
