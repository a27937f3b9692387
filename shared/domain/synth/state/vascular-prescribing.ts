// Domain (synth/state): prescribing for heart failure, coronary disease and MI, stroke, CKD and deep-vein
// thrombosis (antithrombotics, beta-blockers, RAS blockade, diuretics, gastroprotection).
import type { Rng } from '../rng';
import { daysFromCivil, type Day } from './calendar';
import { drugs, type DrugKey } from './drugs';
import type { DrugClass } from './medication-catalog';
import { phenotypeOf, type HeartFailurePhenotype } from './heart-failure';
import { rasBlockers, timings, type OrderBook } from './order-book';

/**
 * Heart-failure therapy by LVEF category (2022 AHA/ACC/HFSA HF guideline, Heidenreich PA et al.
 * Circulation 2022;145:e895), each a share of the patients of that category:
 * - HFrEF (class 1: RAS blockade, evidence-based beta-blocker, MRA, SGLT2i; diuretics for congestion):
 *   metoprolol succinate or carvedilol ≈80%, ACEi/ARB/ARNI ≈70%, loop diuretic ≈65% (use rates as in
 *   CHAMP-HF, Greene SJ et al. JACC 2018;72:351), ARNI within the RAS share (heartFailureRasBlockade),
 *   MRA and SGLT2i below;
 * - HFmrEF (SGLT2i 2a; beta-blocker, ACEi/ARB/ARNI and MRA 2b, "may be considered"): beta-blocker and
 *   ACEi/ARB ≈60%, MRA ≈20% of the eligible (generator choices below the HFrEF shares; no ARNI here);
 * - HFpEF (SGLT2i 2a; MRA 2b; diuretics for congestion class 1; blood pressure treated per the
 *   hypertension guideline): no beta-blocker or RAS blocker for the HF itself — the AF, MI and
 *   hypertension rules give them where indicated — MRA ≈15% of the eligible (TOPCAT-era use, a
 *   generator choice).
 * The draws from `rng` are the same in number and order as before phenotypes existed (an HFrEF
 * patient's beta-blocker, diuretic, MRA and SGLT2i are those of generator 1.6.0); the ARNI is drawn
 * from a fork of its own.
 */
