// Domain (nlp/text): a closed list of medicines that one verb governs ("Held lisinopril and
// metoprolol", "Stopped aspirin, clopidogrel and warfarin", "Stopped lisinopril 10 mg and metoprolol
// 25 mg"). One rule for the assertion scopes (a stop cue dates every medicine of the list,
// assertions/cues.ts Cue.medicineList) and for relations (a medicine of a held list is no treatment
// "for" what follows, relations/relations.ts).

/**
 * What may join two medicines of a list: commas, "and", "or", "&", "/", a determiner or "home", and
 * the earlier medicine's dose, route and frequency ("lisinopril 10 mg PO daily and metoprolol").
 */
const joiner =
  /^(?:[\s,&/]|\b(?:and|or|the|his|her|their|home)\b|\d+(?:\.\d+)?\s*(?:mg|mcg|g|units?|ml|meq)\b|\b(?:po|iv|sq|subq|sc|im|sl|daily|qd|qday|bid|tid|qid|qhs|nightly|weekly)\b|\b(?:p\.o|b\.i\.d|t\.i\.d)\.)*$/i;
/** What closes a list before its last medicine: "and", "or", "&" or "/". A comma alone does not. */
const closer = /\band\b|\bor\b|[&/]/i;

interface Mention {
  start: number;
  end: number;
}

/**
 * The medicines of the list that opens with `mentions[first]` (a medicine; `mentions` sorted by
 * start, `isMedicine` telling which are medicines): it and the medicines after it joined by list
 * words only, up to the first one joined by a closer. A list that never closes ("Discontinued
 * heparin, warfarin 5 mg daily"), or ends at another word or mention ("Held lisinopril and started
 * amlodipine", "Held lisinopril, continue metoprolol"), is the first medicine alone.
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
    if (closer.test(between)) return list;
  }
  return [head];
}
