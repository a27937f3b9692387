// Local (synth): append-only output files with backpressure, and a bounded pool of whole-file writes,
// so writing a 100,000-patient cohort keeps memory flat.
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Lazily opened append streams keyed by relative path; `write` waits for drain when buffers fill. */
export class LineSinks {
  private readonly streams = new Map<string, WriteStream>();
  readonly lineCounts = new Map<string, number>();

  constructor(private readonly root: string) {}

  /** Append lines (text, or exact bytes for deliberately mis-encoded lines), each followed by `terminator`. */
  async write(
    path: string,
    lines: readonly (string | Uint8Array)[],
    terminator = '\n',
  ): Promise<void> {
    if (lines.length === 0) return;
    const stream = this.open(path);
    const chunks: (string | Uint8Array)[] = [];
    for (const line of lines) chunks.push(line, terminator);
    const text = chunks.every((c) => typeof c === 'string')
      ? chunks.join('')
      : Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
    this.lineCounts.set(path, (this.lineCounts.get(path) ?? 0) + lines.length);
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }

  /** Create the file now, so it exists (empty) even if nothing is ever written to it. */
  ensure(path: string): void {
    this.open(path);
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.streams.values()].map(
        (s) =>
          new Promise<void>((resolve, reject) =>
            s.end((e?: Error | null) => (e ? reject(e) : resolve())),
          ),
      ),
    );
  }

  private open(path: string): WriteStream {
    let stream = this.streams.get(path);
    if (!stream) {
      stream = createWriteStream(join(this.root, path));
      this.streams.set(path, stream);
    }
    return stream;
  }
}

/** Whole-file writes with at most `limit` in flight. */
export class FileWriter {
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown;
  count = 0;

  constructor(
    private readonly root: string,
    private readonly limit = 64,
  ) {}

  async write(path: string, content: string): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.pending.size >= this.limit) await Promise.race(this.pending);
    const p: Promise<void> = writeFile(join(this.root, path), content)
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
    this.count++;
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
  }
}
