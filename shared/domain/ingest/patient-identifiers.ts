// Domain (ingest): the link from a hospital's medical record number (MRN) to the Patient it sent as
// FHIR. A note sidecar or a CSV row names its patient by identifier (system and value); a Patient
// sent as FHIR (NDJSON or a Bundle) is stored under its own `id`. When such a Patient carries an MRN
// (linkableIdentifiers), ingest records a claim: identifier -> that Patient's id, in the hospital's
// partition of the serving table. A sidecar or CSV row naming the MRN then resolves to that Patient
// (resolve); without a claim it keeps the id derived from the identifier (logical-references.ts).
//
// Layout, one partition per hospital and identifier (so no partition is hot and none is shared):
//   pk `PID#{hospital}#{token}`, where token = the identifier's pseudonym, HMAC-SHA256 under the
//   hospital's key of `Identifier/{system}|{value}` (first 128 bits, hex: pseudonymousId, the same as
//   an identifier's pseudonym in research copies; the re-identification table gets its entry);
//   sk `CLAIM#{patient pseudonym}`: a FHIR Patient claims the identifier. The Patient's own id (the
//   hospital's FHIR id, which a sidecar or CSV row must resolve to) is sealed in `sealed` under the
//   hospital's key (KeyRing envelope), bound to the token and the pseudonym. No MRN and no original
//   id is in clear.
//   sk `APART`: records naming the identifier were stored under the derived id while no Patient had
//   claimed it (written before they are stored, so a Patient claiming it later always sees it).
// Decisions:
// - Exactly one claim resolves. Two or more (two FHIR Patients with one MRN) resolve to nothing: the
//   records keep the derived id, and both the Patients' and the records' reports warn
//   (`patient-identifier-claimed-twice`). Patients are never merged.
// - A Patient whose identifier has the APART marker gets `patient-identifier-records-apart`: notes or
//   CSV rows sent before it are stored under a patient of their own; sent again, they resolve to it.
// - Only writes that overwrite themselves (put) and strongly consistent reads: a Patient writes its
//   claim, then reads the partition; a sidecar or row reads it, writes APART if nothing is there,
//   then reads again. Whatever the interleaving, two Patients claiming one MRN at once see each other
//   (at least the later reader warns), and a record never lands under the derived id unseen by a
//   Patient claiming later. A re-delivered file rewrites the same items.
// - Cost (a CSV file names thousands of MRNs): the MRNs of a chunk of rows are resolved together
//   (prefetch), their reads a bounded number at a time, the markers of those nobody claims in one
//   batch write (putMany, the path the records take, so their pseudonyms' re-identification entries
//   are batched too), written before the re-read, and so before any record of the chunk is stored.
//   Resolutions are cached per file, least recently used let go first.
import { z } from 'zod';
import type { KeyRing } from '../../ports/key-ring';
import type { Item, Table } from '../../ports/table';
import { ValidationError } from '../errors';
import { openPayload, sealPayload } from '../genomics/sealed-payload';
import { pseudonymousId } from '../serving/resource-projection';
import { mrnSystem } from '../synth/fhir/patient';
import {
  patientIdForIdentifier,
  type Identifier,
  type PatientIdentifier,
  type PatientResolver,
  type ResolvedPatient,
} from './logical-references';
import type { FhirJson } from './source-record';

/** Report warnings (kinds), see the file comment. */
export const patientIdentifierWarnings = {
  claimedTwice: 'patient-identifier-claimed-twice',
  recordsApart: 'patient-identifier-records-apart',
  /**
   * A CSV Patient row naming an MRN that a Patient sent as FHIR claims: the row is not stored (also
   * the repair kind it counts under), the FHIR Patient's record is kept whole (ingest-file.ts).
   */
  fhirPatientKept: 'patient-sent-as-fhir-kept',
} as const;

export const patientIdentifierKeys = {
  partition: (hospital: string, token: string) => `PID#${hospital}#${token}`,
  claim: (patient: string) => `CLAIM#${patient}`,
  apart: 'APART',
};

/**
 * HL7 v2 table 0203 "Identifier Type", code MR "Medical record number": how FHIR R4 types an
 * Identifier (Identifier.type, extensible binding to this table) and how US Core 6.1.0 Patient
 * examples type the MRN.
 */
const identifierTypeSystem = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const caregraphMrnSystem = /^urn:caregraph:hospital:.+:mrn$/;

interface IdentifierJson {
  use?: unknown;
  system?: unknown;
  value?: unknown;
  type?: { coding?: { system?: unknown; code?: unknown }[] };
}

