// Embedded stack, Neptune stand-in: the graph on disk as an N-Quads snapshot plus an append-only
// journal of the SPARQL updates applied since. An update costs one append of its own text, not a
// dump of the whole store (about 1 s and 80 MB for 400k quads); the snapshot is rewritten only when
// the journal outgrows it, after bulk loads, and on flush/close.
//
// Crash safety: the snapshot is written to a temp file and renamed, and its first line is an N-Quads
// comment naming it (`# caregraph-snapshot <id>`). The journal's first line names the snapshot it
// follows; a journal naming another snapshot (a crash between the rename and the journal's removal)
// is already in the snapshot and is ignored. A torn last journal line (a crash mid-append) is dropped.
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Store } from 'oxigraph';

export const NQUADS = 'application/n-quads';
const SAVE_DELAY_MS = 200;
/** The journal is folded into a new snapshot once it is larger than this and than the snapshot. */
const MIN_COMPACTION_BYTES = 16 * 1024 * 1024;
const SNAPSHOT_HEADER = /^# caregraph-snapshot ([0-9a-f-]{36})\n/;

export interface NquadsPersistence {
  /** Journals a SPARQL update the store has just applied; resolves once it is on disk. */
  recorded(update: string): Promise<void>;
  /** Schedules a snapshot about 200 ms from now (for changes made without an update text). */
  changed(): void;
  /** Writes a snapshot now, cancelling any pending one. */
  flush(): Promise<void>;
}

/** No data file: the graph lives in memory only. */
const inMemory: NquadsPersistence = {
  recorded: () => Promise.resolve(),
  changed: () => undefined,
  flush: () => Promise.resolve(),
};

/**
 * Loads `dataFile` (a missing file is an empty graph) and replays its journal into `store`, then
 * returns the persistence that keeps both up to date. Without a data file nothing is written.
 */
export async function openNquadsPersistence(
  store: Store,
  dataFile: string | undefined,
): Promise<NquadsPersistence> {
  if (!dataFile) return inMemory;
  const journalFile = `${dataFile}.journal`;
  const snapshot = await readOptional(dataFile);
  if (snapshot) store.load(snapshot, { format: NQUADS });
  let snapshotId = SNAPSHOT_HEADER.exec(snapshot?.subarray(0, 64).toString('utf8') ?? '')?.[1];
  let snapshotBytes = snapshot?.length ?? 0;
  const replayed = snapshotId
    ? replayJournal(store, await readOptional(journalFile), snapshotId)
    : 0;
  let journalBytes = 0;
  // Updates are numbered as the store applies them; a snapshot already holds those up to `inSnapshot`.
  let applied = 0;
  let inSnapshot = 0;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const queue = (step: () => Promise<void>): Promise<void> => {
    writing = writing.catch(() => undefined).then(step);
    return writing;
  };
  const writeSnapshot = async (): Promise<void> => {
    const id = randomUUID();
    const temp = `${dataFile}.${process.pid}.tmp`;
    await mkdir(dirname(dataFile), { recursive: true });
    inSnapshot = applied;
    const body = `# caregraph-snapshot ${id}\n${store.dump({ format: NQUADS })}`;
    await writeFile(temp, body);
    await rename(temp, dataFile);
    snapshotId = id;
    snapshotBytes = Buffer.byteLength(body);
    await rm(journalFile, { force: true });
    journalBytes = 0;
  };
  const snapshotNow = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    return queue(writeSnapshot);
  };
  // A data file from before the journal (no header) or a replayed journal: start from a snapshot.
  if (!snapshotId || replayed > 0) await snapshotNow();
  else if ((await readOptional(journalFile)) !== undefined) await rm(journalFile, { force: true });
  return {
    recorded(update: string): Promise<void> {
      const sequence = (applied += 1);
      return queue(async () => {
        if (sequence <= inSnapshot) return;
        const header = journalBytes === 0 ? `${JSON.stringify({ snapshot: snapshotId })}\n` : '';
        const line = `${header}${JSON.stringify({ update })}\n`;
        await appendFile(journalFile, line);
        journalBytes += Buffer.byteLength(line);
        if (journalBytes > Math.max(MIN_COMPACTION_BYTES, snapshotBytes)) await writeSnapshot();
      });
    },
    changed(): void {
      if (timer) return;
      timer = setTimeout(
        () =>
          snapshotNow().catch((error: unknown) =>
            console.error('sparql-server: save failed', error),
          ),
        SAVE_DELAY_MS,
      );
    },
    flush: snapshotNow,
  };
}

/** Applies the journal's updates if it follows snapshot `id`; returns how many were applied. */
function replayJournal(store: Store, journal: Buffer | undefined, id: string): number {
  const lines = (journal?.toString('utf8') ?? '').split('\n');
  const header = parseLine(lines[0] ?? '') as { snapshot?: string } | undefined;
  if (header?.snapshot !== id) return 0;
  let applied = 0;
  for (const line of lines.slice(1)) {
    const entry = parseLine(line) as { update?: unknown } | undefined;
    if (typeof entry?.update !== 'string') continue; // blank or torn last line
    store.update(entry.update);
    applied += 1;
  }
  return applied;
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
