// Domain (adherence): a patient's medications and pharmacy fills from FHIR R4 MedicationRequest and
// MedicationDispense, each with the therapeutic class the plan-adjustment rules need. Classes come
// from the one drug-class table (medications/drug-classes.ts), by the ingredient names in the coding
// display (RxNorm SCD names start with the ingredient), so they survive de-identification, which
// drops free `text` but keeps codings.
import type { FhirJson } from '../ingest/source-record';
import { ingredientsNamedIn, isInClass, type DrugClassKey } from '../medications/drug-classes';
import { clinicalTime } from '../serving/resource-projection';
import { notActionable } from '../reminders/actionable-request';
import {
  medicationIndex,
  resolveMedication,
  type MedicationIndex,
} from '../reminders/medication-reference';
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
  /**
   * When it was prescribed (authoredOn) or first dispensed, ISO 8601; for an active prescribed
   * medication, the earliest authoredOn of its active requests (the current episode). Undefined
   * when unknown.
   */
  startedAt?: string;
  active: boolean;
  /**
   * Set when the drug could not be named: a medicationReference that resolves to no Medication and
   * has no display (why). The medication is then keyed by the reference, its class `other`.
   */
  unresolved?: string;
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

/**
 * The medication key and display of a request or dispense: its medicationCodeableConcept, else its
 * medicationReference resolved against contained and record Medications, else the reference's
 * display (reminders/medication-reference.ts). An unresolvable reference still yields a medication,
 * keyed by the reference and flagged `unresolved`, so the order and its fills are never dropped.
 */
function medicationConcept(
  resource: FhirJson,
  medications: MedicationIndex,
): { key: string; display: string; unresolved?: string } | undefined {
  const resolved = resolveMedication(resource, medications);
  if (!resolved.concept) {
    const ref = (resource.medicationReference as { reference?: unknown } | undefined)?.reference;
    if (typeof ref !== 'string' || !ref) return undefined;
    return {
      key: `unresolved|${ref}`,
      display: `unresolved medication (${ref})`,
      unresolved: resolved.unresolved!,
    };
  }
  const concept = resolved.concept as Concept;
  const rx = concept.coding?.find(
    (c) => c.system === 'http://www.nlm.nih.gov/research/umls/rxnorm',
  );
  const coding = rx ?? concept.coding?.[0];
  const display = coding?.display ?? concept.text ?? '';
  const key = coding?.code ? `${coding.system ?? ''}|${coding.code}` : display.toLowerCase();
  return key ? { key, display } : undefined;
}

/**
 * The fills of MedicationDispense resources (completed, with a hand-over date and days' supply).
 * A dispense naming its drug by medicationReference counts as `medicationsOf` names it.
 */
export function fillsOf(resources: readonly FhirJson[]): Fill[] {
  const medications = medicationIndex(resources);
  return resources.flatMap((r) => {
    if (r.resourceType !== 'MedicationDispense' || (r.status && r.status !== 'completed'))
      return [];
    const concept = medicationConcept(r, medications);
    const date = typeof r.whenHandedOver === 'string' ? r.whenHandedOver : undefined;
    const days = (r.daysSupply as { value?: unknown } | undefined)?.value;
    if (!concept || !date || typeof days !== 'number' || !(days >= 1)) return [];
    return [{ medication: concept.key, date, daysSupply: Math.round(days) }];
  });
}

/**
 * The patient's medications from requests and dispenses, merged by key. Active: an `active`
 * MedicationRequest that orders the drug to be given (not doNotPerform, intent an order:
 * reminders/actionable-request.ts), or, for a medication known only from pharmacy fills, having been
 * dispensed. A request that does not order the drug (doNotPerform, a proposal, plan or option) is
 * not a medication the patient is on and is left out. `startedAt` of an active medication is the
 * start of its current episode: the earliest authoredOn among its active requests (so a drug stopped
 * years ago and restarted last week started last week); otherwise the earliest date known.
 */
export function medicationsOf(resources: readonly FhirJson[]): Medication[] {
  const medications = medicationIndex(resources);
  const byKey = new Map<
    string,
    Medication & { requested: boolean; activeSince?: string; earliest?: string }
  >();
  const earlier = (a: string | undefined, b: string) =>
    a === undefined || Date.parse(b) < Date.parse(a) ? b : a;
  for (const r of resources) {
    const request = r.resourceType === 'MedicationRequest';
    if (!request && r.resourceType !== 'MedicationDispense') continue;
    if (request && notActionable(r)) continue;
    const concept = medicationConcept(r, medications);
    if (!concept) continue;
    const m = byKey.get(concept.key) ?? {
      ...concept,
      drugClass: drugClassOf(concept.display),
      active: false,
      requested: false,
      resourceIds: [],
    };
    const at = clinicalTime(r);
    if (at) m.earliest = earlier(m.earliest, at);
    if (request) {
      if (!m.requested) m.active = false;
      m.requested = true;
      if (r.status === 'active') {
        m.active = true;
        if (at) m.activeSince = earlier(m.activeSince, at);
      }
    } else if (!m.requested) m.active = true;
    if (r.id) m.resourceIds.push(r.id);
    byKey.set(concept.key, m);
  }
  return [...byKey.values()]
    .map(({ requested, activeSince, earliest, startedAt: _s, ...m }) => {
      // Requested and active: the active episode's start (undefined when its requests are undated,
      // never an older episode's date); otherwise the earliest date known.
      const startedAt = requested && m.active ? activeSince : earliest;
      return { ...m, ...(startedAt ? { startedAt } : {}) };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