/**
 * The identifiers of a FHIR Patient that name it within `hospital`: its MRNs, i.e. an identifier of
 * the hospital's MRN system (`urn:caregraph:hospital:{hospital}:mrn`, what `caregraph synth` writes and
 * docs/ingest.md asks sidecars and CSV mappings to use), or one typed MR (v2-0203) under any other
 * system, except another hospital's caregraph MRN system. Each needs a system and a value; one whose
 * `use` is `old` (R4: "no longer considered valid") is left out. Each distinct identifier once.
 */
export function linkableIdentifiers(patient: FhirJson, hospital: string): PatientIdentifier[] {
  const identifiers = Array.isArray(patient.identifier)
    ? (patient.identifier as IdentifierJson[])
    : [];
  const own = mrnSystem(hospital);
  const out = new Map<string, PatientIdentifier>();
  for (const i of identifiers) {
    if (typeof i !== 'object' || i === null || i.use === 'old') continue;
    const { system, value } = i;
    if (typeof system !== 'string' || typeof value !== 'string' || !system || !value) continue;
    const typedMr =
      Array.isArray(i.type?.coding) &&
      i.type.coding.some((c) => c?.system === identifierTypeSystem && c?.code === 'MR');
    if (system === own || (typedMr && !caregraphMrnSystem.test(system)))
      out.set(JSON.stringify([system, value]), { system, value });
  }
  return [...out.values()];
}

/** A claim waiting to be written with the next batch of serving records. */
export interface QueuedClaim {
  /** The claiming Patient's line in its file. */
  line: number;
  item: Item & { pk: string; sk: string };
}

const sealedAttribute = 'sealed';
const claimPayload = z.strictObject({
  patient: z.string(),
  identifier: z.string(),
  id: z.string(),
});

/** Strongly consistent reads (and seal openings) of the links in flight at once, per file. */
const lookUpConcurrency = 16;

/** One file's view of the hospital's identifier links (resolutions cached per file). */
export class PatientIdentifiers {
  /** Resolutions by identifier, least recently used first (a Map iterates in insertion order). */
  private readonly resolved = new Map<string, Promise<ResolvedPatient>>();
  private queued: QueuedClaim[] = [];

  constructor(
    private readonly serving: Table,
    private readonly keys: KeyRing,
    private readonly hospital: string,
    private readonly cacheSize = 16_384,
  ) {}

  /**
   * The Patient id a sidecar or CSV row naming `identifier` is stored under: the FHIR Patient that
   * alone claims it, else the id derived from it (with `patient-identifier-claimed-twice` when two or
   * more Patients claim it). An identifier without a system keeps the derived id (no MRN without it).
   */
  resolve: PatientResolver = (identifier) => {
    const { system, value } = identifier;
    if (!system || !value)
      return Promise.resolve({ id: patientIdForIdentifier(this.hospital, identifier) });
    const key = cacheKey(system, value);
    let found = this.recall(key);
    if (!found) {
      found = this.lookUp([{ system, value }]).then(([one]) => one!);
      this.remember(key, found);
    }
    return found;
  };

  /**
   * Resolve together the identifiers of `identifiers` not resolved yet (a chunk of CSV rows'), so
   * `resolve` then answers them from the cache: their reads run a bounded number at a time, and the
   * markers of those nobody claims go in one batch write. Resolves as `resolve` would, one by one.
   */
  async prefetch(identifiers: readonly Identifier[]): Promise<void> {
    const wanted = new Map<string, PatientIdentifier>();
    for (const { system, value } of identifiers) {
      if (!system || !value) continue;
      const key = cacheKey(system, value);
      if (!wanted.has(key) && !this.recall(key)) wanted.set(key, { system, value });
    }
    if (!wanted.size) return;
    const all = this.lookUp([...wanted.values()]);
    [...wanted.keys()].forEach((key, i) =>
      this.remember(
        key,
        all.then((found) => found[i]!),
      ),
    );
    await all;
  }

  /**
   * Queue the claims of a FHIR Patient being stored (`patient` as read, with its own id;
   * `pseudonym` its serving id): written with the next batch (takeClaims), then checked (verify).
   */
  async claim(patient: FhirJson, pseudonym: string, line: number): Promise<void> {
    if (typeof patient.id !== 'string') return;
    for (const identifier of linkableIdentifiers(patient, this.hospital)) {
      const token = await this.token(identifier);
      const payload = { patient: pseudonym, identifier: token, id: patient.id };
      this.queued.push({
        line,
        item: {
          pk: patientIdentifierKeys.partition(this.hospital, token),
          sk: patientIdentifierKeys.claim(pseudonym),
          hospital: this.hospital,
          [sealedAttribute]: await sealPayload(this.keys, this.hospital, payload),
        },
      });
    }
  }

  /** The claims queued since the last call, to write with the serving records. */
  takeClaims(): QueuedClaim[] {
    const claims = this.queued;
    this.queued = [];
    return claims;
  }

