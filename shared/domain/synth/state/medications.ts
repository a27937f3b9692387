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
import { treatGlp1ReceptorAgonists, treatRiskBasedStatins } from './cardiometabolic-prevention';
import { drugs } from './drugs';
import type { CatalogDrug } from './medication-catalog';
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
  treatHfpefBetaBlocker,
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
  // After the AF and MI rules, which give HFpEF patients their compelling beta-blockers.
  treatHfpefBetaBlocker,
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
  // Given in an infusion clinic: on schedule but for an occasional delay, mean 0.95 (generator choice).
  infusion: [19, 1],
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

/**
 * A fill of whole packs of pens lasting about `days`: the doses a pen holds at this dose, the days a pack
 * lasts, and the quantity in mL (semaglutide 1 mg weekly: one 3 mL pen, 28 days; dulaglutide: a carton of
 * four 0.5 mL pens, 28 days; liraglutide 1.2 mg daily: two 3 mL pens, 30 days).
 */
function penFill(
  order: Order,
  pen: NonNullable<CatalogDrug['pen']>,
  days: number,
): TrueMedication['dispense'] {
  const dosesPerPen = Math.max(1, Math.floor((pen.mL * pen.mgPerMl) / order.units + 1e-9));
  const packDays = Math.round((pen.perPack * dosesPerPen) / administrationsPerDay(order));
  const packs = Math.max(1, Math.round(days / packDays));
  return { quantity: round(packs * pen.perPack * pen.mL, 2), daysSupply: packs * packDays };
}

/** 30- or 90-day fills for maintenance drugs (≈45% of maintenance fills are 90-day; IQVIA 2020 trends). */
function dispense(rng: Rng, order: Order): TrueMedication['dispense'] {
  if (order.fill) return { ...order.fill };
  const drug: CatalogDrug = drugs[order.drug];
  const perDay = order.units * administrationsPerDay(order);
  if (drug.pen && (order.end !== undefined || order.adherence === 'course'))
    return penFill(order, drug.pen, Math.max(1, (order.end ?? order.start + 7) - order.start));
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
  // One draw, as for tablets: a pen order that takes a tablet's place keeps the draws after it.
  if (drug.pen) return penFill(order, drug.pen, rng.chance(0.45) ? 90 : 30);
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

/**
 * Rules added after generator 1.6.0: they run after every other rule and draw from their own stream
 * (`cardiometabolic-prevention`), and the orders they add come last, so every earlier order keeps its
 * draws (a GLP-1 RA that takes an SGLT2 inhibitor's place takes as many draws as it would have).
 */
const preventionRules = [treatGlp1ReceptorAgonists, treatRiskBasedStatins];

/** Draws the patient's medications from the 'medications' stream. */
export function generateMedications(rng: Rng, ctx: PrescribingContext): TrueMedication[] {
  const book = new OrderBook(ctx);
  const prevention = rng.fork('cardiometabolic-prevention');
  for (const rule of rules) rule(rng, book);
  for (const rule of preventionRules) rule(prevention, book);
  return toMedications(rng, book.orders);
}

/** The TrueMedications of `orders`, adherence and dispense pattern drawn from `rng` in order. */
export function toMedications(rng: Rng, orders: readonly Order[]): TrueMedication[] {
  return orders.map((order) => toMedication(rng, order));
}
