// Domain (synth/fhir): Encounter resources (FHIR R4 (4.0.1) Encounter; class from v3-ActCode,
// type from SNOMED CT), one per TrueEncounter, with the hospital's visit number as identifier.
import type { Coding, Encounter } from '@medplum/fhirtypes';
import type { TrueEncounter } from '../model';
import { conditions, systems } from '../catalog';
import { ref, type RenderContext } from './context';
import { encounterClass, encounterType, hl7 } from './vocabulary';

/** The identifier system of a hospital's visit (encounter) numbers. */
export function visitSystem(hospital: string): string {
  return `urn:caregraph:hospital:${hospital}:visit`;
}

/** The visit number of the patient's `index`-th encounter (0-based), as the registration system prints it. */
export function visitNumber(mrn: string, index: number): string {
  return `${mrn}-V${String(index + 1).padStart(4, '0')}`;
}

/** Every encounter of the patient, finished, in model order. */
export function renderEncounters(ctx: RenderContext): Encounter[] {
  return ctx.patient.encounters.map((encounter, index) => renderEncounter(ctx, encounter, index));
}

function renderEncounter(ctx: RenderContext, encounter: TrueEncounter, index: number): Encounter {
  const type = typeOf(ctx, encounter);
  const resource: Encounter = {
    resourceType: 'Encounter',
    id: ctx.encounterIds.get(encounter.id)!,
    identifier: [
      {
        use: 'official',
        type: { coding: [{ system: hl7.identifierType, code: 'VN', display: 'Visit number' }] },
        system: visitSystem(ctx.patient.hospital),
        value: visitNumber(ctx.patient.demographics.mrn, index),
      },
    ],
    status: 'finished',
    class: { ...encounterClass[encounter.kind] },
    type: [{ coding: [{ ...type }], text: type.display }],
    subject: ref('Patient', ctx.patientId),
    period: { start: encounter.start, end: encounter.end },
  };
  if (encounter.reason) {
    const snomed = conditions[encounter.reason].snomed;
    resource.reasonCode = [
      {
        coding: [{ system: systems.snomed, code: snomed.code, display: snomed.display }],
        text: snomed.display,
      },
    ];
    const conditionId = ctx.conditionIds.get(encounter.reason);
    if (conditionId) resource.reasonReference = [ref('Condition', conditionId)];
  }
  if (encounter.kind === 'inpatient') {
    resource.hospitalization = {
      dischargeDisposition: {
        coding: [{ system: hl7.dischargeDisposition, code: 'home', display: 'Home' }],
      },
    };
  }
  return resource;
}

/** Encounter.type: well-child visits before the 18th birthday, problem visits when there is a reason. */
function typeOf(ctx: RenderContext, encounter: TrueEncounter): Coding {
  switch (encounter.kind) {
    case 'wellness':
      return isChildOn(ctx.patient.demographics.birthDate, encounter.start)
        ? encounterType.childWellness
        : encounterType.adultWellness;
    case 'ambulatory':
      return encounter.reason ? encounterType.problem : encounterType.symptom;
    case 'emergency':
      return encounterType.emergency;
    case 'inpatient':
      return encounterType.inpatient;
  }
}

function isChildOn(birthDate: string, dateTime: string): boolean {
  const eighteenth = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4, 10)}`;
  return dateTime.slice(0, 10) < eighteenth;
}
