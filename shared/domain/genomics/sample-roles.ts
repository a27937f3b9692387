// Domain (genomics): which sample columns a VCF header names as a tumour sample and which as a normal
// (germline) sample, the way somatic callers write it. A VCF's sample column is a patient (the column
// name is the hospital's patient id, pseudonymised at ingest: ingest/genotype-ingest.ts), so a role
// is always resolved to a column name, never to any other name the header gives the sample.
//
// Forms read (each one line; @gmod/vcf keeps no order of repeated meta lines, so the lines are read
// here as written):
// - `##tumor_sample=NAME`, `##normal_sample=NAME`: GATK 4 Mutect2 (Mutect2Engine
//   TUMOR_SAMPLE_KEY_IN_VCF_HEADER "tumor_sample", NORMAL_SAMPLE_KEY_IN_VCF_HEADER "normal_sample";
//   one line per sample; introduced by broadinstitute/gatk-protected#858, gatk issue #2291, 2017).
// - `##SAMPLE=<ID=TUMOR,SampleName=NAME,...>`, `##SAMPLE=<ID=NORMAL,SampleName=NAME,...>`: GATK 3.x
//   MuTect2 and the GATK 4.0 betas before that change (TCGA/GDC Mutect2 VCFs carry it, e.g.
//   `##SAMPLE=<ID=NORMAL,SampleName=TCGA-06-0221-10A-01D-1491-08,File=...>`), and other callers'
//   output reheadered by bcftools (Strelka, VarDict pipelines). The ID is the caller's label
//   (TUMOR/TUMOUR or NORMAL, any case) and SampleName the read group's sample (SM); the #CHROM column
//   holding it is named either way (GATK 3 wrote `TUMOR`/`NORMAL`, gatk issue #2291), so the column is
//   the one named by the ID, else the one named by SampleName.
// - `##SAMPLE=<ID=NAME,Genomes=Germline;Tumor,...>`: VCF v4.2 specification section 1.4.8 "Sample
//   field format" (`Genomes=G1_ID;G2_ID;...`, its example `Genomes=Germline;Tumor`): a tumour sample
//   when one of its genomes is `Tumor` (or `Tumour`, any case).
// A column named both the tumour and the normal sample, by whichever of a declaration's names
// (`##tumor_sample=P1` with `##normal_sample=P1`; a GATK 3 header whose TUMOR and NORMAL lines carry
// one SampleName, the read group's SM, when the columns are named neither TUMOR/NORMAL nor by the
// IDs) is neither: the header contradicts itself, so nothing in it says which the column is, and the
// column is read as if no line named it (its somatic findings stored, no tumour-file marker; before,
// it was read as the normal and its somatic findings were dropped). So a SampleName reaches a column
// for a role only when no declaration of the other role reaches it too; two declarations of one role
// agree. Each such column is counted (`contradictions`, reported by ingest as
// `sample-role-contradicts`, without names).
// An INFO SOMATIC declaration names no sample: caregraph's own VCF writer declares it in every VCF.

export type SampleRole = 'tumour' | 'normal';

/** One header line's role declaration: the names a column holding that sample may have, in order. */
export interface SampleRoleDeclaration {
  role: SampleRole;
  /** The name to look for first (`##tumor_sample` value, the `##SAMPLE` ID), then SampleName. */
  names: string[];
}

/** The roles a header gives its sample columns (column names, never other names). */
export interface SampleRoles {
  /** Columns named as tumour samples and never as normal samples, in column order. */
  tumour: string[];
  /** Columns named as normal samples and never as tumour samples, in column order. */
  normal: string[];
  /** Columns named both the tumour and the normal sample (file comment): they have no role. */
  contradictions: number;
  /**
   * Tumour samples declared (once each, however many lines repeat them) none of whose names is a
   * column: nothing of them is stored or retracted.
   */
  tumourNotAColumn: number;
}

const isTumourLabel = (id: string) => /^tumou?r$/i.test(id);
const isNormalLabel = (id: string) => /^normal$/i.test(id);

/** The key=value pairs of a structured meta line's `<...>` body (commas inside quotes kept). */
function structuredFields(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [, key, quoted, bare] of body.matchAll(/([^=,]+)=(?:"((?:[^"\\]|\\.)*)"|([^,]*))/g))
    fields.set(key!.trim(), (quoted ?? bare ?? '').trim());
  return fields;
}

/**
 * The role one header line declares for a sample (file comment), or undefined for any other line.
 */
export function sampleRoleDeclared(text: string): SampleRoleDeclaration | undefined {
  const mutect = /^##(tumor|normal)_sample=(.*)$/.exec(text.trimEnd());
  if (mutect) {
    const name = mutect[2]!.trim();
    if (!name) return undefined;
    return { role: mutect[1] === 'tumor' ? 'tumour' : 'normal', names: [name] };
  }
  const sample = /^##SAMPLE=<(.*)>\s*$/.exec(text);
  if (!sample) return undefined;
  const fields = structuredFields(sample[1]!);
  const id = fields.get('ID');
  if (!id) return undefined;
  const sampleName = fields.get('SampleName');
  const names = sampleName && sampleName !== id ? [id, sampleName] : [id];
  if (isNormalLabel(id)) return { role: 'normal', names };
  if (isTumourLabel(id)) return { role: 'tumour', names };
  const genomes = (fields.get('Genomes') ?? '').split(';').map((g) => g.trim().toLowerCase());
  if (genomes.some((g) => g === 'tumor' || g === 'tumour')) return { role: 'tumour', names };
  return undefined;
}

/**
 * Resolve the role declarations of `headerLines` against the header's sample `columns`: each
 * declaration names the column called by its first name, else by its second (SampleName). A column
 * named both ways, whichever name reached it, has no role (file comment).
 */
export function sampleRoles(
  headerLines: Iterable<string>,
  columns: readonly string[],
): SampleRoles {
  const present = new Set(columns);
  const tumour = new Set<string>();
  const normal = new Set<string>();
  const unmatched = new Set<string>();
  for (const text of headerLines) {
    if (!text.startsWith('##')) continue;
    const declared = sampleRoleDeclared(text);
    if (!declared) continue;
    const column = declared.names.find((name) => present.has(name));
    if (column === undefined) {
      if (declared.role === 'tumour') unmatched.add(declared.names.join('\u0000'));
      continue;
    }
    (declared.role === 'tumour' ? tumour : normal).add(column);
  }
  return {
    tumour: columns.filter((c) => tumour.has(c) && !normal.has(c)),
    normal: columns.filter((c) => normal.has(c) && !tumour.has(c)),
    tumourNotAColumn: unmatched.size,
    contradictions: columns.filter((c) => tumour.has(c) && normal.has(c)).length,
  };
}
