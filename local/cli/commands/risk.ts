// `caregraph risk SCORE (--bundle FILE | --patient ID | --input JSON) [--at DATE] [--json]`: a validated
// clinical risk score (shared/domain/risk) from a FHIR Bundle, a stored patient, or named inputs.
import { readFile } from 'node:fs/promises';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { ValidationError } from '../../../shared/domain/errors';
import { fetchPatientRecord } from '../stack-client';
import { riskScoreNames, riskScores, isRiskScoreName } from '../../../shared/domain/risk/registry';
import type { FieldSpec, RiskResult } from '../../../shared/domain/risk/score-definition';
import { scoreFromInputs, scoresFromFhir } from '../../../shared/domain/risk/scores-from-fhir';
import { out, parseFlags, UsageError, type Command } from '../io';

/** Fetch one patient's FHIR resources from a running stack (`GET /patients/{id}/resources`). */
export type FetchPatientResources = (
  id: string,
  endpoint: string | undefined,
  dataDir: string | undefined,
  hospital: string,
) => Promise<Resource[]>;

/** The patient's record from the running stack's API (GET /patients/{id}/resources). */
const fetchFromStack: FetchPatientResources = (patientId, endpoint, dataDir, hospital) =>
  fetchPatientRecord<Resource>({ patientId, endpoint, dataDir, hospital });

function describeField(f: FieldSpec): string {
  const type =
    f.kind === 'number'
      ? f.unit && f.unit !== '{score}'
        ? f.unit
        : 'number'
      : f.kind === 'enum'
        ? f.values.join('|')
        : 'true|false';
  const optional =
    f.kind === 'boolean'
      ? f.absentMeansNo
        ? ', default false'
        : ''
      : f.optional || (f.kind === 'number' && f.whenAbsent)
        ? ', optional'
        : '';
  return `${f.name} (${type}${optional}): ${f.description}`;
}

const usage = [
  'Usage: caregraph risk SCORE (--bundle FILE | --patient ID | --input JSON) [--at DATE] [--json] [--hospital H] [--endpoint URL] [--data-dir DIR]',
  '  --bundle  a FHIR R4 Bundle of one patient (Patient, Observations with LOINC codes, Conditions, medications)',
  '  --patient a patient stored in the running stack (pseudonymous id; --hospital H, default demo-general)',
  '  --input   a JSON object of the score\'s named inputs; numbers in the unit shown, or {"value": 5.2, "unit": "mmol/L"}',
  '  --at      score as of this date or ISO date-time (default now); later data is ignored, old data is flagged stale',
  '',
  'Scores and their --input names:',
  ...riskScoreNames.flatMap((name) => {
    const d = riskScores[name].definition;
    return [
      `  ${name}: ${d.title} [${d.unit}]`,
      ...d.fields.map((f) => `      ${describeField(f)}`),
    ];
  }),
].join('\n');

/** One readable line: score, value, category, applicability, missing and stale inputs. */
export function describeResult(r: RiskResult): string {
  const unit = r.unit === '{score}' ? 'points' : r.unit.replace('{1.73_m2}', '1.73m2');
  const value = r.value === null ? 'not computed' : `${r.value} ${unit}`;
  const parts = [
    `${r.score}: ${value}${r.category ? ` (${r.category})` : ''}`,
    r.applicable ? undefined : 'not applicable',
    r.reason,
    r.missing.length && !r.reason?.includes('missing')
      ? `missing: ${r.missing.join(', ')}`
      : undefined,
  ];
  return parts.filter((p): p is string => !!p).join('; ');
}

function parseAt(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new UsageError('--at must be a date YYYY-MM-DD or an ISO 8601 date-time');
  return date;
}

async function bundleResources(file: string): Promise<Resource[]> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ValidationError(`${file}: cannot be read`, 'bundle', { cause: error });
  });
  let bundle: Bundle;
  try {
    bundle = JSON.parse(text) as Bundle;
  } catch (error) {
    throw new ValidationError(`${file}: not valid JSON`, 'bundle', { cause: error });
  }
  if (bundle?.resourceType !== 'Bundle')
    throw new ValidationError(`${file}: resourceType must be Bundle`, 'bundle');
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const patients = resources.filter((r) => r.resourceType === 'Patient').length;
  if (patients !== 1)
    throw new ValidationError(
      `${file}: the Bundle must hold exactly one Patient (it holds ${patients})`,
      'bundle',
    );
  return resources;
}

function parseInput(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new ValidationError('--input is not valid JSON', 'input', { cause: error });
  }
}

/** The command, with the stack fetch injected (tests and the lead's wiring pass their own). */
export function createRiskCommand(
  fetchPatientResources: FetchPatientResources = fetchFromStack,
): Command {
  return {
    name: 'risk',
    summary: 'compute a validated clinical risk score (PCE, QRISK3, NEWS2, CHA2DS2-VASc, eGFR...)',
    usage,
    async run(argv) {
      const { values, positionals } = parseFlags(
        argv,
        {
          bundle: { type: 'string' },
          patient: { type: 'string' },
          input: { type: 'string' },
          at: { type: 'string' },
          json: { type: 'boolean' },
          endpoint: { type: 'string' },
          'data-dir': { type: 'string' },
          hospital: { type: 'string' },
        },
        true,
      );
      const [score, ...extra] = positionals;
      if (!score) throw new UsageError(`missing SCORE (one of ${riskScoreNames.join(', ')})`);
      if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
      if (!isRiskScoreName(score))
        throw new UsageError(`unknown score "${score}"; use one of ${riskScoreNames.join(', ')}`);
      const sources = (['bundle', 'patient', 'input'] as const).filter(
        (s) => values[s] !== undefined,
      );
      if (sources.length !== 1)
        throw new UsageError('give exactly one of --bundle FILE, --patient ID or --input JSON');
      const at = parseAt(values.at);
      const result =
        values.input !== undefined
          ? scoreFromInputs(score, parseInput(values.input))
          : scoresFromFhir(
              values.bundle !== undefined
                ? await bundleResources(values.bundle)
                : await fetchPatientResources(
                    values.patient!,
                    values.endpoint,
                    values['data-dir'],
                    values.hospital ?? 'demo-general',
                  ),
              score,
              at,
            );
      if (values.json) out.json(result);
      else out.result(describeResult(result));
      return 0;
    },
  };
}

export const riskCommand: Command = createRiskCommand();
