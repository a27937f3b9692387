// `caregraph ingest PATH... --hospital H [--batch B] [--wait] [--timeout S] [--json]`: upload hospital
// files to the raw bucket of a running stack and, with --wait, print each file's ingest report (or
// that it is still pending).
import { uploadRanker } from '../../../shared/domain/ingest/upload-order';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { keyLayout } from '../../../shared/config/resources';
import { encodeS3Key } from '../../../functions/ingest/s3-event';
import { ValidationError } from '../../../shared/domain/errors';
import type { IngestReport } from '../../../shared/domain/ingest/report';
import { ProgressBar } from '../progress';
import { out, parseFlags, requireFlag, intFlag, UsageError, type Command } from '../io';
import {
  checkSlug,
  curatedBucket,
  findStack,
  newBatchId,
  pendingReportText,
  pollReport,
  rawBucket,
  s3ClientFor,
  uploadPath,
  type StackInfo,
} from '../stack-client';

const usage = `Usage: caregraph ingest PATH... --hospital H [--batch B] [--wait] [--timeout SECONDS] [--json] [--endpoint URL] [--data-dir DIR]
  Uploads files (directories recurse) to raw/{hospital}/{batch}/{file}: a file given by itself
  under its base name, a directory's files under their path inside it. Two inputs with the same
  name are refused (exit 2) before anything is uploaded: ingest them in separate runs (batches).
  --wait     wait for each file's ingest report
  --timeout  seconds to wait for a report after the one before came (default 300); a file still
             without one is printed as pending and the others are still reported (exit 1)
  --json     one JSON object per file on stdout:
             {"file","batch","status","records":{"accepted","repaired","rejected"},"byType","errors":[{"line","path","reason"}]}
             ({"file","batch","status":"pending"} for a report that did not come in time)`;

/** What the command needs from a running stack; tests give their own. */
export interface IngestDeps {
  findStack(endpoint: string | undefined, dataDir: string | undefined): Promise<StackInfo>;
  /** Upload one file to raw/{hospital}/{batch}/{name}. */
  upload(
    stack: StackInfo,
    key: string,
    path: string,
    onBytes: (loaded: number) => void,
  ): Promise<void>;
  /** The file's ingest report, polled for up to `timeoutMs` (read at least once); undefined if none came. */
  report(
    stack: StackInfo,
    hospital: string,
    batch: string,
    name: string,
    timeoutMs: number,
  ): Promise<IngestReport | undefined>;
  /** Whether the embedded stack's ingest queue dead-lettered the upload of `key`, and where. */
  deadLetterOf(stack: StackInfo, key: string): string | undefined;
}

const stackDeps: IngestDeps = {
  findStack,
  upload: (stack, key, path, onBytes) =>
    uploadPath(s3ClientFor(stack), rawBucket(stack), key, path, onBytes),
  report: (stack, hospital, batch, name, timeoutMs) =>
    pollReport(s3ClientFor(stack), curatedBucket(stack), hospital, batch, name, timeoutMs),
  deadLetterOf(stack, key) {
    const file = join(stack.dataDir, 'dead-letters', 'ingest.jsonl');
    if (!existsSync(file)) return undefined;
    const text = readFileSync(file, 'utf8');
    return deadLettered(text, key) ? file : undefined;
  },
};

export const ingestCommand: Command = makeIngestCommand(stackDeps);

