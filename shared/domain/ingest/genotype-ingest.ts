// Domain (ingest): VCF genotypes become per-patient genotype records (not FHIR): every call at a
// pharmacogene's allele-defining position (reference calls too, so later star-allele calling knows
// which positions were tested), and every non-reference call elsewhere. The VCF sample name is the
// hospital's patient id, pseudonymised like every other id. Like NDJSON, a VCF is checkpointed every N
// data lines on a line boundary, and a retry resumes after the last checkpoint.
// Each call is stored envelope-encrypted under the hospital's key with an opaque site in its key
// (genomics/genotype-items.ts), so a table dump reveals no genotype; the curated NDJSON copy (in the
// KMS-encrypted curated bucket, for research extracts) keeps the plain, pseudonymised record.
// Tumour findings are stored beside the calls, keyed by the file (genomics/tumour-finding-items.ts):
// a sample column the header names as a tumour sample (genomics/sample-roles.ts: `##tumor_sample=`,
// `##SAMPLE=<ID=TUMOR,SampleName=...>`, a `##SAMPLE` line with a Tumor genome) stores, under that
// column's patient, a marker saying the file is its tumour file, so a corrected tumour VCF with no
// somatic finding left still retracts the earlier one's. An INFO SOMATIC declaration alone does not
// (caregraph's own VCF writer declares it in every VCF, a PGx panel's too). A column named as the
// normal sample (`##normal_sample=`, `##SAMPLE=<ID=NORMAL,...>`) never stores a somatic finding, so it
// never becomes its patient's tumour file; its germline pathogenic findings are stored (a record it
// carries is germline, whatever its SOMATIC annotation). A column named both ways is neither, and
// counted in the report under `sample-role-contradicts` (the #CHROM line; no names).
// Each sample column is its own patient, a tumour/normal pair's two columns too (sample names are
// patient ids, and nothing in the file ties two columns to one person), so each column's calls at the
// pharmacogene positions are stored under its own patient; the normal column's are its germline
// genotype. (`caregraph pgx --vcf`, which reads one column, reads the normal one: pgx/vcf-genotypes.ts.)
// gVCF reference blocks: a block covering pharmacogene defining positions stores the block's call at
// each of them, with the definition's REF base (genomics/reference-blocks.ts), so a later star-allele
// call sees them typed; a filtered block stores nothing.
// Records without GT (a somatic caller's, Strelka2's `somatic.snvs.vcf`): their genotypes cannot be
// read; each is counted in the report under `vcf-records-without-gt` (its line among the first
// lines), and a SOMATIC one still yields its finding for a column the header names as the tumour
// sample (genomics/tumour-variants.ts findingOf).
import type { Item } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import { readVcf, type VcfHeaderInfo, type VcfVariant } from '../genomics/vcf-reader';
import { genotypeRecords, type GenotypeRecord } from '../genomics/genotype-records';
import { genotypeSite, sealGenotypeItem, type GenotypeSource } from '../genomics/genotype-items';
import { sealTumourFileItem, sealTumourFindingItem } from '../genomics/tumour-finding-items';
import { columnRole, findingOf } from '../genomics/tumour-variants';
import type { SampleRoles } from '../genomics/sample-roles';
import { referenceBlockSites } from '../genomics/reference-blocks';
import type { ResourceProjector } from '../serving/resource-projection';
import type { NumberedLine } from './lines';
import type { SourceRecord } from './source-record';

export interface GenotypeSink {
  /** Store `item`, and `curatedLine` in the curated copy when given. */
  store(item: Item, curatedLine?: string): Promise<void>;
  reject(record: SourceRecord): Promise<void>;
  counted(n: number): void;
  /** A caveat of the whole file (its header), reported under `kind` at `line`. */
  warn?(kind: string, line: number): void;
  /**
   * Each sample of the header as its pseudonymous patient id (again on a resumed run, which reads the
   * header again): the patients whose superseded calls are retired once the file is stored.
   */
  patient?(patient: string): void;
}

