// Domain (synth/notes): where a cancer stands on a note's date, so that its plan, its problem-list
// wording and its visit's symptoms fit its stage and the time since diagnosis (1.6.0; until 1.5.0 a
// stage IV breast cancer of 2007 was "controlled", "continue to monitor", and presented in 2025 with a
// "breast lump x 10 days").
import type { ConditionKey } from '../catalog';
import type { TrueCondition } from '../model';
import { daysBetween } from './context';

export const cancerKeys: ReadonlySet<ConditionKey> = new Set<ConditionKey>([
  'breast-cancer',
  'lung-cancer',
  'colorectal-cancer',
]);

/**
 * - `diagnosis`: the visit is the one that finds it or within 30 days after (work-up and staging): it
 *   may present with the cancer's diagnostic symptoms (a breast lump, rectal bleeding, haemoptysis).
 * - `active`: stage IV (metastatic disease is treated, not cured: NCCN Breast v4.2024, Colon v3.2024,
 *   NSCLC v5.2024 systemic therapy for stage IV), or diagnosed within the last year (primary and
 *   adjuvant treatment: surgery, chemotherapy or radiation run over the first months). Followed by
 *   oncology, never "controlled".
 * - `surveillance`: stage I–III more than a year after diagnosis: treated, no evidence of disease,
 *   surveillance visits (ASCO breast cancer survivorship guideline, Runowicz CD et al. J Clin Oncol
 *   2016;34:611; NCCN Colon v3.2024 surveillance). The state has no recurrences, so none recur here.
 * The 30-day and one-year bounds are generator choices.
 */
export type CancerPhase = 'diagnosis' | 'active' | 'surveillance';

export function cancerPhase(condition: TrueCondition, date: string): CancerPhase | undefined {
  if (!cancerKeys.has(condition.key)) return undefined;
  const days = daysBetween(condition.onset.slice(0, 10), date.slice(0, 10));
  if (days <= 30) return 'diagnosis';
  if (condition.severity === 'IV' || days <= 365) return 'active';
  return 'surveillance';
}
