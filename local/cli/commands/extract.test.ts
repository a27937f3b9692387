import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../io';
import { extractCommand } from './extract';
import { vocabCommand } from './vocab';

describe('Command: extract', () => {
  let stdout: MockInstance;
  let stderr: MockInstance;
  const printed = () => stdout.mock.calls.map((c) => String(c[0])).join('');
  /** The JSON lines printed with --jsonl. */
  const printedLines = () =>
    printed()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  const dir = mkdtempSync(join(tmpdir(), 'caregraph-extract-'));

  beforeEach(() => {
    stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints the contract JSON: entities with offsets, codes and assertions, and relations', async () => {
    // Prepare
    const file = join(dir, 'note.txt');
    writeFileSync(file, 'Denies chest pain. Metformin 500 mg PO BID for type 2 diabetes.');
    // Act
    const code = await runCommand(extractCommand, [file, '--json']);
    // Assess
    expect(code).toBe(0);
    const result = JSON.parse(printed());
    expect(result.entities[0]).toEqual({
      start: 7,
      end: 17,
      text: 'chest pain',
      type: 'Symptom',
      code: '29857009',
      system: 'http://snomed.info/sct',
      assertion: 'negated',
    });
    const metformin = result.entities.findIndex((e: { text: string }) => e.text === 'Metformin');
    expect(result.entities[metformin].attributes).toEqual({
      dose: '500 mg',
      route: 'PO',
      frequency: 'BID',
    });
    expect(result.relations).toContainEqual({
      type: 'treats',
      head: metformin,
      tail: metformin + 1,
      confidence: 0.9,
    });
  });

  it('lists the concepts of a coordinated mention as its members, each with its code', async () => {
    // Prepare
    const file = join(dir, 'family.txt');
    writeFileSync(file, 'Mother had breast and ovarian cancer.');
    // Act
    const code = await runCommand(extractCommand, [file, '--json']);
    // Assess
    expect(code).toBe(0);
    const [entity] = JSON.parse(printed()).entities;
    expect(entity).toMatchObject({ text: 'breast and ovarian cancer', assertion: 'family' });
    expect(entity.members.map((m: { name: string }) => m.name)).toEqual([
      'breast cancer',
      'ovarian cancer',
    ]);
    expect(entity.members.every((m: { code?: string }) => typeof m.code === 'string')).toBe(true);
  });

  it('marks the drug of an allergy an allergen, and no other drug', async () => {
    // Prepare
    const file = join(dir, 'allergy.txt');
    writeFileSync(file, 'She is allergic to amoxicillin (hives). Takes metformin 500 mg BID.');
    // Act
    const code = await runCommand(extractCommand, [file, '--json']);
    // Assess
    expect(code).toBe(0);
    const drugs = JSON.parse(printed()).entities.filter(
      (e: { type: string }) => e.type === 'Chemical',
    );
    expect(drugs).toMatchObject([
      { text: 'amoxicillin', assertion: 'present', allergen: true },
      { text: 'metformin', assertion: 'present' },
    ]);
    expect(drugs[1]).not.toHaveProperty('allergen');
  });

  it('answers one line per {"id", "text"} line with --jsonl', async () => {
    const file = join(dir, 'notes.jsonl');
    writeFileSync(file, '{"id":"a","text":"No fever."}\n\n{"id":"b","text":"HTN"}\n');
    const code = await runCommand(extractCommand, [file, '--jsonl']);
    expect(code).toBe(0);
    const lines = printedLines();
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[0].entities[0].assertion).toBe('negated');
  });

  it('reads a year before the note\'s "date" as a past event, and the note\'s own year as current', async () => {
    // Prepare: the same sentence in a note of 2021 and in a note of 2019
    const file = join(dir, 'dated.jsonl');
    const text = 'He had a NSTEMI in 2019.';
    writeFileSync(
      file,
      [
        { id: 'later', text, date: '2021-06-01' },
        { id: 'same-year', text, date: '2019-11-30T10:00:00Z' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    // Act
    const code = await runCommand(extractCommand, [file, '--jsonl']);
    // Assess
    expect(code).toBe(0);
    const lines = printedLines();
    const nstemi = (l: { entities: { text: string; assertion: string }[] }) =>
      l.entities.find((e) => e.text === 'NSTEMI')?.assertion;
    expect(lines.map(nstemi)).toEqual(['historical', 'present']);
  });

  it('exits 1 naming the line of a record whose "date" is not a date', async () => {
    const file = join(dir, 'bad-date.jsonl');
    writeFileSync(file, '{"id":"a","text":"ok","date":"last spring"}\n');
    const code = await runCommand(extractCommand, [file, '--jsonl']);
    expect(code).toBe(1);
    const message = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(message).toMatch(/line 1: field "date"/);
  });

  it('exits 1 naming the line of a record without text, and prints no note text', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"id":"a","text":"ok"}\n{"id":"b","body":"Jane Doe has HIV"}\n');
    const code = await runCommand(extractCommand, [file, '--jsonl']);
    expect(code).toBe(1);
    const message = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(message).toMatch(/line 2: field "text"/);
    expect(message).not.toMatch(/Jane/);
  });

  it('matches a name only an imported MeSH vocabulary has, with its MeSH code', async () => {
    // Prepare: the MeSH fixture through `caregraph vocab import`
    const xml = fileURLToPath(
      new URL('../../../shared/domain/nlp/importers/fixtures/desc_fixture.xml', import.meta.url),
    );
    const vocabulary = join(dir, 'mesh.jsonl');
    expect(
      await runCommand(vocabCommand, ['import', '--format', 'mesh', xml, '--out', vocabulary]),
    ).toBe(0);
    const note = join(dir, 'timoptic.txt');
    writeFileSync(note, 'Refilled Timoptic at the visit. Known hypertension.');
    stdout.mockClear();
    // Act
    const without = await runCommand(extractCommand, [note, '--json']);
    const curatedOnly = JSON.parse(printed());
    stdout.mockClear();
    const code = await runCommand(extractCommand, [note, '--json', '--vocabulary', vocabulary]);
    // Assess
    expect([without, code]).toEqual([0, 0]);
    const texts = (r: { entities: { text: string }[] }) => r.entities.map((e) => e.text);
    expect(texts(curatedOnly)).toEqual(['hypertension']);
    const result = JSON.parse(printed());
    expect(result.entities).toEqual([
      {
        start: 9,
        end: 17,
        text: 'Timoptic',
        type: 'Chemical',
        code: 'D013999',
        system: 'http://id.nlm.nih.gov/mesh',
        assertion: 'present',
      },
      // A curated concept sharing the MeSH code keeps its own id and primary code.
      { ...curatedOnly.entities[0] },
    ]);
  });

  it('exits 1 naming the vocabulary file and line of a bad concept', async () => {
    const vocabulary = join(dir, 'bad.jsonl');
    writeFileSync(
      vocabulary,
      '{"id":"Disease:a","type":"Disease","preferred":"a","synonyms":["a"]}\n{"id":"b","type":"Illness","preferred":"b","synonyms":[]}\n',
    );
    const note = join(dir, 'note.txt');
    writeFileSync(note, 'No fever.');
    const code = await runCommand(extractCommand, [note, '--vocabulary', vocabulary]);
    expect(code).toBe(1);
    const message = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(message).toContain(`${vocabulary} line 2: field "type" must be one of`);
  });

  it('--help describes --tagger by the rule train ner saved in combination.json, as docs/cli.md does', async () => {
    // Act
    const code = await runCommand(extractCommand, ['--help']);
    // Assess: the saved rule first, the fixed rule only for a directory without one
    expect(code).toBe(0);
    const help = printed().replace(/\s+/g, ' ');
    expect(help).toContain(
      'merged by the rule `train ner` chose and saved in DIR/combination.json',
    );
    expect(help).toContain('a directory without a saved rule uses the fixed one');
  });

  it('exits 2 when --vocabulary is given with --tagger', async () => {
    expect(await runCommand(extractCommand, ['--vocabulary', 'v.jsonl', '--tagger', 'dir'])).toBe(
      2,
    );
  });

  it('exits 2 on an unknown flag', async () => {
    expect(await runCommand(extractCommand, ['--nope'])).toBe(2);
  });
});
