// Domain (nlp/relations): sentence-level evidence for one chemical mention and one disease mention
// of the same sentence, the mention-pair stage of the two-stage CDR systems: token distance, causal
// trigger words and patterns ("X-induced Y", "Y caused by X", "Y after X", "X toxicity"), treatment
// or protection cues (the chemical acts against the disease: no CID), and negation of the relation.
// Cue lists follow the trigger-word and pattern features of BioCreative V CDR systems: Wei et al.
// 2016 (Database baw032, "Baselines"), Xu et al. 2016 CD-REST (Database baw036, sentence-level
// features), Gu, Qian & Zhou 2016 (Database baw042, intra-sentence lexical features), Peng, Wei & Lu
// 2016 (J Cheminform 8:53, rule-based cue features); negation cues from NegEx (Chapman et al. 2001,
// J Biomed Inform 34:301).
import { tokenize } from '../text/tokens';

/** A mention span (UTF-16 offsets into the document text, `end` exclusive). */
export interface CueSpan {
  start: number;
  end: number;
}

/** Evidence for one chemical and one disease mention of one sentence (all 0/1 but tokenGap). */
export interface MentionPairCues {
  /** Word tokens strictly between the two mentions (0 when adjacent or overlapping). */
  tokenGap: number;
  /** "cisplatin-induced nephrotoxicity", "lithium-associated polyuria": chemical, short link, disease. */
  induced: number;
  /** "seizures induced by / caused by / due to / secondary to / associated with cocaine". */
  causedBy: number;
  /** "hepatitis after / following / during halothane": disease then a temporal link to the chemical. */
  after: number;
  /** A causal trigger word anywhere between the mentions ("induced", "caused", "developed", ...). */
  trigger: number;
  /** A causal trigger word anywhere in the sentence (the co-occurrence baseline of Wei et al. 2016). */
  sentenceTrigger: number;
  /** "digoxin toxicity", "paracetamol overdose": a poisoning word right after the chemical. */
  toxicity: number;
  /** The chemical treats, prevents or protects against the disease ("X attenuated Y", "Y treated with X"). */
  treats: number;
  /** A negation cue before the disease or between the mentions ("did not induce", "without"). */
  negated: number;
}

const inducedLink =
  /^[\s-]*(?:induced|associated|related|caused|evoked|provoked|mediated|elicited|triggered|dependent|exposed)\b/i;
const causedByLink =
  /\b(?:(?:induced|caused|produced|provoked|evoked|elicited|triggered|precipitated|mediated)\s+by|due\s+to|secondary\s+to|attributed\s+to|attributable\s+to|associated\s+with|related\s+to|resulting\s+from|from)\b/i;
const afterLink = /\b(?:after|following|during|post|upon|on)\b/i;
const triggerWord =
  /induc|caus|produc|provok|evok|elicit|trigger|precipitat|develop|result|associat|toxic|adverse|side[\s-]effect|complicat|attribut|due to|secondary to|occur|experienc|suffer/i;
const toxicityWord = /^[\s-]*(?:toxicity|overdose|poisoning|intoxication|abuse|exposure|use)\b/i;
const treatWord =
  /\b(?:treat(?:ed|ment|ing)?\s+(?:of|for|with)|therap(?:y|eutic)\s+(?:of|for|in)|for\s+the\s+(?:treatment|management|prevention)|(?:given|used|prescribed|indicated|administered)\s+for|prevent|protect|attenuat|revers|ameliorat|alleviat|antagoni|improv|reliev|relief|inhibit(?:ed|s)?\s+the|suppress|efficacy|effective\s+in|beneficial|abolish|counteract|lower(?:ed|s|ing)?\s+the)/i;
const negationWord =
  /\b(?:no|not|without|neither|nor|never|absence\s+of|free\s+of|failed\s+to|unlikely|rule\s+out|ruled\s+out)\b/i;

/**
 * Cues linking the chemical mention `chemical` and the disease mention `disease` of the sentence
 * `sentence` of `text` (all offsets into `text`). Patterns read the words between the two mentions;
 * negation also the few words right before the disease, toxicity the words right after the
 * chemical, and `sentenceTrigger` the whole sentence.
 */
export function mentionPairCues(
  text: string,
  sentence: CueSpan,
  chemical: CueSpan,
  disease: CueSpan,
): MentionPairCues {
  const chemFirst = chemical.start <= disease.start;
  const gapStart = chemFirst ? chemical.end : disease.end;
  const gapEnd = chemFirst ? disease.start : chemical.start;
  const gap = gapEnd > gapStart ? text.slice(gapStart, gapEnd) : '';
  const gapTokens = tokenize(gap).length;
  const before = text.slice(Math.max(sentence.start, disease.start - 30), disease.start);
  const after = text.slice(chemical.end, Math.min(sentence.end, chemical.end + 20));
  return {
    tokenGap: gapTokens,
    induced: chemFirst && gapTokens <= 3 && inducedLink.test(gap) ? 1 : 0,
    causedBy: !chemFirst && gapTokens <= 8 && causedByLink.test(gap) ? 1 : 0,
    after: !chemFirst && gapTokens <= 8 && afterLink.test(gap) ? 1 : 0,
    trigger: triggerWord.test(gap) ? 1 : 0,
    sentenceTrigger: triggerWord.test(text.slice(sentence.start, sentence.end)) ? 1 : 0,
    toxicity: toxicityWord.test(after) ? 1 : 0,
    treats: treatWord.test(gap) ? 1 : 0,
    negated: negationWord.test(gap) || negationWord.test(lastWords(before, 4)) ? 1 : 0,
  };
}

function lastWords(text: string, n: number): string {
  return text
    .split(/\s+/)
    .slice(-n - 1)
    .join(' ');
}
