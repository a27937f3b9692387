// Test fixture: FHIR R4 Observations as ingest serves them (canonical UCUM units), built by concept;
// and the Goal and Condition that choose the NEWS2 SpO2 scale (spo2-scale.ts).
import type { FhirJson } from '../ingest/source-record';

const loinc = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
const quantity = (value: number, code: string) => ({
  value,
  unit: code,
  system: 'http://unitsofmeasure.org',
  code,
});

function observation(id: string, at: string, body: Record<string, unknown>): FhirJson {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: at,
    ...body,
  };
}

export const bloodPressurePanel = (id: string, at: string, systolic: number, diastolic: number) =>
  observation(id, at, {
    code: loinc('85354-9'),
    component: [
      { code: loinc('8480-6'), valueQuantity: quantity(systolic, 'mm[Hg]') },
      { code: loinc('8462-4'), valueQuantity: quantity(diastolic, 'mm[Hg]') },
    ],
  });

/** Glucose: a raw LOINC 2345-7 value in mg/dL, or as ingest serves it, 14749-6 in mmol/L. */
export const glucose = (
  id: string,
  at: string,
  value: number,
  unit: 'mmol/L' | 'mg/dL' = 'mg/dL',
) =>
  unit === 'mg/dL'
    ? observation(id, at, { code: loinc('2345-7'), valueQuantity: quantity(value, 'mg/dL') })
    : observation(id, at, { code: loinc('14749-6'), valueQuantity: quantity(value, 'mmol/L') });

export const hba1c = (id: string, at: string, percent: number) =>
  observation(id, at, { code: loinc('4548-4'), valueQuantity: quantity(percent, '%') });

export const vital = (id: string, at: string, code: string, value: number, unit: string) =>
  observation(id, at, { code: loinc(code), valueQuantity: quantity(value, unit) });

export const score = (id: string, at: string, code: '44261-6' | '70274-6', value: number) =>
  observation(id, at, { code: loinc(code), valueInteger: value });

/** A Goal with an SpO2 target range, as a clinician records a prescribed target. */
export const spo2Goal = (
  low: number,
  high: number,
  lifecycleStatus = 'active',
  code = '59408-5',
): FhirJson => ({
  resourceType: 'Goal',
  id: `goal-${low}-${high}-${lifecycleStatus}-${code}`,
  lifecycleStatus,
  description: { text: 'Oxygen saturation target' },
  subject: { reference: 'Patient/p1' },
  target: [
    {
      measure: { coding: [{ system: 'http://loinc.org', code }] },
      detailRange: {
        low: { value: low, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
        high: { value: high, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
      },
    },
  ],
});

export const hypercapnicFailure = (clinicalStatus = 'active', code = 'J96.12'): FhirJson => ({
  resourceType: 'Condition',
  id: `c-${clinicalStatus}-${code}`,
  clinicalStatus: {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
        code: clinicalStatus,
      },
    ],
  },
  code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }] },
  subject: { reference: 'Patient/p1' },
  onsetDateTime: '2025-01-01',
});
