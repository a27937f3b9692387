import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { parseVocabularyLine } from '../../../shared/domain/nlp/vocabulary/imported';
import { runCommand } from '../io';
import { vocabCommandWith } from './vocab';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../shared/domain/nlp/importers/fixtures/${name}`, import.meta.url));

describe('Command: vocab import', () => {
  let stdout: MockInstance;
  let stderr: MockInstance;
  const printed = () => stdout.mock.calls.map((c) => String(c[0])).join('');
  const logged = () => stderr.mock.calls.map((c) => String(c[0])).join('');
  const command = vocabCommandWith({ progressEvery: 2 });
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-vocab-'));
    stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  const lines = (file: string) =>
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l, i) => parseVocabularyLine(l, i + 1));

  it('writes one concept per line from MeSH XML and prints a summary by type', async () => {
    // Prepare
    const out = join(dir, 'mesh.jsonl');
    // Act
    const code = await runCommand(command, [
      'import',
      '--format',
      'mesh',
      fixture('desc_fixture.xml'),
      '--out',
      out,
      '--json',
    ]);
    // Assess
    expect(code).toBe(0);
    const concepts = lines(out);
    expect(concepts.map((c) => c.codes.mesh)).toEqual([
      'D006973',
      'D008687',
      'D004417',
      'D002045',
      'D013999',
    ]);
    expect(concepts[3]!.synonyms).toEqual(['Bupivacaine', 'Marcaine']);
    const summary = JSON.parse(printed());
    expect(summary).toMatchObject({
      format: 'mesh',
      concepts: 5,
      byType: { Disease: 1, Chemical: 3, Symptom: 1 },
    });
    expect(typeof summary.seconds).toBe('number');
    expect(logged()).toMatch(/imported 2 concepts .*\n.*imported 4 concepts \(/);
    expect(readdirSync(dir)).toEqual(['mesh.jsonl']);
  });

  it.each([
    ['icd10cm', 'icd10cm_order_fixture.txt', [], 6],
    ['icd10cm', 'icd10cm_order_fixture.txt', ['--billable-only'], 5],
    ['rxnorm', 'RXNCONSO_fixture.RRF', [], 3],
    ['hgnc', 'hgnc_complete_set_fixture.txt', [], 2],
    ['mrconso', 'MRCONSO_fixture.RRF', ['--types', fixture('MRSTY_fixture.RRF')], 2],
  ])('imports the %s fixture %s %j', async (format, file, flags, count) => {
    const out = join(dir, 'v.jsonl');
    const code = await runCommand(command, [
      'import',
      '--format',
      format,
      fixture(file),
      '--out',
      out,
      ...flags,
    ]);
    expect(code).toBe(0);
    expect(lines(out)).toHaveLength(count);
    expect(printed()).toMatch(new RegExp(`wrote ${count} concepts to `));
  });

  it('fails naming the file and line, keeps an earlier vocabulary and leaves no temporary file', async () => {
    // Prepare
    const broken = join(dir, 'desc.xml');
    const complete = readFileSync(fixture('desc_fixture.xml'), 'utf8').replace(
      '</DescriptorRecordSet>\n',
      '',
    );
    const line = complete.split('\n').length; // the unclosed record's line
    writeFileSync(broken, `${complete}<DescriptorRecord>\n<DescriptorUI>D1</DescriptorUI>\n`);
    const out = join(dir, 'mesh.jsonl');
    writeFileSync(out, 'earlier\n');
    // Act
    const code = await runCommand(command, ['import', '--format', 'mesh', broken, '--out', out]);
    // Assess
    expect(code).toBe(1);
    expect(logged()).toContain(
      `caregraph vocab: ${broken}: MeSH record at line ${line} is not closed`,
    );
    expect(readFileSync(out, 'utf8')).toBe('earlier\n');
    expect(readdirSync(dir).sort()).toEqual(['desc.xml', 'mesh.jsonl']);
  });

  it('names a missing release file and writes nothing', async () => {
    const out = join(dir, 'v.jsonl');
    const missing = join(dir, 'nope.xml');
    const code = await runCommand(command, ['import', '--format', 'mesh', missing, '--out', out]);
    expect(code).toBe(1);
    expect(logged()).toContain(`cannot read ${missing}: ENOENT`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a release with no concepts of the format (the wrong --format) and keeps the earlier vocabulary', async () => {
    // Prepare: an ICD-10-CM order file read as MeSH XML holds no descriptor record.
    const out = join(dir, 'mesh.jsonl');
    writeFileSync(out, 'earlier\n');
    const release = fixture('icd10cm_order_fixture.txt');
    // Act
    const code = await runCommand(command, ['import', '--format', 'mesh', release, '--out', out]);
    // Assess
    expect(code).toBe(1);
    expect(logged()).toContain(`${release}: no mesh concepts found; is --format mesh right`);
    expect(readFileSync(out, 'utf8')).toBe('earlier\n');
    expect(readdirSync(dir)).toEqual(['mesh.jsonl']);
  });

  it('names the MRSTY file and line when the semantic types are malformed', async () => {
    const types = join(dir, 'MRSTY.RRF');
    writeFileSync(types, 'C0020538|T047|B2|Disease or Syndrome|AT1||\nnot a row\n');
    const code = await runCommand(command, [
      'import',
      '--format',
      'mrconso',
      fixture('MRCONSO_fixture.RRF'),
      '--types',
      types,
      '--out',
      join(dir, 'v.jsonl'),
    ]);
    expect(code).toBe(1);
    expect(logged()).toContain(`caregraph vocab: ${types}: MRSTY.RRF line 2:`);
  });

  it.each([
    [['import', fixture('desc_fixture.xml'), '--out', 'x.jsonl'], /missing required flag --format/],
    [
      ['import', '--format', 'snomed', fixture('desc_fixture.xml'), '--out', 'x'],
      /--format must be/,
    ],
    [['import', '--format', 'mesh', fixture('desc_fixture.xml')], /missing required flag --out/],
    [['export', '--format', 'mesh'], /unknown vocab subcommand: export/],
    [
      ['import', '--format', 'mrconso', fixture('MRCONSO_fixture.RRF'), '--out', 'x'],
      /give --types MRSTY\.RRF/,
    ],
    [
      ['import', '--format', 'mesh', fixture('desc_fixture.xml'), '--out', 'x', '--types', 'y'],
      /--types goes with --format mrconso only/,
    ],
  ])('exits 2 on %j', async (argv, message) => {
    expect(await runCommand(command, argv)).toBe(2);
    expect(logged()).toMatch(message);
  });
});
