// Domain (ingest): checkpoints within a file. Every N records (on a line boundary) the stored records
// are flushed, the segment's curated and quarantine objects completed, and the position and report so
// far saved; a retry after a failure resumes after that line instead of starting over or losing the tail.
import type { Table } from '../../ports/table';
import type { ReportSnapshot } from './report';

export interface Checkpoint {
  /** The last line fully processed and stored. */
  line: number;
  /** The segment whose objects were completed with this checkpoint. */
  segment: number;
  report: ReportSnapshot;
  quarantineKeys: string[];
  complete: boolean;
  /**
   * The name of the file's curated objects (curated-source.ts), so a resumed run writes its segments
   * beside the earlier ones without reading the file for its digest again. Absent in checkpoints made
   * before curated objects were named by content: those runs go on under their ETag.
   */
  curated?: string;
}

/** Records between checkpoints: a few seconds of work, so a retry repeats little. */
export const defaultCheckpointEvery = 10_000;

const keyOf = (hospital: string, key: string, etag: string) => ({
  pk: `CK#${hospital}`,
  sk: `${key}#${etag}`,
});

/** The checkpoint of an unfinished run of this object version (key and ETag), if any. */
export async function loadCheckpoint(
  table: Table,
  hospital: string,
  key: string,
  etag: string,
): Promise<Checkpoint | undefined> {
  const k = keyOf(hospital, key, etag);
  const item = await table.get(k.pk, k.sk);
  const checkpoint = item?.checkpoint as Checkpoint | undefined;
  return checkpoint && !checkpoint.complete ? checkpoint : undefined;
}

export async function saveCheckpoint(
  table: Table,
  hospital: string,
  key: string,
  etag: string,
  checkpoint: Checkpoint,
): Promise<void> {
  await table.put({ ...keyOf(hospital, key, etag), hospital, checkpoint });
}
