// Domain (synth/fhir): the Patient resource, shaped as US Core 6.1.0 Patient (identifier, name,
// gender, race/ethnicity/birth-sex extensions) on FHIR R4 (4.0.1).
import type { Coding, Extension, HumanName, Identifier, Patient } from '@medplum/fhirtypes';
import type { RenderContext } from './context';
import { hl7 } from './vocabulary';

/** The identifier system of a hospital's medical record numbers. */
export function mrnSystem(hospital: string): string {
  return `urn:caregraph:hospital:${hospital}:mrn`;
}

/** Patient from demographics; `deceasedDateTime` only when the caller says the patient died. */
export function renderPatient(ctx: RenderContext): Patient {
  const { demographics: d, hospital } = ctx.patient;
  const name: HumanName = { use: 'official', family: d.name.family, given: [...d.name.given] };
  if (d.name.prefix) name.prefix = [d.name.prefix];
  const patient: Patient = {
    resourceType: 'Patient',
    id: ctx.patientId,
    extension: [
      ombExtension(hl7.usCoreRace, d.race),
      ombExtension(hl7.usCoreEthnicity, d.ethnicity),
      // US Core 6.1.0 birth sex: the sex assigned at birth, code F or M (value set "Birth Sex").
      { url: hl7.usCoreBirthSex, valueCode: d.sex === 'female' ? 'F' : 'M' },
    ],
    identifier: [mrnIdentifier(hospital, d.mrn)],
    name: [name],
    telecom: [
      { system: 'phone', value: d.phone, use: 'home' },
      { system: 'email', value: d.email, use: 'home' },
    ],
    gender: d.sex,
    birthDate: d.birthDate,
  };
  if (ctx.options.deceasedDateTime) patient.deceasedDateTime = ctx.options.deceasedDateTime;
  patient.address = [
    {
      use: 'home',
      line: [...d.address.line],
      city: d.address.city,
      state: d.address.state,
      postalCode: d.address.postalCode,
      country: d.address.country,
    },
  ];
  if (d.maritalStatus) {
    patient.maritalStatus = { coding: [{ ...d.maritalStatus }], text: d.maritalStatus.display };
  }
  patient.communication = [
    { language: { coding: [{ ...d.language }], text: d.language.display }, preferred: true },
  ];
  return patient;
}

/** The MRN as US Core 6.1.0 wants a Patient identifier: typed (v2-0203 MR), with a system. */
function mrnIdentifier(hospital: string, mrn: string): Identifier {
  return {
    use: 'usual',
    type: {
      coding: [{ system: hl7.identifierType, code: 'MR', display: 'Medical Record Number' }],
      text: 'Medical Record Number',
    },
    system: mrnSystem(hospital),
    value: mrn,
  };
}

/** US Core race / ethnicity: an OMB category coding plus the required `text` sub-extension. */
function ombExtension(url: string, category: Coding): Extension {
  return {
    url,
    extension: [
      { url: 'ombCategory', valueCoding: { ...category } },
      { url: 'text', valueString: category.display ?? category.code ?? 'Unknown' },
    ],
  };
}
