// Domain (synth/fhir): the fixed codings the renderer writes besides the catalog's: HL7 code systems
// (terminology.hl7.org, FHIR R4 (4.0.1) bindings), SNOMED CT qualifiers and findings, LOINC note types.
// Every SNOMED CT id here passes the Verhoeff check (codes.test.ts) and appears in SNOMED CT International.
import type { Coding } from '@medplum/fhirtypes';
import type { FamilyHistoryEntry, TrueEncounter, TrueMedication, SynthNote } from '../model';
import { systems } from '../catalog';

export const hl7 = {
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  dischargeDisposition: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
  bcp47: 'urn:ietf:bcp:47',
  usCoreRace: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
  usCoreEthnicity: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity',
  usCoreBirthSex: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex',
  usCoreDocumentCategory:
    'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
} as const;

/** Encounter.class (v3-ActCode, FHIR R4 binding "ActEncounterCode"); wellness visits are ambulatory. */
export const encounterClass: Record<TrueEncounter['kind'], Coding> = {
  ambulatory: { system: hl7.actCode, code: 'AMB', display: 'ambulatory' },
  wellness: { system: hl7.actCode, code: 'AMB', display: 'ambulatory' },
  emergency: { system: hl7.actCode, code: 'EMER', display: 'emergency' },
  inpatient: { system: hl7.actCode, code: 'IMP', display: 'inpatient encounter' },
};

/** Encounter.type: the SNOMED CT procedure codes Synthea R4 output also uses for these visits. */
export const encounterType = {
  adultWellness: {
    system: systems.snomed,
    code: '162673000',
    display: 'General examination of patient (procedure)',
  },
  childWellness: {
    system: systems.snomed,
    code: '410620009',
    display: 'Well child visit (procedure)',
  },
  problem: {
    system: systems.snomed,
    code: '185347001',
    display: 'Encounter for problem (procedure)',
  },
  symptom: {
    system: systems.snomed,
    code: '185345009',
    display: 'Encounter for symptom (procedure)',
  },
  emergency: {
    system: systems.snomed,
    code: '50849002',
    display: 'Emergency room admission (procedure)',
  },
  inpatient: {
    system: systems.snomed,
    code: '32485007',
    display: 'Hospital admission (procedure)',
  },
} as const satisfies Record<string, Coding>;

/** Route of administration, SNOMED CT qualifier values (FHIR R4 "SNOMED CT Route Codes"). */
export const routeCoding: Record<TrueMedication['route'], Coding> = {
  oral: { system: systems.snomed, code: '26643006', display: 'Oral route (qualifier value)' },
  inhaled: {
    system: systems.snomed,
    code: '447694001',
    display: 'Respiratory tract route (qualifier value)',
  },
  subcutaneous: {
    system: systems.snomed,
    code: '34206005',
    display: 'Subcutaneous route (qualifier value)',
  },
  intravenous: {
    system: systems.snomed,
    code: '47625008',
    display: 'Intravenous route (qualifier value)',
  },
  topical: { system: systems.snomed, code: '6064005', display: 'Topical route (qualifier value)' },
};

/** How a sig says the route ("10 mg by mouth once daily"). */
export const routeSig: Record<TrueMedication['route'], string> = {
  oral: 'by mouth',
  inhaled: 'inhaled',
  subcutaneous: 'subcutaneously',
  intravenous: 'intravenously',
  topical: 'applied topically',
};

/** Answers to LOINC 72166-2 (US Core 6.1.0 Smoking Status, value set "Smoking Status Comprehensive"). */
export const smokingAnswer = {
  never: { system: systems.snomed, code: '266919005', display: 'Never smoked tobacco (finding)' },
  former: { system: systems.snomed, code: '8517006', display: 'Ex-smoker (finding)' },
  current: { system: systems.snomed, code: '449868002', display: 'Smokes tobacco daily (finding)' },
} as const satisfies Record<string, Coding>;

/**
 * Answers to LOINC 67775-7 by ACVPU level (TrueMeasurement value 0-4), SNOMED CT findings with the
 * displays of the SNOMED CT International Edition 2025-02-01 expansion on tx.fhir.org (as in the
 * IHE mPSC "Level of Responsiveness AVPU" value set plus 130987000 for new confusion, which NEWS2
 * scores like V, P and U: RCP NEWS2 2017).
 */
export const consciousnessAnswer = [
  { system: systems.snomed, code: '248234008', display: 'Mentally alert' },
  { system: systems.snomed, code: '130987000', display: 'Acute confusion' },
  { system: systems.snomed, code: '300202002', display: 'Responds to voice' },
  { system: systems.snomed, code: '450847001', display: 'Responds to pain' },
  { system: systems.snomed, code: '422768004', display: 'Unresponsive' },
] as const satisfies readonly Coding[];

/** Condition.severity (FHIR R4 binding "Condition/Diagnosis Severity", SNOMED CT severity qualifiers). */
export const severityCoding = {
  mild: { system: systems.snomed, code: '255604002', display: 'Mild (qualifier value)' },
  moderate: {
    system: systems.snomed,
    code: '6736007',
    display: 'Moderate (severity modifier) (qualifier value)',
  },
  severe: {
    system: systems.snomed,
    code: '24484000',
    display: 'Severe (severity modifier) (qualifier value)',
  },
} as const satisfies Record<string, Coding>;

/** FamilyMemberHistory.relationship (v3-RoleCode) and the relative's administrative sex. */
export const relative: Record<
  FamilyHistoryEntry['relationship'],
  { coding: Coding; sex: 'female' | 'male' }
> = {
  mother: { coding: { system: hl7.roleCode, code: 'MTH', display: 'mother' }, sex: 'female' },
  father: { coding: { system: hl7.roleCode, code: 'FTH', display: 'father' }, sex: 'male' },
  sister: { coding: { system: hl7.roleCode, code: 'SIS', display: 'sister' }, sex: 'female' },
  brother: { coding: { system: hl7.roleCode, code: 'BRO', display: 'brother' }, sex: 'male' },
  'maternal-grandmother': {
    coding: { system: hl7.roleCode, code: 'MGRMTH', display: 'maternal grandmother' },
    sex: 'female',
  },
  'paternal-grandfather': {
    coding: { system: hl7.roleCode, code: 'PGRFTH', display: 'paternal grandfather' },
    sex: 'male',
  },
};

/** DocumentReference.type: LOINC document ontology codes of the three note kinds (LOINC 2.78). */
export const noteType: Record<SynthNote['kind'], Coding> = {
  'history-and-physical': {
    system: systems.loinc,
    code: '34117-2',
    display: 'History and physical note',
  },
  progress: { system: systems.loinc, code: '11506-3', display: 'Progress note' },
  'discharge-summary': { system: systems.loinc, code: '18842-5', display: 'Discharge summary' },
};
