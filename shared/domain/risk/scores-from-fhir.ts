// Domain (risk): compute a registered score from stored FHIR R4 resources (or from a JSON object of named
// inputs), reporting every input's provenance, what is missing, and what is stale.
import type { Resource } from '@medplum/fhirtypes';
import { ValidationError } from '../errors';
import { patientRecord } from './fhir/patient-record';
import type { Provided } from './fhir/provide';
import { riskScores, type RiskScoreName } from './registry';
import {
  evaluateScore,
  validateField,
  type RiskResult,
  type ScoreDefinition,
} from './score-definition';

/**
 * Compute `score` for the one patient whose resources (Patient, Observation, Condition,
 * MedicationRequest/MedicationStatement, FamilyMemberHistory) are given, using only data recorded at
 * or before `at`. Inputs are found by LOINC / SNOMED CT / ICD-10 / ATC codes (fhir/clinical-codes.ts);
 * a value in an unusable unit is reported as missing with its reason rather than guessed.
 */
export function scoresFromFhir(
  resources: readonly Resource[],
  score: RiskScoreName,
  at: Date,
): RiskResult {
  const { definition, fromFhir } = riskScores[score];
  const record = patientRecord(resources, at);
  if (!record.patient) throw new ValidationError('the resources hold no Patient', 'Patient');
  const { usable, unusable, problems } = usableInputs(definition, fromFhir(record));
  const result = evaluateScore(definition, usable, unusable);
  if (problems.length === 0) return result;
  const note = `unusable inputs: ${problems.join('; ')}`;
  return { ...result, reason: result.reason ? `${result.reason}; ${note}` : note };
}

/**
 * Keep the inputs that validate; name the rest (e.g. an unknown unit) and report why, instead of
 * failing the score. A recorded input that cannot be used is then missing, never "not recorded".
 */
function usableInputs(
  definition: ScoreDefinition,
  provided: Provided,
): { usable: Provided; unusable: Set<string>; problems: string[] } {
  const usable: Provided = {};
  const unusable = new Set<string>();
  const problems: string[] = [];
  for (const [name, input] of Object.entries(provided)) {
    const field = definition.fields.find((f) => f.name === name);
    if (!field || input === undefined) continue;
    try {
      validateField(field, input);
      usable[name] = input;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      unusable.add(name);
      problems.push(`${error.message} (${input.source})`);
    }
  }
  return { usable, unusable, problems };
}

/**
 * Compute `score` from a JSON object of its named inputs (`caregraph risk SCORE --input JSON`): each
 * value is a bare number/boolean/string in the field's canonical unit or `{"value", "unit"}`.
 * Unknown names and bad values are ValidationErrors naming the field.
 */
export function scoreFromInputs(score: RiskScoreName, input: unknown): RiskResult {
  const { definition } = riskScores[score];
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ValidationError('--input must be a JSON object of named inputs', 'input');
  const provided: Provided = {};
  for (const [name, raw] of Object.entries(input)) {
    if (!definition.fields.some((f) => f.name === name))
      throw new ValidationError(
        `unknown input "${name}" for ${score}; expected ${definition.fields.map((f) => f.name).join(', ')}`,
        name,
      );
    const quantity = typeof raw === 'object' && raw !== null && 'value' in raw;
    const unit = quantity ? (raw as { unit?: unknown }).unit : undefined;
    if (unit !== undefined && typeof unit !== 'string')
      throw new ValidationError(`${name}.unit must be a string`, name);
    provided[name] = {
      value: quantity ? (raw as { value: unknown }).value : raw,
      ...(unit === undefined ? {} : { unit }),
      source: 'input',
    };
  }
  return evaluateScore(definition, provided);
}
