// Tests (CLI): `caregraph pgx` reads a VCF and outside calls and prints the contract's JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../io';
import { pgxCommand } from './pgx';

const vcf = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr10,length=133797422>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  'chr10\t94781859\trs4244285\tG\tA\t.\tPASS\t.\tGT\t1/1',
  '',
].join('\n');

describe('Command: caregraph pgx', () => {
  let dir: string;
  let stdout: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pgx-cli-'));
    stdout = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints genes and recommendations as JSON, with missing positions per gene', async () => {
    // Prepare
    writeFileSync(join(dir, 'a.vcf'), vcf);
    writeFileSync(join(dir, 'calls.tsv'), 'CYP2D6\t*4/*4\nHLA-B\t*57:01 positive\n');
    // Act
    const code = await runCommand(pgxCommand, [
      '--vcf',
      join(dir, 'a.vcf'),
      '--outside-calls',
      join(dir, 'calls.tsv'),
      '--json',
    ]);
    // Assess
    expect(code).toBe(0);
    const result = JSON.parse(stdout.join(''));
    const cyp2c19 = result.genes.find((g: { gene: string }) => g.gene === 'CYP2C19');
    expect(cyp2c19).toMatchObject({
      diplotype: '*2/*2',
      phenotype: 'Poor Metabolizer',
    });
    expect(cyp2c19.missingPositions.length).toBeGreaterThan(0);
    const drugs = result.recommendations.map((r: { drug: string }) => r.drug);
    expect(drugs).toEqual(expect.arrayContaining(['abacavir', 'clopidogrel', 'codeine']));
    expect(result.recommendations[0]).toHaveProperty('source');
  });

  it('exits 1 naming the missing file, and 2 without --vcf', async () => {
    expect(await runCommand(pgxCommand, ['--vcf', join(dir, 'none.vcf')])).toBe(1);
    expect(await runCommand(pgxCommand, [])).toBe(2);
  });
});
