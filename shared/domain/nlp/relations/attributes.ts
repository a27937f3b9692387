// Domain (nlp/relations): dose, route and frequency written after a drug mention ("metformin 500 mg PO
// BID", "albuterol 2 puffs inh q4h PRN"), read up to the next drug or the end of the sentence or line. Route and
// frequency abbreviations: ISMP/Joint Commission sig conventions (po, IV, SC, INH; qd, bid, tid, qid, qhs, q4h).
import type { DrugAttributes } from '../model';

const dosePattern =
  /\b\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)?\s*(?:mg|mcg|µg|g|units?|u|iu|ml|mL|puffs?|tabs?|tablets?|capsules?|caps?|drops?|sprays?|mEq|%)(?:\s*\/\s*(?:kg|day|dose|hr|h|ml|mL))?(?![\p{L}])/iu;
const routePattern =
  /(?<![\p{L}])(?:p\.o\.|po|by mouth|orally|oral|iv|intravenous(?:ly)?|sc|sq|subcut(?:aneous(?:ly)?)?|subq|im|intramuscular(?:ly)?|inh|inhaled|inhalation|neb(?:ulized)?|topical(?:ly)?|sl|sublingual(?:ly)?|pr|per rectum|transdermal)(?![\p{L}])/iu;
// Longer intervals as oncology and biologic orders write them ("every 3 weeks", "q3w", "q21d",
// "qweek", "every other day"), and a chemotherapy cycle after the daily frequency ("BID d1-14 q21d",
// "twice daily on days 1-14 of each 21-day cycle") read as one frequency.
const frequencyPattern = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'q\\.?d\\.?',
      'qday',
      'daily',
      'once daily',
      'once a day',
      'every day',
      'twice daily',
      'twice a day',
      'two times a day',
      'three times a day',
      'four times a day',
      'b\\.?i\\.?d\\.?',
      't\\.?i\\.?d\\.?',
      'q\\.?i\\.?d\\.?',
      'qhs',
      'q\\.?h\\.?s\\.?',
      'at bedtime',
      'nightly',
      'qam',
      'qpm',
      'every morning',
      'every evening',
      'every night',
      'q\\s?\\d+\\s?h(?:rs?|ours?)?',
      'every \\d+(?:-\\d+)? hours',
      'q\\.?o\\.?d\\.?',
      'every other (?:day|week)',
      'q\\s?\\d+\\s?(?:d|days?|w|wks?|weeks?)',
      'every \\d+ (?:days|weeks|months)',
      'q\\s?week',
      'weekly',
      'once weekly',
      'once a week',
      'every week',
      'monthly',
      'prn',
      'p\\.r\\.n\\.',
      'as needed',
    ].join('|') +
    ')(?:\\s+(?:d1-\\d+ q\\d+d|on days 1-\\d+ of each \\d+-day cycle))?(?![\\p{L}])',
  'iu',
);

/**
 * A candidate end of a sentence: . ! or ? before white space or the end, except the last stop of a dotted sig
 * abbreviation ("p.o. daily", "b.i.d.").
 */
const sentenceStop = /(?<!\.\p{L})[.!?](?=\s|$)/gu;

/** Sig and unit abbreviations a period closes ("10 mg tab. PO daily", "every 6 hr. as needed"). */
const sigAbbreviation =
  /(?<![\p{L}])(?:tab|tabs|cap|caps|subcut|subq|inj|sol|susp|hr|hrs|min|wk|mo|amp|gtt)$/iu;

/** The index in `window` of its first sentence end: not a period closing a sig abbreviation or before a route or frequency. */
function sentenceEnd(window: string): number | undefined {
  sentenceStop.lastIndex = 0;
  for (let m = sentenceStop.exec(window); m !== null; m = sentenceStop.exec(window)) {
    if (m[0] !== '.') return m.index;
    const after = window.slice(m.index + 1).trimStart();
    const sig =
      sigAbbreviation.test(window.slice(0, m.index)) ||
      routePattern.exec(after)?.index === 0 ||
      frequencyPattern.exec(after)?.index === 0;
    if (!sig) return m.index;
  }
  return undefined;
}

/**
 * Dose, route and frequency in `text` between `from` (the end of a drug mention) and `limit` (the next
 * drug mention or end of text), in the same sentence, on the same line and within 80 characters
 * ("Continue aspirin. Transfuse 2 units PRBC" gives the aspirin no dose).
 */
export function drugAttributes(text: string, from: number, limit: number): DrugAttributes {
  let end = Math.min(limit, from + 80, text.length);
  const newline = text.indexOf('\n', from);
  if (newline >= 0 && newline < end) end = newline;
  const stop = sentenceEnd(text.slice(from, end));
  if (stop !== undefined) end = from + stop;
  const window = text.slice(from, end);
  const attributes: DrugAttributes = {};
  const dose = dosePattern.exec(window);
  // "Aspirin, 2 units of insulin": a dose that only "of" or "x" joins to the next drug is that drug's.
  const nextDrugs =
    dose !== null &&
    end === limit &&
    /^\s*(?:of|x)\s*$/i.test(window.slice(dose.index + dose[0].length));
  if (dose && !nextDrugs) attributes.dose = dose[0].trim();
  const route = routePattern.exec(window);
  if (route) attributes.route = route[0];
  const frequency = frequencyPattern.exec(window);
  if (frequency) attributes.frequency = frequency[0];
  return attributes;
}
