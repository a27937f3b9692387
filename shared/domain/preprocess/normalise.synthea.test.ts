import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { validateAndNormalise } from './normalise';

// Synthea R4 bundles shared by the team (read at test time, never copied into the project).
const bundleDir = fileURLToPath(
  new URL('../../../../shared/data/synthea-bundles', import.meta.url),
);

function loadResources(): FhirJson[] {
  return readdirSync(bundleDir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) =>
      (
        JSON.parse(readFileSync(`${bundleDir}/${name}`, 'utf8')) as {
          entry: { resource: FhirJson }[];
        }
      ).entry.map((e) => e.resource),
    );
}

describe.skipIf(!existsSync(bundleDir))(
  'Function: validateAndNormalise (Synthea R4 bundles)',
  () => {
    const resources = existsSync(bundleDir) ? loadResources() : [];

    it('accepts every resource except those carrying a malformed SNOMED CT code', () => {
      // Prepare
      const rejected: { type: string; error: ValidationError }[] = [];
      // Act
      for (const resource of resources) {
        try {
          validateAndNormalise(resource);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          rejected.push({ type: resource.resourceType, error });
        }
      }
      // Assess: Synthea codes "trans thoracic echocardiogram" with the LOINC-shaped 34552-0 as SNOMED CT.
      expect(resources.length).toBeGreaterThan(1000);
      expect(rejected.length).toBeLessThan(resources.length / 100);
      expect(new Set(rejected.map((r) => r.error.message))).toEqual(
        new Set(['malformed SNOMED CT code']),
      );
    });

    it('converts Synthea lab values reported in mg/dL to mmol/L, keeping the original', () => {
      // Prepare
      const glucose = resources.find(
        (r) => r.resourceType === 'Observation' && JSON.stringify(r.code).includes('"2339-0"'),
      );
      // Act
      const { resource, repairs } = validateAndNormalise(glucose);
      // Assess
      const q = resource.valueQuantity as {
        code: string;
        extension: { valueQuantity: { code: string } }[];
      };
      expect(q.code).toBe('mmol/L');
      expect(q.extension[0]!.valueQuantity.code).toBe('mg/dL');
      expect(repairs.map((r) => r.kind)).toEqual(['unit-converted', 'loinc-mapped-to-canonical']);
    });
  },
);
