// Unit: where a feature set's files live (featureSetKey), and how a build reads its records.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { InMemoryObjects } from '../ingest/ingest-file.fixture';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import { genericServingItem } from '../serving/records';
import {
  buildFeatureSet,
  featureFiles,
  featureKey,
  featureSetKey,
  patientFeatures,
  type FeatureSetOptions,
} from './build';
import type { RawFeatureVector } from './extract';
import { featureSpecVersion } from './spec';

describe('featureSetKey', () => {
  it('puts the current set beside the spec version and a named set under sets/<name>/', () => {
    expect(featureSetKey('north', 'raw.csv')).toBe(`features/north/${featureSpecVersion}/raw.csv`);
    expect(featureSetKey('north', 'raw.csv', 'retrospective')).toBe(
      `features/north/${featureSpecVersion}/sets/retrospective/raw.csv`,
    );
  });

  it.each(['', 'Retro', '../x', 'a/b', 'x'.repeat(64)])('refuses the set name %j', (set) => {
    expect(() => featureSetKey('north', 'raw.csv', set)).toThrow(ValidationError);
  });
});

describe('buildFeatureSet: present or retrospective', () => {
  // A patient with an undated active hypertension and statin, and a course that ends after `at`.
  const record: FhirJson[] = [
    { resourceType: 'Patient', id: 'p', gender: 'male', birthDate: '1960-05-05' },
    {
      resourceType: 'Condition',
      id: 'c',
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }] },
    },
    {
      resourceType: 'MedicationStatement',
      id: 'm',
      status: 'active',
      medicationCodeableConcept: { text: 'atorvastatin 20 MG Oral Tablet' },
    },
    {
      resourceType: 'MedicationStatement',
      id: 'a',
      status: 'active',
      effectivePeriod: { start: '2025-12-20', end: '2026-02-01' },
      medicationCodeableConcept: { text: 'amoxicillin 500 MG' },
    },
  ];
  const at = new Date('2026-01-01T00:00:00Z');
  const flags = async (options: FeatureSetOptions) => {
    const serving = new InMemoryTable();
    const objects = new InMemoryObjects();
    for (const r of record)
      await serving.put(
        genericServingItem(
          'h',
          { ...r, subject: { reference: 'Patient/p' } },
          {
            batch: 'b1',
            updatedAt: 'x',
          },
        ),
      );
    await buildFeatureSet({ serving, objects }, 'h', at, undefined, options);
    const text = await objects.getText(
      'curated',
      featureSetKey('h', featureFiles.raw, options.set),
    );
    const { features } = JSON.parse(text!.split('\n')[0]!) as RawFeatureVector;
    return [features.condition_hypertension!.value, features.medication_statin!.value];
  };

  it('counts undated active entries in the current set, and leaves them out of a named one', async () => {
    expect(await flags({})).toEqual([1, 1]);
    expect(await flags({ set: 'retrospective' })).toEqual([0, 0]);
    // Either way when said.
    expect(await flags({ set: 'now', retrospective: false })).toEqual([1, 1]);
    expect(await flags({ retrospective: true })).toEqual([0, 0]);
  });
});

describe('patientFeatures: the stored vector and `at`', () => {
  async function withStored() {
    const serving = new InMemoryTable();
    const objects = new InMemoryObjects();
    await serving.put(
      genericServingItem(
        'h',
        { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1961-04-12' },
        { batch: 'b1', updatedAt: '2026-01-01T00:00:00Z' },
      ),
    );
    await serving.put({
      ...featureKey('h', 'p1'),
      hospital: 'h',
      specVersion: featureSpecVersion,
      at: '2026-12-01T00:00:00.000Z',
      raw: {},
      vector: [],
      imputed: [],
    });
    return { serving, objects };
  }
  const now = new Date('2026-12-06T10:00:00Z');

  it('answers the stored vector when no `at` is asked for', async () => {
    const deps = await withStored();
    const f = await patientFeatures(deps, 'h', 'p1', { now });
    expect({ origin: f.origin, at: f.at }).toEqual({
      origin: 'stored',
      at: '2026-12-01T00:00:00.000Z',
    });
  });

  it('computes from the record at the `at` asked for, even with a stored vector', async () => {
    const deps = await withStored();
    const f = await patientFeatures(deps, 'h', 'p1', { at: new Date('2020-01-01T00:00:00Z'), now });
    expect({ origin: f.origin, at: f.at }).toEqual({
      origin: 'computed',
      at: '2020-01-01T00:00:00.000Z',
    });
  });
});
