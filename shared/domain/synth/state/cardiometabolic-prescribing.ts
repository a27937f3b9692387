// Domain (synth/state): guideline-shaped prescribing for hypertension, diabetes, lipids, atrial fibrillation,
// heart failure, coronary disease, stroke, CKD and venous thrombosis. Treatment shares are modelling
// assumptions sized to US practice where a figure is cited.
import type { Rng } from '../rng';
import { daysFromCivil } from './calendar';
import type { DrugKey } from './drugs';
import { timings, type OrderBook } from './order-book';

/** 2017 ACC/AHA BP guideline §8.1.6: thiazide, ACEi/ARB or CCB first line; thiazide or CCB first in Black adults; RAS blockade with diabetes or CKD. */
function antihypertensiveSequence(rng: Rng, book: OrderBook): DrugKey[] {
  const ras: DrugKey = rng.chance(0.6) ? 'lisinopril-10' : 'losartan-50';
  const thiazide: DrugKey = 'hydrochlorothiazide-25';
  const ccb: DrugKey = 'amlodipine-5';
  let first: DrugKey;
  if (book.has('type2-diabetes') || book.has('ckd')) first = ras;
  else if (book.ctx.black) first = rng.chance(0.5) ? thiazide : ccb;
  else
    first = rng.weighted([
      [ras, 0.5],
      [thiazide, 0.25],
      [ccb, 0.25],
    ] as const);
  const rest = [ras, thiazide, ccb].filter((d) => d !== first);
  return [first, ...(rng.chance(0.5) ? rest : rest.reverse())];
}

/**
 * Hypertension (2017 ACC/AHA definition, where many stage-1 adults are managed without drugs): ≈35% treated
 * under 40, ≈60% at 40–59 and ≈80% at 60+, ≈62% overall — in line with the ≈60% of hypertensive adults
 * taking medication in NHANES 2017–2020 (Million Hearts hypertension cascade); about 45% of the treated
 * use two or more agents (Gu Q et al. Circulation 2012;126:2105, NHANES 2001–2010).
 */
export function treatHypertension(rng: Rng, book: OrderBook): void {
  if (!book.has('hypertension')) return;
  const age = book.ctx.age;
  if (!rng.chance(age < 40 ? 0.35 : age < 60 ? 0.6 : 0.8)) return;
  const count = rng.weighted([
    [1, 0.55],
    [2, 0.33],
    [3, 0.12],
  ] as const);
  const onset = book.onsetDay('hypertension');
  let start = book.startAfter(rng, onset, 120);
  const notYetTaken = antihypertensiveSequence(rng, book).filter((d) => !book.takesClassOf(d));
  for (const drug of notYetTaken.slice(0, count)) {
    const timing = rng.chance(0.5) ? timings.morning : timings.daily0800;
    book.add({ drug, indication: 'hypertension', units: 1, timing, start, adherence: 'chronic' });
    start = book.startAfter(rng, start + 90, 700);
  }
}

/**
 * Type 2 diabetes: ≈85% on glucose-lowering drugs, metformin first unless eGFR < 30 (FDA 2016 metformin
 * labelling); a sulfonylurea is added for half of those whose untreated HbA1c is ≥ 8% (ADA Standards of
 * Care 2024, 9.4: dual therapy when HbA1c ≥ 1.5% above goal).
 */
export function treatType2Diabetes(rng: Rng, book: OrderBook): void {
  if (!book.has('type2-diabetes') || !rng.chance(0.85)) return;
  const start = book.startAfter(rng, book.onsetDay('type2-diabetes'), 90);
  const { egfr, hba1c } = book.ctx.riskFactors;
  if (egfr >= 30) {
    const er = rng.chance(0.3);
    book.add({
      drug: er ? 'metformin-er-500' : 'metformin-500',
      indication: 'type2-diabetes',
      units: er ? 2 : rng.chance(0.6) ? 2 : 1,
      timing: er ? timings.withEveningMeal : timings.twiceWithMeals,
      start,
      adherence: 'chronic',
    });
  }
  // SGLT2i with ASCVD, HF or CKD independent of HbA1c when eGFR ≥ 20 (ADA Standards of Care 2024, 9.4 and
  // 10.42): 27.1% of US T2D + ASCVD patients took an SGLT2i and/or GLP-1 RA in 2022 (TriNetX, BMJ Open
  // Diabetes Res Care 2024;12:e004431). The catalog has no GLP-1 RA yet, so the SGLT2i carries the pair's
  // 27% (generator choice); only after empagliflozin's CV-death indication (2 Dec 2016, Jardiance label).
  const organProtection = (
    ['coronary-disease', 'myocardial-infarction', 'stroke', 'heart-failure', 'ckd'] as const
  ).some((k) => book.has(k));
  if (organProtection && egfr >= 20 && rng.chance(0.27)) {
    const from = Math.max(start, empagliflozinCvApproved);
    if (from < book.ctx.asOfDay - 1) {
      book.add({
        drug: 'empagliflozin-10',
        indication: 'type2-diabetes',
        units: 1,
        timing: timings.morning,
        start: book.startAfter(rng, from, 365),
        adherence: 'chronic',
      });
    }
  }
  if (egfr < 30 || (hba1c >= 8 && rng.chance(0.5))) {
    const later = book.startAfter(rng, start + 180, 900);
    book.add({
      drug: 'glipizide-5',
      indication: 'type2-diabetes',
      units: 1,
      timing: timings.beforeBreakfast,
      start: later,
      adherence: 'chronic',
    });
  }
}

/** Empagliflozin's US indication to reduce CV death in T2D with CVD, 2 Dec 2016 (Jardiance label). */
const empagliflozinCvApproved = daysFromCivil(2016, 12, 2);

