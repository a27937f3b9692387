// Domain (recommend/safety): every safety check for a drug in this patient — allergies, interactions
// with what the patient takes (and the rest of the proposed regimen), kidney, liver, pregnancy, age,
// duplicate therapy and pharmacogenomic conflicts (CPIC, via the pgx module).
import { classesOf } from '../drugs';
import type { SafetyWarning, WarningSeverity } from '../model';
import type { PatientFacts } from '../patient-facts';
import { ageWarnings } from './age';
import { allergyWarnings } from './allergies';
import { stateWarnings } from './contraindications';
import { interactionWarnings } from './interactions';

/**
 * Classes where two different drugs at once are duplicate therapy (ISMP / Joint Commission
 * therapeutic duplication; 2017 ACC/AHA hypertension guideline 8.1.6: do not combine two drugs of
 * one antihypertensive class).
 */
const duplicateClasses: Readonly<Record<string, WarningSeverity>> = {
  ace_inhibitor: 'major',
  arb: 'major',
  calcium_channel_blocker: 'moderate',
  thiazide: 'moderate',
  beta_blocker: 'major',
  statin: 'major',
  ssri: 'major',
  snri: 'major',
  nsaid: 'major',
  anticoagulant: 'major',
  p2y12_inhibitor: 'major',
  proton_pump_inhibitor: 'moderate',
  sulfonylurea: 'major',
  sglt2_inhibitor: 'major',
  glp1_agonist: 'major',
};

const duplicateSource =
  'ISMP/Joint Commission therapeutic duplication; 2017 ACC/AHA hypertension guideline 8.1.6';

function duplicateWarnings(
  drug: string,
  others: readonly { drug: string; source: string }[],
): SafetyWarning[] {
  const warnings: SafetyWarning[] = [];
  for (const cls of classesOf(drug)) {
    const severity = duplicateClasses[cls];
    if (!severity) continue;
    const same = others.filter((o) => o.drug !== drug && classesOf(o.drug).includes(cls));
    for (const other of same)
      warnings.push({
        kind: 'duplicate',
        severity,
        drug,
        message: `${drug} duplicates ${other.drug} (both ${cls.replace(/_/g, ' ')})`,
        source: duplicateSource,
        evidence: [other.source],
      });
  }
  return warnings;
}

export interface PgxFit {
  /** 1 standard dosing, 0.6 dose change, 0 avoid; 0.5 when no genotype bears on the drug. */
  value: number;
  note: string;
  source: string;
  warning?: SafetyWarning;
}

/** How a CPIC recommendation bears on the drug: standard, dose change, or avoid. */
export function pgxFit(drug: string, facts: PatientFacts): PgxFit {
  const cpic = facts.pgx?.cpic.find((r) => r.drug === drug);
  if (!cpic || cpic.strength === 'No recommendation' || cpic.strength === 'N/A')
    return {
      value: 0.5,
      note: facts.pgx ? 'no actionable CPIC genotype for this drug' : 'no PGx profile given',
      source: facts.pgx ? 'CPIC guidelines via the pgx module' : 'none',
    };
  const gene = cpic.gene ?? cpic.genes?.join('+') ?? '';
  const base = {
    kind: 'pgx' as const,
    drug,
    source: cpic.source,
    evidence: [`${gene} ${cpic.phenotype}`],
  };
  const kind = cpic.kind;
  if (kind === 'standard') return { value: 1, note: cpic.action, source: cpic.source };
  const severity = (
    { contraindicated: 'contraindicated', avoid: 'major', dose: 'moderate' } as const
  )[kind];
  return {
    value: kind === 'dose' ? 0.6 : 0,
    note: cpic.action,
    source: cpic.source,
    warning: { ...base, severity, message: `${gene} ${cpic.phenotype}: ${cpic.action}` },
  };
}

/** What the patient takes, as (ingredient, source) pairs. */
export function currentDrugs(facts: PatientFacts): { drug: string; source: string }[] {
  return facts.medications.flatMap((m) =>
    m.ingredients.map((drug) => ({ drug, source: m.source })),
  );
}

/**
 * Every safety finding for `drug` when given with `regimen` (the other drugs of the same option) on
 * top of what the patient takes, less `replaces` (drugs the option switches away from). Drugs the
 * patient already takes are not duplicates of themselves.
 */
export function drugWarnings(
  drug: string,
  facts: PatientFacts,
  regimen: readonly string[] = [],
  replaces: readonly string[] = [],
): SafetyWarning[] {
  const others = [
    ...currentDrugs(facts).filter((d) => !replaces.includes(d.drug)),
    ...regimen
      .filter((d) => d !== drug)
      .map((d) => ({ drug: d, source: 'the same proposed regimen' })),
  ];
  const pgx = pgxFit(drug, facts).warning;
  return bySeverity([
    ...allergyWarnings(drug, facts),
    ...interactionWarnings(drug, others),
    ...stateWarnings(drug, facts),
    ...ageWarnings(drug, facts),
    ...duplicateWarnings(drug, others),
    ...(pgx ? [pgx] : []),
  ]);
}

const order: Record<WarningSeverity, number> = {
  contraindicated: 0,
  major: 1,
  moderate: 2,
  caution: 3,
};

/** Warnings sorted most severe first (stable within a severity). */
export function bySeverity(warnings: readonly SafetyWarning[]): SafetyWarning[] {
  return [...warnings].sort((a, b) => order[a.severity] - order[b.severity]);
}
