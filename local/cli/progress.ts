// CLI: a progress line on stderr (bytes uploaded, then records processed). On a terminal it redraws
// one line; otherwise (CI, pipes) it prints a line at each milestone, so logs stay readable.
const width = 24;

export class ProgressBar {
  private done = 0;
  private current = 0;
  private recordsSeen = 0;
  private readonly tty = Boolean(process.stderr.isTTY);
  private lastDraw = 0;

  constructor(private readonly totalBytes: number) {}

  /** Bytes of the file being uploaded so far. */
  bytes(loaded: number): void {
    this.current = loaded;
    this.draw(false);
  }

  fileDone(size: number): void {
    this.done += size;
    this.current = 0;
    this.draw(true);
  }

  uploaded(files: number): void {
    this.line(`uploaded ${files} file${files === 1 ? '' : 's'} (${mib(this.totalBytes)})`);
  }

  records(n: number): void {
    this.recordsSeen += n;
    this.line(`processed ${this.recordsSeen.toLocaleString('en-US')} records`);
  }

  end(): void {
    if (this.tty) process.stderr.write('\n');
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const sent = this.done + this.current;
    const fraction = this.totalBytes === 0 ? 1 : Math.min(1, sent / this.totalBytes);
    const filled = Math.round(fraction * width);
    const text = `upload [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${mib(sent)} / ${mib(this.totalBytes)}`;
    if (this.tty) process.stderr.write(`\r${text}`);
    else if (force) process.stderr.write(`${text}\n`);
  }

  private line(text: string): void {
    process.stderr.write(this.tty ? `\r${text}\x1b[K` : `${text}\n`);
  }
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
