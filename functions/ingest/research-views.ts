// Ingest wiring: what ingest writes besides the serving records, without changing the ingest use case.
// - The re-identification map: the KeyRing ingest uses is wrapped, so every pseudonym it issues for a
//   resource id or identifier is queued into the ReidentificationLog (encrypted, batched, restricted
//   table; shared/domain/deid/structured-reidentification.ts).
// - Write-ahead: the serving Table ingest uses is wrapped, so the queued entries are written with every
//   batch of serving records and before every checkpoint. A pseudonym is therefore never stored (nor a
//   checkpoint made past it) without its entry, whatever fails and is retried.
// - Each Patient serving item gets its research surrogate key (structured-research.ts), so the API
//   can make research copies with no key of its own.
import type { Dependencies } from '../../shared/adapters/composition';
import { ConfigurationError } from '../../shared/domain/errors';
import {
  ReidentificationLog,
  reidentificationEntryOf,
} from '../../shared/domain/deid/structured-reidentification';
import { withResearchKey } from '../../shared/domain/deid/structured-research';
import type { KeyRing } from '../../shared/ports/key-ring';
import type { Item, QueryInput, Table } from '../../shared/ports/table';

export interface ResearchViews {
  /** The KeyRing to give ingest: records every pseudonym it issues. */
  keys: KeyRing;
  /** The serving Table to give ingest: writes the queued entries first, adds research keys. */
  serving: Table;
  /** Write whatever is still queued (call when a file is done). */
  flush(): Promise<void>;
}

/** The re-identification table ingest writes: ingest refuses to run without it. */
export function reidentificationTableOf(deps: Dependencies): Table {
  if (!deps.reidentification)
    throw new ConfigurationError(
      'ingest needs the re-identification table (CAREGRAPH_REIDENTIFICATION_TABLE)',
    );
  return deps.reidentification;
}

/** Wrap `keys` and `serving` for one ingest function instance (the log is shared by its runs). */
export function researchViews(
  base: { keys: KeyRing; serving: Table },
  reidentification: Table,
): ResearchViews {
  const log = new ReidentificationLog({ table: reidentification, keys: base.keys });
  return {
    keys: recordingKeyRing(base.keys, log),
    serving: new WriteAheadServing(base.serving, base.keys, log),
    flush: () => log.flush(),
  };
}

function recordingKeyRing(keys: KeyRing, log: ReidentificationLog): KeyRing {
  return {
    pseudonym: async (hospital, message) => {
      const digest = await keys.pseudonym(hospital, message);
      const entry = reidentificationEntryOf(message, digest);
      if (entry) await log.record(hospital, entry);
      return digest;
    },
    encrypt: (hospital, plaintext) => keys.encrypt(hospital, plaintext),
    decrypt: (hospital, envelope) => keys.decrypt(hospital, envelope),
  };
}

class WriteAheadServing implements Table {
  constructor(
    private readonly inner: Table,
    private readonly keys: KeyRing,
    private readonly log: ReidentificationLog,
  ) {}

  get(pk: string, sk: string) {
    return this.inner.get(pk, sk);
  }

  query(input: QueryInput) {
    return this.inner.query(input);
  }

  /** Single puts include checkpoints: the entries must be stored before one is made. */
  async put(item: Item): Promise<void> {
    await this.log.flush();
    await this.inner.put(await withResearchKey(item, this.keys));
  }

  async putIfAbsent(item: Item): Promise<boolean> {
    await this.log.flush();
    return this.inner.putIfAbsent(await withResearchKey(item, this.keys));
  }

  /**
   * Entries and records are written side by side: if either fails the file fails and is retried from
   * its last checkpoint, which `put` made only after the entries before it were stored.
   */
  async putMany(items: Item[]): Promise<void> {
    const keyed = await Promise.all(items.map((item) => withResearchKey(item, this.keys)));
    await Promise.all([this.log.flush(), this.inner.putMany(keyed)]);
  }
}
