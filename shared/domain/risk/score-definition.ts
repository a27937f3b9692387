// Domain (risk): the shape every clinical score shares — named, typed inputs with units; validation that
// names the field; the result the CLI contract prints (docs/cli.md, `caregraph risk`); and one evaluator
// that turns provided inputs (from --input JSON or from FHIR) into a result without guessing missing ones.
import { ValidationError } from '../errors';

export type Sex = 'female' | 'male';

/** One input as used: its value in the score's unit and where it came from (Observation id, date, age). */
export interface RiskInput {
  name: string;
  value: number | boolean | string | null;
  unit: string | null;
  source: string;
}

/** The `caregraph risk --json` document (CLI contract), plus `stale` and `reference`. */
export interface RiskResult {
  score: string;
  value: number | null;
  unit: string;
  category?: string;
  inputs: RiskInput[];
  missing: string[];
  /** Inputs older than the score's documented maximum age. */
  stale: string[];
  applicable: boolean;
  reason?: string;
  /**
   * The validated-population checks (age range, known disease, AF, pregnancy...) that the inputs
   * present place the patient outside of; given also when other inputs are missing, since those could
   * not bring the patient back inside. Absent when none fails (or none can be decided).
   */
  outsidePopulation?: string[];
  /** The published source and version the computation follows. */
  reference: string;
}

/** What a score says about complete (or, for additive bedside scores, partial) inputs. */
export interface Assessment {
  /** Null when the score cannot be computed for this population (e.g. age outside a table). */
  value: number | null;
  category?: string;
  applicable: boolean;
  reason?: string;
}

interface BaseField {
  name: string;
  description: string;
}
export interface NumberField extends BaseField {
  kind: 'number';
  /** Canonical UCUM unit the score computes in. */
  unit: string;
  /** Plausible range; values outside are input errors, not clinical findings. */
  min: number;
  max: number;
  integer?: boolean;
  /** Not needed (e.g. derived elsewhere, or a refinement). */
  optional?: boolean;
  /** The value the published algorithm itself uses when the input is not given. */
  whenAbsent?: { value: number; source: string };
  /** Other units accepted in `{"value", "unit"}` form, with their conversion to `unit`. */
  convert?: Readonly<Record<string, (value: number) => number>>;
}
export interface BooleanField extends BaseField {
  kind: 'boolean';
  /** A history criterion: not recorded counts as absent, and the result says so. */
  absentMeansNo?: boolean;
  optional?: boolean;
}
export interface EnumField extends BaseField {
  kind: 'enum';
  values: readonly string[];
  optional?: boolean;
}
export type FieldSpec = NumberField | BooleanField | EnumField;

export type Values = Record<string, number | boolean | string>;

/**
 * One check of a score's validated population (age range, known disease, AF, pregnancy...). It reads
 * only the `inputs` it names and is decided only when all of them are known: an unknown input is
 * never "outside".
 */
export interface PopulationCheck {
  inputs: readonly string[];
  /** True when the patient is outside the validated population; called with `inputs` known. */
  outside(values: Values): boolean;
  /** What the result says, after "outside the validated population: ". */
  reason: string;
}

/**
 * A check that `input` lies within `min`..`max` (inclusive, in the field's unit): the validated
 * range a score's derivation set or its published calculator states.
 */
export function rangeCheck(
  input: string,
  min: number,
  max: number,
  reason: string,
): PopulationCheck {
  return {
    inputs: [input],
    outside: (v) => (v[input] as number) < min || (v[input] as number) > max,
    reason,
  };
}

export interface ScoreDefinition {
  /** CLI name, e.g. `ascvd-pce`. */
  name: string;
  title: string;
  unit: string;
  reference: string;
  fields: readonly FieldSpec[];
  /**
   * The population the score was derived and validated in. `assess` (and `assessPartial`) apply these
   * checks; the evaluator also runs them when inputs are missing, so that a patient the score can
   * never apply to is told so rather than asked for the missing inputs.
   */
  population?: readonly PopulationCheck[];
  /** Fill inputs computable from others (BMI from weight and height); returns sources for them. */
  derive?(values: Values): Record<string, { value: number; source: string }>;
  assess(values: Values): Assessment;
  /** Additive bedside scores only: a lower bound from the inputs present. */
  assessPartial?(values: Values, missing: string[]): Assessment;
  /** Acute scores: a stale input is as good as missing. */
  staleIsMissing?: boolean;
  /**
   * A finding the inputs present already call for action on, whatever the missing inputs would say
   * (PHQ-9 item 9 positive with no total): reported first in `reason` when the score cannot be
   * computed, so an incomplete score never hides it.
   */
  actionableWhenIncomplete?(values: Values, stale: readonly string[]): string | undefined;
}

