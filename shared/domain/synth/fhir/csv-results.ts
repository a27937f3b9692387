// Domain (synth/fhir): the observations.csv table of the flat EHR extract, read from rendered
// Observations. A blood-pressure panel is two rows (systolic, diastolic), as result feeds send it;
// mapped back, each row is one Observation.
import type { Observation, ObservationComponent } from '@medplum/fhirtypes';
import { systems } from '../catalog';
import { hl7 } from './vocabulary';
import {
  identifierColumn,
  identifierSystem,
  mrnColumn,
  ofType,
  visitColumn,
  type CsvTable,
} from './csv-table';

/** One result row: an Observation, or one component of a panel. */
interface ResultRow {
  observation: Observation;
  component?: ObservationComponent;
}

const valueOf = (row: ResultRow) => row.component ?? row.observation;

export const observationsTable: CsvTable<ResultRow> = {
  resourceType: 'Observation',
  description:
    'One row per result (vital sign, lab, score, smoking status); panels as one row per member.',
  key: ['result_id'],
  constants: [identifierSystem('result'), { path: 'status', value: 'final', type: 'code' }],
  columns: [
    mrnColumn,
    identifierColumn('result_id', (r) =>
      r.component ? `${r.observation.id}-${r.component.code.coding?.[0]?.code}` : r.observation.id,
    ),
    visitColumn((r) => r.observation.encounter?.reference),
    {
      name: 'taken_at',
      cell: (r) => r.observation.effectiveDateTime,
      fields: [{ path: 'effectiveDateTime', type: 'dateTime' }],
    },
    {
      name: 'category',
      cell: (r) => r.observation.category?.[0]?.coding?.[0]?.code,
      fields: [
        { path: 'category[0].coding[0].code', type: 'code', system: hl7.observationCategory },
      ],
    },
    {
      name: 'loinc',
      cell: (r) =>
        valueOf(r).code?.coding?.find((c) => c.system === systems.loinc && c.code !== '2708-6')
          ?.code,
      fields: [{ path: 'code.coding[0].code', type: 'code', system: systems.loinc }],
    },
    {
      name: 'test_name',
      cell: (r) => valueOf(r).code?.text,
      fields: [{ path: 'code.coding[0].display' }, { path: 'code.text' }],
    },
    {
      name: 'value',
      cell: (r) => valueOf(r).valueQuantity?.value,
      fields: [{ path: 'valueQuantity.value', type: 'decimal' }],
    },
    {
      name: 'unit',
      cell: (r) => valueOf(r).valueQuantity?.unit,
      fields: [{ path: 'valueQuantity.unit' }],
    },
    {
      name: 'ucum_unit',
      cell: (r) => valueOf(r).valueQuantity?.code,
      fields: [{ path: 'valueQuantity.code', type: 'code', system: systems.ucum }],
    },
    {
      name: 'answer_code',
      cell: (r) => valueOf(r).valueCodeableConcept?.coding?.[0]?.code,
      fields: [
        { path: 'valueCodeableConcept.coding[0].code', type: 'code', system: systems.snomed },
      ],
    },
    {
      name: 'answer',
      cell: (r) => valueOf(r).valueCodeableConcept?.text,
      fields: [
        { path: 'valueCodeableConcept.coding[0].display' },
        { path: 'valueCodeableConcept.text' },
      ],
    },
    {
      name: 'ref_low',
      cell: (r) => r.observation.referenceRange?.[0]?.low?.value,
      fields: [{ path: 'referenceRange[0].low.value', type: 'decimal' }],
    },
    {
      name: 'ref_high',
      cell: (r) => r.observation.referenceRange?.[0]?.high?.value,
      fields: [{ path: 'referenceRange[0].high.value', type: 'decimal' }],
    },
    // The bounds' units, UCUM (fhir/reference-ranges.ts `labReference`; 1.15.0: the extract had the
    // numbers only, so a CSV-loaded reference range had bounds without units).
    {
      name: 'ref_low_unit',
      cell: (r) => r.observation.referenceRange?.[0]?.low?.code,
      fields: [
        { path: 'referenceRange[0].low.unit' },
        { path: 'referenceRange[0].low.code', type: 'code', system: systems.ucum },
      ],
    },
    {
      name: 'ref_high_unit',
      cell: (r) => r.observation.referenceRange?.[0]?.high?.code,
      fields: [
        { path: 'referenceRange[0].high.unit' },
        { path: 'referenceRange[0].high.code', type: 'code', system: systems.ucum },
      ],
    },
    {
      name: 'ref_text',
      cell: (r) => r.observation.referenceRange?.[0]?.text,
      fields: [{ path: 'referenceRange[0].text' }],
    },
    {
      name: 'flag',
      cell: (r) => r.observation.interpretation?.[0]?.coding?.[0]?.code,
      fields: [
        { path: 'interpretation[0].coding[0].code', type: 'code', system: hl7.interpretation },
      ],
    },
  ],
  rows: (resources) =>
    ofType(resources, 'Observation').flatMap((observation) =>
      observation.component?.length
        ? observation.component.map((component) => ({ observation, component }))
        : [{ observation }],
    ),
};
