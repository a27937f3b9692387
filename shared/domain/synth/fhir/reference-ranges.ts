// Domain (synth/fhir): adult laboratory reference ranges and the interpretation flag a LIS would print
// (v3-ObservationInterpretation L / N / H). Keyed by the reported LOINC, in the reported UCUM unit.
import type { CodeableConcept, ObservationReferenceRange } from '@medplum/fhirtypes';
import type { Sex } from '../model';
import { systems } from '../catalog';
import { hl7 } from './vocabulary';

interface Range {
  low?: number;
  high?: number;
  /** UCUM code the bounds are in. */
  code: string;
  text: string;
}

type SexRanges = Range | Record<Sex, Range>;

// Sources: glucose and HbA1c, ADA Standards of Care in Diabetes 2025, section 2, Table 2.1 (normal
// FPG < 100 mg/dL, A1C < 5.7 %); lipids, NCEP ATP III Final Report (2002) Table II-2 (TC < 200,
// LDL-C < 100, HDL-C >= 40, TG < 150 mg/dL); eGFR, KDIGO 2024 CKD guideline (G3a below 60);
// creatinine, potassium and ALT, Mayo Clinic Laboratories adult reference values (test catalog 2024);
// hs-cTnI, the sex-specific 99th percentile upper reference limits of the Abbott ARCHITECT STAT High
// Sensitive Troponin-I package insert (women 15.6, men 34.2 ng/L: state/cardiac-markers.ts), the
// decision limits of the Fourth Universal Definition of MI (Circulation 2018;138:e618); urine
// albumin/creatinine ratio, KDIGO 2024 CKD guideline albuminuria category A1 (< 30 mg/g); D-dimer FEU,
// the fixed exclusion cut-off of the VIDAS D-Dimer Exclusion II package insert (< 500 ng/mL FEU), as
// laboratories flag it; the age-adjusted cut-off over 50 (age x 10, ADJUST-PE, Righini M et al., JAMA
// 2014;311:1117; state/d-dimer.ts) is the clinician's reading and named in the range's text only.
const ranges: Record<string, SexRanges> = {
  '2345-7': { low: 70, high: 99, code: 'mg/dL', text: '70-99 mg/dL (fasting)' },
  '14749-6': { low: 3.9, high: 5.5, code: 'mmol/L', text: '3.9-5.5 mmol/L (fasting)' },
  '4548-4': { low: 4, high: 5.6, code: '%', text: '4.0-5.6 %' },
  '2093-3': { high: 199, code: 'mg/dL', text: '<200 mg/dL' },
  '2085-9': { low: 40, code: 'mg/dL', text: '>=40 mg/dL' },
  '18262-6': { high: 99, code: 'mg/dL', text: '<100 mg/dL' },
  '2571-8': { high: 149, code: 'mg/dL', text: '<150 mg/dL' },
  '2160-0': {
    female: { low: 0.59, high: 1.04, code: 'mg/dL', text: '0.59-1.04 mg/dL' },
    male: { low: 0.74, high: 1.35, code: 'mg/dL', text: '0.74-1.35 mg/dL' },
  },
  '14682-9': {
    female: { low: 52, high: 92, code: 'umol/L', text: '52-92 umol/L' },
    male: { low: 65, high: 119, code: 'umol/L', text: '65-119 umol/L' },
  },
  '98979-8': { low: 60, code: 'mL/min/{1.73_m2}', text: '>=60 mL/min/1.73m2' },
  '2823-3': { low: 3.6, high: 5.2, code: 'mmol/L', text: '3.6-5.2 mmol/L' },
  '1742-6': {
    female: { low: 7, high: 45, code: 'U/L', text: '7-45 U/L' },
    male: { low: 7, high: 55, code: 'U/L', text: '7-55 U/L' },
  },
  '89579-7': {
    female: { high: 15.6, code: 'ng/L', text: '<=15.6 ng/L (99th percentile URL, female)' },
    male: { high: 34.2, code: 'ng/L', text: '<=34.2 ng/L (99th percentile URL, male)' },
  },
  '9318-7': { high: 29, code: 'mg/g', text: '<30 mg/g' },
  '48065-7': {
    high: 499,
    code: 'ng/mL{FEU}',
    text: '<500 ng/mL FEU (over 50 years: age x 10 ng/mL FEU)',
  },
};

const flags = {
  L: { system: hl7.interpretation, code: 'L', display: 'Low' },
  N: { system: hl7.interpretation, code: 'N', display: 'Normal' },
  H: { system: hl7.interpretation, code: 'H', display: 'High' },
} as const;

/** The adult reference range of a lab result, or undefined for a test without one (or another unit). */
function rangeFor(loinc: string, ucum: string, sex: Sex): Range | undefined {
  const entry = ranges[loinc];
  if (!entry) return undefined;
  const range = 'code' in entry ? entry : entry[sex];
  return range.code === ucum ? range : undefined;
}

/** Observation.referenceRange and .interpretation for a lab `value` in `ucum`, or undefined. */
export function labReference(
  loinc: string,
  ucum: string,
  value: number,
  sex: Sex,
): { referenceRange: ObservationReferenceRange[]; interpretation: CodeableConcept[] } | undefined {
  const range = rangeFor(loinc, ucum, sex);
  if (!range) return undefined;
  const bound = (bound: number) => ({ value: bound, unit: ucum, system: systems.ucum, code: ucum });
  const referenceRange: ObservationReferenceRange = { text: range.text };
  if (range.low !== undefined) referenceRange.low = bound(range.low);
  if (range.high !== undefined) referenceRange.high = bound(range.high);
  const flag =
    range.low !== undefined && value < range.low
      ? flags.L
      : range.high !== undefined && value > range.high
        ? flags.H
        : flags.N;
  return {
    referenceRange: [referenceRange],
    interpretation: [{ coding: [flag], text: flag.display }],
  };
}
