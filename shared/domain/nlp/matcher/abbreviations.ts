// Domain (nlp/matcher): abbreviations a text defines for itself, "long form (SF)", found after a
// recognised long form, then tagged wherever the short form recurs in the same text (the definition
// rule of Schwartz & Hearst 2003, "A simple algorithm for identifying abbreviation definitions in
// biomedical text", PSB 8:451: the short form's first character starts a word of the long form).
import type { ClinicalEntity } from '../model';

const wordChar = /[\p{L}\p{N}]/u;
const definition = /^\s*\(\s*([A-Za-z0-9][A-Za-z0-9\-+/]{0,9})\s*[),;]/;

/** Entities for every use of a short form defined right after a recognised entity. */
export function documentAbbreviations(
  text: string,
  entities: readonly ClinicalEntity[],
): ClinicalEntity[] {
  const defined = new Map<string, ClinicalEntity>();
  for (const e of entities) {
    const m = definition.exec(text.slice(e.end, e.end + 16));
    if (!m) continue;
    const short = m[1]!;
    const initial = short[0]!.toLowerCase();
    const words = e.text.toLowerCase().split(/[\s-]+/);
    if (
      !/[A-Z]/.test(short) ||
      short.length >= e.text.length ||
      !words.some((w) => w.startsWith(initial))
    )
      continue;
    if (!defined.has(short)) defined.set(short, e);
  }
  const added: ClinicalEntity[] = [];
  for (const [short, long] of defined) {
    for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1)) {
      const before = at > 0 ? text[at - 1]! : ' ';
      const after = text[at + short.length] ?? ' ';
      if (wordChar.test(before) || wordChar.test(after)) continue;
      added.push({
        ...long,
        start: at,
        end: at + short.length,
        text: short,
        confidence: Math.min(long.confidence, 0.8),
        match: 'abbreviation',
      });
    }
  }
  return added;
}
