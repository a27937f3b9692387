// Domain (synth/fhir): Condition resources (FHIR R4 (4.0.1); US Core 6.1.0 Condition Problems and
// Health Concerns / Encounter Diagnosis shapes): SNOMED CT and ICD-10-CM codings, status, severity, stage.
import type { CodeableConcept, Condition } from '@medplum/fhirtypes';
import type { TrueCondition } from '../model';
import {
  recordedEntries,
  conditions,
  systems,
  type ConditionKey,
  type RecordedEntry,
} from '../catalog';
import { abatementDate } from '../state/condition-course';
import { combinationResourceId, conditionResourceId, ref, type RenderContext } from './context';
import { hl7, severityCoding } from './vocabulary';

const problemListItem = {
  system: hl7.conditionCategory,
  code: 'problem-list-item',
  display: 'Problem List Item',
};
const encounterDiagnosis = {
  system: hl7.conditionCategory,
  code: 'encounter-diagnosis',
  display: 'Encounter Diagnosis',
};

/** Keys whose `severity` is a stage (CKD G-stage, cancer stage) rather than a severity. */
const staged = new Set<ConditionKey>(['ckd', 'breast-cancer', 'lung-cancer', 'colorectal-cancer']);
/**
 * Keys whose `severity` is neither: heart failure's is its LVEF category (HFrEF, HFmrEF, HFpEF), not a
 * Condition.severity (SNOMED CT mild/moderate/severe) nor a stage (ACC/AHA stages A–D), so it is not
 * rendered as either; the code names it (HFrEF, HFpEF: catalog.ts `recordedCodes`), and the truth
 * record and the notes carry it.
 */
const notRendered = new Set<ConditionKey>(['heart-failure']);

/**
 * Every condition of the patient, in model order (its own entry, coded as at its onset), then the
 * combination entries (I11.0, I12.-, I13.-, E1x.22) of those whose combination began later, from the
 * day it began (1.17.0, catalog.ts `recordedEntries`), in model order too.
 */
export function renderConditions(ctx: RenderContext): Condition[] {
  const entries = ctx.patient.conditions.map((condition) =>
    recordedEntries(condition, ctx.patient.conditions),
  );
  const own = ctx.patient.conditions.map((condition, index) =>
    renderCondition(
      ctx,
      condition,
      entries[index]![0]!,
      conditionResourceId(ctx.patient.id, condition, index),
    ),
  );
  const combinations = ctx.patient.conditions.flatMap((condition, index) =>
    entries[index]!.slice(1).map((entry) =>
      renderCondition(
        ctx,
        condition,
        entry,
        combinationResourceId(ctx.patient.id, condition, index, entry.icd10.code, entry.onset),
      ),
    ),
  );
  return [...own, ...combinations];
}

function renderCondition(
  ctx: RenderContext,
  condition: TrueCondition,
  entry: RecordedEntry,
  id: string,
): Condition {
  const definition = conditions[condition.key];
  const problem = definition.chronic;
  const resource = {
    resourceType: 'Condition',
    id,
    clinicalStatus: {
      coding: [{ system: hl7.conditionClinical, code: condition.status }],
    },
    verificationStatus: {
      coding: [{ system: hl7.conditionVerification, code: 'confirmed' }],
    },
    category: [{ coding: [{ ...(problem ? problemListItem : encounterDiagnosis) }] }],
  } as Condition;
  if (condition.severity && !staged.has(condition.key) && !notRendered.has(condition.key))
    resource.severity = severityOf(condition.severity);
  const { snomed, icd10 } = entry;
  resource.code = {
    coding: [
      { system: systems.snomed, code: snomed.code, display: snomed.display },
      { system: systems.icd10cm, code: icd10.code, display: icd10.display },
    ],
    text: snomed.display,
  };
  resource.subject = ref('Patient', ctx.patientId);
  const encounterId = ctx.encounterOnDate.get(entry.onset);
  if (encounterId) resource.encounter = ref('Encounter', encounterId);
  resource.onsetDateTime = entry.onset;
  if (condition.status === 'resolved') resource.abatementDateTime = abatement(ctx, condition);
  resource.recordedDate = entry.onset;
  if (condition.severity && staged.has(condition.key)) {
    resource.stage = [{ summary: { text: `Stage ${condition.severity}` } }];
  }
  return resource;
}

/** "moderate persistent" -> SNOMED CT Moderate, text kept; free text when no severity word is found. */
function severityOf(severity: string): CodeableConcept {
  const word = /\b(mild|moderate|severe)\b/i.exec(severity)?.[1]?.toLowerCase() as
    keyof typeof severityCoding | undefined;
  return word ? { coding: [{ ...severityCoding[word] }], text: severity } : { text: severity };
}

/**
 * The abatement of a resolved condition (state/condition-course.ts, the table the notes read too),
 * at the latest the export date.
 */
function abatement(ctx: RenderContext, condition: TrueCondition): string {
  const date = abatementDate(condition, ctx.patient.encounters)!;
  const asOf = ctx.options.asOf;
  return date > asOf ? (asOf < condition.onset ? condition.onset : asOf) : date;
}
