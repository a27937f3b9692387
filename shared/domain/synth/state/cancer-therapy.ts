// Domain (synth/state): systemic therapy for lung, colorectal and HER2-positive breast cancer, by
// stage, time since diagnosis, the tumour's findings and US approval dates, and the cardiac monitoring
// trastuzumab needs. Drawn from its own 'cancer-therapy' stream after every other prescription, so
// no other medication changes.
import type { Genome, SynthPatient, TrueMedication } from '../model';
import type { Rng } from '../rng';
import { dayFromIso, isoDate, type Day } from './calendar';
import { clamp, exponential } from './math';
import { toMedications } from './medications';
import { OrderBook, type PrescribingContext } from './order-book';

/**
 * US approval dates (FDA): osimertinib first-line for metastatic EGFR exon 19 deletion or L858R NSCLC
 * 2018-04-18 (FLAURA, Soria JC et al. NEJM 2018;378:113); adjuvant after resection of stage IB-IIIA
 * 2020-12-18 (ADAURA, Wu YL et al. NEJM 2020;383:1711); unresectable stage III after chemoradiation
 * 2024-09-25 (LAURA, Lu S et al. NEJM 2024;391:585). Capecitabine adjuvant for Dukes C colon cancer
 * 2005-06-15 (X-ACT, Twelves C et al. NEJM 2005;352:2696). TAGRISSO and XELODA prescribing information.
 */
export const approvals = {
  osimertinibMetastatic: dayFromIso('2018-04-18'),
  osimertinibAdjuvant: dayFromIso('2020-12-18'),
  osimertinibUnresectableStageIII: dayFromIso('2024-09-25'),
  capecitabineAdjuvantColon: dayFromIso('2005-06-15'),
  /**
   * Trastuzumab adjuvant for HER2-overexpressing node-positive breast cancer 2006-11-16 (with AC then
   * paclitaxel: NSABP B-31 and NCCTG N9831, Romond EH et al. NEJM 2005;353:1673), node-negative and
   * single-agent after chemotherapy 2008 (HERA). HERCEPTIN prescribing information, section 1.1.
   */
  trastuzumabAdjuvant: dayFromIso('2006-11-16'),
} as const;

/** Days in a mean for an exponential time with this median in months. */
const meanDaysForMedianMonths = (months: number) => (months * 30.44) / Math.LN2;

/**
 * Progression-free survival on osimertinib, taken as exponential with the trials' medians: 18.9
 * months first line (FLAURA), 39.1 months after chemoradiation (LAURA). A course stops at progression
 * (the next line, platinum-pemetrexed, is intravenous and not modelled).
 */
const pfsMeanDays = {
  metastatic: meanDaysForMedianMonths(18.9),
  unresectableStageIII: meanDaysForMedianMonths(39.1),
} as const;

/** Adjuvant osimertinib for up to 3 years (ADAURA; TAGRISSO PI 2.2). */
const adjuvantOsimertinibDays = 3 * 365 + 1;

/** Osimertinib 80 mg once daily, with or without food (TAGRISSO PI 2.2). */
const onceDaily = { frequency: 1, period: 1, periodUnit: 'd' } as const;

/**
 * Share of stage III NSCLC (SEER regional at diagnosis) that is resected (IIIA) rather than treated
 * with chemoradiation: generator choice, for lack of a registry split by substage; the stage carries
 * no substage, so stage I (IA is not eligible for ADAURA, IB is) gets no adjuvant osimertinib.
 */
const resectedStageIIIShare = 0.5;

/** Colorectal stage III: NCDB 2011, 66% received adjuvant chemotherapy (Surgery 2015;158:692). */
const adjuvantChemotherapyShare = 0.66;

/**
 * Of those, the share given capecitabine (CAPOX or capecitabine alone) rather than infusional 5-FU
 * (FOLFOX, intravenous, not modelled): generator choice; NCCN Colon v3.2024 lists both as preferred.
 */
const capecitabineShare = 0.4;

/**
 * IDEA (Grothey A et al. NEJM 2018;378:1177): 3 months of CAPOX is non-inferior for low-risk stage
 * III (T1-3 N1), about 60% of the pooled patients; high-risk (T4 or N2) gets 6 months.
 */
const lowRiskShare = 0.6;

/**
 * The EHR shows cancer treatment of the last 10 years, as for endocrine therapy (other-prescribing.ts):
 * generator choice.
 */
const historyDays = 3652;

/** Mosteller body-surface area in m² (height cm, weight kg). */
export function bodySurfaceArea(heightCm: number, weightKg: number): number {
  return Math.sqrt((heightCm * weightKg) / 3600);
}

