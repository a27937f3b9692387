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
import { genotypePartition, openGenotypeItem } from './genotype-items';

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
  const run = (key: string, etag: string, at: string) =>
    ingestFile({ ...deps, clock: fixedClock(at) }, { key, etag, versionEtag: etag });
  const patient = await new ResourceProjector(deps.keys, 'east').pseudonym('Patient', 'S9');
  const partition = () =>
    [...deps.serving.items.values()].filter((i) => i.pk === genotypePartition('east', patient));
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
  return { deps, run, partition, liveFiles, diplotype };
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
    // Assess: every gene (and the off-target call) from B alone; A's items retired in place.
    const files = await liveFiles();
    const fileB = [...files.CYP2C19!][0]!;
    expect(Object.keys(files).sort()).toEqual([...pgxGenes, '~'].sort());
    for (const [gene, set] of Object.entries(files)) expect([...set], gene).toEqual([fileB]);
    const retired = partition().filter((i) => i.retired === true);
    expect(retired).toHaveLength(fromA);
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
    const { deps, run, diplotype } = await setUp({ [keyA]: wrong, [keyB]: corrected });
    await run(keyA, 'etag-a', '2026-01-01T00:01:00.000Z');
    await run(keyB, 'etag-b', '2026-02-01T00:01:00.000Z');
    const before = new Map<string, Item>(structuredClone([...deps.serving.items]));
    // Act: S3 delivers A's ObjectCreated event again, a month on.
    await run(keyA, 'etag-a', '2026-03-01T00:00:00.000Z');
    // Assess
    expect(new Map(deps.serving.items)).toEqual(before);
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
});
