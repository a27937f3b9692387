// Domain (nlp/matcher): drug names the vocabulary does not list, recognised by their USAN stems (USAN
// Council stem list, AMA 2024: -olol beta blockers, -pril ACE inhibitors, -sartan, -statin, -mab, -nib,
// -cillin, -floxacin, -azepam, -caine, -coxib, -dipine, -gliptin, -prazole, -setron, -triptan, -vir...)
// and inorganic salt names (chloride, sulfate...). A guess: confidence 0.6, no code.

const stems =
  /^[a-z][a-z-]{3,}(?:olol|pril|prilat|sartan|statin|vastatin|mab|tinib|fenib|anib|cillin|floxacin|oxacin|azepam|azolam|caine|coxib|dipine|gliptin|glitazone|prazole|setron|triptan|vir|virine|conazole|mycin|micin|cycline|dronate|parin|xaban|gatran|platin|rubicin|tecan|taxel|terol|thiazide|fluazide|semide|tidine|idine|oxetine|pramine|triptyline|peridol|apine|idone|afil|asone|olone|onide|trozole|relin|fentanil|fentanyl|barbital|profen|lukast|zosin|tadine|amine|azine|chloride|bromide|iodide|fluoride|sulfate|sulphate|nitrate|nitrite|phosphate|carbonate|acetate|citrate|oxide|hydroxide)$/;

/** Words that end like a stem but are not drugs. */
const notDrugs = new Set([
  'hydrochloride',
  'examine',
  'famine',
  'vitamine',
  'ravine',
  'engine',
  'imagine',
  'determine',
  'routine',
  'medicine',
  'machine',
  'feminine',
  'discipline',
  'baseline',
  'guideline',
  'borderline',
  'midline',
  'decline',
  'saline',
  'provide',
  'virus',
  'provir',
  'mountain',
]);

export interface StemMention {
  start: number;
  end: number;
}

/** Single words of `text` (8+ letters) that end in a drug stem. */
export function matchDrugStems(text: string): StemMention[] {
  const found: StemMention[] = [];
  const word = /[\p{L}][\p{L}\p{N}-]*/gu;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    const w = m[0].toLowerCase();
    if (w.length < 8 || notDrugs.has(w) || !stems.test(w)) continue;
    found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}
