// Tests (pgx): the profile read back from stored, encrypted genotypes is the one `caregraph pgx` calls
// from the same VCF — missing positions reported, outside-call genes "not tested".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKeyRing } from '../../adapters/local/local-key-ring';
import type { KeyRing } from '../../ports/key-ring';
import type { StoredGenotype } from '../genomics/genotype-items';
import { readVcf } from '../genomics/vcf-reader';
import { ingestGenotypes } from '../ingest/genotype-ingest';
import { numberedLines } from '../ingest/lines';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import { ResourceProjector } from '../serving/resource-projection';
import { genomeGenotypes, withoutPositions } from './genotypes.testkit';
import { pgxProfile } from './profile';
import { positionGenotypesOf, storedPgxProfile } from './stored-profile';
import { readSampleGenotypes } from './vcf-genotypes';
import { singleSampleVcf } from './vcf-text.testkit';

const lines = (text: string) => numberedLines(Readable.from([Buffer.from(text)]));

/** CYP2C19 rs4244285 (*2, GRCh38 chr10:94781859 G>A; PharmCAT CYP2C19 definition). */
const star2Site = 94781859;
/** CYP2C9 rs1057910 (*3, GRCh38 chr10:94981296 A>C; PharmCAT CYP2C9 definition). */
const cyp2c9Star3Site = 94981296;

/** Ingest `vcf` for hospital "east" into `table`; returns the sample's pseudonymous patient id. */
async function ingest(keys: KeyRing, table: InMemoryTable, vcf: string, sample: string) {
  const projector = new ResourceProjector(keys, 'east');
  const sink = {
    store: (item: Record<string, unknown>) => table.put(item),
    reject: async () => undefined,
    counted: () => undefined,
  };
  await ingestGenotypes(lines(vcf), 'a.vcf', 'east', 'b1', keys, projector, sink);
  return projector.pseudonym('Patient', sample);
}

/** The profile `caregraph pgx` builds from the VCF text. */
async function vcfProfile(vcf: string) {
  const read = await readSampleGenotypes(readVcf(lines(vcf), 'a.vcf'));
  return pgxProfile(read.genotypes);
}

