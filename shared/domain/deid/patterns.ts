// Domain (deid): identifiers with a shape: dates, phone and fax numbers, e-mail, URLs, IP addresses,
// SSNs, record/account/plan/licence/device numbers, ZIP codes, street addresses and ages over 89 (HIPAA
// Safe Harbor, 45 CFR 164.514(b)(2)(i)(A)-(R)). Clinical look-alikes (blood pressure 120/80, ratios 2/3,
// strength 5/5, ABG 7.45/33/80, doses) are excluded by the value ranges and the context rules below.
import type { Candidate } from './model';
import { stateCodes, streetSuffixes } from './lexicon/places';
import { clinicalLookAlike } from './date-guards';

const month =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const day = '(?:0?[1-9]|[12]\\d|3[01])';
const monthNumber = '(?:0?[1-9]|1[0-2])';
const year = "(?:(?:19|20)\\d{2}|'?\\d{2})";
const ordinal = '(?:st|nd|rd|th)';

/** Dates with a day or month: numeric, ISO, and written months. Years alone are handled apart. */
const datePatterns: RegExp[] = [
  // 2024-03-14, 2024-03-14T09:30
  /(?<![\d/.-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?![\d-])/g,
  // 3/14/2024, 03-14-24, 11/21.93
  new RegExp(
    `(?<![\\d/.x])${monthNumber}([/-])${day}(?:\\1|\\.)(?:(?:19|20)\\d{2}|\\d{2})(?![\\d/%]|\\s*%)`,
    'g',
  ),
  // March 14, 2024; Mar 14th; Sept. 3 '95
  new RegExp(`\\b${month}\\.?\\s+${day}${ordinal}?(?:,?\\s+${year})?\\b`, 'gi'),
  // 14 March 2024; 3rd of May
  new RegExp(`\\b${day}${ordinal}?\\s+(?:of\\s+)?${month}\\.?(?:,?\\s+(?:19|20)\\d{2})?\\b`, 'gi'),
  // March 2024, nov. 2016
  new RegExp(`\\b${month}\\.?,?\\s+(?:of\\s+)?(?:19|20)\\d{2}\\b`, 'gi'),
  // Jan '93, Sept. '04: a month and an apostrophe year
  new RegExp(`\\b${month}\\.?,?\\s+['’]\\d{2}\\b`, 'gi'),
  // Jan 93, Oct 88: a month and a two-digit year that cannot be a day (not "may", "mar" or "dec", also
  // verbs and the nursing abbreviation for decreased: "dec 50 cc")
  new RegExp(
    `\\b(?!may\\b|mar\\b|march\\b|dec\\b)${month}\\.?,?\\s+(?:3[2-9]|[4-9]\\d)\\b(?![.:/]\\d|\\s*(?:%|mg|mcg|ml|cc|units?|kg|lbs?|mm|cm|hrs?|min|bpm|x\\b))`,
    'gi',
  ),
  // 7/81, 11/92: month and two-digit year (a day cannot exceed 31)
  /(?<![\d/]|\d[.:-])(?:0?[1-9]|1[0-2])\/(?:3[2-9]|[4-9]\d)(?![\d/%]|\.\d)/g,
  // 03/2018
  /(?<![\d/.])(?:0?[1-9]|1[0-2])\/(?:19|20)\d{2}(?![\d/])/g,
];

/**
 * "on the 11th", "since the 3rd", "until 5th": a day of a month named elsewhere (the day is group 1).
 * A bare "the 1st" is an order ("complications with the 1st"), so "the" needs a time preposition.
 */
const dayOfMonthAlone = new RegExp(
  `\\b(?:(?:on|since|until|till|by|from|before|after|of)\\s+the|on|since|until)\\s+(${day}${ordinal})\\b(?=\\s*(?:[.,;:)]|$|\\s(?:at|of|in|and|by|for|when|with|to|until|but)\\b))`,
  'gi',
);

/** A month name alone ("in sept.", "since November"). */
const monthAlone =
  /\b(?:January|February|April|June|July|August|September|October|November|December|Sept?\.|Nov\.|Oct\.|Aug\.|Jan\.|Feb\.|Apr\.|Jun\.|Jul\.|sept|january|february|april|july|august|september|october|november|december)\b/g;
/** "May" and "March" (also verbs) only after a time word: "in May", "since March" (group 1). */
const mayOrMarch = /\b(?:in|of|since|until|early|late|mid)\s+(May|March|MAY|MARCH)\b/g;

/** M/D without a year (7/23): only when it is not a ratio, a strength, a fraction or a BP. */
const monthDay = new RegExp(
  `(?<![\\d/]|\\d[.:x-])${monthNumber}/${day}(?![\\d/%]|\\.\\d|\\s*(?:%|strength|str\\b|of\\b|ns\\b|tabs?\\b|pill|murmur|sem|hsm|grade|power|motor|mm|cm|bottles?|up\\b|way|amp|dose|peep|ps\\b|psv|fio2|st\\b|nph|cp\\b|pain|bpm|lpm|bipap|cpap|\\^))`,
  'gi',
);
/** A range of two month/day dates: "10/03/10/04", "9/16-9/20" (both halves must be valid dates). */
const monthDayRange = new RegExp(
  `(?<![\\d/]|\\d[.:x-])${monthNumber}/${day}(?:/|-|\\s*-\\s*)${monthNumber}/${day}(?![\\d/%]|\\.\\d)`,
  'g',
);
const phonePatterns: RegExp[] = [
  // (617) 555-0142, 617-555-0142, 617.555.0142, 201/324/1423, 212- 476- 8356, +1 617 555 0142
  /(?<![\d/.-])(?:\+?1[\s.-]?)?(?:\(\s*\d{3}\s*\)|\d{3})\s*[\s./-]\s*\d{3}\s*[\s./-]\s*\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?![\d/-])/gi,
  // (201-223-4567)
  /\(\d{3}-\d{3}-\d{4}\)/g,
];
/** A number after a phone, pager or fax cue ("Pager #54321", "PG 33445", "beeper 1234", "x4567"). */
const phoneCue =
  /\b(?:pager|beeper|pgr|pg|page|cell|cellphone|mobile|tel|telephone|phone|ph|fax|home|work|office|ext|extension|contact|callback|#)(?:\s*(?:#|no\.?|number|:))*\s*(\d[\d -]{3,14}\d)(?!\s*(?:mg|mcg|ml|cc|units|%|mm|am|pm|hr|min|bpm|kg|lb|g\b))/gi;

const emailPattern =
  /\b[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const urlPattern =
  /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io)(?:\/[^\s<>"')\]]*)?\b/gi;
const ipv4Pattern =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\d|\.\d)/g;
const ipv6Pattern = /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi;
const ssnPattern = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
/** Labelled identifiers: medical record, account, encounter, member, plan, licence, DEA, NPI, device, serial. */
const labelledId =
  /\b(?:mrn|mr#|mr ?no|med(?:ical)? rec(?:ord)?(?: number| no)?|medical record number|acct|account|csn|fin|encounter|visit|member(?: id)?|subscriber|policy|plan|group|insurance(?: id)?|medicaid|medicare|licen[cs]e|lic|dea|npi|ssn|social security(?: number)?|serial|device|implant|vin|plate|certificate|case|specimen|accession|id|identifier|record)\s*(?:#|no\.?|number|num|id)?\s*[:#=]?\s*([A-Z0-9][A-Z0-9-]{3,19}\d[A-Z0-9]*|\d{4,})/gi;
/** Long digit runs (7+), which are not lab values in notes; or letters-and-digits codes (AB1234567). */
const bareId = /(?<![\d.,/:-])(?:\d{7,}|[A-Z]{1,3}\d{6,})(?![\d.,/:-])/g;
const zipAfterState = new RegExp(
  `\\b(?:${[...stateCodes].join('|')})\\.?,?\\s+(\\d{5}(?:-\\d{4})?)(?!\\d)`,
  'g',
);
/** Street suffixes as written: short forms capitalised ("St", "Ave"), full words in any case. */
const suffixes = [...streetSuffixes]
  .flatMap((s) => {
    const cap = s[0]!.toUpperCase() + s.slice(1);
    return s.length <= 4 ? [cap] : [s, cap, s.toUpperCase()];
  })
  .join('|');
const streetAddress = new RegExp(
  `\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:(?:[A-Z][a-z'-]+|[A-Z]{3,})\\s+){1,3}(?:${suffixes})\\b\\.?(?:,?\\s+(?:apt|apartment|unit|suite|ste|#)\\.?\\s*#?\\s*[A-Za-z0-9-]+)?(?:,\\s*[A-Z][A-Za-z .'-]+?,\\s*[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?)?`,
  'g',
);
const poBox = /\bP\.?\s?O\.?\s+Box\s+\d+\b/gi;
/** Ages over 89 with an age word (Safe Harbor (C) aggregates them into 90 or older). */
const agePatterns: RegExp[] = [
  /\b(9\d|1[0-2]\d)(?=\s*(?:-|\s)?\s*(?:years?|yrs?|y)[\s.-]*(?:old|o\b|\/o|\.o\.)|\s*yo\b|\s*y\/o|\s*y\.o\.|\s*-?\s*year-old|\s*yr\s*old)/gi,
  /\b(?:age|aged|age of|ages)\s*:?\s*(9\d|1[0-2]\d)\b/gi,
  /\b(9\d|1[0-2]\d)(?=\s*(?:yo|y\/o)?\s*(?:m|f|male|female|man|woman|gentleman|lady)\b)(?<=(?:^|\n|\.\s|,\s|is\s|a\s|an\s)\d+)/gi,
];

/** Every match of `pattern` (or its group `group`) as a finding of `category`, with offsets into `text`. */
export function collect(
  text: string,
  pattern: RegExp,
  category: Candidate['category'],
  group = 0,
): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(pattern)) {
    const value = m[group];
    if (value === undefined) continue;
    const start = m.index + (group === 0 ? 0 : m[0].indexOf(value));
    found.push({ start, end: start + value.length, category, text: value });
  }
  return found;
}

/** Dates with a day or month element (never a year alone). */
export function findDates(text: string): Candidate[] {
  const found = datePatterns.flatMap((p) => collect(text, p, 'DATE'));
  found.push(...collect(text, monthAlone, 'DATE'), ...collect(text, mayOrMarch, 'DATE', 1));
  found.push(...collect(text, dayOfMonthAlone, 'DATE', 1));
  found.push(...collect(text, monthDay, 'DATE'), ...collect(text, monthDayRange, 'DATE'));
  return found.filter((c) => !clinicalLookAlike(text, c));
}

export function findPhones(text: string): Candidate[] {
  return [
    ...phonePatterns.flatMap((p) => collect(text, p, 'PHONE')),
    ...collect(text, phoneCue, 'PHONE', 1).filter(
      (c) => c.text.replace(/\D/g, '').length >= 5 && !/[/\d]/.test(text[c.end] ?? ''),
    ),
  ];
}

export function findContacts(text: string): Candidate[] {
  return [
    ...(text.includes('@') ? collect(text, emailPattern, 'EMAIL') : []),
    ...collect(text, urlPattern, 'URL')
      .map((c) => {
        const trimmed = c.text.replace(/[.,;:!?]+$/, '');
        return { ...c, end: c.start + trimmed.length, text: trimmed };
      })
      .filter((c) => !/^\d+(\.\d+)*$/.test(c.text)),
    ...collect(text, ipv4Pattern, 'IP'),
    ...collect(text, ipv6Pattern, 'IP'),
  ];
}

export function findIdentifiers(text: string): Candidate[] {
  return [
    ...collect(text, ssnPattern, 'ID'),
    ...collect(text, labelledId, 'ID', 1).filter((c) => /\d/.test(c.text)),
    ...collect(text, bareId, 'ID'),
  ];
}

export function findAddresses(text: string): Candidate[] {
  return [
    ...collect(text, streetAddress, 'LOCATION'),
    ...collect(text, poBox, 'LOCATION'),
    ...collect(text, zipAfterState, 'LOCATION', 1),
  ];
}

/** Ages over 89 (the number only). */
export function findAges(text: string): Candidate[] {
  return agePatterns.flatMap((p) => collect(text, p, 'AGE', 1));
}
