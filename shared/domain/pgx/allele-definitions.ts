// Domain (pgx): the allele-definition table for ten pharmacogenes — the GRCh38 positions that define
// each star (named) allele and the allele each named allele requires there. Both the synthetic-genome
// generator and the star-allele caller read this one table, so a VCF written by one is called exactly
// by the other.
//
// Source: PharmCAT allele definitions, PharmGKB/PharmCAT @ 5431bf11,
// src/main/resources/org/pharmgkb/pharmcat/definition/alleles/<GENE>_translation.json (formatVersion 2,
// source CLINPGX, data version 2025-11-05-00-25, genome build GRCh38.p14), which PharmCAT derives from
// the CPIC allele definition tables. Encoded in allele-definitions.data.ts; checked cell by cell against
// the JSON by allele-definitions.pharmcat.test.ts when ../shared/data is present.
//
// Every named allele in those ten files is included: all are SNVs or small indels at listed positions
// (no row is flagged structuralVariant). Left out, because PharmCAT's files do not carry them:
// - structural alleles that no single position can define: CYP2C19*36 (whole-gene deletion) and *37
//   (partial deletion), CYP2B6*29 and *30 (CYP2B6/CYP2B7 hybrids);
// - gaps in the star numbering (e.g. CYP2B6*16, CYP2C19*20, *21, *27) are alleles PharmVar retired or
//   merged, or CPIC does not list; UGT1A1*60 is absent from CPIC's UGT1A1 table (see its Notes tab);
// - CYP2C9 rs12777823, which PharmCAT reports as an extra position (exemptions.json) but which defines
//   no named allele.
// SLCO1B1*45 is a hidden core allele in the file; its sub-alleles *45.001 and *45.002 are listed here
// and PharmCAT reports either as *45 (the file's suballelesMap).
import { InternalError, ValidationError } from '../errors';
import { rawGeneTables, type RawAllele, type RawGeneTable } from './allele-definitions.data';

export { pharmcatCommit, pharmcatDataVersion } from './allele-definitions.data';

export const pgxGenes = [
  'CYP2B6',
  'CYP2C19',
  'CYP2C9',
  'CYP3A5',
  'DPYD',
  'NUDT15',
  'SLCO1B1',
  'TPMT',
  'UGT1A1',
  'VKORC1',
] as const;

export type PgxGene = (typeof pgxGenes)[number];

/** One allele-defining position, in VCF terms on the GRCh38 forward strand. */
export interface DefiningPosition {
  /** UCSC-style name as PharmCAT expects it, e.g. "chr10". */
  chrom: string;
  /** VCF POS, 1-based GRCh38; an indel's POS is its padding base, as in PharmCAT's files. */
  pos: number;
  rsid: string | null;
  ref: string;
  /** All alternate alleles PharmCAT knows at this position (multi-allelic sites have several). */
  alts: readonly string[];
  /** PharmCAT's chromosomeHgvsName, e.g. "g.94781859G>A" or the TA-repeat notation for UGT1A1. */
  hgvs: string;
}

export interface NamedAlleleDefinition {
  /** Name as PharmCAT reports it: "*2", "c.1905+1G>A (*2A)", "rs9923231 variant (T)". */
  name: string;
  /** PharmGKB accession of the haplotype. */
  pharmgkbId: string;
  /** The gene's reference row (GRCh38's own haplotype; CYP2C19*38, not *1). */
  reference: boolean;
  /**
   * The allele required at each specified position, keyed by POS. A position that is absent takes the
   * reference row's allele (PharmCAT's blank cell). IUPAC codes accept either base.
   */
  alleles: Readonly<Record<number, string>>;
  /** PharmCAT's score: how many positions the row specifies (the reference row specifies all). */
  score: number;
}

