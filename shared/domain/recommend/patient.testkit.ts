// Test support (recommend): small FHIR R4 records built from clinical words, so each test states the
// patient it needs (age, sex, conditions, labs, medicines, allergies) and nothing else.
import type { Resource } from '@medplum/fhirtypes';
import type { RecommendationReport } from './model';

export const testAt = new Date('2025-06-01T12:00:00Z');

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export interface TestPatient {
  id?: string;
  /** Age in whole years at `testAt` (birthday one day after it, so age is exact). */
  age: number;
  /** Extra months on top of `age` (for infants). */
  months?: number;
  sex: 'female' | 'male';
  black?: boolean;
}

export function patient(p: TestPatient): Resource {
  const birth = new Date(testAt);
  birth.setUTCFullYear(birth.getUTCFullYear() - p.age);
  birth.setUTCMonth(birth.getUTCMonth() - (p.months ?? 0));
  birth.setUTCDate(birth.getUTCDate() - 1);
  return {
    resourceType: 'Patient',
    id: p.id ?? 'p1',
    gender: p.sex,
    birthDate: birth.toISOString().slice(0, 10),
    extension: [
      {
        url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
        extension: [
          {
            url: 'ombCategory',
            valueCoding: {
              system: 'urn:oid:2.16.840.1.113883.6.238',
              code: p.black ? '2054-5' : '2106-3',
              display: p.black ? 'Black or African American' : 'White',
            },
          },
        ],
      },
    ],
  };
}

/** An active Condition coded in ICD-10-CM (and SNOMED CT when given). */
export function condition(icd10: string, snomed?: string, onset = '2024-01-01'): Resource {
  return {
    resourceType: 'Condition',
    id: nextId('cond'),
    subject: { reference: 'Patient/p1' },
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
      ],
    },
    code: {
      coding: [
        { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: icd10 },
        ...(snomed ? [{ system: 'http://snomed.info/sct', code: snomed }] : []),
      ],
    },
    onsetDateTime: onset,
  };
}

/** A LOINC-coded quantity Observation taken `daysAgo` before `testAt`. */
export function observation(loinc: string, value: number, unit: string, daysAgo = 10): Resource {
  const when = new Date(testAt.getTime() - daysAgo * 86_400_000);
  return {
    resourceType: 'Observation',
    id: nextId('obs'),
    status: 'final',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    effectiveDateTime: when.toISOString(),
    valueQuantity: { value, unit, code: unit, system: 'http://unitsofmeasure.org' },
  };
}

export const bp = (sbp: number, dbp: number, daysAgo = 10) => [
  observation('8480-6', sbp, 'mm[Hg]', daysAgo),
  observation('8462-4', dbp, 'mm[Hg]', daysAgo),
];

/** An active MedicationRequest named as RxNorm writes it ("lisinopril 10 MG Oral Tablet"). */
export function medication(text: string): Resource {
  return {
    resourceType: 'MedicationRequest',
    id: nextId('med'),
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text },
    authoredOn: '2025-01-01',
  };
}

/** An active, confirmed AllergyIntolerance with a reaction. */
export function allergy(substance: string, reaction = 'Rash', code?: string): Resource {
  return {
    resourceType: 'AllergyIntolerance',
    id: nextId('allergy'),
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
    patient: { reference: 'Patient/p1' },
    code: {
      text: substance,
      ...(code ? { coding: [{ system: 'http://snomed.info/sct', code, display: substance }] } : {}),
    },
    reaction: [{ manifestation: [{ text: reaction }] }],
  };
}

/** Common code shortcuts (ICD-10-CM FY2025). */
export const icd = {
  hypertension: 'I10',
  type2Diabetes: 'E11.9',
  atrialFibrillation: 'I48.91',
  nstemi: 'I21.4',
  stroke: 'I63.9',
  ckd4: 'N18.4',
  pregnancy: 'Z34.90',
  otitisMedia: 'H66.90',
  asthma: 'J45.909',
  depression: 'F32.1',
  anxiety: 'F41.1',
  lungCancer: 'C34.90',
  colorectalCancer: 'C18.9',
  breastCancer: 'C50.919',
  heartFailure: 'I50.9',
} as const;

/** Tobacco smoking status (LOINC 72166-2): never (SNOMED 266919005) or current (449868002). */
export function smoking(status: 'never' | 'current', daysAgo = 10): Resource {
  const code = status === 'never' ? '266919005' : '449868002';
  return {
    resourceType: 'Observation',
    id: nextId('smoking'),
    status: 'final',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: 'http://loinc.org', code: '72166-2' }] },
    effectiveDateTime: new Date(testAt.getTime() - daysAgo * 86_400_000).toISOString(),
    valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code }] },
  };
}

export const loinc = {
  totalCholesterol: '2093-3',
  hdl: '2085-9',
  ldl: '18262-6',
  hba1c: '4548-4',
  egfr: '98979-8',
  creatinine: '2160-0',
  weight: '29463-7',
  phq9: '44261-6',
  gad7: '70274-6',
  potassium: '2823-3',
  lvef: '10230-1',
} as const;

/** The report's recommendation on `topic` (undefined when the report has none). */
export const recommendationOn = (report: RecommendationReport, topic: string) =>
  report.recommendations.find((r) => r.topic === topic);