/** Where a VCF run starts and how it makes its progress durable (see checkpoint.ts). */
export interface GenotypeCheckpoints {
  /** The last line stored by an earlier run that failed (0 for a first run). */
  resumeAfterLine: number;
  /** Data lines between checkpoints. */
  every: number;
  /** Make everything up to `line` durable (flush, complete the segment, save the position). */
  save(line: number): Promise<void>;
}

const noCheckpoints: GenotypeCheckpoints = {
  resumeAfterLine: 0,
  every: Number.POSITIVE_INFINITY,
  save: async () => undefined,
};

/**
 * Stream a VCF into genotype items; returns the number of genotype records stored by this run. Every
 * `checkpoints.every` data lines (each stored whole: all its samples' calls), `checkpoints.save` is
 * called with the last line done; a run resuming after line L reads the header again but skips the
 * data lines up to L unparsed. `source` (the file and when it was uploaded) is kept with each call
 * and keys it (genotype-items.ts), so the reader merges records within one file and lets a later
 * file replace an earlier, whatever order the files' events arrive in.
 */
export async function ingestGenotypes(
  lines: AsyncIterable<NumberedLine>,
  file: string,
  hospital: string,
  batch: string,
  keys: KeyRing,
  projector: ResourceProjector,
  sink: GenotypeSink,
  checkpoints: GenotypeCheckpoints = noCheckpoints,
  source?: GenotypeSource,
): Promise<number> {
  let stored = 0;
  let read = 0;
  const resumed = checkpoints.resumeAfterLine;
  let done = resumed;
  let assembly: VcfHeaderInfo['assembly'] = 'unknown';
  // The line readVcf read last: when it yields the header, the #CHROM line that ended it.
  const position = { line: 0 };
  // The roles the header names its columns in: a normal column gives germline findings only, a
  // tumour column stores the tumour-file marker and reads SOMATIC records without GT.
  let roles: SampleRoles | undefined;
  for await (const result of readVcf(afterLine(lines, resumed, position), file)) {
    if (result.kind === 'header') {
      assembly = result.header.assembly;
      roles = result.header.sampleRoles;
      for (const sample of result.header.samples) {
        const patient = await projector.pseudonym('Patient', sample);
        sink.patient?.(patient);
        // Its tumour file (file comment): the marker, again on a resumed run (the same item).
        if (columnRole(roles, sample) === 'tumour' && source)
          await sink.store(await sealTumourFileItem(keys, { hospital, batch }, patient, source));
      }
      // A resumed run reads the header again; its warnings are in the report it restored.
      if (resumed === 0) {
        for (const kind of headerWarnings(result.header)) sink.warn?.(kind, position.line);
        // A tumour sample the columns do not hold: nothing of it is stored, nothing retracted.
        for (let i = 0; i < (roles?.tumourNotAColumn ?? 0); i++)
          sink.warn?.('tumour-sample-not-a-column', position.line);
        // A column named both tumour and normal (by ID or SampleName): read as neither, said once each.
        for (let i = 0; i < (roles?.contradictions ?? 0); i++)
          sink.warn?.('sample-role-contradicts', position.line);
      }
      continue;
    }
    // Stored by the earlier run ('#' lines among the data come back with the header lines).
    if (resumed > 0 && result.line <= resumed) continue;
    if (read > 0 && read % checkpoints.every === 0) await checkpoints.save(done);
    read++;
    done = result.line;
    if (result.kind === 'error') {
      await sink.reject({
        line: result.line,
        path: result.path,
        error: result.error,
        raw: result.raw ?? '',
      });
      continue;
    }
    // No GT (file comment): the genotypes are not read, said per record.
    if (withoutGenotypes(result)) sink.warn?.('vcf-records-without-gt', result.line);
    const to = { hospital, batch, keys, projector, assembly, source, roles };
    for (const site of referenceBlockSites(result) ?? [result])
      stored += await storeVariant(site, to, sink);
    sink.counted(1);
  }
  return stored;
}