export interface GeneDefinition {
  gene: PgxGene;
  chrom: string;
  /** Sorted by position. */
  positions: readonly DefiningPosition[];
  /** In PharmCAT's order; the reference row first. */
  namedAlleles: readonly NamedAlleleDefinition[];
}

const iupac: Readonly<Record<string, string>> = {
  R: 'AG',
  Y: 'CT',
  S: 'CG',
  W: 'AT',
  K: 'GT',
  M: 'AC',
  B: 'CGT',
  D: 'AGT',
  H: 'ACT',
  V: 'ACG',
  N: 'ACGT',
};

/** The concrete VCF alleles a definition cell accepts: an IUPAC code expands, anything else is itself. */
export function acceptedAlleles(cell: string): readonly string[] {
  const bases = iupac[cell];
  return bases === undefined ? [cell] : [...bases];
}

function parseAllele(
  raw: RawAllele,
  positions: readonly DefiningPosition[],
): NamedAlleleDefinition {
  const [name, pharmgkbId, spec] = raw;
  const reference = spec === 'reference';
  const alleles: Record<number, string> = {};
  if (reference || spec.startsWith('reference+')) for (const p of positions) alleles[p.pos] = p.ref;
  const cells = reference ? '' : spec.replace(/^reference\+/, '');
  for (const cell of cells.split(' ').filter(Boolean)) {
    const [pos, allele] = cell.split(':');
    if (pos === undefined || allele === undefined)
      throw new InternalError(`bad allele cell ${cell}`);
    alleles[Number(pos)] = allele;
  }
  return { name, pharmgkbId, reference, alleles, score: Object.keys(alleles).length };
}

function parseGene(raw: RawGeneTable): GeneDefinition {
  const positions = raw.positions.map(([pos, rsid, ref, alts, hgvs]) => ({
    chrom: raw.chrom,
    pos,
    rsid,
    ref,
    alts: alts.split(','),
    hgvs,
  }));
  return {
    gene: raw.gene as PgxGene,
    chrom: raw.chrom,
    positions,
    namedAlleles: raw.alleles.map((a) => parseAllele(a, positions)),
  };
}

/** The allele-definition table of each of the ten genes. */
export const alleleDefinitions: Readonly<Record<PgxGene, GeneDefinition>> = Object.fromEntries(
  rawGeneTables.map((raw) => [raw.gene, parseGene(raw)]),
) as Record<PgxGene, GeneDefinition>;

/** The named allele `name` of `gene`; throws on a name the table does not define. */
export function namedAllele(gene: PgxGene, name: string): NamedAlleleDefinition {
  const found = alleleDefinitions[gene].namedAlleles.find((a) => a.name === name);
  if (!found)
    throw new ValidationError(
      `${gene} has no named allele ${name} in the PharmCAT table`,
      'allele',
    );
  return found;
}

/** The gene's reference row: the haplotype the GRCh38 sequence itself carries. */
export function referenceAllele(gene: PgxGene): NamedAlleleDefinition {
  return alleleDefinitions[gene].namedAlleles[0]!;
}

/** The definition cell `allele` has at `position`, the reference row's cell where it is blank. */
export function requiredCell(
  gene: PgxGene,
  allele: NamedAlleleDefinition,
  position: DefiningPosition,
): string {
  return allele.alleles[position.pos] ?? referenceAllele(gene).alleles[position.pos]!;
}

/**
 * The VCF allele a chromosome carrying `name` has at every defining position of `gene`, in position
 * order. Where a cell is an IUPAC code the REF base is chosen if accepted (it is, in every ambiguous
 * cell of these ten genes), so the haplotype changes no more positions than the definition requires.
 */
export function haplotypeAlleles(gene: PgxGene, name: string): string[] {
  const allele = namedAllele(gene, name);
  return alleleDefinitions[gene].positions.map((p) => {
    const accepted = acceptedAlleles(requiredCell(gene, allele, p));
    return accepted.includes(p.ref) ? p.ref : accepted[0]!;
  });
}
