// Domain (pgx): what a CPIC recommendation asks of a prescriber, read from its text: standard
// dosing, a dose change, avoiding the drug, or a contraindication. The safety checks and the ranking
// of options (recommend/safety/check.ts) weigh a genotype by it.
//
// CPIC's tables give a strength (Strong, Moderate, Optional) but no machine-readable action, so the
// kind is read from the wording of each sentence of the recommendation paragraph (CPIC guideline
// texts as PharmCAT ships them, cpic-recommendations.data.ts). The most severe sentence decides.
// Every distinct text of the table is classified in cpic-action-kind.test.ts, with the rows of
// normal function (which must be standard) and the guidelines' own worked examples.
//
// HLA-keyed guidelines (HLA-A, HLA-B) are read more strictly: their "not recommended" and "do not use"
// mark a risk allele of a severe immune reaction (SJS/TEN, abacavir hypersensitivity), which the drug
// labels treat as a contraindication — the FDA abacavir label (Ziagen PI, section 4, Contraindications:
// "presence of the HLA-B*5701 allele"), and the carbamazepine boxed warning (FDA, December 2007,
// Tegretol PI: HLA-B*1502-positive patients should not be treated with carbamazepine unless the
// benefit clearly outweighs the risk); CPIC phenytoin 2020 (Karnes JH et al. Clin Pharmacol Ther
// 2021;109:302) gives HLA-B*15:02 the same "do not use" for phenytoin. A sentence that makes the
// avoidance conditional on alternatives being available (CPIC 2017 HLA-A*31:01 and carbamazepine: "If
// ... alternative agents are available, do not use carbamazepine") stays 'avoid': CPIC allows the drug
// with closer monitoring when there is no alternative.

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

/** An HLA-keyed guideline's "not recommended" / "do not use" (see the file comment). */
const hlaRefusal = /\bdo not use\b|\bnot recommended\b/i;
/** "... and alternative agents are available, do not use": avoidance only when there is a choice. */
const ifAlternativesAvailable =
  /\balternative (?:agents|drugs|medications|therapies) are available\b/i;

function sentenceKind(sentence: string, hlaKeyed: boolean): CpicActionKind {
  if (contraindicated.test(sentence)) return 'contraindicated';
  if (hlaKeyed && hlaRefusal.test(sentence) && !ifAlternativesAvailable.test(sentence))
    return 'contraindicated';
  if (unchanged.test(sentence)) return 'standard';
  if (ifNoResponse.test(sentence)) return doseChange.test(sentence) ? 'dose' : 'standard';
  if (avoid.test(sentence))
    return alternativeAsSecondChoice.test(sentence) && doseChange.test(sentence) ? 'dose' : 'avoid';
  return doseChange.test(sentence) ? 'dose' : 'standard';
}

/**
 * The kind of a CPIC recommendation text: its most severe sentence. `genes` are the genes the
 * guideline keys on (required: the same words mean more in an HLA guideline); an HLA gene among them
 * makes "not recommended" / "do not use" a contraindication.
 */
export function cpicActionKind(text: string, genes: readonly string[]): CpicActionKind {
  const hlaKeyed = genes.some((g) => g.startsWith('HLA-'));
  let kind: CpicActionKind = 'standard';
  for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
    const k = sentenceKind(sentence.trim(), hlaKeyed);
    if (rank[k] > rank[kind]) kind = k;
  }
  return kind;
}
