// Domain (pgx): what a CPIC recommendation asks of a prescriber, read from its text: standard
// dosing, a dose change, avoiding the drug, or a contraindication. The safety checks and the ranking
// of options (recommend/safety/check.ts) weigh a genotype by it.
//
// CPIC's tables give a strength (Strong, Moderate, Optional) but no machine-readable action, so the
// kind is read from the wording of each sentence of the recommendation paragraph (CPIC guideline
// texts as PharmCAT ships them, cpic-recommendations.data.ts). The most severe sentence decides.
// Every distinct text of the table is classified in cpic-action-kind.test.ts, with the rows of
// normal function (which must be standard) and the guidelines' own worked examples.

export type CpicActionKind = 'standard' | 'dose' | 'avoid' | 'contraindicated';

const rank: Record<CpicActionKind, number> = { standard: 0, dose: 1, avoid: 2, contraindicated: 3 };

/**
 * Sentences that say the genotype changes nothing: "There is no need to avoid prescribing of
 * atazanavir" (UGT1A1 normal), "No adjustments needed from typical dosing strategies" (CYP2C9
 * phenytoin), "there is no indication to change dose or therapy" (DPYD normal), and advice for a named
 * indication that CPIC gives every normal and rapid CYP2C19 metaboliser alike ("Consider increasing
 * dose by 50-100% for the treatment of H. pylori infection", CPIC 2020 PPIs).
 */
const unchanged =
  /\bno need to avoid\b|\bno adjustments? (?:is |are )?needed\b|\bno indication to change\b|\bconsider increasing dose by [\d-–%]+ for the treatment of\b/i;

/** Advice for a patient who does not respond to standard dosing: a dose change at most. */
const ifNoResponse = /^if (?:the )?(?:patient does not adequately respond|no response)\b/i;

const contraindicated = /\bcontraindicated\b/i;

/**
 * Not this drug: "Avoid ...", "do not use ...", "... is not recommended", "Consider a clinically
 * appropriate alternative ...", "Select an alternative ...", "Prescribe an alternative statin",
 * "Consider a clinically appropriate antidepressant not predominantly metabolized by CYP2C19".
 */
const avoid =
  /\bavoid\b|\bdo not use\b|\bnot recommended\b|\bconsider (?:a clinically appropriate |an )?alternative\b|\b(?:select|prescribe) an alternative\b|\bantidepressant not (?:predominantly|primarily) metabolized\b/i;

/**
 * A dose other than the usual: reduced, decreased, lower, increased, higher, a ceiling ("≤20mg"),
 * "less than typical", a slower titration.
 */
const doseChange =
  /\breduc|\bdecreas|\blower\b|\bincreas|\bhigher\b|≤\s?\d|\bless than typical\b|\btitrat/i;

/** "... or select a clinically appropriate alternative": the dose change is the first choice. */
const alternativeAsSecondChoice = /\bor select (?:a clinically appropriate |an )?alternative\b/i;

function sentenceKind(sentence: string): CpicActionKind {
  if (contraindicated.test(sentence)) return 'contraindicated';
  if (unchanged.test(sentence)) return 'standard';
  if (ifNoResponse.test(sentence)) return doseChange.test(sentence) ? 'dose' : 'standard';
  if (avoid.test(sentence))
    return alternativeAsSecondChoice.test(sentence) && doseChange.test(sentence) ? 'dose' : 'avoid';
  return doseChange.test(sentence) ? 'dose' : 'standard';
}

/** The kind of a CPIC recommendation text: its most severe sentence. */
export function cpicActionKind(text: string): CpicActionKind {
  let kind: CpicActionKind = 'standard';
  for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
    const k = sentenceKind(sentence.trim());
    if (rank[k] > rank[kind]) kind = k;
  }
  return kind;
}
