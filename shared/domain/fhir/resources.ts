// Domain: structural validation of the FHIR R4 resources the pipeline serves (FHIR R4 v4.0.1).
// Schemas check what the serving model relies on; unknown elements pass through untouched.
import { z } from 'zod';

/** FHIR R4 `id` datatype: 1-64 of [A-Za-z0-9-.]. */
export const fhirId = z
  .string()
  .regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id (1-64 of A-Z a-z 0-9 - .)');

/** FHIR R4 `date`: YYYY, YYYY-MM or YYYY-MM-DD. */
const fhirDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a FHIR date');

/** FHIR R4 `dateTime`: a date, or a date and time with a time zone. */
export const fhirDateTime = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/,
    'must be a FHIR dateTime (time needs a zone)',
  );

const coding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});

const codeableConcept = z
  .looseObject({ coding: z.array(coding).optional(), text: z.string().optional() })
  .refine((c) => (c.coding?.length ?? 0) > 0 || Boolean(c.text), 'needs a coding or text');

const quantity = z.looseObject({
  value: z.number({ error: 'must be a number' }).optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});

const reference = z.looseObject({
  reference: z.string().min(1, 'must not be empty'),
  display: z.string().optional(),
});

export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id: fhirId,
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: fhirDate.optional(),
  deceasedBoolean: z.boolean().optional(),
  deceasedDateTime: fhirDateTime.optional(),
});

const observationValue = {
  valueQuantity: quantity.optional(),
  valueCodeableConcept: codeableConcept.optional(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
};

export const observationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  id: fhirId,
  status: z.enum([
    'registered',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'cancelled',
    'entered-in-error',
    'unknown',
  ]),
  code: codeableConcept,
  // FHIR allows a subjectless Observation; caregraph serves per patient, so the subject is required here.
  subject: reference,
  effectiveDateTime: fhirDateTime.optional(),
  effectiveInstant: fhirDateTime.optional(),
  effectivePeriod: z
    .looseObject({ start: fhirDateTime.optional(), end: fhirDateTime.optional() })
    .optional(),
  issued: fhirDateTime.optional(),
  category: z.array(codeableConcept).optional(),
  component: z.array(z.looseObject({ code: codeableConcept, ...observationValue })).optional(),
  ...observationValue,
});

export type Patient = z.infer<typeof patientSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type ServedResource = Patient | Observation;

export const servedResourceTypes = ['Patient', 'Observation'] as const;
export type ServedResourceType = (typeof servedResourceTypes)[number];

/** When an Observation was clinically relevant (effective[x], else issued); undefined if unknown. */
export function observationInstant(observation: Observation): string | undefined {
  return (
    observation.effectiveDateTime ??
    observation.effectiveInstant ??
    observation.effectivePeriod?.start ??
    observation.issued
  );
}

/** The patient id an Observation's subject points at (`Patient/123` -> `123`), or undefined for other targets. */
export function subjectPatientId(observation: Observation): string | undefined {
  // Relative (`Patient/1`), absolute (`https://.../Patient/1`) and versioned (`Patient/1/_history/2`) references.
  const match =
    /^(?:.*\/)?Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(
      observation.subject.reference,
    );
  return match?.[1];
}