/** Type 1 diabetes: basal insulin 0.2–0.3 U/kg/day, half of a 0.4–0.6 U/kg total (ADA Standards of Care 2024, 9.1). */
export function treatType1Diabetes(rng: Rng, book: OrderBook): void {
  if (!book.has('type1-diabetes')) return;
  const units = Math.max(2, Math.round(book.ctx.weightKg * (0.2 + 0.1 * rng.next())));
  const start = book.startAfter(rng, book.onsetDay('type1-diabetes'), 3);
  book.add({
    drug: 'insulin-glargine-100',
    indication: 'type1-diabetes',
    units,
    timing: timings.daily2100,
    start,
    adherence: 'insulin',
  });
}

/**
 * Statins per the 2018 ACC/AHA cholesterol guideline: clinical ASCVD → high intensity (atorvastatin 40–80);
 * diabetes at 40–75 or LDL ≥ 130 → moderate intensity (atorvastatin 10–20, simvastatin 20, rosuvastatin 5).
 * Uptake ≈75% with ASCVD and ≈55% in primary prevention (Salami JA et al. JAMA Cardiol 2017;2:56). After an
 * MI a high-intensity statin starts on the admission day ≈90% of the time unless one was already taken
 * (2025 ACC/AHA ACS guideline, rec. 7.3: high-intensity statin for all ACS; discharge uptake in the NCDR
 * Chest Pain–MI Registry ≈90%, generator share).
 */
export function treatLipids(rng: Rng, book: OrderBook): void {
  const ascvd = (['coronary-disease', 'myocardial-infarction', 'stroke'] as const).filter((k) =>
    book.has(k),
  );
  const diabetes40to75 = book.has('type2-diabetes') && book.ctx.age >= 40 && book.ctx.age <= 75;
  if (ascvd.length > 0) {
    const indication = ascvd[0]!;
    const drug: DrugKey = rng.chance(0.6) ? 'atorvastatin-40' : 'atorvastatin-80';
    const start = book.startAfter(rng, book.onsetDay(indication), 30);
    const chronic = rng.chance(0.75);
    const mi = book.has('myocardial-infarction')
      ? book.onsetDay('myocardial-infarction')
      : undefined;
    if (mi !== undefined && (!chronic || start >= mi)) {
      if (rng.chance(0.9)) {
        book.add({
          drug,
          indication: 'myocardial-infarction',
          units: 1,
          timing: timings.daily2000,
          start: mi,
          adherence: 'chronic',
        });
      }
      return;
    }
    if (chronic) {
      book.add({
        drug,
        indication,
        units: 1,
        timing: timings.daily2000,
        start,
        adherence: 'chronic',
      });
      return;
    }
  }
  const indication = book.has('hyperlipidaemia')
    ? 'hyperlipidaemia'
    : diabetes40to75
      ? 'type2-diabetes'
      : undefined;
  if (!indication || !rng.chance(0.55)) return;
  const drug = rng.weighted([
    ['atorvastatin-10', 0.3],
    ['atorvastatin-20', 0.3],
    ['simvastatin-20', 0.25],
    ['rosuvastatin-5', 0.15],
  ] as const);
  const timing = drug === 'simvastatin-20' ? timings.bedtime : timings.daily2000;
  book.add({
    drug,
    indication,
    units: 1,
    timing,
    start: book.startAfter(rng, book.onsetDay(indication), 180),
    adherence: 'chronic',
  });
}

/** CHA₂DS₂-VASc (Lip GY et al. Chest 2010;137:263). */
export function chadsVasc(book: OrderBook): number {
  const age = book.ctx.age;
  let score = age >= 75 ? 2 : age >= 65 ? 1 : 0;
  if (book.ctx.sex === 'female') score += 1;
  if (book.has('heart-failure')) score += 1;
  if (book.has('hypertension')) score += 1;
  if (book.has('type2-diabetes') || book.has('type1-diabetes')) score += 1;
  if (book.has('stroke')) score += 2;
  if (book.has('myocardial-infarction') || book.has('coronary-disease')) score += 1;
  return score;
}

/**
 * AF: oral anticoagulation when CHA₂DS₂-VASc ≥ 2 (men) / ≥ 3 (women) (2023 ACC/AHA/ACCP/HRS AF guideline),
 * ≈75% uptake; DOACs ≈70% of new starts (NCDR PINNACLE, Marzec LN et al. JACC 2017;69:2475).
 */
export function treatAtrialFibrillation(rng: Rng, book: OrderBook): void {
  if (!book.has('atrial-fibrillation')) return;
  const threshold = book.ctx.sex === 'female' ? 3 : 2;
  const start = book.startAfter(rng, book.onsetDay('atrial-fibrillation'), 30);
  if (rng.chance(chadsVasc(book) >= threshold ? 0.75 : 0.15)) {
    if (rng.chance(0.7)) {
      book.add({
        drug: 'apixaban-5',
        indication: 'atrial-fibrillation',
        units: 1,
        timing: timings.twiceDaily,
        start,
        adherence: 'chronic',
      });
    } else {
      book.add({
        drug: 'warfarin-5',
        indication: 'atrial-fibrillation',
        units: 1,
        timing: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['18:00:00'] },
        start,
        adherence: 'chronic',
      });
    }
  }
  if (!book.hasClass('beta-blocker') && rng.chance(0.6)) {
    book.add({
      drug: 'metoprolol-succinate-25',
      indication: 'atrial-fibrillation',
      units: 1,
      timing: timings.morning,
      start,
      adherence: 'chronic',
    });
  }
}