export function treatHeartFailure(rng: Rng, book: OrderBook): void {
  if (!book.has('heart-failure')) return;
  const phenotype = phenotypeOf(book.condition('heart-failure')) ?? 'HFrEF';
  const shares = heartFailureShares[phenotype];
  const arniRng = rng.fork('hf-arni');
  const start = book.startAfter(rng, book.onsetDay('heart-failure'), 30);
  if (rng.chance(shares.betaBlocker)) {
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
  if (rng.chance(shares.rasBlocker)) {
    const drug: DrugKey = rng.chance(0.55) ? 'lisinopril-10' : 'losartan-50';
    heartFailureRasBlockade(arniRng, book, phenotype, drug, start);
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
  const { egfr, potassium } = book.ctx.riskFactors;
  // MRA when eGFR > 30 and K+ < 5.0 (2022 AHA/ACC/HFSA HF guideline, rec. 7.3.4); ≈33% prescribed among
  // eligible HFrEF outpatients in CHAMP-HF (Greene SJ et al. JACC 2018;72:351).
  if (egfr > 30 && potassium < 5 && rng.chance(shares.mra)) {
    book.add({
      drug: 'spironolactone-25',
      indication: 'heart-failure',
      units: 1,
      timing: timings.morning,
      start: book.startAfter(rng, start, 180),
      adherence: 'chronic',
    });
  }
  // SGLT2i when eGFR ≥ 20 (2022 HF guideline, rec. 7.3.5: HFrEF class 1; rec. 8.1, 9.1: 2a for HFmrEF
  // and HFpEF): 20.2% at discharge in GWTG-HF 2021–22, rising (Pierce JB et al. JAMA Cardiol
  // 2023;8:652); generator uses 25% in every category, only after the US approval for its EF.
  if (egfr >= 20 && !book.hasClass('sglt2-inhibitor') && rng.chance(0.25)) {
    const approved = phenotype === 'HFrEF' ? sglt2HeartFailureApproved : sglt2AnyEfApproved;
    const from = Math.max(start, approved);
    if (from < book.ctx.asOfDay - 1) {
      book.add({
        drug: 'empagliflozin-10',
        indication: 'heart-failure',
        units: 1,
        timing: timings.morning,
        start: book.startAfter(rng, from, 180),
        adherence: 'chronic',
      });
    }
  }
}

/** Per LVEF category, the share given each HF drug class (see treatHeartFailure). */
const heartFailureShares: Record<
  HeartFailurePhenotype,
  { betaBlocker: number; rasBlocker: number; mra: number }
> = {
  HFrEF: { betaBlocker: 0.8, rasBlocker: 0.7, mra: 0.33 },
  HFmrEF: { betaBlocker: 0.6, rasBlocker: 0.6, mra: 0.2 },
  HFpEF: { betaBlocker: 0, rasBlocker: 0, mra: 0.15 },
};

/** Sacubitril/valsartan's US approval for HFrEF, 7 Jul 2015 (Entresto, FDA). */
export const arniApproved = daysFromCivil(2015, 7, 7);
/** Days from the last ACE-inhibitor dose to the first ARNI dose: at least 36 hours (Entresto USPI 2.1). */
export const arniWashoutDays = 2;

/**
 * ARNI uptake in HFrEF: 13% of US outpatients at CHAMP-HF baseline 2015–2017 (DeVore AD et al. JAHA
 * 2018;7:e009237), 10.9% of Medicare patients discharged 2015–2018 (GWTG-HF, Greene SJ et al. JAHA
 * 2021;10:e021459), rising since. Generator choice: 25% of RAS-treated HFrEF start on an ARNI once
 * approved and 25% of those on an ACEi/ARB switch to one later (2022 HF guideline rec. 7.3.1: replace a
 * tolerated ACEi/ARB by an ARNI, class 1): about 18% of HFrEF on one at the export (22% in 143 HFrEF
 * patients of 12,000, seed 61; state/heart-failure.test.ts).
 */
const arniAtStart = 0.25;
const arniSwitch = 0.25;

/**
 * The HF RAS blocker: an ACEi/ARB (`drug`), or in HFrEF an ARNI from the start or in its place later —
 * never both on one day, and 36 hours without an ACEi before the first ARNI dose. No ARNI before its
 * approval, after an ACEi allergy (angioedema contraindicates it, Entresto USPI 4) or outside HFrEF.
 */
function heartFailureRasBlockade(
  rng: Rng,
  book: OrderBook,
  phenotype: HeartFailurePhenotype,
  drug: DrugKey,
  start: Day,
): void {
  const lastDay = book.ctx.asOfDay - 1;
  const arniOk = phenotype === 'HFrEF' && !book.ctx.allergens.has('lisinopril');
  const arni = (from: Day) =>
    book.add({
      drug:
        book.ctx.riskFactors.egfr < 30
          ? 'sacubitril-valsartan-24-26'
          : 'sacubitril-valsartan-49-51',
      indication: 'heart-failure',
      units: 1,
      timing: timings.twiceDaily,
      start: from,
      adherence: 'chronic',
    });
  if (arniOk && start >= arniApproved && rng.chance(arniAtStart)) {
    arni(start);
    return;
  }
  const order = {
    drug,
    indication: 'heart-failure' as const,
    units: 1,
    timing: timings.morning,
    start,
    adherence: 'chronic' as const,
  };
  const before = book.orders.length;
  book.add(order);
  if (!arniOk || book.orders.length === before || !rng.chance(arniSwitch)) return;
  const added = book.orders[before]!;
  const switchDay = book.startAfter(rng, Math.max(start + 90, arniApproved), 3 * 365);
  const washout = drugs[added.drug].drugClass === 'ace-inhibitor' ? arniWashoutDays : 0;
  if (switchDay + washout >= lastDay) return;
  added.end = switchDay;
  arni(switchDay + washout);
}

/** Empagliflozin's US approval for HF at any ejection fraction, 24 Feb 2022 (FDA; EMPEROR-Preserved). */
export const sglt2AnyEfApproved = daysFromCivil(2022, 2, 24);

/** Empagliflozin's US approval for HFrEF, 18 Aug 2021 (Jardiance label; dapagliflozin was first, May 2020). */
export const sglt2HeartFailureApproved = daysFromCivil(2021, 8, 18);

/**
 * Chronic coronary disease diagnosed before any MI: aspirin 81 mg ≈75% unless anticoagulated (2023
 * AHA/ACC/multisociety chronic coronary disease guideline, rec. 5.2: low-dose aspirin; OAC alone in AF
 * beyond 12 months after PCI). Coronary disease revealed by the MI (same onset) is treated by the MI rule.
 */
export function treatCoronaryDisease(rng: Rng, book: OrderBook): void {
  if (!book.has('coronary-disease')) return;
  const cadStart = book.startAfter(rng, book.onsetDay('coronary-disease'), 30);
  const mi = book.has('myocardial-infarction') ? book.onsetDay('myocardial-infarction') : undefined;
  const beforeMi = mi === undefined || cadStart < mi;
  if (beforeMi && !book.hasClass('anticoagulant') && rng.chance(0.75)) {
    book.add({
      drug: 'aspirin-81',
      indication: 'coronary-disease',
      units: 1,
      timing: timings.morning,
      start: cadStart,
      adherence: 'chronic',
    });
  }
  if (mi !== undefined) treatMyocardialInfarction(rng, book, mi);
}

/**
 * Beta-blockers in HFpEF as practice gives them, not the HF guideline (which recommends none for HFpEF
 * itself): 68% of 306 HFpEF hospitalisations of Medicare beneficiaries were discharged on one; 60% of
 * those had a compelling indication (arrhythmia 44%, prior MI 29%) and the rest coronary disease
 * without MI (57%) or hypertension alone (38%) (Yum B et al. Indications for beta-blocker
 * prescriptions in heart failure with preserved ejection fraction. J Am Geriatr Soc 2019;67:1461).
 * The AF and MI rules give the compelling ones; this rule gives an HFpEF patient with coronary
 * disease or hypertension who takes none a beta-blocker for that indication with probability
 * `hfpefComorbidityBetaBlocker`, a generator choice fitted so that about two thirds of HFpEF
 * patients take one at the export (state/heart-failure.test.ts). Before generator 1.13.0 only the AF
 * and MI rules did, and about 13% of HFpEF patients took one.
 */
export function treatHfpefBetaBlocker(rng: Rng, book: OrderBook): void {
  if (!book.has('heart-failure') || phenotypeOf(book.condition('heart-failure')) !== 'HFpEF')
    return;
  const indication = book.has('coronary-disease')
    ? 'coronary-disease'
    : book.has('hypertension')
      ? 'hypertension'
      : undefined;
  if (indication === undefined || book.hasClass('beta-blocker')) return;
  if (!rng.chance(hfpefComorbidityBetaBlocker)) return;
  const from = Math.max(book.onsetDay('heart-failure'), book.onsetDay(indication));
  book.add({
    drug: rng.chance(0.5) ? 'metoprolol-succinate-25' : 'metoprolol-succinate-50',
    indication,
    units: 1,
    timing: timings.morning,
    start: book.startAfter(rng, from, 90),
    adherence: 'chronic',
  });
}

/** See treatHfpefBetaBlocker. */
export const hfpefComorbidityBetaBlocker = 0.75;

/** The P2Y12 inhibitors, DAPT partners of aspirin after an acute coronary syndrome. */
export const p2y12Inhibitors: ReadonlySet<DrugKey> = new Set<DrugKey>([
  'clopidogrel-75',
  'ticagrelor-90',
  'prasugrel-10',
]);

/** US approval dates: prasugrel (Effient) 10 Jul 2009, ticagrelor (Brilinta) 20 Jul 2011 (FDA labels). */
const prasugrelApproved = daysFromCivil(2009, 7, 10);
const ticagrelorApproved = daysFromCivil(2011, 7, 20);

/**
 * DAPT lasts 12 months after an ACS (2025 ACC/AHA/ACEP/NAEMSP/SCAI ACS guideline, rec. 7.2: DAPT ≥ 12
 * months unless high bleeding risk; as the 2016 ACC/AHA DAPT focused update); ±2 weeks for the visit at
 * which it is stopped (generator choice).
 */
export const daptDays = 365;

/**
 * Which P2Y12 inhibitor: clopidogrel with an oral anticoagulant (AUGUSTUS; 2020 ACC expert consensus
 * decision pathway on antithrombotic therapy in AF/VTE patients with PCI or ASCVD, Kumbhani DJ et al. JACC
 * 2021;77:629) or aspirin allergy (clopidogrel monotherapy, 2025 ACS guideline); prasugrel never after
 * stroke/TIA nor at 75+ (Effient label boxed warning); otherwise the US mix by age after Kumar A et al.
 * Clin Transl Sci 2023;16:1886 (MarketScan 2013–2018: ticagrelor 45.6% at ≤65 by 2018, clopidogrel 66.2%
 * at 65+) — shares a modelling approximation; only drugs approved by the MI date.
 */
function pickP2y12(rng: Rng, book: OrderBook, mi: Day, clopidogrelOnly: boolean): DrugKey {
  if (clopidogrelOnly) return 'clopidogrel-75';
  const { age } = book.ctx;
  const ticagrelor = mi >= ticagrelorApproved ? (age < 65 ? 0.45 : 0.3) : 0;
  const prasugrelOk = mi >= prasugrelApproved && age < 75 && !book.has('stroke');
  const prasugrel = prasugrelOk ? (age < 65 ? 0.13 : 0.04) : 0;
  return rng.weighted([
    ['clopidogrel-75', 1 - ticagrelor - prasugrel],
    ['ticagrelor-90', ticagrelor],
    ['prasugrel-10', prasugrel],
  ] as const);
}

/** An order's end, or undefined when it still runs at asOf (chronic orders are current). */
function endBefore(book: OrderBook, end: Day): Day | undefined {
  return end < book.ctx.asOfDay ? end : undefined;
}

/**
 * Myocardial infarction (an ACS; the admission is on the onset day, state/encounters.ts): discharge
 * therapy started on the admission day (2025 ACC/AHA/ACEP/NAEMSP/SCAI ACS guideline; 2014 AHA/ACC NSTE-ACS
 * and 2013 ACCF/AHA STEMI guidelines):
 * - aspirin 81 mg ≈95% and a P2Y12 inhibitor ≈90% — discharge uptake among eligible patients in the NCDR
 *   Chest Pain–MI Registry (≈90–95%); aspirin continues, the P2Y12 inhibitor stops after 12 months;
 * - with an oral anticoagulant (AF): aspirin only for 1–4 weeks after the later of MI and OAC start; an
 *   OAC running at or during the DAPT year makes the P2Y12 inhibitor clopidogrel, OAC + clopidogrel to 12
 *   months, then OAC alone
 *   (AUGUSTUS, Lopes RD et al. NEJM 2019;380:1509; 2020 ACC ECDP, Kumbhani DJ et al. JACC 2021;77:629) —
 *   no indefinite triple therapy;
 * - a PPI for ≈40% on DAPT (2016 ACC/AHA DAPT focused update: reasonable with GI-bleeding risk), stopped
 *   with the P2Y12 inhibitor — also the classic CYP2C19 clopidogrel/omeprazole pharmacogenomic case;
 * - a beta-blocker ≈85% (2025 ACS guideline; generator share) and ACEi/ARB ≈80% with hypertension,
 *   diabetes, CKD or HF (2014 NSTE-ACS guideline class 1 indications; generator share), unless one was
 *   already taken at the MI (see bridgeUntilLaterOrder);
 * - the high-intensity statin is drawn in treatLipids (cardiometabolic-prescribing.ts).
 * Patients do not die in this model, so nothing needs stopping at death.
 */
export function treatMyocardialInfarction(rng: Rng, book: OrderBook, mi: Day): void {
  const daptEnd = mi + daptDays + rng.int(-14, 14);
  const oac = book.orders.find(
    (o) => drugs[o.drug].drugClass === 'anticoagulant' && o.end === undefined,
  );
  // An anticoagulant that starts before the DAPT year ends changes the regimen (dual, not triple).
  const oacStart = oac && oac.start < daptEnd ? oac.start : undefined;
  const aspirinAllergy = book.ctx.allergens.has('aspirin');
  const onAspirin = book.orders.some(
    (o) => o.drug === 'aspirin-81' && o.end === undefined && o.start <= mi,
  );
  if (!onAspirin && !aspirinAllergy && rng.chance(0.95)) {
    // Aspirin stops 1–4 weeks after the later of MI and OAC start, also when AF comes years later (OAC
    // monotherapy in chronic coronary disease: 2023 AHA/ACC CCD guideline, AFIRE).
    const aspirinEnd = oac === undefined ? undefined : Math.max(mi, oac.start) + rng.int(7, 28);
    const end = aspirinEnd === undefined ? undefined : endBefore(book, aspirinEnd);
    book.add({
      drug: 'aspirin-81',
      indication: 'myocardial-infarction',
      units: 1,
      timing: timings.morning,
      start: mi,
      ...(end !== undefined ? { end } : {}),
      adherence: 'chronic',
    });
  }
  const onP2y12 = book.orders.some((o) => p2y12Inhibitors.has(o.drug) && o.end === undefined);
  if (!onP2y12 && (aspirinAllergy || rng.chance(0.9))) {
    const drug = pickP2y12(rng, book, mi, aspirinAllergy || oacStart !== undefined);
    // With aspirin allergy the P2Y12 inhibitor is the long-term single antiplatelet.
    const end = aspirinAllergy ? undefined : endBefore(book, daptEnd);
    const once = drug !== 'ticagrelor-90';
    book.add({
      drug,
      indication: 'myocardial-infarction',
      units: 1,
      timing: once ? timings.morning : timings.twiceDaily,
      start: mi,
      ...(end !== undefined ? { end } : {}),
      adherence: 'chronic',
    });
    if (rng.chance(0.4)) {
      book.add({
        drug: 'omeprazole-20',
        indication: 'myocardial-infarction',
        units: 1,
        timing: timings.beforeBreakfast,
        start: mi,
        ...(end !== undefined ? { end } : {}),
        adherence: 'chronic',
      });
    }
  }
  bridgeUntilLaterOrder(rng, book, mi, ['beta-blocker'], 0.85, 'metoprolol-succinate-25');
  const rasIndicated = (['hypertension', 'type2-diabetes', 'ckd', 'heart-failure'] as const).some(
    (k) => book.has(k),
  );
  if (rasIndicated) {
    const drug: DrugKey = rng.chance(0.6) ? 'lisinopril-10' : 'losartan-50';
    bridgeUntilLaterOrder(rng, book, mi, rasBlockers, 0.8, drug);
  }
}

/**
 * Starts `drug` on the MI day with probability `p` unless an order of `classes` is taken on that day;
 * when such orders start later (a beta-blocker for AF or HF diagnosed after the MI), the MI order runs
 * until the first of them (a switch, not two drugs of a class at once), ending 36 hours before an ARNI
 * when it is an ACE inhibitor (Entresto USPI 2.1); with no day left for it, it is not started.
 */
function bridgeUntilLaterOrder(
  rng: Rng,
  book: OrderBook,
  mi: Day,
  classes: readonly DrugClass[],
  p: number,
  drug: DrugKey,
): void {
  const ofClass = book.orders.filter(
    (o) => classes.includes(drugs[o.drug].drugClass) && (o.end === undefined || o.end > mi),
  );
  if (ofClass.some((o) => o.start <= mi) || !rng.chance(p)) return;
  const next = ofClass.reduce<(typeof ofClass)[number] | undefined>(
    (first, o) => (first === undefined || o.start < first.start ? o : first),
    undefined,
  );
  const washout =
    next && drugs[drug].drugClass === 'ace-inhibitor' && drugs[next.drug].drugClass === 'arni'
      ? arniWashoutDays
      : 0;
  const end = next ? next.start - washout : undefined;
  if (end !== undefined && end <= mi) return;
  book.add({
    drug,
    indication: 'myocardial-infarction',
    units: 1,
    timing: timings.morning,
    start: mi,
    ...(end !== undefined ? { end } : {}),
    adherence: 'chronic',
  });
}

/** US approvals: clopidogrel (Plavix) 17 Nov 1997, apixaban (Eliquis) 28 Dec 2012 (FDA). */
const clopidogrelApproved = daysFromCivil(1997, 11, 17);
export const apixabanApproved = daysFromCivil(2012, 12, 28);

/**
 * POINT (Johnston SC et al. NEJM 2018;379:215, published 16 May 2018) brought short DAPT after minor stroke
 * into US practice (CHANCE 2013 was a Chinese trial); generator choice: no stroke DAPT before it.
 */
const pointPublished = daysFromCivil(2018, 5, 16);

/** Current or later: runs on `day` or starts after it (an order the rule must not overlap). */
const runsFrom = (o: { start: Day; end?: Day }, day: Day) => o.end === undefined || o.end > day;

/**
 * Ischaemic stroke (catalog `stroke` is I63.9 cerebral infarction; its admission is on the onset day,
 * state/encounters.ts) — secondary prevention per the 2021 AHA/ASA Guideline for the Prevention of Stroke
 * in Patients With Stroke and TIA (Kleindorfer DO et al. Stroke 2021;52:e364). Prescribing cannot see the
 * discharge date, so drugs start on the admission day (as for MI):
 * - AF known by the stroke or found in the work-up (onset ≤ 14 days after): oral anticoagulation (§6.1,
 *   class 1), started 2–3 days after a minor stroke and 6–14 days after a moderate-to-severe one (§6.1:
 *   2–14 days reasonable), ≈90% — 94% of eligible AF patients in GWTG-Stroke were discharged on it
 *   (Lewis WR et al. Am Heart J 2011;162:692), the rest carrying contraindications; apixaban ≈70% once
 *   approved (the AF rule's DOAC share), else warfarin. Aspirin bridges until the OAC starts; no
 *   antiplatelet is added to an OAC already taken (§6.1: no added benefit, more bleeding).
 * - Otherwise an antiplatelet from the admission day, ≈97% (GWTG-Stroke "antithrombotic at discharge"
 *   achievement measure, > 95% nationally in 2019, PMC9613506): aspirin ≈65% or clopidogrel (§5.1;
 *   shares a generator choice); continuing a current antiplatelet counts.
 * - Minor stroke (NIHSS ≤ 3; ≈half of admissions, generator choice — severity is not in the state yet):
 *   DAPT aspirin + clopidogrel for 21 days (CHANCE) or 90 days (POINT) (§5.1 rec. 2, class 1), given to
 *   ≈44% — aspirin-clopidogrel at discharge after mild non-cardioembolic stroke in GWTG-Stroke 2017–2023
 *   (44.0%; Aspirin-ticagrelor use after mild acute ischemic stroke, GWTG-Stroke) — not before POINT, not
 *   with an OAC, not when a P2Y12 inhibitor is already taken.
 * - The high-intensity statin is drawn in treatLipids (cardiometabolic-prescribing.ts).
 * Any stroke antiplatelet ends when a later anticoagulant or antiplatelet order starts (a switch, so no
 * triple therapy and no two P2Y12 inhibitors).
 */
export function treatStroke(rng: Rng, book: OrderBook): void {
  if (!book.has('stroke')) return;
  const stroke = book.onsetDay('stroke');
  if (stroke >= book.ctx.asOfDay - 1) return;
  const minor = rng.chance(0.5);
  const classOf = (o: { drug: DrugKey }) => drugs[o.drug].drugClass;
  const takes = (o: { start: Day; end?: Day }) => o.start <= stroke && runsFrom(o, stroke);
  const anticoagulated = book.orders.some((o) => classOf(o) === 'anticoagulant' && takes(o));
  const afAtStroke =
    book.has('atrial-fibrillation') && book.onsetDay('atrial-fibrillation') <= stroke + 14;
  let oacStart = book.orders
    .filter((o) => classOf(o) === 'anticoagulant' && o.start > stroke)
    .reduce<Day | undefined>(
      (min, o) => (min === undefined || o.start < min ? o.start : min),
      undefined,
    );
  if (afAtStroke && !anticoagulated && oacStart === undefined && rng.chance(0.9)) {
    const start = stroke + (minor ? rng.int(2, 3) : rng.int(6, 14));
    if (start < book.ctx.asOfDay - 1) {
      const apixaban = start >= apixabanApproved && rng.chance(0.7);
      book.add({
        drug: apixaban ? 'apixaban-5' : 'warfarin-5',
        indication: 'atrial-fibrillation',
        units: 1,
        timing: apixaban
          ? timings.twiceDaily
          : { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['18:00:00'] },
        start,
        adherence: 'chronic',
      });
      oacStart = start;
    }
  }
  if (anticoagulated) return;
  const current = book.orders.filter((o) => classOf(o) === 'antiplatelet' && takes(o));
  const add = (drug: DrugKey, end: Day | undefined) => {
    // A later order takes over on its start day: an OAC, or the same drug (or P2Y12 class) for an MI.
    const takeover = book.orders
      .filter(
        (o) =>
          o.start > stroke &&
          (classOf(o) === 'anticoagulant' ||
            o.drug === drug ||
            (p2y12Inhibitors.has(o.drug) && p2y12Inhibitors.has(drug))),
      )
      .reduce((min, o) => Math.min(min, o.start), end ?? Number.POSITIVE_INFINITY);
    const e = Number.isFinite(takeover) ? endBefore(book, takeover) : undefined;
    book.add({
      drug,
      indication: 'stroke',
      units: 1,
      timing: timings.morning,
      start: stroke,
      ...(e !== undefined ? { end: e } : {}),
      adherence: 'chronic',
    });
  };
  const clopidogrelOk = stroke >= clopidogrelApproved;
  const dapt =
    minor &&
    oacStart === undefined &&
    stroke >= pointPublished &&
    !current.some((o) => p2y12Inhibitors.has(o.drug)) &&
    rng.chance(0.44);
  if (current.length === 0 && rng.chance(0.97)) {
    const aspirin = dapt || !clopidogrelOk || oacStart !== undefined || rng.chance(0.65);
    add(aspirin ? 'aspirin-81' : 'clopidogrel-75', undefined);
  }
  if (dapt && book.orders.some((o) => o.drug === 'aspirin-81' && takes(o))) {
    add('clopidogrel-75', stroke + (rng.chance(0.65) ? 21 : 90));
  }
}

/** CKD: ACEi/ARB ≈60% when not already taken (KDIGO 2021 blood pressure in CKD guideline, rec. 3.1). */
export function treatKidneyDisease(rng: Rng, book: OrderBook): void {
  if (!book.has('ckd') || book.hasAnyClass(rasBlockers) || !rng.chance(0.6)) return;
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
