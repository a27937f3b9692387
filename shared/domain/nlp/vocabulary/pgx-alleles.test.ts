import { describe, expect, it } from 'vitest';
import { extractClinical } from '../extract';
import { indexVariants } from '../matcher/variants';
import { variants } from './genes';
import { alleleNames, pgxAlleleVariants } from './pgx-alleles';

describe('Table: pgxAlleleVariants (named alleles of the PharmCAT-derived table)', () => {
  const generated = pgxAlleleVariants(variants);
  const byName = new Map(generated.flatMap((c) => c.synonyms.map((s) => [s, c] as const)));

  it('names alleles as notes write them', () => {
    expect(alleleNames('CYP2B6', '*6')).toEqual(['CYP2B6*6']);
    expect(alleleNames('DPYD', 'c.1905+1G>A (*2A)')).toEqual(['DPYD c.1905+1G>A', 'DPYD*2A']);
    expect(alleleNames('DPYD', 'c.2846A>T')).toEqual(['DPYD c.2846A>T']);
  });

  it('carries the dbSNP id of single-position alleles (CPIC/PharmVar definitions)', () => {
    // TPMT*3B c.460G>A rs1800460, TPMT*3C c.719A>G rs1142345; UGT1A1*6 c.211G>A rs4148323;
    // CYP2B6*9 c.516G>T rs3745274; DPYD*9A c.85T>C rs1801265 (CPIC allele definition tables).
    expect(byName.get('TPMT*3B')?.codes.dbsnp).toBe('rs1800460');
    expect(byName.get('TPMT*3C')?.codes.dbsnp).toBe('rs1142345');
    expect(byName.get('UGT1A1*6')?.codes.dbsnp).toBe('rs4148323');
    expect(byName.get('CYP2B6*9')?.codes.dbsnp).toBe('rs3745274');
    expect(byName.get('DPYD*9A')?.codes.dbsnp).toBe('rs1801265');
  });

  it('gives no single dbSNP id to a haplotype of several positions', () => {
    // CYP2B6*6 is c.516G>T plus c.785A>G; TPMT*3A is *3B plus *3C.
    expect(byName.get('CYP2B6*6')?.codes.dbsnp).toBeUndefined();
    expect(byName.get('TPMT*3A')?.codes.dbsnp).toBeUndefined();
  });

  it('leaves reference rows and the hand-written variants to themselves', () => {
    expect(byName.has('CYP2C19*2')).toBe(false);
    expect(byName.has('DPYD*2A')).toBe(false);
    expect(generated.some((c) => c.synonyms.some((s) => /reference/i.test(s)))).toBe(false);
    const handWritten = new Set(variants.flatMap((c) => (c.codes.dbsnp ? [c.codes.dbsnp] : [])));
    expect(generated.filter((c) => c.codes.dbsnp && handWritten.has(c.codes.dbsnp))).toEqual([]);
  });

  it('resolves an rs id two alleles share (TPMT*3C and *41 at rs1142345) to neither', () => {
    expect(byName.get('TPMT*41')?.codes.dbsnp).toBe('rs1142345');
    const index = indexVariants([...variants, ...generated]);
    expect(index.get('TPMT*3C')?.id).toBe('Variant:tpmt*3c');
    expect(index.has('rs1142345')).toBe(false);
    expect(index.get('rs1800460')?.id).toBe('Variant:tpmt*3b');
  });

  it('links a star allele written in a note to its concept and dbSNP id', () => {
    const { entities } = extractClinical('Genotype: TPMT*3C heterozygous; reduce azathioprine.');
    expect(entities).toContainEqual(
      expect.objectContaining({ text: 'TPMT*3C', type: 'Variant', code: 'rs1142345' }),
    );
  });
});
