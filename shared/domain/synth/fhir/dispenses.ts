// Domain (synth/fhir): pharmacy fills of a medication (FHIR R4 (4.0.1) MedicationDispense), spaced so
// that the proportion of days covered (PDC) equals the patient's true adherence.
import type { CodeableConcept, MedicationDispense } from '@medplum/fhirtypes';
import type { TrueMedication } from '../model';
import { systems } from '../catalog';
import { Rng } from '../rng';
import { civilDate, epochDay } from './calendar';
import { ref, type RenderContext } from './context';
import { hash128, nameUuid } from './ids';
import { hl7 } from './vocabulary';

/**
 * How far back the pharmacy feed reaches: fills are rendered for the last 365 days of each course
 * (ending at the medication's end or `asOf`), as a claims/dispensing feed typically covers one year.
 */
export const dispenseLookbackDays = 365;

/** A fill: the day it was handed over (days since 1970-01-01) and the days it supplies. */
export interface Fill {
  day: number;
  daysSupply: number;
  /** True for the first fill of the course (v3-ActCode FF), else a refill (RF). */
  first: boolean;
}

/** The measurement window of a course: [start, end) in days since 1970-01-01; empty when end <= start. */
export function dispenseWindow(
  medication: TrueMedication,
  asOf: string,
): { start: number; end: number } {
  const stop = medication.end && medication.end < asOf ? medication.end : asOf;
  const end = epochDay(stop);
  return { start: Math.max(epochDay(medication.start), end - dispenseLookbackDays), end };
}

/**
 * The fills of a course. With adherence a and s days' supply, fills come every s/a days (each late
 * refill leaves s/a - s days uncovered), +-1 day of jitter. Within a window cut out of a longer
 * course, the first fill's offset is chosen so that PDC over the window is as close to a as whole
 * days allow (else a year of 90-day fills could only reach PDC 0.25, 0.5, ...); a course that starts
 * in the window is first filled on its start date. Adherence is clamped to [0.05, 1].
 */
export function fillSchedule(medication: TrueMedication, asOf: string, seed: string): Fill[] {
  const { start, end } = dispenseWindow(medication, asOf);
  const daysSupply = medication.dispense.daysSupply;
  if (end <= start || daysSupply <= 0) return [];
  const adherence = Math.min(1, Math.max(0.05, medication.adherence));
  const interval = daysSupply / adherence;
  const firstIsCourseStart = start === epochDay(medication.start);
  const phase = firstIsCourseStart ? 0 : bestPhase(end - start, interval, daysSupply, adherence);
  const rng = new Rng(...hash128(seed));
  const fills: Fill[] = [];
  for (let k = 0, day = start + phase; day < end; k++) {
    fills.push({ day, daysSupply, first: k === 0 && firstIsCourseStart });
    const next = start + phase + Math.round((k + 1) * interval) + rng.int(-1, 1);
    day = Math.max(next, day + 1);
  }
  return fills;
}

/** The first-fill offset (days into a window of `length`) whose un-jittered PDC is nearest `target`. */
function bestPhase(length: number, interval: number, daysSupply: number, target: number): number {
  let best = 0;
  let bestError = Infinity;
  for (let phase = 0; phase < Math.min(length, Math.ceil(interval)); phase++) {
    let covered = 0;
    for (let k = 0, day = phase; day < length; k++, day = phase + Math.round(k * interval)) {
      covered += Math.min(daysSupply, length - day);
    }
    const error = Math.abs(covered / length - target);
    if (error < bestError - 1e-12) {
      best = phase;
      bestError = error;
    }
  }
  return best;
}

/**
 * Proportion of days covered in [start, end): days on which some fill's supply was on hand, over
 * the window length (PQA PDC definition, without shifting early-refill overlaps forward).
 */
export function proportionOfDaysCovered(
  fills: readonly Fill[],
  start: number,
  end: number,
): number {
  if (end <= start) return 0;
  let covered = 0;
  let coveredUntil = start;
  for (const fill of [...fills].sort((a, b) => a.day - b.day)) {
    const from = Math.max(fill.day, coveredUntil);
    const to = Math.min(fill.day + fill.daysSupply, end);
    if (to > from) covered += to - from;
    coveredUntil = Math.max(coveredUntil, fill.day + fill.daysSupply);
  }
  return covered / (end - start);
}

/** The MedicationDispense resources of one MedicationRequest. */
export function renderDispenses(
  ctx: RenderContext,
  medication: TrueMedication,
  requestId: string,
  medicationConcept: CodeableConcept,
): MedicationDispense[] {
  const seed = `${ctx.patient.id}|dispense|${requestId}`;
  const fills = fillSchedule(medication, ctx.options.asOf, seed);
  const clock = new Rng(...hash128(`${seed}|clock`));
  return fills.map((fill, k) => {
    const minutes = clock.int(9 * 60, 19 * 60 - 1);
    const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
    return {
      resourceType: 'MedicationDispense',
      id: nameUuid(ctx.patient.id, `MedicationDispense/${requestId}/${k}`),
      status: 'completed',
      type: {
        coding: [
          fill.first
            ? { system: hl7.actCode, code: 'FF', display: 'First Fill' }
            : { system: hl7.actCode, code: 'RF', display: 'Refill' },
        ],
      },
      medicationCodeableConcept: {
        ...medicationConcept,
        coding: medicationConcept.coding?.map((coding) => ({ ...coding })),
      },
      subject: ref('Patient', ctx.patientId),
      authorizingPrescription: [ref('MedicationRequest', requestId)],
      quantity: { value: medication.dispense.quantity },
      daysSupply: { value: fill.daysSupply, unit: 'days', system: systems.ucum, code: 'd' },
      whenHandedOver: `${civilDate(fill.day)}T${time}${ctx.offset}`,
    };
  });
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
