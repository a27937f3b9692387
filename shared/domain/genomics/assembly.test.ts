// Tests (genomics): assembly detection from contig lengths, contig assembly tags and ##reference names.
import { describe, expect, it } from 'vitest';
import { grch38ContigLengths } from '../synth/genomics/vcf';
import {
  assemblyFromContigLength,
  assemblyFromName,
  chromosomeKey,
  chromosomeLengths,
  detectAssembly,
} from './assembly';

describe('Function: assemblyFromName', () => {
  it.each([
    ['GRCh38', 'GRCh38'],
    ['hg38', 'GRCh38'],
    ['GCA_000001405.15_GRCh38_no_alt_analysis_set.fna', 'GRCh38'],
    ['GCF_000001405.40', 'GRCh38'],
    ['Homo_sapiens_assembly38.fasta', 'GRCh38'],
    ['GRCh37', 'GRCh37'],
    ['hg19', 'GRCh37'],
    ['b37', 'GRCh37'],
    ['file:///refs/human_g1k_v37.fasta', 'GRCh37'],
    ['hs37d5.fa.gz', 'GRCh37'],
    ['GCF_000001405.25', 'GRCh37'],
    ['GCA_000001405.1', 'GRCh37'],
    ['ref_b37_decoy.fa', 'GRCh37'],
    ['genome.fa', 'unknown'],
    ['custom_b370.fa', 'unknown'],
  ])('reads %s as %s', (name, expected) => {
    expect(assemblyFromName(name)).toBe(expected);
  });
});

describe('Function: assemblyFromContigLength', () => {
  it('tells the builds apart by chromosome length, with or without the chr prefix', () => {
    expect(assemblyFromContigLength('chr1', 248956422)).toBe('GRCh38');
    expect(assemblyFromContigLength('1', 249250621)).toBe('GRCh37');
    expect(assemblyFromContigLength('X', 155270560)).toBe('GRCh37');
    expect(assemblyFromContigLength('chrM', 16569)).toBe('unknown');
    expect(assemblyFromContigLength('chrUn_KI270302v1', 2274)).toBe('unknown');
  });

  it('agrees with the GRCh38 lengths the synthetic VCF writer declares', () => {
    for (const [chrom, length] of Object.entries(grch38ContigLengths))
      if (chrom !== 'chrM')
        expect(chromosomeLengths.GRCh38[chromosomeKey(chrom)], chrom).toBe(length);
  });

  it('has no chromosome whose length is the same in both builds', () => {
    for (const [key, length] of Object.entries(chromosomeLengths.GRCh38))
      expect(chromosomeLengths.GRCh37[key], key).not.toBe(length);
  });
});

describe('Function: detectAssembly', () => {
  it('lets GRCh37 evidence win over GRCh38 evidence, so a mixed header is never accepted', () => {
    const found = detectAssembly('GRCh38', [
      { id: 'chr1', length: 248956422 },
      { id: 'chr2', length: 243199373 },
    ]);

    expect(found).toEqual({ assembly: 'GRCh37', evidence: 'contig chr2 length 243199373' });
  });

  it('reads a contig assembly tag when lengths are absent', () => {
    expect(detectAssembly(undefined, [{ id: '1', assembly: 'b37' }])).toEqual({
      assembly: 'GRCh37',
      evidence: 'contig 1 assembly b37',
    });
  });

  it('does not take the chr prefix as evidence of either build', () => {
    expect(detectAssembly(undefined, [{ id: 'chr1' }, { id: 'chr10' }])).toEqual({
      assembly: 'unknown',
    });
  });
});
