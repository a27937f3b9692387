// The one source of truth for bucket and table names, keys and indexes.
// The CDK stateful stack (infra/) and the embedded stack (local/) both build from these definitions.
import type { BucketRole } from '../ports/object-store';

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDefinition {
  /** Logical id, used for environment names and CDK construct ids. */
  logicalName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalSecondaryIndexes: IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry, when items expire. */
  timeToLiveAttribute?: string;
}

/** Serving records: patients and their clinical data, keyed per hospital (see shared/domain/serving). */
export const servingTable: TableDefinition = {
  logicalName: 'serving',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    // Patients of one hospital, for paginated listing without scans.
    {
      indexName: 'byHospital',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
    // A patient's observations in time order (effective instant, then id).
    {
      indexName: 'byPatientTime',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
    },
    // Medication reminders due in one UTC minute, sharded (shared/domain/reminders/delivery-keys.ts).
    // Sparse: only reminders and escalation checks still waiting to be delivered carry gsi3pk.
    {
      indexName: 'byDueMinute',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
    },
  ],
  // Only retired markers carry it: superseded genotype calls (shared/domain/genomics/genotype-items.ts).
  timeToLiveAttribute: 'expiresAt',
};

/** Powertools idempotency records: one per processed S3 object version. */
export const idempotencyTable: TableDefinition = {
  logicalName: 'idempotency',
  partitionKey: { name: 'id', type: 'S' },
  globalSecondaryIndexes: [],
  timeToLiveAttribute: 'expiration',
};

/**
 * The audit trail (shared/domain/access/audit.ts): append-only, one partition per hospital and UTC
 * day. The API may put and query; nothing may update or delete (IAM in infra/).
 */
export const auditTable: TableDefinition = {
  logicalName: 'audit',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [],
};

/**
 * The re-identification map (pseudonym -> envelope-encrypted original identifier), kept apart from
 * every copy of the data so that reading the research or serving copies never re-identifies anyone.
 * Written only when building the research copy (structured de-identification); no API route reads it.
 */
export const reidentificationTable: TableDefinition = {
  logicalName: 'reidentification',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [],
};

export const tableDefinitions = [
  servingTable,
  idempotencyTable,
  auditTable,
  reidentificationTable,
] as const;

export const bucketRoles: readonly BucketRole[] = ['raw', 'curated', 'quarantine'];

/** Physical name of a table or bucket for a deployment prefix, e.g. `caregraph-local-serving`. */
export function physicalName(prefix: string, logicalName: string): string {
  return `${prefix}-${logicalName}`.toLowerCase();
}

/** S3 key layout shared by the uploader, the ingest function and the infrastructure. */
export const keyLayout = {
  rawPrefix: 'raw/',
  raw: (hospital: string, batch: string, file: string) => `raw/${hospital}/${batch}/${file}`,
  report: (hospital: string, batch: string, file: string) =>
    `reports/${hospital}/${batch}/${file}.report.json`,
  quarantine: (hospital: string, batch: string, file: string) =>
    `quarantine/${hospital}/${batch}/${file}.ndjson`,
  /**
   * Curated NDJSON of one resource type from one source content (shared/domain/ingest/curated-source.ts:
   * a keyed digest of the file's content and how it was read, not of the upload's ETag).
   */
  curated: (hospital: string, resourceType: string, sourceDigest: string) =>
    `curated/${hospital}/${resourceType}/${sourceDigest}.ndjson`,
  /**
   * A de-identified, envelope-encrypted clinical note (shared/domain/ingest/note-curation.ts), under
   * its patient's pseudonymous id: two patients' notes that share a document id never share an object.
   */
  note: (hospital: string, patientId: string, documentId: string) =>
    `notes/${hospital}/${patientId}/${documentId}.txt.enc`,
  /** Training-ready feature files of one spec version (shared/domain/features). */
  features: (hospital: string, specVersion: string, file: string) =>
    `features/${hospital}/${specVersion}/${file}`,
} as const;

/** Hospital and batch identifiers: lowercase slugs, safe in keys, ARNs and URLs. */
export const identifierPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;
