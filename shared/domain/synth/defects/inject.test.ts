import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors';
import { Rng } from '../rng';
import { ndjsonLines } from '../fhir/bulk';
import { isWellFormedCode } from '../fhir/codes';
import { structuralIssues } from '../fhir/conformance';
import { asAnotherPatient, fixtureAsOf, fixtureNotes, fixturePatients } from '../fhir/fixtures';
import { renderPatientResources } from '../fhir/resources';
import { DefectInjector, defectKinds, type DefectRecord, type NdjsonLine } from './inject';

type Json = Record<string, unknown>;

/** NDJSON lines per file for each patient of a cohort of clones of the four fixtures. */
function cohortLines(size: number): { patientId: string; files: Map<string, string[]> }[] {
  return Array.from({ length: size }, (_, i) => {
    const patient = asAnotherPatient(fixturePatients()[i % 4]!, i);
    const resources = renderPatientResources(patient, fixtureNotes(patient), { asOf: fixtureAsOf });
    return { patientId: patient.id, files: ndjsonLines(resources) };
  });
}

/** Run one injector over the cohort in write order; whole files, clean and dirty, and the records. */
function injectCohort(rate: number, seed = 7, size = 40) {
  const injector = new DefectInjector(rate, new Rng(seed, 0xd1));
  const clean = new Map<string, string[]>();
  const dirty = new Map<string, NdjsonLine[]>();
  const defects: DefectRecord[] = [];
  for (const { patientId, files } of cohortLines(size)) {
    const result = injector.inject(files, patientId);
    for (const [file, lines] of files) clean.set(file, [...(clean.get(file) ?? []), ...lines]);
    for (const [file, lines] of result.files)
      dirty.set(file, [...(dirty.get(file) ?? []), ...lines]);
    defects.push(...result.defects);
  }
  return { clean, dirty, defects };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function at(value: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

describe('Class: DefectInjector', () => {
  it('changes nothing at rate 0', () => {
    // Act
    const { clean, dirty, defects } = injectCohort(0);

    // Assess
    expect(defects).toEqual([]);
    expect(dirty).toEqual(clean);
  });

  describe('at rate 0.1', () => {
    const { clean, dirty, defects } = injectCohort(0.1);
    const cleanLines = [...clean.values()].reduce((n, lines) => n + lines.length, 0);
    const added = new Set(
      defects.filter((d) => d.defect === 'duplicate').map((d) => `${d.file}:${d.line}`),
    );
    const patientIds = new Set(cohortLines(40).map((p) => p.patientId));

    /** The clean line a dirty line came from (duplicates point at the line they copy). */
    function originalOf(record: DefectRecord): string {
      if (record.defect === 'duplicate') {
        return clean
          .get(record.file)!
          .find((line) => (JSON.parse(line) as Json).id === record.resourceId)!;
      }
      const kept = dirty
        .get(record.file)!
        .slice(0, record.line! - 1)
        .filter((_, i) => !added.has(`${record.file}:${i + 1}`));
      return clean.get(record.file)![kept.length]!;
    }

    it('gives about one line in ten a defect', () => {
      expect(defects.length / cleanLines).toBeGreaterThan(0.07);
      expect(defects.length / cleanLines).toBeLessThan(0.13);
    });

    it('leaves every other line exactly as it was, in order', () => {
      for (const [file, lines] of dirty) {
        const defective = new Set(defects.filter((d) => d.file === file).map((d) => d.line));
        const originals = clean.get(file)!;
        let next = 0; // index of the clean line the next non-added dirty line came from
        lines.forEach((line, i) => {
          if (added.has(`${file}:${i + 1}`)) return;
          if (!defective.has(i + 1)) expect(line).toBe(originals[next]);
          next++;
        });
        expect(next).toBe(originals.length);
      }
    });

    it('names the resource each defective line came from', () => {
      for (const record of defects) {
        const original = JSON.parse(originalOf(record)) as Json;
        expect([original.resourceType, original.id]).toEqual([
          record.resourceType,
          record.resourceId,
        ]);
        expect(patientIds.has(record.patientId!)).toBe(true);
      }
    });

    it.each(defectKinds)('points every %s record at a line that really has it', (kind) => {
      const records = defects.filter((d) => d.defect === kind);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        const line = dirty.get(record.file)![record.line! - 1]!;
        const original = originalOf(record);
        assertDefect(record, line, original);
      }
    });

    /** Independent checks, one per kind: what a reader of defects.jsonl can rely on. */
    function assertDefect(record: DefectRecord, line: NdjsonLine, original: string): void {
      if (record.defect === 'bad-encoding') {
        expect(line).toBeInstanceOf(Uint8Array);
        expect(() => utf8.decode(line as Uint8Array)).toThrow(TypeError);
        return;
      }
      expect(typeof line).toBe('string');
      if (record.defect === 'truncated-line') {
        expect(() => JSON.parse(line as string)).toThrow(SyntaxError);
        expect(original.startsWith(line as string)).toBe(true);
        return;
      }
      const after = JSON.parse(line as string) as Json;
      const before = JSON.parse(original) as Json;
      expect(after.id).toBe(before.id);
      switch (record.defect) {
        case 'duplicate':
          if (record.detail.startsWith('exact')) expect(line).toBe(original);
          else expect(at(after, record.path!)).not.toEqual(at(before, record.path!));
          break;
        case 'missing-required':
          expect(before[record.path!]).toBeDefined();
          expect(after[record.path!]).toBeUndefined();
          if (after.resourceType !== 'Patient')
            expect(
              structuralIssues(after as unknown as Resource).some((i) => i.startsWith('error')),
            ).toBe(true);
          break;
        case 'wrong-unit':
          expect(at(after, 'valueQuantity.value')).toBe(at(before, 'valueQuantity.value'));
          expect(at(after, 'valueQuantity.code')).not.toBe(at(before, 'valueQuantity.code'));
          break;
        case 'impossible-value':
          expect(isImpossible(after, record.path!)).toBe(true);
          break;
        case 'unknown-code': {
          const coding = at(after, record.path!.replace(/\.code$/, '')) as {
            system: string;
            code: string;
          };
          expect(isWellFormedCode(coding.system, coding.code)).toBe(false);
          expect(isWellFormedCode(coding.system, at(before, record.path!) as string)).toBe(true);
          break;
        }
        case 'dangling-reference': {
          const target = (at(after, record.path!) as string).replace('Patient/', '');
          expect(patientIds.has(target)).toBe(false);
          break;
        }
      }
    }

    function isImpossible(resource: Json, path: string): boolean {
      const value = at(resource, path);
      if (path === 'birthDate') return (value as string) > fixtureAsOf;
      const loinc = at(resource, 'code.coding[0].code');
      if (path.startsWith('component')) return (value as number) >= 300;
      if (loinc === '8310-5') return (value as number) >= 60;
      if (loinc === '2708-6') return (value as number) > 100;
      return (value as number) < 0;
    }
  });

  it('writes the same bytes and records for the same seed', () => {
    // Act
    const first = injectCohort(0.2, 11, 12);
    const second = injectCohort(0.2, 11, 12);

    // Assess
    expect(second).toEqual(first);
  });

  it('numbers lines within the patient for a fresh injector, across patients for a shared one', () => {
    // Prepare
    const [a, b] = cohortLines(2);
    const shared = new DefectInjector(1, new Rng(3));

    // Act
    shared.inject(a!.files);
    const continued = shared.inject(b!.files).defects.filter((d) => d.file === 'Patient.ndjson');
    const fresh = new DefectInjector(1, new Rng(3))
      .inject(b!.files)
      .defects.filter((d) => d.file === 'Patient.ndjson');

    // Assess: every line gets a defect at rate 1; a patient has one Patient line (two if duplicated).
    expect(fresh[0]!.line).toBeLessThanOrEqual(2);
    expect(continued[0]!.line).toBeGreaterThan(1);
  });

  it('refuses a rate outside 0-1', () => {
    expect(() => new DefectInjector(1.5, new Rng(1))).toThrow(ValidationError);
    expect(() => new DefectInjector(Number.NaN, new Rng(1))).toThrow(ValidationError);
  });
});
