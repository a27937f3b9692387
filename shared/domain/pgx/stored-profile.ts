// Use case (pgx): a patient's pharmacogenomic profile from the genotype calls stored at ingest
// (encrypted; genomics/stored-genotypes.ts), built as `caregraph pgx` builds it from a VCF: the same
// genotype reading rules as vcf-genotypes.ts (GT indices to bases; a haploid or partly missing GT is a
// no-call; records at one position merge as a split multi-allelic site, collapse as a duplicate, or
// make the position a no-call when they contradict each other), then pgxProfile, which reports missing
// positions and never assumes reference. Outside calls (CYP2D6, HLA-A, HLA-B) are not stored by
// ingest, so they are "not tested".
//
// Several files for one patient (positionGenotypesOf): records merge only within one file (the file
// each call was stored from, genotype-items.ts `file`), and for each gene the calls of the latest file
// (by `uploadedAt`, the raw object's upload time, not when it was ingested: a re-delivered event for
// an older file must not make it the latest) replace every earlier file's calls for that gene, so a
// corrected file undoes the call it corrects and two files never pool their alleles. Each file's
// calls are stored under keys of their own (genotype-items.ts), so an older file ingested again never
// overwrites a later one's. Items stored by 3643b74 carry `storedAt` (ingest start) instead, read as
// the upload time. Items stored before the file was
// kept read as one file older than any other; two of them at one position with the same VCF line
// must come from different files whose order is unknown, so that position is a no-call with a warning.
// Two items of one file (same `file`) at one line with the same call are one record stored twice
// (a lower-case VCF stored under raised-base keys, then under its bases as written: genotype-items.ts
// genotypeSite) and read once.
// Phase: a stored call keeps whether its GT was phased and its FORMAT/PS (genotype-items.ts), so a
// phased file's stored calls are matched haplotype by haplotype exactly as `caregraph pgx` matches the
// VCF (TPMT *3B and *3C in trans: *3B/*3C). Items stored before phase was kept read as unphased, even
// when their GT is written "0|1": without PS their phase sets are unknown.
// Superseded files' calls are retired once the latest file's are stored (genomics/
// superseded-genotypes.ts); until then, and for any left behind, the latest-file rule above applies.
import { callSourceOf, isLaterFile, type StoredGenotype } from '../genomics/genotype-items';
import { storedPharmacogeneCalls, type StoredGenotypeDeps } from '../genomics/stored-genotypes';
import { trackedHlaAlleles } from './outside-calls';
import { incompleteCallWarnings, pgxProfile, type PgxProfile } from './profile';
import type { PositionGenotype } from './sample-genotypes';
import { heldGenotypes, holdRecord, noCallAt, type Held } from './vcf-genotypes';

export interface PatientPgx {
  patient: string;
  /** False when no VCF of the patient has been ingested: no profile, every gene untested. */
  genotyped: boolean;
  /** The profile (ten VCF genes, each with its missing positions); absent when not genotyped. */
  profile?: PgxProfile;
  /** Genes with no stored call at all: the outside-call genes, and VCF genes with no typed position. */
  notTested: string[];
  /**
   * Records at one position that could not be merged (the position is then a no-call), and each gene
   * whose call depends on positions missing from the stored genotypes (profile.ts: its phenotype is
   * Indeterminate), naming the gene and the positions.
   */
  warnings: string[];
}

/** Genes CPIC keys on that only outside calls provide (never stored by VCF ingest). */
export const outsideOnlyGenes: readonly string[] = ['CYP2D6', ...Object.keys(trackedHlaAlleles)];

/** The two alleles of a stored call as bases; null for a no-call, haploid or unreadable GT. */
function allelesOf(call: StoredGenotype): readonly [string, string] | null {
  const indices = call.gt.split(/[/|]/);
  if (indices.length !== 2 || indices.some((i) => !/^\d+$/.test(i))) return null;
  const bases = [call.ref, ...(call.alt === '.' ? [] : call.alt.split(','))];
  const [a, b] = indices.map((i) => bases[Number(i)]);
  return a !== undefined && b !== undefined ? [a, b] : null;
}

/** The file a stored call came from ("" for items stored before files were kept: the oldest). */
const fileOf = (call: StoredGenotype) => callSourceOf(call).file;

/**
 * For each gene, the file whose calls are read: the latest by upload time (ties, e.g. two uploads in
 * one second of S3's LastModified, by file id, so the choice is stable); with a warning per gene
 * whose earlier files' calls were replaced.
 */
