// Tests (deid): the generated table of identifier-bearing FHIR elements matches the FHIR R4
// StructureDefinitions, and phi-elements.ts finds them by type whatever their name.
import { describe, expect, it } from 'vitest';
import { derivePhiElements, deriveTextElements, r4Elements } from './fhir-phi-elements.build';
import { freeTextKeys, freeTextPaths, phiTypeByKey, phiTypeByPath } from './fhir-phi-elements';
import { identifyingStringElements, isFreeText, phiElementKind } from './phi-elements';

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
