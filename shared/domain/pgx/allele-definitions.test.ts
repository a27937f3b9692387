// Tests (pgx): the allele-definition table carries the published defining positions, and every named
// allele is recoverable from its own haplotype.
import { describe, expect, it } from 'vitest';
import {
  acceptedAlleles,
  alleleDefinitions,
  haplotypeAlleles,
  namedAllele,
  pgxGenes,
  referenceAllele,
  type PgxGene,
} from './allele-definitions';
import { matchingAlleles } from './phased-matcher.testkit';

function position(gene: PgxGene, rsid: string) {
  const found = alleleDefinitions[gene].positions.find((p) => p.rsid === rsid);
  if (!found) throw new Error(`${gene} has no ${rsid}`);
  return found;
}

describe('Table: PharmCAT allele definitions', () => {
  it('covers the ten pharmacogenes of the cohort issue', () => {
    expect(Object.keys(alleleDefinitions).sort()).toEqual([...pgxGenes].sort());
  });

  it('defines CYP2C19*2 by rs4244285, chr10:94781859 G>A', () => {
    expect(position('CYP2C19', 'rs4244285')).toMatchObject({
      chrom: 'chr10',
      pos: 94781859,
      ref: 'G',
      alts: ['A'],
    });
    expect(namedAllele('CYP2C19', '*2').alleles[94781859]).toBe('A');
  });

  it('defines CYP2C19*17 by rs12248560, chr10:94761900 C>T', () => {
    expect(position('CYP2C19', 'rs12248560')).toMatchObject({
      pos: 94761900,
      ref: 'C',
      alts: ['T'],
    });
    expect(namedAllele('CYP2C19', '*17').alleles[94761900]).toBe('T');
  });

  it('makes *38 the CYP2C19 reference row, with *1 differing from it only at rs3758581', () => {
    expect(referenceAllele('CYP2C19').name).toBe('*38');
    const rs3758581 = position('CYP2C19', 'rs3758581');
    const one = haplotypeAlleles('CYP2C19', '*1');
    const thirtyEight = haplotypeAlleles('CYP2C19', '*38');
    const differing = alleleDefinitions.CYP2C19.positions.filter(
      (_, i) => one[i] !== thirtyEight[i],
    );
    expect(differing).toEqual([rs3758581]);
    expect(one[alleleDefinitions.CYP2C19.positions.indexOf(rs3758581)]).toBe('G');
  });

  it('gives VKORC1 the single position rs9923231 (c.-1639G>A), chr16:31096368 C>T', () => {
    expect(alleleDefinitions.VKORC1.positions).toEqual([
      expect.objectContaining({
        chrom: 'chr16',
        pos: 31096368,
        rsid: 'rs9923231',
        ref: 'C',
        alts: ['T'],
      }),
    ]);
  });

  it('defines TPMT*3A as the *3B (rs1800460) plus the *3C (rs1142345) positions', () => {
    const a = namedAllele('TPMT', '*3A').alleles;
    const b = namedAllele('TPMT', '*3B').alleles;
    const c = namedAllele('TPMT', '*3C').alleles;
    expect(a).toEqual({ ...b, ...c });
    expect(Object.keys(b)).toEqual([String(position('TPMT', 'rs1800460').pos)]);
    expect(Object.keys(c)).toEqual([String(position('TPMT', 'rs1142345').pos)]);
  });

  it('represents UGT1A1*28 as one extra TA at chr2:233760233 (REF CAT, ALT CATAT)', () => {
    expect(position('UGT1A1', 'rs3064744')).toMatchObject({
      pos: 233760233,
      ref: 'CAT',
      alts: ['C', 'CATAT', 'CATATAT'],
    });
    expect(namedAllele('UGT1A1', '*28').alleles).toEqual({ 233760233: 'CATAT' });
  });

  it.each(pgxGenes)('%s: cells are REF, a listed ALT or an IUPAC code over them', (gene) => {
    const { positions, namedAlleles } = alleleDefinitions[gene];
    for (const allele of namedAlleles)
      for (const p of positions) {
        const cell = allele.alleles[p.pos];
        if (cell === undefined) continue;
        for (const a of acceptedAlleles(cell)) expect([p.ref, ...p.alts]).toContain(a);
      }
  });

  it.each(pgxGenes)(
    '%s: positions are sorted on one chromosome and no indel spans another',
    (gene) => {
      const { chrom, positions } = alleleDefinitions[gene];
      positions.forEach((p, i) => {
        expect(p.chrom).toBe(chrom);
        const next = positions[i + 1];
        if (next) expect(p.pos + p.ref.length - 1).toBeLessThan(next.pos);
      });
    },
  );

  it.each(pgxGenes)('%s: every named allele is the only match of its own haplotype', (gene) => {
    for (const allele of alleleDefinitions[gene].namedAlleles)
      expect(matchingAlleles(gene, haplotypeAlleles(gene, allele.name))).toEqual([allele.name]);
  });

  it('rejects a name the table does not define', () => {
    expect(() => namedAllele('CYP2C19', '*36')).toThrow(/no named allele \*36/);
  });
});