/**
 * Capecitabine tablets (500 mg) per dose for `mgPerM2` twice daily: the BSA dose rounded to the
 * nearest 500 mg (the catalog has only the 500 mg tablet; XELODA PI 2.2 rounds with 150 mg tablets),
 * at least one tablet.
 */
export function capecitabineTablets(mgPerM2: number, heightCm: number, weightKg: number): number {
  return Math.max(1, Math.round((mgPerM2 * bodySurfaceArea(heightCm, weightKg)) / 500));
}

/**
 * The patient's oral systemic cancer therapy, from the 'cancer-therapy' stream: one fork per rule.
 * `tumour` is the tumour's findings (genomics sampleTumourFindings: the genome's own draws).
 */
export function prescribeCancerTherapy(
  rng: Rng,
  ctx: PrescribingContext,
  tumour: Genome['tumour'],
): TrueMedication[] {
  if (ctx.age < 18) return [];
  const book = new OrderBook(ctx);
  treatEgfrLungCancer(rng.fork('lung'), book, tumour);
  treatColorectalAdjuvant(rng.fork('colorectal'), book);
  // Since 1.9.0, after the others' draws (a fork of its own, so they are unchanged).
  treatHer2BreastAdjuvant(rng.fork('her2'), book, tumour);
  return toMedications(rng.fork('orders'), book.orders);
}

/**
 * EGFR L858R NSCLC (NCCN NSCLC v5.2024; osimertinib 80 mg daily is the preferred EGFR therapy):
 * - stage IV: first line 2-6 weeks after diagnosis (tumour sequencing turnaround), until progression;
 * - stage II and resected stage III: adjuvant for 3 years, starting 2-8 months after diagnosis
 *   (surgery, then within 10 weeks, or 26 weeks after adjuvant chemotherapy: ADAURA);
 * - unresectable stage III: after chemoradiation, 3-6 months after diagnosis, until progression.
 * Only where the start falls on or after the indication's approval (no first-generation EGFR TKI is
 * in the catalog, so earlier metastatic patients have none); every eligible patient is treated.
 */
export function treatEgfrLungCancer(rng: Rng, book: OrderBook, tumour: Genome['tumour']): void {
  const lung = book.condition('lung-cancer');
  if (!lung || !tumour.some((f) => f.gene === 'EGFR' && f.alteration === 'L858R')) return;
  const onset = book.onsetDay('lung-cancer');
  const stage = lung.severity;
  if (stage === 'IV') {
    const start = onset + rng.int(14, 42);
    const end = start + Math.round(exponential(rng, pfsMeanDays.metastatic));
    addOsimertinib(book, start, approvals.osimertinibMetastatic, end, false);
  } else if (stage === 'II' || (stage === 'III' && rng.chance(resectedStageIIIShare))) {
    const start = onset + rng.int(60, 240);
    addOsimertinib(
      book,
      start,
      approvals.osimertinibAdjuvant,
      start + adjuvantOsimertinibDays,
      true,
    );
  } else if (stage === 'III') {
    const start = onset + rng.int(90, 180);
    const end = start + Math.round(exponential(rng, pfsMeanDays.unresectableStageIII));
    addOsimertinib(book, start, approvals.osimertinibUnresectableStageIII, end, false);
  }
}

/**
 * An osimertinib order from `start` (if approved by then and started before asOf) to `end`: a planned
 * end (adjuvant) is kept even after asOf; a progression after asOf is not yet known, so the order runs.
 * Specialty pharmacy fills of 30 tablets (TAGRISSO PI 16: bottles of 30).
 */
function addOsimertinib(book: OrderBook, start: Day, approved: Day, end: Day, planned: boolean) {
  const { asOfDay } = book.ctx;
  if (start < approved || start >= asOfDay) return;
  book.add({
    drug: 'osimertinib-80',
    indication: 'lung-cancer',
    units: 1,
    timing: onceDaily,
    start,
    ...(planned || end < asOfDay ? { end } : {}),
    adherence: 'course',
    fill: { quantity: 30, daysSupply: 30 },
  });
}

