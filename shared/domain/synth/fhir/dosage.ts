// Domain (synth/fhir): a TrueMedication's dose as FHIR R4 (4.0.1) Dosage: timing.repeat, route,
// doseAndRate and the sig text a prescriber's system prints ("10 mg by mouth once daily in the morning").
import type { Dosage, Quantity, TimingRepeat } from '@medplum/fhirtypes';
import type { DosageTiming, TrueMedication } from '../model';
import { systems } from '../catalog';
import { routeCoding, routeSig } from './vocabulary';

/** Dose units the model may use -> UCUM (annotations in braces are valid UCUM units). */
const ucumDoseUnit: Record<string, string> = {
  mg: 'mg',
  g: 'g',
  mcg: 'ug',
  ug: 'ug',
  µg: 'ug',
  mL: 'mL',
  ml: 'mL',
  // Insulin and heparin units are international units in UCUM ([iU]); "U" is the enzyme unit.
  U: '[iU]',
  unit: '[iU]',
  units: '[iU]',
  IU: '[iU]',
  application: '{application}',
  applications: '{application}',
  puff: '{puff}',
  puffs: '{puff}',
  tablet: '{tbl}',
  tablets: '{tbl}',
  capsule: '{capsule}',
  capsules: '{capsule}',
  drop: '[drp]',
  drops: '[drp]',
};

const whenText: Record<NonNullable<DosageTiming['when']>[number], string> = {
  MORN: 'in the morning',
  AFT: 'in the afternoon',
  EVE: 'in the evening',
  NIGHT: 'at night',
  HS: 'at bedtime',
  AC: 'before meals',
  PC: 'after meals',
  ACM: 'before breakfast',
  ACD: 'before lunch',
  ACV: 'before dinner',
  PCM: 'after breakfast',
  PCD: 'after lunch',
  PCV: 'after dinner',
  C: 'with meals',
  CM: 'with breakfast',
  CD: 'with lunch',
  CV: 'with dinner',
};

const timesPerDay = ['once daily', 'twice daily', 'three times daily', 'four times daily'];
const periodWord = { h: 'hours', d: 'days', wk: 'weeks' } as const;

/** The Dosage of a medication; its timing is bounded by the medication's start and end. */
export function renderDosage(medication: TrueMedication): Dosage {
  const dosage: Dosage = { sequence: 1, text: sigText(medication) };
  if (medication.timing) dosage.timing = { repeat: timingRepeat(medication) };
  dosage.asNeededBoolean = medication.asNeeded ?? false;
  dosage.route = {
    coding: [{ ...routeCoding[medication.route] }],
    text: routeSig[medication.route],
  };
  dosage.doseAndRate = [{ doseQuantity: doseQuantity(medication.doseQuantity) }];
  return dosage;
}

/** "10 mg by mouth twice daily before breakfast and before dinner as needed". */
export function sigText(medication: TrueMedication): string {
  const parts = [medication.doseText, routeSig[medication.route]];
  const t = medication.timing;
  if (t) {
    parts.push(frequencyText(t));
    if (t.timeOfDay?.length)
      parts.push(`at ${t.timeOfDay.map((time) => time.slice(0, 5)).join(' and ')}`);
    else if (t.when?.length) parts.push(t.when.map((w) => whenText[w]).join(' and '));
    if (t.dayOfWeek?.length) parts.push(`on ${t.dayOfWeek.map(capitalise).join(', ')}`);
    if (t.cycle) parts.push(`on days 1-${t.cycle.daysOn} of each ${t.cycle.cycleDays}-day cycle`);
  }
  if (medication.asNeeded) parts.push('as needed');
  return parts.join(' ');
}

function frequencyText(t: DosageTiming): string {
  if (t.periodUnit === 'd' && t.period === 1 && t.frequency <= 4)
    return timesPerDay[t.frequency - 1]!;
  if (t.periodUnit === 'wk' && t.period === 1)
    return t.frequency === 1 ? 'once weekly' : `${t.frequency} times weekly`;
  if (t.frequency === 1) return `every ${t.period} ${periodWord[t.periodUnit]}`;
  return `${t.frequency} times every ${t.period} ${periodWord[t.periodUnit]}`;
}

/**
 * timing.repeat with boundsPeriod. FHIR R4 invariant tim-10 forbids timeOfDay together with when,
 * so a model timing with both keeps timeOfDay (the more precise of the two).
 */
function timingRepeat(medication: TrueMedication): TimingRepeat {
  const t = medication.timing!;
  const repeat: TimingRepeat = { boundsPeriod: { start: medication.start } };
  if (medication.end) repeat.boundsPeriod!.end = medication.end;
  repeat.frequency = t.frequency;
  repeat.period = t.period;
  repeat.periodUnit = t.periodUnit;
  if (t.dayOfWeek?.length) repeat.dayOfWeek = [...t.dayOfWeek];
  if (t.timeOfDay?.length) repeat.timeOfDay = t.timeOfDay.map(fhirTime);
  else if (t.when?.length) repeat.when = [...t.when];
  return repeat;
}

/** The dose as a Quantity, with UCUM system and code when the unit is one we can map. */
export function doseQuantity(dose: { value: number; unit: string }): Quantity {
  const code = ucumDoseUnit[dose.unit];
  return code
    ? { value: dose.value, unit: dose.unit, system: systems.ucum, code }
    : { value: dose.value, unit: dose.unit };
}

/** FHIR `time` is hh:mm:ss. */
function fhirTime(time: string): string {
  return time.length === 5 ? `${time}:00` : time;
}

function capitalise(day: string): string {
  return day.charAt(0).toUpperCase() + day.slice(1);
}
