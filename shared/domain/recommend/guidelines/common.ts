// Domain (recommend/guidelines): helpers every guideline module shares — turning facts into the
// `inputs` a recommendation lists, and building candidates tersely.
import type {
  Candidate,
  DrugDose,
  EvidenceLevel,
  InputUsed,
  RecommendationStrength,
} from '../model';
import type { Fact } from '../patient-facts';

/** A fact as a listed input, or a "not recorded" entry so the reader sees what was looked for. */
export function input(name: string, fact: Fact<number | string | boolean> | undefined): InputUsed {
  if (!fact) return { name, value: null, source: 'not recorded' };
  return {
    name,
    value: fact.value,
    ...(fact.unit ? { unit: fact.unit } : {}),
    source: fact.source,
  };
}

export function drugOption(
  label: string,
  drugs: DrugDose[],
  o: {
    rationale: string;
    strength: RecommendationStrength;
    evidence: EvidenceLevel;
    benefit: number;
    source: string;
    replaces?: string[];
  },
): Candidate {
  return { label, kind: 'drug', drugs, ...o, benefit: clamp(o.benefit) };
}

export function nonDrugOption(
  label: string,
  o: {
    rationale: string;
    strength: RecommendationStrength;
    evidence: EvidenceLevel;
    benefit: number;
    source: string;
  },
): Candidate {
  return { label, kind: 'non-drug', drugs: [], ...o, benefit: clamp(o.benefit) };
}

export const clamp = (x: number) => Math.max(0, Math.min(1, Math.round(x * 100) / 100));
