// Domain (adherence): a patient's medications and pharmacy fills from FHIR R4 MedicationRequest and
// MedicationDispense, each with the therapeutic class the plan-adjustment rules need. Classes come
// from the one drug-class table (medications/drug-classes.ts), by the ingredient names in the coding
// display (RxNorm SCD names start with the ingredient), so they survive de-identification, which
// drops free `text` but keeps codings.
import type { FhirJson } from '../ingest/source-record';
import { ingredientsNamedIn, isInClass, type DrugClassKey } from '../medications/drug-classes';
import { clinicalTime } from '../serving/resource-projection';
import type { Fill } from './pdc';

export type DrugClass =
  | 'thiazide'
  | 'ace-inhibitor'
  | 'arb'
  | 'calcium-channel-blocker'
  | 'beta-blocker'
  | 'loop-diuretic'
  | 'mineralocorticoid-antagonist'
  | 'other-antihypertensive'
  | 'sulfonylurea'
  | 'insulin'
  | 'antidepressant'
  | 'other';

/**
 * Each adherence class and the class of the drug-class table (medications/drug-classes.ts) it reads,
 * in precedence order: a combination product takes the first class one of its ingredients is in
 * (lisinopril / hydrochlorothiazide -> thiazide). Antihypertensive classes as in ACC/AHA 2017 §8.1.6
 * Tables 18-19: the secondary agents of Table 19 with no class of their own here (potassium-sparing
 * diuretics other than MRAs, alpha-1 blockers, central alpha-2 agonists, direct vasodilators, the
 * renin inhibitor) are `other-antihypertensive`, so a regimen of them still counts as antihypertensive
 * treatment. Sulfonylureas and insulins as in ADA 2024 Section 9 (hypoglycaemia-causing agents);
 * antidepressants (SSRI, SNRI, atypical, tricyclic, MAOI) as in APA MDD guideline 3rd ed. 2010, Table 4.
 */
const adherenceClasses: readonly [DrugClass, DrugClassKey][] = [
  ['thiazide', 'thiazide'],
  ['ace-inhibitor', 'ace_inhibitor'],
  ['arb', 'arb'],
  ['calcium-channel-blocker', 'calcium_channel_blocker'],
  ['beta-blocker', 'beta_blocker'],
  ['loop-diuretic', 'loop_diuretic'],
  ['mineralocorticoid-antagonist', 'mineralocorticoid_antagonist'],
  ['other-antihypertensive', 'antihypertensive'],
  ['sulfonylurea', 'sulfonylurea'],
  ['insulin', 'insulin'],
  ['antidepressant', 'antidepressant'],
];

export const antihypertensiveClasses: ReadonlySet<DrugClass> = new Set([
  'thiazide',
  'ace-inhibitor',
  'arb',
  'calcium-channel-blocker',
  'beta-blocker',
  'loop-diuretic',
  'mineralocorticoid-antagonist',
  'other-antihypertensive',
]);

export interface Medication {
  /** Fills and requests with the same key are the same medication (RxNorm code, else display). */
  key: string;
  display: string;
  drugClass: DrugClass;
  /** When it was prescribed (authoredOn) or first dispensed, ISO 8601; undefined when unknown. */
  startedAt?: string;
  active: boolean;
  /** Observation-free evidence ids: MedicationRequest / MedicationDispense ids. */
  resourceIds: string[];
}

interface Concept {
  coding?: { system?: string; code?: string; display?: string }[];
  text?: string;
}

/** The adherence class of a medication from the ingredients named in its display; `other` if none. */
export function drugClassOf(name: string): DrugClass {
  const ingredients = ingredientsNamedIn(name);
  const fits = ([, cls]: readonly [DrugClass, DrugClassKey]) =>
    ingredients.some((i) => isInClass(i, cls));
  return adherenceClasses.find(fits)?.[0] ?? 'other';
}

function medicationConcept(resource: FhirJson): { key: string; display: string } | undefined {
  const concept = resource.medicationCodeableConcept as Concept | undefined;
  const rx = concept?.coding?.find(
    (c) => c.system === 'http://www.nlm.nih.gov/research/umls/rxnorm',
  );
  const coding = rx ?? concept?.coding?.[0];
  const display = coding?.display ?? concept?.text ?? '';
  const key = coding?.code ? `${coding.system ?? ''}|${coding.code}` : display.toLowerCase();
  return key ? { key, display } : undefined;
}

/** The fills of MedicationDispense resources (completed, with a hand-over date and days' supply). */
export function fillsOf(resources: readonly FhirJson[]): Fill[] {
  return resources.flatMap((r) => {
    if (r.resourceType !== 'MedicationDispense' || (r.status && r.status !== 'completed'))
      return [];
    const concept = medicationConcept(r);
    const date = typeof r.whenHandedOver === 'string' ? r.whenHandedOver : undefined;
    const days = (r.daysSupply as { value?: unknown } | undefined)?.value;
    if (!concept || !date || typeof days !== 'number' || !(days >= 1)) return [];
    return [{ medication: concept.key, date, daysSupply: Math.round(days) }];
  });
}

/**
 * The patient's medications from requests and dispenses, merged by key. Active: an `active`
 * MedicationRequest, or, for a medication known only from pharmacy fills, having been dispensed.
 */
export function medicationsOf(resources: readonly FhirJson[]): Medication[] {
  const byKey = new Map<string, Medication & { requested: boolean }>();
  for (const r of resources) {
    const request = r.resourceType === 'MedicationRequest';
    if (!request && r.resourceType !== 'MedicationDispense') continue;
    const concept = medicationConcept(r);
    if (!concept) continue;
    const m = byKey.get(concept.key) ?? {
      ...concept,
      drugClass: drugClassOf(concept.display),
      active: false,
      requested: false,
      resourceIds: [],
    };
    const at = clinicalTime(r);
    if (at && (!m.startedAt || Date.parse(at) < Date.parse(m.startedAt))) m.startedAt = at;
    if (request) {
      if (!m.requested) m.active = false;
      m.requested = true;
      m.active ||= r.status === 'active';
    } else if (!m.requested) m.active = true;
    if (r.id) m.resourceIds.push(r.id);
    byKey.set(concept.key, m);
  }
  return [...byKey.values()]
    .map(({ requested: _requested, ...m }) => m)
    .sort((a, b) => a.key.localeCompare(b.key));
}
