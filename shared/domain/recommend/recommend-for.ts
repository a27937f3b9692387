// Use case (recommend): personalised treatment options for one patient — facts from the FHIR record
// (plus an optional PGx profile and VCF tumour findings), each guideline's candidates, safety checks,
// ranking, a review of the medicines already taken, and optional case-based and knowledge-graph
// evidence from injected ports. Flow: CLI/API adapter -> recommendFor -> domain (this folder).
import type { Resource } from '@medplum/fhirtypes';
import { ValidationError } from '../errors';
import type { PgxProfile } from '../pgx/profile';
import { stableId } from './identity';
import type {
  GuidelineFinding,
  InputUsed,
  MedicationAlert,
  Recommendation,
  RecommendationReport,
  SafetyWarning,
} from './model';
import { patientFacts, type PatientFacts } from './patient-facts';
import { rankOptions } from './ranking';
import { bySeverity, drugWarnings } from './safety/check';
import type { GraphEvidence } from './graph-evidence';
import type { SimilarPatients } from './similar-patients';
import type { TumourFinding } from '../genomics/tumour-variants';
import { anticoagulationFinding } from './guidelines/anticoagulation';
import { antiplateletFinding } from './guidelines/antiplatelet';
import { asthmaFinding } from './guidelines/asthma';
import { diabetesFinding } from './guidelines/diabetes';
import { heartFailureFinding } from './guidelines/heart-failure';
import { hypertensionFinding } from './guidelines/hypertension';
import { lipidFinding } from './guidelines/lipids';
import { anxietyFinding, depressionFinding } from './guidelines/mental-health';
import { oncologyFinding } from './guidelines/oncology';
import { otitisMediaFinding, paediatricAnalgesiaFinding } from './guidelines/otitis-media';
import { paediatricBpFinding } from './guidelines/paediatric-hypertension';

export interface RecommendDeps {
  similarPatients?: SimilarPatients;
  graphEvidence?: GraphEvidence;
  /** Neighbours asked of `similarPatients` (>= 5; default 25). */
  neighbours?: number;
}

export interface RecommendInput {
  resources: readonly Resource[];
  pgx?: PgxProfile;
  /** Tumour findings read from the patient's VCF (genomics/tumour-variants.ts). */
  tumour?: readonly TumourFinding[];
  at: Date;
}

const guidelines: readonly ((facts: PatientFacts) => GuidelineFinding | undefined)[] = [
  hypertensionFinding,
  paediatricBpFinding,
  diabetesFinding,
  lipidFinding,
  anticoagulationFinding,
  antiplateletFinding,
  heartFailureFinding,
  depressionFinding,
  anxietyFinding,
  asthmaFinding,
  oncologyFinding,
  otitisMediaFinding,
  paediatricAnalgesiaFinding,
];

export const disclaimer =
  'Decision support only: every option is proposed for a clinician to review against the full clinical picture; none is an order.';

function toRecommendation(finding: GuidelineFinding, facts: PatientFacts): Recommendation {
  const scope = `${facts.patientId}|${finding.topic}`;
  const options = rankOptions(finding.candidates, facts, scope);
  return {
    id: stableId('rec', {
      patient: facts.patientId,
      topic: finding.topic,
      inputs: finding.inputs,
      options: options.map((o) => [o.id, o.score, o.warnings.length]),
    }),
    status: 'proposed',
    topic: finding.topic,
    title: finding.title,
    summary: finding.summary,
    guideline: finding.guideline,
    options,
    inputs: finding.inputs,
    notes: finding.notes,
  };
}

