// Integration: `caregraph synth` writes a valid, deterministic export whose ground truth matches it.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { writeCohort } from '../local/synth/write-cohort';
import {
  malformedCodes,
  structuralIssues,
  unresolvedReferences,
} from '../shared/domain/synth/fhir/conformance';
import { cliPath, runCli } from './helpers/cli';

const base = { seed: 11, hospital: 'synthetic-general', dirtyRate: 0, asOf: '2026-01-01' };
const tmp = (name: string) => join(mkdtempSync(join(tmpdir(), 'caregraph-synth-')), name);
const readLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

function digestTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

describe('Synth: a clean cohort', () => {
  const dir = tmp('clean');
  let resources: Resource[];

  beforeAll(async () => {
    await writeCohort({ ...base, patients: 60, out: dir, workers: 1 });
    resources = readdirSync(join(dir, 'fhir'))
      .filter((f) => f.endsWith('.ndjson'))
      .flatMap((f) => readLines(join(dir, 'fhir', f)).map((l) => JSON.parse(l) as Resource));
  }, 120_000);

  it('passes FHIR R4 structural validation (a real validator) for every resource', () => {
    const failures = resources.flatMap((r) =>
      structuralIssues(r).map((i) => `${r.resourceType}/${r.id}: ${i}`),
    );
    expect(failures).toEqual([]);
    expect(resources.length).toBeGreaterThan(60 * 20);
  }, 120_000);

  it('resolves every reference and writes every code well formed', () => {
    expect(unresolvedReferences(resources)).toEqual([]);
    expect(resources.flatMap((r) => malformedCodes(r))).toEqual([]);
  });

  it('writes the layout of the contract', () => {
    for (const folder of ['fhir', 'bundles', 'csv', 'vcf', 'notes', 'truth'])
      expect(readdirSync(join(dir, folder)).length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'bundles'))).toHaveLength(60);
    expect(readdirSync(join(dir, 'truth')).sort()).toEqual(
      [
        'conditions.jsonl',
        'defects.jsonl',
        'genotypes.jsonl',
        'manifest.json',
        'notes.jsonl',
        'outcomes.jsonl',
        'patients.jsonl',
      ].sort(),
    );
  });

  it('keeps the truth consistent with the export: conditions, notes, genotypes, counts', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'truth', 'manifest.json'), 'utf8'));
    // One Condition per true condition, and one more per combination code that began later (1.17.0).
    const truthConditions = readLines(join(dir, 'truth', 'conditions.jsonl')).map((l) =>
      JSON.parse(l),
    );
    expect(manifest.counts.resources.Condition).toBe(
      truthConditions.length + truthConditions.filter((c) => c.combination).length,
    );
    expect(manifest.counts.notes).toBe(readdirSync(join(dir, 'notes')).length);
    expect(manifest.counts.vcfs).toBe(readdirSync(join(dir, 'vcf')).length);
    for (const line of readLines(join(dir, 'truth', 'notes.jsonl')).slice(0, 100)) {
      const note = JSON.parse(line);
      const text = readFileSync(join(dir, note.file), 'utf8');
      for (const span of [...note.entities, ...note.phi])
        expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    const docs = resources.filter((r) => r.resourceType === 'DocumentReference');
    expect(docs).toHaveLength(manifest.counts.notes);
  });

  it('records the best achievable AUROC of each outcome in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'truth', 'manifest.json'), 'utf8'));
    expect(manifest.outcomes.cvd10y.bayesOptimalAuroc).toBeGreaterThan(0.6);
    expect(manifest.outcomes.cvd10y.bayesOptimalAuroc).toBeLessThan(1);
  });
});

describe('Synth: determinism', () => {
  it('writes the same bytes for the same seed, with one render thread or two', async () => {
    const a = tmp('a');
    const b = tmp('b');
    await writeCohort({ ...base, patients: 320, dirtyRate: 0.05, out: a, workers: 1 });
    await writeCohort({ ...base, patients: 320, dirtyRate: 0.05, out: b, workers: 2 });
    expect(digestTree(b)).toEqual(digestTree(a));
  }, 180_000);
});

describe('Synth: --dirty', () => {
  const dir = tmp('dirty');

  beforeAll(async () => {
    await writeCohort({ ...base, patients: 80, dirtyRate: 0.08, out: dir, workers: 1 });
  }, 120_000);

  it('says exactly which line got which defect', () => {
    const defects = readLines(join(dir, 'truth', 'defects.jsonl')).map((l) => JSON.parse(l));
    expect(defects.length).toBeGreaterThan(50);
    const files = new Map<string, Buffer[]>();
    const linesOf = (file: string) => {
      if (!files.has(file)) {
        const raw = readFileSync(join(dir, 'fhir', file));
        const lines: Buffer[] = [];
        let at = 0;
        for (let nl = raw.indexOf(10); nl !== -1; at = nl + 1, nl = raw.indexOf(10, at))
          lines.push(raw.subarray(at, nl));
        files.set(file, lines);
      }
      return files.get(file)!;
    };
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    for (const d of defects) {
      const line = linesOf(d.file)[d.line - 1];
      expect(line, `${d.file}:${d.line}`).toBeDefined();
      if (d.defect === 'truncated-line') expect(() => JSON.parse(line!.toString('utf8'))).toThrow();
      else if (d.defect === 'bad-encoding') expect(() => utf8.decode(line!)).toThrow();
      else expect(JSON.parse(line!.toString('utf8')).id).toBe(d.resourceId);
    }
    expect(new Set(defects.map((d) => d.defect)).size).toBeGreaterThanOrEqual(6);
  });
});

describe('CLI: caregraph synth', () => {
  it('exits 2 without --out and 1 on a non-empty directory', async () => {
    const usage = await runCli(['synth', '--patients', '5', '--seed', '1']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--out');
    const dir = tmp('cli');
    expect((await runCli(['synth', '--patients', '5', '--seed', '1', '--out', dir])).code).toBe(0);
    const again = await runCli(['synth', '--patients', '5', '--seed', '1', '--out', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');
  }, 60_000);

  it('stops on Ctrl-C at the next chunk, exits 130 and says the directory is incomplete', async () => {
    // Prepare: a cohort that takes far longer than its first 1,000 patients (4.5 GiB of room needed).
    const dir = tmp('interrupted');
    const child = spawn(
      process.execPath,
      [cliPath, 'synth', '--patients', '20000', '--seed', '1', '--out', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Act: once the first 1,000 patients are written (the first progress line).
    while (!stderr.includes('1000/20000 patients')) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGINT');
    const code = await exited;
    // Assess
    expect(code, stderr.slice(-2000)).toBe(130);
    expect(stderr).toContain(
      `SIGINT: stopped; ${dir} is incomplete (it has no truth/manifest.json)`,
    );
    expect(existsSync(join(dir, 'truth', 'manifest.json'))).toBe(false);
    expect(readLines(join(dir, 'truth', 'patients.jsonl')).length).toBeGreaterThanOrEqual(1000);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
