// Local (synth): render a range of patients ("a chunk") and prepare it for the writer. The per-patient
// files (bundles/, notes/, vcf/) are written here, by whichever thread renders; the lines bound for the
// shared append-only files (fhir/, csv/, truth/) are joined per file and encoded to UTF-8 once, so the
// writer thread only appends bytes in chunk order and never serialises, encodes or clones strings.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCohortPatient, type RenderedPatient } from '../../shared/domain/synth/cohort';
import { csvLineTerminator } from '../../shared/domain/synth/fhir/csv';
import type { DefectRecord, NdjsonLine } from '../../shared/domain/synth/defects/inject';
import type { CohortOptions, Outcomes } from '../../shared/domain/synth/model';
import { truthLines } from './truth';
import { Utf8Buffer } from './utf8-buffer';

/** The lines of one shared output file contributed by a chunk, as UTF-8 bytes with terminators. */
export interface ChunkFile {
  /** Relative to the cohort directory, e.g. `fhir/Observation.ndjson`. */
  path: string;
  bytes: Uint8Array;
  lines: number;
}

/** Patients `start` (inclusive) to `end` (exclusive), ready to append. */
export interface RenderedChunk {
  start: number;
  end: number;
  files: ChunkFile[];
  /** Defects; `line` counts within this chunk's lines of `fhir/{file}` (the writer adds the offset). */
  defects: DefectRecord[];
  /** One per patient, in index order. */
  outcomes: Outcomes[];
}

/**
 * Render patients `start`..`end - 1` of the cohort, write their bundles, notes and VCFs under `out`,
 * and return their shared-file lines. Deterministic: the bytes depend only on the options and indices.
 */
export function renderChunk(
  options: CohortOptions,
  start: number,
  end: number,
  out: string,
): RenderedChunk {
  const lines = new ChunkLines();
  const defects: DefectRecord[] = [];
  const outcomes: Outcomes[] = [];
  for (let index = start; index < end; index++) {
    const rendered = renderCohortPatient(options, index);
    writePatientFiles(rendered, out);
    defects.push(...lines.addPatient(rendered));
    outcomes.push(rendered.patient.outcomes);
  }
  return { start, end, files: lines.encode(), defects, outcomes };
}

/** bundles/{id}.json, vcf/{id}.vcf and notes/{noteId}.txt: one file each, so order does not matter. */
function writePatientFiles(r: RenderedPatient, out: string): void {
  // Synchronous on purpose: this runs on a render thread with nothing else to do meanwhile, and a
  // blocking open/write/close is cheaper than three thread-pool round trips per small file.
  writeFileSync(join(out, 'bundles', `${r.patient.id}.json`), r.bundle + '\n');
  if (r.vcf) writeFileSync(join(out, 'vcf', `${r.patient.id}.vcf`), r.vcf);
  for (const note of r.notes) writeFileSync(join(out, 'notes', `${note.id}.txt`), note.text);
}

interface FileLines {
  bytes: Utf8Buffer;
  lines: number;
}

/** Lines per shared file, in patient order, with each file's running line count. */
class ChunkLines {
  private readonly files = new Map<string, FileLines>();

  /** Append one patient's lines; returns its defects with line numbers counted within the chunk. */
  addPatient(r: RenderedPatient): DefectRecord[] {
    const defects = r.defects.map((d) =>
      d.line === undefined ? d : { ...d, line: d.line + this.lineCount(`fhir/${d.file}`) },
    );
    for (const [file, lines] of r.ndjson) this.add(`fhir/${file}`, lines, '\n');
    for (const [file, rows] of Object.entries(r.csv))
      this.add(`csv/${file}`, rows, csvLineTerminator);
    const { 'defects.jsonl': _defects, ...truth } = truthLines(r);
    for (const [file, lines] of Object.entries(truth)) this.add(`truth/${file}`, lines, '\n');
    return defects;
  }

  /** Each file's lines as one buffer with its own ArrayBuffer (so it can be transferred). */
  encode(): ChunkFile[] {
    return [...this.files].map(([path, { bytes, lines }]) => ({
      path,
      bytes: bytes.take(),
      lines,
    }));
  }

  private lineCount(path: string): number {
    return this.files.get(path)?.lines ?? 0;
  }

  private add(path: string, lines: readonly NdjsonLine[], terminator: string): void {
    if (lines.length === 0) return;
    let file = this.files.get(path);
    if (!file) this.files.set(path, (file = { bytes: new Utf8Buffer(), lines: 0 }));
    file.lines += lines.length;
    if (lines.every((line) => typeof line === 'string')) {
      file.bytes.appendText(lines.join(terminator) + terminator);
      return;
    }
    for (const line of lines) {
      if (typeof line === 'string') file.bytes.appendText(line);
      else file.bytes.appendBytes(line);
      file.bytes.appendText(terminator);
    }
  }
}