/** A pair of current medicines (interaction, duplicate) is reported once, under its first drug. */
function firstReport(w: SafetyWarning, drug: string, seen: Set<string>): boolean {
  if (w.kind !== 'interaction' && w.kind !== 'duplicate') return true;
  const other = /^\S+ (?:\+|duplicates) ([^\s:]+)/.exec(w.message)?.[1] ?? '';
  const key = `${w.kind}|${[drug, other].sort().join('+')}|${w.source}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** Safety findings (moderate or worse) about the medicines the patient already takes. */
export function medicationReview(facts: PatientFacts): MedicationAlert[] {
  const alerts: MedicationAlert[] = [];
  const seenPairs = new Set<string>();
  for (const med of facts.medications)
    for (const drug of med.ingredients) {
      const warnings = bySeverity(drugWarnings(drug, facts)).filter(
        (w) => w.severity !== 'caution' && firstReport(w, drug, seenPairs),
      );
      if (!warnings.length) continue;
      const cpic = facts.pgx?.cpic.find((r) => r.drug === drug);
      const pgxWarning = warnings.find((w) => w.kind === 'pgx');
      alerts.push({
        id: stableId('alert', {
          patient: facts.patientId,
          drug,
          source: med.source,
          warnings: warnings.map((w) => w.message),
        }),
        status: 'proposed',
        drug,
        source: med.source,
        warnings,
        ...(pgxWarning && cpic ? { suggestion: cpic.text } : {}),
      });
    }
  return alerts;
}

/** The report for already-extracted facts (pure and synchronous: no evidence ports). */
export function recommendationReport(facts: PatientFacts): RecommendationReport {
  const recommendations = guidelines
    .map((g) => g(facts))
    .filter((f): f is GuidelineFinding => f !== undefined)
    .map((f) => toRecommendation(f, facts));
  const missing = [
    ...new Set(
      recommendations.flatMap((r) =>
        r.inputs.filter((i: InputUsed) => i.value === null).map((i) => i.name),
      ),
    ),
  ]
    .sort()
    // Readings passed over (a unit not recognised, a stale creatinine), saying which and why.
    .concat(facts.labs.unusable ?? []);
  return {
    patient: facts.patientId,
    at: facts.at.toISOString(),
    status: 'proposed',
    recommendations,
    medicationReview: medicationReview(facts),
    missing,
    disclaimer,
  };
}

async function attachEvidence(
  deps: RecommendDeps,
  input: RecommendInput,
  r: Recommendation,
): Promise<Recommendation> {
  const drugs = [...new Set(r.options.flatMap((o) => o.drugs.map((d) => d.drug)))];
  if (!drugs.length) return r;
  const caseEvidence = deps.similarPatients
    ? await deps.similarPatients.similar({
        resources: input.resources,
        at: input.at,
        treatments: drugs,
        k: deps.neighbours ?? 25,
      })
    : undefined;
  const paths = deps.graphEvidence
    ? (await Promise.all(drugs.map((d) => deps.graphEvidence!.treats(d, r.topic)))).flat()
    : [];
  return {
    ...r,
    ...(caseEvidence ? { caseEvidence } : {}),
    ...(paths.length ? { graphEvidence: paths } : {}),
  };
}

/**
 * Treatment options for the one patient whose FHIR resources are given, as known at `at`. Throws
 * ValidationError when the resources hold no Patient or `at` is not a valid date.
 */
export async function recommendFor(
  deps: RecommendDeps,
  input: RecommendInput,
): Promise<RecommendationReport> {
  if (Number.isNaN(input.at.getTime())) throw new ValidationError('at must be a valid date', 'at');
  if (!input.resources.some((r) => r.resourceType === 'Patient'))
    throw new ValidationError('the resources hold no Patient', 'Patient');
  const facts = patientFacts(input.resources, input.at, {
    ...(input.pgx ? { pgx: input.pgx } : {}),
    ...(input.tumour ? { vcfTumour: input.tumour } : {}),
  });
  const report = recommendationReport(facts);
  if (!deps.similarPatients && !deps.graphEvidence) return report;
  const recommendations = await Promise.all(
    report.recommendations.map((r) => attachEvidence(deps, input, r)),
  );
  return { ...report, recommendations };
}
