// `caregraph recommend (--patient ID [--hospital H] | --bundle FILE [--vcf FILE]) [--outside-calls TSV] [--at DATE] [--json]`:
// guideline-based treatment options for one patient, safety-checked and ranked (decision support;
// every option is "proposed"). Thin: read the files, call recommendFor, print. `--patient` reads the
// running stack through the fetcher main.ts injects (recommendCommandWith).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { ConfigurationError, ValidationError } from '../../../shared/domain/errors';
import { readVcf } from '../../../shared/domain/genomics/vcf-reader';
import { decompressIfGzip, numberedLines } from '../../../shared/domain/ingest/lines';
import { parseOutsideCalls } from '../../../shared/domain/pgx/outside-calls';
import { pgxProfile, type PgxProfile } from '../../../shared/domain/pgx/profile';
import { readSampleGenotypes } from '../../../shared/domain/pgx/vcf-genotypes';
import type { RecommendationReport } from '../../../shared/domain/recommend/model';
import { recommendFor, type RecommendDeps } from '../../../shared/domain/recommend/recommend-for';
import {
  collectTumourFindings,
  type TumourFinding,
} from '../../../shared/domain/genomics/tumour-variants';
import { out, parseFlags, UsageError, type Command } from '../io';
import {
  storedPatientFlags,
  storedPatientSource,
  type StoredPatientSource,
} from '../stored-patient';
import { formatReport } from '../../../shared/domain/recommend/report-text';

const usage = `Usage: caregraph recommend (--patient ID [--hospital H] [--endpoint URL] [--data-dir DIR] | --bundle FILE [--vcf FILE])
                           [--outside-calls TSV] [--sample S] [--at YYYY-MM-DD] [--json]
  --bundle         FHIR R4 Bundle (JSON) of one patient's resources
  --patient        a patient stored in the running stack (pseudonymous id, as GET /patients lists them),
                   read as a clinician of --hospital
  --hospital       the patient's hospital slug (default demo-general)
  --endpoint       the running stack's API URL, as caregraph start prints it (default: its stack.json)
  --data-dir       the running stack's data directory, holding its stack.json (default .caregraph)
  --vcf            GRCh38 VCF: pharmacogene genotypes (CPIC) and tumour variants
  --outside-calls  TSV of gene<TAB>diplotype (CYP2D6, HLA-A/B, overrides), as for caregraph pgx
  --sample         VCF sample column (default: the first; for tumour findings the header's tumour
                   sample, ##tumor_sample= or ##SAMPLE ID=TUMOR, and for pharmacogenes its normal
                   sample, ##normal_sample= or ##SAMPLE ID=NORMAL, when it names one)
  --at             the date the record is read as of (default: today)
  --json           {"patient","at","status":"proposed","recommendations":[{"id","topic","title","summary",
                    "guideline","options":[{"id","rank","label","drugs","score","blocked","warnings","factors",...}],
                    "inputs"}],"medicationReview":[...],"missing":[...],"disclaimer"}`;

export interface RecommendCliDeps extends RecommendDeps {
  /** One patient's resources from the running stack (main.ts wires the API client). */
  fetchPatient?: (request: { patientId: string } & StoredPatientSource) => Promise<Resource[]>;
}

function inputFile(path: string, flag: string): string {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new ValidationError(`--${flag}: file not found: ${basename(path)}`, flag);
  return path;
}

/** The resources of a one-patient Bundle; throws ValidationError naming the field. */
export function bundleResources(text: string, file: string): Resource[] {
  let bundle: Bundle;
  try {
    bundle = JSON.parse(text) as Bundle;
  } catch (cause) {
    throw new ValidationError(`${file}: not valid JSON`, 'bundle', { cause });
  }
  if (bundle?.resourceType !== 'Bundle' || !Array.isArray(bundle.entry))
    throw new ValidationError(`${file}: expected a FHIR Bundle with an entry array`, 'entry');
  const resources = bundle.entry.map((e, i) => {
    if (!e?.resource?.resourceType)
      throw new ValidationError(`${file}: entry[${i}].resource has no resourceType`, `entry[${i}]`);
    return e.resource;
  });
  const patients = resources.filter((r) => r.resourceType === 'Patient').length;
  if (patients !== 1)
    throw new ValidationError(
      `${file}: expected exactly one Patient, found ${patients}`,
      'Patient',
    );
  return resources;
}

async function readGenomics(vcf: string | undefined, outside: string | undefined, sample?: string) {
  const outsideCalls = outside
    ? parseOutsideCalls(
        readFileSync(inputFile(outside, 'outside-calls'), 'utf8'),
        basename(outside),
      )
    : [];
  const tumour: TumourFinding[] = [];
  if (!vcf)
    return { pgx: outside ? pgxProfile([], outsideCalls) : undefined, tumour, warnings: [] };
  const file = basename(vcf);
  const source = await decompressIfGzip(createReadStream(inputFile(vcf, 'vcf')));
  const records = collectTumourFindings(readVcf(numberedLines(source), file), tumour, file, sample);
  const read = await readSampleGenotypes(records, sample);
  return {
    pgx: pgxProfile(read.genotypes, outsideCalls) as PgxProfile | undefined,
    tumour,
    warnings: read.warnings,
  };
}

function atDate(value: string | undefined): Date {
  if (value === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError('--at must be a date YYYY-MM-DD');
  return new Date(`${value}T23:59:59Z`);
}

/** The command, with a patient fetcher and evidence ports injected (the lead's composition root). */
export function recommendCommandWith(deps: RecommendCliDeps): Command {
  return {
    name: 'recommend',
    summary: 'propose guideline-based, safety-checked, ranked treatment options for one patient',
    usage,
    async run(argv) {
      const { values } = parseFlags(argv, {
        bundle: { type: 'string' },
        patient: { type: 'string' },
        vcf: { type: 'string' },
        'outside-calls': { type: 'string' },
        sample: { type: 'string' },
        at: { type: 'string' },
        json: { type: 'boolean' },
        ...storedPatientFlags,
      });
      if (!values.bundle === !values.patient)
        throw new UsageError('give exactly one of --bundle FILE or --patient ID');
      const at = atDate(values.at);
      let resources: Resource[];
      if (values.bundle) {
        const file = inputFile(values.bundle, 'bundle');
        resources = bundleResources(readFileSync(file, 'utf8'), basename(file));
      } else {
        if (!deps.fetchPatient)
          throw new ConfigurationError('--patient needs a running stack client; use --bundle FILE');
        resources = await deps.fetchPatient({
          patientId: values.patient!,
          ...storedPatientSource(values),
        });
      }
      const genomics = await readGenomics(values.vcf, values['outside-calls'], values.sample);
      for (const warning of genomics.warnings) out.progress(`warning: ${warning}`);
      const report: RecommendationReport = await recommendFor(deps, {
        resources,
        at,
        ...(genomics.pgx ? { pgx: genomics.pgx } : {}),
        ...(genomics.tumour.length ? { tumour: genomics.tumour } : {}),
      });
      if (values.json) out.json(report);
      else out.result(formatReport(report));
      return 0;
    },
  };
}

export const recommendCommand: Command = recommendCommandWith({});
