// Domain (synth): one patient of a cohort, rendered into every output form with its ground truth.
// Pure and deterministic: the same options and index always give the same bytes, in any order.
import { patientRng } from './rng';
import type { CohortOptions, SynthNote, SynthPatient } from './model';
import { generatePatientState } from './state/patient';
import { sampleGenome } from './genomics/genome';
import { renderVcf } from './genomics/vcf';
import { generateNotes } from './notes/generate';
import { renderPatientResources } from './fhir/resources';
import { ndjsonLines } from './fhir/bulk';
import { observationJson } from './fhir/observation-json';
import { patientTransactionBundleParts } from './fhir/bundle';
import { patientCsvRecords, type CsvFileName } from './fhir/csv';
import { DefectInjector, type DefectRecord, type NdjsonLine } from './defects/inject';

export interface RenderedPatient {
  patient: SynthPatient;
  notes: SynthNote[];
  /** NDJSON lines by file name (`Patient.ndjson`...), after defect injection. */
  ndjson: Map<string, NdjsonLine[]>;
  /**
   * The patient's transaction Bundle JSON in consecutive parts (join them for the text; see
   * `patientTransactionBundleParts`). Always clean: defects target the bulk export.
   */
  bundle: string[];
  csv: Record<CsvFileName, string[]>;
  /** A per-patient VCF 4.2 document, for genotyped patients. */
  vcf?: string;
  defects: DefectRecord[];
}

const cancers = ['breast-cancer', 'lung-cancer', 'colorectal-cancer'] as const;

/**
 * Who is genotyped: every cancer patient (tumour sequencing), and 30% of the others, a share in line
 * with health systems that offer pre-emptive pharmacogenomic panels (e.g. the PREPARE and eMERGE-PGx
 * programmes); children included.
 */
export const genotypedShare = 0.3;

/**
 * Render patient `index` of the cohort. Defects (when `options.dirtyRate` > 0) come from the patient's
 * own stream, so patients render independently (in parallel, in any order) and the output is the same;
 * `RenderedPatient.defects` line numbers count within this patient's lines of each file.
 */
export function renderCohortPatient(options: CohortOptions, index: number): RenderedPatient {
  const rng = patientRng(options.seed, index);
  const patient = generatePatientState(options, index);
  const patientCancers = cancers.filter((c) => patient.conditions.some((x) => x.key === c));
  if (patientCancers.length > 0 || rng.fork('genotyped').chance(genotypedShare)) {
    patient.genome = sampleGenome(
      patient.demographics.ancestry,
      patientCancers,
      rng.fork('genome'),
    );
  }
  const notes = generateNotes(patient, rng.fork('notes'));
  const resources = renderPatientResources(patient, notes, { asOf: options.asOf });
  // Serialise once: the NDJSON lines and the Bundle share the same resource JSON. Observations, two
  // thirds of it, through their own serialiser (the same bytes, about twice as fast).
  const json = resources.map((r) =>
    r.resourceType === 'Observation' ? observationJson(r) : JSON.stringify(r),
  );
  const clean = ndjsonLines(resources, json);
  const injected =
    options.dirtyRate > 0
      ? new DefectInjector(options.dirtyRate, rng.fork('defects')).inject(clean, patient.id)
      : { files: clean as Map<string, NdjsonLine[]>, defects: [] };
  return {
    patient,
    notes,
    ndjson: injected.files,
    bundle: patientTransactionBundleParts(resources, json),
    csv: patientCsvRecords(resources),
    ...(patient.genome
      ? {
          vcf: renderVcf(patient.id, patient.genome, {
            reference: 'GRCh38',
            source: 'caregraph-synth',
            date: options.asOf.replace(/-/g, ''),
          }),
        }
      : {}),
    defects: injected.defects,
  };
}
