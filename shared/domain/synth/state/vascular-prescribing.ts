// Domain (synth/state): prescribing for heart failure, coronary disease and MI, stroke, CKD and deep-vein
// thrombosis (antithrombotics, beta-blockers, RAS blockade, diuretics, gastroprotection).
import type { Rng } from '../rng';
import type { DrugKey } from './drugs';
import { timings, type OrderBook } from './order-book';

/**
 * HFrEF guideline-directed therapy (2022 AHA/ACC/HFSA HF guideline): evidence-based beta-blocker
 * (metoprolol succinate or carvedilol) ≈80%, ACEi/ARB ≈70%, loop diuretic for congestion ≈65%
 * (use rates as in CHAMP-HF, Greene SJ et al. JACC 2018;72:351).
 */
export function treatHeartFailure(rng: Rng, book: OrderBook): void {
  if (!book.has('heart-failure')) return;
  const start = book.startAfter(rng, book.onsetDay('heart-failure'), 30);
  if (rng.chance(0.8)) {
    const carvedilol = rng.chance(0.45);
    const drug: DrugKey = carvedilol
      ? 'carvedilol-6.25'
      : rng.chance(0.5)
        ? 'metoprolol-succinate-25'
        : 'metoprolol-succinate-50';
    book.add({
      drug,
      indication: 'heart-failure',
      units: 1,
      timing: carvedilol ? timings.twiceWithMeals : timings.morning,
      start,
      adherence: 'chronic',
    });
  }
  if (rng.chance(0.7)) {
    const drug: DrugKey = rng.chance(0.55) ? 'lisinopril-10' : 'losartan-50';
    book.add({
      drug,
      indication: 'heart-failure',
      units: 1,
      timing: timings.morning,
      start,
      adherence: 'chronic',
    });
  }
  if (rng.chance(0.65)) {
    book.add({
      drug: 'furosemide-40',
      indication: 'heart-failure',
      units: 1,
      timing: timings.morning,
      start,
      adherence: 'chronic',
    });
  }
}

/**
 * Coronary disease: aspirin 81 mg ≈75% unless anticoagulated; after MI, clopidogrel for 12 months of DAPT
 * (2016 ACC/AHA DAPT focused update) and a beta-blocker; a PPI for ≈40% on DAPT (same update: reasonable
 * with GI-bleeding risk) — also the classic CYP2C19 clopidogrel/omeprazole pharmacogenomic case.
 */
export function treatCoronaryDisease(rng: Rng, book: OrderBook): void {
  if (!book.has('coronary-disease')) return;
  const cadStart = book.startAfter(rng, book.onsetDay('coronary-disease'), 30);
  if (!book.hasClass('anticoagulant') && rng.chance(0.75)) {
    book.add({
      drug: 'aspirin-81',
      indication: 'coronary-disease',
      units: 1,
      timing: timings.morning,
      start: cadStart,
      adherence: 'chronic',
    });
  }
  if (!book.has('myocardial-infarction')) return;
  const mi = book.onsetDay('myocardial-infarction');
  const dapt = book.ctx.asOfDay - mi <= 365 || rng.chance(0.12);
  if (dapt && rng.chance(0.85)) {
    const start = book.startAfter(rng, mi, 2);
    book.add({
      drug: 'clopidogrel-75',
      indication: 'myocardial-infarction',
      units: 1,
      timing: timings.morning,
      start,
      adherence: 'chronic',
    });
    if (rng.chance(0.4)) {
      book.add({
        drug: 'omeprazole-20',
        indication: 'myocardial-infarction',
        units: 1,
        timing: timings.beforeBreakfast,
        start,
        adherence: 'chronic',
      });
    }
  }
  if (!book.hasClass('beta-blocker') && rng.chance(0.6)) {
    book.add({
      drug: 'metoprolol-succinate-25',
      indication: 'myocardial-infarction',
      units: 1,
      timing: timings.morning,
      start: book.startAfter(rng, mi, 3),
      adherence: 'chronic',
    });
  }
}

/** Ischaemic stroke: antiplatelet ≈80% unless anticoagulated (2021 AHA/ASA secondary prevention guideline). */
export function treatStroke(rng: Rng, book: OrderBook): void {
  if (
    !book.has('stroke') ||
    book.hasAnyClass(['anticoagulant', 'antiplatelet']) ||
    !rng.chance(0.8)
  )
    return;
  const drug: DrugKey = rng.chance(0.65) ? 'aspirin-81' : 'clopidogrel-75';
  book.add({
    drug,
    indication: 'stroke',
    units: 1,
    timing: timings.morning,
    start: book.startAfter(rng, book.onsetDay('stroke'), 7),
    adherence: 'chronic',
  });
}

/** CKD: ACEi/ARB ≈60% when not already taken (KDIGO 2021 blood pressure in CKD guideline, rec. 3.1). */
export function treatKidneyDisease(rng: Rng, book: OrderBook): void {
  if (!book.has('ckd') || book.hasAnyClass(['ace-inhibitor', 'arb']) || !rng.chance(0.6)) return;
  const drug: DrugKey = rng.chance(0.5) ? 'lisinopril-10' : 'losartan-50';
  book.add({
    drug,
    indication: 'ckd',
    units: 1,
    timing: timings.morning,
    start: book.startAfter(rng, book.onsetDay('ckd'), 180),
    adherence: 'chronic',
  });
}

/** DVT: 3 months of anticoagulation (CHEST 2016 VTE guideline), apixaban or warfarin; ended once complete. */
export function treatDeepVeinThrombosis(rng: Rng, book: OrderBook): void {
  if (!book.has('deep-vein-thrombosis') || book.hasClass('anticoagulant')) return;
  const start = book.startAfter(rng, book.onsetDay('deep-vein-thrombosis'), 1);
  const end = start + 90;
  const apixaban = rng.chance(0.7);
  book.add({
    drug: apixaban ? 'apixaban-5' : 'warfarin-5',
    indication: 'deep-vein-thrombosis',
    units: 1,
    timing: apixaban
      ? timings.twiceDaily
      : { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['18:00:00'] },
    start,
    ...(end < book.ctx.asOfDay ? { end } : {}),
    adherence: 'chronic',
  });
}
