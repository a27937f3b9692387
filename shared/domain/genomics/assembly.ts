// Domain (genomics): which reference assembly a VCF header's coordinates are on, from its contig lengths, contig `assembly=` tags and `##reference=` line.
//
// Policy: this pipeline stores GRCh38 only. Any GRCh37 evidence rejects the whole file (a liftover is
// needed first; a file is never half-stored). No evidence at all is accepted as 'unknown' with a
// warning, because many callers (and the synthetic writer's older files) omit contig lengths; the
// chr prefix alone is never evidence (GRCh38 files use both "chr1" and "1", and so do GRCh37 ones).

// 1..22, X, Y: the order of the length lists below.
const primaryChromosomes = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y'];

// Source: see chromosomeLengths.
const lengthsBp = {
  GRCh38: [
    248956422, 242193529, 198295559, 190214555, 181538259, 170805979, 159345973, 145138636,
    138394717, 133797422, 135086622, 133275309, 114364328, 107043718, 101991189, 90338345, 83257441,
    80373285, 58617616, 64444167, 46709983, 50818468, 156040895, 57227415,
  ],
  GRCh37: [
    249250621, 243199373, 198022430, 191154276, 180915260, 171115067, 159138663, 146364022,
    141213431, 135534747, 135006516, 133851895, 115169878, 107349540, 102531392, 90354753, 81195210,
    78077248, 59128983, 63025520, 48129895, 51304566, 155270560, 59373566,
  ],
};

/**
 * Primary-assembly chromosome lengths, bp. Source: GRC assembly reports — GRCh38.p14
 * (GCF_000001405.40_GRCh38.p14_assembly_report.txt) and GRCh37.p13
 * (GCF_000001405.25_GRCh37.p13_assembly_report.txt), column Sequence-Length; patches do not change
 * chromosome lengths. chrM/MT is left out: both builds use the 16569 bp rCRS (hg19's chrM, 16571 bp,
 * is a different sequence), so it cannot tell them apart.
 */
export const chromosomeLengths: Readonly<
  Record<'GRCh38' | 'GRCh37', Readonly<Record<string, number>>>
> = {
  GRCh38: Object.fromEntries(primaryChromosomes.map((c, i) => [c, lengthsBp.GRCh38[i]!])),
  GRCh37: Object.fromEntries(primaryChromosomes.map((c, i) => [c, lengthsBp.GRCh37[i]!])),
};

export type Assembly = 'GRCh38' | 'GRCh37' | 'unknown';

export interface ContigInfo {
  id: string;
  /** Declared length, bp. */
  length?: number;
  /** The contig line's `assembly=` tag, as written. */
  assembly?: string;
}

export interface AssemblyEvidence {
  assembly: Assembly;
  /** What decided it, in words safe to show (header metadata only, never data values). */
  evidence?: string;
}

/** "chr1", "1", "CHR1" -> "1"; "chrX" -> "X"; anything else unchanged but for the prefix. */
export function chromosomeKey(chrom: string): string {
  const bare = chrom.replace(/^chr/i, '');
  const upper = bare.toUpperCase();
  return upper === 'X' || upper === 'Y' || upper === 'M' || upper === 'MT' ? upper : bare;
}

// GenBank GCA_000001405.1-.14 and RefSeq GCF_000001405.13-.25 are GRCh37 and its patches; from .15
// (GCA, the GRCh38 analysis sets) and .26 (GCF) on they are GRCh38 (NCBI Assembly records).
function accessionAssembly(text: string): Assembly {
  const match = /GC([AF])_000001405\.(\d+)/i.exec(text);
  if (!match) return 'unknown';
  const version = Number(match[2]);
  if (match[1]!.toUpperCase() === 'A') return version >= 15 ? 'GRCh38' : 'GRCh37';
  if (version >= 26) return 'GRCh38';
  return version >= 13 ? 'GRCh37' : 'unknown';
}

/** The assembly a reference name or file name denotes: GRCh37, hg19, b37, hs37d5, human_g1k_v37.fasta... */
export function assemblyFromName(name: string): Assembly {
  const byAccession = accessionAssembly(name);
  if (byAccession !== 'unknown') return byAccession;
  if (
    /grch38|hg38|ncbi38|(?:^|[^a-z0-9])b38(?:[^a-z0-9]|$)|hs38|homo_sapiens_assembly38/i.test(name)
  )
    return 'GRCh38';
  if (
    /grch37|hg19|ncbi37|(?:^|[^a-z0-9])b37(?:[^a-z0-9]|$)|hs37|g1k_v37|homo_sapiens_assembly19/i.test(
      name,
    )
  )
    return 'GRCh37';
  return 'unknown';
}

/** The assembly a contig's declared length matches, if it is a primary chromosome of one of them. */
export function assemblyFromContigLength(id: string, length: number): Assembly {
  const key = chromosomeKey(id);
  const in38 = chromosomeLengths.GRCh38[key] === length;
  const in37 = chromosomeLengths.GRCh37[key] === length;
  if (in38 === in37) return 'unknown';
  return in38 ? 'GRCh38' : 'GRCh37';
}

function contigEvidence(contigs: readonly ContigInfo[]): AssemblyEvidence[] {
  const found: AssemblyEvidence[] = [];
  for (const contig of contigs) {
    if (contig.length !== undefined) {
      const assembly = assemblyFromContigLength(contig.id, contig.length);
      if (assembly !== 'unknown')
        found.push({ assembly, evidence: `contig ${contig.id} length ${contig.length}` });
    }
    if (contig.assembly !== undefined) {
      const assembly = assemblyFromName(contig.assembly);
      if (assembly !== 'unknown')
        found.push({ assembly, evidence: `contig ${contig.id} assembly ${contig.assembly}` });
    }
  }
  return found;
}

/**
 * Decide the assembly of a header from its `##reference=` value, contig lines and `##assembly=`
 * value. GRCh37 evidence anywhere wins over GRCh38 evidence (a file mixing both cannot be stored
 * safely); no evidence gives 'unknown'. `##assembly=` is the URL of breakpoint assemblies in the VCF
 * v4.2 specification (1.4.6 "Assembly field format"), but some exports write the build there
 * (`##assembly=GRCh37`): a value naming a build is evidence, any other value none.
 */
export function detectAssembly(
  reference: string | undefined,
  contigs: readonly ContigInfo[],
  assemblyLine?: string,
): AssemblyEvidence {
  const found = contigEvidence(contigs);
  for (const [key, value] of [
    ['reference', reference],
    ['assembly', assemblyLine],
  ] as const) {
    if (value === undefined) continue;
    const assembly = assemblyFromName(value);
    if (assembly !== 'unknown') found.push({ assembly, evidence: `##${key}=${value}` });
  }
  return (
    found.find((e) => e.assembly === 'GRCh37') ??
    found.find((e) => e.assembly === 'GRCh38') ?? { assembly: 'unknown' }
  );
}
