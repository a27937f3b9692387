// `caregraph demo [--patients N] [--seed S] [--json]`: start the stack on free ports, run the whole
// pipeline once on the sample export, print a summary, stop, exit 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../stack';
import {
  isGenotypeFile,
  loadSampleData,
  readBack,
  SampleLoadInterrupted,
  type LoadedSample,
} from '../../pipeline-run';
import { intFlag, out, parseFlags, stopOnSignals, type Command } from '../io';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the whole pipeline once on synthetic hospital exports and print a summary',
  usage:
    'Usage: caregraph demo [--patients N (default 200)] [--seed S (default 42)] [--keep] [--json]',
  async run(argv) {
    const { values } = parseFlags(argv, {
      patients: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      keep: { type: 'boolean' },
    });
    const patients = intFlag(values.patients, 'patients', 200, 1, 100_000);
    const seed = intFlag(values.seed, 'seed', 42);
    const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-demo-'));
    const started = Date.now();
    out.progress(
      'starting the embedded stack (s3rver, dynalite, oxigraph SPARQL, model server, API gateway)...',
    );
    const stack = await startStack({ dataDir, logLevel: 'WARN' });
    // Ctrl-C while the cohorts load stops the demo at the next step, and the servers and the demo's
    // data directory are still cleaned up.
    const stop = stopOnSignals();
    try {
      let loaded: LoadedSample | undefined;
      try {
        loaded = await loadSampleData(stack, patients, seed, out.progress, stop.signal);
      } catch (error) {
        if (!(error instanceof SampleLoadInterrupted)) throw error;
      } finally {
        stop.dispose();
      }
      if (!loaded) {
        out.progress(`${String(stop.signal.reason)}: the demo was stopped`);
        return 130;
      }
      const { reports } = loaded;
      const hospitals = [...new Set(reports.map((r) => r.hospital))];
      const served = [];
      for (const h of hospitals) served.push(await readBack(stack, h));
      const summary = {
        files: reports.map((r) => ({
          file: r.file,
          hospital: r.hospital,
          status: r.status,
          records: r.records,
          repairs: r.repairs,
          errors: r.errors,
        })),
        records: {
          accepted: reports.reduce((n, r) => n + r.records.accepted, 0),
          repaired: reports.reduce((n, r) => n + r.records.repaired, 0),
          quarantined: reports.reduce((n, r) => n + r.records.rejected, 0),
        },
        served: served.map((s) => ({
          hospital: s.hospital,
          patients: s.patients,
          observationsOfFirstPatient: s.observationsOfFirst,
        })),
        endpoints: { ...stack.endpoints } as Record<string, string>,
        urls: served.flatMap((s) => s.urls.map((u) => `${stack.endpoints.api}${u}`)),
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
      if (values.json) out.json(summary);
      else out.result(render(summary, values.keep ? dataDir : undefined));
      return 0;
    } finally {
      // Closing drains the event queues: the notes' extractions still going into the knowledge
      // graph (about as long again as the run for the default 250 patients on two cores). A stopped
      // demo does not wait for them: its data is about to be removed.
      if (stop.signal.aborted) await stack.close({ finish: false });
      else {
        out.progress(
          'stopping: waiting for queued events (notes into the knowledge graph) to finish...',
        );
        await stack.close();
      }
      if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
      else out.progress(`data kept in ${dataDir}`);
    }
  },
};

/** The demo's summary as text; `keptIn` is the data directory --keep keeps (undefined without it). */
export function render(
  s: {
    files: {
      file: string;
      hospital: string;
      status: string;
      records: { accepted: number; rejected: number };
      errors: { line: number; path?: string; reason: string }[];
    }[];
    records: { accepted: number; repaired: number; quarantined: number };
    served: { hospital: string; patients: number; observationsOfFirstPatient: number }[];
    endpoints: Record<string, string>;
    urls: string[];
    seconds: number;
  },
  keptIn?: string,
): string {
  const lines = ['caregraph demo: the pipeline ran end to end', '', 'Files'];
  // VCFs are named by patient: one line per hospital for them.
  for (const hospital of new Set(
    s.files.filter((f) => isGenotypeFile(f.file)).map((f) => f.hospital),
  )) {
    const vcfs = s.files.filter((f) => isGenotypeFile(f.file) && f.hospital === hospital);
    lines.push(
      `  vcf/ (${hospital}): ${vcfs.length} genotype files, ${vcfs.reduce((n, f) => n + f.records.accepted, 0)} VCF lines accepted, ${vcfs.reduce((n, f) => n + f.records.rejected, 0)} quarantined`,
    );
  }
  for (const f of s.files) {
    if (isGenotypeFile(f.file)) continue;
    lines.push(
      `  ${f.file} (${f.hospital}): ${f.status}, ${f.records.accepted} accepted, ${f.records.rejected} quarantined`,
    );
    for (const e of f.errors.slice(0, 3))
      lines.push(`    quarantined line ${e.line}${e.path ? ` [${e.path}]` : ''}: ${e.reason}`);
    if (f.errors.length > 3)
      lines.push(
        keptIn
          ? `    ... ${f.errors.length - 3} more in the file's ingest report (the data is kept in ${keptIn})`
          : `    ... ${f.errors.length - 3} more (--json prints them; the ingest reports are removed with the demo's data: run with --keep to keep the reports)`,
      );
  }
  lines.push(
    '',
    `Records   ${s.records.accepted} accepted, ${s.records.repaired} repaired (units converted, duplicates merged), ${s.records.quarantined} quarantined (with line and reason)`,
    '',
    'Served over the HTTP API (each hospital sees only its own patients)',
  );
  for (const h of s.served)
    lines.push(
      `  ${h.hospital}: ${h.patients} patients; first patient has ${h.observationsOfFirstPatient} observations`,
    );
  lines.push(
    '',
    'Endpoints',
    ...Object.entries(s.endpoints).map(([k, v]) => `  ${k.padEnd(9)} ${v}`),
    '',
    'URLs used',
    ...s.urls.map((u) => `  GET ${u}`),
    '',
    `Done in ${s.seconds} s.`,
  );
  return lines.join('\n');
}
