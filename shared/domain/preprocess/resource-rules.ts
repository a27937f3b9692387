// Domain (preprocess): the structural rules per resource type, transcribed from the FHIR R4 (v4.0.1)
// resource pages (https://hl7.org/fhir/R4/<type>.html): cardinality 1..* elements, required-binding
// codes, choice types and the primitive/complex type of the elements the pipeline reads. Elements not
// listed pass through unchecked (the JSON pass still checks their codes).
import type { ElementType } from './element-types';
import { concept, many, optional, required, status, type BackboneRule } from './rule-vocabulary';

export type { BackboneRule, ChoiceRule, ElementRule } from './rule-vocabulary';

const onsetTypes: readonly ElementType[] = ['dateTime', 'Age', 'Period', 'Range', 'string'];
const observationValueTypes: readonly ElementType[] = [
  'Quantity',
  'CodeableConcept',
  'string',
  'boolean',
  'integer',
  'Range',
  'Ratio',
  'SampledData',
  'time',
  'dateTime',
  'Period',
];
const terminology = 'http://terminology.hl7.org/CodeSystem/';

const observationComponent: BackboneRule = {
  elements: { code: required('CodeableConcept'), dataAbsentReason: optional('CodeableConcept') },
  choices: { value: { types: observationValueTypes } },
};

const documentContent: BackboneRule = {
  elements: { attachment: required('Attachment'), format: optional('Coding') },
};

const allergyReaction: BackboneRule = {
  elements: {
    manifestation: many('CodeableConcept', 1),
    severity: optional('code', ['mild', 'moderate', 'severe']),
    onset: optional('dateTime'),
  },
};

const familyCondition: BackboneRule = {
  elements: { code: required('CodeableConcept') },
  choices: { onset: { types: ['Age', 'Range', 'Period', 'string'] } },
};

