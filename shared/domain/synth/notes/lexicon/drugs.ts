// Domain (synth/notes/lexicon): how notes name a patient's medications (generic, brand, abbreviation),
// their routes and frequencies, and the adverse effects notes attribute to them.
import type { DosageTiming, TrueMedication } from '../../model';
import type { SymptomKey } from './symptoms';

/** Salt and form words notes leave out ("metformin hydrochloride" -> "metformin"). */
// prettier-ignore
const dropped = new Set([
  'hydrochloride', 'hcl', 'sodium', 'calcium', 'besylate', 'maleate', 'mesylate', 'potassium',
  'propionate', 'bromide', 'sulfate', 'fumarate',
]);
const formWords = new RegExp(
  '^(oral|tablet|capsule|extended|release|delayed|injection|solution|suspension|topical|cream|' +
    'ointment|inhaler|metered|dose|inhalation|powder|pen|injector|prefilled|syringe|chewable)$',
  'i',
);

/**
 * The generic name a note writes for `med`, from its RxNorm display ("24 HR metoprolol succinate 25 MG
 * Extended Release Oral Tablet" -> "metoprolol succinate"; "sacubitril 49 MG / valsartan 51 MG Oral
 * Tablet" -> "sacubitril/valsartan"), falling back to the catalog key ("lisinopril-10" -> "lisinopril").
 */
export function genericName(med: TrueMedication): string {
  const cacheKey = `${med.key}|${med.rxnorm.display}`;
  const cached = nameCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const name = parseGenericName(med);
  if (nameCache.size < 10_000) nameCache.set(cacheKey, name);
  return name;
}

/** Names parsed so far (a catalog has a few hundred products; bounded in case it has more). */
const nameCache = new Map<string, string>();

function parseGenericName(med: TrueMedication): string {
  const display = med.rxnorm.display.replace(/\[[^\]]*\]/g, ' ').replace(/\{|\}/g, ' ');
  const parts = display
    .split(' / ')
    .map(ingredientName)
    .filter((n) => n.length > 0);
  if (parts.length > 0) return parts.join('/');
  return med.key
    .split('-')
    .filter((token, i, all) => !/\d/.test(token) && all.slice(0, i).every((p) => !/\d/.test(p)))
    .join(' ');
}

function ingredientName(component: string): string {
  const words = component.trim().split(/\s+/);
  const out: string[] = [];
  for (const word of words) {
    if (/\d/.test(word)) {
      if (out.length > 0) break;
      continue; // leading "24 HR", "200 ACTUAT"
    }
    if (out.length === 0 && /^(HR|ACTUAT|ML|MG)$/.test(word)) continue;
    if (formWords.test(word)) break;
    if (!dropped.has(word.toLowerCase())) out.push(word.toLowerCase());
  }
  return out.join(' ');
}

/**
 * Brand names notes use for common generics (US labels), for the immediate-release product of the
 * generic; `erBrands` has those of extended-release products. A brand names a formulation, so a note
 * may write it only for a product of that formulation (until 1.5.0 "Concerta", an extended-release
 * tablet taken once daily, named the immediate-release methylphenidate taken twice on school days,
 * and "Glucophage" the 24-hour metformin):
 * - methylphenidate: Ritalin is the immediate-release tablet (5, 10, 20 mg, two or three times
 *   daily; Ritalin prescribing information, Novartis, 2023); Concerta the OROS extended-release
 *   tablet, once daily in the morning (Concerta prescribing information, Janssen, 2023);
 * - metformin: Glucophage the immediate-release tablet, Glucophage XR the extended-release one
 *   (Glucophage/Glucophage XR prescribing information, Bristol-Myers Squibb, 2018);
 * - metoprolol: Lopressor is the tartrate (immediate release), Toprol-XL the succinate (extended
 *   release; Lopressor and Toprol-XL prescribing information); the generic names differ already.
 * The other brands name the only formulation the catalog has of their generic (albuterol HFA:
 * ProAir HFA, Ventolin HFA; omeprazole delayed-release capsule: Prilosec; fluticasone propionate
 * HFA: Flovent HFA; insulin glargine 100 units/mL: Lantus, Basaglar).
 */
