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
  let stderr: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pgx-cli-'));
    stdout = [];
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
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

  it('exits 1 naming a --drugs entry no CPIC guideline covers (a brand name, a misspelling)', async () => {
    // Prepare
    writeFileSync(join(dir, 'a.vcf'), vcf);
    // Act
    const code = await runCommand(pgxCommand, [
      '--vcf',
      join(dir, 'a.vcf'),
      '--drugs',
      'plavix, Warfrin,clopidogrel',
      '--json',
    ]);
    // Assess: no table that would read as "no PGx concern", and the names and the known drugs said
    expect(code).toBe(1);
    expect(stdout.join('')).toBe('');
    expect(stderr).toContain('--drugs: no CPIC guideline for "plavix", "warfrin"');
    expect(stderr).toMatch(/the drugs with one: abacavir, .*clopidogrel, .*warfarin/);
  });

  it('matches --drugs in any case and warns of a drug whose genes were not typed', async () => {
    // Prepare: CYP2C19 typed; no CYP2D6, HLA-A or HLA-B calls
    writeFileSync(join(dir, 'a.vcf'), vcf);
    // Act
    const code = await runCommand(pgxCommand, [
      '--vcf',
      join(dir, 'a.vcf'),
      '--drugs',
      'Clopidogrel,CARBAMAZEPINE,codeine',
      '--json',
    ]);
    // Assess
    expect(code).toBe(0);
    const result = JSON.parse(stdout.join(''));
    expect(result.recommendations.map((r: { drug: string }) => r.drug)).toEqual(['clopidogrel']);
    const untyped = [
      '--drugs: no recommendation for carbamazepine: HLA-A*31:01, HLA-B*15:02 not tested (give them with --outside-calls)',
      '--drugs: no recommendation for codeine: CYP2D6 not tested (give it with --outside-calls)',
    ];
    expect(result.warnings).toEqual(expect.arrayContaining(untyped));
    for (const warning of untyped) expect(stderr).toContain(`warning: ${warning}`);
  });

  it('exits 2 for a --drugs that names no drug', async () => {
    writeFileSync(join(dir, 'a.vcf'), vcf);
    expect(await runCommand(pgxCommand, ['--vcf', join(dir, 'a.vcf'), '--drugs', ' , '])).toBe(2);
    expect(stderr).toContain('--drugs: give at least one drug name');
  });
});
