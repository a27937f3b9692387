// Domain (synth/defects): the defects that change a resource's content, each as "does it apply to this
// resource?" and "apply it", returning the element changed and a sentence for defects.jsonl.
import type { Rng } from '../rng';
import { systems } from '../catalog';
import { hasValidVerhoeff, loincCheckDigit } from '../fhir/codes';

/** A parsed NDJSON resource (the injector mutates its own parsed copy). */
export type Json = Record<string, unknown>;

export interface Mutation {
  /** The element changed (FHIR path, e.g. `valueQuantity.code`). */
  path: string;
  detail: string;
}

export interface ContentDefect {
  applies: (resource: Json) => boolean;
  apply: (resource: Json, rng: Rng) => Mutation;
}

/**
 * Elements with minimum cardinality 1 in FHIR R4 (4.0.1), which is what ingest checks. Patient has
 * none in R4 (US Core 6.1.0 requires identifier and name, but a base-R4 Patient without them is
 * valid and is accepted), so a Patient never gets this defect: the truth would call a valid record
 * defective.
 */
const requiredElements: Record<string, string[]> = {
  Encounter: ['status', 'class'],
  Condition: ['subject'],
  Observation: ['status', 'code'],
  MedicationRequest: ['status', 'intent', 'medicationCodeableConcept', 'subject'],
  MedicationDispense: ['status', 'medicationCodeableConcept'],
  AllergyIntolerance: ['patient'],
  FamilyMemberHistory: ['status', 'patient', 'relationship'],
  DocumentReference: ['status', 'content'],
};

export const missingRequired: ContentDefect = {
  applies: (r) => (requiredElements[r.resourceType as string] ?? []).some((e) => e in r),
  apply: (r, rng) => {
    const element = rng.pick(requiredElements[r.resourceType as string]!.filter((e) => e in r));
    delete r[element];
    return {
      path: element,
      detail: `${r.resourceType}.${element} removed (1..* or 1..1 in FHIR R4)`,
    };
  },
};

/** UCUM unit pairs a hospital mixes up, by LOINC: the value stays, the label swaps. */
const unitPairs: Record<string, [string, string, string, string]> = {
  // loinc: [code A, unit A, code B, unit B]
  '2345-7': ['mg/dL', 'mg/dL', 'mmol/L', 'mmol/L'],
  '14749-6': ['mmol/L', 'mmol/L', 'mg/dL', 'mg/dL'],
  '29463-7': ['kg', 'kg', '[lb_av]', 'lb'],
  '8310-5': ['Cel', '°C', '[degF]', '°F'],
  '2160-0': ['mg/dL', 'mg/dL', 'umol/L', 'µmol/L'],
  '14682-9': ['umol/L', 'µmol/L', 'mg/dL', 'mg/dL'],
};

function loincOf(r: Json): string | undefined {
  const coding = (r.code as { coding?: { system?: string; code?: string }[] } | undefined)?.coding;
  return coding?.find((c) => c.system === systems.loinc)?.code;
}

function quantityOf(r: Json): { value?: number; unit?: string; code?: string } | undefined {
  return r.valueQuantity as { value?: number; unit?: string; code?: string } | undefined;
}

export const wrongUnit: ContentDefect = {
  applies: (r) => {
    const pair = unitPairs[loincOf(r) ?? ''];
    const code = quantityOf(r)?.code;
    return (
      r.resourceType === 'Observation' &&
      pair !== undefined &&
      (code === pair[0] || code === pair[2])
    );
  },
  apply: (r) => {
    const pair = unitPairs[loincOf(r)!]!;
    const quantity = quantityOf(r)!;
    const from = quantity.code!;
    const [code, unit] = from === pair[0] ? [pair[2], pair[3]] : [pair[0], pair[1]];
    quantity.code = code;
    quantity.unit = unit;
    return {
      path: 'valueQuantity.code',
      detail: `value ${quantity.value} is in ${from} but labelled ${code}`,
    };
  },
};