// prettier-ignore
const brands: Readonly<Record<string, readonly string[]>> = {
  lisinopril: ['Zestril', 'Prinivil'], metformin: ['Glucophage'], atorvastatin: ['Lipitor'],
  rosuvastatin: ['Crestor'], simvastatin: ['Zocor'], amlodipine: ['Norvasc'], losartan: ['Cozaar'],
  'metoprolol tartrate': ['Lopressor'], carvedilol: ['Coreg'],
  furosemide: ['Lasix'], spironolactone: ['Aldactone'], 'sacubitril/valsartan': ['Entresto'],
  apixaban: ['Eliquis'], rivaroxaban: ['Xarelto'], warfarin: ['Coumadin'], clopidogrel: ['Plavix'],
  empagliflozin: ['Jardiance'], dapagliflozin: ['Farxiga'], semaglutide: ['Ozempic'],
  dulaglutide: ['Trulicity'], liraglutide: ['Victoza'],
  'insulin glargine': ['Lantus', 'Basaglar'], 'insulin lispro': ['Humalog'], sertraline: ['Zoloft'],
  escitalopram: ['Lexapro'], fluoxetine: ['Prozac'], bupropion: ['Wellbutrin'], buspirone: ['Buspar'],
  albuterol: ['ProAir', 'Ventolin'], fluticasone: ['Flovent'], 'budesonide/formoterol': ['Symbicort'],
  tiotropium: ['Spiriva'], montelukast: ['Singulair'], methylphenidate: ['Ritalin'],
  tamoxifen: ['Nolvadex'], letrozole: ['Femara'], anastrozole: ['Arimidex'], osimertinib: ['Tagrisso'],
  capecitabine: ['Xeloda'], trastuzumab: ['Herceptin'],
  amoxicillin: ['Amoxil'], levothyroxine: ['Synthroid'], omeprazole: ['Prilosec'],
  ticagrelor: ['Brilinta'], prasugrel: ['Effient'],
};
/**
 * Brands of extended-release products. Generics with several extended-release brands of different
 * durations (bupropion: Wellbutrin SR 12-hour, Wellbutrin XL 24-hour) have none here.
 */
// prettier-ignore
const erBrands: Readonly<Record<string, readonly string[]>> = {
  methylphenidate: ['Concerta'], metformin: ['Glucophage XR'], 'metoprolol succinate': ['Toprol-XL'],
};

/** An extended-release product, by its RxNorm name ("24 HR ... Extended Release Oral Tablet"). */
const extendedRelease = /\b(?:extended release|\d+ hr)\b/i;

/** Abbreviations clinicians use for drug names (abbreviation sites). */
// prettier-ignore
const drugShort: Readonly<Record<string, readonly string[]>> = {
  hydrochlorothiazide: ['HCTZ'], aspirin: ['ASA'], nitroglycerin: ['NTG'], 'potassium chloride': ['KCl'],
  acetaminophen: ['APAP'], 'metoprolol succinate': ['metoprolol XL', 'Toprol'], 'insulin glargine': ['glargine'],
  methylphenidate: ['MPH'], 'sacubitril/valsartan': ['ARNI'], 'budesonide/formoterol': ['bud/form'],
};

/** The brand names a note may use for `medication`: those of its generic in its formulation. */
export function brandNames(medication: TrueMedication): readonly string[] {
  const generic = genericName(medication);
  const table = extendedRelease.test(medication.rxnorm.display) ? erBrands : brands;
  return table[generic] ?? [];
}

export function drugAbbreviations(generic: string): readonly string[] {
  return drugShort[generic] ?? [];
}

/** Known adverse effects a note may attribute to a drug (product labels' common adverse reactions). */
const adverseEffects: readonly (readonly [RegExp, readonly SymptomKey[]])[] = [
  [/(pril)$/, ['cough', 'dizziness']], // ACE inhibitors: dry cough (lisinopril USPI 6.1)
  [/statin$/, ['myalgia']], // statins: myalgia (atorvastatin USPI 6.1)
  [/^metformin/, ['diarrhea', 'nausea']],
  // GLP-1 RAs: nausea, vomiting, diarrhoea most common (Ozempic, Trulicity, Victoza USPI 6.1)
  [/^(semaglutide|dulaglutide|liraglutide)/, ['nausea', 'vomiting', 'diarrhea']],
  [/^amlodipine/, ['edema']], // dose-related peripheral oedema (amlodipine USPI 6.1)
  [/^(metoprolol|carvedilol|atenolol)/, ['fatigue', 'dizziness']],
  [/^(sertraline|escitalopram|fluoxetine|citalopram)/, ['nausea', 'insomnia']],
  [/^(furosemide|hydrochlorothiazide)/, ['dizziness']],
  [/^methylphenidate/, ['appetiteLoss', 'insomnia']],
  [/^(apixaban|rivaroxaban|warfarin)/, ['bloodInStool']],
  [/^(tamoxifen|letrozole|anastrozole)/, ['jointPain']],
  [/^osimertinib/, ['diarrhea', 'rash']], // TAGRISSO PI 6.1 (most common: diarrhea, rash)
  [/^capecitabine/, ['diarrhea', 'nausea']], // XELODA PI 6.1 (hand-foot syndrome has no symptom here)
  [/^trastuzumab/, ['headache', 'diarrhea']], // HERCEPTIN PI 6.1 (adjuvant: headache, diarrhea, nausea)
  [/^albuterol/, ['palpitations']],
  [/^amoxicillin/, ['diarrhea', 'rash']],
];

