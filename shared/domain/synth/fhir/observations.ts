// Domain (synth/fhir): Observation resources for every TrueMeasurement: FHIR R4 (4.0.1) vital-signs
// profile shapes (BP as an 85354-9 panel), labs with reference range and interpretation, surveys,
// smoking status (US Core 6.1.0 Smoking Status, LOINC 72166-2) and ACVPU level of responsiveness
// (LOINC 67775-7, SNOMED CT answers), in the patient's mixed units.
import type { Coding, Observation, ObservationComponent, Quantity } from '@medplum/fhirtypes';
import type { RiskFactors, TrueMeasurement } from '../model';
import { measurements, systems, type MeasurementKey } from '../catalog';
import { ref, type RenderContext } from './context';
import { nameUuid } from './ids';
import { labReference } from './reference-ranges';
import { reportValue } from './units';
import { consciousnessAnswer, hl7, smokingAnswer } from './vocabulary';
import { ValidationError } from '../../errors';

const categoryDisplay = {
  'vital-signs': 'Vital Signs',
  laboratory: 'Laboratory',
  survey: 'Survey',
  'social-history': 'Social History',
  exam: 'Exam',
  activity: 'Activity',
} as const;

const vitalProfile = 'http://hl7.org/fhir/StructureDefinition/';
/** FHIR R4 vital-signs profiles (hl7.org/fhir/R4/observation-vitalsigns.html) by measurement. */
const profileByKey: Partial<Record<MeasurementKey, string>> = {
  bloodPressurePanel: 'bp',
  systolic: 'vitalsigns',
  diastolic: 'vitalsigns',
  heartRate: 'heartrate',
  respiratoryRate: 'resprate',
  oxygenSaturation: 'oxygensat',
  bodyTemperature: 'bodytemp',
  bodyWeight: 'bodyweight',
  bodyHeight: 'bodyheight',
  bmi: 'bmi',
  bmiPercentile: 'vitalsigns',
};

/** The R4 oxygensat profile fixes LOINC 2708-6; US Core Pulse Oximetry adds 59408-5, so both are sent. */
const arterialSaturation: Coding = {
  system: systems.loinc,
  code: '2708-6',
  display: 'Oxygen saturation in Arterial blood',
};

/** The smoking status of a TrueMeasurement: value 0 never, 1 former, 2 current (else the risk factor). */
export function smokingStatusOf(
  value: number,
  fallback: RiskFactors['smoking'],
): RiskFactors['smoking'] {
  return value === 0 ? 'never' : value === 1 ? 'former' : value === 2 ? 'current' : fallback;
}

/**
 * One Observation per measurement, in model order, then a smoking-status Observation at the last
 * encounter for patients of 12 or older whose measurements carry none (US Core asks for one).
 */
export function renderObservations(ctx: RenderContext): Observation[] {
  const { measurements: list, riskFactors, demographics, encounters } = ctx.patient;
  const observations = list.map((measurement, index) => renderMeasurement(ctx, measurement, index));
  const last = encounters[encounters.length - 1];
  if (last && demographics.ageYears >= 12 && !list.some((m) => m.key === 'smokingStatus')) {
    const at = last.start;
    const measurement = {
      key: 'smokingStatus' as const,
      at,
      value: -1,
      unit: '',
      encounterId: last.id,
    };
    const observation = renderMeasurement(ctx, measurement, list.length);
    observation.id = nameUuid(ctx.patient.id, `Observation/smoking/${riskFactors.smoking}/${at}`);
    observations.push(observation);
  }
  return observations;
}

function renderMeasurement(
  ctx: RenderContext,
  measurement: TrueMeasurement,
  index: number,
): Observation {
  const definition = measurements[measurement.key];
  // Assigned in FHIR element order (meta before status), so serialised lines read naturally.
  const observation = {
    resourceType: 'Observation',
    id: nameUuid(ctx.patient.id, `Observation/${index}/${measurement.key}`),
  } as Observation;
  const profile = profileByKey[measurement.key];
  if (profile) observation.meta = { profile: [vitalProfile + profile] };
  observation.status = 'final';
  observation.category = [
    {
      coding: [
        {
          system: hl7.observationCategory,
          code: definition.category,
          display: categoryDisplay[definition.category],
        },
      ],
    },
  ];
  observation.code = loincConcept(definition.loinc, definition.display);
  observation.subject = ref('Patient', ctx.patientId);
  const encounterId = measurement.encounterId && ctx.encounterIds.get(measurement.encounterId);
  if (encounterId) observation.encounter = ref('Encounter', encounterId);
  observation.effectiveDateTime = measurement.at;
  if (measurement.key === 'bloodPressurePanel') {
    observation.component = bloodPressureComponents(measurement);
  } else if (measurement.key === 'smokingStatus') {
    const answer =
      smokingAnswer[smokingStatusOf(measurement.value, ctx.patient.riskFactors.smoking)];
    observation.valueCodeableConcept = { coding: [{ ...answer }], text: answer.display };
  } else if (measurement.key === 'consciousness') {
    const answer = consciousnessAnswer[measurement.value];
    if (!answer) throw new ValidationError(`ACVPU level ${measurement.value} is not 0-4`, 'value');
    observation.valueCodeableConcept = { coding: [{ ...answer }], text: answer.display };
  } else {
    addQuantity(ctx, observation, measurement);
  }
  return observation;
}

/** valueQuantity in the patient's unit for this quantity; reference range and flag for labs. */
function addQuantity(
  ctx: RenderContext,
  observation: Observation,
  measurement: TrueMeasurement,
): void {
  const reported = reportValue(measurement.key, measurement.value, ctx.units);
  if (reported.loinc !== measurements[measurement.key].loinc) {
    observation.code = loincConcept(reported.loinc, reported.display);
  } else if (measurement.key === 'oxygenSaturation') {
    observation.code!.coding!.unshift({ ...arterialSaturation });
  }
  observation.valueQuantity = quantity(reported.value, reported.unit, reported.code);
  if (measurements[measurement.key].category !== 'laboratory') return;
  const reference = labReference(
    reported.loinc,
    reported.code,
    reported.value,
    ctx.patient.demographics.sex,
  );
  if (reference) {
    observation.interpretation = reference.interpretation;
    observation.referenceRange = reference.referenceRange;
  }
}

/** Systolic and diastolic components; a missing diastolic is "unknown" (the bp profile needs both). */
function bloodPressureComponents(measurement: TrueMeasurement): ObservationComponent[] {
  const systolic: ObservationComponent = {
    code: loincConcept(measurements.systolic.loinc, measurements.systolic.display),
    valueQuantity: quantity(Math.round(measurement.value), 'mm[Hg]', 'mm[Hg]'),
  };
  const diastolic: ObservationComponent = {
    code: loincConcept(measurements.diastolic.loinc, measurements.diastolic.display),
  };
  if (measurement.diastolic === undefined) {
    diastolic.dataAbsentReason = {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown' },
      ],
    };
  } else {
    diastolic.valueQuantity = quantity(Math.round(measurement.diastolic), 'mm[Hg]', 'mm[Hg]');
  }
  return [systolic, diastolic];
}

export function loincConcept(code: string, display: string): { coding: Coding[]; text: string } {
  return { coding: [{ system: systems.loinc, code, display }], text: display };
}

export function quantity(value: number, unit: string, code: string): Quantity {
  return { value, unit, system: systems.ucum, code };
}