export function makeIngestCommand(deps: IngestDeps): Command {
  return {
    name: 'ingest',
    summary: 'upload hospital files to a running stack and report what was accepted or quarantined',
    usage,
    async run(argv) {
      const { values, positionals } = parseFlags(
        argv,
        {
          hospital: { type: 'string' },
          batch: { type: 'string' },
          wait: { type: 'boolean' },
          json: { type: 'boolean' },
          endpoint: { type: 'string' },
          timeout: { type: 'string' },
          'data-dir': { type: 'string' },
        },
        true,
      );
      if (positionals.length === 0) throw new UsageError('give at least one file or directory');
      const hospital = checkSlug(requireFlag(values.hospital, 'hospital'), 'hospital');
      const batch = values.batch ? checkSlug(values.batch, 'batch') : newBatchId();
      const timeoutMs = intFlag(values.timeout, 'timeout', 300, 1, 86_400) * 1000;
      // JSON companions first (a CSV extract needs its mapping.json, a note its sidecar), then patients
      // (so clinical records find their patient), then the rest; the sort is stable.
      const expanded = positionals.flatMap(expand);
      const rank = uploadRanker(expanded.map((f) => f.name));
      const files = expanded.sort((a, b) => rank(a.name) - rank(b.name));
      refuseSameNames(files);
      const totalBytes = files.reduce((n, f) => n + statSync(f.path).size, 0);
      const bar = new ProgressBar(totalBytes);
      const stack = await deps.findStack(values.endpoint, values['data-dir']);
      let failed = 0;
      let pending = 0;
      for (const file of files) {
        await deps.upload(stack, keyLayout.raw(hospital, batch, file.name), file.path, (bytes) =>
          bar.bytes(bytes),
        );
        bar.fileDone(statSync(file.path).size);
      }
      bar.uploaded(files.length);
      // A report may take up to --timeout after the one before it: once one has not come in that
      // time the pipeline is stuck or slow, and the files after it are only checked, not waited for
      // again (one arriving restarts the clock).
      let deadline = Date.now() + timeoutMs;
      for (const file of files) {
        if (!values.wait) {
          print(
            values.json,
            { file: file.name, batch, status: 'uploaded' },
            `${file.name}: uploaded (batch ${batch})`,
          );
          continue;
        }
        const report = await deps.report(
          stack,
          hospital,
          batch,
          file.name,
          Math.max(0, deadline - Date.now()),
        );
        if (!report) {
          pending++;
          const deadLetters = deps.deadLetterOf(stack, keyLayout.raw(hospital, batch, file.name));
          print(
            values.json,
            { file: file.name, batch, status: 'pending' },
            deadLetters
              ? `${file.name}: no ingest report: its upload failed every attempt and was dead-lettered (batch ${batch}; see ${deadLetters})`
              : pendingReportText(file.name, batch, timeoutMs),
          );
          continue;
        }
        deadline = Date.now() + timeoutMs;
        if (report.status === 'rejected') failed++;
        bar.records(report.records.accepted + report.records.repaired + report.records.rejected);
        print(values.json, contractView(report), summary(report));
      }
      bar.end();
      if (pending > 0)
        out.progress(
          `${pending} of ${files.length} file${files.length === 1 ? '' : 's'} without an ingest report yet (batch ${batch})`,
        );
      return failed > 0 || pending > 0 ? 1 : 0;
    },
  };
}

/**
 * Two inputs uploaded under one name would go to the same raw key: the second would replace the
 * first, and both would be reported with the second's report. Refused before anything is uploaded.
 */
function refuseSameNames(files: readonly { path: string; name: string }[]): void {
  const first = new Map<string, string>();
  for (const file of files) {
    const earlier = first.get(file.name);
    if (earlier === undefined) {
      first.set(file.name, file.path);
      continue;
    }
    if (resolve(earlier) === resolve(file.path))
      throw new UsageError(`${file.path} is given twice`);
    throw new UsageError(
      `${earlier} and ${file.path} would both be uploaded as "${file.name}" in one batch, the second replacing the first; ingest them in separate runs (each its own batch), or give the folder that holds both so that each keeps its subfolder in its name`,
    );
  }
}

function print(json: boolean | undefined, value: unknown, text: string): void {
  if (json) out.jsonLine(value);
  else out.result(text);
}

/** The fields the CLI contract promises, in its order. */
function contractView(r: IngestReport) {
  return {
    file: r.file,
    batch: r.batch,
    status: r.status,
    records: r.records,
    byType: r.byType,
    errors: r.errors,
  };
}

function summary(r: IngestReport): string {
  const types = Object.entries(r.byType)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  const lines = [
    `${r.file}: ${r.status} (accepted ${r.records.accepted}, rejected ${r.records.rejected}${types ? `; ${types}` : ''})`,
  ];
  for (const e of r.errors.slice(0, 20))
    lines.push(`  line ${e.line}${e.path ? ` [${e.path}]` : ''}: ${e.reason}`);
  if (r.errors.length > 20 || r.errorsOmitted)
    lines.push(`  ... ${r.errors.length - 20 + r.errorsOmitted} more in ${r.quarantineKey}`);
  return lines.join('\n');
}

function expand(path: string): { path: string; name: string }[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new ValidationError(`${path}: no such file or directory`);
  }
  if (stat.isFile()) return [{ path, name: safeName(basename(path)) }];
  const found: { path: string; name: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !entry.name.startsWith('.'))
        found.push({ path: full, name: safeName(relative(path, full)) });
    }
  };
  walk(path);
  if (found.length === 0) throw new ValidationError(`${path}: directory holds no files`);
  return found;
}

function safeName(name: string): string {
  const cleaned = name
    .split(/[\\/]/)
    .filter((p) => p && p !== '.' && p !== '..')
    .join('/');
  if (!cleaned) throw new ValidationError(`${name}: not a usable file name`);
  return cleaned;
}

/**
 * True when a dead-letter file holds the S3 event of exactly `key`: each line is a dead-lettered
 * queue message whose body is the S3 event (keys URL-encoded, as S3 sends them). Compared key by key,
 * so note.txt is not found in its sidecar note.txt.json's letter. A line that does not parse is
 * skipped.
 */
export function deadLettered(text: string, key: string): boolean {
  const wanted = encodeS3Key(key);
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const letter = JSON.parse(line) as { body?: unknown };
      const event = JSON.parse(String(letter.body)) as {
        Records?: { s3?: { object?: { key?: unknown } } }[];
      };
      if (event.Records?.some((r) => r.s3?.object?.key === wanted)) return true;
    } catch {
      continue;
    }
  }
  return false;
}
