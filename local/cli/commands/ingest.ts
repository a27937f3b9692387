// `caregraph ingest PATH... --hospital H [--batch B] [--wait] [--json]`: upload hospital files to the
// raw bucket of a running stack and, with --wait, print each file's ingest report.
import { uploadRank } from '../../../shared/domain/ingest/upload-order';
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { keyLayout } from '../../../shared/config/resources';
import { ValidationError } from '../../../shared/domain/errors';
import type { IngestReport } from '../../../shared/domain/ingest/report';
import { ProgressBar } from '../progress';
import { out, parseFlags, requireFlag, intFlag, UsageError, type Command } from '../io';
import {
  checkSlug,
  curatedBucket,
  findStack,
  newBatchId,
  rawBucket,
  s3ClientFor,
  uploadPath,
  waitForReport,
} from '../stack-client';

const usage = `Usage: caregraph ingest PATH... --hospital H [--batch B] [--wait] [--timeout SECONDS] [--json] [--endpoint URL]
  Uploads files (directories recurse) to raw/{hospital}/{batch}/{file}.
  --wait     wait for each file's ingest report
  --json     one JSON object per file on stdout:
             {"file","batch","status","records":{"accepted","repaired","rejected"},"byType","errors":[{"line","path","reason"}]}`;

export const ingestCommand: Command = {
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
    const files = positionals
      .flatMap(expand)
      .sort((a, b) => uploadRank(a.name) - uploadRank(b.name));
    const totalBytes = files.reduce((n, f) => n + statSync(f.path).size, 0);
    const bar = new ProgressBar(totalBytes);
    const stack = await findStack(values.endpoint, values['data-dir']);
    const s3 = s3ClientFor(stack);
    let failed = 0;
    for (const file of files) {
      await uploadPath(
        s3,
        rawBucket(stack),
        keyLayout.raw(hospital, batch, file.name),
        file.path,
        (bytes) => bar.bytes(bytes),
      );
      bar.fileDone(statSync(file.path).size);
    }
    bar.uploaded(files.length);
    for (const file of files) {
      if (!values.wait) {
        print(
          values.json,
          { file: file.name, batch, status: 'uploaded' },
          `${file.name}: uploaded (batch ${batch})`,
        );
        continue;
      }
      const report = await waitForReport(
        s3,
        curatedBucket(stack),
        hospital,
        batch,
        file.name,
        timeoutMs,
      );
      if (report.status === 'rejected') failed++;
      bar.records(report.records.accepted + report.records.repaired + report.records.rejected);
      print(values.json, contractView(report), summary(report));
    }
    bar.end();
    return failed > 0 ? 1 : 0;
  },
};

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
