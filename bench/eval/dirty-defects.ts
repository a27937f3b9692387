// Evaluation: a 1,000-patient synthetic cohort with 5 % injected defects (`caregraph synth --dirty`),
// its Observation file replayed in file order through the ingest path without storage (parse,
// validateAndNormalise, the unit-suspect rules of unit-suspects.ts, holding back as ingest does).
// Reports, per injected defect kind (and per wrong-unit concept), how many records were quarantined,
// and how many records WITHOUT an injected defect were quarantined (false alarms). Needs no
// ../shared data: the cohort is the project's own.
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCohort } from '../../local/synth/write-cohort';
import { UnitSuspects } from '../../shared/domain/ingest/unit-suspects';
import { numberedLines } from '../../shared/domain/ingest/lines';
import { ndjsonRecordBatches } from '../../shared/domain/ingest/record-sources';
import { validateAndNormalise } from '../../shared/domain/preprocess/normalise';
import type { DefectRecord } from '../../shared/domain/synth/defects/inject';
import type { EvalContext, EvalResult } from './suites';

/** The concept a wrong-unit defect's detail names, by the unit codes it swaps. */
function wrongUnitConcept(detail: string): string {
  if (/\b(kg|lb_av)\b/.test(detail)) return 'weight';
  if (/degF|Cel/.test(detail)) return 'temperature';
  if (/umol\/L/.test(detail)) return 'creatinine';
  return 'glucose';
}

export async function dirtyDefectsEval(ctx: EvalContext): Promise<EvalResult> {
  const patients = ctx.size ?? 1000;
  const seed = 5;
  const out = join(mkdtempSync(join(tmpdir(), 'caregraph-eval-dirty-')), 'cohort');
  try {
    await writeCohort({
      patients,
      seed,
      hospital: 'eval',
      dirtyRate: 0.05,
      asOf: '2026-01-01',
      out,
    });
    ctx.progress(`  generated ${patients} patients (seed ${seed}, 5 % defects)`);
    const defects = readFileSync(join(out, 'truth', 'defects.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as DefectRecord)
      .filter(
        (d): d is DefectRecord & { line: number } =>
          d.file === 'Observation.ndjson' && d.line !== undefined,
      );
    const quarantined = new Set<number>();
    const units = new UnitSuspects<number>();
    const file = join(out, 'fhir', 'Observation.ndjson');
    let read = 0;
    let stored = 0;
    // The ingest function's own reader: UTF-8 checked per line, blank lines skipped, JSON parsed.
    for await (const batch of ndjsonRecordBatches(numberedLines(createReadStream(file)), file)) {
      for (const record of batch) {
        read++;
        try {
          if (record.error) throw record.error;
          const { resource } = validateAndNormalise(record.resource);
          const verdicts = units.offer(resource, record.line);
          stored += verdicts.ready.length;
          for (const s of verdicts.suspects) quarantined.add(s.item);
        } catch {
          quarantined.add(record.line);
        }
      }
    }
    stored += units.drain().length;
    const kinds = new Map<string, { injected: number; quarantined: number }>();
    const defective = new Set<number>();
    for (const d of defects) {
      defective.add(d.line);
      const kind =
        d.defect === 'wrong-unit' ? `wrong-unit.${wrongUnitConcept(d.detail)}` : d.defect;
      const entry = kinds.get(kind) ?? { injected: 0, quarantined: 0 };
      entry.injected++;
      if (quarantined.has(d.line)) entry.quarantined++;
      kinds.set(kind, entry);
    }
    const metrics: Record<string, number> = {
      patients,
      observationsRead: read,
      stored,
      quarantined: quarantined.size,
      falseAlarms: [...quarantined].filter((line) => !defective.has(line)).length,
    };
    for (const [kind, { injected, quarantined: q }] of [...kinds].sort()) {
      metrics[`${kind}.injected`] = injected;
      metrics[`${kind}.quarantined`] = q;
    }
    if (stored + quarantined.size !== read)
      throw new Error(
        `records lost: ${read} read, ${stored} stored, ${quarantined.size} quarantined`,
      );
    return {
      metrics,
      details: {
        note: 'Defects a record keeps valid on its own (duplicates, dangling references, unknown-but-well-formed codes) are resolved or warned about by the stored ingest path, not quarantined here; wrong units that stay plausible are told only from the same visit (height and BMI) and the patient history (docs/ingest.md).',
      },
    };
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}
