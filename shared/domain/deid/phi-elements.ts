// Domain (deid): which elements of a FHIR R4 resource hold HIPAA Safe Harbor identifiers
// (45 CFR 164.514(b)(2)(i), identifiers (A)-(R)), decided by the element's FHIR data TYPE, not by its
// name: an Identifier is an identifier whether it is `identifier`, `Specimen.accessionIdentifier`,
// `ServiceRequest.requisition` or an extension's `valueIdentifier`. Used per element by the serving
// projection (serving/resource-projection.ts) and the research copy (structured.ts). The type tables
// are generated from the R4 StructureDefinitions (fhir-phi-elements.build.ts); the string elements
// below are identifiers that R4 types as plain strings, so no type table can find them.
import {
  ageKeys,
  ageRangeKeys,
  freeTextKeys,
  freeTextPaths,
  impersonalReferenceKeys,
  impersonalReferencePaths,
  phiTypeByKey,
  phiTypeByPath,
} from './fhir-phi-elements';

/** The data types that carry identifiers wherever they appear (see fhir-phi-elements.ts). */
export type PhiDataType = 'Identifier' | 'HumanName' | 'Address' | 'ContactPoint' | 'Attachment';

/**
 * What an element holds: one of `PhiDataType`, or `IdentifyingString`, a number R4 types as a string.
 * Callers remove all of them except Identifier (pseudonymised or dropped), Attachment (content and
 * links dropped) and the Patient's own address (generalised to state and ZIP3).
 */
export type PhiElementKind = PhiDataType | 'IdentifyingString';

/**
 * String elements that are identifying numbers or names, by element path, with the Safe Harbor identifier each
 * one is. Checked against the R4 definitions in phi-elements.test.ts. Kept on purpose: the lot number
 * of a medication or vaccine (Medication.batch.lotNumber, Immunization.lotNumber), a batch shared by
 * many patients and no device identifier, which safety studies need.
 */
export const identifyingStringElements: Readonly<Record<string, string>> = {
  // (A) names: labels R4 types as strings that are, in practice, a person's name ("Amara Okafor",
  // "Okafor family care team"), too short for the free-text de-identifier's context cues
  'Account.name': 'A',
  'CareTeam.name': 'A',
  // (I) health plan beneficiary numbers
  'Coverage.subscriberId': 'I',
  'Coverage.dependent': 'I',
  // (R) any other unique identifying number: a payer's prior-authorisation reference for this patient
  'Claim.insurance.preAuthRef': 'R',
  'ClaimResponse.preAuthRef': 'R',
  'CoverageEligibilityResponse.preAuthRef': 'R',
  'ExplanationOfBenefit.preAuthRef': 'R',
  'ExplanationOfBenefit.insurance.preAuthRef': 'R',
  // (M) device identifiers and serial numbers: the UDI (device identifier and production identifiers:
  // serial, lot, distinct identification code) and its barcode forms
  'Device.serialNumber': 'M',
  'Device.lotNumber': 'M',
  'Device.distinctIdentifier': 'M',
  'Device.udiCarrier.deviceIdentifier': 'M',
  'Device.udiCarrier.carrierHRF': 'M',
  'Device.udiCarrier.carrierAIDC': 'M',
  // (R) DICOM series and instance UIDs (the study UID is an ImagingStudy.identifier)
  'ImagingStudy.series.uid': 'R',
  'ImagingStudy.series.instance.uid': 'R',
};

const byKey = new Map(Object.entries(phiTypeByKey));
const byPath = new Map<string, PhiElementKind>([
  ...Object.entries(phiTypeByPath),
  ...Object.keys(identifyingStringElements).map((p) => [p, 'IdentifyingString'] as const),
]);
/** The last segments of `byPath`, so most keys are decided without building a path. */
const pathKeys = new Set([...byPath.keys()].map((p) => p.slice(p.lastIndexOf('.') + 1)));

