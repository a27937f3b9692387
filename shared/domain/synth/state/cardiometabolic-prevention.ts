// Domain (synth/state): prescribing rules for cardiometabolic prevention that run after the others, on
// their own stream (see preventionRules in medications.ts): GLP-1 receptor agonists in type 2 diabetes
// and risk-based statins for primary prevention.
import type { ConditionKey } from '../catalog';
import type { DosageTiming } from '../model';
import type { Rng } from '../rng';
import { addYears, daysFromCivil, wholeYears, type Day } from './calendar';
import { highStatin, moderateStatin, statinOrder } from './cardiometabolic-prescribing';
import { drugs, type DrugKey } from './drugs';
import { timings, type Order, type OrderBook } from './order-book';
import { primaryPreventionRisk } from './prevention-risk';

/** US approvals (FDA): Victoza 25 Jan 2010, Trulicity 18 Sep 2014, Ozempic 5 Dec 2017. */
export const glp1Approved = {
  'liraglutide-pen-6-mg-ml': daysFromCivil(2010, 1, 25),
  'dulaglutide-1.5mg-pen': daysFromCivil(2014, 9, 18),
  'semaglutide-1mg-pen': daysFromCivil(2017, 12, 5),
} as const satisfies Partial<Record<DrugKey, Day>>;

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * A GLP-1 RA order from `start`, among the drugs approved by then: semaglutide 1 mg weekly, dulaglutide
 * 1.5 mg weekly (on a weekday kept for good; labels: any time of day, same day each week) or
 * liraglutide 1.2 or 1.8 mg daily (Victoza label). Mix 50/35/15 once all are approved, liraglutide 1.2
 * mg for 60% — generator choices after the order of US GLP-1 RA use in 2019–2023 (semaglutide, then
 * dulaglutide, then liraglutide). Undefined before liraglutide's approval.
 */
function glp1Order(rng: Rng, start: Day, indication: ConditionKey): Order | undefined {
  const approved = (drug: keyof typeof glp1Approved) => start >= glp1Approved[drug];
  if (!approved('liraglutide-pen-6-mg-ml')) return undefined;
  const drug = rng.weighted([
    ['semaglutide-1mg-pen', approved('semaglutide-1mg-pen') ? 0.5 : 0],
    ['dulaglutide-1.5mg-pen', approved('dulaglutide-1.5mg-pen') ? 0.35 : 0],
    ['liraglutide-pen-6-mg-ml', 0.15],
  ] as const);
  const weekly: DosageTiming = {
    frequency: 1,
    period: 1,
    periodUnit: 'wk',
    dayOfWeek: [rng.pick(weekdays)],
  };
  const daily = drug === 'liraglutide-pen-6-mg-ml';
  const units = drug === 'semaglutide-1mg-pen' ? 1 : daily ? (rng.chance(0.6) ? 1.2 : 1.8) : 1.5;
  const timing = daily ? timings.morning : weekly;
  return { drug, indication, units, timing, start, adherence: 'chronic' };
}

const isSglt2 = (o: Order) => drugs[o.drug].drugClass === 'sglt2-inhibitor';

/**
 * GLP-1 receptor agonists in type 2 diabetes (ADA Standards of Care 2024, 9.4 and 10.42: with established
 * ASCVD or CKD a GLP-1 RA or SGLT2 inhibitor with proven CV benefit regardless of HbA1c; with HF the
 * SGLT2 inhibitor; a GLP-1 RA when weight or high CV risk — age ≥ 55 with two or more of obesity,
 * hypertension, smoking, dyslipidaemia — is the concern):
 * - with ASCVD, HF or CKD, treatType2Diabetes drew the pair's 27.1% (TriNetX 2022); now the pair is split:
 *   SGLT2i alone 45%, GLP-1 RA alone 40%, both 15% (generator choice after the NIH All of Us cohort,
 *   Devineni D et al. Cardiovasc Drugs Ther 2024;38(2), online 15 Nov 2022: with ASCVD 8.6% on an SGLT2i
 *   and 11.9% on a GLP-1 RA). A GLP-1 RA alone takes the SGLT2i order's place; with HF the SGLT2i stays
 *   and only ASCVD or CKD adds a GLP-1 RA;
 * - otherwise adults with obesity or high CV risk, 12% (below the 11.9% of the ASCVD group, above the
 *   3.7% of all adults with T2D in NHANES 2017–2020, Ann Intern Med 2023 research letter — generator
 *   choice), started 6 months to 3 years after the diagnosis, not before liraglutide's approval.
 */
