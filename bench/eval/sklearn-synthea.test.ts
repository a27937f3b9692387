import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../training/tabular/csv';
import { syntheaEncounterTable, syntheaHeader } from './sklearn-synthea';

const encounter = (start: string, cls = 'AMB') => ({
  resourceType: 'Encounter',
  class: { code: cls },
  type: [{ coding: [{ display: 'Encounter for check up (procedure)' }] }],
  period: { start },
});
const quantity = (code: string, at: string, value: number) => ({
  resourceType: 'Observation',
  code: { coding: [{ code }] },
  effectiveDateTime: at,
  valueQuantity: { value },
});
const bundle = {
  resourceType: 'Bundle',
  entry: [
    {
      resourceType: 'Patient',
      name: [{ family: 'Doe' }],
      gender: 'female',
      birthDate: '1950-01-01',
      maritalStatus: { coding: [{ code: 'M' }] },
    },
    encounter('2000-01-01T10:00:00Z'),
    encounter('2000-06-01T10:00:00Z', 'EMER'),
    encounter('2002-01-01T10:00:00Z'),
    encounter('2010-01-01T10:00:00Z'),
    { resourceType: 'Condition', onsetDateTime: '2000-09-01T10:00:00Z' },
    quantity('39156-5', '2000-01-01T10:00:00Z', 25.5),
    {
      resourceType: 'Observation',
      code: { coding: [{ code: '55284-4' }] },
      effectiveDateTime: '2000-06-01T10:00:00Z',
      component: [
        { code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 132 } },
        { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 84 } },
      ],
    },
  ].map((resource) => ({ resource })),
};

describe('Function: syntheaEncounterTable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caregraph-synthea-table-'));
  writeFileSync(join(dir, 'patient.json'), JSON.stringify(bundle));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes one row per encounter whose 365-day outcome window the record covers', () => {
    // Act
    const { csv, rows, positives } = syntheaEncounterTable(dir);
    const table = parseCsv(csv, 'synthea.csv');
    const cell = (i: number, name: string) => table.rows[i]![syntheaHeader.indexOf(name)]!;
    // Assess: the 2010 encounter ends the record, so its window is not observed
    expect([rows, positives]).toEqual([3, 2]);
    expect(table.header).toEqual(syntheaHeader);
    expect(table.rows.map((_r, i) => cell(i, 'new_condition_365d'))).toEqual(['1', '1', '0']);
    expect(table.rows.map((_r, i) => cell(i, 'encounter_class'))).toEqual(['AMB', 'EMER', 'AMB']);
    expect(table.rows.map((_r, i) => cell(i, 'active_conditions'))).toEqual(['0', '0', '1']);
    expect(table.rows.map((_r, i) => cell(i, 'days_since_previous_encounter'))).toEqual([
      '',
      '152',
      '579',
    ]);
  });

  it('carries the latest measurement forward and leaves never-measured values empty', () => {
    // Act
    const table = parseCsv(syntheaEncounterTable(dir).csv, 'synthea.csv');
    const column = (name: string) => table.rows.map((r) => r[syntheaHeader.indexOf(name)]);
    // Assess
    expect(column('bmi')).toEqual(['25.5', '25.5', '25.5']);
    expect(column('systolic_mmhg')).toEqual(['', '132', '132']);
    expect(column('hba1c_percent')).toEqual(['', '', '']);
    expect(column('age_years')).toEqual(['50.0', '50.4', '52.0']);
  });

  it('writes no patient name into the table', () => {
    expect(syntheaEncounterTable(dir).csv).not.toContain('Doe');
  });
});
