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
import { labaWithoutIcsWarnings } from './asthma-laba';

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
  // GINA 2024 (Box 4-6): one ICS-containing maintenance inhaler; a second ICS or LABA adds dose and
  // adverse effects (LABA: tachycardia, hypokalaemia; ICS: systemic effects) without a step.
  laba: 'major',
  inhaled_corticosteroid: 'major',
};

const inhalerClasses = ['laba', 'inhaled_corticosteroid'];

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
        source: inhalerClasses.includes(cls)
          ? `${duplicateSource}; GINA 2024 report, Box 4-6`
          : duplicateSource,
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

/** PGx fit by what the CPIC text asks (cpic-action-kind.ts). */
const pgxValue = { standard: 1, dose: 0.6, avoid: 0, contraindicated: 0 } as const;

/**
 * How a CPIC recommendation bears on the drug: standard, dose change, or avoid. A gene looked up as
 * Indeterminate (or "n/a") caps the fit at 0.5 with a warning naming it (caution, or the row's own
 * severity when more severe) and CPIC's full text. A recommendation with
 * an incomplete gene (pgx/profile.ts: a defining position missing from the genotype data could change
 * the phenotype) is never standard: at most 0.5 (no usable genotype), with a major warning naming the
 * gene and the missing positions (CPIC recommends from a phenotype the genotype supports; the encoded
 * tables and the rule: pgx/cpic-recommendations.ts), or the row's own warning when more severe.
 */
export function pgxFit(drug: string, facts: PatientFacts): PgxFit {
  const cpic = facts.pgx?.cpic.find((r) => r.drug === drug);
  const incomplete = cpic?.incomplete ?? [];
  const indeterminate = indeterminateGenes(cpic);
  if (
    !cpic ||
    ((cpic.strength === 'No recommendation' || cpic.strength === 'N/A') &&
      !incomplete.length &&
      !indeterminate.length)
  )
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
    evidence: [
      `${gene} ${cpic.phenotype}`,
      ...incomplete.map((i) => `${i.gene} missing: ${i.positions.join(', ')}`),
    ],
  };
  const kind = cpic.kind;
  if (incomplete.length) {
    const missing = incomplete
      .map((i) => `${i.gene} (${i.positions.join(', ')} missing)`)
      .join('; ');
    const asCalled =
      kind === 'indeterminate' ? '' : ` CPIC for the Indeterminate phenotype: ${cpic.action}`;
    return {
      value: kind === 'indeterminate' ? 0.5 : Math.min(pgxValue[kind], 0.5),
      note: cpic.action,
      source: cpic.source,
      warning: {
        ...base,
        severity: kind === 'contraindicated' ? 'contraindicated' : 'major',
        message: `${gene} genotype incomplete: ${missing}; a variant there would change the phenotype, so it is Indeterminate and no CPIC recommendation can be made from the call — genotype those positions before relying on it.${asCalled}`,
      },
    };
  }
  if (indeterminate.length) {
    // CPIC's Indeterminate rows (TPMT *1/*5: "uncertain function" allele) give advice for a
    // phenotype that could not be assigned: never a standard fit, and the whole text (its caveat,
    // e.g. "consider phenotyping", is often past the first sentence).
    const severity =
      kind === 'indeterminate'
        ? 'caution'
        : (
            {
              contraindicated: 'contraindicated',
              avoid: 'major',
              dose: 'moderate',
              standard: 'caution',
            } as const
          )[kind];
    const names = indeterminate.join(', ');
    return {
      value: kind === 'indeterminate' ? 0.5 : Math.min(pgxValue[kind], 0.5),
      note: cpic.text,
      source: cpic.source,
      warning: {
        ...base,
        severity,
        message: `${names} phenotype Indeterminate (${cpic.phenotype}): the genotype does not assign a CPIC phenotype, so the genotype cannot support standard dosing. CPIC: ${cpic.text}`,
      },
    };
  }
  if (kind === 'standard') return { value: 1, note: cpic.action, source: cpic.source };
  if (kind === 'indeterminate') return { value: 0.5, note: cpic.action, source: cpic.source };
  const severity = (
    { contraindicated: 'contraindicated', avoid: 'major', dose: 'moderate' } as const
  )[kind];
  return {
    value: pgxValue[kind],
    note: cpic.action,
    source: cpic.source,
    warning: { ...base, severity, message: `${gene} ${cpic.phenotype}: ${cpic.action}` },
  };
}

/**
 * The genes of a CPIC recommendation looked up as Indeterminate ("Indeterminate", or "n/a" for the
 * activity-score genes): a genotype that assigns no phenotype (an uncertain- or unknown-function
 * allele, tied calls that differ in phenotype).
 */
function indeterminateGenes(cpic: { lookupKey: Record<string, string> } | undefined): string[] {
  return Object.entries(cpic?.lookupKey ?? {})
    .filter(([, key]) => key === 'Indeterminate' || key === 'n/a')
    .map(([gene]) => gene);
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
    ...labaWithoutIcsWarnings(drug, facts, regimen, replaces),
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
