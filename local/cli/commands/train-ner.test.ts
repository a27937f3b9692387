import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCombinedExtractor } from '../../../training/deep/ner/combined';
import { tagWithHints } from '../../../training/deep/ner/corpus-tagger';
import {
  combinationSystems,
  combinations,
  combineDocument,
} from '../../../training/deep/ner/crf-combination';
import { crfTag } from '../../../training/deep/ner/crf-corpus';
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
  /** `caregraph train ner` on the toy corpus, with `flags`. */
  const trainNer = (...flags: string[]) =>
    runCommand(trainCommand, ['ner', '--pubtator', join(dir, 'train.pubtator'), ...flags]);

  it('trains a tagger directory that extract --tagger then uses', async () => {
    // Prepare
    const model = join(dir, 'ner');
    const trained = stdout();
    // Act: train
    const trainCode = await trainNer('--out', model, '--epochs', '6', '--json');
    // Assess: the report counts the documents and names the directory
    expect(trainCode).toBe(0);
    const report = JSON.parse(trained()) as { combination: string; combinationHeldOutF1: number };
    expect(report).toMatchObject({ documents: 30, out: model });
    // ... the combination rule chosen on the held-out tenth is one of the candidates, and is saved
    const saved = JSON.parse(await readFile(join(model, 'combination.json'), 'utf8')) as {
      rule: { label: string };
      types: string[];
      heldOutF1: number;
    };
    expect(combinations.map((c) => c.label)).toContain(saved.rule.label);
    expect(saved.rule).toEqual(combinations.find((c) => c.label === saved.rule.label));
    expect(saved.types).toEqual(['Chemical', 'Disease']);
    expect(report.combination).toBe(saved.rule.label);
    expect(report.combinationHeldOutF1).toBe(saved.heldOutF1);
    expect(saved.heldOutF1).toBeGreaterThan(0);
    const card = await readFile(join(model, 'model-card.json'), 'utf8');
    expect(card).toContain(`"${saved.rule.label}"`);
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
    const result = JSON.parse(extracted()) as {
      entities: { text: string; type: string; start: number; end: number }[];
    };
    expect(result.entities).toContainEqual(
      expect.objectContaining({ text: 'trubonal', type: 'Chemical' }),
    );
    // ... merged by the saved rule: every span combineDocument keeps is an extracted entity
    const extractor = await loadCombinedExtractor(model);
    expect(extractor.combination?.rule.label).toBe(saved.rule.label);
    const text = await readFile(note, 'utf8');
    const tagged = crfTag({ ...extractor.sequenceTagger!, engine: extractor.engine }, text);
    const [bilstm] = tagWithHints(extractor.tagger, extractor.engine, [text]);
    const spans = combineDocument(
      text,
      combinationSystems(saved.types, tagged, bilstm!),
      extractor.combination!.rule,
    );
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans)
      expect(result.entities).toContainEqual(
        expect.objectContaining({ start: span.start, end: span.end, type: span.type }),
      );
  });

  it('keeps the fixed rule with --combination fixed, and rejects another value', async () => {
    // Prepare
    const model = join(dir, 'ner-fixed');
    const trained = stdout();
    // Act
    const code = await trainNer(
      '--out',
      model,
      '--epochs',
      '1',
      '--crf-members',
      '1',
      '--clusters',
      '0',
      '--combination',
      'fixed',
      '--json',
    );
    // Assess: no rule saved, so extract --tagger keeps the fixed rule
    expect(code).toBe(0);
    expect(JSON.parse(trained())).toMatchObject({ combination: 'fixed' });
    const saved = JSON.parse(await readFile(join(model, 'combination.json'), 'utf8')) as object;
    expect(saved).not.toHaveProperty('rule');
    expect((await loadCombinedExtractor(model)).combination).toBeUndefined();
    expect(await trainNer('--combination', 'best')).toBe(2);
  });

  it('rejects --lexicon with --tagger, and a directory that is not a tagger', async () => {
    // Prepare
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // Act / Assess
    expect(await runCommand(extractCommand, ['-', '--tagger', dir, '--lexicon', 'x.json'])).toBe(2);
    expect(await runCommand(extractCommand, ['-', '--tagger', dir])).toBe(1);
  });
});
