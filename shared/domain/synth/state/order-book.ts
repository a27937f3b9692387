// Domain (synth/state): the orders prescribing rules write before they become TrueMedications, plus the
// dosage-timing templates (FHIR R4 Timing.repeat) the rules pick from.
import type { ConditionKey } from '../catalog';
import type { DosageTiming, RiskFactors, Sex, TrueCondition } from '../model';
import type { Rng } from '../rng';
import { dayFromIso, type Day } from './calendar';
import type { AllergenKey } from './allergies';
import type { DrugClass } from './medication-catalog';
import { drugs, type DrugKey } from './drugs';
import { clamp } from './math';

export type AdherenceProfile =
  'chronic' | 'antidepressant' | 'course' | 'as-needed' | 'stimulant' | 'insulin' | 'infusion';

export interface Order {
  drug: DrugKey;
  indication: ConditionKey;
  /** Dose units per administration (tablets, mL, puffs, insulin units, applications). */
  units: number;
  timing: DosageTiming;
  asNeeded?: boolean;
  start: Day;
  /** Acute courses and completed treatments end; chronic orders are current. */
  end?: Day;
  adherence: AdherenceProfile;
  /** A fixed fill (specialty-pharmacy 30-day fills, one chemotherapy cycle), else derived from the order. */
  fill?: { quantity: number; daysSupply: number };
}

export interface PrescribingContext {
  age: number;
  sex: Sex;
  black: boolean;
  weightKg: number;
  conditions: readonly TrueCondition[];
  riskFactors: RiskFactors;
  birthDay: Day;
  asOfDay: Day;
  /** Recorded allergies: prescribers avoid these drugs or substitute (see OrderBook.add). */
  allergens: ReadonlySet<AllergenKey>;
}

/** Drugs an allergy rules out, and the usual substitute (ACEi angioedema → ARB; aspirin → clopidogrel). */
const allergyAvoidance: Partial<Record<AllergenKey, readonly [DrugKey, DrugKey | undefined]>> = {
  penicillin: ['amoxicillin-80-mg-ml', undefined],
  aspirin: ['aspirin-81', 'clopidogrel-75'],
  codeine: ['acetaminophen-codeine-300-30', undefined],
  lisinopril: ['lisinopril-10', 'losartan-50'],
};

export const timings = {
  morning: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] },
  daily0800: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00'] },
  daily2000: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['20:00:00'] },
  daily2100: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['21:00:00'] },
  bedtime: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] },
  beforeBreakfast: { frequency: 1, period: 1, periodUnit: 'd', when: ['ACM'] },
  withEveningMeal: { frequency: 1, period: 1, periodUnit: 'd', when: ['CV'] },
  twiceWithMeals: { frequency: 2, period: 1, periodUnit: 'd', when: ['CM', 'CV'] },
  twiceDaily: { frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00', '20:00:00'] },
  schoolDays: { frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['07:30:00', '12:00:00'] },
  every4hPrn: { frequency: 1, period: 4, periodUnit: 'h' },
  every6hPrn: { frequency: 1, period: 6, periodUnit: 'h' },
} as const satisfies Record<string, DosageTiming>;

/**
 * Renin-angiotensin blockers, one class for prescribing: never two at once (ACEi + ARB: 2022 AHA/ACC/HFSA
 * HF guideline, rec. 7.3.1 harm; ARNI with an ACEi contraindicated, Entresto USPI 4).
 */
export const rasBlockers: readonly DrugClass[] = ['ace-inhibitor', 'arb', 'arni'];

/** Collects orders and answers "is the patient already on a drug of this class?". */
export class OrderBook {
  readonly orders: Order[] = [];

  constructor(readonly ctx: PrescribingContext) {}

  hasClass(drugClass: DrugClass): boolean {
    return this.orders.some((o) => drugs[o.drug].drugClass === drugClass && o.end === undefined);
  }

  /** True when a current order shares the drug's class (ACEi, ARB and ARNI count as one class). */
  takesClassOf(drug: DrugKey): boolean {
    const c = drugs[drug].drugClass;
    return rasBlockers.includes(c) ? this.hasAnyClass(rasBlockers) : this.hasClass(c);
  }

  hasAnyClass(classes: readonly DrugClass[]): boolean {
    return classes.some((c) => this.hasClass(c));
  }

  /** Adds an order unless an allergy rules the drug out; then the substitute is used if not already taken. */
  add(order: Order): void {
    for (const allergen of this.ctx.allergens) {
      const avoidance = allergyAvoidance[allergen];
      if (!avoidance || avoidance[0] !== order.drug) continue;
      const substitute = avoidance[1];
      if (substitute && !this.orders.some((o) => o.drug === substitute))
        this.orders.push({ ...order, drug: substitute });
      return;
    }
    this.orders.push(order);
  }

  condition(key: ConditionKey): TrueCondition | undefined {
    return this.ctx.conditions.find((c) => c.key === key);
  }

  has(key: ConditionKey): boolean {
    return this.condition(key) !== undefined;
  }

  activeCondition(key: ConditionKey): boolean {
    return this.condition(key)?.status === 'active';
  }

  onsetDay(key: ConditionKey): Day {
    const c = this.condition(key);
    return c ? dayFromIso(c.onset) : this.ctx.asOfDay - 1;
  }

  /** A start day `0..maxDelay` days after `from`, kept after birth and before asOf. */
  startAfter(rng: Rng, from: Day, maxDelayDays: number): Day {
    return clamp(from + rng.int(0, maxDelayDays), this.ctx.birthDay + 1, this.ctx.asOfDay - 1);
  }
}
