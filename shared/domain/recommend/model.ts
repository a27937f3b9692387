// Domain (recommend): the shapes of treatment decision support — what a guideline proposes for one
// patient (candidates), the safety findings attached to each option, the ranked options with every
// ranking factor explained, and the recommendation as printed by `caregraph recommend --json`.
// Every recommendation is "proposed": decision support for a clinician, never an order.

/** A value the recommender used, with where it came from (resource reference, score, date). */
export interface InputUsed {
  name: string;
  value: number | string | boolean | null;
  unit?: string;
  source: string;
}

/**
 * Guideline class of recommendation, normalised: ACC/AHA COR 1 -> strong, 2a -> moderate,
 * 2b -> weak, 3 (harm / no benefit) -> against; "expert" for consensus or opinion (e.g. GINA
 * pragmatic choices, NICE "consider").
 */
export type RecommendationStrength = 'strong' | 'moderate' | 'weak' | 'expert' | 'against';

/**
 * Level of evidence, normalised to the ACC/AHA scale (A, B-R, B-NR, C-LD, C-EO). Oncology options
 * map OncoKB Level 1 with a randomised trial to A, Level 1 from single-arm trials to B-NR.
 */
export type EvidenceLevel = 'A' | 'B-R' | 'B-NR' | 'C-LD' | 'C-EO';

export interface DrugDose {
  /** Ingredient name, lower case, as the drug catalog knows it (e.g. "lisinopril"). */
  drug: string;
  /** Human-readable regimen, e.g. "10 mg orally once daily". */
  dose?: string;
}

/** One option a guideline proposes, before safety checks and ranking. */
export interface Candidate {
  /** Short label, e.g. "ACE inhibitor + CCB (lisinopril + amlodipine)". */
  label: string;
  kind: 'drug' | 'non-drug';
  drugs: DrugDose[];
  rationale: string;
  strength: RecommendationStrength;
  evidence: EvidenceLevel;
  /** Expected benefit relative to the other options of the same recommendation, 0-1. */
  benefit: number;
  /** Guideline, version and section (or table) the option rests on. */
  source: string;
  /** Drugs the patient takes that this option would replace (switches are not duplicates). */
  replaces?: string[];
}

export type WarningKind =
  | 'allergy'
  | 'cross-sensitivity'
  | 'interaction'
  | 'renal'
  | 'hepatic'
  | 'pregnancy'
  | 'age'
  | 'duplicate'
  | 'pgx'
  | 'condition'
  | 'missing-data';

/**
 * Severity of a safety finding. `contraindicated` blocks the option (it stays listed, last, with the
 * reason); `major` means avoid unless no alternative; `moderate` means adjust or monitor; `caution`
 * is informational.
 */
export type WarningSeverity = 'contraindicated' | 'major' | 'moderate' | 'caution';

export interface SafetyWarning {
  kind: WarningKind;
  severity: WarningSeverity;
  /** The drug the finding is about. */
  drug: string;
  /** Why, in words a clinician reads (no PHI). */
  message: string;
  /** The rule's published source and version. */
  source: string;
  /** The patient data the finding rests on (e.g. "Observation/x eGFR 25"). */
  evidence?: string[];
}

export interface RankingFactor {
  name: 'benefit' | 'adverse-event risk' | 'pgx fit' | 'guideline strength' | 'evidence level';
  /** The factor's value for this option, 0 (worst) to 1 (best). */
  value: number;
  weight: number;
  /** value x weight: what the factor adds to the score. */
  contribution: number;
  source: string;
  note?: string;
}

export interface RankedOption extends Candidate {
  id: string;
  rank: number;
  /** Weighted sum of the factors, 0-1. */
  score: number;
  /** True when any warning is `contraindicated`: listed for transparency, never to be chosen as is. */
  blocked: boolean;
  warnings: SafetyWarning[];
  factors: RankingFactor[];
}

export interface GuidelineRef {
  name: string;
  version: string;
  citation: string;
}

export type Topic =
  | 'hypertension'
  | 'type-2-diabetes'
  | 'lipids'
  | 'atrial-fibrillation'
  | 'heart-failure'
  | 'acute-coronary-syndrome'
  | 'depression'
  | 'anxiety'
  | 'asthma'
  | 'oncology'
  | 'otitis-media'
  | 'paediatric-analgesia';

/** What one guideline concludes for the patient, before safety and ranking. */
export interface GuidelineFinding {
  topic: Topic;
  title: string;
  guideline: GuidelineRef;
  /** One-line assessment, e.g. "stage 2 hypertension, 152/96 mmHg above the < 130/80 target". */
  summary: string;
  candidates: Candidate[];
  inputs: InputUsed[];
  notes: string[];
}

/** Case-based evidence attached by a SimilarPatients implementation (see similar-patients.ts). */
export interface CaseEvidence {
  k: number;
  metric: string;
  outcome: string;
  /** Per treatment among the neighbours: how many and the outcome rate (omitted below the floor). */
  byTreatment: { treatment: string; patients: number; outcomeRate?: number }[];
  source: string;
}

/** A path in the knowledge graph supporting "drug treats disease", with provenance. */
export interface GraphPath {
  drug: string;
  disease: string;
  relation: string;
  provenance: string[];
}

export interface Recommendation {
  /** Stable for the same inputs: a hash of the patient, topic, inputs and options. */
  id: string;
  status: 'proposed';
  topic: Topic;
  title: string;
  summary: string;
  guideline: GuidelineRef;
  options: RankedOption[];
  inputs: InputUsed[];
  notes: string[];
  caseEvidence?: CaseEvidence;
  graphEvidence?: GraphPath[];
}

/** A safety finding about a medicine the patient already takes. */
export interface MedicationAlert {
  id: string;
  status: 'proposed';
  drug: string;
  /** The MedicationRequest/Statement the medicine was read from. */
  source: string;
  warnings: SafetyWarning[];
  /** What to consider instead, when a rule names an alternative. */
  suggestion?: string;
}

export interface RecommendationReport {
  patient: string;
  at: string;
  status: 'proposed';
  recommendations: Recommendation[];
  medicationReview: MedicationAlert[];
  /**
   * Data the recommender looked for and did not find (e.g. "weight", "eGFR"), then readings it
   * could not use, each saying why (e.g. a unit not recognised, a creatinine older than 90 days).
   */
  missing: string[];
  disclaimer: string;
}
