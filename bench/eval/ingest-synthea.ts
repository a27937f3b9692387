// Evaluation: ingest the Synthea R4 transaction Bundles in ../shared/data as a hospital would upload
// them, and reconcile every file's report with the bundle's own entry counts by resource type.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../local/stack';
import { loadFiles } from './load-files';
import type { EvalContext, EvalResult } from './suites';

export async function ingestSyntheaEval(ctx: EvalContext): Promise<EvalResult> {
  const dir = join(ctx.sharedData, 'synthea-bundles');
  if (!existsSync(dir))
    return { skipped: `${dir} not found (the shared evaluation data is absent)` };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const expected = new Map<string, Record<string, number>>();
  const uploads = files.map((f, i) => {
    const content = readFileSync(join(dir, f), 'utf8');
    const counts: Record<string, number> = {};
    for (const e of (JSON.parse(content) as { entry?: { resource?: { resourceType?: string } }[] })
      .entry ?? []) {
      const t = e.resource?.resourceType ?? '(no resource)';
      counts[t] = (counts[t] ?? 0) + 1;
    }
    // File names carry the patients' (synthetic) names; upload under neutral names.
    const name = `bundle-${String(i).padStart(2, '0')}.json`;
    expected.set(name, counts);
    return { name, content };
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-eval-'));
  const stack = await startStack({ dataDir, logLevel: 'ERROR' });
  try {
    const reports = await loadFiles(stack, 'synthea', uploads, ctx.progress);
    let reconciled = 0;
    const mismatches: string[] = [];
    const reasons: Record<string, number> = {};
    const totals = { entries: 0, accepted: 0, repaired: 0, rejected: 0 };
    for (const r of reports) {
      const want = expected.get(r.file)!;
      const entries = Object.values(want).reduce((a, b) => a + b, 0);
      const read = r.records.accepted + r.records.repaired + r.records.rejected;
      totals.entries += entries;
      totals.accepted += r.records.accepted;
      totals.repaired += r.records.repaired;
      totals.rejected += r.records.rejected;
      for (const [reason, n] of Object.entries(r.byReason ?? {}))
        reasons[reason] = (reasons[reason] ?? 0) + n;
      if (read === entries) reconciled++;
      else mismatches.push(`${r.file}: ${entries} entries, ${read} records in the report`);
    }
    return {
      metrics: {
        files: reports.length,
        reconciledFiles: reconciled,
        ...totals,
        acceptanceRate: Number(
          ((totals.accepted + totals.repaired) / Math.max(1, totals.entries)).toFixed(4),
        ),
      },
      details: { mismatches, rejectionReasons: reasons },
    };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
