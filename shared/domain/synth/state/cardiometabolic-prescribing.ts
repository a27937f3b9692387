// Domain (synth/state): guideline-shaped prescribing for hypertension, diabetes, lipids, atrial fibrillation,
// heart failure, coronary disease, stroke, CKD and venous thrombosis. Treatment shares are modelling
// assumptions sized to US practice where a figure is cited.
import type { Rng } from '../rng';
import type { ConditionKey } from '../catalog';
import { daysFromCivil, type Day } from './calendar';
import { drugs, type DrugKey } from './drugs';
import { timings, type Order, type OrderBook } from './order-book';
import { highRiskWithoutDiabetes } from './prevention-risk';

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
  // Diabetes Res Care 2024;12:e004431); treatGlp1ReceptorAgonists (cardiometabolic-prevention.ts) later
  // splits the pair between the SGLT2i and a GLP-1 RA. Only after empagliflozin's CV-death indication
  // (2 Dec 2016, Jardiance label).
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

/** US approvals (FDA): simvastatin (Zocor) 23 Dec 1991, atorvastatin (Lipitor) 17 Dec 1996, rosuvastatin (Crestor) 12 Aug 2003. */
const statinApproved: Partial<Record<DrugKey, Day>> = {
  'simvastatin-20': daysFromCivil(1991, 12, 23),
  'atorvastatin-10': daysFromCivil(1996, 12, 17),
  'atorvastatin-20': daysFromCivil(1996, 12, 17),
  'atorvastatin-40': daysFromCivil(1996, 12, 17),
  'atorvastatin-80': daysFromCivil(1996, 12, 17),
  'rosuvastatin-5': daysFromCivil(2003, 8, 12),
};
const approvedOn = (drug: DrugKey, day: Day) => day >= (statinApproved[drug] ?? 0);

/** High-intensity doses (2018 AHA/ACC cholesterol guideline, Table 3: atorvastatin 40–80, rosuvastatin 20–40). */
export const highIntensityStatins: ReadonlySet<DrugKey> = new Set<DrugKey>([
  'atorvastatin-40',
  'atorvastatin-80',
]);

/** Moderate intensity (Table 3: atorvastatin 10–20, rosuvastatin 5–10, simvastatin 20–40); US mix a generator choice. */
export function moderateStatin(rng: Rng): DrugKey {
  return rng.weighted([
    ['atorvastatin-10', 0.3],
    ['atorvastatin-20', 0.3],
    ['simvastatin-20', 0.25],
    ['rosuvastatin-5', 0.15],
  ] as const);
}

export const highStatin = (rng: Rng): DrugKey =>
  rng.chance(0.6) ? 'atorvastatin-40' : 'atorvastatin-80';

/** Statin orders start no earlier than the drug's US approval (then at a visit within a year). */
export function statinOrder(
  rng: Rng,
  book: OrderBook,
  drug: DrugKey,
  indication: ConditionKey,
  start: Day,
): Order | undefined {
  const from = approvedOn(drug, start)
    ? start
    : book.startAfter(rng, statinApproved[drug] ?? start, 365);
  if (from >= book.ctx.asOfDay - 1 && from !== start) return undefined;
  const timing = drug === 'simvastatin-20' ? timings.bedtime : timings.daily2000;
  return { drug, indication, units: 1, timing, start: from, adherence: 'chronic' };
}

