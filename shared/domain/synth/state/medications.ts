// Domain (synth/state): turns the prescribing rules' orders into TrueMedications — dose text and quantity,
// timing, start/end, the adherence the patient truly achieves and the dispense pattern.
import type { TrueMedication } from '../model';
import type { Rng } from '../rng';
import { isoDate } from './calendar';
import {
  treatAtrialFibrillation,
  treatHypertension,
  treatLipids,
  treatType1Diabetes,
  treatType2Diabetes,
} from './cardiometabolic-prescribing';
import { drugs } from './drugs';
import { beta, round } from './math';
import {
  OrderBook,
  type AdherenceProfile,
  type Order,
  type PrescribingContext,
} from './order-book';
import {
  treatAdhd,
  treatAsthma,
  treatBreastCancer,
  treatCancerPain,
  treatCopd,
  treatEczema,
  treatMood,
  treatOtitisMedia,
} from './other-prescribing';
import {
  treatCoronaryDisease,
  treatDeepVeinThrombosis,
  treatHeartFailure,
  treatKidneyDisease,
  treatStroke,
} from './vascular-prescribing';

/** Rule order matters: anticoagulation before antiplatelets, heart-failure RAS blockade before hypertension. */
const rules = [
  treatType1Diabetes,
  treatType2Diabetes,
  treatHeartFailure,
  treatHypertension,
  treatAtrialFibrillation,
  treatCoronaryDisease,
  treatStroke,
  treatLipids,
  treatKidneyDisease,
  treatDeepVeinThrombosis,
  treatAsthma,
  treatCopd,
  treatMood,
  treatAdhd,
  treatBreastCancer,
  treatCancerPain,
  treatOtitisMedia,
  treatEczema,
];

/**
 * Proportion of days covered, Beta-distributed. Chronic cardiovascular and metabolic drugs: Beta(2.2, 0.85),
 * mean 0.72 with most patients near full coverage and a long tail of poor adherence — in line with the
 * meta-analysis of 376,162 patients (Naderi SH, Bestwick JP, Wald DS. Am J Med 2012;125:882: ≈57–66%
 * adherent). Antidepressants lower (mean 0.67; ≈half stop within 6 months, Olfson 2006), acute courses
 * higher (mean 0.8), as-needed use and stimulants ≈0.7, insulin 0.75 (modelling assumptions).
 */
const adherenceShapes: Record<AdherenceProfile, readonly [number, number]> = {
  chronic: [2.2, 0.85],
  antidepressant: [1.6, 0.8],
  course: [4, 1],
  'as-needed': [2, 1],
  stimulant: [2.5, 1],
  insulin: [3, 1],
};

function administrationsPerDay(order: Order): number {
  const { frequency, period, periodUnit } = order.timing;
  if (order.asNeeded) return 2;
  return periodUnit === 'h'
    ? (frequency * 24) / period
    : periodUnit === 'wk'
      ? frequency / (7 * period)
      : frequency / period;
}

function doseText(order: Order): string {
  const drug = drugs[order.drug];
  const amount = round(order.units * drug.strength.value, 2);
  if ('doseLabel' in drug && order.units === 1) return drug.doseLabel;
  switch (drug.doseUnit) {
    case 'mL':
      return `${Math.round(amount)} mg (${order.units} mL)`;
    case 'puff':
      return `${order.units} puffs`;
    case 'U':
      return `${order.units} units`;
    case 'application':
      return 'thin layer';
    default:
      return `${amount} ${drug.strength.unit}`;
  }
}

/** 30- or 90-day fills for maintenance drugs (≈45% of maintenance fills are 90-day; IQVIA 2020 trends). */
function dispense(rng: Rng, order: Order): TrueMedication['dispense'] {
  if (order.fill) return { ...order.fill };
  const drug = drugs[order.drug];
  const perDay = order.units * administrationsPerDay(order);
  if (order.end !== undefined || order.adherence === 'course') {
    const days = Math.max(1, (order.end ?? order.start + 7) - order.start);
    const total = perDay * days;
    return {
      quantity: drug.doseUnit === 'mL' ? Math.ceil(total / 25) * 25 : Math.ceil(total),
      daysSupply: days,
    };
  }
  if (drug.doseUnit === 'puff')
    return order.asNeeded
      ? { quantity: 1, daysSupply: 30 }
      : rng.chance(0.45)
        ? { quantity: 3, daysSupply: 90 }
        : { quantity: 1, daysSupply: 30 };
  if (drug.doseUnit === 'U') {
    const vials = Math.max(1, Math.ceil((perDay * 30) / 1000));
    return { quantity: 10 * vials, daysSupply: Math.min(90, Math.floor((1000 * vials) / perDay)) };
  }
  if (drug.doseUnit === 'application') return { quantity: 30, daysSupply: 30 };
  if (order.asNeeded) return { quantity: 40, daysSupply: 10 };
  const daysSupply = rng.chance(0.45) ? 90 : 30;
  return { quantity: Math.ceil(perDay * daysSupply), daysSupply };
}

function toMedication(rng: Rng, order: Order): TrueMedication {
  const drug = drugs[order.drug];
  const [a, b] = adherenceShapes[order.adherence];
  const medication: TrueMedication = {
    key: order.drug,
    rxnorm: {
      system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
      code: drug.rxcui,
      display: drug.display,
    },
    indication: order.indication,
    doseText: doseText(order),
    doseQuantity: { value: order.units, unit: drug.doseUnit },
    route: drug.route,
    timing: order.timing,
    start: isoDate(order.start),
    adherence: round(beta(rng, a, b), 2),
    dispense: dispense(rng, order),
  };
  if (order.asNeeded) medication.asNeeded = true;
  if (order.end !== undefined) medication.end = isoDate(order.end);
  return medication;
}

/** Draws the patient's medications from the 'medications' stream. */
export function generateMedications(rng: Rng, ctx: PrescribingContext): TrueMedication[] {
  const book = new OrderBook(ctx);
  for (const rule of rules) rule(rng, book);
  return toMedications(rng, book.orders);
}

/** The TrueMedications of `orders`, adherence and dispense pattern drawn from `rng` in order. */
export function toMedications(rng: Rng, orders: readonly Order[]): TrueMedication[] {
  return orders.map((order) => toMedication(rng, order));
}