/** An input as provided, before validation: a bare value in the canonical unit or a converted one. */
export interface ProvidedInput {
  value: unknown;
  unit?: string;
  source: string;
  stale?: boolean;
  /**
   * Why the value could not be read from the record (e.g. a lab in a unit no conversion covers): the
   * input is refused, naming the field, instead of being guessed.
   */
  unreadable?: string;
  /** A caveat about how the value was read (e.g. a conflict resolved); the result's reason repeats it. */
  note?: string;
}

/** Validate one provided value against its field; throws ValidationError naming the field. */
export function validateField(
  field: FieldSpec,
  provided: ProvidedInput,
): number | boolean | string {
  const { value } = provided;
  if (provided.unreadable !== undefined)
    throw new ValidationError(`${field.name}: ${provided.unreadable}`, field.name);
  if (field.kind === 'boolean') {
    if (typeof value !== 'boolean')
      throw new ValidationError(`${field.name} must be true or false`, field.name);
    return value;
  }
  if (field.kind === 'enum') {
    if (typeof value !== 'string' || !field.values.includes(value))
      throw new ValidationError(
        `${field.name} must be one of ${field.values.join(', ')}`,
        field.name,
      );
    return value;
  }
  const number = inCanonicalUnit(field, value, provided.unit);
  const range = `${field.min} to ${field.max}${printedUnit(field.unit)}`;
  if (!Number.isFinite(number) || number < field.min || number > field.max)
    throw new ValidationError(`${field.name} must be a number from ${range}`, field.name);
  if (field.integer && !Number.isInteger(number))
    throw new ValidationError(`${field.name} must be a whole number from ${range}`, field.name);
  return number;
}

function inCanonicalUnit(field: NumberField, value: unknown, unit: string | undefined): number {
  if (typeof value !== 'number')
    throw new ValidationError(`${field.name} must be a number`, field.name);
  if (unit === undefined || sameUnit(unit, field.unit)) return value;
  const entry = Object.entries(field.convert ?? {}).find(([u]) => sameUnit(u, unit));
  if (!entry)
    throw new ValidationError(
      `${field.name}: unit "${unit}" is not accepted; use ${[field.unit, ...Object.keys(field.convert ?? {})].join(' or ')}`,
      field.name,
    );
  return entry[1](value);
}

/** A unit as a reader expects it in a message: years and months spelled out, annotations dropped. */
function printedUnit(unit: string): string {
  const words: Record<string, string> = { a: 'years', mo: 'months' };
  if (/^\{[^}]*\}$/.test(unit) || unit === '') return '';
  return ` ${words[unit] ?? unit}`;
}

