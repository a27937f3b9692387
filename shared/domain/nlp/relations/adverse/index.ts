// Domain (nlp/relations/adverse): curated, well-established adverse effects of drugs and chemicals
// (drug or chemical causes disease or symptom): the effects named in the US FDA prescribing
// information (Boxed Warning, Warnings and Precautions, Adverse Reactions; DailyMed), the BNF and
// standard pharmacology and toxicology references (Goodman & Gilman's The Pharmacological Basis of
// Therapeutics; ATSDR Toxicological Profiles), each row naming its source. Names are those of the
// curated vocabulary, resolved to its concepts here. Prior knowledge of the CID relation model (the
// knownAdverseEffect feature of cid-train.ts) and `causes` statements of the seed graph (kg/seed).
import type { Concept } from '../../model';
import { termKey } from '../../text/tokens';
import { antiInfectiveOncologyAdverseEffects } from './antiinfective-oncology';
import { cardiometabolicAdverseEffects } from './cardiometabolic';
import { nervousSystemAdverseEffects } from './nervous';
import { otherAdverseEffects } from './other';
import type { AdverseEffectRow } from './types';

export type { AdverseEffectRow } from './types';

/** Every curated adverse-effect row. */
export const adverseEffectRows: readonly AdverseEffectRow[] = [
  ...cardiometabolicAdverseEffects,
  ...nervousSystemAdverseEffects,
  ...antiInfectiveOncologyAdverseEffects,
  ...otherAdverseEffects,
];

/** A drug concept and one of its adverse effects, with the row's source. */
export interface AdverseEffect {
  drug: Concept;
  effect: Concept;
  source: string;
}

/** Names a row gives that no concept of the expected type owns (`drug` or `effect`). */
export interface UnresolvedName {
  name: string;
  role: 'drug' | 'effect';
  row: number;
}

const effectTypes = new Set(['Disease', 'Symptom']);

/**
 * The rows resolved against `concepts` (names keyed as the matcher keys them): every
 * (drug, effect) pair once, and the names that resolve to no concept of the right type.
 */
export function resolveAdverseEffects(
  rows: readonly AdverseEffectRow[],
  concepts: readonly Concept[],
): { effects: AdverseEffect[]; unresolved: UnresolvedName[] } {
  const byName = new Map<string, Concept[]>();
  for (const c of concepts)
    for (const name of new Set([c.preferred, ...c.synonyms])) {
      const key = termKey(name);
      byName.set(key, [...(byName.get(key) ?? []), c]);
    }
  const find = (name: string, ok: (c: Concept) => boolean) => byName.get(termKey(name))?.find(ok);
  const effects: AdverseEffect[] = [];
  const unresolved: UnresolvedName[] = [];
  const seen = new Set<string>();
  rows.forEach(([drugName, effectNames, source], row) => {
    const drug = find(drugName, (c) => c.type === 'Chemical');
    if (!drug) unresolved.push({ name: drugName, role: 'drug', row });
    for (const name of effectNames.split('|')) {
      const effect = find(name, (c) => effectTypes.has(c.type));
      if (!effect) unresolved.push({ name, role: 'effect', row });
      if (!drug || !effect) continue;
      const key = `${drug.id}\u0000${effect.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      effects.push({ drug, effect, source });
    }
  });
  return { effects, unresolved };
}

/**
 * The known (chemical MeSH id, disease MeSH id) pairs of `effects`, as "chemical|disease" keys, with
 * each id passed through `meshId` (e.g. to a corpus's MeSH release).
 */
export function adverseEffectMeshPairs(
  effects: readonly AdverseEffect[],
  meshId: (id: string) => string = (id) => id,
): Set<string> {
  const pairs = new Set<string>();
  for (const { drug, effect } of effects) {
    const [c, d] = [drug.codes.mesh, effect.codes.mesh];
    if (c && d) pairs.add(`${meshId(c)}|${meshId(d)}`);
  }
  return pairs;
}
