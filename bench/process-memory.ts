// Resident memory of a process from /proc (Linux): current (VmRSS) and peak over its life (VmHWM,
// what Lambda reports as Max Memory Used), MiB; undefined where /proc is not available.
import { readFileSync } from 'node:fs';

export function processMemory(
  pid: number | 'self' | undefined,
): { rssMiB: number; peakRssMiB: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid ?? 'self'}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const mib = (field: string) =>
    Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024);
  return { rssMiB: mib('VmRSS'), peakRssMiB: mib('VmHWM') };
}
