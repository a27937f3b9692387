// Local (synth): the append-only output files of a cohort (fhir/*.ndjson, csv/*.csv, truth/*.jsonl).
// Writes are synchronous: the writer thread has nothing else to do meanwhile (the render threads keep
// rendering), a blocking write costs less CPU than a round trip through the thread pool, and when a
// write returns its bytes are on their way to disk, so the render thread may reuse the buffer.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Output files opened on first use, keyed by path relative to the cohort directory. */
export class LineSinks {
  private readonly files = new Map<string, number>();
  readonly lineCounts = new Map<string, number>();

  constructor(private readonly root: string) {}

  /** Append text lines, each followed by `terminator`. */
  write(path: string, lines: readonly string[], terminator = '\n'): void {
    const text = lines.map((line) => line + terminator).join('');
    this.append(path, Buffer.from(text), lines.length);
  }

  /** Append `lineCount` lines already joined and encoded (each with its terminator). */
  append(path: string, bytes: Uint8Array, lineCount: number): void {
    if (lineCount === 0) return;
    const fd = this.open(path);
    this.lineCounts.set(path, (this.lineCounts.get(path) ?? 0) + lineCount);
    for (let written = 0; written < bytes.length;)
      written += writeSync(fd, bytes, written, bytes.length - written);
  }

  /** Create the file now, so it exists (empty) even if nothing is ever written to it. */
  ensure(path: string): void {
    this.open(path);
  }

  close(): void {
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }

  private open(path: string): number {
    let fd = this.files.get(path);
    if (fd === undefined) {
      fd = openSync(join(this.root, path), 'w');
      this.files.set(path, fd);
    }
    return fd;
  }
}
