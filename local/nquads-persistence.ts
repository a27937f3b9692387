// Embedded stack, Neptune stand-in: the graph's N-Quads data file, loaded at start, saved atomically.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Store } from 'oxigraph';

export const NQUADS = 'application/n-quads';
const SAVE_DELAY_MS = 200;

export interface NquadsPersistence {
  /** Schedules a save about 200 ms from now unless one is pending (no-op without a data file). */
  changed(): void;
  /** Writes the dump now, cancelling any pending save (no-op without a data file). */
  flush(): Promise<void>;
}

/** Loads the N-Quads dump into the store; a missing file is an empty graph. */
export async function loadDataFile(store: Store, dataFile: string): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(dataFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  store.load(bytes, { format: NQUADS });
}

/** Debounced, crash-safe N-Quads dumps: a rename never leaves a half-written data file behind. */
export function nquadsPersistence(store: Store, dataFile: string | undefined): NquadsPersistence {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (!dataFile) return Promise.resolve();
    writing = writing
      .catch(() => undefined)
      .then(async () => {
        const temp = `${dataFile}.${process.pid}.tmp`;
        await mkdir(dirname(dataFile), { recursive: true });
        await writeFile(temp, store.dump({ format: NQUADS }));
        await rename(temp, dataFile);
      });
    return writing;
  };
  return {
    changed(): void {
      if (!dataFile || timer) return;
      timer = setTimeout(
        () => save().catch((error: unknown) => console.error('sparql-server: save failed', error)),
        SAVE_DELAY_MS,
      );
    },
    flush: save,
  };
}
