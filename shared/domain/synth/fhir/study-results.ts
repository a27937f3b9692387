// Domain (synth/fhir): the results of studies the notes report, as Observations. An echocardiogram
// in a note's workup reports the encounter's LVEF (notes/sections/results.ts draws it once for all
// the encounter's notes); the encounter gets one Observation of it, LOINC 10230-1 "Left ventricular
// Ejection fraction" (LOINC 2.78, method-less: the method is the study's), in % (UCUM), category
// imaging (FHIR R4 observation-category), at the encounter's start. A note that reports no number
// ("echo with preserved EF") still stands for a report that has one.
import type { Observation } from '@medplum/fhirtypes';
import type { SynthNote } from '../model';
import { ref, type RenderContext } from './context';
import { nameUuid } from './ids';
import { loincConcept, quantity } from './observations';
import { hl7 } from './vocabulary';

export const lvefLoinc = '10230-1';
const lvefDisplay = 'Left ventricular Ejection fraction';

/**
 * One LVEF Observation per encounter whose notes report an echocardiogram, in encounter order; then
 * one per LVEF measured outside the encounters (cardiac monitoring on trastuzumab, 1.9.0), at its
 * date, with no encounter.
 */
export function renderStudyResults(ctx: RenderContext, notes: readonly SynthNote[]): Observation[] {
  const lvefByEncounter = new Map<string, number>();
  for (const note of notes)
    if (note.echoLvef !== undefined && !lvefByEncounter.has(note.encounterId))
      lvefByEncounter.set(note.encounterId, note.echoLvef);
  const readings = ctx.patient.lvefReadings ?? [];
  if (lvefByEncounter.size === 0 && readings.length === 0) return [];
  const observations: Observation[] = [];
  for (const encounter of ctx.patient.encounters) {
    const lvef = lvefByEncounter.get(encounter.id);
    const encounterId = ctx.encounterIds.get(encounter.id);
    if (lvef === undefined || encounterId === undefined) continue;
    observations.push(
      lvefObservation(ctx, `Observation/lvef/${encounter.id}`, encounter.start, lvef, encounterId),
    );
  }
  for (const reading of readings)
    observations.push(
      lvefObservation(ctx, `Observation/lvef/${reading.date}`, reading.date, reading.value),
    );
  return observations;
}

/** One LVEF Observation, % (UCUM), category imaging; `encounterId` when it was measured at one. */
function lvefObservation(
  ctx: RenderContext,
  name: string,
  effective: string,
  lvef: number,
  encounterId?: string,
): Observation {
  // Keys in FHIR element order, as observation-json.ts writes them.
  return {
    resourceType: 'Observation',
    id: nameUuid(ctx.patient.id, name),
    status: 'final',
    category: [
      { coding: [{ system: hl7.observationCategory, code: 'imaging', display: 'Imaging' }] },
    ],
    code: loincConcept(lvefLoinc, lvefDisplay),
    subject: ref('Patient', ctx.patientId),
    ...(encounterId === undefined ? {} : { encounter: ref('Encounter', encounterId) }),
    effectiveDateTime: effective,
    valueQuantity: quantity(lvef, '%', '%'),
  };
}
