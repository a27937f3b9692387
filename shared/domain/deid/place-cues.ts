// Domain (deid): places that only their context gives away: wards named after people or places in any
// casing ("on QUARTERMAIN 6", "transfer to lochearn 2/3"), hospital acronyms after a transfer
// ("transfered to gh"), employers ("CEO of ACME", "works for Initech", "his business Globex") and a
// place listed or located after another ("Baltimore Rehab and Kimbrough", "Hospital in Lochearn").
// A candidate is a word in no dictionary (name-words.ts), so common words and clinical terms stay.
import type { Candidate } from './model';
import { tokenAt, type NoteCase, type Token } from './tokens';
import { functionWords, unknownWord } from './name-words';

/** Medical abbreviations shaped like hospital acronyms (ending in H, MC or HC). */
// prettier-ignore
export const acronymStop = new Set(`osh lvh rvh bph ich sah sdh edh tsh lh fsh acth pth adh ldh nph dh ah oh uh ph th ch
sh nh rh hh mh bh vh wh eh ih iph cmc ahc phc hc mc emc smc dmc nmc`.split(/\s+/));

/** A ward number: "6", "2/3", "-4", ended by punctuation, a line end or a following word (not a unit). */
const wardNumber =
  /^\s*-?\s*\d{1,2}(?:\/\d{1,2})?(?![\d.]\d|\/)(?=[.,;:)]|\s*$|\s+(?:for|at|and|with|when|on|until|in|from|to|where|but|pt|code|cardiac|after|before|prior|while|s\/p)\b)/i;
/** Words that take a ward after them: "found ... on X 6", "called to X 6", "transfer to X 2/3". */
const wardPreposition = /^(?:on|to|from|at)$/;
/** Dose changes, after which "on X 4" and "to X 2" are a drug and its rate ("weaned to Levophed 2"). */
export const doseVerb =
  /\b(?:start(?:ed)?|remain(?:s|ed)?|wean(?:ed)?|increas(?:e|ed)|decreas(?:e|ed)|titrat(?:e|ed)|chang(?:e|ed)|switch(?:ed)?|restart(?:ed)?|resum(?:e|ed)|continu(?:e|es|ed)|still|now|put|bolus(?:ed)?|dose)(?:\s+(?:up|down|back))?\s*$/i;
/** A move or call that sends a patient or a team to a ward. */
const movedBefore =
  /\b(?:transf\w*|trans|admit\w*|sent|called|go|going|went|moved|back|return\w*|arriv\w*)\s*$/i;
/** Drug-name endings: "on Levophed 4", "on Precedex 0.4" are doses, not wards. */
const drugEnding =
  /(?:ol|ide|ine|pril|sartan|statin|azole|mycin|micin|cillin|cycline|floxacin|one|ate|ium|phed|ix|yn|lin|pam|lam|vir|mab|nib|parin|xaban|cort|dex)$/;
const transferAcronym =
  /\b(?:transfer(?:r?ed)?|trans|sent|admitted|leave|leaving|discharged|return(?:ed|ing)?|back|came|arrived)\s+(?:to\s+|from\s+)?(?:the\s+)?([A-Za-z]{1,3}(?:h|mc|hc))\b/gi;
/** Employer cues (a job title, "works for", "his business"); places of work are PHI under Safe Harbor (B). */
const employerCue =
  /\b(?:(?:ceo|cfo|coo|president|owner|founder|director|vp|executive|engineer|employee|manager|partner)\s+(?:of|at|for|with)|(?:works?|working|worked|employed|retired|job)\s+(?:at|for|by|from|with)|(?:his|her|their|own|family)\s+(?:business|company|firm|store|restaurant)(?:\s*[:,-])?)\s+(?:the\s+)?/gi;
/** A facility word and a joining word: "Rehab and X", "Hospital in X", "Center, X". */
const facilityThenPlace =
  /\b(?:hospital|hosp|center|centre|clinic|rehab|rehabilitation|facility|manor|nursing home|hospice)\s+(and|or|&|in)\s+/gi;

const place = (t: Token): Candidate => ({
  start: t.start,
  end: t.end,
  category: 'LOCATION',
  text: t.text,
});

/** A word that can name a place here: no dictionary word, capitalised when casing means anything. */
function placeCandidate(t: Token, mode: NoteCase): boolean {
  if (t.letter || t.glued || functionWords.has(t.lower)) return false;
  if (mode === 'mixed' && !(t.capitalised || t.upper)) return false;
  return unknownWord(t);
}

/** LOCATION findings that need context beyond the word itself (see the file comment). */
export function findCuedPlaces(text: string, tokens: Token[], mode: NoteCase): Candidate[] {
  return [
    ...wardsInAnyCase(text, tokens, mode),
    ...acronymsAfterTransfer(text),
    ...afterCue(text, tokens, mode, employerCue, 3),
    ...afterCue(text, tokens, mode, facilityThenPlace, 2),
  ];
}

/** "ASYSTOLIC ON QUARTERMAIN 6", "called To quartermain 6 At 0455": an unknown word and a ward number. */
function wardsInAnyCase(text: string, tokens: Token[], mode: NoteCase): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((t, i) => {
    if (i === 0 || t.lower.length < 4 || !wardPreposition.test(tokens[i - 1]!.lower)) return;
    if (!unknownWord(t) || drugEnding.test(t.lower)) return;
    // Where capitals mean something, a lower-case ward needs a move before it ("called to x 6"),
    // or "at codon 86" and "to introns 12" would read as wards.
    const lead = text.slice(Math.max(0, tokens[i - 1]!.start - 16), tokens[i - 1]!.start);
    if (mode === 'mixed' && !(t.capitalised || t.upper) && !movedBefore.test(lead)) return;
    if (!/^\s+$/.test(text.slice(tokens[i - 1]!.end, t.start))) return;
    if (doseVerb.test(text.slice(Math.max(0, tokens[i - 1]!.start - 16), tokens[i - 1]!.start)))
      return;
    if (!wardNumber.test(text.slice(t.end, t.end + 40))) return;
    found.push(place(t));
  });
  return found;
}

/** "NEED TO LEAVE GH", "transfered to gh 7/22": a hospital acronym after a transfer, in any case. */
function acronymsAfterTransfer(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(transferAcronym)) {
    const word = m[1]!;
    if (acronymStop.has(word.toLowerCase()) || !/^[^aeiou]+$|mc$|hc$/i.test(word)) continue;
    if (word.length < 2) continue;
    const start = m.index + m[0].length - word.length;
    found.push({ start, end: start + word.length, category: 'LOCATION', text: word });
  }
  return found;
}

/** Up to `max` place words right after each match of `cue`. */
function afterCue(
  text: string,
  tokens: Token[],
  mode: NoteCase,
  cue: RegExp,
  max: number,
): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(cue)) {
    if (m[1]?.toLowerCase() === 'in' && mode !== 'mixed') continue; // "home in afib" in plain case
    const first = tokenAt(tokens, m.index + m[0].length);
    if (first < 0 || tokens[first]!.start !== m.index + m[0].length) continue;
    for (let k = first; k < tokens.length && k < first + max; k++) {
      const t = tokens[k]!;
      if (k > first && text.slice(tokens[k - 1]!.end, t.start) !== ' ') break;
      if (!placeCandidate(t, mode)) break;
      found.push(place(t));
    }
  }
  return found;
}
