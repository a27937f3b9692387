// Domain (deid): numbers in nursing and progress notes that are written like a month/day date but are
// not one: pain scores (7/10), fractions (1/2 tab, "dropped 1/2", rales "up 1/3-1/2"), wound sizes
// (1"x1/2"), muscle strength and murmur grades (5/5, 2/6), and ventilator settings (CPAP 5/5, "PSV
// increased to 10/5", "SIMV ..., 40%, & 5/10", BiPAP 10/5/12 bpm). The word lists are this project's
// reading of ICU nursing-note conventions (no published source); each guard has a unit test.
import type { Candidate } from './model';

/** Pressure-support modes, whose second number may be the support level, so may reach 16 or more. */
const pressureSupport = /\b(?:c-?pap|bi-?pap|ps|psv|pressure support|peep)\b/i;
/** A verb phrase that changes a setting: "increased to", "weaned down to", "was changed to". */
const settingChange =
  '(?:(?:was|is|were|been|then)\\s+)?(?:increased|decreased|changed|weaned(?:\\s+down)?|turned(?:\\s+(?:up|down))?|put|placed|returned|went(?:\\s+(?:up|down))?)\\s+(?:to|on|at)';
/** Words before a ratio or setting that reads like M/D: muscle strength, vent settings, rales "1/3 up", pain "3/10". */
const notDateBefore = new RegExp(
  `(?:\\b(?:strength|str|motor|grade|power|murmur|ratio|sats?|i:e|ie|times|bp|b\\/p|pressures?|map|score|gcs|abg|vbg|ph|psv?|pressure support|cpap|bi-?pap|peep|vent|settings?|flowby|simv|imv|ac|trial(?:ed)?|wean(?:ed)?(?: down)? to|rales|crackles|cxs?|b\\/?s|perrla?|gave|give|decub|c\\/o|rated?)[\\s:=,~]*(?:${settingChange}|of|on|at|to|up)?|%,?\\s*&?)[\\s:=]*$`,
  'i',
);
/** Ventilator modes and settings: within the same line, a later "& 5/10" is one more setting. */
const ventilatorSettings = /\b(?:simv|imv|psv?|peep|c-?pap|bi-?pap|fio2|tv|settings?|a\/c)\b/i;
/** A trial of a ventilator setting: "tried on 5/5", "remained on 5/5", "acceptable on 5/5", "change to 5/5". */
const settingTrial =
  /\b(?:tried|trialed|trialled|remain(?:s|ed)?|kept|stays?|stayed|acceptable|tolerat(?:es|ed|ing)|well|change|switch|wean)\s+(?:on|to)\s*$/i;
/** Rates after the numbers: "10/5/12 bpm" is a BiPAP setting with its backup rate. */
const rateAfter = /^\s*(?:bpm|lpm|l\/min|breaths|cmh2o|cm\s?h2o)\b/i;
/** Quantity words before a fraction: "dropped 1/2", "by 1/3", "about 3/4", crackles "up 1/3". */
const quantityBefore =
  /\b(?:up|down|drop(?:ped|s)?|fell|fall(?:en)?|decreased?|reduced?|increased?|by|about|approx\.?|approximately|nearly|almost|over|under|than|only|half|take|taking|took)\s*$/i;
const fraction = /^[1-3]\/[2-4]$/;

/**
 * Halves, thirds and quarters used as numbers: "1 1/2 hrs", "D5 1/2", "over 1/2 hour", "2/4 blood
 * cultures", "BP dropped 1/2", and a range of such fractions ("up 1/3-1/2"), not January 2.
 */
function commonFraction(text: string, c: Candidate): boolean {
  const range = /^(\d{1,2}\/\d{1,2})(?:\s*-\s*|\/)(\d{1,2}\/\d{1,2})$/.exec(c.text);
  if (range) return fraction.test(range[1]!) && fraction.test(range[2]!);
  if (!fraction.test(c.text)) return false;
  const before = text.slice(Math.max(0, c.start - 24), c.start);
  const after = text.slice(c.end, c.end + 12);
  return (
    /\d\s$/.test(before) ||
    quantityBefore.test(before) ||
    /^\s*(?:hours?|hrs?|h\b|blood|bl\b|cultures?|bottles?|-\s*[1-3]\/[2-4]\b)/i.test(after)
  );
}

/** A size in inches or a dimension: 1"x1/2", 2 x 3/4. */
function dimension(text: string, c: Candidate): boolean {
  const before = text.slice(Math.max(0, c.start - 4), c.start);
  return (
    /(?<![a-z])[x×*]\s?$/i.test(before) ||
    /^(?:"|''|\s*(?:in|inch(?:es)?)\b)/.test(text.slice(c.end))
  );
}

/** A ventilator, strength or grade setting: the day place is under 16 and a setting word is before. */
function setting(text: string, c: Candidate): boolean {
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  const line = before.slice(before.lastIndexOf('\n') + 1);
  // Strengths, ratios, murmur grades and volume-mode settings stay under 16 in the second place (5/5,
  // 2/6, AC 14/5), so a day of 16-31 is a date even after such a word ("placed in R AC 11/17"), except
  // after a pressure-support mode, whose second number may be the support level (CPAP 5/18).
  const lateDay = Number(/\/(\d+)/.exec(c.text)![1]) >= 16 && !pressureSupport.test(before);
  if (lateDay) return false;
  return (
    notDateBefore.test(before.slice(-24)) ||
    settingTrial.test(before) ||
    (/(?:&|\band|,)\s*$/.test(line) && ventilatorSettings.test(line))
  );
}

/**
 * Whether a month/day candidate (7/23, 9/16-9/20, 10/5/12) is a clinical number that only looks like
 * a date (see the file comment).
 */
export function clinicalLookAlike(text: string, c: Candidate): boolean {
  const around = text.slice(Math.max(0, c.start - 15), c.end + 15);
  if (/\/10$/.test(c.text) && /pain|scale|rate/i.test(around)) return true; // pain 3/10
  if (rateAfter.test(text.slice(c.end, c.end + 12))) return true;
  if (!/^\d{1,2}\/\d{1,2}(?:\s*-\s*\d{1,2}\/\d{1,2}|\/\d{1,2}\/\d{1,2})?$/.test(c.text))
    return false;
  return commonFraction(text, c) || dimension(text, c) || setting(text, c);
}
