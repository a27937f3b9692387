// Domain (deid): what a single word says about being part of a person's name: census look-ups, the
// stop lists, and the "unknown word" test (not a dictionary word, so more likely a proper noun). Shared
// by the rules of names.ts and name-cues.ts.
import type { NoteCase, Token } from './tokens';
import { isEnglishWord } from './english';
import { givenNames } from './lexicon/given-names';
import { familyNames } from './lexicon/family-names';
import {
  ambiguousNames,
  commonWords,
  eponyms,
  relationWords,
  titles,
} from './lexicon/common-words';

/** Genus initials of organisms written like a person's initial ("E. coli", "S. aureus"). */
export const speciesWords = new Set(
  'coli aureus epidermidis diff difficile pylori pneumoniae aeruginosa fragilis flu influenzae faecalis faecium albicans glabrata marcescens cloacae mirabilis maltophilia baumannii jejuni typhi pneumonia pneumo fib flutter'.split(
    ' ',
  ),
);

/** Credentials that are also ordinary abbreviations (MD = Maryland, PT = patient, DO = the verb). */
export const weakCredentials = new Set(['md', 'do', 'pt', 'pa', 'ot', 'ma', 'rd', 'dpt', 'cpt']);

/**
 * Words that never start or continue a name, even after a title ("Dr. to call"): articles,
 * prepositions, pronouns, conjunctions and auxiliaries (closed-class English words).
 */
// prettier-ignore
export const functionWords = new Set(`a an the to of in on at by for with from and or but nor is was are were be been
being am will would can could should shall may might must has have had do does did done this that these those it its he
she they we you i me him her them his hers their theirs our ours your my who whom whose which what when where why how
not no all any some each every other another here there then than as if so up out over about into onto after before
while also just only very too yet per via re please`.split(/\s+/));

/**
 * Endings of clinical terms and derived English words missing from the general word list
 * ("intubation", "cellulitis", "thoracotomy", "extubated"): such words are not proper nouns.
 */
const clinicalEnding =
  /(?:itis|osis|emia|aemia|ectomy|otomy|ostomy|plasty|scopy|gram|graphy|pathy|algia|uria|tion|sion|ment|ology|ologist|ive|ized?|ism|ing|ed|oma|cyte|penia|philia|plegia|paresis|trophy|megaly|rrhea|rrhage|ectasis|lysis)$/;

/**
 * Hospital services and their ward shorthand, which follow "paged", "spoke with" like a person does
 * ("paged Ortho", "SPOKE WITH NEUROSURG"), and charting systems named like people ("see CareVue");
 * general clinical knowledge, not a registry.
 */
// prettier-ignore
export const clinicalServices = new Set(`ortho orthopedics ortho-spine neurosurg neurosurgery nsurg nsgy nephro nephrology
cards cardiology cardiac onc oncology heme heme-onc hemeonc gyn obgyn ob-gyn uro urology derm dermatology ent gi id pulm
pulmonary pulmonology renal neuro neurology psych psychiatry endo endocrine endocrinology rheum rheumatology ophtho optho
ophthalmology plastics vascular thoracic ctsurg cts ir radiology rad rads pharmacy nutrition slp sw nsg nursg anesthesia
anesth anesthesiology surg gensurg transplant hepatology geri geriatrics palliative hospice ccu micu sicu csru tsicu
cvicu nicu picu pacu ed ew er triage admitting ccm ctu tele telemetry echo cath ep
carevue metavision powerchart meditech cerner eclipsys`.split(/\s+/));

/** The census key of a word: lower case without apostrophes ("O'Connell" -> "oconnell"). */
const censusKey = (t: Token) => (t.lower.includes("'") ? t.lower.replace(/'/g, '') : t.lower);

/** A given or family name of the census tables (common words among them included). */
export function censusName(t: Token): boolean {
  const key = censusKey(t);
  return givenNames.has(key) || familyNames.has(key);
}

export const givenName = (t: Token) => givenNames.has(censusKey(t));
export const familyName = (t: Token) => familyNames.has(censusKey(t));

/** A common word, title or relation word: never a name without a title before it. */
export function stopWord(t: Token): boolean {
  return commonWords.has(t.lower) || titles.has(t.lower) || relationWords.has(t.lower);
}

/** A census name that is not also a common word or eponym. */
export function confidentName(t: Token): boolean {
  return censusName(t) && !ambiguousNames.has(t.lower) && !eponyms.has(t.lower) && !stopWord(t);
}

/**
 * A word of 3+ letters found in no dictionary (English, clinical, stop lists, eponyms) nor among the
 * organisms' species names: in a name's context, most likely a proper noun ("Suzette", "Certusi").
 */
export function unknownWord(t: Token): boolean {
  const bare = censusKey(t);
  if (bare.length < 3 || t.glued || /[^a-z-]/.test(bare)) return false;
  if (stopWord(t) || eponyms.has(t.lower) || speciesWords.has(t.lower)) return false;
  if (clinicalServices.has(bare)) return false;
  if (/(?:us|um|ae|ii|iae|ensis|oides|ella|ium)$/.test(bare)) return false; // Latin species epithets
  if (clinicalEnding.test(bare)) return false;
  return !bare.split('-').every((part) => part.length < 3 || isEnglishWord(part));
}

/**
 * A word that reads as a name where context asks for one: a census name or an unknown word,
 * capitalised in mixed-case notes (where capitals carry meaning). Never a stop word or an initial.
 */
export function properCandidate(t: Token, mode: NoteCase): boolean {
  if (t.letter || t.glued || functionWords.has(t.lower)) return false;
  if (mode === 'mixed' && !t.capitalised) return false;
  if (censusName(t) && !stopWord(t)) return !speciesWords.has(t.lower);
  return unknownWord(t);
}
