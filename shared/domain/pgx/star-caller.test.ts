// Tests (pgx): star-allele diplotypes are recovered from unphased genotypes, ties and missing
// positions are reported rather than resolved silently.
import { describe, expect, it } from 'vitest';
import { alleleDefinitions, pgxGenes } from './allele-definitions';
import { diplotypeGenotypes, withoutPositions } from './genotypes.testkit';
import { orderDiplotype } from './haplotype-names';
import { geneGenotypes, type PositionGenotype } from './sample-genotypes';
import { callStarDiplotype } from './star-caller';

function call(gene: Parameters<typeof geneGenotypes>[0], genotypes: PositionGenotype[]) {
  return callStarDiplotype(geneGenotypes(gene, genotypes));
}

const rs4244285 = 94781859; // CYP2C19*2 (c.681G>A)
const rs12248560 = 94761900; // CYP2C19*17 (c.-806C>T)
const rs3758581 = 94842866; // CYP2C19*1 vs the reference-sequence *38

describe('Function: callStarDiplotype', () => {
  it('calls CYP2C19 *2/*2 from a homozygous rs4244285 genotype', () => {
    // Prepare
    const genotypes = diplotypeGenotypes('CYP2C19', '*2', '*2');
    // Act
    const result = call('CYP2C19', genotypes);
    // Assess
    expect(result.diplotype).toBe('*2/*2');
    expect(result.tied).toEqual(['*2/*2']);
    expect(result.missing).toEqual([]);
    expect(result.callDependsOnMissing).toBe(false);
  });

  describe('phased genotypes (PharmCAT NamedAlleleMatcher-101: combinations only if unphased)', () => {
    const phased = (genotypes: PositionGenotype[], phaseSet?: (pos: number) => string) =>
      genotypes.map((g) => ({
        ...g,
        phased: true as const,
        ...(phaseSet ? { phaseSet: phaseSet(g.pos) } : {}),
      }));
    const tpmt3B = 18138997; // rs1800460, *3B (and *3A)
    const tpmt3C = 18130687; // rs1142345, *3C (and *3A)

    it('calls TPMT *3B and *3C in trans *3B/*3C (Poor), each haplotype matched on its own', () => {
      const result = call('TPMT', phased(diplotypeGenotypes('TPMT', '*3B', '*3C')));
      expect(result.diplotype).toBe('*3B/*3C');
      expect(result.tied).toEqual(['*3B/*3C']);
      expect(result.notes).toEqual(['phased: each haplotype matched on its own']);
    });

    it('calls the same two variants in cis *1/*3A', () => {
      expect(call('TPMT', phased(diplotypeGenotypes('TPMT', '*3A', '*1'))).diplotype).toBe(
        '*1/*3A',
      );
    });

    it('reads a gene whose hets lie in two phase sets (FORMAT/PS) as unphased, naming the other phase', () => {
      // Prepare: the trans genotypes, but the two hets in different phase sets.
      const genotypes = phased(diplotypeGenotypes('TPMT', '*3B', '*3C'), (pos) =>
        pos === tpmt3C ? '200' : '100',
      );
      // Act
      const result = call('TPMT', genotypes);
      // Assess
      expect(result.diplotype).toBe('*1/*3A');
      expect(result.notes).toEqual([
        expect.stringMatching(/^unphased: .*\*3B\/\*3C.* phased data would decide$/),
      ]);
    });

    it('reads a gene with one unphased het as unphased', () => {
      const genotypes = phased(diplotypeGenotypes('TPMT', '*3B', '*3C')).map((g) => {
        if (g.pos !== tpmt3B) return g;
        const { phased: _p, ...unphased } = g;
        return unphased;
      });
      expect(call('TPMT', genotypes).diplotype).toBe('*1/*3A');
    });

    it('tries a phased het at a missing position on either haplotype', () => {
      // *3B on the second haplotype, rs1142345 (the *3C / *3A position) missing: a variant there on
      // the first haplotype gives *3B/*3C (Poor), on the second *1/*3A.
      const genotypes = withoutPositions(phased(diplotypeGenotypes('TPMT', '*1', '*3B')), [tpmt3C]);
      const result = call('TPMT', genotypes);
      expect(result.callDependsOnMissing).toBe(true);
      expect(result.alternatives).toContain('*3B/*3C');
      expect(result.alternativePositions['*3B/*3C']).toEqual([tpmt3C]);
    });
  });

  it('notes the other phase of an unphased TPMT double heterozygote (*3B/*3C)', () => {
    const result = call('TPMT', diplotypeGenotypes('TPMT', '*3B', '*3C'));
    expect(result.notes).toEqual([expect.stringContaining('*3B/*3C also fit the genotypes')]);
  });

  it('writes the smaller allele first: *17/*1 is called *1/*17', () => {
    expect(call('CYP2C19', diplotypeGenotypes('CYP2C19', '*17', '*1')).diplotype).toBe('*1/*17');
  });

  it('calls a TPMT double heterozygote *1/*3A, not *3B/*3C (the higher-scoring pair)', () => {
    const result = call('TPMT', diplotypeGenotypes('TPMT', '*3B', '*3C'));
    expect(result.diplotype).toBe('*1/*3A');
    expect(result.tied).toEqual(['*1/*3A']);
  });

  it('calls UGT1A1 *28/*28 from the TA-repeat indel, and VKORC1 by rs9923231', () => {
    expect(call('UGT1A1', diplotypeGenotypes('UGT1A1', '*28', '*28')).diplotype).toBe('*28/*28');
    expect(
      call(
        'VKORC1',
        diplotypeGenotypes('VKORC1', 'rs9923231 variant (T)', 'rs9923231 reference (C)'),
      ).diplotype,
    ).toBe('rs9923231 reference (C)/rs9923231 variant (T)');
  });

  it('reports SLCO1B1 sub-alleles by their core name (*45)', () => {
    expect(call('SLCO1B1', diplotypeGenotypes('SLCO1B1', '*1', '*45.001')).diplotype).toBe(
      '*1/*45',
    );
  });

  it.each(pgxGenes.filter((g) => g !== 'DPYD'))(
    '%s: every named allele paired with the reference row is called back uniquely',
    (gene) => {
      const { namedAlleles } = alleleDefinitions[gene];
      const reference = namedAlleles[0]!.name;
      for (const allele of namedAlleles) {
        const result = call(gene, diplotypeGenotypes(gene, reference, allele.name));
        const expected = orderDiplotype(reference, allele.name.replace(/^(\*\d+)\.\d+$/, '$1'));
        expect(result.tied).toEqual([expected.join('/')]);
      }
    },
  );

  it('does not assume reference at missing positions: an array-style VCF call is flagged with alternatives', () => {
    // Prepare: a *1/*1 sample typed only at rs4244285 (*2), rs12248560 (*17) and rs3758581 (*1)
    const typed = [rs4244285, rs12248560, rs3758581];
    const genotypes = diplotypeGenotypes('CYP2C19', '*1', '*1').filter((g) =>
      typed.includes(g.pos),
    );
    // Act
    const result = call('CYP2C19', genotypes);
    // Assess
    expect(result.diplotype).toBe('*1/*1');
    expect(result.missing).toHaveLength(alleleDefinitions.CYP2C19.positions.length - 3);
    expect(result.missing).toContainEqual({
      chrom: 'chr10',
      pos: 94780653,
      rsid: 'rs4986893',
      reason: 'absent',
    });
    expect(result.callDependsOnMissing).toBe(true);
    expect(result.alternatives).toEqual(expect.arrayContaining(['*1/*3', '*3/*3', '*1/*4']));
    // *3 is defined by rs4986893 (94780653) with rs3758581, which is typed.
    expect(result.alternativePositions['*1/*3']).toEqual([94780653]);
  });

  it('flags a call whose tie a missing position would break', () => {
    // Prepare: *1/*2 without rs4244285 fits *1/*2 and *1/*35 equally (both carry 94775367 A>G)
    const genotypes = withoutPositions(diplotypeGenotypes('CYP2C19', '*1', '*2'), [rs4244285]);
    // Act
    const result = call('CYP2C19', genotypes);
    // Assess
    expect(result.tied).toEqual(['*1/*2', '*1/*35']);
    expect(result.callDependsOnMissing).toBe(true);
    expect(result.alternatives).toContain('*1/*35');
  });

  it('does not flag a missing position whose variants no named allele consistent with the data carries', () => {
    // A *1/*1 sample typed everywhere but rs4244285: *2 also needs 94775367 A>G, seen as reference.
    const genotypes = withoutPositions(diplotypeGenotypes('CYP2C19', '*1', '*1'), [rs4244285]);
    const result = call('CYP2C19', genotypes);
    expect(result.diplotype).toBe('*1/*1');
    expect(result.missing).toHaveLength(1);
    expect(result.callDependsOnMissing).toBe(false);
  });

  it('treats a no-call like an absent position', () => {
    const genotypes = diplotypeGenotypes('CYP2C19', '*1', '*2').map((g) =>
      g.pos === rs4244285 ? { ...g, alleles: null } : g,
    );
    const result = call('CYP2C19', genotypes);
    expect(result.missing).toEqual([
      { chrom: 'chr10', pos: rs4244285, rsid: 'rs4244285', reason: 'no-call' },
    ]);
    expect(result.callDependsOnMissing).toBe(true);
  });

  it('reports an allele outside the definition as unreadable rather than guessing', () => {
    const genotypes = diplotypeGenotypes('CYP2C19', '*1', '*1').map((g) =>
      g.pos === rs4244285 ? { ...g, alleles: ['G', 'GTT'] as const } : g,
    );
    expect(call('CYP2C19', genotypes).missing[0]).toMatchObject({ reason: 'unreadable' });
  });

  it('keeps every tied diplotype when missing data leave two alleles indistinguishable', () => {
    // *4 is defined by 94762706 A>G plus a Y (C or T) at the *17 position; without 94762706 a
    // *17 carrier's genotypes fit *4 equally well.
    const genotypes = withoutPositions(diplotypeGenotypes('CYP2C19', '*1', '*17'), [94762706]);
    const result = call('CYP2C19', genotypes);
    expect(result.tied).toEqual(['*1/*4', '*1/*17']);
    expect(result.diplotype).toBe('*1/*4');
    expect(result.notes).toContain('ambiguous: 2 diplotypes score equally');
  });

  it('makes no call when no defining position has a call', () => {
    const result = call('CYP3A5', []);
    expect(result).toMatchObject({ haplotypes: null, diplotype: 'Unknown/Unknown' });
    expect(result.missing).toHaveLength(alleleDefinitions.CYP3A5.positions.length);
  });

  it('makes no call when no pair of named alleles explains the genotypes', () => {
    // Homozygous variant at the *3 position of CYP3A5 and at the *6 position: no allele has both.
    const [star3, star6] = ['*3', '*6'].map((name) =>
      alleleDefinitions.CYP3A5.namedAlleles.find((a) => a.name === name)!,
    );
    const genotypes = diplotypeGenotypes('CYP3A5', '*3', '*3').map((g) => {
      const alt = star6!.alleles[g.pos];
      return alt && star3!.alleles[g.pos] === undefined
        ? { ...g, alleles: [alt, alt] as const }
        : g;
    });
    const result = call('CYP3A5', genotypes);
    expect(result.diplotype).toBe('Unknown/Unknown');
    expect(result.notes[0]).toMatch(/no pair of named alleles/);
  });
});