export function treatGlp1ReceptorAgonists(rng: Rng, book: OrderBook): void {
  if (!book.has('type2-diabetes')) return;
  const has = (keys: readonly ConditionKey[]) => keys.some((k) => book.has(k));
  const ascvdOrCkd = has(['coronary-disease', 'myocardial-infarction', 'stroke', 'ckd']);
  const pair = book.orders.find((o) => o.indication === 'type2-diabetes' && isSglt2(o));
  if (pair) {
    const hf = book.has('heart-failure');
    const choice = rng.weighted([
      ['sglt2', 0.45],
      ['glp1', hf ? 0 : 0.4],
      ['both', ascvdOrCkd ? 0.15 : 0],
    ] as const);
    if (choice === 'sglt2') return;
    const glp1 = glp1Order(rng, pair.start, 'type2-diabetes');
    if (!glp1) return;
    if (choice === 'glp1') Object.assign(pair, glp1);
    else book.add({ ...glp1, start: book.startAfter(rng, pair.start + 90, 365) });
    return;
  }
  if (ascvdOrCkd || book.has('heart-failure') || book.ctx.age < 18) return;
  const { smoking } = book.ctx.riskFactors;
  const riskFactors = [
    book.has('obesity'),
    book.has('hypertension'),
    smoking === 'current',
    book.has('hyperlipidaemia'),
  ].filter(Boolean).length;
  const highRisk = book.ctx.age >= 55 && riskFactors >= 2;
  if (!(book.has('obesity') || highRisk) || !rng.chance(0.12)) return;
  const diagnosed = book.onsetDay('type2-diabetes') + 180;
  const from = Math.max(diagnosed, glp1Approved['liraglutide-pen-6-mg-ml']);
  if (from >= book.ctx.asOfDay - 1) return;
  const glp1 = glp1Order(rng, book.startAfter(rng, from, 900), 'type2-diabetes');
  if (glp1) book.add(glp1);
}

/**
 * The 2013 ACC/AHA cholesterol guideline (Stone NJ et al., online 12 Nov 2013) introduced statins by
 * PCE risk ≥ 7.5% (kept by the 2018 guideline); risk-based starts are not dated before it.
 */
const pceStatinGuideline = daysFromCivil(2013, 11, 12);

/** Clinical ASCVD: secondary prevention, treated in treatLipids. */
const ascvdKeys: readonly ConditionKey[] = ['coronary-disease', 'myocardial-infarction', 'stroke'];

/**
 * Risk-based primary-prevention statins (2018 AHA/ACC multisociety cholesterol guideline, Grundy SM et al.
 * Circulation 2019;139:e1082) for adults treatLipids did not consider — no clinical ASCVD, no diagnosed
 * hyperlipidaemia, no type 2 diabetes — and who take no statin (one statin per patient):
 * - type 1 diabetes at 40–75 → moderate intensity (rec. 4.3.1), ≈55% (as treatLipids' diabetes rule);
 * - 40–75 with LDL-C 70–189 mg/dL and 10-year PCE risk ≥ 7.5% (rec. 4.4.1) → moderate intensity, high
 *   intensity at ≥ 20% (rec. 4.4.1: LDL-C −50% at high risk). Uptake by the current risk: 25% at 7.5 to
 *   < 20%, 41% at ≥ 20% (NHANES 2017–2020, Eur J Prev Cardiol 2022, doi:10.1093/eurjpc/zwac103: 74.6% and
 *   59.4% not on a statin).
 * The statin starts on a day drawn between the first day the patient was eligible (40th birthday, the
 * 2013 guideline, the risk reaching 7.5%) and the export; risk is primaryPreventionRisk on that day, so
 * the patient is eligible on the start day. Indication: type 1 diabetes, else hyperlipidaemia as the
 * reason code (the catalog has no concept for raised ASCVD risk; FHIR then gives a reasonCode, not a
 * Condition reference).
 */
export function treatRiskBasedStatins(rng: Rng, book: OrderBook): void {
  const { ctx } = book;
  if (ctx.age < 40 || book.orders.some((o) => drugs[o.drug].drugClass === 'statin')) return;
  const consideredByTreatLipids: readonly ConditionKey[] = [
    ...ascvdKeys,
    'hyperlipidaemia',
    'type2-diabetes',
  ];
  if (consideredByTreatLipids.some((k) => book.has(k))) return;
  const diabetes = book.has('type1-diabetes');
  const ldl = ctx.riskFactors.ldl;
  if (!diabetes && (ldl < 70 || ldl >= 190)) return;
  const inputs = { ...ctx, diabetes };
  const last = Math.min(ctx.asOfDay - 2, addYears(ctx.birthDay, 76) - 1);
  let first = Math.max(addYears(ctx.birthDay, 40), pceStatinGuideline);
  if (diabetes) first = Math.max(first, book.onsetDay('type1-diabetes'));
  const risk = (day: Day) => primaryPreventionRisk(inputs, day);
  const eligible = (day: Day) => diabetes || risk(day) >= 0.075;
  // The risk grows with age: the first eligible day is the window's start or a birthday in it.
  while (first <= last && !eligible(first)) first = nextBirthday(ctx.birthDay, first);
  if (first > last) return;
  const uptake = diabetes ? 0.55 : risk(last) >= 0.2 ? 0.41 : 0.25;
  if (!rng.chance(uptake)) return;
  const drawn = rng.int(first, last);
  const start = eligible(drawn) ? drawn : first;
  const high = !diabetes && risk(start) >= 0.2;
  const drug = high ? highStatin(rng) : moderateStatin(rng);
  const indication = diabetes ? 'type1-diabetes' : 'hyperlipidaemia';
  const order = statinOrder(rng, book, drug, indication, start);
  if (order) book.add(order);
}

/** The first birthday after `day` (a 29 February birthday falls on 28 February in common years). */
function nextBirthday(birthDay: Day, day: Day): Day {
  let years = wholeYears(birthDay, day) + 1;
  let birthday = addYears(birthDay, years);
  while (birthday <= day) birthday = addYears(birthDay, ++years);
  return birthday;
}
