// Domain (synth/fhir): the patients.csv and encounters.csv tables of the flat EHR extract, read from
// the rendered Patient and Encounter resources (so the CSV and the FHIR export always agree).
import type { Encounter, Extension, Patient } from '@medplum/fhirtypes';
import { systems } from '../catalog';
import { mrnSystem } from './patient';
import { visitSystem } from './encounters';
import { hl7 } from './vocabulary';
import { hospitalPlaceholder, mrnColumn, ofType, type CsvTable } from './csv-table';

const race = `extension[url=${hl7.usCoreRace}]`;
const ethnicity = `extension[url=${hl7.usCoreEthnicity}]`;

function omb(patient: Patient, url: string, part: 'ombCategory' | 'text'): Extension | undefined {
  return patient.extension?.find((e) => e.url === url)?.extension?.find((e) => e.url === part);
}

export const patientsTable: CsvTable<Patient> = {
  resourceType: 'Patient',
  description: 'One row per patient (registration system demographics).',
  key: ['mrn'],
  constants: [
    { path: 'identifier[0].system', value: mrnSystem(hospitalPlaceholder), type: 'uri' },
    { path: 'identifier[0].type.coding[0].system', value: hl7.identifierType, type: 'uri' },
    { path: 'identifier[0].type.coding[0].code', value: 'MR', type: 'code' },
  ],
  columns: [
    {
      name: 'mrn',
      cell: (p) => p.identifier?.[0]?.value,
      fields: [{ path: 'identifier[0].value' }],
    },
    { name: 'family', cell: (p) => p.name?.[0]?.family, fields: [{ path: 'name[0].family' }] },
    { name: 'given', cell: (p) => p.name?.[0]?.given?.[0], fields: [{ path: 'name[0].given[0]' }] },
    {
      name: 'middle',
      cell: (p) => p.name?.[0]?.given?.slice(1).join(' ') || undefined,
      fields: [{ path: 'name[0].given[1]' }],
    },
    {
      name: 'prefix',
      cell: (p) => p.name?.[0]?.prefix?.[0],
      fields: [{ path: 'name[0].prefix[0]' }],
    },
    {
      name: 'sex',
      cell: (p) => (p.gender === 'female' ? 'F' : p.gender === 'male' ? 'M' : undefined),
      fields: [
        { path: 'gender', type: 'code', map: { F: 'female', M: 'male' } },
        { path: `extension[url=${hl7.usCoreBirthSex}].valueCode`, type: 'code' },
      ],
    },
    { name: 'birth_date', cell: (p) => p.birthDate, fields: [{ path: 'birthDate', type: 'date' }] },
    {
      name: 'deceased_at',
      cell: (p) => p.deceasedDateTime,
      fields: [{ path: 'deceasedDateTime', type: 'dateTime' }],
    },
    {
      name: 'race_code',
      cell: (p) => omb(p, hl7.usCoreRace, 'ombCategory')?.valueCoding?.code,
      fields: [
        {
          path: `${race}.extension[url=ombCategory].valueCoding.code`,
          type: 'code',
          system: systems.omb,
        },
      ],
    },
    {
      name: 'race',
      cell: (p) => omb(p, hl7.usCoreRace, 'text')?.valueString,
      fields: [{ path: `${race}.extension[url=text].valueString` }],
    },
    {
      name: 'ethnicity_code',
      cell: (p) => omb(p, hl7.usCoreEthnicity, 'ombCategory')?.valueCoding?.code,
      fields: [
        {
          path: `${ethnicity}.extension[url=ombCategory].valueCoding.code`,
          type: 'code',
          system: systems.omb,
        },
      ],
    },
    {
      name: 'ethnicity',
      cell: (p) => omb(p, hl7.usCoreEthnicity, 'text')?.valueString,
      fields: [{ path: `${ethnicity}.extension[url=text].valueString` }],
    },
    {
      name: 'address_line1',
      cell: (p) => p.address?.[0]?.line?.[0],
      fields: [{ path: 'address[0].line[0]' }],
    },
    {
      name: 'address_line2',
      cell: (p) => p.address?.[0]?.line?.[1],
      fields: [{ path: 'address[0].line[1]' }],
    },
    { name: 'city', cell: (p) => p.address?.[0]?.city, fields: [{ path: 'address[0].city' }] },
    { name: 'state', cell: (p) => p.address?.[0]?.state, fields: [{ path: 'address[0].state' }] },
    {
      name: 'zip',
      cell: (p) => p.address?.[0]?.postalCode,
      fields: [{ path: 'address[0].postalCode' }],
    },
    {
      name: 'country',
      cell: (p) => p.address?.[0]?.country,
      fields: [{ path: 'address[0].country' }],
    },
    {
      name: 'phone',
      cell: (p) => p.telecom?.find((t) => t.system === 'phone')?.value,
      fields: [{ path: 'telecom[system=phone].value' }],
    },
    {
      name: 'email',
      cell: (p) => p.telecom?.find((t) => t.system === 'email')?.value,
      fields: [{ path: 'telecom[system=email].value' }],
    },
    {
      name: 'language',
      cell: (p) => p.communication?.[0]?.language.coding?.[0]?.code,
      fields: [
        { path: 'communication[0].language.coding[0].code', type: 'code', system: hl7.bcp47 },
      ],
    },
    {
      name: 'marital_status',
      cell: (p) => p.maritalStatus?.coding?.[0]?.code,
      fields: [
        {
          path: 'maritalStatus.coding[0].code',
          type: 'code',
          system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus',
        },
      ],
    },
  ],
  rows: (resources) => ofType(resources, 'Patient'),
};