/**
 * The kind of identifier element `key` is, in the element at `parentPath` (its element path from the
 * resource root, `Specimen`, `Device.udiCarrier`; array indexes left out), or undefined when it holds
 * none. A `_key` (a primitive's id and extensions) goes with its element. Keys inside data types
 * (Reference, Extension...) are found by key alone: the generated tables guarantee that is enough.
 */
export function phiElementKind(parentPath: string, key: string): PhiElementKind | undefined {
  const name = key.charCodeAt(0) === 95 /* _ */ ? key.slice(1) : key;
  const kind = byKey.get(name);
  if (kind || !pathKeys.has(name)) return kind;
  return byPath.get(`${parentPath}.${name}`);
}

const textKeys = new Set(freeTextKeys);
const textPaths = new Set(freeTextPaths);
const textPathKeys = new Set(freeTextPaths.map((p) => p.slice(p.lastIndexOf('.') + 1)));

/**
 * Whether the string element `key` of the element at `parentPath` is free text (an R4 string or
 * markdown element such as `comment`, `Account.name`, `DiagnosticReport.conclusion`,
 * `Dosage.patientInstruction` or a Reference's `display`), which may name or date anyone and so is
 * de-identified as text. Decided by the element's R4 type (fhir-phi-elements.ts), not a list of names.
 */
export function isFreeText(parentPath: string, key: string): boolean {
  if (textKeys.has(key)) return true;
  return textPathKeys.has(key) && textPaths.has(`${parentPath}.${key}`);
}

const impersonalKeys = new Set(impersonalReferenceKeys);
const impersonalPaths = new Set(impersonalReferencePaths);

/**
 * Whether the Reference at element path `path` (`MedicationRequest.medicationReference`), the element
 * `key` of its parent, is one R4 lets point at no person (Patient, Practitioner, PractitionerRole,
 * RelatedPerson, Person, Account, CareTeam) nor at any resource (Reference(Any)), so that its
 * `display` names a thing: a medication, a specimen, an encounter. False for every other element, a
 * Reference the tables cannot place included (fhir-phi-elements.build.ts deriveImpersonalReferences).
 */
export function isImpersonalReference(path: string, key: string): boolean {
  return impersonalKeys.has(key) || impersonalPaths.has(path);
}

/** The keys of the R4 Age elements (`onsetAge`, `ageAge`, `deceasedAge`, `valueAge`...), wherever they are. */
export const ageElementKeys: ReadonlySet<string> = new Set(ageKeys);
/** The keys of the R4 Range elements that are age ranges (`onsetRange`, `ageRange`...), wherever they are. */
export const ageRangeElementKeys: ReadonlySet<string> = new Set(ageRangeKeys);

/**
 * Whether `value`, the element `key` of its parent, is a Coding: under `coding` (CodeableConcept.coding),
 * or with a Coding's system or code (a Reference has neither). Its `display` is the code system's text
 * for its code, not free text.
 */
export function isCoding(value: object, key: string): boolean {
  if (key === 'coding') return true;
  const { system, code } = value as { system?: unknown; code?: unknown };
  return typeof system === 'string' || typeof code === 'string';
}

/**
 * The element path of `value`, the element `key` of the element at `path`. A resource inside another
 * (Bundle.entry.resource, Parameters.parameter.resource) is its own root; a primitive has no children,
 * so needs no path of its own.
 */
export function childPath(path: string, key: string, value: unknown): string {
  if (typeof value !== 'object' || value === null) return path;
  const inner = (value as { resourceType?: unknown }).resourceType;
  return typeof inner === 'string' ? inner : `${path}.${key}`;
}

/**
 * Resource types whose `name` is a person's name (Safe Harbor (A)); elsewhere (a Medication, an
 * Organization) `name` is not PHI. Shared by the serving projection and the research copy.
 */
export const personTypes: ReadonlySet<string> = new Set([
  'Patient',
  'Practitioner',
  'RelatedPerson',
  'Person',
  'FamilyMemberHistory',
]);
