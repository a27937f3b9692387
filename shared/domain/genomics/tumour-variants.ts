// Domain (genomics): actionable tumour findings (gene + alteration) read from VCF records as the
// synthetic generator writes them (INFO GENE, SOMATIC, HGVSP; the ERBB2 amplification as SVTYPE=DUP;
// synth/genomics/vcf.ts) and as annotated germline calls carry them (ClinVar CLNSIG). Genotype ingest
// stores them (tumour-finding-items.ts); the recommendations read them with the findings a record's
// FHIR Observations report (recommend/tumour-findings.ts). ALK fusions have no VCF record, so they are
// found only when an Observation reports them.
import { chromosomeKey } from './assembly';
import type { SampleRoles } from './sample-roles';
import type { VcfRecordResult, VcfVariant } from './vcf-reader';

export interface TumourFinding {
  /** HGNC symbol, e.g. "EGFR". */
  gene: string;
  /** One-letter protein change ("L858R"), "exon 19 deletion", "amplification", "fusion", or "pathogenic". */
  alteration: string;
  germline: boolean;
  source: string;
}

const threeToOne: Readonly<Record<string, string>> = {
  Ala: 'A',
  Arg: 'R',
  Asn: 'N',
  Asp: 'D',
  Cys: 'C',
  Gln: 'Q',
  Glu: 'E',
  Gly: 'G',
  His: 'H',
  Ile: 'I',
  Leu: 'L',
  Lys: 'K',
  Met: 'M',
  Phe: 'F',
  Pro: 'P',
  Ser: 'S',
  Thr: 'T',
  Trp: 'W',
  Tyr: 'Y',
  Val: 'V',
  Ter: '*',
};

/**
 * An alteration as oncology reports write it: HGVS p. three-letter substitutions become one-letter
 * ("p.Leu858Arg" -> "L858R"); EGFR exon 19 in-frame deletions (codons 746-759, HGVS "del"/"delins" in
 * that range) become "exon 19 deletion"; words are kept in lower case.
 */
export function normaliseAlteration(gene: string, text: string): string {
  const t = text.trim().replace(/^p\./, '').replace(/[()]/g, '');
  const sub = /^([A-Z][a-z]{2})(\d+)([A-Z][a-z]{2})$/.exec(t);
  if (sub && threeToOne[sub[1]!] && threeToOne[sub[3]!])
    return `${threeToOne[sub[1]!]}${sub[2]}${threeToOne[sub[3]!]}`;
  if (gene === 'EGFR') {
    const codon = /^[A-Z][a-z]{0,2}(\d+)_[A-Z][a-z]{0,2}\d+del/.exec(t);
    if (/exon ?19 ?del/i.test(t) || (codon && +codon[1]! >= 746 && +codon[1]! <= 759))
      return 'exon 19 deletion';
  }
  if (/amplif/i.test(t)) return 'amplification';
  if (/fusion|rearrang/i.test(t)) return 'fusion';
  return /^[A-Z]\d+[A-Z*]$/.test(t) ? t : t.toLowerCase();
}