/** UCUM codes and their common printed forms compare equal: `umol/L` = `µmol/L`, `mm[Hg]` = `mmHg`. */
export function sameUnit(a: string, b: string): boolean {
  const norm = (u: string) =>
    u
      .replace(/µ|μ/g, 'u')
      .replace(/\[|\]|\s/g, '')
      .replace(/^\{[a-z]+\}/i, '')
      .toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Evaluate a score from provided inputs. Numeric and categorical inputs that are not provided are
 * listed in `missing` and never guessed; history criteria marked `absentMeansNo` count as absent
 * and say so in their `source`. Inputs flagged stale are listed in `stale` (and, for acute scores,
 * not used). `unusable` names inputs that were recorded but could not be read (e.g. a creatinine in
 * a unit no conversion covers): a required one is listed in `missing`, never filled as absent or
 * with its default, since the record holds a value that may count; an optional one is left out
 * (the caller's reason names it). The score's population checks run whatever is missing: a patient
 * the inputs present already place outside the validated population (e.g. known ASCVD for the PCE)
 * is told so, in `reason` ahead of the missing inputs and in `outsidePopulation`, rather than only
 * asked for inputs that could not make the score apply.
 */
export function evaluateScore(
  definition: ScoreDefinition,
  provided: Record<string, ProvidedInput | undefined>,
  unusable: ReadonlySet<string> = new Set(),
): RiskResult {
  const values: Values = {};
  const inputs: RiskInput[] = [];
  const missing: string[] = [];
  const stale: string[] = [];
  const inputNotes: string[] = [];
  for (const field of definition.fields) {
    const given = provided[field.name];
    if (given?.note) inputNotes.push(given.note);
    const unit = field.kind === 'number' ? field.unit : null;
    if (given === undefined || given.value === undefined || given.value === null) continue;
    const value = validateField(field, given);
    inputs.push({ name: field.name, value, unit, source: given.source });
    if (given.stale) stale.push(field.name);
    if (!(given.stale && definition.staleIsMissing)) values[field.name] = value;
  }
  for (const [name, derived] of Object.entries(definition.derive?.(values) ?? {})) {
    if (values[name] !== undefined) continue;
    const field = definition.fields.find((f) => f.name === name);
    values[name] = derived.value;
    inputs.push({
      name,
      value: derived.value,
      unit: field?.kind === 'number' ? field.unit : null,
      source: derived.source,
    });
  }
  for (const field of definition.fields) {
    if (values[field.name] !== undefined) continue;
    if (unusable.has(field.name)) {
      if (!field.optional) missing.push(field.name);
    } else if (field.kind === 'boolean' && field.absentMeansNo) {
      values[field.name] = false;
      if (!provided[field.name])
        inputs.push({
          name: field.name,
          value: false,
          unit: null,
          source: 'not recorded: counted as absent',
        });
    } else if (field.kind === 'number' && field.whenAbsent) {
      values[field.name] = field.whenAbsent.value;
      inputs.push({
        name: field.name,
        value: field.whenAbsent.value,
        unit: field.unit,
        source: field.whenAbsent.source,
      });
    } else if (!field.optional) missing.push(field.name);
  }
  const base = {
    score: definition.name,
    unit: definition.unit,
    inputs,
    missing,
    stale,
    reference: definition.reference,
  };
  // Population checks the inputs present decide (a check reading a missing input cannot fail).
  const outside = outsidePopulation(definition.population, values);
  const population = outside.length ? { outsidePopulation: outside } : {};
  if (missing.length > 0 && !definition.assessPartial) {
    const actionable = definition.actionableWhenIncomplete?.(values, stale);
    return {
      ...base,
      value: null,
      applicable: false,
      reason: [
        ...(actionable === undefined ? [] : [actionable]),
        missingInputsReason(missing, outside),
        ...inputNotes,
        ...(stale.length ? [`stale inputs: ${stale.join(', ')}`] : []),
      ].join('; '),
      ...population,
    };
  }
  const assessment =
    missing.length > 0 ? definition.assessPartial!(values, missing) : definition.assess(values);
  const notes = [
    ...inputNotes,
    assessment.reason,
    stale.length ? `stale inputs: ${stale.join(', ')}` : undefined,
  ].filter((n): n is string => n !== undefined);
  return {
    ...base,
    value: assessment.value,
    ...(assessment.category === undefined ? {} : { category: assessment.category }),
    applicable: assessment.applicable,
    ...(notes.length ? { reason: notes.join('; ') } : {}),
    ...population,
  };
}

/** The reasons of the population checks the known inputs decide as outside, in the checks' order. */
export function outsidePopulation(
  checks: readonly PopulationCheck[] | undefined,
  values: Values,
): string[] {
  return (checks ?? [])
    .filter((c) => c.inputs.every((name) => values[name] !== undefined) && c.outside(values))
    .map((c) => c.reason);
}

/** "outside the validated population: a; b", or undefined when no check failed. */
export function outsideReason(outside: readonly string[]): string | undefined {
  return outside.length ? `outside the validated population: ${outside.join('; ')}` : undefined;
}

/**
 * Why a score with missing inputs gives no value: the population it is outside of first (the missing
 * inputs could not change that), then the inputs still missing.
 */
export function missingInputsReason(
  missing: readonly string[],
  outside: readonly string[],
): string {
  const inputs = `missing inputs: ${missing.join(', ')}`;
  return outside.length
    ? `${outsideReason(outside)}; ${inputs} (the score would not apply with them either)`
    : inputs;
}

/** An Assessment whose applicability follows from the population checks that failed. */
export function withinLimits(
  value: number,
  category: string | undefined,
  outside: readonly string[],
): Assessment {
  const reason = outsideReason(outside);
  return {
    value,
    ...(category === undefined ? {} : { category }),
    applicable: reason === undefined,
    ...(reason === undefined ? {} : { reason }),
  };
}

/** Round to `decimals` places, as the published calculators display results. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * The population of the atrial-fibrillation scores (CHA2DS2-VASc, HAS-BLED): adults with AF recorded.
 * Outside it the points are still given, marked not applicable with every reason that applies.
 */
export function atrialFibrillationPopulation(derivedIn: string): PopulationCheck[] {
  return [
    { inputs: ['age'], outside: (v) => (v.age as number) < 18, reason: 'age under 18 years' },
    {
      inputs: ['atrialFibrillation'],
      outside: (v) => v.atrialFibrillation !== true,
      reason: `no atrial fibrillation recorded (${derivedIn})`,
    },
  ];
}