export const encountersTable: CsvTable<Encounter> = {
  resourceType: 'Encounter',
  description: 'One row per visit (ADT / registration).',
  key: ['visit_number'],
  constants: [
    { path: 'identifier[0].system', value: visitSystem(hospitalPlaceholder), type: 'uri' },
    { path: 'status', value: 'finished', type: 'code' },
  ],
  columns: [
    mrnColumn,
    {
      name: 'visit_number',
      cell: (e) => e.identifier?.[0]?.value,
      fields: [{ path: 'identifier[0].value' }],
    },
    {
      name: 'class',
      cell: (e) => e.class.code,
      fields: [{ path: 'class.code', type: 'code', system: hl7.actCode }],
    },
    {
      name: 'type_code',
      cell: (e) => e.type?.[0]?.coding?.[0]?.code,
      fields: [{ path: 'type[0].coding[0].code', type: 'code', system: systems.snomed }],
    },
    {
      name: 'type',
      cell: (e) => e.type?.[0]?.text,
      fields: [{ path: 'type[0].coding[0].display' }, { path: 'type[0].text' }],
    },
    {
      name: 'start',
      cell: (e) => e.period?.start,
      fields: [{ path: 'period.start', type: 'dateTime' }],
    },
    { name: 'end', cell: (e) => e.period?.end, fields: [{ path: 'period.end', type: 'dateTime' }] },
    {
      name: 'reason_code',
      cell: (e) => e.reasonCode?.[0]?.coding?.[0]?.code,
      fields: [{ path: 'reasonCode[0].coding[0].code', type: 'code', system: systems.snomed }],
    },
    {
      name: 'reason',
      cell: (e) => e.reasonCode?.[0]?.text,
      fields: [{ path: 'reasonCode[0].text' }],
    },
    {
      name: 'discharge_disposition',
      cell: (e) => e.hospitalization?.dischargeDisposition?.coding?.[0]?.code,
      fields: [
        {
          path: 'hospitalization.dischargeDisposition.coding[0].code',
          type: 'code',
          system: hl7.dischargeDisposition,
        },
      ],
    },
  ],
  rows: (resources) => ofType(resources, 'Encounter'),
};
