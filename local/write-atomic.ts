// Local: write a small file whole or not at all (a temporary file beside it, renamed over it), so a
// process killed mid-write never leaves a half-written state file for the next start to read.
import { renameSync, writeFileSync } from 'node:fs';

export function writeAtomic(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
