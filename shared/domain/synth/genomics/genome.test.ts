// Tests (synth/genomics): a synthetic genome calls every defining position, reads back to the drawn
// diplotypes, carries tumour findings for cancer patients, and is reproducible from its seed.
import { describe, expect, it } from 'vitest';
import { alleleDefinitions, pgxGenes, type PgxGene } from '../../pgx/allele-definitions';
import { orderDiplotype } from '../../pgx/haplotype-names';
import { matchDiplotype } from '../../pgx/phased-matcher.testkit';
import type { Ancestry, Genome } from '../model';
import { Rng } from '../rng';
import { pgxAlleleFrequencies } from './frequencies';
import { isStructuralCall, pharmacogeneCalls, sampleGenome, type CancerKey } from './genome';

const ancestries: Ancestry[] = [
  'european',
  'african-american',
  'east-asian',
  'central-south-asian',
  'latino',
];
const allCancers: CancerKey[] = ['breast-cancer', 'lung-cancer', 'colorectal-cancer'];

function genomes(count: number, cancers: CancerKey[], ancestry?: Ancestry): Genome[] {
  return Array.from({ length: count }, (_, i) =>
    sampleGenome(ancestry ?? ancestries[i % ancestries.length]!, cancers, new Rng(99, i)),
  );
}

describe('Function: sampleGenome', () => {
  it('calls every defining position of the ten genes once, with the table REF and ALT', () => {
    const genome = sampleGenome('european', [], new Rng(1));
    for (const gene of pgxGenes) {
      const calls = genome.variants.filter((v) => v.gene === gene);
      expect(calls.map((c) => [c.chrom, c.pos, c.ref, c.alt])).toEqual(
        alleleDefinitions[gene].positions.map((p) => [p.chrom, p.pos, p.ref, p.alts.join(',')]),
      );
      for (const call of calls) expect(call.genotype).toMatch(/^\d\|\d$/);
    }
    expect(genome.diplotypes.map((d) => d.gene)).toEqual([...pgxGenes]);
  });

  it('reads back to exactly the drawn diplotype for 1,500 genomes, without ambiguity', () => {
    for (const genome of genomes(1500, [])) {
      for (const diplotype of genome.diplotypes) {
        const gene = diplotype.gene as PgxGene;
        const calls = genome.variants.filter((v) => v.gene === gene);
        expect(matchDiplotype(gene, calls)).toEqual({ alleles: diplotype.alleles, ambiguous: [] });
      }
    }
  });

  it.each(pgxGenes)('%s: reads back every pair of tabulated alleles in both phases', (gene) => {
    const names = Object.keys(pgxAlleleFrequencies[gene].alleles).concat(
      pgxAlleleFrequencies[gene].remainder,
    );
    for (const first of names)
      for (const second of names)
        expect(matchDiplotype(gene, pharmacogeneCalls(gene, first, second)).alleles).toEqual(
          orderDiplotype(first, second),
        );
  });

  it('writes a CYP2C19 *1 chromosome with rs3758581 G, since GRCh38 itself carries *38', () => {
    const calls = pharmacogeneCalls('CYP2C19', '*1', '*38');
    const rs3758581 = calls.find((c) => c.id === 'rs3758581')!;
    expect(rs3758581.genotype).toBe('1|0');
    expect(calls.filter((c) => c.genotype !== '0|0')).toEqual([rs3758581]);
  });

  it('gives the multi-allelic UGT1A1 TA-repeat site the index of the drawn repeat length', () => {
    const calls = pharmacogeneCalls('UGT1A1', '*80+*28', '*37');
    const repeat = calls.find((c) => c.pos === 233760233)!;
    expect(repeat).toMatchObject({ ref: 'CAT', alt: 'C,CATAT,CATATAT', genotype: '2|3' });
    expect(calls.find((c) => c.id === 'rs887829')!.genotype).toBe('1|0');
  });

  it('is reproducible from the seed and differs between seeds', () => {
    expect(sampleGenome('latino', allCancers, new Rng(5, 1))).toEqual(
      sampleGenome('latino', allCancers, new Rng(5, 1)),
    );
    expect(sampleGenome('latino', [], new Rng(5, 1)).diplotypes).not.toEqual(
      sampleGenome('latino', [], new Rng(5, 2)).diplotypes,
    );
  });

  it("keeps a patient's pharmacogenes whatever cancers they have", () => {
    const without = sampleGenome('east-asian', [], new Rng(11));
    const withCancers = sampleGenome('east-asian', allCancers, new Rng(11));
    expect(withCancers.diplotypes).toEqual(without.diplotypes);
    expect(without.tumour).toEqual([]);
    expect(without.variants.every((v) => v.somatic === undefined)).toBe(true);
  });

  it('draws the same tumour findings whatever order the cancers are listed in', () => {
    expect(sampleGenome('latino', ['lung-cancer', 'breast-cancer'], new Rng(4))).toEqual(
      sampleGenome('latino', ['breast-cancer', 'lung-cancer'], new Rng(4)),
    );
  });

  it('gives lung cancer EGFR L858R far more often in East Asian than European patients', () => {
    const l858r = (ancestry: Ancestry) =>
      genomes(2000, ['lung-cancer'], ancestry).filter((g) =>
        g.tumour.some((t) => t.gene === 'EGFR' && t.alteration === 'L858R'),
      ).length / 2000;
    expect(l858r('european')).toBeCloseTo(0.06, 1);
    expect(l858r('east-asian')).toBeGreaterThan(2 * l858r('european'));
  });

  it('records somatic SNVs with VAF and HGVS p., fusions without a call, ERBB2 as a <DUP>', () => {
    const cohort = genomes(1500, allCancers);
    const findings = cohort.flatMap((g) => g.tumour);
    const somatic = cohort.flatMap((g) => g.variants.filter((v) => v.somatic));
    expect(new Set(findings.map((t) => `${t.gene} ${t.alteration}`))).toEqual(
      new Set([
        'EGFR L858R',
        'KRAS G12C',
        'KRAS G12D',
        'BRAF V600E',
        'ALK fusion',
        'ERBB2 amplification',
        'PIK3CA H1047R',
      ]),
    );
    for (const call of somatic) {
      expect(call.somatic!.vaf).toBeGreaterThan(0);
      expect(call.somatic!.vaf).toBeLessThan(1);
      expect(call.somatic!.hgvsp).toMatch(/^p\./);
    }
    expect(somatic.some((v) => v.gene === 'ALK')).toBe(false);
    const dup = somatic.find(isStructuralCall)!;
    expect(dup).toMatchObject({
      chrom: 'chr17',
      pos: 39687913,
      ref: 'N',
      alt: '<DUP>',
      gene: 'ERBB2',
    });
    expect(dup.sv).toMatchObject({ type: 'DUP', end: 39730426 });
    const erbb2Share = findings.filter((t) => t.kind === 'amplification').length / cohort.length;
    expect(erbb2Share).toBeCloseTo(0.17, 1);
  });

  it('adds germline BRCA1 185delAG as a call, not a tumour finding', () => {
    const carrier = genomes(4000, ['breast-cancer'], 'european').find((g) =>
      g.variants.some((v) => v.gene === 'BRCA1'),
    )!;
    expect(carrier.variants.find((v) => v.gene === 'BRCA1')).toEqual({
      chrom: 'chr17',
      pos: 43124027,
      id: 'rs80357914',
      ref: 'ACT',
      alt: 'A',
      genotype: '0/1',
      gene: 'BRCA1',
    });
    expect(carrier.tumour.some((t) => t.gene === 'BRCA1')).toBe(false);
  });
});
