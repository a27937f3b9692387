// Evaluation: how the ingest validator treats real generator output. Patient and Observation entries of
// the Synthea R4 bundles in ../shared/data are turned into Bulk NDJSON (urn:uuid references resolved to
// Patient/{id}, as a FHIR server's $export would write them) and ingested through the embedded stack.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../local/stack';
import { loadFiles } from './load-files';
import type { EvalContext, EvalResult } from './suites';

interface BundleEntry {
  fullUrl?: string;
  resource?: { resourceType?: string; id?: string; subject?: { reference?: string } };
}

export async function ingestSyntheaEval(ctx: EvalContext): Promise<EvalResult> {
  const dir = join(ctx.sharedData, 'synthea-bundles');
  if (!existsSync(dir))
    return { skipped: `${dir} not found (the shared evaluation data is absent)` };
  const ndjson = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => bundleToNdjson(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-eval-'));
  const stack = await startStack({ dataDir, logLevel: 'ERROR' });
  try {
    const reports = await loadFiles(
      stack,
      'synthea',
      ndjson.map((content, i) => ({ name: `bundle-${i}.ndjson`, content })),
      ctx.progress,
    );
    const reasons: Record<string, number> = {};
    for (const r of reports)
      for (const e of r.errors)
        reasons[e.reason.replace(/\d+/g, 'N')] = (reasons[e.reason.replace(/\d+/g, 'N')] ?? 0) + 1;
    const accepted = reports.reduce((n, r) => n + r.records.accepted, 0);
    const rejected = reports.reduce((n, r) => n + r.records.rejected, 0);
    return {
      metrics: {
        files: reports.length,
        resources: accepted + rejected,
        accepted,
        rejected,
        acceptanceRate: Number((accepted / Math.max(1, accepted + rejected)).toFixed(4)),
      },
      details: { rejectionReasons: reasons },
    };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function bundleToNdjson(bundle: { entry?: BundleEntry[] }): string {
  const ids = new Map<string, string>();
  for (const e of bundle.entry ?? [])
    if (e.fullUrl && e.resource?.id && e.resource.resourceType)
      ids.set(e.fullUrl, `${e.resource.resourceType}/${e.resource.id}`);
  return (bundle.entry ?? [])
    .map((e) => e.resource)
    .filter(
      (r): r is NonNullable<BundleEntry['resource']> =>
        r?.resourceType === 'Patient' || r?.resourceType === 'Observation',
    )
    .map((r) =>
      JSON.stringify(
        JSON.parse(JSON.stringify(r), (_k, v) =>
          typeof v === 'string' && ids.has(v) ? ids.get(v) : v,
        ),
      ),
    )
    .join('\n');
}
