// Domain: turn one raw NDJSON line into a validated resource, or a ValidationError naming line and field.
import type { z } from 'zod';
import { ValidationError } from '../errors';
import {
  observationSchema,
  patientSchema,
  servedResourceTypes,
  type ServedResource,
  subjectPatientId,
} from './resources';

const schemas = new Map<string, z.ZodType<ServedResource>>([
  ['Patient', patientSchema],
  ['Observation', observationSchema],
]);

/** Parse JSON without echoing input text in the error (V8 messages quote the input, which may be PHI). */
export function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    const atEnd = position !== undefined && Number(position) >= line.trimEnd().length;
    const truncated =
      atEnd || /end of (JSON )?input|Unterminated/i.test(String((error as Error).message));
    const reason = truncated
      ? 'not valid JSON: the line ends before the JSON does (truncated?)'
      : `not valid JSON${position ? ` at character ${position}` : ''}`;
    throw new ValidationError(reason, undefined, { cause: undefined });
  }
}

/** Validate a parsed value as a served FHIR resource; the error names the first offending element. */
export function validateResource(value: unknown): ServedResource {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('not a FHIR resource: expected a JSON object');
  }
  const resourceType = (value as { resourceType?: unknown }).resourceType;
  if (typeof resourceType !== 'string')
    throw new ValidationError('missing resourceType', 'resourceType');
  const schema = schemas.get(resourceType);
  if (!schema) {
    throw new ValidationError(
      `resourceType ${JSON.stringify(resourceType.slice(0, 40))} is not ingested yet (supported: ${servedResourceTypes.join(', ')}); kept in quarantine`,
      'resourceType',
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.') || undefined;
    throw new ValidationError(
      `${resourceType}${path ? `.${path}` : ''}: ${describeIssue(issue)}`,
      path,
    );
  }
  if (parsed.data.resourceType === 'Observation' && !subjectPatientId(parsed.data)) {
    throw new ValidationError(
      'Observation.subject.reference: must reference a Patient',
      'subject.reference',
    );
  }
  return parsed.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('undefined')) return 'is required';
  if (issue.code === 'invalid_value')
    return `must be one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}
