// Domain (synth/state): prescribing for asthma, COPD, depression and anxiety, ADHD, breast cancer, cancer
// pain, otitis media and eczema, with weight-based paediatric dosing.
import type { Rng } from '../rng';
import type { DrugKey } from './drugs';
import { timings, type OrderBook } from './order-book';

/** Asthma (GINA 2023 / NAEPP 2020): reliever SABA for all; inhaled corticosteroid for persistent asthma ≈80%. */
export function treatAsthma(rng: Rng, book: OrderBook): void {
  if (!book.has('asthma')) return;
  const start = book.startAfter(rng, book.onsetDay('asthma'), 14);
  book.add({
    drug: 'albuterol-hfa',
    indication: 'asthma',
    units: 2,
    timing: timings.every4hPrn,
    asNeeded: true,
    start,
    adherence: 'as-needed',
  });
  const persistent = (book.condition('asthma')?.severity ?? 'intermittent') !== 'intermittent';
  if (persistent && rng.chance(0.8)) {
    book.add({
      drug: 'fluticasone-44',
      indication: 'asthma',
      units: 2,
      timing: timings.twiceDaily,
      start: book.startAfter(rng, start, 180),
      adherence: 'chronic',
    });
  }
}

/** COPD: short-acting bronchodilator as needed ≈90% (GOLD 2023 report). */
export function treatCopd(rng: Rng, book: OrderBook): void {
  if (!book.has('copd') || book.hasClass('short-acting-beta-agonist') || !rng.chance(0.9)) return;
  const start = book.startAfter(rng, book.onsetDay('copd'), 30);
  book.add({
    drug: 'albuterol-hfa',
    indication: 'copd',
    units: 2,
    timing: timings.every6hPrn,
    asNeeded: true,
    start,
    adherence: 'as-needed',
  });
}

/**
 * Depression: antidepressant ≈60%, anxiety ≈45% (MEPS; Olfson M et al. JAMA Psychiatry 2016). SSRIs
 * (sertraline, escitalopram, citalopram; APA 2010 MDD guideline); citalopram is avoided over 60 (FDA
 * 2011 QT warning). Under 18, see `childAntidepressant`.
 */
export function treatMood(rng: Rng, book: OrderBook): void {
  const indication = book.has('depression')
    ? 'depression'
    : book.has('anxiety')
      ? 'anxiety'
      : undefined;
  if (!indication || !rng.chance(indication === 'depression' ? 0.6 : 0.45)) return;
  const { age } = book.ctx;
  const choices: (readonly [DrugKey, number])[] = [
    ['sertraline-50', 0.4],
    ['escitalopram-10', 0.35],
  ];
  if (age >= 18 && age <= 60) choices.push(['citalopram-20', 0.25]);
  const drug = age < 18 ? childAntidepressant(rng, indication, age) : rng.weighted(choices);
  if (drug === undefined) return;
  const start = book.startAfter(rng, book.onsetDay(indication), 90);
  book.add({
    drug,
    indication,
    units: 1,
    timing: timings.morning,
    start,
    adherence: 'antidepressant',
  });
}

/**
 * An SSRI for a child (1.12.0; until 1.11.0 children got the adult choice, never fluoxetine, at adult
 * doses). Depression: the SSRIs FDA-labelled for MDD in youth, fluoxetine from 8 years (the first
 * choice, NICE NG134) and escitalopram from 12; none under 8. Anxiety: sertraline (CAMS, Walkup et al.
 * N Engl J Med 2008; AACAP 2020 recommends SSRIs at 6-18 years), fluoxetine, or from 13 escitalopram
 * (labelled for GAD from 7, 2023); none under 6. Starting doses as labelled: fluoxetine 10 mg under
 * 12 and 20 mg from 12, sertraline 25 mg at 6-12 and 50 mg at 13-17 (ZOLOFT paediatric dosing). The
 * shares are a project choice.
 */
export function childAntidepressant(
  rng: Rng,
  indication: 'depression' | 'anxiety',
  age: number,
): DrugKey | undefined {
  const fluoxetine: DrugKey = age < 12 ? 'fluoxetine-10' : 'fluoxetine-20';
  if (indication === 'depression') {
    if (age < 8) return undefined;
    return age < 12
      ? fluoxetine
      : rng.weighted([
          [fluoxetine, 0.6],
          ['escitalopram-10', 0.4],
        ]);
  }
  if (age < 6) return undefined;
  if (age <= 12)
    return rng.weighted([
      ['sertraline-25', 0.7],
      [fluoxetine, 0.3],
    ]);
  return rng.weighted([
    ['sertraline-50', 0.6],
    [fluoxetine, 0.2],
    ['escitalopram-10', 0.2],
  ]);
}

/**
 * ADHD: stimulant ≈65% of children, ≈40% of adults (Danielson 2024). Immediate-release methylphenidate
 * at ≈0.3 mg/kg per dose twice daily, 5–20 mg per dose (AAP 2019 ADHD guideline; label maximum 60 mg/day).
 */
