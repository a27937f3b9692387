// Evaluation: a 1,000-patient synthetic cohort, end to end through the FHIR R4 validator (@medplum/core),
// reference resolution and code checks (the large-cohort check of the synthetic-data issue).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { writeCohort } from '../../local/synth/write-cohort';
import {
  malformedCodes,
  structuralIssues,
  unresolvedReferences,
} from '../../shared/domain/synth/fhir/conformance';
import type { EvalContext, EvalResult } from './suites';

export async function synthValidityEval(ctx: EvalContext): Promise<EvalResult> {
  const patients = 1000;
  const out = join(mkdtempSync(join(tmpdir(), 'caregraph-eval-synth-')), 'cohort');
  try {
    await writeCohort({
      patients,
      seed: 2026,
      hospital: 'eval',
      dirtyRate: 0,
      asOf: '2026-01-01',
      out,
    });
    const all: Resource[] = [];
    for (const file of readdirSync(join(out, 'fhir')).filter((f) => f.endsWith('.ndjson'))) {
      for (const line of readFileSync(join(out, 'fhir', file), 'utf8').split('\n'))
        if (line) all.push(JSON.parse(line) as Resource);
    }
    const resources = all.length;
    let invalid = 0;
    let malformed = 0;
    const issues: Record<string, number> = {};
    for (const r of all) {
      const found = structuralIssues(r);
      if (found.length) invalid++;
      for (const i of found)
        issues[i.replace(/\d+/g, 'N')] = (issues[i.replace(/\d+/g, 'N')] ?? 0) + 1;
      malformed += malformedCodes(r).length;
    }
    const unresolved = unresolvedReferences(all).length;
    ctx.progress(`  validated ${resources} resources of ${patients} patients`);
    return {
      metrics: {
        patients,
        resources,
        invalidResources: invalid,
        unresolvedReferences: unresolved,
        malformedCodes: malformed,
      },
      details: { issues },
    };
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}
