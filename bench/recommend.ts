// Benchmark: one full recommendation (facts -> guidelines -> safety -> ranking -> medication review)
// per patient over a synthetic cohort's Bundles and VCF-derived PGx profiles: p50/p95/max latency of
// the pure domain path (target p95 < 200 ms). The embedded-stack path (`--patient` through the API)
// is measured by the lead once it is wired.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { readVcf } from '../shared/domain/genomics/vcf-reader';
import { pgxProfile, type PgxProfile } from '../shared/domain/pgx/profile';
import { readSampleGenotypes } from '../shared/domain/pgx/vcf-genotypes';
import { recommendFor } from '../shared/domain/recommend/recommend-for';
import {
  collectTumourFindings,
  type TumourFinding,
} from '../shared/domain/recommend/tumour-findings';
import { renderCohortPatient } from '../shared/domain/synth/cohort';
import type { BenchContext, BenchResult } from './suites';

interface Case {
  resources: Resource[];
  pgx?: PgxProfile;
  tumour: TumourFinding[];
}

async function* lines(text: string) {
  let line = 0;
  for (const t of text.split('\n')) yield { line: ++line, text: t };
}

async function cohort(patients: number, asOf: string): Promise<Case[]> {
  const cases: Case[] = [];
  for (let i = 0; i < patients; i++) {
    const r = renderCohortPatient({ patients, seed: 11, hospital: 'bench', dirtyRate: 0, asOf }, i);
    const resources = ((JSON.parse(r.bundle) as Bundle).entry ?? []).map((e) => e.resource!);
    const tumour: TumourFinding[] = [];
    if (!r.vcf) {
      cases.push({ resources, tumour });
      continue;
    }
    const read = await readSampleGenotypes(
      collectTumourFindings(readVcf(lines(r.vcf), 'bench.vcf'), tumour, 'bench.vcf'),
    );
    cases.push({ resources, pgx: pgxProfile(read.genotypes), tumour });
  }
  return cases;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

export async function recommendBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const patients = ctx.size ?? 500;
  const asOf = '2026-01-01';
  ctx.progress(`  rendering ${patients} synthetic patients`);
  const cases = await cohort(patients, asOf);
  const at = new Date(`${asOf}T00:00:00Z`);
  // Warm-up: JIT and lazily built tables, not measured.
  for (const c of cases.slice(0, 20))
    await recommendFor(
      {},
      { resources: c.resources, at, ...(c.pgx ? { pgx: c.pgx } : {}), tumour: c.tumour },
    );
  const times: number[] = [];
  let recommendations = 0;
  let options = 0;
  for (const c of cases) {
    const start = process.hrtime.bigint();
    const report = await recommendFor(
      {},
      { resources: c.resources, at, ...(c.pgx ? { pgx: c.pgx } : {}), tumour: c.tumour },
    );
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    recommendations += report.recommendations.length;
    options += report.recommendations.reduce((s, r) => s + r.options.length, 0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    metrics: {
      patients,
      withPgx: cases.filter((c) => c.pgx).length,
      p50Ms: Number(percentile(sorted, 0.5).toFixed(2)),
      p95Ms: Number(percentile(sorted, 0.95).toFixed(2)),
      maxMs: Number(sorted[sorted.length - 1]!.toFixed(2)),
      targetP95Ms: 200,
      recommendationsPerPatient: Number((recommendations / patients).toFixed(2)),
      optionsPerPatient: Number((options / patients).toFixed(2)),
    },
    notes: [
      'Pure domain path: recommendFor on in-memory Bundle resources with a precomputed PGx profile; no evidence ports.',
      'The embedded-stack path (caregraph recommend --patient via the API) is measured by the lead.',
    ],
  };
}
