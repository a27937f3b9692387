import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../io';
import { extractCommand } from './extract';
import { trainCommand } from './train';

// A made-up PubTator corpus (not BC5CDR): invented drug names the curated vocabulary cannot know.
const drugs = ['zorbaxitol', 'quintorex', 'melvadine', 'trubonal'];
const diseases = ['nephritis', 'hepatitis', 'neuropathy', 'anaemia'];
const pubtator = Array.from({ length: 30 }, (_, i) => {
  const drug = drugs[i % 4]!;
  const disease = diseases[(i * 3) % 4]!;
  const title = `Treatment with ${drug} caused ${disease} in rats.`;
  const abstract = `${drug} was given daily.`;
  const text = `${title} ${abstract}`;
  const at = (s: string) => text.indexOf(s);
  const pmid = String(1000 + i);
  return [
    `${pmid}|t|${title}`,
    `${pmid}|a|${abstract}`,
    `${pmid}\t${at(drug)}\t${at(drug) + drug.length}\t${drug}\tChemical\tD0000${i % 4}`,
    `${pmid}\t${at(disease)}\t${at(disease) + disease.length}\t${disease}\tDisease\tD0001${i % 4}`,
    '',
  ].join('\n');
}).join('\n');

describe('Commands: caregraph train ner, then extract --tagger', () => {
  let dir: string;
  const stdout = () => {
    let text = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      text += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return () => text;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-train-ner-'));
    await writeFile(join(dir, 'train.pubtator'), pubtator);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => vi.restoreAllMocks());

  it('trains a tagger directory that extract --tagger then uses', async () => {
    // Prepare
    const model = join(dir, 'ner');
    const trained = stdout();
    // Act: train
    const trainCode = await runCommand(trainCommand, [
      'ner',
      '--pubtator',
      join(dir, 'train.pubtator'),
      '--out',
      model,
      '--epochs',
      '6',
      '--json',
    ]);
    // Assess: the report counts the documents and names the directory
    expect(trainCode).toBe(0);
    expect(JSON.parse(trained())).toMatchObject({ documents: 30, out: model });
    // ... and the sequence tagger is, by default, a 5-seed ensemble with word clusters
    const header = JSON.parse(await readFile(join(model, 'sequence-tagger.json'), 'utf8')) as {
      members?: number;
      clusters?: { paths: Record<string, string> };
    };
    expect(header.members).toBe(5);
    expect(header.clusters?.paths).toHaveProperty('trubonal');
    vi.restoreAllMocks();
    // Act: extract a sentence with a drug only the training corpus knows
    const note = join(dir, 'note.txt');
    await writeFile(note, 'Treatment with trubonal caused hepatitis in mice.');
    const extracted = stdout();
    const code = await runCommand(extractCommand, [note, '--tagger', model, '--json']);
    // Assess
    expect(code).toBe(0);
    const result = JSON.parse(extracted()) as { entities: { text: string; type: string }[] };
    expect(result.entities).toContainEqual(
      expect.objectContaining({ text: 'trubonal', type: 'Chemical' }),
    );
  });

  it('rejects --lexicon with --tagger, and a directory that is not a tagger', async () => {
    // Prepare
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // Act / Assess
    expect(await runCommand(extractCommand, ['-', '--tagger', dir, '--lexicon', 'x.json'])).toBe(2);
    expect(await runCommand(extractCommand, ['-', '--tagger', dir])).toBe(1);
  });
});
