// Tests (genomics): once a corrected genotype file is stored, the superseded file's calls are retired
// (no call left, an expiry for DynamoDB's TTL), gene by gene, and a re-delivered event for the old
// file leaves the table as it was.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../ports/clock';
import type { Item } from '../../ports/table';
import { ingestFile } from '../ingest/ingest-file';
import { memoryIngestDeps } from '../ingest/ingest-file.fixture';
import { pgxGenes } from '../pgx/allele-definitions';
import { genomeGenotypes } from '../pgx/genotypes.testkit';
import { storedPgxProfile } from '../pgx/stored-profile';
import { singleSampleVcf } from '../pgx/vcf-text.testkit';
import { ResourceProjector } from '../serving/resource-projection';
import { genotypePartition, offTargetSortPrefix, openGenotypeItem } from './genotype-items';
import { retireSupersededGenotypes } from './superseded-genotypes';
import { openTumourItem, tumourFindingSortPrefix } from './tumour-finding-items';

const [keyA, keyB] = ['raw/east/b1/a.vcf', 'raw/east/b2/b.vcf'];
const uploadedA = '2026-01-01T00:00:00.000Z';
const uploadedB = '2026-02-01T00:00:00.000Z';

/** File A calls CYP2C19 *2/*2 in error (every gene typed, one off-target call); B corrects it. */
const wrong = singleSampleVcf('S9', genomeGenotypes({ CYP2C19: ['*2', '*2'] })).replace(
  /\n$/,
  '\nchr1\t100000\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\n',
);
const corrected = wrong.replace(/^(chr10\t(?:94775367|94781859)\t.*\t)1\/1$/gm, '$10/0');

async function setUp(files: Record<string, string>) {
  const deps = memoryIngestDeps();
  for (const [key, text] of Object.entries(files)) await deps.objects.put('raw', key, text);
  deps.objects.modified.set(`raw/${keyA}`, uploadedA);
  deps.objects.modified.set(`raw/${keyB}`, uploadedB);
  const run = (key: string, etag: string, at: string, remainingMs?: () => number) =>
    ingestFile(
      { ...deps, clock: fixedClock(at) },
      { key, etag, versionEtag: etag, ...(remainingMs ? { remainingMs } : {}) },
    );
  const patient = await new ResourceProjector(deps.keys, 'east').pseudonym('Patient', 'S9');
  /** The patient's genotype items (not the tumour file's marker beside them, under "TF#"). */
  const partition = () =>
    [...deps.serving.items.values()].filter(
      (i) =>
        i.pk === genotypePartition('east', patient) &&
        !String(i.sk).startsWith(tumourFindingSortPrefix),
    );
  /** The file of each live item, by gene ("~": off-target). */
  const liveFiles = async () => {
    const files: Record<string, Set<string>> = {};
    for (const item of partition().filter((i) => i.retired !== true)) {
      const call = await openGenotypeItem(deps.keys, 'east', patient, item);
      (files[call.gene ?? '~'] ??= new Set()).add(call.file!);
    }
    return files;
  };
  const diplotype = async (gene: string) =>
    (await storedPgxProfile(deps, 'east', patient)).profile!.genes.find((g) => g.gene === gene)!
      .diplotype;
  /**
   * The whole table, each genotype (and tumour-finding) envelope opened: a call rewritten by a
   * re-delivered event is sealed again under a fresh IV, so its ciphertext differs though it holds
   * the same call.
   */
  const contents = async () => {
    const opened = new Map<string, Item>();
    for (const [key, item] of deps.serving.items) {
      const ours = item.pk === genotypePartition('east', patient);
      opened.set(
        key,
        ours && item.genotype !== undefined
          ? { ...item, genotype: await openGenotypeItem(deps.keys, 'east', patient, item) }
          : ours && item.finding !== undefined
            ? { ...item, finding: await openTumourItem(deps.keys, 'east', patient, item) }
            : structuredClone(item),
      );
    }
    return opened;
  };
  return { deps, run, partition, liveFiles, diplotype, contents };
}

