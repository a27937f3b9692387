// `caregraph synth --patients N --seed S --out DIR [--hospital H] [--dirty RATE] [--as-of DATE]`:
// write a synthetic hospital export with its ground truth (layout: docs/synth.md).
import { resolve } from 'node:path';
import { defaultAsOf } from '../../../shared/domain/synth/model';
import { identifierPattern } from '../../../shared/config/resources';
import { writeCohort } from '../../synth/write-cohort';
import {
  intFlag,
  out,
  parseFlags,
  requireFlag,
  stopOnSignals,
  UsageError,
  type Command,
} from '../io';

const usage = `Usage: caregraph synth --patients N --seed S --out DIR [--hospital H] [--dirty RATE] [--as-of YYYY-MM-DD] [--force] [--json]
  --hospital  hospital slug written into identifiers (default synthetic-general)
  --dirty     fraction of records given a realistic defect, 0-1 (default 0); see DIR/truth/defects.jsonl
  --as-of     the export date ages and outcome windows are relative to (default ${defaultAsOf})
  --force     replace a non-empty output directory`;

export const synthCommand: Command = {
  name: 'synth',
  summary:
    'write a synthetic hospital cohort (FHIR, Bundles, CSV, VCF, notes) with its ground truth',
  usage,
  async run(argv) {
    const { values } = parseFlags(argv, {
      patients: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      hospital: { type: 'string' },
      dirty: { type: 'string' },
      'as-of': { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const patients = intFlag(
      requireFlag(values.patients, 'patients'),
      'patients',
      0,
      1,
      10_000_000,
    );
    const seed = intFlag(requireFlag(values.seed, 'seed'), 'seed', 0, 0, 2 ** 32 - 1);
    const hospital = values.hospital ?? 'synthetic-general';
    if (!identifierPattern.test(hospital))
      throw new UsageError('--hospital must be a lowercase slug (a-z, 0-9, -)');
    const dirtyRate = values.dirty === undefined ? 0 : Number(values.dirty);
    if (!(dirtyRate >= 0 && dirtyRate <= 1))
      throw new UsageError('--dirty must be a number from 0 to 1');
    const asOf = values['as-of'] ?? defaultAsOf;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))
      throw new UsageError('--as-of must be a date YYYY-MM-DD');
    const dir = resolve(requireFlag(values.out, 'out'));
    const started = Date.now();
    // Ctrl-C stops at the next chunk of 50 patients, so the render threads end and the files are
    // closed; the directory has no manifest then, which marks it incomplete.
    const stop = stopOnSignals();
    let manifest;
    try {
      manifest = await writeCohort({
        patients,
        seed,
        hospital,
        dirtyRate,
        asOf,
        out: dir,
        force: values.force,
        onProgress: (done, total) => out.progress(synthProgress(done, total, Date.now() - started)),
        signal: stop.signal,
      });
    } catch (error) {
      if (!stop.signal.aborted) throw error;
      out.progress(
        `${String(stop.signal.reason)}: stopped; ${dir} is incomplete (it has no truth/manifest.json): run again with --force to replace it`,
      );
      return 130;
    } finally {
      stop.dispose();
    }
    if (values.json) {
      out.json({ out: dir, ...manifest });
      return 0;
    }
    const c = manifest.counts;
    const resources = Object.values(c.resources).reduce((a, b) => a + b, 0);
    out.result(
      [
        `wrote ${c.patients} patients to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  fhir/      ${resources} resources in ${Object.keys(c.resources).length} NDJSON files`,
        `  bundles/   ${c.bundles} transaction Bundles`,
        `  csv/       ${Object.entries(c.csvRows)
          .map(([f, n]) => `${f} ${n}`)
          .join(', ')} (+ mapping.json)`,
        `  vcf/       ${c.vcfs} genotyped patients`,
        `  notes/     ${c.notes} notes`,
        `  truth/     conditions, outcomes, genotypes, notes annotations${c.defects ? `, ${c.defects} defects` : ''}, manifest.json`,
      ].join('\n'),
    );
    return 0;
  },
};

/** A progress line: patients so far, the rate, and once a second has passed, the time left at that rate. */
export function synthProgress(done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left =
    done < total && rate > 0 && elapsedMs >= 1000
      ? `, about ${duration((total - done) / rate)} left`
      : '';
  return `  ${done}/${total} patients (${Math.round(rate)}/s${left})`;
}

function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
