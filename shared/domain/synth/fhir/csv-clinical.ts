// Domain (synth/fhir): the conditions.csv and medications.csv tables of the flat EHR extract, read from
// the rendered Condition and MedicationRequest resources.
import type { Condition, MedicationRequest } from '@medplum/fhirtypes';
import { systems } from '../catalog';
import { hl7 } from './vocabulary';
import {
  hospitalPlaceholder,
  identifierColumn,
  identifierSystem,
  mrnColumn,
  ofType,
  visitColumn,
  type CsvTable,
} from './csv-table';

export const conditionsTable: CsvTable<Condition> = {
  resourceType: 'Condition',
  description: 'One row per problem-list entry or encounter diagnosis.',
  key: ['problem_id'],
  constants: [
    identifierSystem('problem'),
    { path: 'verificationStatus.coding[0].system', value: hl7.conditionVerification, type: 'uri' },
    { path: 'verificationStatus.coding[0].code', value: 'confirmed', type: 'code' },
  ],
  columns: [
    mrnColumn,
    identifierColumn('problem_id', (c) => c.id),
    visitColumn((c) => c.encounter?.reference),
    {
      name: 'snomed',
      cell: (c) => c.code?.coding?.[0]?.code,
      fields: [{ path: 'code.coding[0].code', type: 'code', system: systems.snomed }],
    },
    {
      name: 'icd10',
      cell: (c) => c.code?.coding?.[1]?.code,
      fields: [{ path: 'code.coding[1].code', type: 'code', system: systems.icd10cm }],
    },
    {
      name: 'description',
      cell: (c) => c.code?.text,
      fields: [{ path: 'code.coding[0].display' }, { path: 'code.text' }],
    },
    {
      name: 'clinical_status',
      cell: (c) => c.clinicalStatus?.coding?.[0]?.code,
      fields: [
        { path: 'clinicalStatus.coding[0].code', type: 'code', system: hl7.conditionClinical },
      ],
    },
    {
      name: 'category',
      cell: (c) => c.category?.[0]?.coding?.[0]?.code,
      fields: [{ path: 'category[0].coding[0].code', type: 'code', system: hl7.conditionCategory }],
    },
    {
      name: 'onset_date',
      cell: (c) => c.onsetDateTime,
      fields: [{ path: 'onsetDateTime', type: 'dateTime' }],
    },
    {
      name: 'resolved_date',
      cell: (c) => c.abatementDateTime,
      fields: [{ path: 'abatementDateTime', type: 'dateTime' }],
    },
    {
      name: 'recorded_date',
      cell: (c) => c.recordedDate,
      fields: [{ path: 'recordedDate', type: 'dateTime' }],
    },
    { name: 'severity', cell: (c) => c.severity?.text, fields: [{ path: 'severity.text' }] },
    // The SNOMED CT severity the text names (fhir/conditions.ts `severityOf`; 1.15.0: the extract had
    // only the text, so a CSV-loaded Condition lost the coded severity the NDJSON carries).
    {
      name: 'severity_snomed',
      cell: (c) => c.severity?.coding?.[0]?.code,
      fields: [{ path: 'severity.coding[0].code', type: 'code', system: systems.snomed }],
    },
    {
      name: 'stage',
      cell: (c) => c.stage?.[0]?.summary?.text,
      fields: [{ path: 'stage[0].summary.text' }],
    },
  ],
  rows: (resources) => ofType(resources, 'Condition'),
};

const medicationCategory = 'http://terminology.hl7.org/CodeSystem/medicationrequest-category';
const dosage = (m: MedicationRequest) => m.dosageInstruction?.[0];
const repeat = (m: MedicationRequest) => dosage(m)?.timing?.repeat;
const d = 'dosageInstruction[0]';

