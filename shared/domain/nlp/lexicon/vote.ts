// Domain (nlp/lexicon): combining the span lists of several NER systems (the linear-chain sequence
// tagger, the BiLSTM tagger, the dictionary) into one, by a rule chosen on held-out training data,
// and linking the result to the dictionary's codes. The sequence tagger is the primary system (it
// already sees the dictionary as a feature); others only fill places where it found nothing, or vote
// (a span two of three systems agree on exactly wins its place: Florian et al. 2003, CoNLL "Named
// entity recognition through classifier combination", voting over sequence taggers).
import type { NlpEngine } from '../extract';
import { abbreviationDefinitions, wordOccurrences } from '../matcher/abbreviations';
import type { ClinicalEntity, CodeSystemKey } from '../model';
import { taggerEntities, type TaggerSpan } from './ensemble';

/** How the systems' spans combine. */
export type SpanVote =
  | { rule: 'primary' }
  /** Primary, plus secondary spans at least `minConfidence` (0-1) where primary has nothing. */
  | { rule: 'fill'; from: readonly ('secondary' | 'dictionary')[]; minConfidence: number }
  /** Spans two of the three systems agree on exactly, then primary, then nothing else. */
  | { rule: 'majority' };

export interface SystemSpans {
  primary: readonly TaggerSpan[];
  secondary: readonly TaggerSpan[];
  dictionary: readonly TaggerSpan[];
}

const family = (t: string) => (t === 'Symptom' ? 'Disease' : t);
const overlaps = (a: TaggerSpan, b: TaggerSpan) => a.start < b.end && b.start < a.end;

/** The combined spans of one document under `vote`, without overlaps, sorted by start offset. */
export function voteSpans(systems: SystemSpans, vote: SpanVote): TaggerSpan[] {
  let kept: TaggerSpan[] = [];
  const add = (spans: readonly TaggerSpan[], minConfidence = 0) => {
    for (const s of spans)
      if (s.confidence >= minConfidence && !kept.some((k) => overlaps(k, s))) kept.push(s);
  };
  if (vote.rule === 'majority') {
    const key = (s: TaggerSpan) => `${s.start}:${s.end}:${family(s.type)}`;
    const lists = [systems.primary, systems.secondary, systems.dictionary];
    const votes = new Map<string, number>();
    for (const list of lists)
      for (const k of new Set(list.map(key))) votes.set(k, (votes.get(k) ?? 0) + 1);
    add(lists.flat().filter((s) => (votes.get(key(s)) ?? 0) >= 2));
    add(systems.primary);
  } else {
    kept = [...systems.primary];
    if (vote.rule === 'fill')
      for (const from of vote.from)
        add(systems[from], from === 'secondary' ? vote.minConfidence : 0);
  }
  return kept
    .map((s) => ({ ...s, type: family(s.type) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Entities of the combined spans, linked to codes: the dictionary entity on exactly the same span
 * and type family lends its codes; otherwise the dictionary's match of the whole span
 * (taggerEntities); a defined short form ("long form (SF)") still without codes takes its long form's.
 */
export function linkedSpans(
  engine: NlpEngine,
  text: string,
  spans: readonly TaggerSpan[],
  dictionary: readonly ClinicalEntity[],
  preferSystem?: CodeSystemKey,
): ClinicalEntity[] {
  const byOffsets = new Map(dictionary.map((d) => [`${d.start}:${d.end}:${family(d.type)}`, d]));
  const entities = taggerEntities(engine, text, spans, preferSystem).map((e) => {
    const same = byOffsets.get(`${e.start}:${e.end}:${family(e.type)}`);
    if (!same?.code) return e;
    return {
      ...e,
      code: same.code,
      ...(same.system ? { system: same.system } : {}),
      ...(same.codes ? { codes: same.codes } : {}),
      ...(same.conceptId ? { conceptId: same.conceptId } : {}),
    };
  });
  for (const d of abbreviationDefinitions(text)) {
    const long = entities.find((e) => e.end === d.longEnd && e.code);
    if (!long) continue;
    const uses = new Set(wordOccurrences(text, d.short));
    entities.forEach((e, i) => {
      if (e.code || !uses.has(e.start) || e.end !== e.start + d.short.length) return;
      entities[i] = {
        ...e,
        code: long.code!,
        system: long.system!,
        ...(long.codes ? { codes: long.codes } : {}),
      };
    });
  }
  return entities;
}
