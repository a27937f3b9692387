// Tests (genomics): a genotype item keeps no genotype in clear, opens only for its own hospital and
// patient, and has a deterministic key so re-delivery overwrites.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKeyRing } from '../../adapters/local/local-key-ring';
import { openGenotypeItem, sealGenotypeItem } from './genotype-items';
import type { GenotypeRecord } from './genotype-records';

const cyp2c19Star2: GenotypeRecord = {
  sample: 'vcf-p1',
  chrom: 'chr10',
  pos: 94781859,
  ref: 'G',
  alt: 'A',
  gt: '0/1',
  zygosity: 'het',
  gene: 'CYP2C19',
};
const where = { hospital: 'east', batch: 'b1' };

describe('Function: sealGenotypeItem', () => {
  let dir: string;
  let keys: LocalKeyRing;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-gt-items-'));
    keys = new LocalKeyRing(join(dir, 'master.key'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores no position, allele, GT or zygosity in clear, only the gene in the sort key', async () => {
    // Act
    const item = await sealGenotypeItem(keys, where, 'pat1', cyp2c19Star2, 12);
    // Assess: keys, hospital and batch in clear, the call only inside the envelope. The envelope is
    // read as bytes (its base64 text could spell "0/1" by chance) and searched for strings its
    // plaintext holds that are too long for ciphertext to spell by chance (a 3-byte "0/1" can).
    const { genotype, ...clear } = item;
    expect(Object.keys(clear).sort()).toEqual(['batch', 'hospital', 'pk', 'sk']);
    for (const revealing of ['94781859', 'G>A', '0/1', 'het', 'vcf-p1'])
      expect(JSON.stringify(clear)).not.toContain(revealing);
    const sealed = Buffer.from(String(genotype), 'base64').toString('latin1');
    for (const plaintext of ['94781859', '"gt":"', '"zygosity":"', '"chrom":"chr'])
      expect(sealed).not.toContain(plaintext);
    expect(item.pk).toBe('G#east#pat1');
    expect(item.sk).toMatch(/^GT#CYP2C19#[0-9a-f]{32}$/);
  });

  it('gives the same call the same key on re-delivery, and another patient an unrelated key', async () => {
    // Act
    const first = await sealGenotypeItem(keys, where, 'pat1', cyp2c19Star2, 12);
    const again = await sealGenotypeItem(keys, where, 'pat1', cyp2c19Star2, 12);
    const other = await sealGenotypeItem(keys, where, 'pat2', cyp2c19Star2, 12);
    // Assess: same key (an overwrite), yet a fresh envelope; the site token differs per patient.
    expect(again.sk).toBe(first.sk);
    expect(again.genotype).not.toBe(first.genotype);
    expect(String(other.sk).slice(-32)).not.toBe(String(first.sk).slice(-32));
  });

  it("keys a call by its file too: one file re-delivered overwrites its own item, never another file's", async () => {
    // Act
    const a = { file: 'content-a', uploadedAt: '2026-01-01T00:00:00.000Z' };
    const fromA = await sealGenotypeItem(keys, where, 'pat1', cyp2c19Star2, 12, a);
    const fromB = await sealGenotypeItem(keys, where, 'pat1', cyp2c19Star2, 12, {
      file: 'content-b',
      uploadedAt: '2026-02-01T00:00:00.000Z',
    });
    const fromAagain = await sealGenotypeItem(keys, where, 'pat1', cyp2c19Star2, 12, a);
    const legacy = await sealGenotypeItem(keys, where, 'pat1', cyp2c19Star2, 12);
    // Assess: A and B at one site are two items; A again is A's item; no file names no file.
    expect(fromB.sk).not.toBe(fromA.sk);
    expect(fromAagain.sk).toBe(fromA.sk);
    expect(new Set([legacy.sk, fromA.sk, fromB.sk]).size).toBe(3);
    expect(fromB.sk).toMatch(/^GT#CYP2C19#[0-9a-f]{32}$/);
  });

  it('opens to the call for its own patient and hospital only', async () => {
    // Prepare
    const item = await sealGenotypeItem(keys, where, 'pat1', cyp2c19Star2, 12);
    // Act
    const opened = await openGenotypeItem(keys, 'east', 'pat1', item);
    // Assess
    expect(opened).toEqual({
      patient: 'pat1',
      chrom: 'chr10',
      pos: 94781859,
      ref: 'G',
      alt: 'A',
      gt: '0/1',
      zygosity: 'het',
      gene: 'CYP2C19',
      line: 12,
    });
    await expect(openGenotypeItem(keys, 'west', 'pat1', item)).rejects.toThrow('authentication');
    await expect(openGenotypeItem(keys, 'east', 'pat2', item)).rejects.toThrow('another patient');
    await expect(openGenotypeItem(keys, 'east', 'pat1', { pk: 'x', sk: 'y' })).rejects.toThrow(
      'no encrypted genotype',
    );
  });

  it('opens a call stored in lower-case bases in upper case, as the VCF reader reads them now', async () => {
    // Prepare: stored before the reader raised bases (a file written in lower case).
    const lower = { ...cyp2c19Star2, ref: 'g', alt: 'a,<NON_REF>' };
    const item = await sealGenotypeItem(keys, where, 'pat1', lower, 12);
    // Act
    const opened = await openGenotypeItem(keys, 'east', 'pat1', item);
    // Assess
    expect([opened.ref, opened.alt]).toEqual(['G', 'A,<NON_REF>']);
  });

  it('keeps the file and its upload time inside the envelope, never in clear', async () => {
    // Prepare
    const source = { file: 'etag-abc123', uploadedAt: '2026-02-01T00:00:00.000Z' };
    const item = await sealGenotypeItem(keys, where, 'pat1', cyp2c19Star2, 12, source);
    // Act
    const opened = await openGenotypeItem(keys, 'east', 'pat1', item);
    // Assess
    expect(opened).toMatchObject(source);
    expect(JSON.stringify({ ...item, genotype: undefined })).not.toContain('etag-abc123');
  });
});