/** Rules keyed by resourceType; `id`, `meta` and `text` are checked for every type elsewhere. */
export const resourceRules: Readonly<Record<string, BackboneRule>> = {
  Patient: {
    elements: {
      active: optional('boolean'),
      gender: optional('code', ['male', 'female', 'other', 'unknown']),
      birthDate: optional('date'),
      identifier: many('Identifier'),
      managingOrganization: optional('Reference'),
    },
    choices: {
      deceased: { types: ['boolean', 'dateTime'] },
      multipleBirth: { types: ['boolean', 'integer'] },
    },
  },
  Encounter: {
    elements: {
      status: status([
        'planned',
        'arrived',
        'triaged',
        'in-progress',
        'onleave',
        'finished',
        'cancelled',
        'entered-in-error',
        'unknown',
      ]),
      class: required('Coding'),
      type: many('CodeableConcept'),
      subject: optional('Reference'),
      period: optional('Period'),
      reasonCode: many('CodeableConcept'),
    },
  },
  Condition: {
    elements: {
      clinicalStatus: concept(`${terminology}condition-clinical`, [
        'active',
        'recurrence',
        'relapse',
        'inactive',
        'remission',
        'resolved',
      ]),
      verificationStatus: concept(`${terminology}condition-ver-status`, [
        'unconfirmed',
        'provisional',
        'differential',
        'confirmed',
        'refuted',
        'entered-in-error',
      ]),
      category: many('CodeableConcept'),
      code: optional('CodeableConcept'),
      subject: required('Reference'),
      encounter: optional('Reference'),
      recordedDate: optional('dateTime'),
    },
    choices: { onset: { types: onsetTypes }, abatement: { types: onsetTypes } },
  },
  Observation: {
    elements: {
      status: status([
        'registered',
        'preliminary',
        'final',
        'amended',
        'corrected',
        'cancelled',
        'entered-in-error',
        'unknown',
      ]),
      category: many('CodeableConcept'),
      code: required('CodeableConcept'),
      subject: optional('Reference'),
      encounter: optional('Reference'),
      issued: optional('instant'),
      dataAbsentReason: optional('CodeableConcept'),
      component: many(observationComponent),
    },
    choices: {
      effective: { types: ['dateTime', 'Period', 'Timing', 'instant'] },
      value: { types: observationValueTypes },
    },
  },
  MedicationRequest: {
    elements: {
      status: status([
        'active',
        'on-hold',
        'cancelled',
        'completed',
        'entered-in-error',
        'stopped',
        'draft',
        'unknown',
      ]),
      intent: required('code', [
        'proposal',
        'plan',
        'order',
        'original-order',
        'reflex-order',
        'filler-order',
        'instance-order',
        'option',
      ]),
      priority: optional('code', ['routine', 'urgent', 'asap', 'stat']),
      subject: required('Reference'),
      encounter: optional('Reference'),
      authoredOn: optional('dateTime'),
      requester: optional('Reference'),
    },
    choices: {
      medication: { types: ['CodeableConcept', 'Reference'], required: true },
      reported: { types: ['boolean', 'Reference'] },
    },
  },
  MedicationStatement: {
    elements: {
      status: status([
        'active',
        'completed',
        'entered-in-error',
        'intended',
        'stopped',
        'on-hold',
        'unknown',
        'not-taken',
      ]),
      subject: required('Reference'),
      dateAsserted: optional('dateTime'),
    },
    choices: {
      medication: { types: ['CodeableConcept', 'Reference'], required: true },
      effective: { types: ['dateTime', 'Period'] },
    },
  },
  MedicationDispense: {
    elements: {
      status: status([
        'preparation',
        'in-progress',
        'cancelled',
        'on-hold',
        'completed',
        'entered-in-error',
        'stopped',
        'declined',
        'unknown',
      ]),
      subject: optional('Reference'),
      quantity: optional('Quantity'),
      whenPrepared: optional('dateTime'),
      whenHandedOver: optional('dateTime'),
    },
    choices: {
      medication: { types: ['CodeableConcept', 'Reference'], required: true },
      statusReason: { types: ['CodeableConcept', 'Reference'] },
    },
  },
  AllergyIntolerance: {
    elements: {
      clinicalStatus: concept(`${terminology}allergyintolerance-clinical`, [
        'active',
        'inactive',
        'resolved',
      ]),
      verificationStatus: concept(`${terminology}allergyintolerance-verification`, [
        'unconfirmed',
        'confirmed',
        'refuted',
        'entered-in-error',
      ]),
      type: optional('code', ['allergy', 'intolerance']),
      category: {
        type: 'code',
        many: true,
        binding: { values: ['food', 'medication', 'environment', 'biologic'] },
      },
      criticality: optional('code', ['low', 'high', 'unable-to-assess']),
      code: optional('CodeableConcept'),
      patient: required('Reference'),
      recordedDate: optional('dateTime'),
      lastOccurrence: optional('dateTime'),
      reaction: many(allergyReaction),
    },
    choices: { onset: { types: onsetTypes } },
  },
  FamilyMemberHistory: {
    elements: {
      status: status(['partial', 'completed', 'entered-in-error', 'health-unknown']),
      patient: required('Reference'),
      date: optional('dateTime'),
      relationship: required('CodeableConcept'),
      sex: optional('CodeableConcept'),
      estimatedAge: optional('boolean'),
      condition: many(familyCondition),
    },
    choices: {
      born: { types: ['Period', 'date', 'string'] },
      age: { types: ['Age', 'Range', 'string'] },
      deceased: { types: ['boolean', 'Age', 'Range', 'date', 'string'] },
    },
  },
  Procedure: {
    elements: {
      status: status([
        'preparation',
        'in-progress',
        'not-done',
        'on-hold',
        'stopped',
        'completed',
        'entered-in-error',
        'unknown',
      ]),
      code: optional('CodeableConcept'),
      subject: required('Reference'),
      encounter: optional('Reference'),
    },
    choices: { performed: { types: ['dateTime', 'Period', 'string', 'Age', 'Range'] } },
  },
  Immunization: {
    elements: {
      status: status(['completed', 'entered-in-error', 'not-done']),
      vaccineCode: required('CodeableConcept'),
      patient: required('Reference'),
      encounter: optional('Reference'),
      recorded: optional('dateTime'),
      primarySource: optional('boolean'),
      expirationDate: optional('date'),
    },
    choices: { occurrence: { types: ['dateTime', 'string'], required: true } },
  },
  DiagnosticReport: {
    elements: {
      status: status([
        'registered',
        'partial',
        'preliminary',
        'final',
        'amended',
        'corrected',
        'appended',
        'cancelled',
        'entered-in-error',
        'unknown',
      ]),
      category: many('CodeableConcept'),
      code: required('CodeableConcept'),
      subject: optional('Reference'),
      issued: optional('instant'),
      result: many('Reference'),
      presentedForm: many('Attachment'),
    },
    choices: { effective: { types: ['dateTime', 'Period'] } },
  },
  DocumentReference: {
    elements: {
      status: status(['current', 'superseded', 'entered-in-error']),
      docStatus: optional('code', ['preliminary', 'final', 'amended', 'entered-in-error']),
      type: optional('CodeableConcept'),
      subject: optional('Reference'),
      date: optional('instant'),
      content: many(documentContent, 1),
    },
  },
};