/**
 * Statins per the 2018 AHA/ACC multisociety cholesterol guideline (Grundy SM et al. Circulation
 * 2019;139:e1082):
 * - clinical ASCVD → high intensity (rec. 4.1): chronic coronary disease before any MI/stroke ≈75%
 *   (Salami JA et al. JAMA Cardiol 2017;2:56);
 * - acute events: after an MI a high-intensity statin starts on the admission day ≈90% (2025 ACC/AHA ACS
 *   guideline, rec. 7.3; NCDR Chest Pain–MI Registry discharge uptake ≈90%); after an ischaemic stroke
 *   ≈92% get a statin on the admission day, high intensity for ≈88% of them (2021 AHA/ASA secondary
 *   stroke prevention guideline §4.3, SPARCL; GWTG-Stroke 2019 national estimate, PMC9613506: statin
 *   at discharge > 95% of eligible, intensive statin 80.6% of all — generator shares). A moderate statin
 *   taken at the event is switched that day (ended, high intensity started); a high-intensity one kept.
 *   Before atorvastatin (1996) simvastatin 20 mg (4S era), before simvastatin (1991) none;
 * - primary prevention: LDL-C ≥ 190 mg/dL at 20–75 → high intensity (rec. 4.2.1); diabetes at 40–75 →
 *   moderate intensity (rec. 4.3.1); other diagnosed hyperlipidaemia → moderate, high intensity at 40–75
 *   with PCE risk ≥ 20% at the diagnosis (rec. 4.4.1), whatever the risk (diagnosed high cholesterol is
 *   treated in practice; Johansen ME et al. Ann Fam Med 2014;12:215). Undiagnosed adults at raised
 *   risk: treatRiskBasedStatins (cardiometabolic-prevention.ts).
 *   ≈55% of eligible adults take one (55.5%, NHANES 2005–2012: Mercado C et al. MMWR 2015;64:1305 —
 *   eligibility there counts the treated, as the untreated true LDL here does; NHANES studies of
 *   *measured* LDL ≥ 190 report 34–38% because treated patients drop below 190). Among LDL ≥ 190 on a
 *   statin, "less than half" take a high-intensity one (Bucholz EM et al. Circulation 2018;137:2218;
 *   30% in FH): 40% here (generator choice).
 */
export function treatLipids(rng: Rng, book: OrderBook): void {
  const { age } = book.ctx;
  const events = (['myocardial-infarction', 'stroke'] as const)
    .filter((k) => book.has(k))
    .map((k) => [k, book.onsetDay(k)] as const)
    .sort((a, b) => a[1] - b[1]);
  const firstEvent = events[0]?.[1] ?? Number.POSITIVE_INFINITY;
  let background: Order | undefined;
  if (book.has('coronary-disease') && book.onsetDay('coronary-disease') < firstEvent) {
    const start = book.startAfter(rng, book.onsetDay('coronary-disease'), 30);
    if (rng.chance(0.75))
      background = statinOrder(rng, book, highStatin(rng), 'coronary-disease', start);
  } else if (book.has('hyperlipidaemia') || book.has('type2-diabetes')) {
    const severe = book.ctx.riskFactors.ldl >= 190 && age >= 20 && age <= 75;
    const diabetes40to75 = book.has('type2-diabetes') && age >= 40 && age <= 75;
    const indication = book.has('hyperlipidaemia')
      ? 'hyperlipidaemia'
      : diabetes40to75
        ? 'type2-diabetes'
        : undefined;
    if (indication && rng.chance(0.55)) {
      // PCE risk ≥ 20% at the diagnosis without diabetes → high intensity (rec. 4.4.1), as in
      // treatRiskBasedStatins; either pick takes one draw, so the draws after it stay in place.
      const highRisk = !severe && indication === 'hyperlipidaemia' && highRiskWithoutDiabetes(book);
      const drug = (severe && rng.chance(0.4)) || highRisk ? highStatin(rng) : moderateStatin(rng);
      const start = book.startAfter(rng, book.onsetDay(indication), 180);
      background = statinOrder(rng, book, drug, indication, start);
    }
  }
  if (background && background.start < firstEvent) {
    book.add(background);
    background = undefined;
  }
  for (const [key, day] of events) {
    if (day >= book.ctx.asOfDay - 1) continue;
    const taken = book.orders.find(
      (o) =>
        drugs[o.drug].drugClass === 'statin' &&
        o.start <= day &&
        (o.end === undefined || o.end > day),
    );
    if (taken && highIntensityStatins.has(taken.drug)) continue;
    const treat = key === 'myocardial-infarction' ? rng.chance(0.9) : rng.chance(0.92);
    if (!treat) continue;
    const high = key !== 'stroke' || rng.chance(0.88);
    if (taken && !high) continue;
    const drug = high ? highStatin(rng) : moderateStatin(rng);
    const available: DrugKey | undefined = approvedOn(drug, day)
      ? drug
      : approvedOn('simvastatin-20', day)
        ? 'simvastatin-20'
        : undefined;
    if (!available || available === taken?.drug) continue;
    if (taken) taken.end = day;
    book.add(statinOrder(rng, book, available, key, day)!);
  }
  if (background && !book.hasClass('statin')) book.add(background);
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