/**
 * Stage III colorectal cancer diagnosed in the last 10 years: adjuvant capecitabine, starting 4-12
 * weeks after diagnosis (resection, then chemotherapy within 8 weeks: Gao P et al. BMC Cancer
 * 2018;18:234), twice daily after meals on days 1-14 of each 21-day cycle (XELODA PI 2.2):
 * - under 70: CAPOX, capecitabine 1000 mg/m² per dose, 4 cycles (low risk) or 8 cycles (high risk: IDEA);
 * - 70 and over: capecitabine alone, 1250 mg/m² per dose, 8 cycles (X-ACT; NCCN Colon v3.2024: no
 *   proven benefit of adding oxaliplatin at 70 and over). Oxaliplatin (intravenous) is not modelled.
 * The course ends on its plan (completed), and its planned end is kept when it runs past asOf. DPYD:
 * the dose is never reduced, for pre-treatment DPYD genotyping was rare in US practice (NCCN Colon
 * v3.2024 did not require it; the XELODA label recommended testing only from 2024-2025): a patient
 * with a decreased-function DPYD genotype (CPIC fluoropyrimidine guideline 2017, 2024 update: reduce the
 * starting dose by 50% at activity score 1-1.5, avoid at 0-0.5) is left on the full dose as the
 * safety case for the recommendation engine to catch.
 */
export function treatColorectalAdjuvant(rng: Rng, book: OrderBook): void {
  const colorectal = book.condition('colorectal-cancer');
  if (colorectal?.severity !== 'III') return;
  const { asOfDay, age, riskFactors } = book.ctx;
  const onset = book.onsetDay('colorectal-cancer');
  if (asOfDay - onset > historyDays) return;
  if (!rng.chance(adjuvantChemotherapyShare) || !rng.chance(capecitabineShare)) return;
  const start = onset + rng.int(28, 84);
  if (start < approvals.capecitabineAdjuvantColon || start >= asOfDay) return;
  const ageAtStart = age - (asOfDay - start) / 365.25;
  const alone = ageAtStart >= 70;
  const cycles = alone || !rng.chance(lowRiskShare) ? 8 : 4;
  const units = capecitabineTablets(
    alone ? 1250 : 1000,
    riskFactors.heightCm,
    riskFactors.weightKg,
  );
  book.add({
    drug: 'capecitabine-500',
    indication: 'colorectal-cancer',
    units,
    timing: {
      frequency: 2,
      period: 1,
      periodUnit: 'd',
      when: ['PCM', 'PCV'],
      cycle: { daysOn: 14, cycleDays: 21 },
    },
    start,
    end: start + cycles * 21,
    adherence: 'course',
    // One fill per cycle: 14 days of two doses.
    fill: { quantity: units * 2 * 14, daysSupply: 21 },
  });
}

/**
 * Share of HER2-positive stage I-III breast cancer given adjuvant trastuzumab: 83% of 1,109 women at
 * NCCN centres, 2005-2008 (Freedman RA et al. Cancer 2013;119:839).
 */
const trastuzumabShare = 0.83;
/** Adjuvant trastuzumab: 52 weeks in all (HERCEPTIN PI 2.2; HERA: 2 years no better than 1). */
const trastuzumabCourseDays = 52 * 7;
/** Maintenance dose every 3 weeks, mg/kg (HERCEPTIN PI 2.2, three-weekly schedule: 8 mg/kg first). */
const trastuzumabMgPerKg = 6;

/**
 * HER2-positive (ERBB2-amplified) breast cancer of stage I-III diagnosed in the last 10 years:
 * adjuvant trastuzumab for 83% (`trastuzumabShare`), starting 3-8 weeks after the diagnosis (with
 * chemotherapy, before or after surgery; NCCN Breast v4.2024; generator choice), every 3 weeks for 52
 * weeks, 6 mg/kg rounded to 10 mg by the patient's weight, intravenously; never before its adjuvant
 * approval. One order per course: the 8 mg/kg loading dose, the chemotherapy given with it
 * (paclitaxel, docetaxel and carboplatin) and pertuzumab for node-positive disease (APHINITY) are not
 * modelled, nor stage IV therapy (trastuzumab, pertuzumab and a taxane, CLEOPATRA). The course ends
 * on its plan (early stops for cardiac dysfunction, about 4-5% in HERA, are not modelled); the infusion
 * pharmacy dispenses one dose per cycle.
 */
export function treatHer2BreastAdjuvant(rng: Rng, book: OrderBook, tumour: Genome['tumour']): void {
  const breast = book.condition('breast-cancer');
  if (!breast || !tumour.some((f) => f.gene === 'ERBB2' && f.alteration === 'amplification'))
    return;
  if (breast.severity !== 'I' && breast.severity !== 'II' && breast.severity !== 'III') return;
  const { asOfDay, weightKg } = book.ctx;
  const onset = book.onsetDay('breast-cancer');
  if (asOfDay - onset > historyDays || !rng.chance(trastuzumabShare)) return;
  const start = onset + rng.int(21, 56);
  if (start < approvals.trastuzumabAdjuvant || start >= asOfDay) return;
  const mg = Math.max(10, Math.round((trastuzumabMgPerKg * weightKg) / 10) * 10);
  book.add({
    drug: 'trastuzumab-iv',
    indication: 'breast-cancer',
    units: mg,
    timing: { frequency: 1, period: 3, periodUnit: 'wk' },
    start,
    end: start + trastuzumabCourseDays,
    adherence: 'infusion',
    fill: { quantity: mg, daysSupply: 21 },
  });
}

