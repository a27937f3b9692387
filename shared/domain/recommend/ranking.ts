// Domain (recommend): rank a guideline's options for one patient. Each option's score is a weighted
// sum of five factors, every one reported with its value, weight, contribution and source, so a
// clinician sees why one option ranks above another. Contraindicated options stay listed, last.
//
// Weights are a design choice of this project (not a published scheme): expected benefit 0.35 and
// adverse-event risk 0.30 dominate; guideline strength 0.15, evidence level 0.10 and PGx fit 0.10
// break ties between otherwise similar options.
import type {
  Candidate,
  EvidenceLevel,
  RankedOption,
  RankingFactor,
  RecommendationStrength,
  SafetyWarning,
  WarningSeverity,
} from './model';
import { bySeverity, drugWarnings, pgxFit } from './safety/check';
import type { PatientFacts } from './patient-facts';
import { stableId } from './identity';

export const rankingWeights = {
  benefit: 0.35,
  'adverse-event risk': 0.3,
  'guideline strength': 0.15,
  'evidence level': 0.1,
  'pgx fit': 0.1,
} as const satisfies Record<RankingFactor['name'], number>;

const strengthValue: Record<RecommendationStrength, number> = {
  strong: 1,
  moderate: 0.75,
  weak: 0.5,
  expert: 0.4,
  against: 0,
};
const evidenceValue: Record<EvidenceLevel, number> = {
  A: 1,
  'B-R': 0.8,
  'B-NR': 0.65,
  'C-LD': 0.5,
  'C-EO': 0.35,
};
const severityValue: Record<WarningSeverity, number> = {
  contraindicated: 0,
  major: 0.25,
  moderate: 0.6,
  caution: 0.9,
};

/** 1 with no warnings; else the worst warning's value, lowered 5 % for each further warning. */
export function adverseEventValue(warnings: readonly SafetyWarning[]): number {
  if (!warnings.length) return 1;
  const worst = Math.min(...warnings.map((w) => severityValue[w.severity]));
  return worst * 0.95 ** (warnings.length - 1);
}

function factor(
  name: RankingFactor['name'],
  value: number,
  source: string,
  note?: string,
): RankingFactor {
  const weight = rankingWeights[name];
  const v = Math.round(value * 1000) / 1000;
  return {
    name,
    value: v,
    weight,
    contribution: Math.round(v * weight * 1000) / 1000,
    source,
    ...(note ? { note } : {}),
  };
}

function pgxFactor(candidate: Candidate, facts: PatientFacts): RankingFactor {
  if (candidate.kind === 'non-drug')
    return factor('pgx fit', 0.5, 'none', 'not applicable to a non-drug option');
  const fits = candidate.drugs.map((d) => ({ drug: d.drug, ...pgxFit(d.drug, facts) }));
  const worst = fits.reduce((a, b) => (b.value < a.value ? b : a));
  const note = fits.map((f) => `${f.drug}: ${f.note}`).join('; ');
  return factor('pgx fit', worst.value, worst.source, note);
}

function optionWarnings(candidate: Candidate, facts: PatientFacts): SafetyWarning[] {
  const regimen = candidate.drugs.map((d) => d.drug);
  const all = regimen.flatMap((drug) =>
    drugWarnings(drug, facts, regimen, candidate.replaces ?? []),
  );
  // A pair inside the regimen is reported once per drug; keep one of each identical message.
  const seen = new Set<string>();
  return bySeverity(
    all.filter((w) => {
      const key = `${w.kind}|${w.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/** Safety-check, score and order the candidates (blocked last, then by score). */
export function rankOptions(
  candidates: readonly Candidate[],
  facts: PatientFacts,
  scope: string,
): RankedOption[] {
  const scored = candidates.map((c) => {
    const warnings = optionWarnings(c, facts);
    const factors = [
      factor('benefit', c.benefit, c.source, c.rationale),
      factor(
        'adverse-event risk',
        adverseEventValue(warnings),
        warnings.length ? [...new Set(warnings.map((w) => w.source))].join('; ') : 'safety checks',
        warnings.length
          ? `${warnings.length} warning(s), worst ${warnings[0]!.severity}`
          : 'no warnings',
      ),
      factor('guideline strength', strengthValue[c.strength], c.source, c.strength),
      factor('evidence level', evidenceValue[c.evidence], c.source, `level ${c.evidence}`),
      pgxFactor(c, facts),
    ];
    const score = Math.round(factors.reduce((s, f) => s + f.contribution, 0) * 1000) / 1000;
    const blocked = warnings.some((w) => w.severity === 'contraindicated');
    const id = stableId('opt', { scope, label: c.label, drugs: c.drugs });
    return { ...c, id, rank: 0, score, blocked, warnings, factors };
  });
  scored.sort(
    (a, b) =>
      Number(a.blocked) - Number(b.blocked) ||
      b.score - a.score ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  return scored.map((o, i) => ({ ...o, rank: i + 1 }));
}