export function adverseEffectsOf(generic: string): readonly SymptomKey[] {
  for (const [pattern, effects] of adverseEffects) if (pattern.test(generic)) return effects;
  return [];
}

/** Route words: [prose forms, sig abbreviations]. */
export const routeWords: Readonly<Record<TrueMedication['route'], readonly [string[], string[]]>> =
  {
    oral: [
      ['by mouth', 'orally'],
      ['PO', 'po', 'p.o.'],
    ],
    inhaled: [
      ['inhaled', 'by inhalation'],
      ['INH', 'inh'],
    ],
    subcutaneous: [
      ['subcutaneously', 'under the skin'],
      ['SC', 'SQ', 'subcut'],
    ],
    intravenous: [['intravenously'], ['IV']],
    topical: [
      ['topically', 'to affected areas'],
      ['top', 'TOP'],
    ],
  };

/** Frequency as [prose forms, sig abbreviations] (ISMP lists "QD" as error-prone; notes still use it). */
export function frequencyWords(timing: DosageTiming | undefined): readonly [string[], string[]] {
  if (!timing) return [['as directed'], ['UD']];
  if (timing.cycle) return cycleWords(timing, timing.cycle);
  const { frequency: f, period: p, periodUnit: u } = timing;
  if (u === 'd' && p === 1) {
    if (f === 1)
      return [
        ['daily', 'once daily', 'once a day', 'every day'],
        ['QD', 'qday', 'daily'],
      ];
    if (f === 2)
      return [
        ['twice daily', 'twice a day', 'two times a day'],
        ['BID', 'bid', 'b.i.d.'],
      ];
    if (f === 3)
      return [
        ['three times daily', 'three times a day'],
        ['TID', 'tid'],
      ];
    if (f === 4) return [['four times daily'], ['QID', 'qid']];
  }
  if (u === 'wk' && f === 1 && p === 1)
    return [
      ['weekly', 'once a week'],
      ['qweek', 'q week'],
    ];
  // Every 3 weeks (trastuzumab): "q3w" as infusion orders write it.
  if (u === 'wk' && f === 1) return [[`every ${p} weeks`], [`q${p}w`, `q${p}wk`]];
  if (u === 'h' && f === 1) return [[`every ${p} hours`], [`q${p}h`, `q ${p}h`]];
  if (u === 'd' && f === 1) return [[`every ${p} days`], [`q${p}d`]];
  return [
    [`${f} times every ${p} ${u === 'd' ? 'days' : u === 'h' ? 'hours' : 'weeks'}`],
    [`${f}x/${p}${u}`],
  ];
}

/** A chemotherapy cycle as oncology notes write it: "BID d1-14 q21d", "twice daily on days 1-14". */
function cycleWords(
  timing: DosageTiming,
  cycle: NonNullable<DosageTiming['cycle']>,
): readonly [string[], string[]] {
  const [prose, sig] = frequencyWords({ ...timing, cycle: undefined });
  const { daysOn: n, cycleDays: every } = cycle;
  return [
    prose.map((p) => `${p} on days 1-${n} of each ${every}-day cycle`),
    sig.map((s) => `${s} d1-${n} q${every}d`),
  ];
}

/** Timing-of-day words from FHIR `when` codes (prose forms). */
export function whenWords(timing: DosageTiming | undefined): string | undefined {
  const when = timing?.when?.[0];
  if (!when) return undefined;
  if (when === 'HS') return 'at bedtime';
  if (when === 'MORN') return 'in the morning';
  if (when === 'EVE' || when === 'NIGHT') return 'in the evening';
  if (when === 'C' || when === 'CM' || when === 'CD' || when === 'CV') return 'with meals';
  if (when.startsWith('AC')) return 'before meals';
  if (when.startsWith('PC')) return 'after meals';
  return undefined;
}