/**
 * The report warnings of a VCF header (vcf-reader.ts `warnings`): `assembly-unknown` when it states
 * no assembly (its positions are read as GRCh38; vcf-reader.ts puts that warning first), any other
 * as `vcf-header: {warning}`.
 */
function headerWarnings(header: VcfHeaderInfo): string[] {
  const unknown = header.assembly === 'unknown';
  return header.warnings.map((warning, i) =>
    unknown && i === 0 ? 'assembly-unknown' : `vcf-header: ${warning}`,
  );
}

/**
 * The header lines, then the data lines after `line` (those up to it were stored by an earlier run);
 * `position.line` is the line yielded last.
 */
async function* afterLine(
  lines: AsyncIterable<NumberedLine>,
  line: number,
  position: { line: number },
): AsyncGenerator<NumberedLine> {
  for await (const next of lines) {
    if (next.line > line || (!next.oversized && next.text.startsWith('#'))) {
      position.line = next.line;
      yield next;
    }
  }
}

/** True when the record has sample columns but FORMAT has no GT: no sample's genotype is read. */
const withoutGenotypes = (variant: VcfVariant): boolean =>
  variant.samples.length > 0 && variant.samples.every((call) => call.alleles.length === 0);

/** Stores the genotype records of one data line (or one site a reference block covers); returns how many. */
async function storeVariant(
  variant: VcfVariant,
  to: {
    hospital: string;
    batch: string;
    keys: KeyRing;
    projector: ResourceProjector;
    assembly: VcfHeaderInfo['assembly'];
    source?: GenotypeSource | undefined;
    /** The roles the header names its columns in (file comment). */
    roles: SampleRoles | undefined;
  },
  sink: GenotypeSink,
): Promise<number> {
  let stored = 0;
  for (const [column, record] of genotypeRecords(variant).entries()) {
    const call =
      record.gene !== undefined || (record.zygosity !== 'hom-ref' && record.zygosity !== 'no-call');
    // An actionable tumour finding (ERBB2 amplification, EGFR L858R...) is kept beside the call, so
    // the recommendations read it without the off-target calls, and keyed by the file, so a later
    // file's findings replace it (genomics/tumour-finding-items.ts).
    // A normal sample's somatic-looking call is not its tumour's: germline findings only (file comment).
    const finding = findingOf(variant, column, 'VCF', columnRole(to.roles, record.sample));
    if (!call && !finding) continue;
    const patient = await to.projector.pseudonym('Patient', record.sample);
    if (call) {
      const genotype = { ...genotypeBody(record, to.assembly), patient: `Patient/${patient}` };
      const item = await sealGenotypeItem(to.keys, to, patient, record, variant.line, to.source);
      await sink.store(item, JSON.stringify(genotype));
      stored++;
    }
    if (finding) {
      const site = genotypeSite(record);
      await sink.store(
        await sealTumourFindingItem(to.keys, to, patient, finding, site, variant.line, to.source),
      );
    }
  }
  return stored;
}

/**
 * The curated copy of one call. `assembly` is what the header stated (`GRCh38`), or `unknown` when it
 * stated none: the positions are then read as GRCh38 (GRCh37 files are rejected), but nothing vouches
 * for it. (Nothing in caregraph reads the field yet; a consumer that needs GRCh38 must check it.)
 */
function genotypeBody(r: GenotypeRecord, assembly: VcfHeaderInfo['assembly']) {
  return {
    resourceType: 'Genotype',
    assembly,
    chrom: r.chrom,
    pos: r.pos,
    ref: r.ref,
    alt: r.alt,
    gt: r.gt,
    zygosity: r.zygosity,
    ...(r.gene ? { gene: r.gene } : {}),
  };
}
