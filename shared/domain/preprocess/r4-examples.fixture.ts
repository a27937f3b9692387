// Test fixtures (preprocess): one valid resource per supported type, shaped after the FHIR R4 (v4.0.1)
// specification examples (https://hl7.org/fhir/R4/<type>-example*.json), trimmed to the elements the
// rules check. Each call returns a fresh object so a test can break it without affecting others.
import type { FhirJson } from '../ingest/source-record';

const snomed = 'http://snomed.info/sct';
const loinc = 'http://loinc.org';
const ucum = 'http://unitsofmeasure.org';
const patientRef = { reference: 'Patient/example' };

export const r4Examples: Record<string, () => FhirJson> = {
  Patient: () => ({
    resourceType: 'Patient',
    id: 'example',
    identifier: [{ use: 'usual', system: 'urn:oid:1.2.36.146.595.217.0.1', value: '12345' }],
    active: true,
    name: [{ use: 'official', family: 'Chalmers', given: ['Peter', 'James'] }],
    gender: 'male',
    birthDate: '1974-12-25',
    deceasedBoolean: false,
    managingOrganization: { reference: 'Organization/1' },
  }),
  Encounter: () => ({
    resourceType: 'Encounter',
    id: 'example',
    status: 'in-progress',
    class: {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: 'IMP',
      display: 'inpatient encounter',
    },
    subject: patientRef,
    period: { start: '2015-01-17T16:00:00+10:00', end: '2015-01-17T16:30:00+10:00' },
  }),
  Condition: () => ({
    resourceType: 'Condition',
    id: 'example',
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
      ],
    },
    verificationStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' },
      ],
    },
    code: {
      coding: [
        { system: snomed, code: '44054006', display: 'Diabetes mellitus type 2' },
        {
          system: 'http://hl7.org/fhir/sid/icd-10-cm',
          code: 'E11.9',
          display: 'Type 2 diabetes mellitus without complications',
        },
      ],
    },
    subject: patientRef,
    onsetDateTime: '2012-05-24',
    recordedDate: '2012-05-24T10:00:00Z',
  }),
  Observation: () => ({
    resourceType: 'Observation',
    id: 'f001',
    status: 'final',
    code: {
      coding: [{ system: loinc, code: '15074-8', display: 'Glucose [Moles/volume] in Blood' }],
    },
    subject: { reference: 'Patient/f001', display: 'P. van de Heuvel' },
    effectivePeriod: { start: '2013-04-02T09:30:10+01:00' },
    issued: '2013-04-03T15:30:10+01:00',
    valueQuantity: { value: 6.3, unit: 'mmol/l', system: ucum, code: 'mmol/L' },
  }),
  BloodPressure: () => ({
    resourceType: 'Observation',
    id: 'blood-pressure',
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'vital-signs',
          },
        ],
      },
    ],
    code: {
      coding: [
        {
          system: loinc,
          code: '85354-9',
          display: 'Blood pressure panel with all children optional',
        },
      ],
    },
    subject: patientRef,
    effectiveDateTime: '1999-07-02',
    component: [
      {
        code: { coding: [{ system: loinc, code: '8480-6' }] },
        valueQuantity: { value: 107, unit: 'mmHg', system: ucum, code: 'mm[Hg]' },
      },
      {
        code: { coding: [{ system: loinc, code: '8462-4' }] },
        valueQuantity: { value: 60, unit: 'mmHg', system: ucum, code: 'mm[Hg]' },
      },
    ],
  }),
  MedicationRequest: () => ({
    resourceType: 'MedicationRequest',
    id: 'medrx0302',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: {
      coding: [
        {
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '582620',
          display: 'Nizatidine 15 MG/ML Oral Solution',
        },
      ],
    },
    subject: patientRef,
    authoredOn: '2015-01-15',
  }),
  MedicationStatement: () => ({
    resourceType: 'MedicationStatement',
    id: 'example001',
    status: 'active',
    medicationReference: { reference: '#med0309' },
    subject: patientRef,
    effectiveDateTime: '2015-01-23',
    dateAsserted: '2015-02-22',
  }),
  MedicationDispense: () => ({
    resourceType: 'MedicationDispense',
    id: 'meddisp008',
    status: 'completed',
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '313782' }],
    },
    subject: patientRef,
    quantity: {
      value: 30,
      system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm',
      code: 'TAB',
    },
    whenHandedOver: '2015-01-15T10:20:00Z',
  }),
  AllergyIntolerance: () => ({
    resourceType: 'AllergyIntolerance',
    id: 'example',
    clinicalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
          code: 'active',
        },
      ],
    },
    verificationStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
          code: 'confirmed',
        },
      ],
    },
    type: 'allergy',
    category: ['food'],
    criticality: 'high',
    code: { coding: [{ system: snomed, code: '227493005', display: 'Cashew nuts' }] },
    patient: patientRef,
    onsetDateTime: '2004',
    recordedDate: '2014-10-09T14:58:00+11:00',
    reaction: [
      {
        manifestation: [
          { coding: [{ system: snomed, code: '39579001', display: 'Anaphylactic reaction' }] },
        ],
        severity: 'severe',
      },
    ],
  }),
  FamilyMemberHistory: () => ({
    resourceType: 'FamilyMemberHistory',
    id: 'father',
    status: 'completed',
    patient: patientRef,
    date: '2011-03-18',
    relationship: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
          code: 'FTH',
          display: 'father',
        },
      ],
    },
    condition: [
      {
        code: { text: 'Heart Attack' },
        onsetAge: { value: 74, unit: 'yr', system: ucum, code: 'a' },
      },
    ],
  }),
  Procedure: () => ({
    resourceType: 'Procedure',
    id: 'example',
    status: 'completed',
    code: { coding: [{ system: snomed, code: '80146002', display: 'Appendectomy' }] },
    subject: patientRef,
    performedDateTime: '2013-04-05',
  }),
  Immunization: () => ({
    resourceType: 'Immunization',
    id: 'example',
    status: 'completed',
    vaccineCode: {
      coding: [{ system: 'urn:oid:1.2.36.1.2001.1005.17', code: 'FLUVAX' }],
      text: 'Fluvax (Influenza)',
    },
    patient: patientRef,
    occurrenceDateTime: '2013-01-10',
    primarySource: true,
    expirationDate: '2015-02-15',
  }),
  DiagnosticReport: () => ({
    resourceType: 'DiagnosticReport',
    id: 'cbc',
    status: 'final',
    code: {
      coding: [
        { system: loinc, code: '58410-2', display: 'Complete blood count (hemogram) panel' },
      ],
    },
    subject: patientRef,
    effectiveDateTime: '2011-03-04T08:30:00+11:00',
    issued: '2011-03-04T11:45:33+11:00',
    result: [{ reference: 'Observation/r1' }],
  }),
  DocumentReference: () => ({
    resourceType: 'DocumentReference',
    id: 'example',
    status: 'current',
    docStatus: 'preliminary',
    type: { coding: [{ system: loinc, code: '34108-1', display: 'Outpatient Note' }] },
    subject: patientRef,
    date: '2005-12-24T09:43:41+11:00',
    content: [
      {
        attachment: {
          contentType: 'application/hl7-v3+xml',
          url: 'http://example.org/xds/mhd/Binary/07a6483f',
          creation: '2005-12-24T09:35:00+11:00',
        },
      },
      { attachment: { contentType: 'text/plain', data: 'SGVsbG8sIHdvcmxkIQ==' } },
    ],
  }),
};
