// Local (synth): what a render worker sends the writer for one patient: strings and bytes only, ready to
// append, so the writer thread does no rendering.
import type { RenderedPatient } from '../../shared/domain/synth/cohort';
import type { DefectRecord, NdjsonLine } from '../../shared/domain/synth/defects/inject';
import type { Outcomes } from '../../shared/domain/synth/model';
import { truthLines } from './truth';

export interface PatientPayload {
  index: number;
  patientId: string;
  ndjson: [string, NdjsonLine[]][];
  bundle: string;
  csv: [string, string[]][];
  vcf?: string;
  notes: [string, string][];
  /** Truth JSONL lines by file, except defects (their line numbers are fixed up by the writer). */
  truth: [string, string[]][];
  defects: DefectRecord[];
  outcomes: Outcomes;
}

export function toPayload(r: RenderedPatient): PatientPayload {
  const { 'defects.jsonl': _defects, ...truth } = truthLines(r);
  return {
    index: r.patient.index,
    patientId: r.patient.id,
    ndjson: [...r.ndjson],
    bundle: r.bundle,
    csv: Object.entries(r.csv),
    ...(r.vcf ? { vcf: r.vcf } : {}),
    notes: r.notes.map((n) => [n.id, n.text]),
    truth: Object.entries(truth),
    defects: r.defects,
    outcomes: r.patient.outcomes,
  };
}