export function treatAdhd(rng: Rng, book: OrderBook): void {
  if (!book.has('adhd') || !rng.chance(book.ctx.age < 18 ? 0.65 : 0.4)) return;
  const doseMg = Math.min(20, Math.max(5, Math.round((0.3 * book.ctx.weightKg) / 5) * 5));
  const tenMg = doseMg % 10 === 0;
  const drug: DrugKey = tenMg ? 'methylphenidate-10' : 'methylphenidate-5';
  const start = book.startAfter(rng, book.onsetDay('adhd'), 60);
  book.add({
    drug,
    indication: 'adhd',
    units: doseMg / (tenMg ? 10 : 5),
    timing: timings.schoolDays,
    start,
    adherence: 'stimulant',
  });
}

/**
 * Breast cancer, first 10 years: adjuvant endocrine therapy for hormone-receptor-positive disease (≈70%
 * of cases): tamoxifen before menopause (< 50), an aromatase inhibitor after (ASCO 2018 guideline
 * update). Tamoxifen is also a CYP2D6 pharmacogenomic case (CPIC 2018).
 */
export function treatBreastCancer(rng: Rng, book: OrderBook): void {
  if (!book.has('breast-cancer')) return;
  const onset = book.onsetDay('breast-cancer');
  if (book.ctx.asOfDay - onset > 3652 || !rng.chance(0.7)) return;
  const drug: DrugKey = book.ctx.age < 50 || rng.chance(0.3) ? 'tamoxifen-20' : 'letrozole-2.5';
  book.add({
    drug,
    indication: 'breast-cancer',
    units: 1,
    timing: timings.morning,
    start: book.startAfter(rng, onset, 120),
    adherence: 'chronic',
  });
}

/**
 * Cancer pain in adults: a weak opioid as needed (WHO analgesic ladder step 2) for ≈12%, more with stage
 * III–IV; codeine gives the CYP2D6 pharmacogenomic case (CPIC 2021). Never under 18 (FDA 2017).
 */
export function treatCancerPain(rng: Rng, book: OrderBook): void {
  if (book.ctx.age < 18) return;
  for (const key of ['lung-cancer', 'colorectal-cancer', 'breast-cancer'] as const) {
    const c = book.condition(key);
    if (!c) continue;
    const advanced = c.severity === 'III' || c.severity === 'IV';
    if (!rng.chance(advanced ? 0.3 : 0.08)) continue;
    const start = book.startAfter(rng, Math.max(book.onsetDay(key), book.ctx.asOfDay - 400), 60);
    book.add({
      drug: 'acetaminophen-codeine-300-30',
      indication: key,
      units: 1,
      timing: timings.every6hPrn,
      asNeeded: true,
      start,
      adherence: 'as-needed',
    });
    return;
  }
}

/**
 * Acute otitis media: amoxicillin 90 mg/kg/day in two doses (max 2 g per dose) for 10 days under 2 years,
 * 7 days at 2–5 and 5–7 days from 6 (AAP 2013 AOM guideline, Lieberthal AS et al. Pediatrics 2013;131:e964);
 * ≈80% of episodes are treated.
 */
export function treatOtitisMedia(rng: Rng, book: OrderBook): void {
  if (!book.has('otitis-media') || !rng.chance(0.8)) return;
  const { age, weightKg } = book.ctx;
  const mgPerDose = Math.min(2000, 45 * weightKg);
  // Down to a measurable 0.1 mL, so the dose never exceeds 90 mg/kg/day (rounding to the nearest
  // 0.1 mL gave a 3.5 kg infant 2.0 mL, 91.4 mg/kg/day); at 1 kg and more it stays above 80.
  const mL = Math.floor((mgPerDose / 80) * 10 + 1e-9) / 10;
  const days = age < 2 ? 10 : age < 6 ? 7 : 5;
  const start = book.startAfter(rng, book.onsetDay('otitis-media'), 1);
  const end = start + days;
  book.add({
    drug: 'amoxicillin-80-mg-ml',
    indication: 'otitis-media',
    units: mL,
    timing: timings.twiceDaily,
    start,
    ...(end < book.ctx.asOfDay ? { end } : {}),
    adherence: 'course',
  });
}

/** Atopic dermatitis: low-potency topical corticosteroid twice daily ≈50% (AAD 2023 guideline). */
export function treatEczema(rng: Rng, book: OrderBook): void {
  if (!book.has('atopic-dermatitis') || !rng.chance(0.5)) return;
  const start = book.startAfter(
    rng,
    Math.max(book.onsetDay('atopic-dermatitis'), book.ctx.asOfDay - 1500),
    60,
  );
  book.add({
    drug: 'hydrocortisone-1-cream',
    indication: 'atopic-dermatitis',
    units: 1,
    timing: timings.twiceDaily,
    start,
    adherence: 'as-needed',
  });
}