/**
 * Trastuzumab's cardiotoxicity (1.11.0): the share of patients whose LVEF falls on treatment, by the
 * size of the fall, from the per-patient incidence of new-onset myocardial dysfunction in Study 3
 * (HERA, 1 year of trastuzumab, n = 1,678) in HERCEPTIN US prescribing information Table 6: an
 * absolute LVEF decrease of 20 points or more in 3.5%, of 10 to under 20 points in 22.4%. Our readings
 * without it never fall 10 points (one patient's LVEF ±4), so the treated arm's rates are used whole,
 * not its excess over the observation arm (1.2% and 11.9%); the readings' noise comes on top.
 */
export const trastuzumabLvefFall = { severe: 0.035, moderate: 0.224 };

/**
 * After the course the fall halves every 6 months (project choice: trastuzumab's dysfunction is
 * mostly reversible once it stops; HERCEPTIN PI 5.1: about half of the adjuvant patients with heart
 * failure recovered to a normal LVEF).
 */
const fallHalfLifeDays = 182;

export interface TrastuzumabMonitoring {
  readings: NonNullable<SynthPatient['lvefReadings']>;
  cardiotoxicity?: NonNullable<SynthPatient['trastuzumabCardiotoxicity']>;
}

/**
 * LVEF on trastuzumab (HERCEPTIN PI 2.1 and 5.1, boxed warning cardiomyopathy): measured just before
 * the first dose, every 3 months during treatment and at its completion, then every 6 months for 2
 * years after adjuvant therapy. The patient's own LVEF, N(62, 4) within 55-70% (generator choice
 * within the normal range), each reading ±4 points (Thavendiranathan P et al. JACC 2013;61:77: 2D
 * echo test-retest variability); with cardiotoxicity (`trastuzumabLvefFall`) the LVEF falls by 20-28
 * or 10-19 points from a day drawn uniformly in the course, to readings no lower than 15%, and
 * recovers after it (`fallHalfLifeDays`). The course is not held or stopped for it, nor is heart
 * failure diagnosed: the record shows what the product should catch (HERCEPTIN PI 2.2). Only the
 * readings of the record's three years before `asOfDay` (as its encounters); `rng` is the patient's
 * 'lvef-monitoring' stream, drawn only for a patient on trastuzumab, the cardiotoxicity after every
 * reading's draw (so a patient without it reads as in 1.10.0).
 */
export function trastuzumabMonitoring(
  rng: Rng,
  medications: readonly TrueMedication[],
  asOfDay: Day,
): TrastuzumabMonitoring {
  const course = medications.find((m) => m.key === 'trastuzumab-iv');
  if (!course) return { readings: [] };
  const start = dayFromIso(course.start);
  const end = dayFromIso(course.end ?? course.start);
  const days = [start - rng.int(1, 14)];
  for (let d = start + 91; d < end; d += 91) days.push(d);
  days.push(end);
  for (let d = end + 182; d <= end + 730; d += 182) days.push(d);
  const own = clamp(Math.round(rng.normal(62, 4)), 55, 70);
  const noise = days.map(() => rng.int(-4, 4));
  const u = rng.next();
  const fallPoints =
    u < trastuzumabLvefFall.severe
      ? rng.int(20, 28)
      : u < trastuzumabLvefFall.severe + trastuzumabLvefFall.moderate
        ? rng.int(10, 19)
        : 0;
  const onset = fallPoints > 0 ? rng.int(start + 1, Math.max(start + 1, end)) : undefined;
  const readings: NonNullable<SynthPatient['lvefReadings']> = [];
  days.forEach((day, i) => {
    let fall = 0;
    if (onset !== undefined && day >= onset)
      fall = Math.round(fallPoints * 0.5 ** (Math.max(0, day - end) / fallHalfLifeDays));
    const value = clamp(own + noise[i]! - fall, 15, 75);
    if (day < asOfDay && day >= asOfDay - 3 * 365) readings.push({ date: isoDate(day), value });
  });
  return {
    readings,
    ...(onset !== undefined ? { cardiotoxicity: { onset: isoDate(onset), fallPoints } } : {}),
  };
}