describe('Function: storedPgxProfile', () => {
  let dir: string;
  let keys: LocalKeyRing;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-stored-pgx-'));
    keys = new LocalKeyRing(join(dir, 'master.key'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('calls CYP2C19 *2/*2 a Poor Metabolizer, the same profile the VCF path builds', async () => {
    // Prepare: every gene typed, CYP2C19 *2/*2, one CYP2C9 position absent from the file.
    const genotypes = withoutPositions(genomeGenotypes({ CYP2C19: ['*2', '*2'] }), [
      cyp2c9Star3Site,
    ]);
    const vcf = singleSampleVcf('S1', genotypes);
    const table = new InMemoryTable();
    const patient = await ingest(keys, table, vcf, 'S1');
    // Act
    const stored = await storedPgxProfile({ serving: table, keys }, 'east', patient);
    // Assess
    expect(stored.profile).toEqual(await vcfProfile(vcf));
    const cyp2c19 = stored.profile!.genes.find((g) => g.gene === 'CYP2C19')!;
    expect(cyp2c19).toMatchObject({ diplotype: '*2/*2', phenotype: 'Poor Metabolizer' });
    const cyp2c9 = stored.profile!.genes.find((g) => g.gene === 'CYP2C9')!;
    expect(cyp2c9.missingPositions).toEqual([
      expect.objectContaining({ pos: cyp2c9Star3Site, reason: 'absent' }),
    ]);
    expect(stored.notTested).toEqual(['CYP2D6', 'HLA-A', 'HLA-B']);
  });

  it('reports untyped positions as missing and untyped genes as not tested, never as reference', async () => {
    // Prepare: a file with a single CYP2C19 call.
    const vcf = singleSampleVcf('S2', [{ chrom: 'chr10', pos: star2Site, alleles: ['A', 'A'] }]);
    const table = new InMemoryTable();
    const patient = await ingest(keys, table, vcf, 'S2');
    // Act
    const stored = await storedPgxProfile({ serving: table, keys }, 'east', patient);
    // Assess
    expect(stored.profile).toEqual(await vcfProfile(vcf));
    const cyp2c19 = stored.profile!.genes.find((g) => g.gene === 'CYP2C19')!;
    expect(cyp2c19.diplotype).toBe('*2/*2');
    expect(cyp2c19.missingPositions.length).toBeGreaterThan(0);
    expect(stored.notTested).toContain('TPMT');
    expect(stored.notTested).not.toContain('CYP2C19');
  });

  it('warns, naming DPYD and the position, when the stored call depends on a position the file lacks', async () => {
    // Prepare: a DPYD *2A carrier whose file lacks rs3918290 (chr1:97450058).
    const vcf = singleSampleVcf(
      'S4',
      withoutPositions(genomeGenotypes({ DPYD: ['Reference', 'c.1905+1G>A (*2A)'] }), [97450058]),
    );
    const table = new InMemoryTable();
    const patient = await ingest(keys, table, vcf, 'S4');
    // Act
    const stored = await storedPgxProfile({ serving: table, keys }, 'east', patient);
    // Assess
    expect(stored.profile!.genes.find((g) => g.gene === 'DPYD')!.phenotype).toBe('Indeterminate');
    expect(stored.warnings).toEqual([
      expect.stringMatching(/^DPYD: the call depends on .*chr1:97450058 \(rs3918290\)/),
    ]);
  });

  it('says every gene is untested, with no profile, for a patient without stored genotypes', async () => {
    // Act
    const stored = await storedPgxProfile({ serving: new InMemoryTable(), keys }, 'east', 'nobody');
    // Assess
    expect(stored.genotyped).toBe(false);
    expect(stored.profile).toBeUndefined();
    expect(stored.notTested).toEqual(expect.arrayContaining(['CYP2C19', 'CYP2D6', 'HLA-B']));
    expect(stored.notTested).toHaveLength(13);
  });

  it('never decrypts calls outside the pharmacogenes', async () => {
    // Prepare: one CYP2C19 call and two non-reference calls elsewhere (stored, off-target).
    const vcf = singleSampleVcf('S3', [
      { chrom: 'chr10', pos: star2Site, alleles: ['G', 'A'] },
    ]).replace(
      /\n$/,
      '\nchr1\t100000\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\nchr1\t100010\t.\tC\tT\t.\tPASS\t.\tGT\t1/1\n',
    );
    const table = new InMemoryTable();
    const patient = await ingest(keys, table, vcf, 'S3');
    let decrypted = 0;
    const counting: KeyRing = {
      pseudonym: (h, m) => keys.pseudonym(h, m),
      encrypt: (h, p) => keys.encrypt(h, p),
      decrypt: (h, e) => (decrypted++, keys.decrypt(h, e)),
    };
    // Act
    const stored = await storedPgxProfile({ serving: table, keys: counting }, 'east', patient);
    // Assess
    expect(table.items.size).toBe(3);
    expect(decrypted).toBe(1);
    expect(stored.profile!.genes.find((g) => g.gene === 'CYP2C19')!.diplotype).toBe('*1/*2');
  });
});

describe('Function: positionGenotypesOf', () => {
  const call = (line: number, alt: string, gt: string): StoredGenotype => ({
    patient: 'p',
    chrom: 'chr10',
    pos: star2Site,
    ref: 'G',
    alt,
    gt,
    zygosity: 'het',
    gene: 'CYP2C19',
    line,
  });

  it('merges a multi-allelic site split over two records, as the VCF reader does', () => {
    // Act
    const { genotypes, warnings } = positionGenotypesOf([call(9, 'T', '0/1'), call(8, 'A', '0/1')]);
    // Assess
    expect(genotypes).toEqual([{ chrom: 'chr10', pos: star2Site, alleles: ['A', 'T'] }]);
    expect(warnings).toEqual([]);
  });

  it('makes a site a no-call, with a warning, when its records cannot be merged', () => {
    // Act: four ALT alleles at one diploid site.
    const { genotypes, warnings } = positionGenotypesOf([call(8, 'A', '1/1'), call(9, 'T', '1/1')]);
    // Assess
    expect(genotypes).toEqual([{ chrom: 'chr10', pos: star2Site, alleles: null }]);
    expect(warnings).toEqual([`line 9: second record at chr10:${star2Site} could not be merged`]);
  });

  it('reads a no-call and a haploid GT as no-calls', () => {
    expect(positionGenotypesOf([call(1, 'A', './.')]).genotypes[0]!.alleles).toBeNull();
    expect(positionGenotypesOf([call(1, 'A', '1')]).genotypes[0]!.alleles).toBeNull();
  });
});