export const medicationsTable: CsvTable<MedicationRequest> = {
  resourceType: 'MedicationRequest',
  description: 'One row per medication order (outpatient prescriptions and inpatient orders).',
  key: ['order_id'],
  constants: [
    identifierSystem('order'),
    { path: 'intent', value: 'order', type: 'code' },
    { path: 'dispenseRequest.expectedSupplyDuration.unit', value: 'days' },
    { path: 'dispenseRequest.expectedSupplyDuration.system', value: systems.ucum, type: 'uri' },
    { path: 'dispenseRequest.expectedSupplyDuration.code', value: 'd', type: 'code' },
  ],
  columns: [
    mrnColumn,
    identifierColumn('order_id', (m) => m.id),
    visitColumn((m) => m.encounter?.reference),
    { name: 'status', cell: (m) => m.status, fields: [{ path: 'status', type: 'code' }] },
    // FHIR R4 medicationrequest-category (1.15.0; before, the extract left it out).
    {
      name: 'category',
      cell: (m) => m.category?.[0]?.coding?.[0]?.code,
      fields: [{ path: 'category[0].coding[0].code', type: 'code', system: medicationCategory }],
    },
    {
      name: 'rxnorm',
      cell: (m) => m.medicationCodeableConcept?.coding?.[0]?.code,
      fields: [
        { path: 'medicationCodeableConcept.coding[0].code', type: 'code', system: systems.rxnorm },
      ],
    },
    {
      name: 'drug_name',
      cell: (m) => m.medicationCodeableConcept?.text,
      fields: [
        { path: 'medicationCodeableConcept.coding[0].display' },
        { path: 'medicationCodeableConcept.text' },
      ],
    },
    {
      name: 'ordered_on',
      cell: (m) => m.authoredOn,
      fields: [{ path: 'authoredOn', type: 'dateTime' }],
    },
    { name: 'sig', cell: (m) => dosage(m)?.text, fields: [{ path: `${d}.text` }] },
    {
      name: 'dose',
      cell: (m) => dosage(m)?.doseAndRate?.[0]?.doseQuantity?.value,
      fields: [{ path: `${d}.doseAndRate[0].doseQuantity.value`, type: 'decimal' }],
    },
    {
      name: 'dose_unit',
      cell: (m) => dosage(m)?.doseAndRate?.[0]?.doseQuantity?.unit,
      fields: [{ path: `${d}.doseAndRate[0].doseQuantity.unit` }],
    },
    // The dose unit's UCUM code, where the unit has one (fhir/dosage.ts `doseQuantity`; 1.15.0).
    {
      name: 'dose_ucum',
      cell: (m) => dosage(m)?.doseAndRate?.[0]?.doseQuantity?.code,
      fields: [
        { path: `${d}.doseAndRate[0].doseQuantity.code`, type: 'code', system: systems.ucum },
      ],
    },
    {
      name: 'route_code',
      cell: (m) => dosage(m)?.route?.coding?.[0]?.code,
      fields: [{ path: `${d}.route.coding[0].code`, type: 'code', system: systems.snomed }],
    },
    {
      name: 'frequency',
      cell: (m) => repeat(m)?.frequency,
      fields: [{ path: `${d}.timing.repeat.frequency`, type: 'integer' }],
    },
    {
      name: 'period',
      cell: (m) => repeat(m)?.period,
      fields: [{ path: `${d}.timing.repeat.period`, type: 'decimal' }],
    },
    {
      name: 'period_unit',
      cell: (m) => repeat(m)?.periodUnit,
      fields: [{ path: `${d}.timing.repeat.periodUnit`, type: 'code' }],
    },
    {
      name: 'times',
      cell: (m) => repeat(m)?.timeOfDay?.join(';'),
      fields: [{ path: `${d}.timing.repeat.timeOfDay`, type: 'string', split: ';' }],
    },
    {
      name: 'when',
      cell: (m) => repeat(m)?.when?.join(';'),
      fields: [{ path: `${d}.timing.repeat.when`, type: 'code', split: ';' }],
    },
    {
      name: 'days',
      cell: (m) => repeat(m)?.dayOfWeek?.join(';'),
      fields: [{ path: `${d}.timing.repeat.dayOfWeek`, type: 'code', split: ';' }],
    },
    {
      name: 'prn',
      cell: (m) => dosage(m)?.asNeededBoolean,
      fields: [{ path: `${d}.asNeededBoolean`, type: 'boolean' }],
    },
    {
      name: 'start_date',
      cell: (m) => repeat(m)?.boundsPeriod?.start,
      fields: [{ path: `${d}.timing.repeat.boundsPeriod.start`, type: 'dateTime' }],
    },
    {
      name: 'end_date',
      cell: (m) => repeat(m)?.boundsPeriod?.end,
      fields: [{ path: `${d}.timing.repeat.boundsPeriod.end`, type: 'dateTime' }],
    },
    {
      name: 'indication_snomed',
      cell: (m) => m.reasonCode?.[0]?.coding?.[0]?.code,
      fields: [{ path: 'reasonCode[0].coding[0].code', type: 'code', system: systems.snomed }],
    },
    {
      name: 'indication_problem_id',
      cell: (m) => m.reasonReference?.[0]?.reference?.split('/')[1],
      fields: [
        {
          path: 'reasonReference[0]',
          type: 'reference',
          reference: {
            resourceType: 'Condition',
            identifierSystem: `urn:caregraph:hospital:${hospitalPlaceholder}:problem`,
          },
        },
      ],
    },
    {
      name: 'quantity',
      cell: (m) => m.dispenseRequest?.quantity?.value,
      fields: [{ path: 'dispenseRequest.quantity.value', type: 'decimal' }],
    },
    {
      name: 'days_supply',
      cell: (m) => m.dispenseRequest?.expectedSupplyDuration?.value,
      fields: [{ path: 'dispenseRequest.expectedSupplyDuration.value', type: 'decimal' }],
    },
    {
      name: 'refills',
      cell: (m) => m.dispenseRequest?.numberOfRepeatsAllowed,
      fields: [{ path: 'dispenseRequest.numberOfRepeatsAllowed', type: 'integer' }],
    },
  ],
  rows: (resources) => ofType(resources, 'MedicationRequest'),
};
