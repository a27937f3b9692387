// Domain (reminders, adherence): the drug a FHIR R4 (4.0.1) MedicationRequest or MedicationDispense
// names. `medication[x]` is a choice (R4 MedicationRequest.medication[x], MedicationDispense
// .medication[x]): a CodeableConcept, or a Reference(Medication) whose Medication.code is the drug.
// The reference resolves against the resource's own `contained` Medication (`#id`), then the record's
// or Bundle's Medication resources (`Medication/id`, or an entry's fullUrl); failing both, the
// Reference's display names the drug (R4 Reference.display: "Plain text narrative that identifies the
// resource"). A reference none of these resolves is reported by the callers, never dropped.
import type { CodeableConcept, Ratio } from '@medplum/fhirtypes';

interface MedicationLike {
  resourceType?: string;
  id?: string;
  code?: CodeableConcept;
  /** R4 Medication.ingredient: `strength` is the amount of the ingredient per unit (e.g. 5 mg / 1 TAB). */
  ingredient?: { strength?: Ratio }[];
}

/** The Medication resources that may be referred to, by `Medication/id` and by fullUrl. */
export type MedicationIndex = ReadonlyMap<string, MedicationLike>;

/** An index of the Medication resources among `entries` (Bundle entries or bare resources). */
export function medicationIndex(
  entries: readonly ({ resource?: unknown; fullUrl?: string } | Record<string, unknown>)[],
): Map<string, MedicationLike> {
  const index = new Map<string, MedicationLike>();
  for (const e of entries) {
    const wrapped = 'resource' in e && e.resource && typeof e.resource === 'object';
    const r = (wrapped ? e.resource : e) as MedicationLike;
    if (r?.resourceType !== 'Medication') continue;
    if (r.id) index.set(`Medication/${r.id}`, r);
    const fullUrl = wrapped ? (e as { fullUrl?: unknown }).fullUrl : undefined;
    if (typeof fullUrl === 'string' && fullUrl) index.set(fullUrl, r);
  }
  return index;
}

export type MedicationSource = 'concept' | 'contained' | 'record' | 'display';

export interface ResolvedMedication {
  /** The drug's concept; a display-only reference gives `{ text: display }`. */
  concept?: CodeableConcept;
  source?: MedicationSource;
  /** Why no drug could be named (set exactly when `concept` is not). */
  unresolved?: string;
}

/**
 * The drug `resource` (a MedicationRequest or MedicationDispense, FHIR JSON) names: its
 * medicationCodeableConcept, else its medicationReference resolved as the module comment says.
 */
export function resolveMedication(
  medicationOf: object,
  medications: MedicationIndex,
): ResolvedMedication {
  const resource = medicationOf as {
    medicationCodeableConcept?: unknown;
    medicationReference?: unknown;
    contained?: unknown;
  };
  if (resource.medicationCodeableConcept && typeof resource.medicationCodeableConcept === 'object')
    return { concept: resource.medicationCodeableConcept as CodeableConcept, source: 'concept' };
  const ref = resource.medicationReference as
    { reference?: unknown; display?: unknown } | undefined;
  if (!ref || typeof ref !== 'object')
    return { unresolved: 'neither medicationCodeableConcept nor medicationReference is given' };
  const reference = typeof ref.reference === 'string' ? ref.reference : undefined;
  if (reference?.startsWith('#')) {
    const contained = Array.isArray(resource.contained)
      ? (resource.contained as MedicationLike[]).find(
          (c) => c?.resourceType === 'Medication' && `#${c.id ?? ''}` === reference,
        )
      : undefined;
    if (contained?.code) return { concept: contained.code, source: 'contained' };
  } else if (reference) {
    const medication = medications.get(reference);
    if (medication?.code) return { concept: medication.code, source: 'record' };
  }
  if (typeof ref.display === 'string' && ref.display.trim())
    return { concept: { text: ref.display }, source: 'display' };
  return {
    unresolved: reference
      ? `medicationReference ${reference} does not resolve to a Medication with a code, and has no display`
      : 'medicationReference has neither a reference nor a display',
  };
}

/**
 * The Medication resource `resource`'s medicationReference points to (its own contained `#id`, else
 * the record's or Bundle's Medication), or undefined (a concept, a display-only or unresolved one).
 */
export function referencedMedication(
  medicationOf: object,
  medications: MedicationIndex,
): MedicationLike | undefined {
  const resource = medicationOf as { medicationReference?: unknown; contained?: unknown };
  const ref = resource.medicationReference as { reference?: unknown } | undefined;
  const reference = ref && typeof ref.reference === 'string' ? ref.reference : undefined;
  if (!reference) return undefined;
  if (!reference.startsWith('#')) return medications.get(reference);
  return Array.isArray(resource.contained)
    ? (resource.contained as MedicationLike[]).find(
        (c) => c?.resourceType === 'Medication' && `#${c.id ?? ''}` === reference,
      )
    : undefined;
}