function latestFiles(calls: readonly StoredGenotype[]): {
  chosen: Map<string, string>;
  warnings: string[];
} {
  const uploadedAt = new Map<string, string>();
  for (const c of calls) {
    const { file: f, at } = callSourceOf(c);
    if ((uploadedAt.get(f) ?? '') <= at) uploadedAt.set(f, at);
  }
  const newer = (a: string, b: string) =>
    isLaterFile({ file: a, at: uploadedAt.get(a)! }, { file: b, at: uploadedAt.get(b)! });
  const filesOf = new Map<string, Set<string>>();
  for (const c of calls) {
    const gene = c.gene ?? '~';
    filesOf.set(gene, (filesOf.get(gene) ?? new Set()).add(fileOf(c)));
  }
  const chosen = new Map<string, string>();
  const warnings: string[] = [];
  for (const [gene, files] of [...filesOf].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const latest = [...files].reduce((a, b) => (newer(b, a) ? b : a));
    chosen.set(gene, latest);
    if (files.size > 1)
      warnings.push(
        `${gene}: calls from ${files.size - 1} earlier genotype file(s) replaced by the latest file's`,
      );
  }
  return { chosen, warnings };
}

/**
 * `calls` with each call stored twice from one file kept once: the same file, line, position and
 * call (bases as read, GT, phase). Only a lower-case VCF stored keyed by its raised bases (80e70f7
 * until genotype-items.ts keyed calls by the bases as written) and stored before or since under its
 * bases as written has such twins; read as two, the same line twice would make the position a
 * no-call (file comment). Items without `file` are left as they are: two of those at one line are
 * two files.
 */
function onceEach(calls: readonly StoredGenotype[]): StoredGenotype[] {
  const seen = new Set<string>();
  return calls.filter((c) => {
    if (!c.file) return true;
    const call = [c.file, c.line, c.chrom, c.pos, c.ref, c.alt, c.gt, c.phased, c.phaseSet];
    const key = JSON.stringify(call);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Stored calls (any order, any files) as the per-position genotypes pgxProfile reads: for each gene
 * the latest file's calls only (file comment), records at one position merged in VCF line order
 * (vcf-genotypes.ts mergeRecords), as the VCF reader meets them.
 */
export function positionGenotypesOf(calls: readonly StoredGenotype[]): {
  genotypes: PositionGenotype[];
  warnings: string[];
} {
  const { chosen, warnings } = latestFiles(calls);
  const held = new Map<string, Held>();
  const lines = new Map<string, Set<number>>();
  const kept = onceEach(calls.filter((c) => chosen.get(c.gene ?? '~') === fileOf(c)));
  for (const call of [...kept].sort((a, b) => a.line - b.line)) {
    const key = `${call.chrom}:${call.pos}`;
    const alleles = allelesOf(call);
    const next: Held = {
      chrom: call.chrom,
      pos: call.pos,
      ref: call.ref,
      alts: call.alt === '.' ? [] : call.alt.split(','),
      alleles,
      // As vcf-genotypes.ts heldOf reads a phased GT; an item stored without `phased` is unphased.
      ...(call.phased && alleles ? { phased: true as const } : {}),
      ...(call.phased && alleles && call.phaseSet !== undefined ? { phaseSet: call.phaseSet } : {}),
    };
    const seen = lines.get(key) ?? new Set<number>();
    // One line holds one record: the same line twice is two files (items without `file`).
    if (seen.has(call.line)) noCallAt(held, key, call.line, warnings);
    else holdRecord(held, next, call.line, warnings);
    lines.set(key, seen.add(call.line));
  }
  return { genotypes: heldGenotypes(held), warnings };
}

/**
 * The PGx profile of pseudonymous `patient` of `hospital` from their stored, encrypted genotype
 * calls. Throws ValidationError when a stored envelope fails authentication.
 */
export async function storedPgxProfile(
  deps: StoredGenotypeDeps,
  hospital: string,
  patient: string,
): Promise<PatientPgx> {
  const calls = await storedPharmacogeneCalls(deps, hospital, patient);
  if (calls.length === 0) {
    const notTested = [...pgxProfile([]).genes.map((g) => g.gene), ...outsideOnlyGenes].sort();
    return { patient, genotyped: false, notTested, warnings: [] };
  }
  const { genotypes, warnings } = positionGenotypesOf(calls);
  const profile = pgxProfile(genotypes);
  const untyped = profile.genes.filter((g) => g.phenotype === 'No Result').map((g) => g.gene);
  return {
    patient,
    genotyped: true,
    profile,
    notTested: [...untyped, ...outsideOnlyGenes].sort(),
    warnings: [...warnings, ...incompleteCallWarnings(profile)],
  };
}
