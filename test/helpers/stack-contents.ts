// Test helper: everything the embedded stack has written, read back through the same AWS SDK v3
// clients and SPARQL endpoint the product uses (every DynamoDB table, every S3 object, the whole
// graph), plus every file in the data directory, and what the test process printed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { GraphStore } from '../../shared/ports/graph-store';
import type { RunningStack } from '../../local/stack';
import { readCuratedNote } from '../../shared/domain/ingest/note-curation';
import type { DomainEvent, EventBus } from '../../shared/ports/event-bus';

export interface TableDump {
  table: string;
  items: Record<string, unknown>[];
}

/** Every item of every table, by Scan (paginated). */
export async function dumpTables(client: DynamoDBClient): Promise<TableDump[]> {
  const tables: string[] = [];
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    tables.push(...(page.TableNames ?? []));
    start = page.LastEvaluatedTableName;
  } while (start);
  const documents = DynamoDBDocumentClient.from(client);
  const dumps: TableDump[] = [];
  for (const table of tables) {
    const items: Record<string, unknown>[] = [];
    let key: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new ScanCommand({ TableName: table, ExclusiveStartKey: key }),
      );
      items.push(...(page.Items ?? []));
      key = page.LastEvaluatedKey;
    } while (key);
    dumps.push({ table, items });
  }
  return dumps;
}

export interface StoredObject {
  bucket: string;
  key: string;
  body: Buffer;
  contentType?: string;
  metadata: Record<string, string>;
}

/** Every object of every bucket, with its body and user metadata. */
export async function dumpBuckets(client: S3Client): Promise<StoredObject[]> {
  const buckets = (await client.send(new ListBucketsCommand({}))).Buckets ?? [];
  const objects: StoredObject[] = [];
  for (const { Name: bucket } of buckets) {
    if (!bucket) continue;
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
      );
      for (const { Key: key } of page.Contents ?? []) {
        if (!key) continue;
        const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        objects.push({
          bucket,
          key,
          body: Buffer.from(await got.Body!.transformToByteArray()),
          contentType: got.ContentType,
          metadata: got.Metadata ?? {},
        });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
  return objects;
}

/** Every quad: the default graph and every named graph (graph names included), as N-Triples text. */
export async function dumpGraph(graph: GraphStore): Promise<{ names: string[]; triples: string }> {
  const names = await graph.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }');
  const triples = await graph.construct(
    'CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }',
  );
  return { names: (names.results?.bindings ?? []).map((b) => b.g?.value ?? ''), triples };
}

/** Every regular file under `dir` except the subdirectories named in `skip`, as path -> bytes. */
export function dumpFiles(dir: string, skip: readonly string[] = []): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const rel = relative(dir, path);
      if (skip.includes(rel)) continue;
      if (statSync(path).isDirectory()) visit(path);
      else files.set(rel, readFileSync(path));
    }
  };
  visit(dir);
  return files;
}

/** Record every event published on `bus` (before it is delivered), keeping delivery as it was. */
export function recordEvents(bus: EventBus): DomainEvent[] {
  const seen: DomainEvent[] = [];
  const publish = bus.publish.bind(bus);
  bus.publish = async (events) => {
    seen.push(...events);
    await publish(events);
  };
  return seen;
}

/**
 * Capture what this process prints (stdout, stderr and console) until `restore()`. What is captured
 * is still printed, so a failing run keeps its output.
 */
export function captureProcessOutput(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write.bind(s));
  streams.forEach((stream, i) => {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return (originals[i] as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const consoles = methods.map((m) => console[m]);
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      chunks.push(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
      consoles[i]!(...args);
    };
  });
  return {
    text: () => chunks.join('\n'),
    restore: () => {
      streams.forEach((stream, i) => (stream.write = originals[i] as typeof stream.write));
      methods.forEach((m, i) => (console[m] = consoles[i]!));
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? String(v.stack) : v));
  } catch {
    return String(value);
  }
}

/** Every line of the quarantine objects, parsed (`file`, `line`, `path`, `reason`, `raw`). */
export function quarantineLines(objects: StoredObject[]): Record<string, unknown>[] {
  return objects.flatMap((o) =>
    o.body
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  );
}

/** The curated notes, decrypted as kg-update reads them. */
export async function decryptNotes(
  stack: RunningStack,
  hospital: string,
  objects: StoredObject[],
): Promise<{ where: string; content: string }[]> {
  const notes = objects.filter(
    (o) => o.bucket === stack.config.buckets.curated && o.key.startsWith('notes/'),
  );
  return Promise.all(
    notes.map(async (o) => ({
      where: `note:${o.key}`,
      content: await readCuratedNote(
        stack.deps.keys,
        hospital,
        Buffer.from(o.body.toString(), 'base64'),
      ),
    })),
  );
}
