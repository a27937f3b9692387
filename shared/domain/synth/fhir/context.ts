// Domain (synth/fhir): what every per-resource renderer needs to know about one patient: resource ids,
// which encounter or condition a record points at, the patient's units and UTC offset. Built once.
import type { ExtractResource, Reference, ResourceType } from '@medplum/fhirtypes';
import type { ConditionKey } from '../catalog';
import type { SynthPatient, TrueCondition } from '../model';
import { modelResourceId, nameUuid } from './ids';
import { chooseUnits, type UnitChoices } from './units';
import { utcOffset } from './calendar';

export interface RenderOptions {
  /** The export date (YYYY-MM-DD): medications still running then are active; dispenses stop there. */
  asOf: string;
  /**
   * When the patient died (FHIR dateTime), if they did. The patient model has no death field yet, so
   * the caller passes it; without it Patient.deceased[x] is omitted.
   */
  deceasedDateTime?: string;
}

export interface RenderContext {
  patient: SynthPatient;
  options: RenderOptions;
  patientId: string;
  /** The UTC offset of the patient's encounters, used for times the model gives as dates. */
  offset: string;
  units: UnitChoices;
  /** TrueEncounter.id -> Encounter resource id. */
  encounterIds: Map<string, string>;
  /** YYYY-MM-DD -> the first Encounter resource id that started that day. */
  encounterOnDate: Map<string, string>;
  /** The Condition resource id of each condition key (the active one when it recurred). */
  conditionIds: Map<ConditionKey, string>;
}

/** Build the context once per patient; every renderer reads it and none mutates it. */
export function renderContext(patient: SynthPatient, options: RenderOptions): RenderContext {
  const encounterIds = new Map<string, string>();
  const encounterOnDate = new Map<string, string>();
  for (const encounter of patient.encounters) {
    const id = modelResourceId(patient.id, 'Encounter', encounter.id);
    encounterIds.set(encounter.id, id);
    const day = encounter.start.slice(0, 10);
    if (!encounterOnDate.has(day)) encounterOnDate.set(day, id);
  }
  const conditionIds = new Map<ConditionKey, string>();
  patient.conditions.forEach((condition, index) => {
    const current = conditionIds.get(condition.key);
    if (current === undefined || condition.status === 'active') {
      conditionIds.set(condition.key, conditionResourceId(patient.id, condition, index));
    }
  });
  return {
    patient,
    options,
    patientId: modelResourceId(patient.id, 'Patient', patient.id),
    offset: (patient.encounters[0] && utcOffset(patient.encounters[0].start)) ?? 'Z',
    units: chooseUnits(patient.hospital, patient.id),
    encounterIds,
    encounterOnDate,
    conditionIds,
  };
}

/** The id of the Condition rendered for `patient.conditions[index]`. */
export function conditionResourceId(
  patientId: string,
  condition: TrueCondition,
  index: number,
): string {
  return nameUuid(patientId, `Condition/${index}/${condition.key}/${condition.onset}`);
}

/**
 * The id of the combination entry (1.17.0, catalog.ts `recordedEntries`) rendered for
 * `patient.conditions[index]`: its ICD-10-CM code and onset name it.
 */
export function combinationResourceId(
  patientId: string,
  condition: TrueCondition,
  index: number,
  icd10: string,
  onset: string,
): string {
  return nameUuid(
    patientId,
    `Condition/${index}/${condition.key}/${condition.onset}/${icd10}/${onset}`,
  );
}

/** A relative reference (`Patient/{id}`), the form FHIR Bulk Data NDJSON uses. */
export function ref<K extends ResourceType>(
  resourceType: K,
  id: string,
): Reference<ExtractResource<K>> {
  return { reference: `${resourceType}/${id}` };
}