function infoString(v: VcfVariant, key: string): string | undefined {
  const value = v.info?.[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
}

/** The sample carries a non-reference allele (any ALT index in GT). */
function carried(v: VcfVariant, column: number): boolean {
  return (v.samples[column]?.alleles ?? []).some((a) => a !== null && a > 0);
}

/**
 * A somatic caller's record without GT (Strelka2's `somatic.snvs.vcf` and `somatic.indels.vcf`:
 * FORMAT `DP:FDP:SDP:SUBDP:AU:CU:GU:TU` and the like, no genotype) read for the sample in a column
 * the header names as the tumour sample: INFO SOMATIC (VCF v4.2 1.6.1 reserved key "the record is a
 * somatic mutation") says the tumour carries the record's ALT allele, so with one ALT allele there
 * is no doubt which. A column the header does not name the tumour sample is never read this way: a
 * normal, or a column Strelka merely labels `TUMOR` (Strelka writes no line naming its samples;
 * `##tumor_sample=` or `##SAMPLE=<ID=TUMOR,SampleName=...>` added by reheadering names it).
 */
function somaticWithoutGenotype(v: VcfVariant, column: number, tumourColumn: boolean): boolean {
  const call = v.samples[column];
  return (
    tumourColumn &&
    call !== undefined &&
    call.alleles.length === 0 &&
    v.info?.SOMATIC !== undefined &&
    v.alts.length === 1
  );
}

/**
 * Germline pathogenic variants recognised by position when the VCF carries no ClinVar annotation:
 * BRCA1 c.68_69del (185delAG) p.Glu23ValfsTer17, ClinVar VCV000017662, GRCh38 chr17:43124027 ACT>A.
 * The chromosome matches as "chr17" or "17" (GRCh38 files are written both ways).
 */
const knownPathogenic = [{ gene: 'BRCA1', chrom: '17', pos: 43124027, ref: 'ACT', alt: 'A' }];

/**
 * FILTER (VCF v4.2 specification 1.6.1 "Fixed fields"): `PASS` when the position passed all filters,
 * otherwise the filters it failed; `.` (read as none) when none were applied. A somatic caller keeps
 * the calls it rejects with the reason there, and two kinds of reason differ:
 * - GATK FilterMutectCalls' `germline` ("Evidence indicates this site is germline, not somatic"),
 *   `normal_artifact` (alt reads in the normal) and `panel_of_normals` (the site is in the panel of
 *   normals) say the allele is not somatic, not that it is absent (GATK 4 Mutect2 docs,
 *   GATKVCFConstants GERMLINE_RISK_FILTER_NAME, ARTIFACT_IN_NORMAL_FILTER_NAME,
 *   PON_FILTER_NAME): they suppress somatic findings only, so BRCA1 185delAG filtered `germline` is a
 *   germline pathogenic finding. Older Mutect2 releases name the same reasons differently, and GDC
 *   VCFs carry them: GATK 3.x MuTect2 and GATK 4.0 `germline_risk`, `alt_allele_in_normal`,
 *   `multi_event_alt_allele_in_normal` (GATKVCFConstants GERMLINE_RISK_FILTER_NAME,
 *   ALT_ALLELE_IN_NORMAL_FILTER_NAME; MuTect2's header) and GATK 4.0 `artifact_in_normal`;
 * - every other filter (`weak_evidence`, `strand_bias`, HaplotypeCaller's `LowQual`, VQSR tranches,
 *   Strelka's `LowGQX`...) says the call itself is doubtful: no finding, somatic or germline.
 */
const notSomaticFilters: ReadonlySet<string> = new Set([
  'germline',
  'normal_artifact',
  'panel_of_normals',
  'germline_risk',
  'alt_allele_in_normal',
  'multi_event_alt_allele_in_normal',
  'artifact_in_normal',
]);

const failed = (v: VcfVariant) => v.filter.filter((f) => f !== 'PASS');

/** The sample role of a VCF column as the header names it (sample-roles.ts), if any. */
export type ColumnRole = 'tumour' | 'normal' | undefined;

/**
 * The tumour finding the sample in VCF column `column` carries on record `v`, if any: a gene's
 * SVTYPE=DUP amplification, a SOMATIC variant with its HGVSP protein change, or a known germline
 * pathogenic variant (by position, or BRCA1/2 with ClinVar CLNSIG). FILTER as `failed` above says:
 * a record that failed a quality filter gives none; one that failed only `germline`,
 * `normal_artifact` or `panel_of_normals` gives no somatic finding (its germline one is kept). `file`
 * names it in `source`. `role` is how the header names the column (sample-roles.ts): a normal
 * sample gives germline findings only (a record it carries is germline, whatever its SOMATIC
 * annotation says: presence in normal tissue is the strongest sign of germline origin); a tumour
 * sample gives its somatic findings from a SOMATIC record without GT too (somaticWithoutGenotype).
 */
export function findingOf(
  v: VcfVariant,
  column: number,
  file: string,
  role?: ColumnRole,
): TumourFinding | undefined {
  const filters = failed(v);
  if (filters.some((f) => !notSomaticFilters.has(f))) return undefined;
  const somatic = role !== 'normal' && filters.length === 0;
  const withoutGenotype = somatic && somaticWithoutGenotype(v, column, role === 'tumour');
  if (!withoutGenotype && !carried(v, column)) return undefined;
  const source = `${file} line ${v.line}`;
  const gene = infoString(v, 'GENE');
  if (somatic && gene && infoString(v, 'SVTYPE') === 'DUP')
    return { gene, alteration: 'amplification', germline: false, source };
  if (somatic && gene && v.info?.SOMATIC !== undefined) {
    const hgvsp = infoString(v, 'HGVSP');
    if (hgvsp)
      return { gene, alteration: normaliseAlteration(gene, hgvsp), germline: false, source };
  }
  // Carried by INFO SOMATIC alone: nothing says the allele is germline.
  if (withoutGenotype) return undefined;
  const known = knownPathogenic.find(
    (k) =>
      k.chrom === chromosomeKey(v.chrom) &&
      k.pos === v.pos &&
      k.ref === v.ref &&
      v.alts.includes(k.alt),
  );
  const clnsig = infoString(v, 'CLNSIG');
  if (
    known ||
    (gene && /^(BRCA1|BRCA2)$/.test(gene) && /^(Likely_)?pathogenic/i.test(clnsig ?? ''))
  )
    return { gene: known?.gene ?? gene!, alteration: 'pathogenic', germline: true, source };
  return undefined;
}

/** How `roles` name `sample`'s column: tumour, normal, or neither (a contradicted column too). */
export function columnRole(roles: SampleRoles | undefined, sample: string): ColumnRole {
  if (roles?.tumour.includes(sample)) return 'tumour';
  if (roles?.normal.includes(sample)) return 'normal';
  return undefined;
}

/**
 * A pass-through over a VCF record stream that collects `sample`'s tumour findings into `found` as
 * records go by, so one read of the file serves the pgx caller too. Without `sample`: the first
 * tumour sample the header names (sample-roles.ts), else the first sample. A sample the header names
 * as the normal sample yields no somatic finding (its germline pathogenic ones are kept); one it
 * names as the tumour sample yields them from SOMATIC records without GT too (findingOf).
 */
export async function* collectTumourFindings(
  records: AsyncIterable<VcfRecordResult>,
  found: TumourFinding[],
  file: string,
  sample?: string,
): AsyncGenerator<VcfRecordResult> {
  let column = 0;
  let role: ColumnRole;
  for await (const record of records) {
    if (record.kind === 'header') {
      const { samples, sampleRoles } = record.header;
      const chosen = sample ?? sampleRoles?.tumour[0];
      const i = chosen === undefined ? 0 : samples.indexOf(chosen);
      column = i < 0 ? 0 : i;
      role = columnRole(sampleRoles, samples[column] ?? '');
    } else if (record.kind === 'variant') {
      const finding = findingOf(record, column, file, role);
      if (finding) found.push(finding);
    }
    yield record;
  }
}