/** Values no instrument can report, by LOINC; other quantities become negative. */
const impossibleByLoinc: Record<string, (value: number) => number> = {
  '8310-5': (v) => (v > 50 ? 140 : 60), // body temperature 140 degF / 60 Cel
  '2708-6': () => 150, // SpO2 150 % (the pulse-oximetry Observation's first LOINC)
  '59408-5': () => 150,
};

export const impossibleValue: ContentDefect = {
  applies: (r) =>
    r.resourceType === 'Patient' ||
    (r.resourceType === 'Observation' &&
      (quantityOf(r)?.value !== undefined || isBloodPressure(r))),
  apply: (r) => {
    if (r.resourceType === 'Patient') {
      const before = r.birthDate;
      r.birthDate = '2099-01-01';
      return {
        path: 'birthDate',
        detail: `birthDate ${String(before)} -> 2099-01-01, after the export date`,
      };
    }
    if (isBloodPressure(r)) {
      const systolic = (r.component as { valueQuantity?: { value?: number } }[])[0]!;
      systolic.valueQuantity = { ...systolic.valueQuantity, value: 400 };
      return {
        path: 'component[0].valueQuantity.value',
        detail: 'systolic blood pressure 400 mm[Hg]',
      };
    }
    const quantity = quantityOf(r)!;
    const before = quantity.value!;
    const loinc = loincOf(r) ?? '';
    quantity.value = impossibleByLoinc[loinc]?.(before) ?? -Math.abs(before || 1);
    return {
      path: 'valueQuantity.value',
      detail: `${loinc} value ${before} ${quantity.code ?? ''} -> ${quantity.value}, physically impossible`,
    };
  },
};

function isBloodPressure(r: Json): boolean {
  return loincOf(r) === '85354-9' && Array.isArray(r.component) && r.component.length > 0;
}

/** The first LOINC or SNOMED CT coding in a resource (document order) and its path. */
function firstCheckedCoding(
  value: unknown,
  path: string,
): { coding: Json; path: string } | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstCheckedCoding(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Json;
    if (
      (record.system === systems.loinc || record.system === systems.snomed) &&
      typeof record.code === 'string'
    ) {
      return { coding: record, path };
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === 'meta') continue;
      const found = firstCheckedCoding(child, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

export const unknownCode: ContentDefect = {
  applies: (r) => firstCheckedCoding(r, '') !== undefined,
  apply: (r, rng) => {
    const { coding, path } = firstCheckedCoding(r, '')!;
    const before = coding.code as string;
    const shift = rng.int(1, 9);
    if (coding.system === systems.loinc) {
      // LOINC-shaped, but the check digit is wrong: no LOINC code can have it.
      const [item] = before.split('-');
      coding.code = `${item}-${(loincCheckDigit(item!) + shift) % 10}`;
      return {
        path: `${path}.code`,
        detail: `LOINC ${before} -> ${coding.code}, fails the mod 10 check digit`,
      };
    }
    // SNOMED CT id with a wrong Verhoeff check digit: malformed, cannot exist.
    const payload = before.slice(0, -1);
    let code = before;
    for (let d = shift; hasValidVerhoeff(code); d++)
      code = `${payload}${(Number(before.at(-1)) + d) % 10}`;
    coding.code = code;
    return {
      path: `${path}.code`,
      detail: `SNOMED CT ${before} -> ${code}, fails the Verhoeff check digit`,
    };
  },
};

/** Where a resource says whose it is. */
const patientLink = ['subject', 'patient'] as const;

export const danglingReference: ContentDefect = {
  applies: (r) =>
    patientLink.some((e) => typeof (r[e] as Json | undefined)?.reference === 'string'),
  apply: (r, rng) => {
    const element = patientLink.find(
      (e) => typeof (r[e] as Json | undefined)?.reference === 'string',
    )!;
    const target = `Patient/${rng.uuid()}`;
    r[element] = { reference: target };
    return {
      path: `${element}.reference`,
      detail: `${element} -> ${target}, which is not in the export`,
    };
  },
};