describe('Function: retireSupersededGenotypes (through ingestFile)', () => {
  it("keeps only the corrected file's calls once it is stored; the old file's items hold no call", async () => {
    // Prepare
    const { run, partition, liveFiles, diplotype } = await setUp({
      [keyA]: wrong,
      [keyB]: corrected,
    });
    await run(keyA, 'etag-a', '2026-01-01T00:01:00.000Z');
    const fromA = partition().length;
    // Act
    await run(keyB, 'etag-b', '2026-02-01T00:01:00.000Z');
    // Assess: every gene from B alone; A's pharmacogene items retired in place, its off-target call
    // left (never read: superseded-genotypes.ts).
    const files = await liveFiles();
    const fileB = [...files.CYP2C19!][0]!;
    expect(Object.keys(files).sort()).toEqual([...pgxGenes, '~'].sort());
    for (const gene of pgxGenes) expect([...files[gene]!], gene).toEqual([fileB]);
    expect(files['~']!.size).toBe(2);
    expect(files['~']!.has(fileB)).toBe(true);
    const retired = partition().filter((i) => i.retired === true);
    expect(retired).toHaveLength(fromA - 1);
    expect(retired.every((i) => !String(i.sk).startsWith('GT#~#'))).toBe(true);
    expect(partition()).toHaveLength(2 * fromA);
    for (const item of retired)
      expect(item).toEqual({
        pk: item.pk,
        sk: item.sk,
        hospital: 'east',
        retired: true,
        expiresAt: Date.parse(uploadedB) / 1000,
      });
    expect(await diplotype('CYP2C19')).toBe('*1/*1');
  });

  it("leaves the table as it was when the old file's event is delivered again after the correction", async () => {
    // Prepare
    const { deps, run, diplotype, contents } = await setUp({ [keyA]: wrong, [keyB]: corrected });
    await run(keyA, 'etag-a', '2026-01-01T00:01:00.000Z');
    await run(keyB, 'etag-b', '2026-02-01T00:01:00.000Z');
    const before = await contents();
    const keysBefore = [...deps.serving.items.keys()].sort();
    // Act: S3 delivers A's ObjectCreated event again, a month on.
    await run(keyA, 'etag-a', '2026-03-01T00:00:00.000Z');
    // Assess: the same items holding the same calls (A's off-target call, never retired, sealed anew).
    expect([...deps.serving.items.keys()].sort()).toEqual(keysBefore);
    expect(await contents()).toEqual(before);
    expect(await diplotype('CYP2C19')).toBe('*1/*1');
  });

  it("retires an older file's calls only for the genes a later file calls", async () => {
    // Prepare: B types CYP2C19 alone; A typed every gene.
    const onlyCyp2c19 = corrected
      .split('\n')
      .filter((line) => line.startsWith('#') || line.startsWith('chr10\t947') || line === '')
      .join('\n');
    const { run, liveFiles, diplotype } = await setUp({ [keyA]: wrong, [keyB]: onlyCyp2c19 });
    await run(keyA, 'etag-a', '2026-01-01T00:01:00.000Z');
    const fileA = [...(await liveFiles()).TPMT!][0]!;
    // Act
    await run(keyB, 'etag-b', '2026-02-01T00:01:00.000Z');
    // Assess: CYP2C19 from B, every other gene still from A.
    const files = await liveFiles();
    expect([...files.CYP2C19!]).not.toEqual([fileA]);
    expect(files.CYP2C19!.size).toBe(1);
    for (const gene of ['TPMT', 'DPYD', 'CYP2C9', '~']) expect([...files[gene]!]).toEqual([fileA]);
    expect(await diplotype('CYP2C19')).toBe('*1/*1');
  });
  it('reads only the pharmacogene range, each envelope once, however many off-target calls; writes nothing when nothing is superseded', async () => {
    // Prepare: both files also hold 2,000 calls outside the ten genes (a genome holds millions).
    const offTarget = Array.from(
      { length: 2000 },
      (_, i) => `chr1\t${200000 + i}\t.\tA\tG\t.\tPASS\t.\tGT\t0/1`,
    ).join('\n');
    const { deps, run, partition } = await setUp({
      [keyA]: `${wrong}${offTarget}\n`,
      [keyB]: `${corrected}${offTarget}\n`,
    });
    const cost = { queries: 0, read: 0, opened: 0, markers: 0, writes: 0 };
    const query = deps.serving.query.bind(deps.serving);
    deps.serving.query = async (input) => {
      const page = await query(input);
      if (input.partition.startsWith('G#')) {
        cost.queries++;
        cost.read += page.items.length;
      }
      return page;
    };
    const decrypt = deps.keys.decrypt.bind(deps.keys);
    deps.keys.decrypt = async (hospital, envelope) => {
      cost.opened++;
      return decrypt(hospital, envelope);
    };
    deps.serving.onPutMany = (items) => {
      cost.writes++;
      cost.markers += items.filter((i) => i.retired === true).length;
    };
    const onGenes = () => partition().filter((i) => !String(i.sk).startsWith(offTargetSortPrefix));
    const reset = () =>
      Object.assign(cost, { queries: 0, read: 0, opened: 0, markers: 0, writes: 0 });
    // Act 1: A, a first upload: nothing to retire.
    await run(keyA, 'etag-a', '2026-01-01T00:01:00.000Z');
    // Assess 1: one read of A's pharmacogene items (the last page may hold some off-target items,
    // never opened), no marker.
    const fromA = onGenes().length;
    expect(fromA).toBeGreaterThan(300);
    expect(cost.read).toBeLessThan(fromA + 250);
    expect(cost.opened).toBeLessThanOrEqual(fromA);
    expect(cost.markers).toBe(0);
    // Act 2: B supersedes A.
    reset();
    await run(keyB, 'etag-b', '2026-02-01T00:01:00.000Z');
    // Assess 2: A's pharmacogene items retired, each item of the range read and opened once.
    expect(onGenes()).toHaveLength(2 * fromA);
    expect(cost.read).toBeLessThan(2 * fromA + 250);
    expect(cost.opened).toBeLessThanOrEqual(2 * fromA);
    expect(cost.markers).toBe(fromA);
    // Act 3: retirement again, nothing left to retire.
    reset();
    const pk = onGenes()[0]!.pk as string;
    const pseudonym = pk.slice('G#east#'.length);
    const retired = await retireSupersededGenotypes(deps, 'east', pseudonym);
    // Assess 3: one pass over the range (B's calls opened, A's markers skipped), no write.
    expect(retired).toBe(0);
    expect(cost.queries).toBeLessThanOrEqual(Math.ceil((2 * fromA) / 250) + 1);
    expect(cost.read).toBeLessThan(2 * fromA + 250);
    expect(cost.opened).toBe(fromA);
    expect(cost.writes).toBe(0);
  });
  it('leaves the remaining patients for a later run when the invocation is short of time, and says so without failing', async () => {
    // Prepare: both files hold two samples, S9 and S8, with the same calls.
    const twoSamples = (vcf: string) =>
      vcf
        .split('\n')
        .map((line) =>
          line.startsWith('#CHROM')
            ? `${line}\tS8`
            : line === '' || line.startsWith('#')
              ? line
              : `${line}\t${line.split('\t').at(-1)}`,
        )
        .join('\n');
    const { deps, run, diplotype } = await setUp({
      [keyA]: twoSamples(wrong),
      [keyB]: twoSamples(corrected),
    });
    const pseudonym = (sample: string) =>
      new ResourceProjector(deps.keys, 'east').pseudonym('Patient', sample);
    const [s9, s8] = [await pseudonym('S9'), await pseudonym('S8')];
    const retiredOf = (patient: string) =>
      [...deps.serving.items.values()].filter(
        (i) => i.pk === genotypePartition('east', patient) && i.retired === true,
      ).length;
    await run(keyA, 'etag-a', '2026-01-01T00:01:00.000Z');
    // Act: time for the first patient (S9, first in the header), then 1 s left.
    let asked = 0;
    const report = await run(keyB, 'etag-b', '2026-02-01T00:01:00.000Z', () =>
      asked++ === 0 ? 60_000 : 1_000,
    );
    // Assess: S9's superseded calls retired, S8's left (read past), the report counts one patient.
    expect(retiredOf(s9)).toBeGreaterThan(300);
    expect(retiredOf(s8)).toBe(0);
    expect(report.status).toBe('accepted');
    expect(report.warnings['superseded-genotypes-not-retired']).toEqual({
      count: 1,
      firstLines: [0],
    });
    expect(JSON.stringify(report)).not.toContain(s8);
    expect(asked).toBe(2);
    expect(await diplotype('CYP2C19')).toBe('*1/*1');
    const s8Profile = (await storedPgxProfile(deps, 'east', s8)).profile!;
    expect(s8Profile.genes.find((g) => g.gene === 'CYP2C19')!.diplotype).toBe('*1/*1');
    // Act 2: the next ingest of the file (a re-delivered event), with time enough.
    const again = await run(keyB, 'etag-b', '2026-02-01T00:02:00.000Z');
    // Assess 2: S8's are retired too.
    expect(retiredOf(s8)).toBe(retiredOf(s9));
    expect(again.warnings['superseded-genotypes-not-retired']).toBeUndefined();
  });
});
