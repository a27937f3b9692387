// Tests (local/synth): the truth record's condition codes are the codes the Condition resources carry;
// heart failure is coded by its LVEF category (generator 1.11.0), a later combination as its own entry (1.17.0).
import type { Condition } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../../shared/domain/synth/cohort';
import { truthLines } from './truth';

const options = { seed: 1, patients: 700, hospital: 'test', dirtyRate: 0, asOf: '2026-01-01' };

describe('Function: truthLines — conditions.jsonl', () => {
  it('gives each condition the SNOMED CT and ICD-10-CM codes of its Condition resource, heart failure by phenotype', () => {
    // Arrange
    const byPhenotype = new Map<string, Set<string>>();
    let compared = 0;
    let combined = 0;
    for (let index = 0; index < options.patients; index++) {
      const rendered = renderCohortPatient(options, index);
      // Act
      const truth = (truthLines(rendered)['conditions.jsonl'] ?? []).map(
        (line) =>
          JSON.parse(line) as {
            snomed: string;
            icd10: string;
            onset: string;
            severity?: string;
            key: string;
            combination?: { icd10: string; onset: string };
          },
      );
      const resources = (rendered.ndjson.get('Condition.ndjson') ?? []).map(
        (line) => JSON.parse(String(line)) as Condition,
      );
      // Assess: the same conditions in the same order, with the same codes and onsets; then each
      // combination that began later (1.17.0) as the Condition entry after them, in the same order.
      const combinations = truth.filter((t) => t.combination);
      expect(resources.length).toBe(truth.length + combinations.length);
      combinations.forEach((t, j) => {
        const resource = resources[truth.length + j]!;
        expect(resource.code!.coding!.map((c) => c.code)).toEqual([t.snomed, t.combination!.icd10]);
        expect(resource.onsetDateTime).toBe(t.combination!.onset);
        expect(t.combination!.onset > t.onset).toBe(true);
        combined++;
      });
      truth.forEach((t, i) => {
        const codes = resources[i]!.code!.coding!.map((c) => c.code);
        expect(codes).toEqual([t.snomed, t.icd10]);
        expect(resources[i]!.onsetDateTime).toBe(t.onset);
        compared++;
        if (t.key === 'heart-failure') {
          const seen = byPhenotype.get(t.severity!) ?? new Set<string>();
          seen.add(`${t.snomed} ${t.icd10}`);
          byPhenotype.set(t.severity!, seen);
        }
      });
    }
    expect(compared).toBeGreaterThan(1000);
    expect(combined).toBeGreaterThan(10);
    // ICD-10-CM FY2025 I50.22 / I50.32 (inclusion terms HFrEF / HFpEF); no code for HFmrEF.
    expect([...(byPhenotype.get('HFrEF') ?? [])]).toEqual(['703272007 I50.22']);
    expect([...(byPhenotype.get('HFpEF') ?? [])]).toEqual(['446221000 I50.32']);
    expect([...(byPhenotype.get('HFmrEF') ?? ['84114007 I50.9'])]).toEqual(['84114007 I50.9']);
  });
});

describe('Function: truthLines — patients.jsonl', () => {
  it('marks the readmission stay (1.15.0), on the day the readmission outcome names, and no other', () => {
    // Arrange: patients 0-299 of seed 61 (some readmitted)
    const cohort = { ...options, seed: 61, patients: 300 };
    let readmissions = 0;
    for (let index = 0; index < cohort.patients; index++) {
      const rendered = renderCohortPatient(cohort, index);
      // Act
      const record = JSON.parse(truthLines(rendered)['patients.jsonl']![0]!) as {
        encounters: { kind: string; start: string; readmission?: boolean }[];
      };
      // Assess
      const marked = record.encounters.filter((e) => e.readmission !== undefined);
      const outcome = rendered.patient.outcomes.readmission30d;
      for (const e of marked) {
        expect(e).toMatchObject({ kind: 'inpatient', readmission: true });
        expect(e.start.slice(0, 10)).toBe(outcome?.eventDate);
      }
      expect(marked.length).toBeLessThanOrEqual(1);
      readmissions += marked.length;
    }
    expect(readmissions).toBeGreaterThan(0);
  });
});
