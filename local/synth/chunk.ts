// Local (synth): render a range of patients ("a chunk") and prepare it for the writer. Every output is
// encoded to UTF-8 once, here, on the render thread: the lines bound for the shared append-only files
// (fhir/, csv/, truth/) joined per file, and the per-patient files (bundles/, notes/, vcf/) in one
// buffer with their paths. The writer thread only appends and creates files, never serialises, encodes
// or clones strings; creating the files there keeps the render threads computing while the file
// system works, and one creating thread contends less for the directory than two.
import { renderCohortPatient, type RenderedPatient } from '../../shared/domain/synth/cohort';
import { csvLineTerminator } from '../../shared/domain/synth/fhir/csv';
import type { DefectRecord, NdjsonLine } from '../../shared/domain/synth/defects/inject';
import type { CohortOptions, Outcomes } from '../../shared/domain/synth/model';
import { truthLines } from './truth';
import { BufferPool, Utf8Buffer } from './utf8-buffer';

/** The lines of one shared output file contributed by a chunk, as UTF-8 bytes with terminators. */
export interface ChunkFile {
  /** Relative to the cohort directory, e.g. `fhir/Observation.ndjson`. */
  path: string;
  bytes: Uint8Array;
  lines: number;
}

/** The per-patient files of a chunk: their contents back to back, and where each one ends. */
export interface ChunkDocuments {
  bytes: Uint8Array;
  /** Relative to the cohort directory, e.g. `notes/{noteId}.txt`. */
  paths: string[];
  /** Byte offset in `bytes` where each file ends (the next one starts there). */
  ends: number[];
}

/** Patients `start` (inclusive) to `end` (exclusive), ready to append. */
export interface RenderedChunk {
  start: number;
  end: number;
  files: ChunkFile[];
  /** bundles/{id}.json, vcf/{id}.vcf and notes/{noteId}.txt of the chunk's patients. */
  documents: ChunkDocuments;
  /** Defects; `line` counts within this chunk's lines of `fhir/{file}` (the writer adds the offset). */
  defects: DefectRecord[];
  /** One per patient, in index order. */
  outcomes: Outcomes[];
}

/**
 * Render patients `start`..`end - 1` of the cohort: their shared-file lines and per-patient files,
 * encoded. Deterministic: the bytes depend only on the options and indices.
 */
export function renderChunk(options: CohortOptions, start: number, end: number): RenderedChunk {
  const lines = new ChunkLines();
  const documents = new ChunkDocumentsBuilder();
  const defects: DefectRecord[] = [];
  const outcomes: Outcomes[] = [];
  for (let index = start; index < end; index++) {
    const rendered = renderCohortPatient(options, index);
    documents.addPatient(rendered);
    defects.push(...lines.addPatient(rendered));
    outcomes.push(rendered.patient.outcomes);
  }
  return { start, end, files: lines.encode(), documents: documents.take(), defects, outcomes };
}

/**
 * Bytes a buffer of `key` held at the end of the previous chunk on this thread: the next one starts
 * about that large, so buffers of several MB are not grown (copied) by doubling in every chunk.
 */
const lastSizes = new Map<string, number>();

/** This thread's spent chunk buffers, handed back by the writer (`recycleChunkBuffers`) for reuse. */
const pool = new BufferPool();

function sizedBuffer(key: string, fallback: number): Utf8Buffer {
  const last = lastSizes.get(key);
  return new Utf8Buffer(last === undefined ? fallback : last + (last >> 3) + 1024, pool);
}

/** The buffers that hold a chunk's bytes (each a whole ArrayBuffer, so it can be transferred). */
export function chunkBuffers(chunk: RenderedChunk): ArrayBuffer[] {
  return [...chunk.files.map((f) => f.bytes.buffer), chunk.documents.bytes.buffer] as ArrayBuffer[];
}

/**
 * Give this thread the buffers of a chunk that has been written, to encode later chunks into. The
 * chunk's bytes must not be read afterwards: later chunks overwrite them.
 */
export function recycleChunkBuffers(buffers: readonly ArrayBuffer[]): void {
  for (const buffer of buffers) pool.release(buffer);
}

function takeSized(key: string, buffer: Utf8Buffer): Uint8Array {
  lastSizes.set(key, buffer.byteLength);
  return buffer.take();
}

/** bundles/{id}.json, vcf/{id}.vcf and notes/{noteId}.txt: one file each, so order does not matter. */
class ChunkDocumentsBuilder {
  private readonly bytes = sizedBuffer('documents', 256 * 1024);
  private readonly paths: string[] = [];
  private readonly ends: number[] = [];

  addPatient(r: RenderedPatient): void {
    // The Bundle part by part: no string of the whole Bundle is ever joined.
    for (const part of r.bundle) this.bytes.appendText(part);
    this.end(`bundles/${r.patient.id}.json`, '\n');
    if (r.vcf) this.add(`vcf/${r.patient.id}.vcf`, r.vcf);
    for (const note of r.notes) this.add(`notes/${note.id}.txt`, note.text);
  }

  take(): ChunkDocuments {
    return { bytes: takeSized('documents', this.bytes), paths: this.paths, ends: this.ends };
  }

  private add(path: string, text: string): void {
    this.bytes.appendText(text);
    this.end(path, '');
  }

  /** The file at `path` ends here (after `terminator`). */
  private end(path: string, terminator: string): void {
    if (terminator) this.bytes.appendText(terminator);
    this.paths.push(path);
    this.ends.push(this.bytes.byteLength);
  }
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
    for (const [file, lines] of Object.entries(truthLines(r)))
      this.add(`truth/${file}`, lines, '\n');
    return defects;
  }

  /** Each file's lines as one buffer with its own ArrayBuffer (so it can be transferred). */
  encode(): ChunkFile[] {
    return [...this.files].map(([path, { bytes, lines }]) => ({
      path,
      bytes: takeSized(path, bytes),
      lines,
    }));
  }

  private lineCount(path: string): number {
    return this.files.get(path)?.lines ?? 0;
  }

  private add(path: string, lines: readonly NdjsonLine[], terminator: string): void {
    if (lines.length === 0) return;
    let file = this.files.get(path);
    if (!file) this.files.set(path, (file = { bytes: sizedBuffer(path, 64 * 1024), lines: 0 }));
    file.lines += lines.length;
    // Line by line (see Utf8Buffer): one non-ASCII line does not slow the encoding of the others.
    for (const line of lines) file.bytes.appendLine(line, terminator);
  }
}
