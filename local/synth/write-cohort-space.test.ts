// Unit tests (local/synth): a cohort that would not fit on its file system is refused before anything
// is written or replaced.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, statfs: vi.fn(actual.statfs) };
});
const { assertRoomForCohort, outputBytesPerPatient, writeCohort } = await import('./write-cohort');

const freeSpace = (bytes: number) => async () => ({
  bavail: Math.floor(bytes / 4096),
  bsize: 4096,
});
const tempDir = () => mkdtempSync(join(tmpdir(), 'caregraph-cohort-space-'));

/** An earlier cohort in `out`: `bytes` in bundles/, and a file of the user's own beside it. */
function earlierCohort(out: string, bytes: number): void {
  mkdirSync(join(out, 'bundles'), { recursive: true });
  writeFileSync(join(out, 'bundles', 'old.json'), Buffer.alloc(bytes, 0x61));
  writeFileSync(join(out, 'README.txt'), 'mine');
}

describe('Function: assertRoomForCohort', () => {
  it('refuses a cohort larger than the free space, saying what it needs and what is free', async () => {
    // Prepare
    const out = join(tempDir(), 'cohort');
    // Act
    const check = assertRoomForCohort(out, 100_000, false, freeSpace(5 * 2 ** 30));
    // Assess
    await expect(check).rejects.toThrow(
      `a cohort of 100000 patients needs about 22.7 GiB (238 KiB a patient) and the file system holding ${out} has 5.0 GiB free`,
    );
  });

  it('accepts a cohort that fits, checking the nearest existing ancestor of a new directory', async () => {
    // Prepare
    const root = tempDir();
    const asked: string[] = [];
    const fileSystem = async (path: string) => {
      asked.push(path);
      return freeSpace(1000 * outputBytesPerPatient)();
    };
    // Act
    await assertRoomForCohort(join(root, 'a', 'b'), 1000, false, fileSystem);
    // Assess
    expect(asked).toEqual([root]);
  });

  it('counts the folders --force would replace as room, and nothing else in the directory', async () => {
    // Prepare
    const out = tempDir();
    earlierCohort(out, 3 * outputBytesPerPatient);
    const fileSystem = freeSpace(8 * outputBytesPerPatient);
    // Act: settle all three before asserting, so no rejection is ever left without a handler
    // (awaiting them one at a time let a later one reject unobserved: an unhandled rejection).
    const [replacing, keeping, tooMany] = await Promise.allSettled([
      assertRoomForCohort(out, 10, true, fileSystem),
      assertRoomForCohort(out, 10, false, fileSystem),
      assertRoomForCohort(out, 12, true, fileSystem),
    ]);
    // Assess
    expect(replacing).toEqual({ status: 'fulfilled', value: undefined });
    expect(keeping.status).toBe('rejected');
    expect(String((keeping as PromiseRejectedResult).reason)).toMatch(
      /a cohort of 10 patients needs about 3 MiB/,
    );
    expect(tooMany.status).toBe('rejected');
    expect(String((tooMany as PromiseRejectedResult).reason)).toMatch(
      /counting the cohort folders it would replace/,
    );
  });

  it('lets the run go ahead when the file system cannot say how much room it has', async () => {
    // Prepare
    const fileSystem = async () => {
      throw Object.assign(new Error('statfs not supported'), { code: 'ENOSYS' });
    };
    // Act
    const check = assertRoomForCohort(tempDir(), 10_000_000, false, fileSystem);
    // Assess
    await expect(check).resolves.toBeUndefined();
  });
});

describe('Function: writeCohort', () => {
  it('refuses a cohort that does not fit before writing anything or replacing the old one', async () => {
    // Prepare
    const out = tempDir();
    earlierCohort(out, 1024);
    vi.mocked(statfs).mockResolvedValueOnce({ bavail: 10, bsize: 4096 } as Awaited<
      ReturnType<typeof statfs>
    >);
    // Act
    const run = writeCohort({
      patients: 50,
      seed: 1,
      hospital: 'h',
      dirtyRate: 0,
      asOf: '2026-01-01',
      out,
      force: true,
    });
    // Assess
    await expect(run).rejects.toThrow(/a cohort of 50 patients needs about 12 MiB/);
    expect(readFileSync(join(out, 'bundles', 'old.json')).length).toBe(1024);
    expect(existsSync(join(out, 'fhir'))).toBe(false);
    expect(existsSync(join(out, 'truth'))).toBe(false);
  });
});
