// Domain (nlp/text): a closed list of medicines that one verb governs ("Held lisinopril and
// metoprolol", "Stopped aspirin, clopidogrel and warfarin", "Stopped lisinopril 10 mg and metoprolol
// 25 mg"). One rule for the assertion scopes (a stop cue dates every medicine of the list,
// assertions/cues.ts Cue.medicineList) and for relations (a medicine of a held list is no treatment
// "for" what follows, relations/relations.ts).

/**
 * A medicine's dose, route, frequency and form right after it ("10 mg PO daily", "5 mg BID", "25 mg
 * XL", "20 units qhs"), one token at a time.
 */
const dose = String.raw`\d+(?:\.\d+)?\s*(?:mg|mcg|g|units?|ml|meq)\b|\b(?:po|iv|sq|subq|sc|im|sl|daily|qd|qday|bid|tid|qid|qhs|qam|qpm|q\d{1,2}h|prn|nightly|weekly|once|twice|xl|sr)\b|\b(?:p\.o|b\.i\.d|t\.i\.d)\.`;
const leadingDose = new RegExp(String.raw`^(?:\s|${dose})*`, 'i');

/** `text` after the dose, route, frequency and form tokens it opens with (and white space). */
export function afterDose(text: string): string {
  return text.slice(leadingDose.exec(text)![0].length);
}

/**
 * What may join two medicines of a list: commas, "and", "or", "&", "/", a determiner or "home", and
 * the earlier medicine's dose, route and frequency ("lisinopril 10 mg PO daily and metoprolol").
 */
const joiner = new RegExp(
  String.raw`^(?:[\s,&/]|\b(?:and|or|the|his|her|their|home)\b|${dose})*$`,
  'i',
);
/** What closes a list before its last medicine: "and", "or", "&" or "/". A comma alone does not. */
const closer = /\band\b|\bor\b|[&/]/i;

/**
 * A verb clause whose subject is the medicine before it ("metoprolol 25 mg daily was started",
 * "metoprolol increased to 50 mg", "insulin glargine uptitrated", "clopidogrel will continue",
 * "metoclopramide given"): an auxiliary or a verb of starting, continuing, changing or giving, from
 * this closed list. No other "-ed" word: "metformin extended-release", "heparin unfractionated",
 * "amlodipine prescribed by her cardiologist" keep their medicine in the stop list (review r7 of
 * b639376). The medicine is then that verb's, not the stop cue's before the list.
 */
const verbClause =
  /^(?:(?:is|was|were|are|be|been|being|has|have|had|will|would|shall|should|can|could|may|might|must|remains?|still|started|starting|restarted|resumed|continued?|continues|continuing|initiated|begun|commenced|given|added|increased?|increasing|decreased?|decreasing|uptitrated?|titrated?|downtitrated|tapered|weaned|reduced|lowered|raised|adjusted|doubled|halved|switched|changed|taking|tolerating|to\s+(?:be|start|continue|resume|restart|remain|increase|decrease|titrate|uptitrate))\b)/i;
/**
 * "given" as a preposition ("Held lisinopril and metoprolol given hypotension"): before a mention
 * that is no medicine, after at most a determiner or a word of course. Otherwise it is the passive
 * verb of the medicine before it ("metoclopramide given", "metoclopramide given IV").
 */
const givenReason =
  /^given\s+(?:(?:the|his|her|their|recent|ongoing|worsening|new|persistent)\s+)*$/i;

interface Mention {
  start: number;
  end: number;
}

/**
 * The medicines of the list that opens with `mentions[first]` (a medicine; `mentions` sorted by
 * start, `isMedicine` telling which are medicines): it and the medicines after it joined by list
 * words only, up to the first one joined by a closer. A list that never closes ("Discontinued
 * heparin, warfarin 5 mg daily"), or ends at another word or mention ("Held lisinopril and started
 * amlodipine", "Held lisinopril, continue metoprolol"), is the first medicine alone; so is a list
 * whose last medicine, past its dose, route and frequency, opens a verb clause ("Held lisinopril and
 * metoprolol 25 mg daily was started", "Stopped metformin and insulin glargine uptitrated to 20
 * units", "Nausea stopped ondansetron and metoclopramide given": that medicine is the verb's).
 * Anything else after it closes the list: the sentence end, a comma or semicolon, "for", "due to",
 * "because", "on admission", "given" a problem.
 */
export function closedMedicineList<T extends Mention>(
  text: string,
  mentions: readonly T[],
  first: number,
  isMedicine: (m: T) => boolean,
): T[] {
  const head = mentions[first];
  if (!head || !isMedicine(head)) return [];
  const list = [head];
  for (let k = first + 1; k < mentions.length; k++) {
    const next = mentions[k]!;
    const between = text.slice(list[list.length - 1]!.end, next.start);
    if (!isMedicine(next) || !joiner.test(between)) break;
    list.push(next);
    if (closer.test(between)) return verbAfter(text, mentions, k, isMedicine) ? [head] : list;
  }
  return [head];
}

/** True when a verb clause follows `mentions[k]` (a medicine) past its dose (verbClause). */
function verbAfter<T extends Mention>(
  text: string,
  mentions: readonly T[],
  k: number,
  isMedicine: (m: T) => boolean,
): boolean {
  const rest = afterDose(text.slice(mentions[k]!.end));
  if (!verbClause.test(rest)) return false;
  const next = mentions[k + 1];
  if (!next || isMedicine(next) || !/^given\b/i.test(rest)) return true;
  const to = next.start - (text.length - rest.length);
  return to < 0 || !givenReason.test(rest.slice(0, to));
}
