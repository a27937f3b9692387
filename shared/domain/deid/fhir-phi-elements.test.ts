// Tests (deid): the generated table of identifier-bearing FHIR elements matches the FHIR R4
// StructureDefinitions, and phi-elements.ts finds them by type whatever their name.
import { describe, expect, it } from 'vitest';
import {
  deriveAgeElements,
  deriveImpersonalReferences,
  derivePhiElements,
  deriveTextElements,
  personReferenceTargets,
  r4Elements,
} from './fhir-phi-elements.build';
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
import {
  ageElementKeys,
  ageRangeElementKeys,
  identifyingStringElements,
  isFreeText,
  isImpersonalReference,
  personTypes,
  phiElementKind,
} from './phi-elements';

describe('Table: fhir-phi-elements.ts', () => {
  it('is what fhir-phi-elements.build.ts derives from the R4 definitions (regenerate it if not)', () => {
    // Act
    const derived = derivePhiElements();
    // Assess
    expect(phiTypeByKey).toEqual(derived.byKey);
    expect(phiTypeByPath).toEqual(derived.byPath);
    const text = deriveTextElements();
    expect(freeTextKeys).toEqual(text.keys);
    expect(freeTextPaths).toEqual(text.paths);
    const references = deriveImpersonalReferences();
    expect(impersonalReferenceKeys).toEqual(references.keys);
    expect(impersonalReferencePaths).toEqual(references.paths);
    const ages = deriveAgeElements();
    expect(ageKeys).toEqual(ages.keys);
    expect(ageRangeKeys).toEqual(ages.rangeKeys);
  });

  it('has displays only on Codings and References in resources about patients', () => {
    // The research copy keeps a Coding's display and drops every other: in patient data, a Reference's.
    const elsewhere = ['RelatedArtifact', 'CodeSystem', 'ConceptMap', 'ValueSet', 'TestReport'];
    const owners = r4Elements()
      .filter((e) => e.key === 'display')
      .map((e) => e.path.split('.')[0]!);
    expect(owners).toContain('Coding');
    expect(owners).toContain('Reference');
    for (const owner of owners) expect(['Coding', 'Reference', ...elsewhere]).toContain(owner);
  });

  it("counts every person type's Reference as one that may name a person", () => {
    for (const type of [...personTypes, 'PractitionerRole'])
      expect(personReferenceTargets).toContain(type);
  });

  it('lists identifying string elements that R4 defines as primitives', () => {
    // Prepare
    const types = new Map<string, string[]>();
    for (const e of r4Elements()) types.set(e.path, [...(types.get(e.path) ?? []), e.type]);
    // Assess
    for (const path of Object.keys(identifyingStringElements))
      expect(types.get(path), path).toSatisfy((t: string[] | undefined) =>
        Boolean(t?.length && t.every((x) => ['string', 'id', 'base64Binary'].includes(x))),
      );
  });
});

describe('Function: phiElementKind', () => {
  it.each([
    ['Condition.extension', 'valueAddress', 'Address'],
    ['Condition.extension', 'valueContactPoint', 'ContactPoint'],
    ['Condition.extension', 'valueHumanName', 'HumanName'],
    ['Condition.stage.extension.extension', 'valueIdentifier', 'Identifier'],
    ['Specimen', 'accessionIdentifier', 'Identifier'],
    ['ServiceRequest', 'requisition', 'Identifier'],
    ['Observation.subject', 'identifier', 'Identifier'],
    ['Organization.contact', 'name', 'HumanName'],
    ['Organization', 'address', 'Address'],
    ['Device', 'contact', 'ContactPoint'],
    ['Coverage', 'subscriberId', 'IdentifyingString'],
    ['Coverage', '_subscriberId', 'IdentifyingString'],
    ['Device', 'serialNumber', 'IdentifyingString'],
    ['Device', 'lotNumber', 'IdentifyingString'],
    ['Device.udiCarrier', 'deviceIdentifier', 'IdentifyingString'],
    ['Device.udiCarrier', 'carrierHRF', 'IdentifyingString'],
    ['Device.udiCarrier', 'carrierAIDC', 'IdentifyingString'],
    ['DiagnosticReport', 'presentedForm', 'Attachment'],
  ])('finds %s.%s as %s', (path, key, kind) => {
    expect(phiElementKind(path, key)).toBe(kind);
  });

  it.each([
    ['Organization', 'name'],
    ['Medication', 'code'],
    ['Observation', 'valueString'],
    ['Observation.valueQuantity', 'value'],
    ['Immunization', 'lotNumber'],
    ['Endpoint', 'address'],
    ['Patient', 'contact'],
  ])('leaves %s.%s to the other rules', (path, key) => {
    expect(phiElementKind(path, key)).toBeUndefined();
  });
});

describe('Function: isFreeText', () => {
  it.each([
    ['Account', 'name'],
    ['DiagnosticReport', 'conclusion'],
    ['MedicationRequest.dosageInstruction', 'patientInstruction'],
    ['Communication.payload', 'contentString'],
    ['Observation.performer', 'display'],
    ['Condition', 'onsetString'],
    ['Observation.note', 'text'],
    ['DetectedIssue', 'detail'],
  ])('finds %s.%s as free text', (path, key) => {
    expect(isFreeText(path, key)).toBe(true);
  });

  it.each([
    ['Observation.code.coding', 'system'],
    ['Observation.code.coding', 'code'],
    ['Observation.code.coding', 'version'],
    ['Observation.valueQuantity', 'unit'],
    ['Observation', 'status'],
    ['Medication', 'status'],
    ['QuestionnaireResponse.item', 'linkId'],
    ['ParameterDefinition', 'name'],
    ['TestReport.setup.action.assert', 'detail'],
  ])('leaves %s.%s as it is', (path, key) => {
    expect(isFreeText(path, key)).toBe(false);
  });
});

describe('Function: isImpersonalReference', () => {
  it.each([
    ['MedicationRequest.medicationReference', 'medicationReference'],
    ['MedicationStatement.medicationReference', 'medicationReference'],
    ['Observation.specimen', 'specimen'],
    ['Encounter.serviceProvider', 'serviceProvider'],
    ['Observation.derivedFrom', 'derivedFrom'],
  ])('finds %s, which cannot point at a person', (path, key) => {
    expect(isImpersonalReference(path, key)).toBe(true);
  });

  it.each([
    ['Immunization.performer.actor', 'actor'],
    ['Observation.performer', 'performer'],
    ['MedicationRequest.requester', 'requester'],
    ['MedicationRequest.informationSource', 'informationSource'],
    ['Observation.subject', 'subject'],
    ['Encounter.participant.individual', 'individual'],
    ['Condition.extension.valueReference', 'valueReference'], // Reference(Any)
    ['Observation.focus', 'focus'], // Reference(Any)
    ['Observation.unknownElement', 'unknownElement'],
  ])('leaves %s, which may point at a person or is unknown', (path, key) => {
    expect(isImpersonalReference(path, key)).toBe(false);
  });
});

describe('Tables: ages', () => {
  it('has every R4 Age element and the age ranges beside them', () => {
    for (const key of [
      'onsetAge',
      'abatementAge',
      'ageAge',
      'deceasedAge',
      'performedAge',
      'valueAge',
    ])
      expect(ageElementKeys.has(key), key).toBe(true);
    expect([...ageRangeElementKeys]).toEqual([
      'abatementRange',
      'ageRange',
      'deceasedRange',
      'onsetRange',
      'performedRange',
      'timingRange',
    ]);
    expect(ageRangeElementKeys.has('valueRange')).toBe(false); // an extension's: any range
  });
});