  /**
   * After `claims` are written: the warnings of each claiming Patient's line. Another Patient's
   * claim on the identifier: `patient-identifier-claimed-twice`; records stored apart under it
   * before: `patient-identifier-records-apart`.
   */
  async verify(claims: QueuedClaim[]): Promise<{ kind: string; line: number }[]> {
    const found = await mapLimited(claims, lookUpConcurrency, (c) => this.read(c.item.pk));
    return claims.flatMap((claim, i) => {
      const { claims: all, apart } = found[i]!;
      return [
        ...(all.some((c) => c.sk !== claim.item.sk)
          ? [{ kind: patientIdentifierWarnings.claimedTwice, line: claim.line }]
          : []),
        ...(apart ? [{ kind: patientIdentifierWarnings.recordsApart, line: claim.line }] : []),
      ];
    });
  }

  /** A cached resolution, now the most recently used. */
  private recall(key: string): Promise<ResolvedPatient> | undefined {
    const found = this.resolved.get(key);
    if (found) {
      this.resolved.delete(key);
      this.resolved.set(key, found);
    }
    return found;
  }

  /** Cache `found` (a fault is not remembered as an answer); past the bound, the least recently used goes. */
  private remember(key: string, found: Promise<ResolvedPatient>): void {
    this.resolved.delete(key);
    this.resolved.set(key, found);
    for (const oldest of this.resolved.keys()) {
      if (this.resolved.size <= this.cacheSize) break;
      this.resolved.delete(oldest);
    }
    found.catch(() => {
      if (this.resolved.get(key) === found) this.resolved.delete(key);
    });
  }

  /** The resolutions of `identifiers` (distinct), looked up together. */
  private async lookUp(identifiers: PatientIdentifier[]): Promise<ResolvedPatient[]> {
    const tokens = await mapLimited(identifiers, lookUpConcurrency, (i) => this.token(i));
    const pks = tokens.map((token) => patientIdentifierKeys.partition(this.hospital, token));
    const found = await mapLimited(pks, lookUpConcurrency, (pk) => this.read(pk));
    const unclaimed = pks.flatMap((_, i) =>
      found[i]!.claims.length === 0 && !found[i]!.apart ? [i] : [],
    );
    if (unclaimed.length) {
      // Marked before anything is stored under the derived id, then read again: a Patient claiming
      // the identifier meanwhile is either seen now or sees the marker (file comment).
      await this.serving.putMany(
        unclaimed.map((i) => ({
          pk: pks[i],
          sk: patientIdentifierKeys.apart,
          hospital: this.hospital,
        })),
      );
      const again = await mapLimited(unclaimed, lookUpConcurrency, (i) => this.read(pks[i]!));
      unclaimed.forEach((i, j) => (found[i] = again[j]!));
    }
    return mapLimited(identifiers, lookUpConcurrency, async (identifier, i) => {
      const { claims } = found[i]!;
      if (claims.length === 1)
        return { id: await this.open(tokens[i]!, claims[0]!), sentAsFhir: true };
      const id = patientIdForIdentifier(this.hospital, identifier);
      return claims.length > 1 ? { id, warning: patientIdentifierWarnings.claimedTwice } : { id };
    });
  }

  private async read(pk: string): Promise<{ claims: Item[]; apart: boolean }> {
    // A handful of items at most: the claims (one, or a few in conflict) and the marker.
    const page = await this.serving.query({ partition: pk, consistent: true, limit: 25 });
    const claimPrefix = patientIdentifierKeys.claim('');
    return {
      claims: page.items.filter((i) => String(i.sk).startsWith(claimPrefix)),
      apart: page.items.some((i) => i.sk === patientIdentifierKeys.apart),
    };
  }

  /** The claiming Patient's own id, sealed in its claim (checked against the claim's key). */
  private async open(token: string, claim: Item): Promise<string> {
    const pseudonym = String(claim.sk).slice(patientIdentifierKeys.claim('').length);
    const payload = await openPayload(
      this.keys,
      this.hospital,
      pseudonym,
      claim,
      sealedAttribute,
      'patient identifier link',
      claimPayload,
    );
    if (payload.identifier !== token)
      throw new ValidationError(
        'stored patient identifier link belongs to another identifier',
        sealedAttribute,
      );
    return payload.id;
  }

  private token(identifier: PatientIdentifier): Promise<string> {
    return pseudonymousId(
      this.keys,
      this.hospital,
      'Identifier',
      `${identifier.system}|${identifier.value}`,
    );
  }
}

const cacheKey = (system: string, value: string) => JSON.stringify([system, value]);

/**
 * `fn` of each item, at most `limit` at a time, in order. On a fault no further item is started;
 * the first fault is thrown once those in flight have settled.
 */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let fault: { error: unknown } | undefined;
  const worker = async () => {
    while (!fault && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (error) {
        fault ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (fault) throw fault.error;
  return out;
}
