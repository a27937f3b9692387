// Tests (pgx): the profile read back from stored, encrypted genotypes is the one `caregraph pgx` calls
// from the same VCF — missing positions reported, outside-call genes "not tested".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKeyRing } from '../../adapters/local/local-key-ring';
import type { KeyRing } from '../../ports/key-ring';
import {
  genotypeSortPrefix,
  openGenotypeItem,
  sealGenotypeItem,
  type GenotypeSource,
  type StoredGenotype,
} from '../genomics/genotype-items';
import type { GenotypeRecord } from '../genomics/genotype-records';
import { readVcf } from '../genomics/vcf-reader';
import { fixedClock } from '../../ports/clock';
import { ingestFile } from '../ingest/ingest-file';
import { memoryIngestDeps } from '../ingest/ingest-file.fixture';
import { ingestGenotypes } from '../ingest/genotype-ingest';
import { numberedLines } from '../ingest/lines';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import { ResourceProjector } from '../serving/resource-projection';
import { genomeGenotypes, withoutPositions } from './genotypes.testkit';
import { alleleDefinitions, type PgxGene } from './allele-definitions';
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
async function ingest(
  keys: KeyRing,
  table: InMemoryTable,
  vcf: string,
  sample: string,
  source?: GenotypeSource,
) {
  const projector = new ResourceProjector(keys, 'east');
  const sink = {
    store: (item: Record<string, unknown>) => table.put(item),
    reject: async () => undefined,
    counted: () => undefined,
  };
  await ingestGenotypes(
    lines(vcf),
    'a.vcf',
    'east',
    'b1',
    keys,
    projector,
    sink,
    undefined,
    source,
  );
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

  it("lets a later file's calls for a gene replace an earlier file's (ingest to profile)", async () => {
    // Prepare: file 1 has DPYD *2A het (chr1:97450058 C>T 0/1); a corrected file 2 has it 0/0 with
    // ALT "." (another stored item: the site token differs), every other DPYD position alike.
    const dpyd = genomeGenotypes({ DPYD: ['Reference', 'c.1905+1G>A (*2A)'] }).filter(
      (g) => g.chrom === 'chr1',
    );
    const first = singleSampleVcf('S5', dpyd);
    const corrected = first.replace(/\tC\tT\t(.*)\t0\/1$/m, '\tC\t.\t$1\t0/0');
    expect(corrected).not.toBe(first);
    const table = new InMemoryTable();
    const patient = await ingest(keys, table, first, 'S5', {
      file: 'etag-1',
      uploadedAt: '2026-01-01T00:00:00.000Z',
    });
    await ingest(keys, table, corrected, 'S5', {
      file: 'etag-2',
      uploadedAt: '2026-02-01T00:00:00.000Z',
    });
    // Act
    const stored = await storedPgxProfile({ serving: table, keys }, 'east', patient);
    // Assess: the corrected file's reference call, as `caregraph pgx` calls that file.
    const called = stored.profile!.genes.find((g) => g.gene === 'DPYD')!;
    expect(called).toEqual((await vcfProfile(corrected)).genes.find((g) => g.gene === 'DPYD'));
    expect(called.activityScore).toBe(2);
    expect(stored.warnings).toContain(
      "DPYD: calls from 1 earlier genotype file(s) replaced by the latest file's",
    );
  });

  it("keeps a corrected file's call when the older file's event is delivered again (A, B, A again)", async () => {
    // Prepare: file A calls CYP2C19 *2/*2 in error; file B, uploaded a month later, corrects it to
    // *1/*1: the same records, the *2 sites (rs12769205, rs4244285) 1/1 -> 0/0 with their ALT kept
    // (rs3758581 G stays: *1, not GRCh38's *38), so every site of B is a site of A (one site token
    // each, were files not in the key).
    const deps = memoryIngestDeps();
    const [keyA, keyB] = ['raw/east/b1/a.vcf', 'raw/east/b2/b.vcf'];
    const wrong = singleSampleVcf('S9', genomeGenotypes({ CYP2C19: ['*2', '*2'] }));
    const corrected = wrong.replace(/^(chr10\t(?:94775367|94781859)\t.*\t)1\/1$/gm, '$10/0');
    expect(corrected.match(/\t0\/0$/gm)!.length).toBe(wrong.match(/\t0\/0$/gm)!.length + 2);
    await deps.objects.put('raw', keyA, wrong);
    await deps.objects.put('raw', keyB, corrected);
    deps.objects.modified.set(`raw/${keyA}`, '2026-01-01T00:00:00.000Z');
    deps.objects.modified.set(`raw/${keyB}`, '2026-02-01T00:00:00.000Z');
    const run = (key: string, etag: string, at: string) =>
      ingestFile({ ...deps, clock: fixedClock(at) }, { key, etag, versionEtag: etag });
    const patient = await new ResourceProjector(deps.keys, 'east').pseudonym('Patient', 'S9');
    const cyp2c19 = async () =>
      (
        await storedPgxProfile({ serving: deps.serving, keys: deps.keys }, 'east', patient)
      ).profile!.genes.find((g) => g.gene === 'CYP2C19')!.diplotype;
    await run(keyA, 'etag-a', '2026-01-01T00:01:00.000Z');
    await run(keyB, 'etag-b', '2026-02-01T00:01:00.000Z');
    expect(await cyp2c19()).toBe('*1/*1');
    // Act: S3 delivers A's ObjectCreated event again (at least once), a month on.
    await run(keyA, 'etag-a', '2026-03-01T00:00:00.000Z');
    // Assess: B's call stands.
    expect(await cyp2c19()).toBe('*1/*1');
    // A's content uploaded again after B (a new upload, LastModified later than B's) is the latest.
    deps.objects.modified.set(`raw/${keyA}`, '2026-04-01T00:00:00.000Z');
    await run(keyA, 'etag-a', '2026-04-01T00:01:00.000Z');
    expect(await cyp2c19()).toBe('*2/*2');
  });

  it('keeps phase and FORMAT/PS: TPMT *3B and *3C in trans read back *3B/*3C, in cis *1/*3A, as from the VCF', async () => {
    // Prepare: every TPMT position, rs1800460 (*3B) and rs1142345 (*3C) het and phased; old items
    // (stored before phase was kept) carry neither field.
    const tpmtVcf = (sample: string, gt: (pos: number) => string, ps: string) =>
      singleSampleVcf(sample, []) +
      alleleDefinitions.TPMT.positions
        .map((p) => {
          const alt = p.pos === 18130687 ? 'C' : p.alts[0];
          const fields = [p.chrom, p.pos, p.rsid ?? '.', p.ref, alt, '.', 'PASS', '.', 'GT:PS'];
          return [...fields, `${gt(p.pos)}:${ps}`].join('\t');
        })
        .join('\n') +
      '\n';
    const het = (first: string, second: string) => (pos: number) =>
      pos === 18138997 ? first : pos === 18130687 ? second : '0|0';
    const cases = [
      { sample: 'T1', vcf: tpmtVcf('T1', het('1|0', '0|1'), '18130000'), call: '*3B/*3C' },
      { sample: 'T2', vcf: tpmtVcf('T2', het('1|0', '1|0'), '18130000'), call: '*1/*3A' },
    ];
    for (const { sample, vcf, call } of cases) {
      const table = new InMemoryTable();
      const patient = await ingest(keys, table, vcf, sample, {
        file: `f-${sample}`,
        uploadedAt: '2026-01-01T00:00:00.000Z',
      });
      // Act
      const stored = await storedPgxProfile({ serving: table, keys }, 'east', patient);
      // Assess: the stored path calls what the direct path calls.
      const tpmt = stored.profile!.genes.find((g) => g.gene === 'TPMT')!;
      const direct = (await vcfProfile(vcf)).genes.find((g) => g.gene === 'TPMT')!;
      expect(direct.diplotype, sample).toBe(call);
      expect(tpmt, sample).toEqual(direct);
    }
    expect((await vcfProfile(cases[0]!.vcf)).genes.find((g) => g.gene === 'TPMT')!.phenotype).toBe(
      'Poor Metabolizer',
    );
  });

  it('reads a call stored before phase was kept as unphased, whatever its GT separator', () => {
    const old: StoredGenotype = {
      patient: 'p',
      chrom: 'chr6',
      pos: 18130687,
      ref: 'T',
      alt: 'C',
      gt: '0|1',
      zygosity: 'het',
      gene: 'TPMT',
      line: 3,
    };
    expect(positionGenotypesOf([old]).genotypes).toEqual([
      { chrom: 'chr6', pos: 18130687, alleles: ['T', 'C'] },
    ]);
    expect(positionGenotypesOf([{ ...old, phased: true, phaseSet: '7' }]).genotypes).toEqual([
      { chrom: 'chr6', pos: 18130687, alleles: ['T', 'C'], phased: true, phaseSet: '7' },
    ]);
  });

  it('stores a lower-case VCF stored before bases were raised again under its own keys when its event comes again', async () => {
    // Prepare: CYP2C19 *2/*2 written in lower-case bases, ingested by ingestFile.
    const text = singleSampleVcf('S1', genomeGenotypes({ CYP2C19: ['*2', '*2'] }))
      .split('\n')
      .map((l) => {
        if (l.startsWith('#') || !l) return l;
        const c = l.split('\t');
        c[3] = c[3]!.toLowerCase();
        c[4] = c[4]!.toLowerCase();
        return c.join('\t');
      })
      .join('\n');
    const deps = memoryIngestDeps();
    const key = 'raw/east/b1/pgx.vcf';
    await deps.objects.put('raw', key, text);
    deps.objects.modified.set(`raw/${key}`, '2026-05-01T00:00:00.000Z');
    const run = (at: string) => ingestFile({ ...deps, clock: fixedClock(at) }, { key, etag: 'e1' });
    await run('2026-05-01T00:00:00.000Z');
    const patient = await new ResourceProjector(deps.keys, 'east').pseudonym('Patient', 'S1');
    // As the code before 80e70f7 stored them: keyed and sealed with the bases as written.
    const genotypeItems = [...deps.serving.items].filter(([, i]) =>
      String(i.sk).startsWith(genotypeSortPrefix()),
    );
    expect(genotypeItems.length).toBeGreaterThan(0);
    for (const [id, item] of genotypeItems) {
      const stored = await openGenotypeItem(deps.keys, 'east', patient, item);
      const { file, uploadedAt, line, gene, ...call } = stored;
      const lower: GenotypeRecord = {
        ...call,
        ...(gene ? { gene: gene as PgxGene } : {}),
        sample: 'S1',
        ref: call.ref.toLowerCase(),
        alt: call.alt.toLowerCase(),
      };
      const old = await sealGenotypeItem(
        deps.keys,
        { hospital: 'east', batch: 'b1' },
        patient,
        lower,
        line,
        {
          file: file!,
          uploadedAt: uploadedAt!,
        },
      );
      deps.serving.items.delete(id);
      await deps.serving.put(old);
    }
    const before = new Set(deps.serving.items.keys());
    const cyp2c19 = async () =>
      (await storedPgxProfile(deps, 'east', patient)).profile!.genes.find(
        (g) => g.gene === 'CYP2C19',
      );
    expect(await cyp2c19()).toMatchObject({ diplotype: '*2/*2', phenotype: 'Poor Metabolizer' });
    // Act: the same object's event delivered again, a month on.
    await run('2026-06-01T00:00:00.000Z');
    // Assess: its own items overwritten, none added; still *2/*2.
    expect(new Set(deps.serving.items.keys())).toEqual(before);
    expect(await cyp2c19()).toMatchObject({ diplotype: '*2/*2', phenotype: 'Poor Metabolizer' });
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
    expect(warnings).toEqual([
      `line 9: second record at chr10:${star2Site} could not be merged (a different genotype or overlapping ALT alleles); the position is a no-call`,
    ]);
  });

  it('never pools the variant alleles of one het stored under overlapping ALT lists (T, and T,A)', () => {
    // Act: the same het, once with ALT A and once with ALT "A,T", in one (pre-`file`) stored set.
    const { genotypes, warnings } = positionGenotypesOf([
      call(8, 'A', '0/1'),
      call(9, 'A,T', '0/1'),
    ]);
    // Assess: a no-call with a warning naming the position, not A/A.
    expect(genotypes).toEqual([{ chrom: 'chr10', pos: star2Site, alleles: null }]);
    expect(warnings).toEqual([expect.stringContaining(`chr10:${star2Site}`)]);
  });

  it('collapses one call stored twice with the same ALT and GT', () => {
    const { genotypes, warnings } = positionGenotypesOf([call(8, 'A', '0/1'), call(9, 'A', '0/1')]);
    expect(genotypes).toEqual([{ chrom: 'chr10', pos: star2Site, alleles: ['G', 'A'] }]);
    expect(warnings).toEqual([]);
  });

  const from = (c: StoredGenotype, file: string, uploadedAt: string): StoredGenotype => ({
    ...c,
    file,
    uploadedAt,
  });

  it("reads a gene from the latest file only: a corrected 0/0 undoes the earlier file's het", () => {
    // Prepare: file f1 (older) has the *2 het with ALT A; file f2 (newer) the site as 0/0, ALT ".".
    const older = from(call(12, 'A', '0/1'), 'f1', '2026-01-01T00:00:00.000Z');
    const newer = from(call(12, '.', '0/0'), 'f2', '2026-02-01T00:00:00.000Z');
    // Act: in either order
    for (const calls of [
      [older, newer],
      [newer, older],
    ]) {
      const { genotypes, warnings } = positionGenotypesOf(calls);
      // Assess
      expect(genotypes).toEqual([{ chrom: 'chr10', pos: star2Site, alleles: ['G', 'G'] }]);
      expect(warnings).toEqual([
        "CYP2C19: calls from 1 earlier genotype file(s) replaced by the latest file's",
      ]);
    }
  });

  it("never merges two files' records at one position, and keeps an older file's other genes", () => {
    // Prepare: the same het in two files under ALT A and ALT "A,T"; a TPMT call only in the older.
    const tpmt: StoredGenotype = {
      ...call(30, 'C', '0/1'),
      chrom: 'chr6',
      pos: 18130687,
      ref: 'T',
      gene: 'TPMT',
    };
    const calls = [
      from(call(12, 'A', '0/1'), 'f1', '2026-01-01T00:00:00.000Z'),
      from(tpmt, 'f1', '2026-01-01T00:00:00.000Z'),
      from(call(40, 'A,T', '0/1'), 'f2', '2026-02-01T00:00:00.000Z'),
    ];
    // Act
    const { genotypes } = positionGenotypesOf(calls);
    // Assess: CYP2C19 from f2 alone (het), TPMT from f1.
    expect(genotypes).toEqual([
      { chrom: 'chr6', pos: 18130687, alleles: ['T', 'C'] },
      { chrom: 'chr10', pos: star2Site, alleles: ['G', 'A'] },
    ]);
  });

  it('orders items stored by 3643b74 (storedAt, no uploadedAt) by storedAt', () => {
    const earlier = { ...call(12, 'A', '1/1'), file: 'f1', storedAt: '2026-01-01T00:00:00.000Z' };
    const later = { ...call(12, '.', '0/0'), file: 'f2', storedAt: '2026-02-01T00:00:00.000Z' };
    for (const calls of [
      [earlier, later],
      [later, earlier],
    ])
      expect(positionGenotypesOf(calls).genotypes[0]!.alleles).toEqual(['G', 'G']);
  });

  it('treats items stored without a file as the oldest file', () => {
    const legacy = call(12, 'A', '1/1');
    const current = from(call(12, '.', '0/0'), 'f2', '2026-02-01T00:00:00.000Z');
    expect(positionGenotypesOf([current, legacy]).genotypes[0]!.alleles).toEqual(['G', 'G']);
  });

  it('makes a no-call of two pre-`file` items on the same line (two files of unknown order)', () => {
    const { genotypes, warnings } = positionGenotypesOf([
      call(12, 'A', '0/1'),
      call(12, '.', '0/0'),
    ]);
    expect(genotypes[0]!.alleles).toBeNull();
    expect(warnings).toEqual([expect.stringContaining(`chr10:${star2Site}`)]);
  });

  it("reads one file's call stored twice at its line (lower-case bases keyed two ways) once", () => {
    // Prepare: one record of file f1 stored under two keys, the same call read back from each.
    const twice = from(call(12, 'A', '1/1'), 'f1', '2026-01-01T00:00:00.000Z');
    // Act
    const { genotypes, warnings } = positionGenotypesOf([twice, { ...twice }]);
    // Assess: the call, not a no-call.
    expect(genotypes).toEqual([{ chrom: 'chr10', pos: star2Site, alleles: ['A', 'A'] }]);
    expect(warnings).toEqual([]);
    // Two different calls at one line of one file still contradict each other.
    const other = from(call(12, '.', '0/0'), 'f1', '2026-01-01T00:00:00.000Z');
    expect(positionGenotypesOf([twice, other]).genotypes[0]!.alleles).toBeNull();
  });

  it('reads a no-call and a haploid GT as no-calls', () => {
    expect(positionGenotypesOf([call(1, 'A', './.')]).genotypes[0]!.alleles).toBeNull();
    expect(positionGenotypesOf([call(1, 'A', '1')]).genotypes[0]!.alleles).toBeNull();
  });
});
