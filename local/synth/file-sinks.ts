// Local (synth): append-only output files with backpressure, so writing a 100,000-patient cohort keeps
// memory flat.
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/** Lazily opened append streams keyed by relative path; `write` waits for drain when buffers fill. */
export class LineSinks {
  private readonly streams = new Map<string, WriteStream>();
  readonly lineCounts = new Map<string, number>();

  constructor(private readonly root: string) {}

  /** Append text lines, each followed by `terminator`. */
  async write(path: string, lines: readonly string[], terminator = '\n'): Promise<void> {
    const text = lines.map((line) => line + terminator).join('');
    await this.append(path, Buffer.from(text), lines.length);
  }

  /** Append `lineCount` lines already joined and encoded (each with its terminator). */
  async append(path: string, bytes: Uint8Array, lineCount: number): Promise<void> {
    if (lineCount === 0) return;
    const stream = this.open(path);
    this.lineCounts.set(path, (this.lineCounts.get(path) ?? 0) + lineCount);
    if (!stream.write(bytes)) await new Promise<void>((resolve) => stream.once('drain', resolve));
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
